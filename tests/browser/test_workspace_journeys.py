"""The officer workspace in a real browser: entering, checking, sending and publishing figures, and accounts.

The live server is shared by the whole session, so every test that saves a figure uses its own
period of weekly-wages for Luton, and none but the keyboard journey uses 2023 or later: the
keyboard journey can then rely on the draft assessment starting from the shipped 2023 figure,
whatever order the tests run in.

Tests that are not about signing in share one session per officer (the `officers` fixture).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.support import (
    Account,
    Accounts,
    Focused,
    press,
    screenshot,
    serious_violations,
    sign_in,
    tab_until,
    violation_report,
)

expect.set_options(timeout=30_000)  # two cores shared with other engineers' test runs: wait, never sleep

MEASURE = "weekly-wages"
MEASURE_WORDING = "Average weekly wages in Luton"
LUTON = "E06000032"
SESSION_COOKIE = "__Host-thrive_session"

ECONOMY_LEAD = Account(
    "economy-lead@luton.gov.uk", "economy-lead-password-for-tests", "editor", "inclusive-economy-board"
)
"""A second editor of the group that owns weekly-wages, made by the admin on the users page."""


# ---------------------------------------------------------------- shared sign-ins


@dataclass(frozen=True)
class Officers:
    """Signed-in sessions, made once per module, that a test puts into its own fresh browser context.

    Tests using them must not sign out: that would end the session for the tests after them.
    """

    base_url: str
    sessions: dict[str, str]
    admin: Account
    editor: Account

    def act_as(self, page: Page, account: Account) -> None:
        """Swap the page's cookies for the account's session, as if that officer had signed in there."""
        page.context.clear_cookies()
        page.context.add_cookies(
            [
                {
                    "name": SESSION_COOKIE,
                    "value": self.sessions[account.email],
                    # Chromium sets a __Host- cookie only for a secure URL; it still sends it to
                    # http://127.0.0.1, which it treats as a secure origin (loopback).
                    "url": self.base_url.replace("http://", "https://", 1),
                    "httpOnly": True,
                    "secure": True,
                    "sameSite": "Strict",
                }
            ]
        )


def _session_token(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c.get("name") == SESSION_COOKIE)


def _add_user(page: Page, account: Account) -> None:
    """Fill in the admin's "Add a user" form and wait for the confirmation."""
    page.goto("/workspace/users")
    page.get_by_label("Email address").fill(account.email)
    page.get_by_role("radio", name=account.role.title()).check()
    if account.group:
        page.get_by_label("Partnership group (for editors)").select_option(account.group)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Add user").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(f"Account created for {account.email}.")


@pytest.fixture(scope="module")
def officers(browser: Browser, live_server: str, accounts: Accounts) -> Iterator[Officers]:
    """The admin's session and the economy lead's, each from one real sign-in on the sign-in page."""
    context = browser.new_context(base_url=live_server, locale="en-GB")
    page = context.new_page()
    try:
        sign_in(page, accounts.admin)
        admin_session = _session_token(page)
        _add_user(page, ECONOMY_LEAD)
        context.clear_cookies()
        sign_in(page, ECONOMY_LEAD)
        editor_session = _session_token(page)
    finally:
        context.close()
    yield Officers(
        base_url=live_server,
        sessions={accounts.admin.email: admin_session, ECONOMY_LEAD.email: editor_session},
        admin=accounts.admin,
        editor=ECONOMY_LEAD,
    )


# ---------------------------------------------------------------- steps shared by several tests


def _enter_result(page: Page, period: str, value: str, reason: str) -> None:
    """Enter a Luton figure for weekly-wages on the result form and wait for the "Draft saved" banner."""
    page.goto(f"/workspace/measures/{MEASURE}/results")
    page.get_by_label("Period").fill(period)
    page.get_by_label("Value").fill(value)
    page.get_by_label("Why is this figure being entered?").fill(reason)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved.")


def _send_drafts_for_review(page: Page) -> None:
    page.get_by_role("button", name="Send drafts for review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Sent for review.")


def _review_label(value: str, period: str) -> str:
    return f"{MEASURE_WORDING}: {value} for {period} ({LUTON})"


def _public_figures_table(page: Page) -> Locator:
    """Open the public measure page and return its table of published figures (area, period, value, source)."""
    page.goto(f"/measures/{MEASURE}")
    expect(page.locator("main h1")).to_have_text(MEASURE_WORDING)
    return page.locator("main table", has=page.locator("caption", has_text="Figures for"))


def _ids(stops: list[Focused]) -> list[str]:
    return [stop.id or stop.name for stop in stops]


def _skip_to_main(page: Page) -> None:
    """Tab to the skip link and follow it, so the next Tab lands on the first control in the main content."""
    skip = press(page, "Tab")
    assert skip.name == "Skip to main content", f"the first Tab should reach the skip link, not {skip}"
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


