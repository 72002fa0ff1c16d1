"""After `thrive init` (with the shipped open data), the index and deprivation pages have figures from the start."""

from __future__ import annotations

import re

import httpx


def test_the_thriving_people_index_page_has_scores_without_an_analyst_running_anything(
    open_data_client: httpx.Client,
) -> None:
    page = open_data_client.get("/thriving-people-index")
    assert page.status_code == 200
    assert "thrive index compute" not in page.text
    assert "Biscot" in page.text and "Wigmore" in page.text  # every ward is scored and listed


def test_the_deprivation_page_has_both_releases_counted(open_data_client: httpx.Client) -> None:
    page = open_data_client.get("/deprivation")
    assert page.status_code == 200
    assert "thrive deprivation import" not in page.text
    # IoD2019: 4 of Luton's 121 LSOAs in England's 10% most deprived; IoD2025: 17 of 125 (DATA-NOTES I1, I2).
    row = re.search(r"In England’s 10% most deprived \(IMD\)</th>(.*?)</tr>", page.text)
    assert row is not None
    assert re.findall(r">(\d+)</td>", row.group(1)) == ["4", "17"]
