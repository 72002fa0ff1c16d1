"""Deprivation counts on the real IoD files: Luton's published figures come out exactly."""

from __future__ import annotations

from functools import cache

import pandas as pd
import pytest

from thrive.datasets import OPEN_DATA, dataset_path
from thrive.index.deprivation import decile_counts, summarise_deprivation, twenty_twenty, ward_summaries

IOD2019 = OPEN_DATA / "iod2019" / "File_2_IoD2019_Domains_of_Deprivation.csv.gz"
WARDS = dataset_path("luton2040") / "index" / "lsoa2011_wards.csv"
"""Luton's LSOAs (2011) and their wards, from the ONS LSOA (2011) to Ward (2019) lookup."""


@cache
def _luton_2019() -> pd.DataFrame:
    england = pd.read_csv(IOD2019)
    luton = england[england["Local Authority District code (2019)"] == "E06000032"]
    frame = pd.DataFrame(
        {
            "lsoa_code": luton["LSOA code (2011)"],
            "imd_decile": luton["Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"],
            "income_decile": luton["Income Decile (where 1 is most deprived 10% of LSOAs)"],
        }
    )
    wards = pd.read_csv(WARDS)[["lsoa_code", "ward_code", "ward_name"]]
    return frame.merge(wards, on="lsoa_code", how="left", validate="one_to_one")


def test_iod2019_puts_4_luton_lsoas_in_englands_most_deprived_tenth() -> None:
    # "In 2019, Luton had four areas within the 10% most deprived" (002:3183); Road Map 2019 value 4 (003:709).
    summary = summarise_deprivation(_luton_2019(), "E06000032", "Luton", 2019)
    assert summary.lsoas == 121
    assert summary.most_deprived == 4


def test_iod2019_income_deciles_give_the_published_20_20_index_of_10_to_34() -> None:
    # Population Wellbeing Strategy, "Economic imbalance 10:34" (002:1224): 34 LSOAs in income deciles 1-2, 10 in 9-10.
    pair = twenty_twenty(_luton_2019()["income_decile"])
    assert (pair.most_deprived, pair.least_deprived) == (34, 10)
    assert pair.text == "10:34"


def test_decile_counts_list_every_decile_even_when_empty() -> None:
    # IoD2019 File 2, Luton: IMD deciles {1: 4, 2: 29, ..., 10: 0} (open_data/iod2019/README.md).
    counts = decile_counts(_luton_2019()["imd_decile"])
    assert counts == {1: 4, 2: 29, 3: 18, 4: 18, 5: 21, 6: 7, 7: 9, 8: 10, 9: 5, 10: 0}


@pytest.mark.parametrize(
    ("ward", "most_deprived", "income_1_2"),
    [("Farley", 2, 4), ("Northwell", 1, 4), ("South", 1, 2), ("Biscot", 0, 7), ("Wigmore", 0, 0)],
)
def test_ward_summaries_add_up_lsoas_through_the_ward_lookup(ward: str, most_deprived: int, income_1_2: int) -> None:
    # The four most deprived LSOAs sit in South, Farley and Northwell (002:733); Biscot has 7 in income deciles 1-2.
    wards = {w.area_name: w for w in ward_summaries(_luton_2019(), 2019)}
    assert len(wards) == 19
    assert wards[ward].most_deprived == most_deprived
    assert wards[ward].twenty_twenty.most_deprived == income_1_2
    assert sum(w.lsoas for w in wards.values()) == 121


def test_summary_round_trips_through_plain_data() -> None:
    summary = summarise_deprivation(_luton_2019(), "E06000032", "Luton", 2019)
    assert type(summary).from_dict(summary.to_dict()) == summary
