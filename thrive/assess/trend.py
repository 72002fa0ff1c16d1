"""Trend: is the measure getting better or worse, by the strongest method its data allow.

1. counts and denominators on the last five points: Fingertips' chi-squared test for trend;
2. confidence intervals on the last five points: Fingertips' test for other value types;
3. five or more points without either: the Mann-Kendall test (pymannkendall);
4. two to four points: the threshold rule on the change since the previous figure.

Only figures since the newest break in series and of the series' own frequency are used
(thrive.assess.frequency), so a monthly figure never flips an annual trend.

The Progress Report's own Trend column follows no written rule, so where it differs from
Thrive's, both are shown and the difference is explained.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from thrive.assess.frequency import FigureFrequency
from thrive.assess.history import SeriesHistory
from thrive.assess.model import TrendJudgement, TrendVerdict
from thrive.assess.rules import AssessmentRules
from thrive.framework import Observation, Polarity
from thrive.framework.units import format_value
from thrive.stats import (
    TrendDirection,
    fingertips_recent_trend,
    fingertips_recent_trend_proportion,
    mann_kendall_trend,
    threshold_rule_trend,
)

THRESHOLD_RULE = "threshold rule"
PUBLISHED = {j.value for j in (TrendJudgement.IMPROVING, TrendJudgement.NO_MAJOR_CHANGE, TrendJudgement.GETTING_WORSE)}


def _judgement(direction: str, polarity: Polarity) -> TrendJudgement:
    if direction in (TrendDirection.NO_SIGNIFICANT_CHANGE, TrendDirection.NO_MAJOR_CHANGE):
        return TrendJudgement.NO_MAJOR_CHANGE
    if direction not in (TrendDirection.INCREASING, TrendDirection.DECREASING):
        return TrendJudgement.NOT_ASSESSABLE
    rising = direction == TrendDirection.INCREASING
    if polarity is Polarity.NO_JUDGEMENT:
        return TrendJudgement.INCREASING if rising else TrendJudgement.DECREASING
    good = rising == (polarity is Polarity.HIGHER_IS_BETTER)
    return TrendJudgement.IMPROVING if good else TrendJudgement.GETTING_WORSE


def _has(points: tuple[Observation, ...], *fields: str) -> bool:
    return all(getattr(o, name) is not None for o in points for name in fields)


def _test(history: SeriesHistory, rules: AssessmentRules) -> tuple[str, str, float | None, str | None, int]:
    """(direction, method, p-value, rule, points used)."""
    polarity = history.measure.polarity
    recent = history.comparable[-rules.trend_points :]
    n = len(recent)
    values = np.array([[o.value for o in recent]], dtype=float)
    if n == rules.trend_points and history.series.unit == "percent" and _has(recent, "numerator", "denominator"):
        result = fingertips_recent_trend_proportion(
            np.array([[o.numerator for o in recent]], dtype=float),
            np.array([[o.denominator for o in recent]], dtype=float),
            polarity=polarity,
            points=rules.trend_points,
            significance_level=rules.fingertips_significance,
        )
        return str(result.direction[0]), "Fingertips chi-squared test for trend", float(result.p_value[0]), None, n
    if n == rules.trend_points and _has(recent, "lower_ci", "upper_ci"):
        result = fingertips_recent_trend(
            values,
            np.array([[o.lower_ci for o in recent]], dtype=float),
            np.array([[o.upper_ci for o in recent]], dtype=float),
            polarity=polarity,
            points=rules.trend_points,
            significance_level=rules.fingertips_significance,
        )
        return (
            str(result.direction[0]),
            "Fingertips test for trend (other value types)",
            float(result.p_value[0]),
            None,
            n,
        )
    if n >= rules.mann_kendall_min_points:
        mk = mann_kendall_trend(
            values,
            polarity=polarity,
            significance_level=rules.mann_kendall_significance,
            min_points=rules.mann_kendall_min_points,
        )
        return str(mk.direction[0]), "Mann-Kendall test", float(mk.p_value[0]), None, n
    if n >= 2:
        change = threshold_rule_trend(values[0, -2], values[0, -1], polarity=polarity, threshold=rules.change_threshold)
        rule = f"a change of less than {rules.change_threshold:.0%} of the earlier figure is no major change"
        return str(change.direction), THRESHOLD_RULE, None, rule, n
    return str(TrendDirection.CANNOT_BE_CALCULATED), "none", None, None, n


def _describe(
    recent: tuple[Observation, ...],
    method: str,
    p_value: float | None,
    rules: AssessmentRules,
    unit: str,
    frequency: FigureFrequency | None,
) -> str:
    """What the figures did, and the rule or test that judged it, naming the figures' frequency."""
    kind = f" {frequency.value}" if frequency is not None else ""
    if method == THRESHOLD_RULE:
        before, after = recent[-2], recent[-1]
        earlier, later = float(before.value or 0.0), float(after.value or 0.0)
        figures = (
            f"the{kind} figures {format_value(earlier, unit)} in {before.period.display} and "
            f"{format_value(later, unit)} in {after.period.display}"
        )
        threshold = f"{rules.change_threshold:.0%}"
        rule = f"{THRESHOLD_RULE}, as there are too few figures for a statistical test"
        if earlier == later:
            return f"{figures} are the same, so no major change ({rule})"
        if earlier == 0:
            return (
                f"{figures}: a {'rise' if later > 0 else 'fall'} from zero, which has no percentage change and "
                f"counts as a change ({rule})"
            )
        change = abs(later - earlier) / abs(earlier) if earlier else 0.0
        if math.isclose(change, rules.change_threshold, rel_tol=1e-9):
            side = f"exactly the {threshold} threshold, which counts as a change"
        elif change > rules.change_threshold:
            side = f"more than the {threshold} threshold for a change"
        else:
            side = f"less than the {threshold} threshold for a change"
        return f"{figures} differ by {_percent(change)}, {side} ({rule})"
    first, last = recent[0], recent[-1]
    return (
        f"{len(recent)}{kind} figures from {format_value(first.value, unit)} in {first.period.display} to "
        f"{format_value(last.value, unit)} in {last.period.display} ({method}, p = {p_value:.3f})"
    )


