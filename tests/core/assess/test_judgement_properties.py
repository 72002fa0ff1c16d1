"""Properties every judgement keeps, over generated series and targets (issue 16).

- no sentence contradicts its badge;
- no projection leaves the unit's range or lies in the past;
- no trend changes when a figure of another frequency is added;
- every sentence names the rule or method that decided it;
- a measure's assessment reads back from its dict exactly (`from_dict` inverts `to_dict`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thrive.assess.benchmark import judge_benchmark
from thrive.assess.history import SeriesHistory
from thrive.assess.model import Assessment, MeasureAssessment, ProgressVerdict, Status, TrendJudgement
from thrive.assess.progress import judge_progress
from thrive.assess.targets import at_least_as_good
from thrive.assess.trend import judge_trend
from thrive.data.rules import load_rules
from thrive.framework import Observation, Polarity, TargetKind, TargetSpec, parse_period
from thrive.framework.area import LUTON
from thrive.framework.roadmap import Frequency, Measure, Outcome, Series
from thrive.framework.strict_json import strict_dumps
from thrive.framework.target import Target
from thrive.framework.units import unit_of

RULES = load_rules()
EXAMPLES = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RANGES = {"percent": (0.0, 100.0), "count": (0.0, 5000.0), "years": (40.0, 80.0)}


@dataclass(frozen=True)
class Case:
    history: SeriesHistory
    targets: tuple[Target, ...]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    unit = draw(st.sampled_from(sorted(RANGES)))
    low, high = RANGES[unit]
    polarity = draw(st.sampled_from([Polarity.HIGHER_IS_BETTER, Polarity.LOWER_IS_BETTER]))
    first = draw(st.integers(2012, 2019))
    years = draw(st.integers(2, 9))
    figure = st.floats(low, high, allow_nan=False).map(lambda v: round(v, 1))
    values = draw(st.lists(figure, min_size=years, max_size=years))
    series = Series("generated", "generated", "Generated series", unit)
    measure = Measure(
        "generated",
        Outcome("Generated outcome", "economy", 1),
        "Generated measure",
        unit,
        polarity,
        Frequency.ANNUAL,
        "A generated measure.",
        "Generated.",
        (),
        False,
        (series,),
    )
    points = [Observation("generated", LUTON, parse_period(str(first + i)), v) for i, v in enumerate(values)]
    targets = tuple(
        Target("generated", "generated", year, f"{value:g}", TargetSpec(TargetKind.ABSOLUTE, value=value))
        for year, value in zip((2027, 2040), (draw(figure), draw(figure)), strict=True)
    )
    return Case(SeriesHistory.build(measure, series, points), targets)


def _progress(case: Case) -> ProgressVerdict:
    return judge_progress(case.history, case.targets, RULES, {})


BADGE_WORDS = {
    Status.ON_TRACK: ("already meets the 2027 milestone", "within the 5% tolerance", "at or ahead of"),
    Status.OFF_TRACK: ("does not yet meet", "more than the 5% tolerance", "behind the"),
    Status.ACHIEVED: ("already meets the 2040 target (",),
    Status.NOT_ASSESSABLE: ("only one figure so far", "older than the baseline"),
}
"""The words that state each badge's rule; a sentence holds its own badge's and no other's."""


@EXAMPLES
@given(cases())
def test_no_status_sentence_contradicts_its_badge_and_each_names_its_rule(case: Case) -> None:
    progress = _progress(case)
    prefix = progress.reason.split(":", 1)[0]
    assert prefix.startswith(progress.status.words), progress.reason
    assert any(words in progress.reason for words in BADGE_WORDS[progress.status]), progress.reason
    others = [w for status, words in BADGE_WORDS.items() if status is not progress.status for w in words]
    assert not any(w in progress.reason for w in others), progress.reason


@EXAMPLES
@given(cases())
def test_no_projection_leaves_the_units_range_or_lies_in_the_past(case: Case) -> None:
    progress = _progress(case)
    unit = unit_of(case.history.series.unit)
    latest = case.history.points[-1].period.year
    for p in progress.projections:
        assert p.year > latest
        for value in (p.value, p.lower, p.upper):
            assert value is not None and unit.clip(value) == value
        assert p.lower is not None and p.upper is not None and p.lower <= p.value <= p.upper
    if progress.target_met_year is not None:
        assert latest < progress.target_met_year <= 2040
    assert "Method:" in progress.projection_reason or progress.projection_reason.startswith("No projection: ")


@EXAMPLES
@given(cases())
def test_projection_sentences_agree_with_their_intervals(case: Case) -> None:
    progress = _progress(case)
    polarity = case.history.measure.polarity
    by_year = {p.year: p for p in progress.projections}
    for target in case.targets:
        goal = float(target.spec.value or 0.0)
        said = f"the {target.year} {'target' if target.year == 2040 else 'milestone'} of"
        if f"{said}" not in progress.projection_reason or target.year not in by_year:
            continue
        p = by_year[target.year]
        assert p.lower is not None and p.upper is not None
        meets = {at_least_as_good(v, goal, polarity) for v in (p.lower, p.upper)}
        sentence = next(s for s in progress.projection_reason.split(". ") if said in s)
        if "would be met" in sentence:
            assert meets == {True}
        elif "would not be met" in sentence:
            assert meets == {False}
        else:
            assert sentence.startswith("Too early to say") and meets == {True, False}


@EXAMPLES
@given(cases(), st.integers(1, 12), st.floats(0.0, 100.0, allow_nan=False))
def test_no_trend_changes_when_a_figure_of_another_frequency_is_added(case: Case, month: int, value: float) -> None:
    before = judge_trend(case.history, RULES)
    latest = case.history.points[-1].period.end.year
    monthly = Observation("generated", LUTON, parse_period(f"{month:02d}/01/{latest + 1}"), value)
    added = SeriesHistory.build(case.history.measure, case.history.series, [*case.history.points, monthly])
    after = judge_trend(added, RULES)
    assert (after.judgement, after.method, after.p_value, after.points) == (
        before.judgement,
        before.method,
        before.p_value,
        before.points,
    )


@EXAMPLES
@given(cases())
def test_every_trend_sentence_names_its_method_and_agrees_with_its_badge(case: Case) -> None:
    trend = judge_trend(case.history, RULES)
    assert trend.reason.startswith(f"{trend.judgement.value}:"), trend.reason
    if trend.judgement is not TrendJudgement.NOT_ASSESSABLE:
        assert trend.method in trend.reason, trend.reason
        assert "annual figures" in trend.reason
    assert "differ by 0%" not in trend.reason


@EXAMPLES
@given(cases(), cases())
def test_a_measure_assessment_reads_back_from_its_dict_exactly(first: Case, second: Case) -> None:
    judged = []
    for label, case in (("First", first), ("Second", second)):
        judged.append(
            Assessment(
                "generated",
                f"generated-{label.lower()}",
                f"{label} series",
                _progress(case),
                judge_trend(case.history, RULES),
                judge_benchmark(case.history, RULES, {}, {}, case.targets),
            )
        )
    measure = MeasureAssessment("generated", "Generated measure", "economy", True, tuple(judged))
    assert MeasureAssessment.from_dict(measure.to_dict()) == measure
    through_json = json.loads(strict_dumps(measure.to_dict()))
    assert MeasureAssessment.from_dict(through_json).to_dict() == json.loads(strict_dumps(measure.to_dict()))
