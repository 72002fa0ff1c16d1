"""Better Off Luton in Chromium: residents go from the start page to their results, one question a
page, with JavaScript on and off, on a SQLite and a PostgreSQL database. On every page axe-core finds
no serious or critical problem and nothing scrolls sideways at 320 or 375 pixels wide.

Three households: a lone parent in work, a pensioner couple with a pension each, and a couple where
the partner is the carer. Their figures are worked by hand on the 2025-26 rates (the same rates as
tests/core/benefits/hand_worked.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page, run_thrive, serve_thrive, server_environment
from tests.browser.support import check_on_phones, screenshot, serious_violations, violation_report
from tests.conftest import postgres_database

Step = tuple[str, dict[str, str]]

LONE_PARENT: list[Step] = [
    ("year", {"year": "2025-26"}),
    ("age", {"age": "30"}),
    ("partner", {"partner": "no"}),
    ("public-funds", {"public_funds": "no"}),
    ("children", {"children": "3, 5"}),
    ("children-disability", {}),
    ("work", {"work": "employed"}),
    ("pay", {"earnings": "1000", "hours": "25"}),
    ("disability", {"disability": "no"}),
    ("work-capability", {"work_capability": "not_assessed"}),
    ("caring", {}),
    ("student", {"student": "no"}),
    ("pregnant", {"pregnant": "no"}),
    ("childcare", {}),
    ("tenure", {"tenure": "OWNED_OUTRIGHT"}),
    ("others", {}),
    ("council-tax", {"council_tax": "1500"}),
    ("savings", {}),
    ("receiving", {"receiving_child_benefit": "187.63"}),
]
"""Universal Credit 400.14 + 2 × 292.81 − 0.55 × (1,000 − 684) = £811.96 a month, none claimed."""

TWO_PENSIONS: list[Step] = [
    ("year", {"year": "2025-26"}),
    ("age", {"age": "72"}),
    ("partner", {"partner": "yes"}),
    ("partner-age", {"partner_age": "70"}),
    ("public-funds", {"public_funds": "no"}),
    ("children", {}),
    ("work", {"work": "no"}),
    ("pension", {"pension": "650"}),
    ("disability", {"disability": "no"}),
    ("caring", {}),
    ("partner_work", {"partner_work": "no"}),
    ("partner_pension", {"partner_pension": "600"}),
    ("partner_disability", {"partner_disability": "no"}),
    ("partner_caring", {}),
    ("pregnant", {"pregnant": "no"}),
    ("tenure", {"tenure": "OWNED_OUTRIGHT"}),
    ("others", {}),
    ("council-tax", {"council_tax": "1500"}),
    ("savings", {}),
    ("receiving", {}),
]
"""Pensions of £7,800 and £7,200 a year, each under the personal allowance, so no income tax. Pension
Credit 346.60 × 52 − 15,000 = £3,023.20 a year, £251.93 a month; Council Tax Reduction the whole
bill on guarantee credit, £125 a month."""

PARTNER_CARES: list[Step] = [
    ("year", {"year": "2025-26"}),
    ("age", {"age": "50"}),
    ("partner", {"partner": "yes"}),
    ("partner-age", {"partner_age": "48"}),
    ("public-funds", {"public_funds": "no"}),
    ("children", {}),
    ("work", {"work": "no"}),
    ("disability", {"disability": "pip"}),
    ("pip", {"pip_daily_living": "ENHANCED", "pip_mobility": "NONE"}),
    ("work-capability", {"work_capability": "not_assessed"}),
    ("caring", {}),
    ("student", {"student": "no"}),
    ("partner_work", {"partner_work": "no"}),
    ("partner_disability", {"partner_disability": "no"}),
    ("partner_work-capability", {"partner_work_capability": "not_assessed"}),
    ("partner_caring", {"partner_care_hours": "40"}),
    ("partner_student", {"partner_student": "no"}),
    ("pregnant", {"pregnant": "no"}),
    ("tenure", {"tenure": "RENT_FROM_HA"}),
    ("rent", {"rent": "550"}),
    ("bedrooms", {"bedrooms": "1"}),
    ("others", {}),
    ("council-tax", {"council_tax": "1600"}),
    ("savings", {}),
    ("receiving", {}),
]
"""The partner's Carer's Allowance 83.30 × 52 = £4,331.60 a year (£360.97 a month); Universal Credit
(628.10 + carer element 201.68 + rent 550) × 12 − 4,331.60 = £12,225.76 a year (£1,018.81 a month)."""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def better_off_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`thrive serve` on a fresh database of each kind."""
    folder = tmp_path_factory.mktemp(f"better-off-{request.param}")
    env = server_environment(folder)
    if request.param == "sqlite":
        run_thrive(env, "init")
        yield from serve_thrive(folder, env)
        return
    with postgres_database() as url:
        env["THRIVE_DATABASE_URL"] = url
        run_thrive(env, "init")
        yield from serve_thrive(folder, env)


