"""What an assessment says: status, trend and benchmark, each with its reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from enum import StrEnum
from functools import cache
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints


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
    rule: str | None = None
    """The rule that decided the status, in words (the reason states it too)."""
    projection_reason: str = ""
    """What the recent trend says about the milestones, or why there is no projection."""


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
    ranked_against_england: tuple[str, ...] = ()
    """For a rank: each ranked place, in the same order, against England's figure by Fingertips' test
    (England's value outside the place's own 95% interval); "not_compared" for a place without one."""


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


WORST_FIRST = (
    Status.OFF_TRACK,
    Status.ON_TRACK,
    Status.ACHIEVED,
    Status.NOT_ASSESSABLE,
    Status.NO_DATA,
    Status.TARGET_NOT_SET,
)
"""The measure-level rule: a measure is as far off track as its worst judged series (healthy life
expectancy is off track if either the male or the female series is). Statuses that are not
judgements (not assessable, no data, target not set) speak for the measure only when no series
has a judgement."""


@dataclass(frozen=True)
class MeasureAssessment:
    """A measure's judgement: every series is assessed, and the worst judged series speaks for it."""

    measure_id: str
    measure: str
    priority: str
    headline: bool
    series: tuple[Assessment, ...] = field(default_factory=tuple)

    @property
    def deciding(self) -> Assessment:
        """The series whose status is the measure's, by WORST_FIRST; the first series on a tie."""
        return min(self.series, key=lambda s: WORST_FIRST.index(s.progress.status))

    @property
    def status(self) -> Status:
        return self.deciding.progress.status

    @property
    def reason(self) -> str:
        """The deciding series' reason; with several series, the rule and the series it names."""
        deciding = self.deciding
        if len(self.series) == 1:
            return deciding.progress.reason
        others = "; ".join(
            f"{s.series_label}: {s.progress.status.words.lower()}" for s in self.series if s is not deciding
        )
        return (
            f"{deciding.progress.status.words}, from its worst series, {deciding.series_label} (a measure takes "
            f"the worst of its {len(self.series)} series; {others}). {deciding.progress.reason}"
        )

    def to_dict(self) -> dict[str, Any]:
        deciding = self.deciding
        return {
            "measure": self.measure_id,
            "wording": self.measure,
            "priority": self.priority,
            "headline": self.headline,
            "status": self.status.value,
            "reason": self.reason,
            "deciding_series": deciding.series_id,
            "trend": deciding.trend.judgement.value,
            "trend_reason": deciding.trend.reason,
            "benchmark": deciding.benchmark.reason,
            "series": [s.to_dict() for s in self.series],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MeasureAssessment:
        """The exact inverse of `to_dict`: a stored run read back as the judgement it recorded."""
        return cls(
            str(data["measure"]),
            str(data["wording"]),
            str(data["priority"]),
            bool(data["headline"]),
            tuple(_typed(Assessment, s) for s in data["series"]),
        )


@cache
def _hints(kind: type) -> dict[str, Any]:
    """A dataclass's resolved field types: resolving them is most of the cost of reading a run back."""
    return get_type_hints(kind)


def _typed(kind: Any, value: Any) -> Any:
    """Read a plain (JSON) value back as `kind`: dataclasses, enums, tuples and optionals, recursively."""
    if value is None:
        return None
    origin, args = get_origin(kind), get_args(kind)
    if origin in (UnionType, Union):
        return _typed(next(a for a in args if a is not type(None)), value)
    if isinstance(kind, type) and is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{f.name: _typed(hints[f.name], value[f.name]) for f in fields(kind) if f.name in value})
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return kind(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value, strict=True))
    if kind is float:
        return float(value)
    return value


def _plain(value: Any) -> Any:
    """Enums to their values, tuples to lists: a JSON-ready copy."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
