"""Benchmark: Better, Similar or Worse than England, the region and similar places.

With a confidence interval, Fingertips' rule: the comparator's value outside Luton's 95%
interval is a significant difference. Without one (most Road Map measures), a documented
rule: within `similar_band` of the comparator's value is Similar, and the reason says that
this is not a significance test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from thrive.assess.history import SeriesHistory
from thrive.assess.model import BenchmarkVerdict, ComparisonVerdict
from thrive.assess.ranking import Ranking, ordinal, rank_among, rank_in_group
from thrive.assess.rules import AssessmentRules
from thrive.framework import Area, ComparatorGroup, Observation, Polarity, Target, TargetSpec
from thrive.framework.area import ENGLAND
from thrive.framework.units import UNITS, format_value, unit_of
from thrive.stats import Comparison, fingertips_compare

EAST_OF_ENGLAND = "E12000006"
UPPER_TIER = "English unitary and upper-tier authorities"
COUNTS = frozenset(code for code, unit in UNITS.items() if unit.counts)
"""Units that grow with the size of a place: a count is never compared between places."""
WORDS = {
    Comparison.BETTER: "Better than",
    Comparison.WORSE: "Worse than",
    Comparison.SIMILAR: "Similar to",
    Comparison.HIGHER: "Higher than",
    Comparison.LOWER: "Lower than",
}


def _compare(latest: Observation, other: Observation, polarity: Polarity, rules: AssessmentRules) -> tuple[str, str]:
    value, against = float(latest.value or 0.0), float(other.value or 0.0)
    if latest.lower_ci is not None and latest.upper_ci is not None:
        found = fingertips_compare(value, latest.lower_ci, latest.upper_ci, against, polarity=polarity)
        return str(
            found.item()
        ), "Fingertips' test: whether the comparator's value lies outside Luton's 95% confidence interval"
    band = f"no confidence interval is published, so this is the {rules.similar_band:.0%} band, not a significance test"
    if abs(value - against) <= rules.similar_band * abs(against):
        return Comparison.SIMILAR.value, f"within {rules.similar_band:.0%} of it: {band}"
    higher = value > against
    if polarity is Polarity.NO_JUDGEMENT:
        found_plain = Comparison.HIGHER if higher else Comparison.LOWER
    else:
        found_plain = Comparison.BETTER if higher == (polarity is Polarity.HIGHER_IS_BETTER) else Comparison.WORSE
    return found_plain.value, f"more than {rules.similar_band:.0%} apart: {band}"


def _against(
    history: SeriesHistory, latest: Observation, code: str, name: str, rules: AssessmentRules
) -> ComparisonVerdict | None:
    other = history.comparator_at(code, latest)
    if other is None or other.value is None:
        return None
    comparison, method = _compare(latest, other, history.measure.polarity, rules)
    unit = history.series.unit
    words = WORDS.get(Comparison(comparison), comparison)
    reason = (
        f"{words} {name}: {format_value(latest.value, unit)} against {format_value(other.value, unit)} "
        f"in {latest.period.display}; {method}."
    )
    return ComparisonVerdict(code, name, comparison, reason, method, latest.period.label, latest.value, other.value)


def _ranked(found: Ranking | None, name: str, history: SeriesHistory, latest: Observation) -> ComparisonVerdict | None:
    """A rank as a comparison: the place, the quartile (1 is best), everyone ranked, and each of them
    against England as Fingertips colours a bar chart of areas."""
    if found is None:
        return None
    model = f" ({found.model.name})" if found.model is not None else ""
    reason = (
        f"Ranked {ordinal(found.rank)} of {found.of} among {name}{model} in {latest.period.display} "
        f"(quartile {found.quartile}, 1 is best)."
    )
    return ComparisonVerdict(
        "rank",
        name,
        f"quartile {found.quartile}",
        reason,
        "rank",
        latest.period.label,
        latest.value,
        rank=found.rank,
        of=found.of,
        quartile=found.quartile,
        model=None if found.model is None else found.model.name,
        ranked=found.ranked,
        ranked_against_england=_against_england(found, history, latest),
    )


def _against_england(found: Ranking, history: SeriesHistory, latest: Observation) -> tuple[str, ...]:
    """Each ranked place against England's figure for the period, by the place's own 95% interval
    (fingertips_compare); a place without an interval, or a period without England's figure, is not compared."""
    england = history.comparator_at(ENGLAND, latest)
    figures = [latest if code == latest.area_code else history.comparator_at(code, latest) for code, _ in found.ranked]
    nothing = float("nan")

    def limits(o: Observation | None) -> tuple[float, float, float]:
        if o is None or o.value is None or o.lower_ci is None or o.upper_ci is None:
            return nothing, nothing, nothing
        return float(o.value), float(o.lower_ci), float(o.upper_ci)

    values, lower, upper = zip(*(limits(o) for o in figures), strict=True)
    comparator = nothing if england is None or england.value is None else float(england.value)
    compared = fingertips_compare(values, lower, upper, comparator, polarity=history.measure.polarity)
    return tuple(str(c) for c in compared)


