"""A figure that starts a break in series: the reason says so, and the trend is judged only on like figures."""

from __future__ import annotations

from tests.conftest import shipped_dataset
from thrive.assess import Status, assess_roadmap
from thrive.assess.model import TrendJudgement
from thrive.data.rules import load_rules
from thrive.framework import Observation, ObservationFlag, parse_period


def _with_2025(flags: frozenset[ObservationFlag], note: str | None) -> Observation:
    return Observation("most-deprived-lsoas", "E06000032", parse_period("2025"), 17.0, flags=flags, note=note)


def test_break_in_series_is_explained_in_the_progress_reason_and_stops_a_cross_break_trend() -> None:
    dataset = shipped_dataset()
    newer = _with_2025(frozenset({ObservationFlag.BREAK_IN_SERIES}), "IoD2025 counts 2021 LSOAs.")
    judged = assess_roadmap(
        dataset.roadmap, [*dataset.observations, newer], load_rules(), measure_ids=["most-deprived-lsoas"]
    )[0].series[0]
    # Path from 4 (2019) to 3 (2027): 4 - 1 x 6/8 = 3.25 expected in 2025; 17 is behind it.
    assert judged.progress.status is Status.OFF_TRACK
    assert judged.progress.reason.endswith(
        "The 2025 figure starts a break in series and does not compare directly with earlier ones. "
        "IoD2025 counts 2021 LSOAs."
    )
    assert judged.trend.judgement is TrendJudgement.NOT_ASSESSABLE
    assert "break in series" in judged.trend.reason


def test_without_the_flag_the_same_figures_make_a_trend() -> None:
    dataset = shipped_dataset()
    judged = assess_roadmap(
        dataset.roadmap,
        [*dataset.observations, _with_2025(frozenset(), None)],
        load_rules(),
        measure_ids=["most-deprived-lsoas"],
    )[0].series[0]
    assert judged.trend.judgement is TrendJudgement.GETTING_WORSE
    assert "break in series" not in judged.progress.reason
