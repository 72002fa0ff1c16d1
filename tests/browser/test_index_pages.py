"""The Thriving People Index and deprivation pages in Chromium: axe-core, phones, the experimental map's links
in the workspace, no JavaScript."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import ACCOUNTS, open_page, run_thrive, serve_thrive, server_environment
from tests.browser.support import check_on_phones, screenshot, serious_violations, sign_in, violation_report
from thrive.datasets import OPEN_DATA

IOD2019 = OPEN_DATA / "iod2019"
IOD2025 = OPEN_DATA / "iod2025" / "imd2025_england_lsoa21_humaniverse.csv.gz"
FARLEY_LSOAS = 7
"""Farley's LSOAs (2011) in the ONS LSOA11 to WD19 lookup (luton_E06000032_lsoa_extract.csv)."""
PAGES = {
    "index": "/thriving-people-index",
    "scorecard": "/thriving-people-index/wards/E05002199",
    "deprivation": "/deprivation",
}


@pytest.fixture(scope="module")
def index_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`thrive serve` on a database with both IoD releases imported and the index computed."""
    folder = tmp_path_factory.mktemp("index-server")
    env = server_environment(folder)
    run_thrive(env, "init")
    files = [
        str(IOD2019 / "File_2_IoD2019_Domains_of_Deprivation.csv.gz"),
        str(IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz"),
    ]
    run_thrive(env, "deprivation", "import", *files, "--release", "2019")
    run_thrive(env, "deprivation", "import", str(IOD2025), "--release", "2025")
    run_thrive(env, "index", "compute", "--draws", "200")
    admin = ACCOUNTS.admin
    run_thrive(env, "user", "add", admin.email, "--role", "admin", "--password-stdin", stdin=admin.password)
    yield from serve_thrive(folder, env)


@pytest.fixture
def index_page(browser: Browser, index_server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    yield from open_page(browser, index_server, request, javascript=True)


@pytest.fixture
def index_page_without_javascript(
    browser: Browser, index_server: str, request: pytest.FixtureRequest
) -> Iterator[Page]:
    yield from open_page(browser, index_server, request, javascript=False)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_index_and_deprivation_pages_have_no_serious_accessibility_violations(index_page: Page, name: str) -> None:
    index_page.goto(PAGES[name])
    expect(index_page.locator("main h1")).to_be_visible()
    screenshot(index_page, f"index-{name}")
    violations = serious_violations(index_page)
    assert not violations, violation_report(PAGES[name], violations)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_index_and_deprivation_pages_reflow_on_a_phone(index_page: Page, name: str) -> None:
    index_page.goto(PAGES[name])
    expect(index_page.locator("main h1")).to_be_visible()
    check_on_phones(index_page, f"index-{name}")


def test_a_resident_sees_how_the_index_is_made_and_no_synthetic_ranking(index_page_without_javascript: Page) -> None:
    page = index_page_without_javascript
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Thriving People Index").click()
    expect(page.locator("main h1")).to_have_text("Thriving People Index")
    expect(page.get_by_text("The index’s scores and ranks are not published yet.", exact=False)).to_be_visible()
    expect(page.locator("figure.thrive-map")).to_have_count(0)
    expect(page.get_by_role("link", name="deprivation page")).to_be_visible()


def test_an_officer_goes_from_the_experimental_map_to_a_ward_scorecard_without_javascript(
    index_page_without_javascript: Page,
) -> None:
    page = index_page_without_javascript
    sign_in(page, ACCOUNTS.admin)
    page.get_by_role("link", name="Thriving People Index scores and ranks (experimental)").click()
    expect(page.get_by_role("heading", name="Experimental: officers only")).to_be_visible()
    page.locator("figure.thrive-map").get_by_role("link", name="Farley").click()
    expect(page.locator("main h1")).to_have_text("Farley scorecard")
    expect(page.get_by_role("heading", name="Experimental: officers only")).to_be_visible()
    expect(page.get_by_role("cell", name="Personal Safety", exact=True)).to_be_visible()
    lsoas = page.get_by_role("table", name="LSOAs in Farley: scores, ranks and 95% intervals, 2023")
    expect(lsoas.get_by_role("columnheader", name="Rank of 121")).to_be_visible()
    expect(lsoas.get_by_role("rowheader")).to_have_count(FARLEY_LSOAS)
    screenshot(page, "index-experimental-scorecard")


@pytest.mark.parametrize(
    "path", ["/workspace/thriving-people-index", "/workspace/thriving-people-index/wards/E05002199"]
)
def test_the_experimental_pages_pass_axe_and_reflow_on_a_phone(index_page: Page, path: str) -> None:
    sign_in(index_page, ACCOUNTS.admin)
    index_page.goto(path)
    violations = serious_violations(index_page)
    assert not violations, violation_report(path, violations)
    check_on_phones(index_page, "index-experimental-" + path.rsplit("/", 1)[-1])


def test_the_framework_form_and_its_error_summary_pass_axe(index_page: Page) -> None:
    sign_in(index_page, ACCOUNTS.admin)
    index_page.goto("/workspace/index-framework")
    expect(index_page.locator("main h1")).to_have_text("Thriving People Index framework")
    assert not serious_violations(index_page), violation_report("framework form", serious_violations(index_page))
    index_page.get_by_role("button", name="Save and score the index").click()
    expect(index_page.get_by_role("alert")).to_contain_text("Enter why the framework is changing")
    screenshot(index_page, "index-framework-error")
    violations = serious_violations(index_page)
    assert not violations, violation_report("framework form with an error", violations)
