"""Relative and rank targets resolved against their comparators, and each trend method, worked by hand."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import shipped_dataset
from thrive.assess import Status, assess_roadmap
from thrive.assess.history import SeriesHistory
from thrive.assess.model import TrendJudgement
from thrive.assess.targets import resolve
from thrive.assess.trend import judge_trend
from thrive.data.rules import load_rules
from thrive.framework import ComparatorGroup, Observation, PeriodKind, Polarity, RoadMap, parse_period
from thrive.framework.area import ENGLAND, LUTON


def _history(measure_id: str, extra: list[Observation] | None = None, series_id: str | None = None) -> SeriesHistory:
    dataset = shipped_dataset()
    measure = dataset.roadmap.measure(measure_id)
    series = measure.series[0] if series_id is None else measure.series_by_id(series_id)
    assert series is not None
    return SeriesHistory.build(measure, series, [*dataset.observations, *(extra or [])])


def _target(measure_id: str, year: int) -> object:
    return next(t for t in shipped_dataset().roadmap.targets_for(measure_id) if t.year == year)


def test_national_average_wage_target_is_resolved_against_england() -> None:
    history = _history("weekly-wages")
    target = next(t for t in shipped_dataset().roadmap.targets_for("weekly-wages") if t.year == 2040)
    resolved = resolve(target, target.spec, history, Polarity.HIGHER_IS_BETTER, {}, history.latest)
    # 003:675: £618.10 against England's £681.7 in 2023: not yet at the national average.
    assert resolved.met is False
    assert resolved.basis == "E92000001's 681.7 in 2023"
    # The path ends at the printed £1,157.69 (the council's own projection of the 2040 national average).
    assert resolved.path_value == 1157.69


def test_gap_target_is_the_comparator_less_the_gap_for_a_lower_is_better_measure() -> None:
    # Anxiety 2040: "5% gap between Luton and national average" (003:689); England 23.3% in 22/23,
    # so the goal is 23.3 - 5 = 18.3%; Luton's 19.9% does not meet it.
    history = _history("anxiety")
    target = next(t for t in shipped_dataset().roadmap.targets_for("anxiety") if t.year == 2040)
    resolved = resolve(target, target.spec, history, Polarity.LOWER_IS_BETTER, {}, history.latest)
    assert resolved.path_value is not None and abs(resolved.path_value - 18.3) < 1e-9
    assert resolved.met is False


def test_either_target_is_met_by_the_points_above_national_option() -> None:
    # Pride in place 2040: "80% or 4% points above national average" (003:714). With England at 76%,
    # a Luton figure of 81% meets both options; 79% meets neither (80% and 76 + 4 = 80%).
    target = next(t for t in shipped_dataset().roadmap.targets_for("pride-place") if t.year == 2040)
    for value, met in ((81.0, True), (79.0, False)):
        latest = Observation("pride-place", LUTON, parse_period("2024"), value)
        history = _history("pride-place", [replace(latest, period=parse_period("2024"))])
        history = replace(history, points=(*[p for p in history.points if p.period.label != "2024"], latest))
        resolved = resolve(target, target.spec, history, Polarity.HIGHER_IS_BETTER, {}, latest)
        assert resolved.met is met
        assert resolved.path_value == 80


def test_top_3_of_11_statistical_neighbours_is_ranked_when_their_figures_exist() -> None:
    # Ten hypothetical neighbours (SYNTHETIC test areas) with attainment 8 from 40.5 to 49.5 in 2022/23;
    # Luton's published 45 (003:696, the 2022/23 school year) trails 45.5-49.5: rank 6 of 11, meeting
    # "Top 6" (2027) but not "top 3" (2040).
    neighbours = [f"E0600099{i}" for i in range(10)]
    school_year = parse_period("2022/23", year_span=PeriodKind.ACADEMIC_YEAR)
    figures = [Observation("gcse-attainment", code, school_year, 40.5 + i) for i, code in enumerate(neighbours)]
    dataset = shipped_dataset()
    group = ComparatorGroup("statistical-neighbours", "Luton's 11 statistical neighbours", (LUTON, *neighbours))
    roadmap: RoadMap = replace(
        dataset.roadmap,
        comparators=(*(c for c in dataset.roadmap.comparators if c.code != group.code), group),
    )
    gcse = assess_roadmap(roadmap, [*dataset.observations, *figures], load_rules(), measure_ids=["gcse-attainment"])[0]
    assert gcse.status is Status.ON_TRACK
    assert (
        gcse.reason == "On track: Luton, ranked 6th of 11 among Luton's 11 statistical neighbours, "
        "meets the 2027 milestone (Top 6 among statistical neighbours)."
    )
    ranked = next(c for c in gcse.series[0].benchmark.comparisons if c.comparator == "rank")
    # Rank 6 of 11: quartile 1 + (6 - 1) * 4 // 11 = 2.
    assert (ranked.rank, ranked.of, ranked.quartile) == (6, 11, 2)


def _points(
    values: list[float], counts: list[float] | None = None, denominators: list[float] | None = None
) -> list[Observation]:
    return [
        Observation(
            "neet",
            LUTON,
            parse_period(str(2016 + i)),
            v,
            numerator=None if counts is None else counts[i],
            denominator=None if denominators is None else denominators[i],
        )
        for i, v in enumerate(values)
    ]


def test_five_points_with_counts_use_the_fingertips_chi_squared_test() -> None:
    # NEET-style proportions falling 6.0% -> 4.0% on 2,000 young people a year (SYNTHETIC counts).
    counts = [120.0, 110.0, 100.0, 90.0, 80.0]
    history = _history("neet")
    history = replace(history, points=tuple(_points([c / 20 for c in counts], counts, [2000.0] * 5)))
    trend = judge_trend(history, load_rules())
    assert trend.method == "Fingertips chi-squared test for trend"
    # By hand (Altman 1991, pp 261-5): N = 10,000, sum O = 500, sum Ot = 1,400, sum nt = 30,000, sum nt^2 = 110,000;
    # chi-squared = N(N sum Ot - sum O sum nt)^2 / (sum O (N - sum O)(N sum nt^2 - (sum nt)^2))
    #             = 10^4 x (10^6)^2 / (500 x 9,500 x 2 x 10^8) = 10.526, p = 0.00118 < 0.002: a significant fall.
    assert trend.judgement is TrendJudgement.IMPROVING
    assert trend.p_value is not None and abs(trend.p_value - 0.0011769) < 1e-6


def test_five_points_without_counts_use_mann_kendall() -> None:
    history = replace(_history("neet"), points=tuple(_points([4.7, 4.5, 4.2, 4.0, 3.7])))
    trend = judge_trend(history, load_rules())
    # Five strictly falling points: S = -10, var(S) = 16.67, Z = -2.205, p = 0.027 < 0.05 (pymannkendall).
    assert trend.method == "Mann-Kendall test"
    assert trend.p_value is not None and abs(trend.p_value - 0.0275) < 0.001
    assert trend.judgement is TrendJudgement.IMPROVING


def test_england_is_not_part_of_lutons_own_trend() -> None:
    history = _history("weekly-wages")
    assert all(o.area_code == LUTON for o in history.points)
    assert history.comparator_latest(ENGLAND) is not None
