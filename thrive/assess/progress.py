"""Progress: is the latest figure where the path from the baseline to the 2040 target needs it to be?

The rules, in order (ASSESSMENT.md): achieved when the latest figure meets the 2040 target; on
track when it already meets the next milestone, whatever the path says; judged on the milestone
itself when the Road Map set that milestone worse than the baseline (there is no path to follow);
otherwise on track when no further behind the path's expected value than `on_track_tolerance`
of the whole baseline-to-2040 distance. Every reason states the rule that decided it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from thrive.assess.history import SeriesHistory
from thrive.assess.model import ProgressVerdict, Projection, Status
from thrive.assess.projection import METHOD, Line, fit_line, project, year_reached
from thrive.assess.rules import AssessmentRules
from thrive.assess.targets import ResolvedTarget, at_least_as_good, resolve
from thrive.assess.trajectory import Trajectory, milestone_year
from thrive.framework import ComparatorGroup, Observation, Polarity, Target, TargetKind
from thrive.framework.target import DeliverableStatus
from thrive.framework.units import format_value, published_decimals, unit_of

BASELINE_YEAR = 2019
PROJECT_TO = (2027, 2040)


@dataclass(frozen=True)
class Wording:
    """Values as a sentence prints them: in the unit, to the measure's published precision."""

    unit: str
    decimals: int

    def value(self, value: float | None) -> str:
        return format_value(value, self.unit, self.decimals)

    def figure(self, observation: Observation) -> str:
        """A published figure as published, with its period: "9.9% in 2023"."""
        return f"{format_value(observation.value, self.unit)} in {observation.period.display}"

    def difference(self, amount: float) -> str:
        """A gap between two values: percentage points for a percentage."""
        number = format_value(amount, "number", 2)
        if self.unit == "percent":
            return f"{number} percentage points"
        return unit_of(self.unit).write(number)


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
    numeric = [r for r in resolved if r.path_value is not None]
    say = Wording(unit, published_decimals([o.value for o in history.points] + [r.path_value for r in numeric]))
    baseline = history.baseline(BASELINE_YEAR)
    line = _line(history, rules)
    upcoming = next((r for r in numeric if milestone_year(r.target.year) > latest.period.year), None)
    found = ProgressVerdict(
        Status.NOT_ASSESSABLE,
        "",
        baseline=None if baseline is None else baseline.value,
        baseline_period=None if baseline is None else baseline.period.label,
        latest=latest.value,
        latest_period=latest.period.label,
        projections=_projections(line, latest, rules, unit),
        projection_reason=_projection_words(history, rules, line, _goals(upcoming, numeric), latest, say, polarity),
    )
    final = resolved[-1]
    if final.target.year == 2040 and final.met:
        reason = f"Achieved: {say.figure(latest)} already meets the 2040 target ({final.target.text})."
        return replace(found, status=Status.ACHIEVED, reason=reason, rule="the latest figure meets the 2040 target")
    if not numeric:
        return _by_rank(resolved, latest, found)
    if baseline is None or baseline is latest:
        only = say.figure(latest)
        reason = f"Not assessable yet: only one figure so far ({only}), so there is no path to compare with."
        return replace(found, reason=reason)
    upcoming = upcoming or numeric[-1]
    milestone = f"the {upcoming.target.year} {_kind(upcoming)} of {say.value(upcoming.path_value)}"
    milestone_info = {"year": upcoming.target.year, "text": upcoming.target.text, "value": upcoming.path_value}
    if at_least_as_good(float(latest.value), float(upcoming.path_value or 0.0), polarity):
        reason = f"On track: {say.figure(latest)} already meets {milestone}."
        return replace(
            found, status=Status.ON_TRACK, reason=reason, next_milestone=milestone_info, rule="a milestone already met"
        )
    if _set_worse(upcoming, baseline, polarity):
        # A milestone set worse than the baseline makes no path to follow: judged on the milestone
        # itself; the data notes record the setting (DATA-NOTES.md, C-MWB).
        reason = f"Off track: {say.figure(latest)} does not yet meet {milestone}."
        return replace(
            found, status=Status.OFF_TRACK, reason=reason, next_milestone=milestone_info, rule="the milestone itself"
        )

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
    allowed = rules.on_track_tolerance * abs(distance)
    on_track = behind <= allowed
    tolerance = (
        f"the {rules.on_track_tolerance:.0%} tolerance ({say.difference(allowed)}, {rules.on_track_tolerance:.0%} "
        "of the distance from the baseline to the 2040 target)"
        if distance
        else "the path, which has no tolerance because the 2040 target equals the baseline,"
    )
    goal = f"{say.value(upcoming.path_value)} in {upcoming.target.year}"
    needs = f"the {say.value(expected)} the path needs by then to reach {goal}"
    if behind <= 0:
        reason = f"On track: {say.figure(latest)}, at or ahead of {needs}."
    elif on_track:
        reason = f"On track: {say.figure(latest)}, within {tolerance} of {needs}."
    else:
        reason = f"Off track: {say.figure(latest)}, more than {tolerance} behind {needs}."
    return replace(
        found,
        status=Status.ON_TRACK if on_track else Status.OFF_TRACK,
        reason=reason,
        expected=expected,
        share_covered=share,
        next_milestone=milestone_info,
        target_met_year=_met_year(line, trajectory.end, latest, rules, polarity),
        rule=f"the path from the baseline, with a {rules.on_track_tolerance:.0%} tolerance",
    )


