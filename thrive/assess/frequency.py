"""Like with like: a series is judged on figures of one frequency.

An annual series sometimes carries a monthly or dated figure (the claimant count's "8/1/2024"
beside its 2019 annual figure). Such a figure is shown, and is the latest figure for progress,
but the trend and the projection use only figures of the series' own frequency, so one figure
of another frequency can never flip an annual trend. The series' frequency is the one most of
its figures have; a tie goes to the longer period (annual before monthly).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from enum import StrEnum

from thrive.framework import Observation, PeriodKind


class FigureFrequency(StrEnum):
    """How often a figure of this kind comes, longest period first."""

    MULTI_YEAR = "multi-year"
    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    DATED = "dated"


_OF_KIND = {
    PeriodKind.ROLLING: FigureFrequency.MULTI_YEAR,
    PeriodKind.CALENDAR_YEAR: FigureFrequency.ANNUAL,
    PeriodKind.FINANCIAL_YEAR: FigureFrequency.ANNUAL,
    PeriodKind.ACADEMIC_YEAR: FigureFrequency.ANNUAL,
    PeriodKind.QUARTER: FigureFrequency.QUARTERLY,
    PeriodKind.MONTH: FigureFrequency.MONTHLY,
    PeriodKind.SNAPSHOT: FigureFrequency.DATED,
}
_LONGEST_FIRST = list(FigureFrequency)


def frequency_of(observation: Observation) -> FigureFrequency:
    return _OF_KIND[observation.period.kind]


def main_frequency(points: Sequence[Observation]) -> FigureFrequency | None:
    """The frequency most figures have; a tie goes to the longer period."""
    if not points:
        return None
    counts = Counter(frequency_of(o) for o in points)
    return max(counts, key=lambda f: (counts[f], -_LONGEST_FIRST.index(f)))


def same_frequency(points: Sequence[Observation]) -> tuple[tuple[Observation, ...], FigureFrequency | None]:
    """The figures of the main frequency, oldest first, and that frequency."""
    frequency = main_frequency(points)
    return tuple(o for o in points if frequency_of(o) is frequency), frequency
