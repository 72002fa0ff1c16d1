"""Every unit Thrive prints, in one registry: how a value reads, its axis and spreadsheet labels,
its Excel format, its published precision and the range a figure can take.

The web pages, the reports and the command line all read this one table, so a figure reads the
same everywhere: 9.9%, £618.10, 13,600,000 journeys. The range is what a projection is clipped
to (a percentage lies between 0 and 100; a count, money and years are never negative).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass


def _trim(value: float, decimals: int = 2) -> str:
    """Up to `decimals` decimals, as printed: 9.9, 44, 0.06."""
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@dataclass(frozen=True)
class Unit:
    code: str
    label: str
    """Around a number: an axis title or a spreadsheet header ("%", "£ million")."""
    words: str
    """What the unit is, for the indicator pages ("A percentage")."""
    excel: str
    """An Excel number format that shows the unit while keeping the cell a number."""
    decimals: int
    """At most this many decimals, unless the measure's own published figures use fewer."""
    write: Callable[[str], str]
    """Puts the unit round a formatted number: "9.9" to "9.9%"."""
    lower: float | None = None
    upper: float | None = None
    """The range a figure can take; None where there is no bound."""
    counts: bool = False
    """A count grows with the size of a place, so it is never compared between places."""
    zero_axis: bool = True
    """A chart's value axis starts at zero (where `lower` is zero), so a small change is never drawn as a
    steep climb. Years are the exception: no one lives zero years, and a life expectancy's change of a
    year is the story; the chart says that its axis does not start at zero."""

    def format(self, value: float, decimals: int | None = None) -> str:
        """For a count, `decimals` below zero rounds to tens, hundreds and so on (13,450,001 to 13,500,000 at -5)."""
        places = self.decimals if decimals is None else min(decimals, self.decimals)
        if places < 0:
            value, places = (round(value, places) if self.counts else value), 0
        return self.write(_trim(value, places))

    def clip(self, value: float) -> float:
        """The value held inside the unit's possible range."""
        if self.lower is not None:
            value = max(self.lower, value)
        if self.upper is not None:
            value = min(self.upper, value)
        return value


def _gbp(number: str) -> str:
    """Pounds with pence, as ONS prints wages (£618.10); whole pounds stay whole (£500,000)."""
    whole, _, pence = number.partition(".")
    if not pence:
        return f"£{whole}" if int(whole.replace(",", "").lstrip("-") or 0) >= 10_000 else f"£{whole}.00"
    return f"£{whole}.{pence:0<2}"


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        Unit("percent", "%", "A percentage", '0.0#"%"', 2, lambda n: f"{n}%", 0.0, 100.0),
        Unit("gbp", "£", "Pounds (£)", '"£"#,##0.00', 2, _gbp, 0.0),
        Unit("gbp_million", "£ million", "Millions of pounds", '"£"#,##0"m"', 0, lambda n: f"£{n}m", 0.0, counts=True),
        Unit("count", "number", "A count of people or things", "#,##0", 0, str, 0.0, counts=True),
        Unit("journeys", "journeys", "A number of journeys", "#,##0", 0, lambda n: f"{n} journeys", 0.0, counts=True),
        Unit(
            "per_1000_households",
            "per 1,000 households",
            "A rate per 1,000 households",
            "0.0#",
            2,
            lambda n: f"{n} per 1,000 households",
            0.0,
            1000.0,
        ),
        Unit("years", "years", "Years", "0.0#", 2, lambda n: f"{n} years", 0.0, zero_axis=False),
        Unit(
            "tco2e_per_capita",
            "tonnes CO2e per person",
            "Tonnes of carbon dioxide equivalent per person",
            "0.0#",
            2,
            lambda n: f"{n} tCO2e per person",
        ),
        Unit(
            "kt_co2e",
            "kilotonnes CO2e",
            "Kilotonnes of carbon dioxide equivalent",
            "#,##0.0",
            2,
            lambda n: f"{n} kt CO2e",
        ),
        Unit("score", "score", "A score", "General", 2, str),
        Unit("number", "number", "A number", "General", 2, str),
        Unit("proportion", "proportion", "A proportion between 0 and 1", "0.000", 3, str, 0.0, 1.0),
        Unit("rate_per_10000", "per 10,000", "A rate per 10,000", "0.0#", 2, lambda n: f"{n} per 10,000", 0.0),
        Unit("rate_per_1000", "per 1,000", "A rate per 1,000", "0.0#", 2, lambda n: f"{n} per 1,000", 0.0),
    )
}


def unit_of(code: str | None) -> Unit:
    """The registered unit, or a plain number named after the code for one not registered."""
    if code in UNITS:
        return UNITS[code]
    name = (code or "number").replace("_", " ")
    return Unit(code or "number", name, name.capitalize(), "General", 2, str)


def format_value(value: float | None, unit: str, decimals: int | None = None) -> str:
    """A figure for people to read; None (and NaN) read as "no data", never "nan"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "no data"
    return unit_of(unit).format(float(value), decimals)


def published_decimals(values: Iterable[float | None]) -> int:
    """The precision a measure's own figures are published to: the most decimals any of them uses.

    Figures Thrive derives (a path's value, a projection) are printed no more precisely than
    this, so a path between 47% and 44% reads 46%, not 46.37%.

    Whole numbers that are all multiples of a power of ten give a negative precision: bus
    journeys published to the nearest 100,000 give -5, so a path reads 13,500,000 journeys,
    not 13,450,001.
    """
    known = [float(v) for v in values if v is not None and math.isfinite(v)]
    most = max((len(f"{v:.6f}".rstrip("0").rstrip(".").partition(".")[2]) for v in known), default=0)
    if most > 0:
        return most
    whole = [abs(round(v)) for v in known if round(v) != 0]
    if not whole:
        return 0
    zeros = min(len(str(v)) - len(str(v).rstrip("0")) for v in whole)
    return -min(zeros, 6)


def unit_name(code: str) -> str:
    """The unit as an axis title or a spreadsheet header."""
    return unit_of(code).label


def number_format(code: str | None) -> str:
    return unit_of(code).excel if code in UNITS else "General"


_BARE_NUMBER = re.compile(r"^-?[\d,]*\.?\d+$")


def with_unit(text: str, unit: str) -> str:
    """A published milestone or target as people read it: a bare number ("46", "6774") gains its
    unit ("46%", "£6,774m"); words ("maintain score", "National average") are kept as printed."""
    stripped = text.strip()
    if not _BARE_NUMBER.match(stripped):
        return text
    return format_value(float(stripped.replace(",", "")), unit)
