"""Every period label printed in the Road Map (003, Appendix 1) reads as the span it names."""

from datetime import date

import pytest

from thrive.framework import PeriodError, PeriodKind, parse_period


@pytest.mark.parametrize(
    ("label", "kind", "start", "end"),
    [
        ("2019", PeriodKind.CALENDAR_YEAR, date(2019, 1, 1), date(2019, 12, 31)),
        ("2023", PeriodKind.CALENDAR_YEAR, date(2023, 1, 1), date(2023, 12, 31)),
        ("2021", PeriodKind.CALENDAR_YEAR, date(2021, 1, 1), date(2021, 12, 31)),
        ("22/23", PeriodKind.FINANCIAL_YEAR, date(2022, 4, 1), date(2023, 3, 31)),
        ("23/24", PeriodKind.FINANCIAL_YEAR, date(2023, 4, 1), date(2024, 3, 31)),
        ("23-24", PeriodKind.FINANCIAL_YEAR, date(2023, 4, 1), date(2024, 3, 31)),
        ("2017-19", PeriodKind.ROLLING, date(2017, 1, 1), date(2019, 12, 31)),
        ("2018-20", PeriodKind.ROLLING, date(2018, 1, 1), date(2020, 12, 31)),
        ("Sep-24", PeriodKind.MONTH, date(2024, 9, 1), date(2024, 9, 30)),
        # US-format spreadsheet date for the claimant count month (DATA-NOTES.md, "8/1/2024").
        ("8/1/2024", PeriodKind.SNAPSHOT, date(2024, 8, 1), date(2024, 8, 1)),
    ],
)
def test_road_map_labels_read_as_the_span_they_name(label: str, kind: PeriodKind, start: date, end: date) -> None:
    period = parse_period(label)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)


def test_two_spellings_of_one_financial_year_are_one_period() -> None:
    assert parse_period("22/23").key == parse_period("2022/23").key == parse_period("2022-23").key


def test_academic_measures_read_short_spans_as_academic_years() -> None:
    period = parse_period("22/23", year_span=PeriodKind.ACADEMIC_YEAR)
    assert (period.kind, period.start, period.end) == (PeriodKind.ACADEMIC_YEAR, date(2022, 9, 1), date(2023, 8, 31))


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2025Q3", date(2025, 7, 1), date(2025, 9, 30)),
        ("Q1 2024", date(2024, 1, 1), date(2024, 3, 31)),
        ("2023/24 Q1", date(2023, 4, 1), date(2023, 6, 30)),
    ],
)
def test_quarters_read_as_three_months(label: str, start: date, end: date) -> None:
    period = parse_period(label)
    assert (period.kind, period.start, period.end) == (PeriodKind.QUARTER, start, end)


def test_fingertips_spaced_spans_read_as_rolling_years() -> None:
    period = parse_period("2014 - 16")
    assert (period.kind, period.start, period.end) == (PeriodKind.ROLLING, date(2014, 1, 1), date(2016, 12, 31))


def test_unpadded_uk_dates_read_day_first_unless_only_the_us_reading_is_a_first_of_month() -> None:
    assert parse_period("13/2/2024").start == date(2024, 2, 13)
    assert parse_period("01/08/2024").start == date(2024, 8, 1)


@pytest.mark.parametrize("label", ["", "Spring 2024", "2019-17", "32/13/2024", "Foo-24", "2024-02-30", "12.5"])
def test_unreadable_labels_say_what_to_write_instead(label: str) -> None:
    with pytest.raises(PeriodError, match="Use a year like 2023"):
        parse_period(label)


def test_canonical_labels_round_trip() -> None:
    for label in ["2019", "2022/23", "2017-19", "2025Q3", "Sep-24", "2024-08-01"]:
        period = parse_period(label)
        assert parse_period(period.canonical).key == period.key


@pytest.mark.parametrize(
    ("label", "kind", "start", "end", "written"),
    [
        # ONS Explore Local Statistics periods (start and ISO 8601 duration), as its CSVs write them.
        ("2023-01-01/P1Y", PeriodKind.CALENDAR_YEAR, date(2023, 1, 1), date(2023, 12, 31), "2023"),
        ("2011-04-01/P1Y", PeriodKind.FINANCIAL_YEAR, date(2011, 4, 1), date(2012, 3, 31), "2011/12"),
        ("2023-09-01/P1Y", PeriodKind.ACADEMIC_YEAR, date(2023, 9, 1), date(2024, 8, 31), "2023/24"),
        ("2017-01-01/P3Y", PeriodKind.ROLLING, date(2017, 1, 1), date(2019, 12, 31), "2017-19"),
        ("2011-04-01/P3Y", PeriodKind.ROLLING, date(2011, 4, 1), date(2014, 3, 31), "2011/12-13/14"),
        ("2024-01-01/P3M", PeriodKind.QUARTER, date(2024, 1, 1), date(2024, 3, 31), "2024Q1"),
        ("2024-02-01/P1M", PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), "Feb-24"),
    ],
)
def test_iso_8601_periods_read_as_their_span_and_are_labelled_as_the_road_map_writes(
    label: str, kind: PeriodKind, start: date, end: date, written: str
) -> None:
    period = parse_period(label)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, written)
    school = PeriodKind.ACADEMIC_YEAR if kind is PeriodKind.ACADEMIC_YEAR else PeriodKind.FINANCIAL_YEAR
    assert parse_period(period.label, year_span=school).key == period.key


@pytest.mark.parametrize("label", ["2023-02-30/P1Y", "2023-01-15/P1Y", "2023-01-01/P0Y"])
def test_iso_8601_periods_that_cannot_be_placed_say_why(label: str) -> None:
    with pytest.raises(PeriodError, match="Use a year like 2023"):
        parse_period(label)
