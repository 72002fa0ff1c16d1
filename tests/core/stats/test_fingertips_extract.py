"""Reproduce a real Fingertips export: Byar's 95% limits and the "Compared to England" flags.

The extract (OHID Fingertips indicator 93356, Campylobacter incidence per 100,000, County & UA, 2015-17)
and the checks it supports are described in its README. Its limits were published before OHID switched
to exact limits for counts below 10 (2018), so they use Byar's method for every count: ``exact_below=0``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.conftest import FIXTURES
from thrive.stats import Comparison, Polarity, byars_interval, fingertips_compare, fingertips_recent_trend

EXTRACT = FIXTURES / "fingertips_campylobacter_countyua_2015_2017" / "indicators-CountyUA.data.csv"
PER_100_000 = 100_000.0
PUBLISHED_FLAG = {
    Comparison.BETTER: "Better",
    Comparison.SIMILAR: "Similar",
    Comparison.WORSE: "Worse",
    Comparison.NOT_COMPARED: "Not compared",
}


@pytest.fixture(scope="module")
def extract() -> pd.DataFrame:
    return pd.read_csv(EXTRACT)  # the quoted Indicator Name holds a newline, which the CSV reader handles


@pytest.fixture(scope="module")
def areas(extract: pd.DataFrame) -> pd.DataFrame:
    """County & UA rows, each with England's count and denominator for the same year and age."""
    england = extract[(extract["Area Type"] == "Country") & extract["Category Type"].isna()]
    england = england[["Time period", "Age", "Count", "Denominator"]].rename(
        columns={"Count": "England count", "Denominator": "England denominator"}
    )
    counties = extract[extract["Area Type"] == "County & UA"]
    return counties.merge(england, on=["Time period", "Age"], how="left", validate="many_to_one")


def test_extract_has_the_rows_its_readme_describes(extract: pd.DataFrame, areas: pd.DataFrame) -> None:
    assert len(extract) == 852
    assert len(areas) == 760
    assert areas["England count"].notna().all()


def test_byars_interval_reproduces_published_95_percent_limits(areas: pd.DataFrame) -> None:
    published = areas[areas["Lower CI 95.0 limit"].notna()]
    result = byars_interval(
        published["Count"].to_numpy(np.float64),
        published["Denominator"].to_numpy(np.float64),
        multiplier=PER_100_000,
        exact_below=0,
    )
    lower_error = np.abs(result.lower - published["Lower CI 95.0 limit"].to_numpy(np.float64))
    upper_error = np.abs(result.upper - published["Upper CI 95.0 limit"].to_numpy(np.float64))
    print(
        f"\nByar's 95% limits: {len(published)} rows, largest difference "
        f"{max(lower_error.max(), upper_error.max()):.4f} per 100,000"
    )
    assert len(published) == 750
    assert lower_error.max() <= 0.01
    assert upper_error.max() <= 0.01
    np.testing.assert_allclose(result.value, published["Value"].to_numpy(np.float64), rtol=1e-9)


def test_fingertips_compare_agrees_with_published_compared_to_england_flags(areas: pd.DataFrame) -> None:
    area = byars_interval(
        areas["Count"].to_numpy(np.float64),
        areas["Denominator"].to_numpy(np.float64),
        multiplier=PER_100_000,
        exact_below=0,
    )
    england = byars_interval(
        areas["England count"].to_numpy(np.float64),
        areas["England denominator"].to_numpy(np.float64),
        multiplier=PER_100_000,
    )
    # Campylobacter incidence: a lower rate is better.
    ours = fingertips_compare(area.value, area.lower, area.upper, england.value, polarity=Polarity.LOWER_IS_BETTER)
    ours_as_published = np.array([PUBLISHED_FLAG[Comparison(flag)] for flag in ours])
    published = areas["Compared to England value or percentiles"].to_numpy(str)

    compared = published != "Not compared"
    agree = ours_as_published == published
    rate = agree[compared].mean()
    disagreements = areas.loc[compared & ~agree, ["Area Name", "Age", "Time period", "Value"]].assign(
        published=published[compared & ~agree], thrive=ours_as_published[compared & ~agree]
    )
    print(f"\nCompared to England: {agree[compared].sum()}/{compared.sum()} rows agree ({rate:.2%})")
    print("Disagreements:" if len(disagreements) else "Disagreements: none")
    if len(disagreements):
        print(disagreements.to_string(index=False))
    assert rate >= 0.99, disagreements.to_string(index=False)
    assert (ours_as_published[~compared] == "Not compared").all()


def test_fingertips_recent_trend_agrees_with_published_recent_trend_flags(areas: pd.DataFrame) -> None:
    """The extract's only published trend flag is "Cannot be calculated" (its README): three years, 2015-17.

    Thrive's recent trend needs five points, so it must say the same for every flagged row.
    """
    flagged = areas[areas["Recent Trend"].notna() & (areas["Age"] == "All ages")]
    all_ages = areas[areas["Age"] == "All ages"]
    wide = {
        column: all_ages.pivot_table(index="Area Code", columns="Time period", values=column, dropna=False)
        for column in ("Value", "Lower CI 95.0 limit", "Upper CI 95.0 limit")
    }
    per_area = fingertips_recent_trend(
        wide["Value"].to_numpy(np.float64),
        wide["Lower CI 95.0 limit"].to_numpy(np.float64),
        wide["Upper CI 95.0 limit"].to_numpy(np.float64),
        polarity=Polarity.LOWER_IS_BETTER,
    )
    ours = dict(zip(wide["Value"].index, per_area.label, strict=True))
    thrive = np.array([ours.get(code, "Cannot be calculated") for code in flagged["Area Code"]])
    published = flagged["Recent Trend"].to_numpy(str)
    agree = thrive == published
    print(f"\nRecent trend: {agree.sum()}/{len(agree)} flagged rows agree ({agree.mean():.2%})")
    disagreements = flagged.loc[~agree, ["Area Name", "Time period", "Recent Trend"]]
    print("Disagreements:" if len(disagreements) else "Disagreements: none")
    if len(disagreements):
        print(disagreements.to_string(index=False))
    assert len(agree) > 100
    assert agree.mean() >= 0.95