# ---------------------------------------------------------------- 1. the editor's journey by keyboard


def test_an_editor_using_only_the_keyboard_enters_a_result_sees_the_draft_assessment_change_and_sends_it_for_review(
    page: Page, accounts: Accounts
) -> None:
    """Officers who cannot use a mouse must be able to do the whole job (WCAG 2.1.1 and 2.4.3, 2.4.7).

    No clicks: only Tab, Shift+Tab, Enter, Space and typing. Every stop must show GOV.UK's focus style,
    and the form controls must be reached in the order they are read.
    """
    editor = accounts.editor
    page.goto("/sign-in")
    _skip_to_main(page)
    sign_in_order = [press(page, "Tab")]
    page.keyboard.type(editor.email)
    sign_in_order.append(press(page, "Tab"))
    page.keyboard.type(editor.password)
    sign_in_order += [press(page, "Tab"), press(page, "Tab")]
    assert _ids(sign_in_order) == ["email", "password", "Show password", "Sign in"], sign_in_order
    screenshot(page, "keyboard-1-sign-in")
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text("Officer workspace")
    expect(page.locator(".thrive-signed-in")).to_contain_text(f"Signed in as {editor.email} (editor)")

    _skip_to_main(page)
    tab_until(page, lambda stop: stop.href == f"/workspace/measures/{MEASURE}")
    screenshot(page, "keyboard-2-dashboard-measure-link-focused")
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text(MEASURE_WORDING)
    status = page.locator(f"#draft-status-{MEASURE}")
    expect(status).to_contain_text("On track: £618.10 in 2023")
    expect(status).not_to_contain_text("2024")

    _skip_to_main(page)
    enter = press(page, "Tab")
    assert enter.name == "Enter a result", (
        f"the first control on the measure page should be 'Enter a result', not {enter}"
    )
    screenshot(page, "keyboard-3-measure-enter-a-result-focused")
    page.keyboard.press("Enter")
    expect(page.locator("main h1")).to_have_text("Enter a result")

    _skip_to_main(page)
    area = press(page, "Tab")
    expect(page.get_by_label("Area")).to_have_value(LUTON)  # preselected: nothing to change
    period = press(page, "Tab")
    page.keyboard.type("2024")
    value = press(page, "Tab")
    page.keyboard.type("650.5")
    note = press(page, "Tab")
    page.keyboard.type("Provisional")
    reason = press(page, "Tab")
    page.keyboard.type("2024 figure from the ONS ASHE release")
    save = press(page, "Tab")
    forwards = [area, period, value, note, reason, save]
    assert _ids(forwards) == ["area", "period", "value", "note", "reason", "Save draft"], forwards
    # Shift+Tab walks back through the same controls in reverse, then Tab returns to the button.
    backwards = [press(page, "Shift+Tab") for _ in range(5)]
    assert _ids(backwards) == ["reason", "note", "value", "period", "area"], backwards
    again = [press(page, "Tab") for _ in range(5)]
    assert _ids(again)[-1] == "Save draft", again
    expect(page.get_by_label("Value")).to_have_value("650.5")
    screenshot(page, "keyboard-4-result-form-filled")
    page.keyboard.press("Enter")

    expect(page.locator(".govuk-notification-banner")).to_contain_text("Draft saved.")
    expect(status).to_contain_text("£650.50 in 2024")
    draft_row = page.get_by_role("row", name=re.compile(rf"^{MEASURE} {LUTON} 2024 £650\.50 "))
    expect(draft_row).to_contain_text("draft")
    screenshot(page, "keyboard-5-measure-draft-saved")

    send = tab_until(page, lambda stop: stop.name == "Send drafts for review")[-1]
    assert send.tag == "button", send
    page.keyboard.press("Space")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Sent for review.")
    expect(draft_row).to_contain_text("in review")
    expect(page.get_by_role("button", name="Send drafts for review")).to_have_count(0)
    screenshot(page, "keyboard-6-measure-sent-for-review")


# ---------------------------------------------------------------- 2. another group's measure


def test_an_editor_is_refused_another_groups_result_form_and_sees_no_enter_a_result_button(
    page: Page, officers: Officers
) -> None:
    """Group rights are enforced by the page itself, not just by hiding links (the API has its own tests)."""
    officers.act_as(page, officers.editor)
    refused = page.goto("/workspace/measures/healthy-life-expectancy/results")
    assert refused is not None and refused.status == 403
    expect(page.locator("main h1")).to_have_text("You cannot do that")
    expect(page.get_by_role("main")).to_contain_text("belongs to another partnership group")
    expect(page.get_by_label("Value")).to_have_count(0)
    screenshot(page, "workspace-refused-another-groups-result-form")

    shown = page.goto("/workspace/measures/healthy-life-expectancy")
    assert shown is not None and shown.status == 200
    expect(page.locator("main h1")).to_contain_text("Healthy life expectancy")
    expect(page.get_by_role("link", name="Enter a result")).to_have_count(0)
    expect(page.get_by_role("link", name="Write commentary")).to_have_count(0)
    expect(page.locator("main .govuk-inset-text")).to_contain_text("you can read it but not change it")
    screenshot(page, "workspace-another-groups-measure-read-only")


