"""Ward pages are hubs (issue 17): each gives the ward's own deprivation figures, counted here from the
shipped files by a route of its own, and leads to everything else held about the ward."""

from __future__ import annotations

import csv
import gzip

import httpx

from tests.web.helpers import visible_text
from thrive.datasets import OPEN_DATA, dataset_path

DALLOW = "E05002198"
IMD_DECILE = "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"
INCOME_DECILE = "Income Decile (where 1 is most deprived 10% of LSOAs)"


def _dallow_2019() -> tuple[int, int, int]:
    """Dallow's LSOAs (2011), how many are in IMD decile 1, and how many in income deciles 1 and 2."""
    with (dataset_path("luton2040") / "index" / "lsoa2011_wards.csv").open(encoding="utf-8") as lookup:
        lsoas = {row["lsoa_code"] for row in csv.DictReader(lookup) if row["ward_code"] == DALLOW}
    with gzip.open(OPEN_DATA / "iod2019" / "File_2_IoD2019_Domains_of_Deprivation.csv.gz", "rt", encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["LSOA code (2011)"] in lsoas]
    most = sum(1 for row in rows if row[IMD_DECILE] == "1")
    income = sum(1 for row in rows if row[INCOME_DECILE] in ("1", "2"))
    return len(rows), most, income


def test_a_ward_page_gives_the_ward_s_deprivation_and_links_to_all_held_about_it(
    open_data_client: httpx.Client,
) -> None:
    lsoas, most, income = _dallow_2019()
    page = open_data_client.get(f"/areas/{DALLOW}")
    text = visible_text(page.text)

    assert lsoas == 8
    assert (
        f"English Indices of Deprivation 2019: {most} of the ward’s {lsoas} neighbourhoods (LSOAs, 2011) are in "
        f"England’s most deprived 10%, and {income} in its 20% most income-deprived."
    ) in text
    assert "English Indices of Deprivation 2025:" in text
    for link in (f"/thriving-people-index/wards/{DALLOW}", "/deprivation", "/poverty", "/indicators"):
        assert f'href="{link}"' in page.text
    assert "No Road Map figures are published" not in text
