"""`thrive init` and `thrive measures`: the Road Map in the store, loaded once and never over newer data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.store.dump import dump
from thrive.cli.app import app

runner = CliRunner()


def _measures() -> list[dict[str, Any]]:
    result = runner.invoke(app, ["measures", "--json"])
    assert result.exit_code == 0, result.output
    items: list[dict[str, Any]] = json.loads(result.stdout)
    return items


def test_init_creates_the_schema_and_loads_the_road_map(empty_database_url: str, monkeypatch: Any) -> None:
    monkeypatch.setenv("THRIVE_DATABASE_URL", empty_database_url)
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0, result.output
    items = _measures()
    assert len(items) == 40
    assert len({item["priority"] for item in items}) == 5
    assert sum(item["headline"] for item in items) == 6


def test_measures_json_pins_published_figures(cli_env: str) -> None:
    items = {item["id"]: item for item in _measures()}
    destitution = items["destitution"]
    assert destitution["latest"] == {"value": 9.9, "period": "2023"}
    assert {year: m["value"] for year, m in destitution["milestones"].items()} == {
        "2027": 7.7,
        "2031": 5.1,
        "2035": 2.6,
    }
    assert destitution["target_2040"]["value"] == 0
    assert destitution["target_2040"]["text"] == "0%"
    assert destitution["polarity"] == "lower_is_better"
    wages = items["weekly-wages"]
    assert wages["latest"] == {"value": 618.10, "period": "2023"}
    assert wages["milestones"]["2027"] == {"text": "£723.09", "value": 723.09, "kind": "absolute"}
    assert set(items["healthy-life-expectancy"]["milestones"]["2027"]["series"]) == {"hle-male", "hle-female"}
    for item in items.values():
        assert set(item) >= {
            "id",
            "priority",
            "outcome",
            "measure",
            "headline",
            "polarity",
            "latest",
            "milestones",
            "target_2040",
        }


def test_init_twice_changes_nothing(cli_env: str, engine: Engine) -> None:
    first = runner.invoke(app, ["init", "--skip-open-data"])
    assert first.exit_code == 0, first.output
    before = dump(engine)
    assert [run[4] for run in before["assessment_run"]] == ["published"], "init leaves a run of the published figures"
    result = runner.invoke(app, ["init", "--skip-open-data"])
    assert result.exit_code == 0, result.output
    assert "0 figures added, 0 updated, 0 targets" in result.stdout.replace("\n", " ")
    assert dump(engine) == before


def test_init_never_overwrites_a_newer_imported_figure(cli_env: str, tmp_path: Path) -> None:
    path = tmp_path / "fix.csv"
    path.write_text("measure,area,period,value\ndestitution,E06000032,2023,9.8\n", encoding="utf-8")
    assert runner.invoke(app, ["import", str(path)]).exit_code == 0
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0
    assert "1 newer figures kept" in result.stdout.replace("\n", " ")
    items = {item["id"]: item for item in _measures()}
    assert items["destitution"]["latest"] == {"value": 9.8, "period": "2023"}


def test_show_lists_series_observations_and_history(cli_env: str) -> None:
    result = runner.invoke(app, ["show", "healthy-life-expectancy", "--json"])
    assert result.exit_code == 0, result.output
    detail = json.loads(result.stdout)
    assert [s["id"] for s in detail["series"]] == ["hle-male", "hle-female"]
    male = {o["period"]: o["value"] for o in detail["series"][0]["observations"] if o["area"] == "E06000032"}
    # 003:685: males 57.4 in 2017-19 and 59.2 in 2018-20.
    assert male == {"2017-19": 57.4, "2018-20": 59.2}
    assert all(
        change["who"].startswith("thrive init") or change["who"] == "test set-up"
        for change in detail["history"]["observations"]
    )
    assert detail["history"]["targets"]


def test_show_unknown_measure_says_how_to_find_ids(cli_env: str) -> None:
    result = runner.invoke(app, ["show", "povertee"])
    assert result.exit_code == 2
    assert "thrive measures" in result.output
