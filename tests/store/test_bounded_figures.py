"""Finding 1 of the hardening review: figures that cannot be real are refused at every door, on both databases.

One published 1e308 once took the PostgreSQL site down; these files were all accepted and
published. Each is now refused with its row and column, and nothing is written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.store.dump import dump
from thrive.cli.app import app
from thrive.store.database import read_connection
from thrive.store.observations import current_observations

runner = CliRunner()
HEADER = "measure,series,area,period,value,note,outlier_reason\n"


def _import(tmp_path: Path, rows: str) -> tuple[int, dict[str, Any]]:
    path = tmp_path / "figures.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--json"])
    return result.exit_code, json.loads(result.stdout)


REFUSED: list[tuple[str, str, str, str]] = [
    ("huge", "destitution,,E06000032,2024,1e308,,\n", "value", "far too large"),
    ("huge-negative", "weekly-wages,,E06000032,2024,-1e308,,\n", "value", "far too large"),
    ("denormal", "weekly-wages,,E06000032,2024,1e-320,,\n", "value", "too small to be a real figure"),
    ("thirty-digits", "weekly-wages,,E06000032,2024,123456789012345678901234567890,,\n", "value", "far too large"),
    ("negative-percentage", "destitution,,E06000032,2024,-50,,\n", "value", "usual range, 0 to 100"),
    ("percentage-over-100", "destitution,,E06000032,2024,150,,\n", "value", "usual range, 0 to 100"),
    ("year-9999", "destitution,,E06000032,9999,9.9,,\n", "period", "has not begun"),
    ("year-1899", "destitution,,E06000032,1899,9.9,,\n", "period", "before 1950"),
    ("year-0000", "destitution,,E06000032,0000,9.9,,\n", "period", "not a real period"),
    ("two-digit-month-year", "unemployment,,E06000032,Feb-99,9.9,,\n", "period", "write it in full"),
    ("us-order-date", "unemployment,,E06000032,01/13/2024,7.1,,\n", "period", "not a date in day/month/year order"),
    ("ambiguous-date", "unemployment,,E06000032,8/1/2024,7.1,,\n", "period", "could be 8 January 2024 or 1 August"),
    ("ten-megabyte-note", f"destitution,,E06000032,2024,9.9,{'x' * 10_000_000},\n", "note", "keep it to 2,000"),
]


@pytest.mark.parametrize(("name", "rows", "column", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_finding_1_figures_that_cannot_be_real_are_refused_and_nothing_is_written(
    cli_env: str, engine: Engine, tmp_path: Path, name: str, rows: str, column: str, message: str
) -> None:
    before = dump(engine)
    code, result = _import(tmp_path, rows)
    assert code == 1
    assert [(p["file"], p["row"], p["column"]) for p in result["problems"]] == [("figures.csv", 2, column)]
    assert message in result["problems"][0]["message"], result["problems"]
    assert dump(engine) == before


def test_finding_1_a_genuine_outlier_is_kept_with_its_reason_in_the_note(cli_env: str, tmp_path: Path) -> None:
    code, result = _import(tmp_path, "destitution,,E06000032,2024,-0.5,Model run,Net of a correction to 2023\n")
    assert code == 0, result
    shown = json.loads(runner.invoke(app, ["show", "destitution", "--json"]).stdout)
    after = shown["history"]["observations"][-1]["after"]
    assert after["value"] == -0.5
    assert after["note"] == "Model run Outside the usual range: Net of a correction to 2023"


def test_finding_1_no_reason_lets_a_figure_past_the_overall_limit(cli_env: str, tmp_path: Path) -> None:
    code, result = _import(tmp_path, "destitution,,E06000032,2024,1e13,,It really is\n")
    assert code == 1
    assert "far too large" in result["problems"][0]["message"]


def test_finding_1_a_day_first_date_with_two_digits_is_read_the_uk_way(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    code, result = _import(tmp_path, "unemployment,,E06000032,08/01/2024,7.1,,\n")
    assert code == 0, result
    with read_connection(engine) as connection:
        current = current_observations(connection, ["unemployment"])
    entered = current[current["period_label"] == "08/01/2024"]
    assert [str(d)[:10] for d in entered["period_start"]] == ["2024-01-08"]


def test_finding_1_an_exported_outlier_imports_again_unchanged(cli_env: str, engine: Engine, tmp_path: Path) -> None:
    assert _import(tmp_path, "destitution,,E06000032,2024,-0.5,,Net of a correction\n")[0] == 0
    exported = tmp_path / "export.csv"
    assert runner.invoke(app, ["export", str(exported)]).exit_code == 0
    before = dump(engine)
    result = runner.invoke(app, ["import", str(exported), "--json"])
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout)["revised"] == 0
    assert dump(engine) == before
