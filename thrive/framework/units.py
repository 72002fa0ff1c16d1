"""How a value reads in its unit, the way the Progress Report prints it: 9.9%, £618.10, 13,600,000."""

from __future__ import annotations

from collections.abc import Callable


def _trim(value: float) -> str:
    """Up to two decimals, as printed: 9.9, 44, 0.06."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


_FORMATS: dict[str, Callable[[float], str]] = {
    "percent": lambda v: f"{_trim(v)}%",
    "gbp": lambda v: f"£{v:,.0f}" if v >= 10_000 and v == int(v) else f"£{v:,.2f}",
    "gbp_million": lambda v: f"£{v:,.0f}m",
    "count": lambda v: f"{v:,.0f}",
    "journeys": lambda v: f"{v:,.0f} journeys",
    "per_1000_households": lambda v: f"{_trim(v)} per 1,000 households",
    "years": lambda v: f"{_trim(v)} years",
    "tco2e_per_capita": lambda v: f"{_trim(v)} tCO2e per person",
    "kt_co2e": lambda v: f"{_trim(v)} kt CO2e",
    "score": _trim,
    "number": _trim,
    "proportion": lambda v: f"{v:.3f}",
    "rate_per_10000": lambda v: f"{_trim(v)} per 10,000",
    "rate_per_1000": lambda v: f"{_trim(v)} per 1,000",
}


def format_value(value: float | None, unit: str) -> str:
    """A figure for people to read; an unknown unit falls back to the plain number."""
    if value is None:
        return "no data"
    formatter = _FORMATS.get(unit)
    return formatter(value) if formatter else f"{value:,g}"