def _goals(upcoming: ResolvedTarget | None, numeric: list[ResolvedTarget]) -> list[ResolvedTarget]:
    """What a projection is read against: the next milestone and the 2040 target."""
    return [r for r in (upcoming, numeric[-1] if numeric else None) if r is not None]


def _projections(line: Line | None, latest: Observation, rules: AssessmentRules, unit: str) -> tuple[Projection, ...]:
    if line is None:
        return ()
    return project(line, PROJECT_TO, latest.period.year, rules.projection_confidence, unit_of(unit))


def _kind(resolved: ResolvedTarget) -> str:
    return "target" if resolved.target.year == 2040 else "milestone"


def _set_worse(milestone: ResolvedTarget, baseline: Observation, polarity: Polarity) -> bool:
    """A milestone the Road Map set worse than the baseline (retail, pride, cohesion and others)."""
    value = milestone.path_value
    if value is None or baseline.value is None or value == baseline.value:
        return False
    return not at_least_as_good(float(value), float(baseline.value), polarity)


def _line(history: SeriesHistory, rules: AssessmentRules) -> Line | None:
    recent = history.comparable[-rules.trend_points :]
    if len(recent) < rules.projection_min_points:
        return None
    return fit_line([o.period.year for o in recent], [float(o.value or 0.0) for o in recent])


def _met_year(
    line: Line | None, goal: float, latest: Observation, rules: AssessmentRules, polarity: Polarity
) -> int | None:
    """The year the 2040 target would be met at the recent rate: only when the line heads there."""
    if line is None or latest.value is None:
        return None
    heading_up = line.slope > 0
    if heading_up != (polarity is Polarity.HIGHER_IS_BETTER) or line.slope == 0:
        return None
    return year_reached(line, goal, latest.period.year, rules.projection_confidence)


def _projection_words(
    history: SeriesHistory,
    rules: AssessmentRules,
    line: Line | None,
    goals: list[ResolvedTarget],
    latest: Observation,
    say: Wording,
    polarity: Polarity,
) -> str:
    """What the recent trend says about the next milestone and the 2040 target, naming the method."""
    comparable = history.comparable
    needed = rules.projection_min_points
    if line is None:
        broken = history.break_in_series
        if broken is not None and len(comparable) < needed:
            return (
                f"No projection: the {broken.period.display} figure starts a break in series, and a projection "
                f"needs at least {needed} comparable figures since it (there are {len(comparable)})."
            )
        return (
            f"No projection: a projection needs at least {needed} comparable figures of one frequency "
            f"(there are {len(comparable)})."
        )
    unit = unit_of(history.series.unit)
    level = f"{rules.projection_confidence:.0%} prediction interval"
    method = f"{METHOD}, {len(comparable[-rules.trend_points :])} figures"
    said = []
    for goal in dict.fromkeys(goals):
        if goal.path_value is None or milestone_year(goal.target.year) <= latest.period.year:
            continue
        found = project(line, (goal.target.year,), latest.period.year, rules.projection_confidence, unit)
        if not found:
            continue
        p = found[0]
        lower, upper = _limits(p)
        what = f"the {goal.target.year} {_kind(goal)} of {say.value(goal.path_value)}"
        interval = f"{say.value(lower)} to {say.value(upper)}"
        span = f"{say.value(p.value)} projected for {goal.target.year} ({level} {interval})"
        low_meets = at_least_as_good(lower, float(goal.path_value), polarity)
        high_meets = at_least_as_good(upper, float(goal.path_value), polarity)
        if low_meets and high_meets:
            said.append(f"On the recent trend, {what} would be met: {span}.")
        elif not low_meets and not high_meets:
            said.append(f"On the recent trend, {what} would not be met: {span}.")
        else:
            said.append(
                f"Too early to say whether {what} will be met: the {level} for {goal.target.year}, "
                f"{say.value(lower)} to {say.value(upper)}, lies on both sides of it."
            )
    if not said:
        projections = project(line, PROJECT_TO, latest.period.year, rules.projection_confidence, unit)
        said = [
            f"Projected on the recent trend: {say.value(p.value)} in {p.year} "
            f"({level} {say.value(_limits(p)[0])} to {say.value(_limits(p)[1])})."
            for p in projections
        ]
    if not said:
        return "No projection: the milestones and the 2040 target are not after the latest figure."
    return f"{' '.join(said)} Method: {method}."


def _limits(projection: Projection) -> tuple[float, float]:
    lower = projection.value if projection.lower is None else projection.lower
    upper = projection.value if projection.upper is None else projection.upper
    return lower, upper


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
        rule="the rank the milestone names",
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
