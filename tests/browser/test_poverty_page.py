"""The poverty page in Chromium: the published distributions, and a published (synthetic) model
run with its ward breakdown, persistence and transitions, all passing axe-core."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import open_page, run_thrive, serve_thrive, server_environment
from tests.browser.support import check_on_phones, screenshot, serious_violations, violation_report


@pytest.fixture(scope="module")
def poverty_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`thrive serve` on a database holding the published tables and one synthetic model run."""
    folder = tmp_path_factory.mktemp("poverty-server")
    env = server_environment(folder)
    panel = folder / "panel.csv"
    run_thrive(env, "init")
    run_thrive(env, "poverty", "synthetic", str(panel), "--households", "4000", "--seed", "3")
    run_thrive(env, "poverty", "publish", str(panel), "--synthetic", "--reason", "Browser test")
    yield from serve_thrive(folder, env)


@pytest.fixture
def poverty_page(browser: Browser, poverty_server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    yield from open_page(browser, poverty_server, request, javascript=True)


def test_the_poverty_page_shows_published_and_synthetic_figures_and_passes_axe(poverty_page: Page) -> None:
    page = poverty_page
    page.goto("/poverty")
    expect(page.locator("main h1")).to_have_text("Poverty in Luton")
    history = page.get_by_role("table", name="Luton households in each band")
    # 003:345-354 and 001:442-450, exactly as published.
    expect(history.get_by_role("row", name="April 2024 (published)")).to_contain_text("7,814 (9.9%)")
    expect(history.get_by_role("row", name="April 2023 (published)")).to_contain_text("7,020 (8.9%)")
    expect(history.get_by_role("row", name="April 2025 (model, SYNTHETIC) Synthetic")).to_be_visible()
    wards = page.get_by_role(
        "table", name="Households in each band by ward, April 2025 (SYNTHETIC data, not official figures)"
    )
    expect(wards.get_by_role("row")).to_have_count(21)  # header, 19 wards and Luton
    types = page.get_by_role(
        "table", name="Households in each band by household type, April 2025 (SYNTHETIC data, not official figures)"
    )
    expect(types.get_by_role("row", name="Lone parent, one child")).to_be_visible()
    expect(page.get_by_text("children lived in households in band D or E in April 2025")).to_be_visible()
    expect(page.get_by_text("[c] means the count is hidden to protect privacy")).to_be_visible()
    expect(page.get_by_text("households were in band D or E for more than two years in a row")).to_be_visible()
    expect(
        page.get_by_role("img", name="Where households in each band in April 2024 were a year later")
    ).to_be_visible()
    screenshot(page, "poverty")
    violations = serious_violations(page)
    assert not violations, violation_report("/poverty", violations)
    check_on_phones(page, "poverty")
