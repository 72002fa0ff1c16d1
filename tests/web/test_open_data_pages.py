"""After `thrive init` (with the shipped open data), the index and deprivation pages have figures from the start."""

from __future__ import annotations

import re

import httpx


def test_the_thriving_people_index_is_computed_without_an_analyst_running_anything(
    open_data_client: httpx.Client,
) -> None:
    page = open_data_client.get("/thriving-people-index")
    assert page.status_code == 200
    assert "thrive index compute" not in page.text
    assert "has not been computed yet" not in page.text
    # Its scores are experimental (29 of 34 indicators synthetic), so the public sees the method only.
    assert "5 of the 34 indicators are real data" in page.text


def test_the_deprivation_page_has_both_releases_counted(open_data_client: httpx.Client) -> None:
    page = open_data_client.get("/deprivation")
    assert page.status_code == 200
    assert "thrive deprivation import" not in page.text
    # IoD2019: 4 of Luton's 121 LSOAs in England's 10% most deprived; IoD2025: 17 of 125 (DATA-NOTES I1, I2).
    row = re.search(r"In England’s 10% most deprived \(IMD\)</th>(.*?)</tr>", page.text)
    assert row is not None
    assert re.findall(r">(\d+)</td>", row.group(1)) == ["4", "17"]