@pytest.fixture
def resident(browser: Browser, better_off_server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    yield from open_page(browser, better_off_server, request, javascript=True)


@pytest.fixture
def resident_without_javascript(
    browser: Browser, better_off_server: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    yield from open_page(browser, better_off_server, request, javascript=False)


def _check(page: Page, name: str, checked: list[str]) -> None:
    """Screenshot the page, run axe-core where scripts run (it is injected as a script), and check
    nothing scrolls sideways on a narrow phone."""
    screenshot(page, f"better-off-{name}")
    if "js-enabled" in (page.locator("body").get_attribute("class") or ""):
        violations = serious_violations(page)
        assert not violations, violation_report(page.url, violations)
    check_on_phones(page, f"better-off-{name}")
    visible = page.locator("main").inner_text()
    assert not re.search(r"\bnan\b|_|\.ya?ml\b", visible, re.I), f"{name} shows a slug, file name or nan"
    checked.append(name)


def _answer(page: Page, slug: str, fields: dict[str, str], checked: list[str], prefix: str) -> None:
    expect(page.locator('input[name="action"][value="answer"] ~ input[name="question"]')).to_have_value(slug)
    _check(page, f"{prefix}{slug}", checked)
    for name, value in fields.items():
        radio = page.locator(f'input[type="radio"][name="{name}"][value="{value}"]')
        if radio.count():
            radio.check()
        else:
            page.locator(f'input[name="{name}"]:not([type="hidden"])').fill(value)
    page.get_by_role("button", name="Continue").click()


def _journey(page: Page, steps: list[Step], prefix: str) -> list[str]:
    checked: list[str] = []
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Better Off").click()
    expect(page.locator("main h1")).to_have_text("Check what you could get")
    _check(page, f"{prefix}start", checked)
    page.get_by_role("button", name="Start now").click()
    for slug, fields in steps:
        if slug == "children" and prefix.endswith("lone-parent-"):
            # A bad answer first: the error summary and message, on the same question.
            page.locator('input[name="children"]').fill("three")
            page.get_by_role("button", name="Continue").click()
            expect(page.locator(".govuk-error-summary")).to_contain_text("Enter each child's age as a whole number")
            expect(page.locator(".govuk-error-message")).to_be_visible()
            _check(page, f"{prefix}children-error", checked)
        _answer(page, slug, fields, checked, prefix)
    expect(page.locator("main h1")).to_have_text("Check your answers")
    _check(page, f"{prefix}check-your-answers", checked)
    page.get_by_role("button", name="See what you could get").click()
    _check(page, f"{prefix}results", checked)
    return checked


def _row(page: Page, name: str) -> str:
    return page.get_by_role("row", name=re.compile(f"^{name}")).inner_text()


def test_a_lone_parent_goes_from_start_to_results_with_no_accessibility_problems(resident: Page) -> None:
    page = resident
    checked = _journey(page, LONE_PARENT, "lone-parent-")
    assert len(checked) == len(LONE_PARENT) + 4
    expect(page.locator("main h1")).to_contain_text("You could get")
    assert "£811.96" in _row(page, "Universal Credit")
    expect(page.get_by_role("link", name="How to claim Universal Credit")).to_be_visible()
    expect(page.get_by_role("heading", name="Get help from an adviser")).to_be_visible()
    assert "£150 once a year" in _row(page, "Warm Home Discount")
    expect(page.get_by_text("Luton's scheme figures are being confirmed")).to_be_visible()
    page.get_by_role("button", name="Printable summary").click()
    expect(page.locator("h1")).to_contain_text("You could get")
    _check(page, "lone-parent-printable-summary", checked)


def test_the_journey_works_without_javascript(resident_without_javascript: Page) -> None:
    checked = _journey(resident_without_javascript, LONE_PARENT, "nojs-lone-parent-")
    assert "nojs-lone-parent-results" in checked
    assert "£811.96" in _row(resident_without_javascript, "Universal Credit")


def test_a_couple_with_a_pension_each_is_asked_about_each_and_gets_pension_credit(resident: Page) -> None:
    page = resident
    _journey(page, TWO_PENSIONS, "two-pensions-")
    assert "£251.93" in _row(page, "Pension Credit")
    assert "£125" in _row(page, "Council Tax Reduction")
    assert "£0" in _row(page, "Universal Credit")


def test_a_couple_where_the_partner_is_the_carer(resident: Page) -> None:
    page = resident
    _journey(page, PARTNER_CARES, "partner-cares-")
    assert "£360.97" in _row(page, "Carer's Allowance")
    assert "£1,018.81" in _row(page, "Universal Credit")
    expect(page.get_by_text("Your partner cares for 35 hours a week or more")).to_be_visible()
