"""Export then import is a no-op, in every format; export into a new database reproduces the export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.store.dump import dump
from thrive.cli.app import app

runner = CliRunner()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_then_import_changes_nothing(cli_env: str, engine: Engine, tmp_path: Path, fmt: str) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text(
        "measure,series,area,period,value,lower_ci,upper_ci,provisional,note\n"
        'healthy-life-expectancy,hle-male,E06000032,2019-21,58.61,56.1,61.12,yes,"Provisional, ONS"\n'
        "weekly-wages,,E06000032,2024,0.30000000000000004,,,no,\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["import", str(extra)]).exit_code == 0
    path = tmp_path / f"export.{fmt}"
    result = runner.invoke(app, ["export", str(path)])
    assert result.exit_code == 0, result.output
    before = dump(engine)
    result = runner.invoke(app, ["import", str(path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["added"], summary["revised"]) == (0, 0)
    assert summary["unchanged"] == summary["rows"] > 70
    assert dump(engine) == before


def test_csv_export_is_stable_and_carries_provenance(cli_env: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert runner.invoke(app, ["export", str(first)]).exit_code == 0
    assert runner.invoke(app, ["export", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert text.splitlines()[0] == (
        "measure,series,area,period,period_kind,value,numerator,denominator,lower_ci,upper_ci,"
        "provisional,estimated,not_comparable,break_in_series,suppressed,low_reliability,source,note,ref,outlier_reason"
    )
    assert "destitution,destitution,E06000032,2023,calendar_year,9.9," in text
    assert ",003:674" in text


def test_export_without_a_format_or_known_suffix_asks_for_one(cli_env: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "out.txt")])
    assert result.exit_code == 2
    assert "Say which format" in result.output
