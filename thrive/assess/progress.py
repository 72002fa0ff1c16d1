"""Progress: is the latest figure where the path from the baseline to the 2040 target needs it to be?

Tolerance rule (assessment-rules.yaml, `on_track_tolerance`): a figure is on track when it is
no further behind the path's expected value than that share of the whole baseline-to-2040
distance; achieved when it already meets the 2040 target. See ASSESSMENT.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from thrive.assess.history import SeriesHistory
from thrive.assess.model import ProgressVerdict, Projection, Status
from thrive.assess.projection import linear_projection, year_reached
from thrive.assess.rules import AssessmentRules
from thrive.assess.targets import ResolvedTarget, resolve
from thrive.assess.trajectory import Trajectory, milestone_year
from thrive.framework import ComparatorGroup, Observation, Polarity, Target, TargetKind
from thrive.framework.target import DeliverableStatus
from thrive.framework.units import format_value

BASELINE_YEAR = 2019
PROJECT_TO = (2027, 2040)


def _say(value: float | None, unit: str) -> str:
    return format_value(value, unit)


def _figure(observation: Observation, unit: str) -> str:
    return f"{_say(observation.value, unit)} in {observation.period.display}"


def judge_progress(
    history: SeriesHistory,
    targets: Sequence[Target],
    rules: AssessmentRules,
    groups: Mapping[str, ComparatorGroup],
) -> ProgressVerdict:
    verdict = _judge_progress(history, targets, rules, groups)
    explanation = history.break_explanation()
    if explanation is None or verdict.latest is None:
        return verdict
    return replace(verdict, reason=f"{verdict.reason} {explanation}")


def _judge_progress(
    history: SeriesHistory,
    targets: Sequence[Target],
    rules: AssessmentRules,
    groups: Mapping[str, ComparatorGroup],
) -> ProgressVerdict:
    unit = history.series.unit
    polarity = history.measure.polarity
    ordered = sorted(targets, key=lambda t: t.year)
    latest = history.latest
    if not ordered:
        return ProgressVerdict(Status.TARGET_NOT_SET, "Target not set: the Road Map gives no target or milestone.")
    if all(t.spec.kind is TargetKind.NOT_SET for t in ordered):
        reason = ordered[-1].spec.reason or ordered[-1].text
        return ProgressVerdict(Status.TARGET_NOT_SET, f"Target not set: the Road Map says '{reason}'.")

    checklist = next((t for t in reversed(ordered) if t.spec.kind is TargetKind.CHECKLIST), None)
    if checklist is not None:
        return _deliverables(checklist)
    if latest is None or latest.value is None:
        return ProgressVerdict(Status.NO_DATA, "No data: Thrive holds no figure for Luton yet.")
    if polarity is Polarity.NO_JUDGEMENT:
        return ProgressVerdict(Status.NOT_ASSESSABLE, "Not assessable: this measure has no better or worse direction.")

    resolved = [resolve(t, t.spec, history, polarity, groups, latest) for t in ordered]
    baseline = history.baseline(BASELINE_YEAR)
    projections, slope, intercept = _projection(history, rules)
    final = resolved[-1]
    found = ProgressVerdict(
        Status.NOT_ASSESSABLE,
        "",
        baseline=None if baseline is None else baseline.value,
        baseline_period=None if baseline is None else baseline.period.label,
        latest=latest.value,
        latest_period=latest.period.label,
        projections=projections,
    )
    if final.target.year == 2040 and final.met:
        reason = f"Achieved: {_figure(latest, unit)} already meets the 2040 target ({final.target.text})."
        return replace(found, status=Status.ACHIEVED, reason=reason)
    numeric = [r for r in resolved if r.path_value is not None]
    if not numeric:
        return _by_rank(resolved, latest, found)
    if baseline is None or baseline is latest:
        only = _figure(latest, unit)
        reason = f"Not assessable yet: only one figure so far ({only}), so there is no path to compare with."
        return replace(found, reason=reason)

    trajectory = Trajectory.through(
        [(baseline.period.year, float(baseline.value or 0.0))]
        + [(milestone_year(r.target.year), float(r.path_value or 0.0)) for r in numeric]
    )
    expected = trajectory.expected(latest.period.year)
    if expected is None:
        return replace(found, reason="Not assessable: the latest figure is older than the baseline.")
    distance = trajectory.end - trajectory.start
    share = None if distance == 0 else (float(latest.value) - trajectory.start) / distance
    direction = 1.0 if polarity is Polarity.HIGHER_IS_BETTER else -1.0
    behind = (expected - float(latest.value)) * direction
    on_track = behind <= rules.on_track_tolerance * abs(distance)
    upcoming = next((r for r in numeric if milestone_year(r.target.year) > latest.period.year), numeric[-1])
    goal = f"{_say(upcoming.path_value, unit)} in {upcoming.target.year}"
    verdict = "On track" if on_track else "Off track"
    reason = (
        f"{verdict}: {_figure(latest, unit)} against a path that needs {_say(expected, unit)} by then to reach {goal}."
    )
    return replace(
        found,
        status=Status.ON_TRACK if on_track else Status.OFF_TRACK,
        reason=reason,
        expected=expected,
        share_covered=share,
        next_milestone={"year": upcoming.target.year, "text": upcoming.target.text, "value": upcoming.path_value},
        target_met_year=year_reached(slope, intercept, trajectory.end, latest.period.year),
    )


def _projection(
    history: SeriesHistory, rules: AssessmentRules
) -> tuple[tuple[Projection, ...], float | None, float | None]:
    recent = history.points[-rules.trend_points :]
    return linear_projection(
        [o.period.year for o in recent],
        [float(o.value or 0.0) for o in recent],
        PROJECT_TO,
        rules.projection_confidence,
    )


def _by_rank(resolved: list[ResolvedTarget], latest: Observation, found: ProgressVerdict) -> ProgressVerdict:
    upcoming = next((r for r in resolved if r.target.year >= latest.period.end.year), resolved[-1])
    if upcoming.met is None:
        reason = (
            f"Not assessable: the {upcoming.target.year} milestone ({upcoming.target.text}) needs {upcoming.basis}."
        )
        return replace(found, reason=reason)
    verdict, verb = ("On track", "meets") if upcoming.met else ("Off track", "does not yet meet")
    return replace(
        found,
        status=Status.ON_TRACK if upcoming.met else Status.OFF_TRACK,
        reason=f"{verdict}: Luton, {upcoming.basis}, {verb} the {upcoming.target.year} milestone "
        f"({upcoming.target.text}).",
    )


def _deliverables(checklist: Target) -> ProgressVerdict:
    """Scored as completed out of total; the Road Map dates none of them, so only "all done" is a verdict."""
    items = checklist.spec.items
    done = sum(1 for i in items if i.status is DeliverableStatus.COMPLETED)
    score = {"completed": done, "total": len(items)}
    if done == len(items):
        return ProgressVerdict(
            Status.ACHIEVED, f"Achieved: all {len(items)} deliverables are complete.", deliverables=score
        )
    return ProgressVerdict(
        Status.NOT_ASSESSABLE,
        f"Not assessable: {done} of {len(items)} deliverables completed, and the Road Map gives no dates for them.",
        deliverables=score,
    )
