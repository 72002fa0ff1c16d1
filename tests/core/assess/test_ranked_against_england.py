"""Each place in a ranking compared with England as Fingertips colours its bar charts (issue 17, 3):
England's value outside the place's own 95% interval is a significant difference, judged by the
measure's polarity; a place without an interval is not compared.

The figures are ONS's Annual Population Survey estimates of adults who smoke, 2023, with their 95%
intervals, as Thrive ships them (ONS Explore Local Statistics, OGL v3.0); England is 11.6%.
"""

from __future__ import annotations

from tests.conftest import shipped_dataset
from thrive.assess.benchmark import judge_benchmark
from thrive.assess.history import SeriesHistory
from thrive.assess.model import BenchmarkVerdict
from thrive.data.rules import load_rules
from thrive.framework import ComparatorGroup, Observation, parse_period
from thrive.framework.area import ENGLAND, LUTON

SMOKING_2023 = {
    ENGLAND: (11.6, 11.3, 12.0),
    LUTON: (14.7, 11.2, 18.3),
    "E06000042": (7.6, 4.9, 10.3),  # Milton Keynes: its upper limit is below England's 11.6
    "E06000009": (20.6, 16.2, 25.1),  # Blackpool: its lower limit is above it
    "E06000039": (8.3, 4.2, 12.4),  # Slough: 11.6 is inside its interval
    "E06000055": (13.6, None, None),  # Bedford, with its interval left out: not compared
}


def _judged() -> BenchmarkVerdict:
    measure = shipped_dataset().roadmap.measure("smoking")
    series = measure.series[0]
    figures = [
        Observation(series.id, code, parse_period("2023"), value, lower_ci=lower, upper_ci=upper)
        for code, (value, lower, upper) in SMOKING_2023.items()
    ]
    history = SeriesHistory.build(measure, series, figures)
    group = ComparatorGroup("test-places", "the test places", tuple(c for c in SMOKING_2023 if c != ENGLAND))
    return judge_benchmark(history, load_rules(), {}, {group.code: group})


def _ranked_against_england() -> list[tuple[str, str]]:
    ranked = next(c for c in _judged().comparisons if c.comparator_name == "the test places")
    assert len(ranked.ranked_against_england) == len(ranked.ranked)
    return [(code, found) for (code, _), found in zip(ranked.ranked, ranked.ranked_against_england, strict=True)]


def test_each_ranked_place_is_compared_with_england_by_its_own_interval() -> None:
    # Lowest is best: Milton Keynes 7.6, Slough 8.3, Bedford 13.6, Luton 14.7, Blackpool 20.6.
    assert _ranked_against_england() == [
        ("E06000042", "better"),
        ("E06000039", "similar"),
        ("E06000055", "not_compared"),
        (LUTON, "similar"),
        ("E06000009", "worse"),
    ]


def test_lutons_place_agrees_with_its_own_england_comparison() -> None:
    england = next(c for c in _judged().comparisons if c.comparator == ENGLAND)
    assert england.comparison == dict(_ranked_against_england())[LUTON] == "similar"
