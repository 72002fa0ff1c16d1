"""The Luton Road Map assessed: status, trend and benchmark with hand-worked numbers (003, Appendix 1)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import pytest

from tests.conftest import shipped_dataset
from thrive.assess import MeasureAssessment, Status, assess_roadmap
from thrive.assess.model import Assessment, TrendJudgement
from thrive.data.rules import load_rules
from thrive.framework import Observation, TargetKind, parse_period


@cache
def _assessed() -> dict[str, MeasureAssessment]:
    dataset = shipped_dataset()
    return {m.measure_id: m for m in assess_roadmap(dataset.roadmap, dataset.observations, load_rules())}


def _series(measure: str, series: str | None = None) -> Assessment:
    found = _assessed()[measure].series
    return found[0] if series is None else next(s for s in found if s.series_id == series)


def test_every_one_of_the_40_measures_is_assessed_with_a_reason() -> None:
    assessed = _assessed()
    assert len(assessed) == 40
    for measure in assessed.values():
        for series in measure.series:
            assert series.progress.reason and series.trend.reason and series.benchmark.reason


def test_every_measure_with_a_numeric_target_has_a_status_and_reason() -> None:
    roadmap = shipped_dataset().roadmap
    numeric = {t.measure_id for t in roadmap.targets if t.value is not None}
    assert len(numeric) >= 25
    for measure_id in numeric:
        progress = _assessed()[measure_id].series[0].progress
        assert progress.status in set(Status)
        assert progress.reason.split(":")[0] in {
            "Achieved",
            "On track",
            "Off track",
            "No data",
            "Not assessable",
            "Not assessable yet",
            "Target not set",
        }


def test_measures_that_cannot_be_assessed_say_why() -> None:
    undecided = [
        m for m in _assessed().values() if m.status in (Status.NOT_ASSESSABLE, Status.TARGET_NOT_SET, Status.NO_DATA)
    ]
    assert undecided
    for measure in undecided:
        verdict, why = measure.reason.split(": ", 1)
        assert verdict and len(why) > 15, measure.reason


def test_destitution_is_off_track_against_its_milestone_set_worse_than_the_baseline() -> None:
    # 003:674: baseline 7.3% (2019), latest 9.9% (2023), 2027 milestone 7.7%. The milestone is set worse
    # than the baseline (DATA-NOTES C-MWB), so there is no path to follow: the old sentence "against a
    # path that needs 7.5% by then to reach 7.7%" read as a paradox. Judged on the milestone itself.
    progress = _series("destitution").progress
    assert progress.status is Status.OFF_TRACK
    assert progress.expected is None
    assert progress.reason == "Off track: 9.9% in 2023 does not yet meet the 2027 milestone of 7.7%."
    assert progress.rule == "the milestone itself"


def test_wages_are_on_track_halfway_to_the_2027_milestone() -> None:
    # 003:675: £560.50 (2019) to £723.09 (2027) needs £641.795 by mid-2023; £618.10 is £23.70 short,
    # within 5% of the £597.19 journey from £560.50 to the 2040 path end of £1,157.69 (tolerance £29.86).
    progress = _series("weekly-wages").progress
    assert progress.expected == pytest.approx(641.795, abs=1e-6)
    assert progress.status is Status.ON_TRACK


def test_published_trend_that_differs_is_shown_with_both_and_why() -> None:
    # The brief's example: destitution rose from 7.3% to 9.9% yet is marked "Improving" (003:357).
    trend = _series("destitution").trend
    assert trend.judgement is TrendJudgement.GETTING_WORSE
    assert trend.published == "Improving"
    assert trend.agrees_with_published is False
    assert trend.difference is not None and "'Improving'" in trend.difference and "36%" in trend.difference
    # Feeling safe rose from 29% (2019) to 33% (2024): 14%, marked "No major change" (003:638).
    safe = _series("feeling-safe").trend
    assert (safe.judgement, safe.published, safe.agrees_with_published) == (
        TrendJudgement.IMPROVING,
        "No major change",
        False,
    )


def test_threshold_rule_is_recorded_as_the_method() -> None:
    trend = _series("healthy-life-expectancy", "hle-male").trend
    # 57.4 (2017-19) to 59.2 (2018-20) is a 3.1% change, under the 5% threshold.
    assert (trend.method, trend.judgement) == ("threshold rule", TrendJudgement.NO_MAJOR_CHANGE)
    assert trend.rule is not None and "5%" in trend.rule


def test_benchmark_against_england_uses_the_same_period() -> None:
    # 003:675: £618.10 against £681.7 in 2023; 9.3% apart, beyond the 5% band: worse.
    wages = _series("weekly-wages").benchmark.comparisons[0]
    assert (wages.comparator, wages.comparison, wages.value, wages.comparator_value) == (
        "E92000001",
        "worse",
        618.10,
        681.7,
    )
    # 003:696: attainment 8 of 45 against 44.7: within 5%, similar.
    assert _series("gcse-attainment").benchmark.comparisons[0].comparison == "similar"


def test_rank_target_without_neighbour_figures_is_not_assessable_and_says_why() -> None:
    progress = _series("gcse-attainment").progress
    assert progress.status is Status.NOT_ASSESSABLE
    assert "statistical neighbours" in progress.reason


def test_deliverables_are_scored_completed_out_of_total() -> None:
    progress = _series("developments").progress
    checklist = next(t for t in shipped_dataset().roadmap.targets_for("developments") if t.year == 2040)
    assert checklist.spec.kind is TargetKind.CHECKLIST
    assert progress.deliverables == {"completed": 0, "total": len(checklist.spec.items)}


def test_target_not_set_says_what_the_road_map_says() -> None:
    assert _series("police-satisfaction").progress.reason == "Target not set: the Road Map says 'TBC'."


def test_as_of_ignores_figures_for_later_periods() -> None:
    dataset = shipped_dataset()
    early = {
        m.measure_id: m
        for m in assess_roadmap(dataset.roadmap, dataset.observations, load_rules(), as_of=date(2024, 1, 1))
    }
    # Only the 2019 destitution figure had a period ending by 2024-01-01... and the 2023 one (ends 2023-12-31).
    assert early["destitution"].series[0].progress.latest_period == "2023"
    # Unemployment's latest is 1 August 2024: as of 2024-01-01 the 2019 baseline is all there is.
    assert early["unemployment"].series[0].progress.latest_period == "2019"
    assert early["unemployment"].status is Status.NOT_ASSESSABLE


def test_a_new_figure_changes_the_judgement_of_a_new_run() -> None:
    dataset = shipped_dataset()
    newer = Observation("destitution", "E06000032", parse_period("2025"), 7.0)
    before = assess_roadmap(dataset.roadmap, dataset.observations, load_rules(), measure_ids=["destitution"])[0]
    after = assess_roadmap(dataset.roadmap, [*dataset.observations, newer], load_rules(), measure_ids=["destitution"])[
        0
    ]
    assert before.status is Status.OFF_TRACK
    # Mid-2025 path value: 7.3 + 0.4 x 6/8 = 7.6; 7.0% is better than that.
    assert after.status is Status.ON_TRACK
    assert after.series[0].trend.judgement is TrendJudgement.IMPROVING


def test_tolerance_rule_moves_the_on_track_line() -> None:
    dataset = shipped_dataset()
    strict = replace(load_rules(), on_track_tolerance=0.0)
    wages = assess_roadmap(dataset.roadmap, dataset.observations, strict, measure_ids=["weekly-wages"])[0]
    assert wages.status is Status.OFF_TRACK
