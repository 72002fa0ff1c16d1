"""Every case issue 16 found on the public measure pages, each as a test named after it.

The shipped Road Map's own figures (003, Appendix 1), with figures added where a case needs a
longer series; the hand-worked numbers are in each comment.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import numpy as np

from tests.conftest import shipped_dataset
from tests.core.assess.test_neighbour_ranks import _group, _history
from thrive.assess import MeasureAssessment, Status, assess_roadmap
from thrive.assess.benchmark import judge_benchmark
from thrive.assess.model import Assessment, TrendJudgement
from thrive.data.rules import load_rules
from thrive.datasets import DATASETS
from thrive.framework import Observation, ObservationFlag, PeriodKind, parse_period
from thrive.framework.area import LUTON
from thrive.framework.grammar import capitalised, indefinite
from thrive.framework.units import format_value, published_decimals, with_unit
from thrive.index.spatial import MoransI
from thrive.reports.quality import Overdue
from thrive.stats import byars_interval, exact_poisson_interval, wilson_interval
from thrive.store.observations import _text

DATA_NOTES = (DATASETS / "luton2040" / "DATA-NOTES.md").read_text(encoding="utf-8")


@cache
def _assessed() -> dict[str, MeasureAssessment]:
    dataset = shipped_dataset()
    return {m.measure_id: m for m in assess_roadmap(dataset.roadmap, dataset.observations, load_rules())}


def _series(measure: str, series: str | None = None) -> Assessment:
    found = _assessed()[measure].series
    return found[0] if series is None else next(s for s in found if s.series_id == series)


def _with(measure: str, *added: Observation, drop: set[str] = frozenset()) -> MeasureAssessment:  # type: ignore[assignment]
    """The measure assessed with `added` figures, leaving out Luton's figures for the periods in `drop`."""
    dataset = shipped_dataset()
    kept = [o for o in dataset.observations if not (o.area_code == LUTON and o.period.label in drop)]
    return assess_roadmap(dataset.roadmap, [*kept, *added], load_rules(), measure_ids=[measure])[0]


def _luton(series: str, label: str, value: float, **extra: object) -> Observation:
    return Observation(series, LUTON, parse_period(label), value, **extra)  # type: ignore[arg-type]


# 1. Projections that know their limits


def test_healthy_life_expectancy_males_projection_not_96_95() -> None:
    # Two figures (57.4 in 2017-19, 59.2 in 2018-20) drew a line to 96.95 years in 2040. Two points are
    # too few: no projection, and the sentence says why and names the rule.
    progress = _series("healthy-life-expectancy", "hle-male").progress
    assert progress.projections == ()
    assert "96.95" not in progress.projection_reason
    assert progress.projection_reason.startswith("No projection: a projection needs at least 5 comparable figures")


def test_healthy_life_expectancy_2040_target_never_met_in_2021() -> None:
    # Five rising figures that pass the 2040 target before the latest one: the target is met now
    # (Achieved), and no projection ever names a year before the latest figure.
    rising = [_luton("hle-male", f"{y}-{(y + 2) % 100:02d}", 58.0 + 2.0 * i) for i, y in enumerate(range(2016, 2021))]
    judged = next(s for s in _with("healthy-life-expectancy", *rising).series if s.series_id == "hle-male")
    latest_year = 2021
    assert judged.progress.target_met_year is None or judged.progress.target_met_year > latest_year
    assert all(p.year > latest_year for p in judged.progress.projections)
    assert "met in 2021" not in judged.progress.projection_reason


def test_keep_britain_tidy_projection_not_minus_80_54_percent() -> None:
    # 21.4% (2021) to 10.67% (2023) drew a line to -80.54% in 2040. With two figures there is no projection;
    # with five falling ones the projection and its interval stay within 0% to 100%.
    assert _series("keep-britain-tidy", "kbt-litter").progress.projections == ()
    falling = [
        _luton("kbt-litter", str(y), v) for y, v in zip(range(2019, 2024), [30.0, 24.0, 18.0, 12.0, 6.0], strict=True)
    ]
    judged = _with("keep-britain-tidy", *falling, drop={"2021", "2023"}).series[0].progress
    assert judged.projections
    for p in judged.projections:
        assert 0.0 <= (p.lower or 0.0) <= p.value <= (p.upper or 100.0) <= 100.0


def test_pride_in_place_interval_not_minus_161_84_to_202_48_percent() -> None:
    progress = _series("pride-place").progress
    assert progress.projections == ()
    assert "-161.84" not in progress.projection_reason and "202.48" not in progress.projection_reason
    noisy = [
        _luton("pride-place", str(y), v) for y, v in zip(range(2020, 2025), [90.0, 20.0, 85.0, 15.0, 60.0], strict=True)
    ]
    judged = _with("pride-place", *noisy, drop={"2019", "2023", "2024"}).series[0].progress
    assert judged.projections and all((p.lower or 0) >= 0.0 and (p.upper or 0) <= 100.0 for p in judged.projections)
    assert "Too early to say whether the 2027 milestone" in judged.projection_reason


