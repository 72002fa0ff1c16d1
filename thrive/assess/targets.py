"""Turn a published target into a number to aim at, and say whether today's figure meets it.

A relative target is resolved against the comparator's own series: "national average" is
England's latest figure for the same series. Where the Road Map prints a number with a
relative target (wages: "National average - £1157.69"), that number is where the path ends,
because it is the council's own projection; whether the target is met *now* is always
judged against the comparator's latest figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from thrive.assess.history import SeriesHistory
from thrive.assess.ranking import Ranking, ordinal, rank_in_group
from thrive.framework import ComparatorGroup, Observation, Polarity, Target, TargetKind, TargetSpec
from thrive.framework.target import Relation


@dataclass(frozen=True)
class ResolvedTarget:
    target: Target
    path_value: float | None
    """Where the trajectory goes in the target's year; None if the target gives no number."""
    met: bool | None
    """Whether the latest figure meets the target now; None if that cannot be told."""
    basis: str
    """What the number was resolved against, for reasons: "England's 4.3% in 2024"."""
    ranking: Ranking | None = None
    """For a rank target: the ranking it was judged on."""


def at_least_as_good(value: float, goal: float, polarity: Polarity) -> bool | None:
    if polarity is Polarity.HIGHER_IS_BETTER:
        return value >= goal
    if polarity is Polarity.LOWER_IS_BETTER:
        return value <= goal
    return None


def _goal(spec: TargetSpec, comparator: float, polarity: Polarity) -> float:
    amount = spec.amount or 0.0
    if spec.relation in (Relation.EQUAL, Relation.AT_LEAST_AS_GOOD, Relation.BETTER_THAN):
        return comparator
    if spec.relation is Relation.ABOVE_BY_POINTS:
        return comparator + amount
    if spec.relation is Relation.BELOW_BY_POINTS:
        return comparator - amount
    if spec.relation is Relation.BELOW_BY_PERCENT:
        return comparator * (1 - amount / 100)
    # GAP_POINTS: Luton better than the comparator by `amount` points.
    return comparator - amount if polarity is Polarity.LOWER_IS_BETTER else comparator + amount


def _comparator(spec: TargetSpec, history: SeriesHistory, latest: Observation | None) -> Observation | None:
    if spec.comparator is None:
        return None
    if latest is not None:
        same_period = history.comparator_at(spec.comparator, latest)
        if same_period is not None:
            return same_period
    return history.comparator_latest(spec.comparator)


def rank_words(place: Ranking, group_name: str) -> str:
    """For reasons: "ranked 6th of 11 among Luton's statistical neighbours (DfE ..., April 2021 model)"."""
    model = f" ({place.model.name})" if place.model is not None else ""
    return f"ranked {ordinal(place.rank)} of {place.of} among {group_name}{model}"


def resolve(
    target: Target,
    spec: TargetSpec,
    history: SeriesHistory,
    polarity: Polarity,
    groups: Mapping[str, ComparatorGroup],
    latest: Observation | None,
) -> ResolvedTarget:
    if spec.kind is TargetKind.ABSOLUTE:
        assert spec.value is not None
        met = None if latest is None or latest.value is None else at_least_as_good(latest.value, spec.value, polarity)
        return ResolvedTarget(target, spec.value, met, "the published figure")

    if spec.kind is TargetKind.RELATIVE:
        comparator = _comparator(spec, history, latest)
        if comparator is None or comparator.value is None:
            return ResolvedTarget(target, spec.value, None, f"no figure for {spec.comparator} to compare with")
        goal = _goal(spec, comparator.value, polarity)
        met = None
        if latest is not None and latest.value is not None:
            met = at_least_as_good(latest.value, goal, polarity)
            if spec.relation is Relation.BETTER_THAN and met:
                met = latest.value != goal
        basis = f"{spec.comparator}'s {comparator.value:g} in {comparator.period.label}"
        return ResolvedTarget(target, spec.value if spec.value is not None else goal, met, basis)

    if spec.kind is TargetKind.RANK:
        assert spec.comparator is not None and spec.rank is not None
        group = groups.get(spec.comparator)
        if group is None or latest is None:
            return ResolvedTarget(target, None, None, f"figures for {spec.comparator}, which Thrive does not hold yet")
        place = rank_in_group(history, latest, group, complete=True)
        if place is None:
            missing = f"figures for all of {group.name}, which Thrive does not hold yet"
            return ResolvedTarget(target, None, None, missing)
        return ResolvedTarget(target, None, place.rank <= spec.rank, rank_words(place, group.name), place)

    if spec.kind is TargetKind.EITHER:
        options = [resolve(target, option, history, polarity, groups, latest) for option in spec.options]
        path = next((o.path_value for o in options if o.path_value is not None), None)
        verdicts = [o.met for o in options if o.met is not None]
        met = any(verdicts) if verdicts else None
        return ResolvedTarget(target, path, met, "; or ".join(o.basis for o in options))

    if spec.kind is TargetKind.CHECKLIST:
        done = sum(1 for item in spec.items if item.status.value == "completed")
        return ResolvedTarget(target, None, done == len(spec.items), f"{done} of {len(spec.items)} completed")

    return ResolvedTarget(target, None, None, spec.reason or "not set")