# ---------------------------------------------------------------- 3. the error summary


def test_a_result_with_a_bad_value_and_no_reason_shows_an_error_summary_whose_links_focus_the_fields(
    page: Page, officers: Officers
) -> None:
    """GOV.UK's error pattern: "Error:" in the title, every problem in one summary, each link focusing its field.

    Screen reader users hear the title first, and the links are how everyone gets to the field to fix.
    """
    officers.act_as(page, officers.editor)
    page.goto(f"/workspace/measures/{MEASURE}/results")
    page.get_by_label("Period").fill("2020")
    page.get_by_label("Value").fill("9,9%")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Save draft").click()
    assert answer.value.status == 400

    expect(page).to_have_title(re.compile(r"^Error: Enter a result"))
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary when the page loads
    links = summary.get_by_role("link")
    expect(links).to_have_text([re.compile(r"'9,9%' is not a number"), re.compile(r"^Say why the figure")])
    # What the officer typed is kept, and each field carries its own message, tied to it for screen readers.
    expect(page.get_by_label("Value")).to_have_value("9,9%")
    expect(page.get_by_label("Value")).to_have_attribute("aria-describedby", re.compile(r"\bvalue-error\b"))
    expect(page.locator("#reason-error")).to_contain_text("Say why the figure")
    screenshot(page, "workspace-result-form-error-summary")

    for link, field in ((links.nth(0), "#value"), (links.nth(1), "#reason")):
        link.click()
        expect(page.locator(field)).to_be_focused()
        screenshot(page, f"workspace-result-form-error-link-{field.lstrip('#')}")

    # Nothing was saved.
    page.goto(f"/workspace/measures/{MEASURE}")
    expect(page.locator("main h1")).to_have_text(MEASURE_WORDING)
    expect(page.locator("main")).not_to_contain_text("9,9%")


# ---------------------------------------------------------------- 4. publishing


def test_an_admin_publishes_a_submitted_figure_and_only_then_it_appears_on_the_public_measure_page(
    page: Page, officers: Officers, browser: Browser, live_server: str
) -> None:
    """Drafts and figures in review stay off the public site until an administrator publishes them.

    The admin publishes only this test's figure (unticking any others waiting), so the others stay in review.
    """
    period, value = "2022", "£640.25"
    officers.act_as(page, officers.editor)
    _enter_result(page, period, "640.25", "2022 figure from the ONS ASHE release")
    _send_drafts_for_review(page)

    figures = _public_figures_table(page)
    expect(figures).to_contain_text("£618.10")
    expect(figures).not_to_contain_text(value)
    screenshot(page, "publish-1-public-page-before")

    officers.act_as(page, officers.admin)
    page.goto("/workspace/review")
    expect(page.locator("main h1")).to_have_text("Review and publish")
    waiting = page.locator(".govuk-checkboxes__input")
    ours = page.get_by_label(_review_label(value, period))
    expect(ours).to_be_checked()
    others = waiting.count() - 1
    for index in range(waiting.count()):
        box = waiting.nth(index)
        if box.get_attribute("id") != ours.get_attribute("id"):
            box.uncheck()
    page.get_by_label("Note for the history (optional)").fill("Checked against the ASHE table")
    screenshot(page, "publish-2-review-page")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_label(_review_label(value, period))).to_have_count(0)
    expect(page.locator(".govuk-checkboxes__input")).to_have_count(others)
    screenshot(page, "publish-3-review-page-after")

    # Public pages may be cached for 60 s (Cache-Control: max-age=60), so this page's own cache could still
    # hold the page it saw before; a resident arriving now, with nothing cached, must see the new figure.
    resident = browser.new_context(base_url=live_server, locale="en-GB", viewport={"width": 1280, "height": 900})
    try:
        public = resident.new_page()
        figures = _public_figures_table(public)
        row = figures.locator("tbody tr").filter(has_text=value)
        expect(row.locator("td")).to_contain_text(["Luton", period, value])
        screenshot(public, "publish-4-public-page-after")
    finally:
        resident.close()


# ---------------------------------------------------------------- 5. accounts