def test_exclusions_projection_not_minus_0_24_percent() -> None:
    falling = [
        _luton("exclusions", f"{y}/{(y + 1) % 100:02d}", v, flags=frozenset())
        for y, v in zip(range(2019, 2024), [0.2, 0.15, 0.1, 0.06, 0.03], strict=True)
    ]
    judged = _with("exclusions", *falling).series[0].progress
    assert judged.projections
    assert all((p.lower or 0.0) >= 0.0 and p.value >= 0.0 for p in judged.projections)
    assert "-0." not in judged.projection_reason


def test_most_deprived_lsoas_not_projected_across_the_break_in_series() -> None:
    before = [
        _luton("most-deprived-lsoas", str(y), v)
        for y, v in zip(range(2015, 2020), [9.0, 8.0, 6.0, 5.0, 4.0], strict=True)
    ]
    broken = _luton("most-deprived-lsoas", "2025", 17.0, flags=frozenset({ObservationFlag.BREAK_IN_SERIES}))
    progress = _with("most-deprived-lsoas", *before, broken, drop={"2019"}).series[0].progress
    assert progress.projections == ()
    assert progress.projection_reason.startswith("No projection: the 2025 figure starts a break in series")


# 2. Status that agrees with its sentence


def test_wages_on_track_sentence_states_the_5_percent_tolerance() -> None:
    # £560.50 (2019) to £723.09 (2027): the path needs £641.80 by mid-2023. £618.10 is £23.70 behind, within
    # the tolerance of 5% of the £597.19 journey to £1,157.69 (2040): £29.86.
    progress = _series("weekly-wages").progress
    assert progress.status is Status.ON_TRACK
    assert progress.reason == (
        "On track: £618.10 in 2023, within the 5% tolerance (£29.86, 5% of the distance from the baseline "
        "to the 2040 target) of the £641.80 the path needs by then to reach £723.09 in 2027."
    )


def test_influence_on_decisions_41_percent_already_meets_the_2027_milestone_of_40_percent() -> None:
    progress = _series("influence-decisions").progress
    assert progress.status is Status.ON_TRACK
    assert progress.reason == "On track: 41% in 2024 already meets the 2027 milestone of 40%."


def test_milestones_set_worse_than_the_baseline_are_a_data_note_not_a_paradox() -> None:
    # Retail, pride, cohesion, anxiety, unemployment and obesity: the Road Map's 2027 milestone is worse
    # than the 2019 baseline. No sentence shows a path that "needs" a figure better than the milestone.
    for measure in ("retail-satisfaction", "pride-place", "cohesion", "anxiety", "unemployment", "year6-obesity"):
        progress = _series(measure).progress
        assert "the path needs" not in progress.reason, progress.reason
        assert progress.rule in {"the milestone itself", "a milestone already met"}
        assert f"`{measure}`" in _section(DATA_NOTES, "C-MWB"), measure


def _section(notes: str, code: str) -> str:
    found = re.search(rf"\*\*{code}\..*?(?=\n\*\*[A-Z]|\n#)", notes, re.S)
    assert found is not None, code
    return found.group(0)


def test_healthy_life_expectancy_headline_names_the_series_that_decides_it() -> None:
    # Males already meet the 2040 target with 64 years; females (55.8) are off track. The measure takes
    # the worse series and says so, naming both.
    males = _luton("hle-male", "2022-24", 64.0)
    females = _luton("hle-female", "2022-24", 55.8)
    judged = _with("healthy-life-expectancy", males, females)
    statuses = {s.series_id: s.progress.status for s in judged.series}
    assert statuses["hle-male"] is Status.ACHIEVED and statuses["hle-female"] is Status.OFF_TRACK
    assert judged.status is Status.OFF_TRACK
    assert judged.deciding.series_id == "hle-female"
    assert judged.reason.startswith("Off track, from its worst series, Healthy life expectancy at birth, females")
    assert "Healthy life expectancy at birth, males: achieved" in judged.reason


# 3. Trend on the real series, like with like


def test_fly_posting_change_from_zero_in_words() -> None:
    trend = _series("keep-britain-tidy", "kbt-fly-posting").trend
    assert trend.judgement is TrendJudgement.GETTING_WORSE
    assert "differ by 67%" not in trend.reason
    assert "a rise from zero, which has no percentage change and counts as a change (threshold rule" in trend.reason


def test_volunteering_change_of_exactly_5_percent_is_not_more_than_the_threshold() -> None:
    # 20% (2019) to 21% (2024) is exactly 5% of 20: a change (less than 5% would be no major change).
    trend = _series("volunteering").trend
    assert trend.judgement is TrendJudgement.IMPROVING
    assert "more than the 5%" not in trend.reason
    assert "differ by 5%, exactly the 5% threshold, which counts as a change" in trend.reason


