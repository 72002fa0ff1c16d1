"""The Road Map to Luton 2040: priorities, outcomes, their measures and who owns them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from thrive.framework.area import Area, ComparatorGroup
from thrive.framework.indicator import IndicatorLink
from thrive.framework.period import PeriodKind
from thrive.framework.polarity import Polarity

__all__ = ["Frequency", "Measure", "Note", "Outcome", "PartnershipGroup", "Polarity", "Priority", "RoadMap", "Series"]
from thrive.framework.target import Target


class Frequency(StrEnum):
    ANNUAL = "annual"
    FINANCIAL_YEAR = "financial_year"
    ACADEMIC_YEAR = "academic_year"
    ROLLING_3_YEAR = "rolling_3_year"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    BIENNIAL = "biennial"
    AD_HOC = "ad_hoc"

    @property
    def words(self) -> str:
        """How often new figures come, as a page says it."""
        return FREQUENCY_WORDS[self]

    @property
    def year_span(self) -> PeriodKind:
        """How a two-year label such as `22/23` reads for a measure published this often."""
        return PeriodKind.ACADEMIC_YEAR if self is Frequency.ACADEMIC_YEAR else PeriodKind.FINANCIAL_YEAR


FREQUENCY_WORDS = {
    Frequency.ANNUAL: "New figures come once a year",
    Frequency.FINANCIAL_YEAR: "New figures come once a year, for each financial year",
    Frequency.ACADEMIC_YEAR: "New figures come once a year, for each school year",
    Frequency.ROLLING_3_YEAR: "New figures come once a year, each for three years together",
    Frequency.QUARTERLY: "New figures come every three months",
    Frequency.MONTHLY: "New figures come every month",
    Frequency.BIENNIAL: "New figures come every two years",
    Frequency.AD_HOC: "New figures come when the source runs its survey again",
}


@dataclass(frozen=True)
class Priority:
    code: str
    name: str
    ordinal: int
    summary: str = ""
    ref: str | None = None


@dataclass(frozen=True)
class PartnershipGroup:
    code: str
    name: str
    confirmed: bool = True
    note: str | None = None
    ref: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What should be true by 2040, such as "No Luton resident lives in poverty"."""

    text: str
    priority: str
    ordinal: int
    ref: str | None = None


@dataclass(frozen=True)
class Series:
    """One line of numbers for a measure; most measures have one."""

    id: str
    measure_id: str
    label: str
    unit: str
    ordinal: int = 0


@dataclass(frozen=True)
class Note:
    text: str
    ref: str | None = None


@dataclass(frozen=True)
class Measure:
    """The single measure that takes an outcome's temperature."""

    id: str
    outcome: Outcome
    wording: str
    unit: str
    polarity: Polarity
    frequency: Frequency
    definition: str
    source: str
    groups: tuple[str, ...]
    headline: bool
    series: tuple[Series, ...]
    published_trend: str | None = None
    priority_table: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    notes: tuple[Note, ...] = ()
    ownership_ref: str | None = None
    """Where a document states who owns the outcome; None when the groups are Thrive's proposal."""

    @property
    def priority(self) -> str:
        return self.outcome.priority

    def series_by_id(self, series_id: str) -> Series | None:
        return next((s for s in self.series if s.id == series_id), None)


@dataclass(frozen=True)
class RoadMap:
    priorities: tuple[Priority, ...]
    groups: tuple[PartnershipGroup, ...]
    measures: tuple[Measure, ...]
    targets: tuple[Target, ...]
    areas: tuple[Area, ...]
    comparators: tuple[ComparatorGroup, ...]
    links: tuple[IndicatorLink, ...] = ()
    """Which official indicator feeds or informs each series (exact, proxy or context)."""

    def measure(self, measure_id: str) -> Measure:
        for measure in self.measures:
            if measure.id == measure_id:
                return measure
        raise KeyError(measure_id)

    def targets_for(self, measure_id: str) -> list[Target]:
        return [t for t in self.targets if t.measure_id == measure_id]

    def links_for(self, measure: Measure) -> list[IndicatorLink]:
        series_ids = {s.id for s in measure.series}
        return [link for link in self.links if link.series_id in series_ids]

    def all_series(self) -> Iterable[Series]:
        for measure in self.measures:
            yield from measure.series
