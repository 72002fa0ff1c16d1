"""Benchmark: Better, Similar or Worse than England, the region and similar places.

With a confidence interval, Fingertips' rule: the comparator's value outside Luton's 95%
interval is a significant difference. Without one (most Road Map measures), a documented
rule: within `similar_band` of the comparator's value is Similar, and the reason says that
this is not a significance test.
"""

from __future__ import annotations

from collections.abc import Mapping

from thrive.assess.history import SeriesHistory
from thrive.assess.model import BenchmarkVerdict, ComparisonVerdict
from thrive.assess.ranking import Ranking, ordinal, rank_among, rank_in_group
from thrive.assess.rules import AssessmentRules
from thrive.framework import Area, ComparatorGroup, Observation, Polarity
from thrive.framework.area import ENGLAND
from thrive.framework.units import format_value
from thrive.stats import Comparison, fingertips_compare

EAST_OF_ENGLAND = "E12000006"
UPPER_TIER = "English unitary and upper-tier authorities"
COUNTS = frozenset({"count", "journeys", "gbp_million"})
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
        return str(found.item()), "Fingertips: the comparator's value lies outside Luton's 95% confidence interval"
    if abs(value - against) <= rules.similar_band * abs(against):
        return (
            Comparison.SIMILAR.value,
            f"within {rules.similar_band:.0%} (no confidence interval, not a significance test)",
        )
    higher = value > against
    if polarity is Polarity.NO_JUDGEMENT:
        found_plain = Comparison.HIGHER if higher else Comparison.LOWER
    else:
        found_plain = Comparison.BETTER if higher == (polarity is Polarity.HIGHER_IS_BETTER) else Comparison.WORSE
    return (
        found_plain.value,
        f"more than {rules.similar_band:.0%} apart (no confidence interval, not a significance test)",
    )


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
        f"in {latest.period.display}."
    )
    return ComparisonVerdict(code, name, comparison, reason, method, latest.period.label, latest.value, other.value)


def _ranked(found: Ranking | None, name: str, latest: Observation) -> ComparisonVerdict | None:
    """A rank as a comparison: the place, the quartile (1 is best) and everyone ranked."""
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
    )


def judge_benchmark(
    history: SeriesHistory, rules: AssessmentRules, areas: Mapping[str, Area], groups: Mapping[str, ComparatorGroup]
) -> BenchmarkVerdict:
    latest = history.latest
    if latest is None:
        return BenchmarkVerdict((), "No Luton figure to compare.")
    if history.series.unit in COUNTS:
        return BenchmarkVerdict(
            (), "Not compared with other places: a count depends on how many people live in each. See the rate."
        )
    found = [
        verdict
        for code, name in ((ENGLAND, "England"), (EAST_OF_ENGLAND, "the East of England"))
        if (verdict := _against(history, latest, code, name, rules)) is not None
    ]
    for group in groups.values():
        if group.members or group.models:
            ranked = _ranked(rank_in_group(history, latest, group), group.name, latest)
            if ranked is not None:
                found.append(ranked)
    authorities = [code for code, area in areas.items() if area.upper_tier and code != latest.area_code]
    ranked = _ranked(rank_among(history, latest, authorities), UPPER_TIER, latest)
    if ranked is not None:
        found.append(ranked)
    if not found:
        return BenchmarkVerdict((), f"No England or regional figure for {latest.period.display} to compare with.")
    return BenchmarkVerdict(tuple(found), found[0].reason)
