"""What an assessment says: status, trend and benchmark, each with its reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    TARGET_NOT_SET = "target_not_set"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def words(self) -> str:
        """As a councillor reads it: "On track"."""
        return self.value.replace("_", " ").capitalize()


def status_words(status: str) -> str:
    """The words for a stored status value (runs keep plain strings)."""
    return Status(status).words if status in set(Status) else status


class TrendJudgement(StrEnum):
    """The Progress Report's own trend words, plus plain directions where no judgement applies."""

    IMPROVING = "Improving"
    NO_MAJOR_CHANGE = "No major change"
    GETTING_WORSE = "Getting worse"
    INCREASING = "Increasing"
    DECREASING = "Decreasing"
    NOT_ASSESSABLE = "Not assessable"


@dataclass(frozen=True)
class Projection:
    year: int
    value: float
    lower: float | None
    upper: float | None


@dataclass(frozen=True)
class ProgressVerdict:
    status: Status
    reason: str
    baseline: float | None = None
    baseline_period: str | None = None
    latest: float | None = None
    latest_period: str | None = None
    expected: float | None = None
    share_covered: float | None = None
    next_milestone: dict[str, Any] | None = None
    projections: tuple[Projection, ...] = ()
    target_met_year: int | None = None
    deliverables: dict[str, int] | None = None


@dataclass(frozen=True)
class TrendVerdict:
    judgement: TrendJudgement
    reason: str
    method: str
    p_value: float | None = None
    rule: str | None = None
    points: int = 0
    published: str | None = None
    agrees_with_published: bool | None = None
    difference: str | None = None


@dataclass(frozen=True)
class ComparisonVerdict:
    comparator: str
    comparator_name: str
    comparison: str
    reason: str
    method: str
    period: str | None = None
    value: float | None = None
    comparator_value: float | None = None
    rank: int | None = None
    of: int | None = None
    quartile: int | None = None
    model: str | None = None
    """For a rank in a group defined by a neighbour model: the model's name."""
    ranked: tuple[tuple[str, float], ...] = ()
    """For a rank: every place with a figure, best first (area code, value)."""


@dataclass(frozen=True)
class BenchmarkVerdict:
    comparisons: tuple[ComparisonVerdict, ...]
    reason: str


@dataclass(frozen=True)
class Assessment:
    """One series' judgement at one point in time."""

    measure_id: str
    series_id: str
    series_label: str
    progress: ProgressVerdict
    trend: TrendVerdict
    benchmark: BenchmarkVerdict

    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(asdict(self))
        return plain


@dataclass(frozen=True)
class MeasureAssessment:
    """A measure's judgement: its first series speaks for it; every series is assessed."""

    measure_id: str
    measure: str
    priority: str
    headline: bool
    series: tuple[Assessment, ...] = field(default_factory=tuple)

    @property
    def status(self) -> Status:
        return self.series[0].progress.status

    @property
    def reason(self) -> str:
        return self.series[0].progress.reason

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure_id,
            "wording": self.measure,
            "priority": self.priority,
            "headline": self.headline,
            "status": self.status.value,
            "reason": self.reason,
            "trend": self.series[0].trend.judgement.value,
            "trend_reason": self.series[0].trend.reason,
            "benchmark": self.series[0].benchmark.reason,
            "series": [s.to_dict() for s in self.series],
        }


def _plain(value: Any) -> Any:
    """Enums to their values, tuples to lists: a JSON-ready copy."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