def named_comparators(targets: Sequence[Target]) -> list[str]:
    """The places and groups the targets name ("better than Greater London average"), in target order."""
    named: list[str] = []

    def walk(spec: TargetSpec) -> None:
        if spec.comparator is not None and spec.comparator not in named:
            named.append(spec.comparator)
        for option in spec.options:
            walk(option)

    for target in targets:
        walk(target.spec)
    return named


def _place_name(code: str, areas: Mapping[str, Area], groups: Mapping[str, ComparatorGroup]) -> str:
    """As the targets name it: a comparator group of one place ("Greater London") gives its name."""
    if code == ENGLAND:
        return "England"
    if code == EAST_OF_ENGLAND:
        return "the East of England"
    single = next((g.name for g in groups.values() if g.members == (code,)), None)
    return single or (areas[code].name if code in areas else code)


def judge_benchmark(
    history: SeriesHistory,
    rules: AssessmentRules,
    areas: Mapping[str, Area],
    groups: Mapping[str, ComparatorGroup],
    targets: Sequence[Target] = (),
) -> BenchmarkVerdict:
    """Against the comparator the targets name first (Greater London for Keep Britain Tidy, the
    statistical neighbours for GCSE), then England, the region and every group with figures."""
    latest = history.latest
    if latest is None:
        return BenchmarkVerdict((), "No Luton figure to compare.")
    if unit_of(history.series.unit).counts:
        return BenchmarkVerdict(
            (), "Not compared with other places: a count depends on how many people live in each. See the rate."
        )
    named = named_comparators(targets)
    places = [code for code in named if code not in groups] + [ENGLAND, EAST_OF_ENGLAND]
    found = [
        verdict
        for code in dict.fromkeys(places)
        if (verdict := _against(history, latest, code, _place_name(code, areas, groups), rules)) is not None
    ]
    ordered_groups = sorted(groups.values(), key=lambda g: g.code not in named)
    for group in ordered_groups:
        if group.members or group.models:
            ranked = _ranked(rank_in_group(history, latest, group), group.name, history, latest)
            if ranked is not None:
                found.append(ranked)
    authorities = [code for code, area in areas.items() if area.upper_tier and code != latest.area_code]
    ranked = _ranked(rank_among(history, latest, authorities), UPPER_TIER, history, latest)
    if ranked is not None:
        found.append(ranked)
    if not found:
        return BenchmarkVerdict((), f"No England or regional figure for {latest.period.display} to compare with.")
    named_groups = {groups[code].name for code in named if code in groups}
    first = next((v for v in found if v.comparator in named or v.comparator_name in named_groups), found[0])
    return BenchmarkVerdict(tuple(found), first.reason)
