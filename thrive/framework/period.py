"""Periods as the Road Map prints them.

The documents label time in half a dozen ways (`2019`, `22/23`, `2017-19`, `Sep-24`,
`8/1/2024`). A Period keeps the label as published beside the dates it covers, so that
two labels for the same span (`22/23`, `2022/23`) are recognised as one period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class PeriodKind(StrEnum):
    CALENDAR_YEAR = "calendar_year"
    FINANCIAL_YEAR = "financial_year"
    ACADEMIC_YEAR = "academic_year"
    ROLLING = "rolling"
    QUARTER = "quarter"
    MONTH = "month"
    SNAPSHOT = "snapshot"


class PeriodError(ValueError):
    """A label that cannot be read as a period; the message is written for the person who typed it."""


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    kind: PeriodKind
    label: str = field(compare=False)

    @property
    def key(self) -> tuple[str, date, date]:
        """Identity of the span, independent of how its label was written."""
        return (self.kind.value, self.start, self.end)

    @property
    def canonical(self) -> str:
        """One spelling per span, used where Thrive writes a label itself."""
        if self.kind is PeriodKind.CALENDAR_YEAR:
            return str(self.start.year)
        if self.kind in (PeriodKind.FINANCIAL_YEAR, PeriodKind.ACADEMIC_YEAR):
            return f"{self.start.year}/{self.end.year % 100:02d}"
        if self.kind is PeriodKind.ROLLING:
            if self.start.month == 4 and self.end.month == 3:  # a span of financial years: 2011/12-13/14
                first, last = self.start.year, self.end.year
                return f"{first}/{(first + 1) % 100:02d}-{(last - 1) % 100:02d}/{last % 100:02d}"
            return f"{self.start.year}-{self.end.year % 100:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.MONTH:
            return self.start.strftime("%b-%y")
        return self.start.isoformat()

    @property
    def display(self) -> str:
        """The label for reading aloud, as GOV.UK writes dates: "August 2024", never "8/1/2024" or "Sep-24".

        A date on the 1st of a month is a monthly statistic's reference date (DATA-NOTES.md,
        "8/1/2024"), so it reads as the month; other dates are written out (30 April 2025). A
        financial or academic year reads "2023/24" where the source writes a slash and "2023 to
        2024" otherwise; a span of years reads "2018 to 2020".
        """
        if self.kind is PeriodKind.SNAPSHOT:
            day = "" if self.start.day == 1 else f"{self.start.day} "
            return f"{day}{self.start:%B %Y}"
        if self.kind is PeriodKind.MONTH:
            return f"{self.start:%B %Y}"
        if self.kind in (PeriodKind.FINANCIAL_YEAR, PeriodKind.ACADEMIC_YEAR):
            return self.canonical if "/" in self.label else f"{self.start.year} to {self.end.year}"
        if self.kind is PeriodKind.ROLLING and not (self.start.month == 4 and self.end.month == 3):
            return f"{self.start.year} to {self.end.year}"
        return self.label

    @property
    def year(self) -> float:
        """Mid-point as a decimal year, for drawing trajectories between milestones."""
        mid = self.start.toordinal() + (self.end.toordinal() - self.start.toordinal()) / 2
        jan1 = date(self.start.year, 1, 1).toordinal()
        days = 366 if calendar.isleap(self.start.year) else 365
        return self.start.year + (mid - jan1) / days


HELP = (
    "Use a year like 2023, a financial year like 2023/24, a span of years like 2017-19, "
    "a quarter like 2025Q3, a month like Sep-24 or a date like 01/08/2024."
)

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_name) if name})
_MONTHS["sept"] = 9

_YEAR = re.compile(r"^(\d{4})$")
_SPAN = re.compile(r"^(\d{2}|\d{4})\s*[-/–]\s*(\d{2}|\d{4})$")
_FY_SPAN = re.compile(r"^(\d{4})/(\d{2})\s*[-–]\s*(\d{2})/(\d{2})$")
_QUARTER = re.compile(r"^(?:(\d{4})\s*Q([1-4])|Q([1-4])\s*(\d{4}))$", re.IGNORECASE)
_FY_QUARTER = re.compile(r"^(\d{4})/(\d{2})\s*Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^([A-Za-z]{3,9})[-\s]+(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO_INTERVAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})/P(\d{1,2})([YM])$")
"""ISO 8601 start and duration, as ONS Explore Local Statistics writes periods: 2023-01-01/P1Y."""


def _full_year(text: str, *, near: int | None = None) -> int:
    value = int(text)
    if len(text) == 4:
        return value
    if near is not None:
        century = near - near % 100
        candidate = century + value
        wraps_century = candidate < near and near % 100 - value > 50  # "1999-01"
        return candidate + 100 if wraps_century else candidate
    return 2000 + value


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_starting(start_year: int, kind: PeriodKind) -> tuple[date, date]:
    if kind is PeriodKind.FINANCIAL_YEAR:
        return date(start_year, 4, 1), date(start_year + 1, 3, 31)
    if kind is PeriodKind.ACADEMIC_YEAR:
        return date(start_year, 9, 1), date(start_year + 1, 8, 31)
    return date(start_year, 1, 1), date(start_year, 12, 31)


def _slash_date(day_or_month: int, month_or_day: int, year: int, label: str) -> date:
    """Read n/n/yyyy, preferring the UK day/month order.

    A spreadsheet in a US locale prints 1 August 2024 as `8/1/2024`; monthly statistics are
    dated by the first of their month. So when exactly one reading falls on the first of a
    month, that reading wins (see DATA-NOTES.md, "8/1/2024").
    """
    readings: list[date] = []
    for day, month in ((day_or_month, month_or_day), (month_or_day, day_or_month)):
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        raise PeriodError(f"'{label}' is not a real date. {HELP}")
    firsts = [d for d in readings if d.day == 1]
    if len(firsts) == 1:
        return firsts[0]
    return readings[0]


def _day_first(day: int, month: int, year: int, label: str) -> date:
    """Read n/n/yyyy as day/month/year only, refusing a label a reader could take either way."""
    forms = "Write the day first with two digits (08/01/2024 for 8 January 2024), or 2024-01-08."
    try:
        reading = date(year, month, day)
    except ValueError:
        raise PeriodError(f"'{label}' is not a date in day/month/year order. {forms}") from None
    unpadded = not re.fullmatch(r"\d{2}/\d{2}/\d{4}", label.strip())
    if unpadded and day != month and day <= 12:
        other = date(year, day, month)
        raise PeriodError(f"'{label}' could be {reading.day} {reading:%B %Y} or {other.day} {other:%B %Y}. {forms}")
    return reading


def parse_period(label: str, *, year_span: PeriodKind = PeriodKind.FINANCIAL_YEAR, day_first: bool = False) -> Period:
    """Read a period label as published.

    `year_span` says what a two-year label such as `22/23` means for this measure: a
    financial year (the default) or an academic year. With `day_first` (figures typed by
    officers), a date such as 08/01/2024 is read day first, as the UK writes it, and one that
    is not a date that way (01/13/2024) or could be read either way unpadded (8/1/2024) is refused.
    """
    try:
        return _parse_period(label, year_span, day_first)
    except (ValueError, OverflowError) as error:
        if isinstance(error, PeriodError):
            raise
        raise PeriodError(f"'{label}' is not a real period. {HELP}") from None


def _parse_period(label: str, year_span: PeriodKind, day_first: bool) -> Period:
    text = " ".join(str(label).split())
    if not text:
        raise PeriodError(f"The period is empty. {HELP}")

    if match := _YEAR.match(text):
        year = int(match.group(1))
        return Period(date(year, 1, 1), date(year, 12, 31), PeriodKind.CALENDAR_YEAR, text)

    if match := _FY_SPAN.match(text):
        first = int(match.group(1))
        last = _full_year(match.group(3), near=first)
        start, _ = _year_starting(first, year_span)
        _, end = _year_starting(last, year_span)
        return Period(start, end, PeriodKind.ROLLING, text)

    if match := _SPAN.match(text):
        first = _full_year(match.group(1))
        last = _full_year(match.group(2), near=first)
        if last <= first:
            raise PeriodError(f"'{text}' ends before it starts. {HELP}")
        two_digit_first = len(match.group(1)) == 2
        if last == first + 1 and (two_digit_first or "/" in text or year_span is not PeriodKind.ROLLING):
            kind = PeriodKind.ACADEMIC_YEAR if year_span is PeriodKind.ACADEMIC_YEAR else PeriodKind.FINANCIAL_YEAR
            start, end = _year_starting(first, kind)
            return Period(start, end, kind, text)
        if "/" in text:
            raise PeriodError(f"'{text}' spans more than one year; write a span like 2017-19. {HELP}")
        return Period(date(first, 1, 1), date(last, 12, 31), PeriodKind.ROLLING, text)

    if match := _FY_QUARTER.match(text):
        first = int(match.group(1))
        quarter = int(match.group(3))
        month = 4 + 3 * (quarter - 1)
        year = first + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return Period(date(year, month, 1), _month_end(year, month + 2), PeriodKind.QUARTER, text)

    if match := _QUARTER.match(text):
        year = int(match.group(1) or match.group(4))
        quarter = int(match.group(2) or match.group(3))
        month = 3 * (quarter - 1) + 1
        return Period(date(year, month, 1), _month_end(year, month + 2), PeriodKind.QUARTER, text)

    if match := _MONTH.match(text):
        month_number = _MONTHS.get(match.group(1).lower())
        if month_number is None:
            raise PeriodError(f"'{match.group(1)}' in '{text}' is not a month. {HELP}")
        year = _full_year(match.group(2))
        return Period(date(year, month_number, 1), _month_end(year, month_number), PeriodKind.MONTH, text)

    if match := _ISO_INTERVAL.match(text):
        return _iso_interval(match, text)

    if match := _ISO_DATE.match(text):
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise PeriodError(f"'{text}' is not a real date. {HELP}") from None
        return Period(day, day, PeriodKind.SNAPSHOT, text)

    if match := _SLASH_DATE.match(text):
        read = _day_first if day_first else _slash_date
        day = read(int(match.group(1)), int(match.group(2)), int(match.group(3)), text)
        return Period(day, day, PeriodKind.SNAPSHOT, text)

    raise PeriodError(f"'{text}' is not a period Thrive can read. {HELP}")


def _iso_interval(match: re.Match[str], text: str) -> Period:
    """A start date and a whole number of years or months; labelled the way the Road Map writes it (2017-19)."""
    try:
        start = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise PeriodError(f"'{text}' does not start on a real date. {HELP}") from None
    if start.day != 1:
        raise PeriodError(f"'{text}' starts mid-month; Thrive reads periods that start on the 1st. {HELP}")
    count, unit = int(match.group(4)), match.group(5)
    if count == 0:
        raise PeriodError(f"'{text}' lasts no time at all. {HELP}")
    months = count * 12 if unit == "Y" else count
    last_month = start.month - 1 + months - 1
    end = _month_end(start.year + last_month // 12, last_month % 12 + 1)
    kind = _iso_kind(start, months)
    return Period(start, end, kind, Period(start, end, kind, text).canonical)


def _iso_kind(start: date, months: int) -> PeriodKind:
    if months == 1:
        return PeriodKind.MONTH
    if months == 3 and start.month in (1, 4, 7, 10):
        return PeriodKind.QUARTER
    if months == 12:
        return {1: PeriodKind.CALENDAR_YEAR, 4: PeriodKind.FINANCIAL_YEAR, 9: PeriodKind.ACADEMIC_YEAR}.get(
            start.month, PeriodKind.ROLLING
        )
    return PeriodKind.ROLLING
