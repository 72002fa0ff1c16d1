"""Better Off Luton in Chromium: a resident goes from the start page to their results, one question a
page, with JavaScript on and off, and axe-core finds no serious or critical problem on any page."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.browser.support import screenshot, serious_violations, violation_report


def _check_accessibility(page: Page, name: str, checked: list[str]) -> None:
    """Screenshot every page; run axe-core where scripts run (it is injected as a script, so it
    cannot run with JavaScript off; the server sends the same markup either way)."""
    screenshot(page, f"better-off-{name}")
    if _scripts_run(page):
        violations = serious_violations(page)
        assert not violations, violation_report(page.url, violations)
    checked.append(name)


def _scripts_run(page: Page) -> bool:
    # GOV.UK Frontend's template adds js-enabled to <body> from an inline script.
    return "js-enabled" in (page.locator("body").get_attribute("class") or "")


def _answer(
    page: Page, checked: list[str], name: str, fill: dict[str, str] | None = None, choose: str | None = None
) -> None:
    _check_accessibility(page, name, checked)
    for label, value in (fill or {}).items():
        page.get_by_label(label, exact=True).fill(value)
    if choose is not None:
        page.get_by_label(choose, exact=True).check()
    page.get_by_role("button", name="Continue").click()


def _journey(page: Page, prefix: str) -> list[str]:
    checked: list[str] = []
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Better Off").click()
    expect(page.locator("main h1")).to_have_text("Check what you could get")
    _check_accessibility(page, f"{prefix}start", checked)
    page.get_by_role("button", name="Start now").click()
    _answer(page, checked, f"{prefix}year", choose="2025-26 (6 April 2025 to 5 April 2026)")
    _answer(page, checked, f"{prefix}age", {"How old are you?": "30"})
    _answer(page, checked, f"{prefix}partner", choose="No")
    # A bad answer: the error summary and message, on the same question.
    page.get_by_label("How old are the children who live with you?").fill("three")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter each child's age as a whole number")
    _check_accessibility(page, f"{prefix}children-error", checked)
    _answer(page, checked, f"{prefix}children", {"How old are the children who live with you?": "3, 5"})
    _answer(page, checked, f"{prefix}work", {"Pay a month, before tax": "1000", "Hours a week": "25"})
    _answer(page, checked, f"{prefix}pension")
    _answer(page, checked, f"{prefix}disability", choose="No")
    _answer(page, checked, f"{prefix}caring", choose="No")
    _answer(page, checked, f"{prefix}pregnant", choose="No")
    _answer(page, checked, f"{prefix}tenure", choose="I own it outright")
    _answer(page, checked, f"{prefix}council-tax", {"How much council tax is your bill for the year?": "1500"})
    _answer(page, checked, f"{prefix}savings")
    _answer(page, checked, f"{prefix}receiving", {"Child Benefit": "187.63"})
    expect(page.locator("main h1")).to_have_text("Check your answers")
    expect(page.locator(".govuk-summary-list")).to_contain_text("3, 5")
    _check_accessibility(page, f"{prefix}check-your-answers", checked)
    page.get_by_role("button", name="See what you could get").click()
    # By hand (GOV.UK 2025-26): 400.14 + 2 × 292.81 − 0.55 × (1,000 − 684) = £811.96 a month of
    # Universal Credit, none claimed.
    expect(page.locator("main h1")).to_contain_text("You could get")
    universal_credit = page.get_by_role("row", name=re.compile(r"^Universal Credit"))
    expect(universal_credit).to_contain_text("£811.96")
    expect(page.get_by_role("link", name="How to claim Universal Credit")).to_be_visible()
    expect(page.get_by_role("heading", name="What to do next")).to_be_visible()
    _check_accessibility(page, f"{prefix}results", checked)
    page.get_by_role("button", name="Printable summary").click()
    expect(page.locator("h1")).to_contain_text("You could get")
    _check_accessibility(page, f"{prefix}printable-summary", checked)
    return checked


def test_a_resident_goes_from_start_to_results_with_no_accessibility_problems(page: Page) -> None:
    checked = _journey(page, "")
    assert len(checked) == 18


def test_the_journey_works_without_javascript(page_without_javascript: Page) -> None:
    checked = _journey(page_without_javascript, "nojs-")
    assert "nojs-results" in checked