def _percent(share: float) -> str:
    """A relative change as a whole percentage, never rounded onto or over the threshold it is compared with."""
    whole = f"{share:.0%}"
    return whole if whole != "0%" or share == 0 else "less than 1%"


def _left_out(history: SeriesHistory) -> str:
    """Figures of another frequency, named so a reader knows why they are not in the trend."""
    if not history.left_out or history.frequency is None:
        return ""
    shown = [o.period.display for o in history.left_out]
    names = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    return (
        f" Only {history.frequency.value} figures are compared: {names} "
        f"{'is' if len(history.left_out) == 1 else 'are'} of another frequency and not used for the trend."
    )


def judge_trend(history: SeriesHistory, rules: AssessmentRules) -> TrendVerdict:
    """Judged on the figures since the newest break in series: a trend across it would mix
    changes of method or geography with changes in the thing measured."""
    broken = history.break_in_series
    history = replace(history, points=history.since_break)
    polarity = history.measure.polarity
    direction, method, p_value, rule, n = _test(history, rules)
    judgement = _judgement(direction, polarity)
    recent = history.comparable[-rules.trend_points :]
    if judgement is TrendJudgement.NOT_ASSESSABLE:
        reason = (
            "Not assessable: a trend needs at least two figures of one frequency for Luton."
            if n < 2
            else f"Not assessable: the {method} could not be calculated on these {n} figures."
        )
        if broken is not None and n < 2:
            reason = (
                f"Not assessable: the {broken.period.display} figure starts a break in series, and a trend needs "
                "at least two figures on the same basis."
            )
        evidence = ""
    else:
        evidence = _describe(recent, method, p_value, rules, history.series.unit, history.frequency)
        reason = f"{judgement.value}: {evidence}."
    reason += _left_out(history)
    published = history.measure.published_trend if history.measure.published_trend in PUBLISHED else None
    agrees = None if published is None or judgement is TrendJudgement.NOT_ASSESSABLE else published == judgement.value
    difference = None
    if agrees is False:
        difference = (
            f"The Progress Report says '{published}'; Thrive finds '{judgement.value}': {evidence}. "
            "The report's Trend column follows no written rule; Thrive's method is stated with each trend."
        )
    return TrendVerdict(judgement, reason, method, p_value, rule, n, published, agrees, difference)