def test_unemployment_monthly_figure_never_flips_the_annual_trend() -> None:
    annual = [
        _luton("unemployment", str(y), v) for y, v in zip(range(2019, 2024), [3.2, 6.5, 5.8, 4.9, 4.1], strict=True)
    ]
    before = _with("unemployment", *annual).series[0].trend
    monthly = _luton("unemployment", "Sep-24", 2.0)
    after = _with("unemployment", *annual, monthly).series[0].trend
    assert (before.judgement, before.method, before.points) == (after.judgement, after.method, after.points)
    assert (
        "annual figures" in after.reason and "August 2024 and September 2024 are of another frequency" in after.reason
    )


# 4. Benchmarks against the comparator the target names


def test_children_in_care_426_is_never_called_england() -> None:
    benchmark = _series("children-in-care").benchmark
    assert "426" not in benchmark.reason and "England: 420" not in benchmark.reason
    assert all(c.comparator_value != 426 for c in benchmark.comparisons)


def test_keep_britain_tidy_benchmarked_against_greater_london_the_target_names() -> None:
    # Litter 10.67% against Greater London's 7.10% in 2023 (003:706); no interval, so the 5% band.
    benchmark = _series("keep-britain-tidy", "kbt-litter").benchmark
    assert benchmark.reason.startswith("Worse than Greater London: 10.67% against 7.1% in 2023;")
    assert "not a significance test" in benchmark.reason


def test_gcse_benchmarked_against_the_statistical_neighbours_the_target_names() -> None:
    history = _history("gcse-attainment", "AVG_Attain8_Score", PeriodKind.ACADEMIC_YEAR)
    dataset = shipped_dataset()
    targets = [t for t in dataset.roadmap.targets_for("gcse-attainment") if t.series_id == history.series.id]
    group = _group()
    areas = {a.code: a for a in dataset.roadmap.areas}
    benchmark = judge_benchmark(history, load_rules(), areas, {group.code: group}, targets)
    assert benchmark.reason.startswith("Ranked 7th of 11 among Luton's statistical neighbours")


# 5. No NaN anywhere (the pages and JSON are crawled in tests/web/test_no_nan_anywhere.py)


def test_exact_poisson_and_byars_lower_limit_of_nan_is_nan() -> None:
    for found in (exact_poisson_interval(np.nan), byars_interval(np.nan), byars_interval([np.nan, 20.0])):
        assert np.isnan(found.lower.flat[0]) and np.isnan(found.upper.flat[0]) and np.isnan(found.value.flat[0])


def test_wilson_interval_5_of_infinity_is_nan_not_zero() -> None:
    found = wilson_interval(5, np.inf)
    assert np.isnan(found.value) and np.isnan(found.lower) and np.isnan(found.upper)
    assert not np.isnan(wilson_interval(5, 10).lower)


def test_measure_page_source_column_never_nan() -> None:
    assert _text(float("nan")) is None and _text(None) is None and _text("ONS") == "ONS"


# 6. Formatting as GOV.UK writes it


def test_claimant_count_date_reads_august_2024_never_8_1_2024() -> None:
    assert parse_period("8/1/2024").display == "August 2024"
    assert parse_period("Sep-25").display == "September 2025"
    assert parse_period("2024-04-30").display == "30 April 2024"
    assert parse_period("23-24").display == "2023 to 2024"
    assert parse_period("22/23").display == "2022/23"
    assert "August 2024" in _series("unemployment").progress.reason


def test_milestones_carry_their_units_not_46_or_6774() -> None:
    assert with_unit("46", "percent") == "46%"
    assert with_unit("6774", "gbp_million") == "£6,774m"
    assert with_unit("maintain score", "percent") == "maintain score"


def test_decimals_follow_published_precision_not_46_37_percent_or_13_450_001_journeys() -> None:
    assert "46.37" not in _series("retail-satisfaction").progress.reason
    assert format_value(46.37, "percent", published_decimals([47.0, 44.0, 46.0])) == "46%"
    assert format_value(13_450_001, "journeys", published_decimals([12_200_000, 13_600_000])) == "13,500,000 journeys"
    assert "13,450,001" not in _series("bus-journeys").progress.reason


def test_an_annual_measure_never_a_annual() -> None:
    assert capitalised(indefinite("annual")) == "An annual"
    overdue = Overdue("2023", parse_period("2023").end, parse_period("2025").start, "annual")
    assert "An annual measure's next figure" in overdue.reason()


def test_morans_i_0_3996_with_p_0_001_is_clustered_and_quotes_the_rule_of_thumb() -> None:
    found = MoransI(0.3996, -0.008, 0.001, 999, 9.0, 125, 5.5)
    assert found.clustered
    assert "significantly clustered (permutation p = 0.001)" in found.reading
    assert "not above 0.4, the council's rule of thumb" in found.reading
    assert not replace(found, p_value=0.3).clustered
