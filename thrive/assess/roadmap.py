"""Assess every measure and series of the Road Map as of a date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from thrive.assess.benchmark import judge_benchmark
from thrive.assess.history import SeriesHistory
from thrive.assess.model import Assessment, MeasureAssessment
from thrive.assess.progress import judge_progress
from thrive.assess.rules import AssessmentRules
from thrive.assess.trend import judge_trend
from thrive.framework import Observation, RoadMap


def usable_as_of(observations: Sequence[Observation], as_of: date | None) -> list[Observation]:
    """The figures a run as of `as_of` may use: those for periods that had ended by then."""
    if as_of is None:
        return list(observations)
    return [o for o in observations if o.period.end <= as_of]


def assess_roadmap(
    roadmap: RoadMap,
    observations: Sequence[Observation],
    rules: AssessmentRules,
    *,
    as_of: date | None = None,
    measure_ids: Sequence[str] | None = None,
) -> list[MeasureAssessment]:
    usable = usable_as_of(observations, as_of)
    by_series: dict[str, list[Observation]] = {}
    for o in usable:
        by_series.setdefault(o.series_id, []).append(o)
    areas = {a.code: a for a in roadmap.areas}
    groups = {g.code: g for g in roadmap.comparators}
    out = []
    for measure in roadmap.measures:
        if measure_ids is not None and measure.id not in measure_ids:
            continue
        assessments = []
        for series in measure.series:
            history = SeriesHistory.build(measure, series, by_series.get(series.id, []))
            targets = [t for t in roadmap.targets_for(measure.id) if t.series_id == series.id]
            assessments.append(
                Assessment(
                    measure.id,
                    series.id,
                    series.label,
                    judge_progress(history, targets, rules, groups),
                    judge_trend(history, rules),
                    judge_benchmark(history, rules, areas, groups, targets),
                )
            )
        out.append(
            MeasureAssessment(measure.id, measure.wording, measure.priority, measure.headline, tuple(assessments))
        )
    return out
