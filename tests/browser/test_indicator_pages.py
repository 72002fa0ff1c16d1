"""Indicator pages and the measure pages that compare Luton and show where figures come from, in Chromium.

axe-core finds no serious or critical problem; at 320 and 375 pixels wide nothing makes the page
scroll sideways (wide tables and charts scroll inside their own box); the catalogue's filter
works without JavaScript. Screenshots of every page at every width go to the artifacts folder.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import check_on_phones, screenshot, serious_violations, violation_report

PAGES = {
    "indicators": "/indicators",
    "indicator": "/indicators/ons-male-healthy-life-expectancy",
    "measure-gcse-attainment": "/measures/gcse-attainment",
    "measure-healthy-life-expectancy": "/measures/healthy-life-expectancy",
    "measure-weekly-wages": "/measures/weekly-wages",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_indicator_and_measure_pages_have_no_serious_or_critical_accessibility_problems(page: Page, name: str) -> None:
    response = page.goto(PAGES[name])
    assert response is not None and response.ok
    screenshot(page, f"axe-{name}")
    violations = serious_violations(page)
    assert not violations, violation_report(page.url, violations)


@pytest.mark.parametrize("name", list(PAGES))
def test_pages_do_not_scroll_sideways_on_a_narrow_phone(page: Page, name: str) -> None:
    response = page.goto(PAGES[name])
    assert response is not None and response.ok
    check_on_phones(page, name)


def test_the_catalogue_filters_without_javascript(page_without_javascript: Page) -> None:
    page = page_without_javascript
    page.goto("/indicators")
    table = page.get_by_role("table")
    expect(table.get_by_role("link", name="Average Attainment 8 score per pupil")).to_be_visible()

    page.get_by_label("Search indicators").fill("weekly pay")
    page.get_by_role("button", name="Filter indicators").click()
    expect(page).to_have_url(re.compile(r"/indicators\?q=weekly\+pay"))
    expect(page.get_by_role("status")).to_contain_text("1 of 43 indicators match")
    expect(table.get_by_role("link", name=re.compile("^Gross median weekly pay"))).to_be_visible()
    expect(table.get_by_role("link", name="Average Attainment 8 score per pupil")).to_have_count(0)
    screenshot(page, "no-javascript-indicators-filtered")

    page.get_by_label("Search indicators").fill("")
    page.get_by_label("Publisher").select_option("Department for Education")
    page.get_by_role("button", name="Filter indicators").click()
    expect(table.get_by_role("link", name="Average Attainment 8 score per pupil")).to_be_visible()
    expect(table.get_by_role("link", name=re.compile("^Gross median weekly pay"))).to_have_count(0)

    page.get_by_role("link", name="Average Attainment 8 score per pupil").click()
    expect(page.locator("main h1")).to_have_text("Average Attainment 8 score per pupil")
    uses = page.get_by_role("table", name="Road Map measures this indicator feeds or informs")
    uses.get_by_role("link", name="GCSE results (average attainment 8 score)").click()
    expect(page).to_have_url(re.compile(r"/measures/gcse-attainment$"))
