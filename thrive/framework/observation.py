"""One published value for a series, an area and a period."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from thrive.framework.period import Period


class ObservationFlag(StrEnum):
    PROVISIONAL = "provisional"
    ESTIMATED = "estimated"
    NOT_COMPARABLE = "not_comparable"
    BREAK_IN_SERIES = "break_in_series"
    SUPPRESSED = "suppressed"
    """The publisher withheld the value (GSS markers such as `c`, `x`, `z`, `-`): there is no number."""
    LOW_RELIABILITY = "low_reliability"
    """The publisher marked the value unreliable (`u`): shown, but not to be leaned on."""


@dataclass(frozen=True)
class Observation:
    series_id: str
    area_code: str
    period: Period
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    lower_ci: float | None = None
    upper_ci: float | None = None
    flags: frozenset[ObservationFlag] = frozenset()
    source: str | None = None
    note: str | None = None
    ref: str | None = None


KEY = ["series_id", "area_code", "period_kind", "period_start", "period_end"]
NUMBERS = ["value", "numerator", "denominator", "lower_ci", "upper_ci"]
FLAGS = [flag.value for flag in ObservationFlag]
TEXTS = ["source", "note"]
BATCH_COLUMNS = [*KEY, "period_label", *NUMBERS, *FLAGS, *TEXTS, "ref"]
"""An observation batch: many observations as one table, a row each, in these columns. Readers give
this shape and the store writes it, so a million-row file never becomes a million objects."""