def test_an_admin_adds_an_editor_on_the_users_page_and_the_new_editor_can_sign_in(
    page: Page, officers: Officers
) -> None:
    """Accounts are made in the browser, not only with `thrive user add`, and work at once.

    An incomplete form lists every problem at once, not one per attempt.
    """
    newcomer = Account("climate-lead@luton.gov.uk", "climate-lead-password-for-tests", "editor", "climate-action-group")
    officers.act_as(page, officers.admin)
    page.goto("/workspace/users")
    page.get_by_role("radio", name="Editor").check()
    page.get_by_role("button", name="Add user").click()
    expect(page.locator(".govuk-error-summary").get_by_role("link")).to_have_text(
        [
            re.compile("^Enter an email address"),
            re.compile("^An editor needs a partnership group"),
            re.compile("^Enter a password"),
        ]
    )
    expect(page.get_by_role("radio", name="Editor")).to_be_checked()  # what was chosen is kept
    screenshot(page, "users-1-incomplete-form")

    _add_user(page, newcomer)
    row = page.locator("main table tbody tr").filter(has_text=newcomer.email)
    expect(row.locator("td")).to_have_text([newcomer.email, "editor", "climate-action-group", re.compile("Unlock")])
    expect(row.get_by_role("button", name=f"Unlock sign-in for {newcomer.email}")).to_be_visible()
    screenshot(page, "users-2-account-created")

    page.context.clear_cookies()
    sign_in(page, newcomer)
    expect(page.locator(".thrive-signed-in")).to_contain_text(f"Signed in as {newcomer.email} (editor)")
    screenshot(page, "users-3-new-editor-signed-in")


def test_an_officer_can_sign_in_again_after_signing_in_once(page: Page, accounts: Accounts) -> None:
    """Officers sign in every working day (a second sign-in once failed on SQLite's zone-less timestamps)."""
    sign_in(page, accounts.viewer)
    page.context.clear_cookies()
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(accounts.viewer.email)
    page.get_by_label("Password", exact=True).fill(accounts.viewer.password)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 303


# ---------------------------------------------------------------- 6. accessibility


def _sign_in_page(page: Page, officers: Officers) -> None:
    page.context.clear_cookies()
    page.goto("/sign-in")


def _sign_in_page_with_errors(page: Page, officers: Officers) -> None:
    _sign_in_page(page, officers)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter your email address")


def _result_form(page: Page, officers: Officers) -> None:
    officers.act_as(page, officers.editor)
    page.goto(f"/workspace/measures/{MEASURE}/results")


def _result_form_with_errors(page: Page, officers: Officers) -> None:
    _result_form(page, officers)
    page.get_by_label("Value").fill("9,9%")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("is not a number")


def _dashboard(page: Page, officers: Officers) -> None:
    officers.act_as(page, officers.admin)
    page.goto("/workspace")


def _workspace_measure(page: Page, officers: Officers) -> None:
    officers.act_as(page, officers.editor)
    page.goto(f"/workspace/measures/{MEASURE}")


def _review(page: Page, officers: Officers) -> None:
    # Something must be waiting, or the page shows no form to check.
    officers.act_as(page, officers.editor)
    _enter_result(page, "2021", "590.75", "2021 figure from the ONS ASHE release")
    _send_drafts_for_review(page)
    officers.act_as(page, officers.admin)
    page.goto("/workspace/review")
    expect(page.get_by_label(_review_label("£590.75", "2021"))).to_be_checked()


def _users(page: Page, officers: Officers) -> None:
    officers.act_as(page, officers.admin)
    page.goto("/workspace/users")


def _users_with_errors(page: Page, officers: Officers) -> None:
    _users(page, officers)
    page.get_by_role("button", name="Add user").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a role")


def _upload(page: Page, officers: Officers) -> None:
    officers.act_as(page, officers.editor)
    page.goto("/workspace/upload")


def _upload_with_errors(page: Page, officers: Officers) -> None:
    _upload(page, officers)
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a CSV or XLSX file")


WORKSPACE_PAGES: dict[str, Callable[[Page, Officers], None]] = {
    "sign-in": _sign_in_page,
    "sign-in-with-errors": _sign_in_page_with_errors,
    "result-form": _result_form,
    "result-form-with-errors": _result_form_with_errors,
    "dashboard": _dashboard,
    "workspace-measure": _workspace_measure,
    "review": _review,
    "users": _users,
    "users-with-errors": _users_with_errors,
    "upload": _upload,
    "upload-with-errors": _upload_with_errors,
}
"""Each workspace page, empty and (where it has a form) with errors, reached as the officer who would use it."""


@pytest.mark.parametrize("name", list(WORKSPACE_PAGES))
def test_workspace_page_has_no_serious_or_critical_accessibility_problems(
    page: Page, officers: Officers, name: str
) -> None:
    WORKSPACE_PAGES[name](page, officers)
    expect(page.locator("main h1")).to_be_visible()
    screenshot(page, f"axe-workspace-{name}")
    violations = serious_violations(page)
    assert not violations, violation_report(page.url, violations)
