"""The ONS Explore Local Statistics and DfE readers: any indicator in, rows and metadata out.

Cells are checked by the template's validation afterwards; these tests check what each reader
makes of its layout: ids, periods, publishers' markers, areas and metadata.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from thrive.data.dfe_statistics import dfe_rows
from thrive.data.official import IndicatorRows, indicator_id, shipped_catalogue
from thrive.data.ons_local_statistics import ons_rows
from thrive.data.template import ValidationContext, validate_indicator_rows
from thrive.framework import AreaType, Polarity

ESS_HEADER = ["areacd", "areanm", "geography", "indicator", "period", "observation", "measure", "unit"]
ESS_HEADER += ["lci_95", "uci_95", "status", "notes"]


def _ess(rows: list[list[str]], header: list[str] = ESS_HEADER) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=header, dtype=str)


def _frame(read: IndicatorRows) -> pd.DataFrame:
    return pd.concat([chunk.frame for chunk in read.chunks], ignore_index=True)


def test_ons_rows_keep_markers_as_flags_not_numbers_and_set_aside_the_uk() -> None:
    # Rows as ONS Explore Local Statistics writes them (gross median weekly pay, ASHE).
    frame = _ess(
        [
            [
                "E06000032",
                "Luton",
                "Unitary Authority",
                "Gross median weekly pay",
                "2025-04-30",
                "585.9",
                "Pounds",
                "£",
                "536.520348",
                "635.2796519999999",
                "",
                "",
            ],
            [
                "E07000008",
                "Cambridge",
                "District",
                "Gross median weekly pay",
                "2025-04-30",
                "",
                "Pounds",
                "£",
                "",
                "",
                "x",
                "",
            ],
            [
                "E07000009",
                "East Cambridgeshire",
                "District",
                "Gross median weekly pay",
                "2024-04-17",
                "",
                "Pounds",
                "£",
                "",
                "",
                "u",
                "",
            ],
            [
                "K02000001",
                "United Kingdom",
                "Country",
                "Gross median weekly pay",
                "2025-04-30",
                "642.5",
                "Pounds",
                "£",
                "",
                "",
                "",
                "",
            ],
        ]
    )
    read = ons_rows(frame, "pay.csv", shipped_catalogue())
    rows = _frame(read)
    assert read.problems == []
    assert read.skipped == {
        "rows for areas of a kind Thrive does not hold (such as the UK, Great Britain or combined authorities)": 1
    }
    assert rows["series"].unique().tolist() == ["ons-gross-median-weekly-pay"]
    assert rows["value"].tolist() == ["585.9", "", ""]
    assert rows["suppressed"].tolist() == ["", "yes", "yes"]
    assert rows["low_reliability"].tolist() == ["", "", "yes"]
    assert "marked this figure 'x' (not available)" in str(rows["note"].iat[1])
    assert (read.areas[0].code, read.areas[0].name, read.areas[0].type) == (
        "E06000032",
        "Luton",
        AreaType.LOCAL_AUTHORITY,
    )
    # The shipped catalogue describes this indicator, so its metadata is the catalogue's.
    assert read.indicators[0].title == "Gross median weekly pay, all employee jobs, by place of residence"


def test_ons_rows_read_the_older_headers_and_the_files_own_polarity() -> None:
    # The smoking file's older layout (cigarette-smokers.csv @ fdece5d), for an indicator Thrive does not ship.
    header = ["areacd", "areanm", "geography", "variable_name", "indicator", "period", "observation", "measure", "unit"]
    header += [
        "lower_confidence_interval_(95%)",
        "upper_confidence_interval_(95%)",
        "observation_status",
        "polarity",
        "notes",
    ]
    frame = _ess(
        [
            [
                "E06000032",
                "Luton",
                "UA",
                "Smokers",
                "Adults who vape",
                "2023-01-01/P1Y",
                "9.1",
                "Percentage",
                "%",
                "6.0",
                "12.2",
                "",
                "-1",
                "",
            ]
        ],
        header,
    )
    read = ons_rows(frame, "vaping.csv", {})
    found = read.indicators[0]
    assert (found.id, found.unit, found.polarity, found.period_type) == (
        "ons-adults-who-vape",
        "percent",
        Polarity.LOWER_IS_BETTER,
        "calendar_year",
    )
    assert (found.publisher, found.licence) == ("Office for National Statistics", "Open Government Licence v3.0")
    chunk = read.chunks[0]
    batch, problems = validate_indicator_rows(
        chunk.frame,
        "vaping.csv",
        ValidationContext.for_indicators(frozenset({"E06000032"}), {found.id: found.unit}),
        labels=chunk.labels,
        rows=chunk.rows,
    )
    assert problems == []
    assert (batch["period_label"].iat[0], batch["lower_ci"].iat[0], batch["upper_ci"].iat[0]) == ("2023", 6.0, 12.2)


def test_a_bad_ons_cell_is_named_by_the_files_own_row_and_column() -> None:
    frame = _ess(
        [
            ["E06000032", "Luton", "UA", "Claimant Count", "2025-01-01/P1Y", "6.9", "Percentage", "%", "", "", "", ""],
            ["E06000032", "Luton", "UA", "Claimant Count", "2024-01-01/P1Y", "6,2%", "Percentage", "%", "", "", "", ""],
            ["E06000032", "Luton", "UA", "Claimant Count", "2023-13-01/P1Y", "5.3", "Percentage", "%", "", "", "?", ""],
        ]
    )
    read = ons_rows(frame, "claimants.csv", {})
    assert [str(p) for p in read.problems] == [
        "claimants.csv, row 4, column 'status': '?' is not a marker Thrive knows. Use x (not available) or u (low reliability)."
    ]
    chunk = read.chunks[0]
    _, problems = validate_indicator_rows(
        chunk.frame,
        "claimants.csv",
        ValidationContext.for_indicators(frozenset({"E06000032"}), {i.id: i.unit for i in read.indicators}),
        labels=chunk.labels,
        rows=chunk.rows,
    )
    assert [(p.row, p.column) for p in problems] == [(3, "observation"), (4, "period")]


def test_lait_school_years_are_named_by_the_year_they_end_and_dashes_are_suppressed() -> None:
    # LAIT's long table: "2024" for Attainment 8 is the 2023/24 school year (lait_measure_metadata.csv, Year_Type).
    frame = pd.DataFrame(
        [
            ["AVG_Attain8_Score", "GCSE Attainment 8", "2024", "821", "E06000032", "Luton", "East of England", "45"],
            [
                "FSP_NEW_GOODDEV",
                "Good level of development",
                "2022",
                "821",
                "E06000032",
                "Luton",
                "East of England",
                "56.6",
            ],
            [
                "FSP_NEW_GOODDEV",
                "Good level of development",
                "2021",
                "821",
                "E06000032",
                "Luton",
                "East of England",
                "-",
            ],
            ["AVG_Attain8_Score", "GCSE Attainment 8", "2016", "838", "", "Dorset (Pre LG)", "South West", "49.1"],
        ],
        columns=[
            "measure_code",
            "measure_description",
            "period",
            "la_number",
            "ons_code",
            "area_name",
            "region",
            "value",
        ],
        dtype=str,
    )
    read = dfe_rows(frame, "lait.csv", shipped_catalogue())
    rows = _frame(read)
    assert read.skipped == {"rows with no ONS area code (areas that no longer exist)": 1}
    assert rows[["series", "period", "period_kind", "value", "suppressed"]].values.tolist() == [
        ["dfe-avg-attain8-score", "2023/24", "academic_year", "45", ""],
        ["dfe-fsp-new-gooddev", "2021/22", "academic_year", "56.6", ""],
        ["dfe-fsp-new-gooddev", "2020/21", "academic_year", "", "yes"],
    ]
    # DfE reformed the early years profile in 2021/22: the catalogue flags that figure as a break in series.
    assert rows["break_in_series"].tolist() == ["", "yes", ""]


def test_ees_filters_make_one_indicator_each_unless_the_figures_do_not_depend_on_them() -> None:
    # The explore education statistics layout (children looked after, DfE): a reporting year is the year to 31 March.
    columns = ["time_period", "time_identifier", "geographic_level", "country_code", "region_code", "new_la_code"]
    columns += ["la_name", "population_type", "population_estimate", "children_count", "rate_per_10000"]
    frame = pd.DataFrame(
        [
            [
                "2023",
                "Reporting year",
                "Local authority",
                "E92000001",
                "E12000006",
                "E06000032",
                "Luton",
                "On 31 March",
                "59000",
                "420",
                "71",
            ],
            [
                "2023",
                "Reporting year",
                "Local authority",
                "E92000001",
                "E12000006",
                "E06000032",
                "Luton",
                "Starting",
                "59000",
                "185",
                "31",
            ],
            ["2023", "Reporting year", "National", "E92000001", "", "", "", "On 31 March", "12000000", "83750", "c"],
            ["2023", "Reporting year", "Regional", "E92000001", "E13000001", "", "", "On 31 March", "1", "2", "3"],
        ],
        columns=columns,
        dtype=str,
    )
    read = dfe_rows(frame, "cla.csv", {})
    ids = sorted(i.id for i in read.indicators)
    assert ids == sorted(
        [
            indicator_id("dfe", "population_estimate"),
            indicator_id("dfe", "children_count", "On 31 March"),
            indicator_id("dfe", "children_count", "Starting"),
            indicator_id("dfe", "rate_per_10000", "On 31 March"),
            indicator_id("dfe", "rate_per_10000", "Starting"),
        ]
    )
    assert read.skipped == {"rows for areas of a kind Thrive does not hold (such as Inner and Outer London)": 1}
    rows = _frame(read)
    assert set(rows["period"]) == {"2022/23"} and set(rows["period_kind"]) == {"financial_year"}
    population = rows[rows["series"] == indicator_id("dfe", "population_estimate")]
    assert population[["area", "value"]].values.tolist() == [["E06000032", "59000"], ["E92000001", "12000000"]]
    rate = rows[
        (rows["series"] == indicator_id("dfe", "rate_per_10000", "On 31 March")) & (rows["area"] == "E92000001")
    ]
    assert rate[["value", "suppressed"]].values.tolist() == [["", "yes"]]


def test_an_ees_time_identifier_thrive_cannot_place_is_named_by_row() -> None:
    frame = pd.DataFrame(
        [["202324", "Spring term", "National", "E92000001", "5.1"]],
        columns=["time_period", "time_identifier", "geographic_level", "country_code", "absence_rate"],
        dtype=str,
    )
    read = dfe_rows(frame, "absence.csv", {})
    assert [(p.row, p.column) for p in read.problems] == [(2, "time_identifier")]


def test_long_names_get_short_stable_ids_that_still_differ() -> None:
    first = indicator_id("dfe", "rate_per_10000", "Children looked after on 31 March each year")
    second = indicator_id("dfe", "rate_per_10000", "Children looked after on 31 March each year, boys")
    assert len(first) <= 60 and len(second) <= 60 and first != second
    assert first == indicator_id("dfe", "rate_per_10000", "Children looked after on 31 March each year")
    assert not np.any([ch.isupper() for ch in first])
