"""Ranks among statistical neighbours, reproduced from DfE's published figures and models.

The figures are DfE's LAIT file and the neighbour lists DfE's own models, as Thrive ships them
(thrive/datasets/open_data, OGL v3.0). The published ranks are the 2025 Progress Report's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from tests.conftest import shipped_dataset
from thrive.assess.history import SeriesHistory
from thrive.assess.ranking import ordinal, rank_in_group
from thrive.data.neighbours import read_model
from thrive.data.open_data import OPEN_DATA, shipped_manifest
from thrive.framework import ComparatorGroup, Observation, PeriodKind, parse_period
from thrive.framework.area import LUTON

LAIT = OPEN_DATA / "dfe_lait" / "lait_selected_measures_all_areas.csv.gz"


def _group() -> ComparatorGroup:
    models = tuple(read_model(s).model for s in shipped_manifest().neighbours if s.group == "statistical-neighbours")
    shipped = next(g for g in shipped_dataset().roadmap.comparators if g.code == "statistical-neighbours")
    return replace(shipped, models=models)


def _history(measure_id: str, code: str, kind: PeriodKind, luton: dict[str, float] | None = None) -> SeriesHistory:
    """DfE's figures for every area as one series' history; `luton` puts the council's printed figures first."""
    rows = pd.read_csv(LAIT, dtype=str, keep_default_na=False)
    rows = rows[(rows["measure_code"] == code) & rows["ons_code"].str.startswith("E")]
    measure = shipped_dataset().roadmap.measure(measure_id)
    series = measure.series[0]
    figures = []
    for area, label, text in zip(rows["ons_code"], rows["period"], rows["value"], strict=True):
        if not str(text).replace(".", "", 1).isdigit():
            continue
        end = int(str(label))
        period = parse_period(f"{end - 1}/{end % 100:02d}", year_span=kind)
        value = float(str(text))
        if area == LUTON and luton and str(label) in luton:
            value = luton[str(label)]
        figures.append(Observation(series.id, str(area), period, value))
    return SeriesHistory.build(measure, series, figures)


def _luton(history: SeriesHistory, label: str) -> Observation:
    return next(o for o in history.points if o.period.label == label)


def test_gcse_2022_23_is_6th_of_11_among_the_april_2021_statistical_neighbours_as_published() -> None:
    # "45% - 6th out of 11 statistical neighbours" (003:527, 003:696); the Road Map prints 45 for the
    # 2022/23 school year, where DfE publishes 44.5 (DATA-NOTES K7). Both rank 6th of 11.
    for printed in ({"2023": 45.0}, None):
        history = _history("gcse-attainment", "AVG_Attain8_Score", PeriodKind.ACADEMIC_YEAR, printed)
        found = rank_in_group(history, _luton(history, "2022/23"), _group(), complete=True)
        assert found is not None and found.model is not None
        assert found.model.code == "dfe-statistical-neighbours-2021"
        assert (found.rank, found.of) == (6, 11)
        assert [code for code, _ in found.ranked][found.rank - 1] == LUTON
        assert "E08000025" in dict(found.ranked)  # Birmingham, first of the April 2021 list


def test_gcse_2024_25_is_ranked_among_the_may_2025_neighbours_the_model_in_force() -> None:
    # DfE's May 2025 model: Slough, Peterborough, Coventry, Hounslow, Hillingdon, Leicester, Ealing,
    # Sandwell, Southampton, Barking and Dagenham (DfE's Children's Services Statistical Neighbours).
    history = _history("gcse-attainment", "AVG_Attain8_Score", PeriodKind.ACADEMIC_YEAR)
    found = rank_in_group(history, _luton(history, "2024/25"), _group(), complete=True)
    assert found is not None and found.model is not None
    assert found.model.code == "dfe-statistical-neighbours-2025"
    assert (found.rank, found.of, found.quartile) == (7, 11, 3)
    assert {"E06000039", "E06000031", "E08000026"} <= {
        code for code, _ in found.ranked
    }  # Slough, Peterborough, Coventry


def test_neet_sits_around_the_middle_of_its_statistical_neighbours() -> None:
    # "a little better than the national average and sits around the middle of its statistical neighbours"
    # (002:985, December 2024): 2022/23 and 2023/24 on the April 2021 model.
    history = _history("neet", "16-17_not known_NEET", PeriodKind.FINANCIAL_YEAR)
    places = [
        rank_in_group(history, _luton(history, label), _group(), complete=True) for label in ("2022/23", "2023/24")
    ]
    assert [(p.rank, p.of) for p in places if p is not None] == [(4, 11), (5, 11)]


@pytest.mark.parametrize(
    ("day", "model"),
    [
        (date(2021, 3, 31), None),
        (date(2021, 4, 1), "dfe-statistical-neighbours-2021"),
        (date(2025, 4, 30), "dfe-statistical-neighbours-2021"),
        (date(2025, 5, 1), "dfe-statistical-neighbours-2025"),
        (date(2030, 1, 1), "dfe-statistical-neighbours-2025"),
    ],
)
def test_a_figure_is_ranked_in_the_model_in_force_when_its_period_ended(day: date, model: str | None) -> None:
    found = _group().model_on(day)
    assert (found.code if found else None) == model


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (102, "102nd"),
    ],
)
def test_places_read_as_ordinals(number: int, words: str) -> None:
    assert ordinal(number) == words
