"""The public pages in a real browser: a resident's journey, accessibility, no-JavaScript and keyboard use."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import check_on_phones, screenshot, serious_violations, violation_report

PUBLIC_PAGES = {
    "home": "/",
    "priorities": "/priorities",
    "priority": "/priorities/economy",
    "measure": "/measures/destitution",
    "measure-with-two-series": "/measures/healthy-life-expectancy",
    "town": "/areas/E06000032",
    "ward": "/areas/E05002194",
    "search-results": "/search?q=wages",
    "about-the-data": "/about-the-data",
    "about-the-data-decisions": "/about-the-data/c",
    "about-the-data-method": "/about-the-data/how-we-judge-progress",
    "source": "/sources/003/354",
    "profile": "/profile",
    "compare-two-areas": "/compare?first=E06000032&second=E06000055",
    "downloads": "/downloads",
    "deprivation-domain": "/deprivation/domains/income",
}
"""One page of each public type; the 404 page is checked separately because it answers 404."""

MISSING_PAGE = "/this-page-does-not-exist"


def _main_heading(page: Page) -> str:
    return page.locator("main h1").inner_text().strip()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_a_resident_can_go_from_the_road_map_to_a_measure_and_download_its_figures(page: Page) -> None:
    page.goto("/")
    expect(page.locator("main h1")).to_have_text("Our journey to 2040")
    screenshot(page, "journey-1-home")

    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Priorities").click()
    expect(page).to_have_url(re.compile(r"/priorities$"))
    expect(page.locator("main h1")).to_have_text("Priorities")
    screenshot(page, "journey-2-priorities")

    page.get_by_role("main").get_by_role("link", name="Inclusive economy").click()
    expect(page.locator("main h1")).to_have_text("Inclusive economy")
    screenshot(page, "journey-3-priority-economy")

    page.get_by_role("main").locator('a[href="/measures/destitution"]').click()
    expect(page.locator("main h1")).to_have_text("% of households in destitution")
    expect(page.get_by_role("main")).to_contain_text("9.9%")
    screenshot(page, "journey-4-measure-destitution")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV of the figures: % of households in destitution").click()
    download = download_info.value
    assert download.suggested_filename == "destitution.csv"
    saved = Path(download.path())

    header = saved.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("measure,series,area,period,period_kind,value,")
    published = [
        row
        for row in _csv_rows(saved)
        if row["series"] == "destitution" and row["area"] == "E06000032" and row["period"] == "2023"
    ]
    assert [float(row["value"]) for row in published] == [9.9]


@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_public_page_has_no_serious_or_critical_accessibility_problems(page: Page, name: str) -> None:
    response = page.goto(PUBLIC_PAGES[name])
    assert response is not None and response.ok
    screenshot(page, f"axe-{name}")
    violations = serious_violations(page)
    assert not violations, violation_report(page.url, violations)


@pytest.mark.parametrize("name", [*PUBLIC_PAGES, "page-not-found", "api-docs"])
def test_public_page_reflows_on_a_phone_with_nothing_scrolling_sideways(page: Page, name: str) -> None:
    page.goto({**PUBLIC_PAGES, "page-not-found": MISSING_PAGE, "api-docs": "/api/docs"}[name])
    expect(page.locator("main h1").first).to_be_visible()
    check_on_phones(page, name)


def test_the_page_not_found_answers_404_and_has_no_serious_or_critical_accessibility_problems(page: Page) -> None:
    response = page.goto(MISSING_PAGE)
    assert response is not None and response.status == 404
    expect(page.locator("main h1")).to_have_text("Page not found")
    screenshot(page, "axe-page-not-found")
    violations = serious_violations(page)
    assert not violations, violation_report(page.url, violations)


def test_the_road_map_and_a_measure_page_work_without_javascript(page_without_javascript: Page) -> None:
    page = page_without_javascript
    page.goto("/")
    # The template adds js-enabled only from a script, so its absence shows scripts did not run.
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    assert _main_heading(page) == "Our journey to 2040"
    cards = page.locator(".thrive-card")
    expect(cards).to_have_count(6)
    expect(cards.first).to_contain_text("9.9%")
    expect(page.get_by_role("table").first).to_be_visible()
    screenshot(page, "no-javascript-home")

    page.goto("/measures/destitution")
    assert _main_heading(page) == "% of households in destitution"
    charts = page.locator("main figure.thrive-chart")
    expect(charts.first.locator("svg")).to_be_visible()
    # Every chart has a table of its figures beside it, so nothing depends on seeing the picture.
    tables = page.locator("main table", has=page.locator("caption", has_text="Figures for"))
    expect(tables).to_have_count(charts.count())
    expect(tables.first).to_contain_text("2023")
    expect(tables.first).to_contain_text("9.9%")
    screenshot(page, "no-javascript-measure-destitution")


def test_keyboard_users_reach_the_skip_link_first_and_it_moves_focus_to_the_main_content(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()  # the skip link is visually hidden until it has focus
    screenshot(page, "keyboard-skip-link-focused")

    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()

    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.activeElement.closest('main') !== null")
    assert inside_main, "the next Tab after the skip link should land inside the main content"


def test_the_api_documentation_renders_its_operations_with_nothing_from_another_host(
    page: Page, live_server: str
) -> None:
    """Swagger UI comes from Thrive's own static files: a locked-down council network reaches no CDN."""
    elsewhere: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(live_server) else elsewhere.append(request.url))
    page.goto("/api/docs")
    # Swagger UI adds an h1 of its own once it has drawn the operations, so the page's is found by name.
    expect(page.get_by_role("heading", level=1, name="Thrive open API")).to_be_visible()
    expect(page.locator(".opblock-summary-path").first).to_be_visible(timeout=30_000)
    paths = [text.replace("\u200b", "") for text in page.locator(".opblock-summary-path").all_inner_texts()]
    assert "/api/measures" in paths and "/api/measures/{measure_id}/observations" in paths
    screenshot(page, "api-docs")
    assert elsewhere == [], elsewhere
