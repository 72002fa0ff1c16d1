"""The shipped open data, loaded as `thrive init` loads it, on both databases (issue 12's must-shows)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from tests.conftest import QuietSteps
from thrive.cli.app import app
from thrive.data.dataset import shipped_links
from thrive.datasets import dataset_path
from thrive.framework import Match
from thrive.services.assessment_runs import make_run
from thrive.services.open_data import load_open_data
from thrive.store.database import read_connection
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.history import observation_history
from thrive.store.index_runs import latest_index_run
from thrive.store.indicators import indicator_coverage, read_indicators
from thrive.store.observations import current_observations
from thrive.store.schema import change_set

LUTON, ENGLAND = "E06000032", "E92000001"
runner = CliRunner()


def _figures(engine: Engine, series_id: str, area: str) -> list[dict[str, Any]]:
    with read_connection(engine) as connection:
        frame = current_observations(connection, [series_id])
    here = frame[frame["area_code"] == area].sort_values("period_start")
    return [{str(k): v for k, v in r.items()} for r in here.to_dict(orient="records")]


def test_every_shipped_indicator_is_held_with_its_metadata_and_coverage(open_data_engine: Engine) -> None:
    with read_connection(open_data_engine) as connection:
        indicators = {i.id: i for i in read_indicators(connection)}
        coverage = indicator_coverage(connection)
    assert len(indicators) >= 40
    pay = coverage["ons-gross-median-weekly-pay"]
    # ONS Explore Local Statistics: ASHE April 2008 to April 2025 (the shipped folder's README).
    assert (pay.first_period, pay.last_period) == ("2008-04-16", "2025-04-30")
    assert pay.areas > 300
    for found in indicators.values():
        assert found.publisher and found.licence and found.definition and found.source


def test_weekly_pay_has_at_least_15_years_for_luton_and_england(open_data_engine: Engine) -> None:
    # ONS ASHE via Explore Local Statistics: Luton £345.00 in April 2008 and £585.90 in April 2025.
    luton = _figures(open_data_engine, "ons-gross-median-weekly-pay", LUTON)
    england = _figures(open_data_engine, "ons-gross-median-weekly-pay", ENGLAND)
    assert len(luton) >= 15 and len(england) >= 15
    assert (luton[0]["value"], luton[-1]["value"]) == (345.0, 585.9)
    assert england[-1]["value"] == 648.4


def test_healthy_life_expectancy_holds_onss_revised_series_with_its_intervals(open_data_engine: Engine) -> None:
    male = _figures(open_data_engine, "hle-male", LUTON)
    assert [f["period_label"] for f in male][:2] == ["2011-13", "2012-14"]
    latest = male[-1]
    # ONS: Luton males 2022-24, 56.9 years (95% CI 53.2 to 60.7).
    assert (latest["period_label"], latest["value"], latest["lower_ci"], latest["upper_ci"]) == (
        "2022-24",
        56.9,
        53.2,
        60.7,
    )
    assert all(f["lower_ci"] is not None and f["lower_ci"] == f["lower_ci"] for f in male)
    with read_connection(open_data_engine) as connection:
        history = observation_history(connection, ["hle-male"])
    printed = next(h for h in history if h["area"] == LUTON and h["period"] == "2017-19" and h["before"] is not None)
    assert (printed["before"]["value"], printed["before"]["ref"], printed["after"]["value"]) == (57.4, "003:685", 59.6)


def test_smoking_runs_from_2012_and_englands_printed_figure_is_2022(open_data_engine: Engine) -> None:
    luton = _figures(open_data_engine, "smoking", LUTON)
    assert luton[0]["period_label"] == "2012" and luton[0]["value"] == 20.9
    assert luton[-1]["period_label"] == "2023" and luton[-1]["value"] == 14.7 and luton[-1]["ref"] == "003:478"
    england = {f["period_label"]: f for f in _figures(open_data_engine, "smoking", ENGLAND)}
    assert (england["2022"]["value"], england["2022"]["ref"]) == (12.7, "003:692")  # printed, and ONS agrees
    assert england["2023"]["value"] == 11.6  # the narrative's figure (003:311), from ONS


def test_the_gcse_rank_targets_are_assessed_among_the_named_neighbours(open_data_engine: Engine) -> None:
    run = make_run(open_data_engine, actor="test", measure_ids=["gcse-attainment"])
    gcse = run.results[0]
    series = gcse["series"][0]
    assert gcse["status"] == "off_track"
    assert gcse["reason"] == (
        "Off track: Luton, ranked 7th of 11 among Luton's statistical neighbours (DfE children's services "
        "statistical neighbours, May 2025 model), does not yet meet the 2027 milestone (Top 6 among statistical "
        "neighbours)."
    )
    ranks = {c["comparator_name"]: c for c in series["benchmark"]["comparisons"] if c["comparator"] == "rank"}
    neighbours = ranks["Luton's statistical neighbours"]
    assert (neighbours["rank"], neighbours["of"], neighbours["period"]) == (7, 11, "2024/25")
    assert neighbours["model"] == "DfE children's services statistical neighbours, May 2025 model"
    slough, peterborough = "E06000039", "E06000031"
    assert {slough, peterborough, LUTON} <= {code for code, _ in neighbours["ranked"]}
    assert ranks["English unitary and upper-tier authorities"]["of"] >= 150


def test_deprivation_and_the_index_are_loaded(open_data_engine: Engine) -> None:
    with read_connection(open_data_engine) as connection:
        releases = latest_deprivation_releases(connection)
        run = latest_index_run(connection)
    assert releases[2019]["summary"]["luton"]["most_deprived_10_percent"] == 4
    assert releases[2025]["summary"]["luton"]["most_deprived_10_percent"] == 17
    assert run is not None


def test_loading_again_adds_nothing(open_data_engine: Engine) -> None:
    with read_connection(open_data_engine) as connection:
        before = connection.execute(select(func.count()).select_from(change_set)).scalar_one()
    again = load_open_data(open_data_engine, QuietSteps(), actor="test")
    assert again.problems == [] and again.figures_added == 0 and again.neighbour_models == 0
    assert again.index_run is None
    assert sum(r.revised for r in again.files) == 0
    with read_connection(open_data_engine) as connection:
        assert connection.execute(select(func.count()).select_from(change_set)).scalar_one() == before


def test_every_proxy_and_every_decision_has_its_data_note() -> None:
    notes = (dataset_path("luton2040") / "DATA-NOTES.md").read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (K\d+)\.", notes, flags=re.M))
    links, decisions = shipped_links()
    for link in links:
        if link.match is Match.PROXY:
            assert link.ref is not None and link.ref.removeprefix("DATA-NOTES ") in headings, link
    for decision in decisions:
        cited = re.findall(r"DATA-NOTES (K\d+)", decision.why)
        assert cited and set(cited) <= headings, decision
    assert "K12" in headings  # the neighbour model chosen for the published ranks


@pytest.fixture
def quick_init(empty_database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("THRIVE_DATABASE_URL", empty_database_url)
    yield empty_database_url


def test_init_can_skip_the_open_data_for_a_quick_start(quick_init: str) -> None:
    result = runner.invoke(app, ["init", "--skip-open-data"])
    assert result.exit_code == 0, result.output
    assert "Open data not loaded" in result.output
    listed = runner.invoke(app, ["measures", "--json"])
    assert listed.exit_code == 0
