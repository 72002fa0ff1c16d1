"""Importing the template: all or nothing, every problem named by row and column, every change a revision."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from tests.store.dump import dump
from thrive.cli.app import app
from thrive.store import observations

runner = CliRunner()
HEADER = "measure,series,area,period,value,source,note\n"


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _import(path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["import", str(path), "--json", *args])
    return result.exit_code, json.loads(result.stdout)


def _show(measure: str) -> dict[str, Any]:
    result = runner.invoke(app, ["show", measure, "--json"])
    assert result.exit_code == 0, result.output
    detail: dict[str, Any] = json.loads(result.stdout)
    return detail


def test_import_adds_figures_as_revisions_with_who_when_and_why(cli_env: str, tmp_path: Path) -> None:
    path = _write(tmp_path, "results.csv", HEADER + "destitution,,E06000032,2024,9.6,Luton MIS model,April 2024 run\n")
    code, result = _import(path, "--reason", "Quarterly update")
    assert code == 0
    assert (result["added"], result["revised"], result["unchanged"]) == (1, 0, 0)
    history = _show("destitution")["history"]["observations"]
    change = history[-1]
    assert change["who"] == "analyst@luton.gov.uk"
    assert change["why"] == "Quarterly update"
    assert change["before"] is None
    assert change["after"]["value"] == 9.6
    assert change["after"]["ref"] == "results.csv row 2"


def test_a_gzipped_csv_imports_like_the_csv_and_its_problems_name_the_gz_file(cli_env: str, tmp_path: Path) -> None:
    rows = "destitution,,E06000032,2024,9.6,,\nweekly-wages,,E06000032,2024,six hundred,,\n"
    bad = _write(tmp_path, "results.csv.gz", gzip.compress((HEADER + rows).encode("utf-8")))
    code, result = _import(bad)
    assert code == 1
    assert [(p["file"], p["row"], p["column"]) for p in result["problems"]] == [("results.csv.gz", 3, "value")]
    good = _write(tmp_path, "fixed.csv.gz", gzip.compress((HEADER + rows.replace("six hundred", "640.2")).encode()))
    code, result = _import(good)
    assert code == 0, result
    assert (result["added"], result["revised"]) == (2, 0)


def test_reimporting_the_same_file_is_a_no_op(cli_env: str, engine: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path, "results.csv", HEADER + "destitution,,E06000032,2024,9.6,,\nweekly-wages,,E06000032,2024,640.2,,\n"
    )
    assert _import(path)[0] == 0
    before = dump(engine)
    code, result = _import(path)
    assert code == 0
    assert (result["added"], result["revised"], result["unchanged"]) == (0, 0, 2)
    assert dump(engine) == before


def test_a_changed_value_becomes_a_new_revision_that_keeps_the_old_value(cli_env: str, tmp_path: Path) -> None:
    # The published 2023 figure is 9.9% (003:674); an officer corrects it.
    path = _write(tmp_path, "fix.csv", HEADER + "destitution,,E06000032,2023,9.8,,Corrected model run\n")
    code, result = _import(path, "--reason", "Model re-run")
    assert code == 0
    assert (result["added"], result["revised"]) == (0, 1)
    detail = _show("destitution")
    latest = [c for c in detail["history"]["observations"] if c["period"] == "2023"]
    assert [c["after"]["value"] for c in latest] == [9.9, 9.8]
    assert latest[-1]["before"]["value"] == 9.9
    assert latest[-1]["why"] == "Model re-run"
    assert detail["latest"] == {"value": 9.8, "period": "2023"}


def test_dry_run_shows_the_change_and_writes_nothing(cli_env: str, engine: Engine, tmp_path: Path) -> None:
    path = _write(
        tmp_path, "fix.csv", HEADER + "destitution,,E06000032,2023,9.8,,\ndestitution,,E06000032,2025,9.1,,\n"
    )
    before = dump(engine)
    result = runner.invoke(app, ["import", str(path), "--dry-run"])
    assert result.exit_code == 0
    assert "Would add 1 figure(s), would revise 1" in result.stdout
    assert "9.9" in result.stdout and "9.8" in result.stdout
    assert dump(engine) == before


BAD_FILES: list[tuple[str, str | bytes, int | None, str | None, str]] = [
    ("bad-number.csv", HEADER + "destitution,,E06000032,2024,9.9%,,\n", 2, "value", "'9.9%' is not a number"),
    (
        "unknown-measure.csv",
        HEADER + "destitution,,E06000032,2024,9.9,,\npovertee,,E06000032,2024,9.9,,\n",
        3,
        "measure",
        "'povertee' is not a measure",
    ),
    ("unknown-area.csv", HEADER + "destitution,,E06000099,2024,9.9,,\n", 2, "area", "'E06000099' is not an area"),
    (
        "bad-period.csv",
        HEADER + "destitution,,E06000032,Spring 2024,9.9,,\n",
        2,
        "period",
        "in 'Spring 2024' is not a month",
    ),
    (
        "duplicate.csv",
        HEADER + "destitution,,E06000032,2024,9.9,,\ndestitution,,E06000032,2024,9.7,,\n",
        3,
        "period",
        "repeats row 2",
    ),
    ("latin1.csv", (HEADER + "destitution,,E06000032,2024,9.9,,caf\xe9\n").encode("latin-1"), 2, "note", "not UTF-8"),
    ("empty.csv", "", 1, None, "the file is empty"),
    ("header-only.csv", HEADER, 2, None, "no data rows"),
    (
        "wrong-series.csv",
        HEADER + "healthy-life-expectancy,kbt-litter,E06000032,2021,60,,\n",
        2,
        "series",
        "not a series of measure",
    ),
    (
        "several-series.csv",
        HEADER + "healthy-life-expectancy,,E06000032,2021,60,,\n",
        2,
        "series",
        "has several series",
    ),
    (
        "unknown-column.csv",
        "measure,area,period,valeu\ndestitution,E06000032,2024,9.9\n",
        1,
        "valeu",
        "not a template column",
    ),
]


@pytest.mark.parametrize(("name", "content", "row", "column", "message"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_import_with_bad_input_names_row_and_column_and_writes_nothing(
    cli_env: str,
    engine: Engine,
    tmp_path: Path,
    name: str,
    content: str | bytes,
    row: int | None,
    column: str | None,
    message: str,
) -> None:
    path = _write(tmp_path, name, content)
    before = dump(engine)
    code, result = _import(path)
    assert code == 1
    problems = result["problems"]
    assert isinstance(problems, list)
    assert any(p["row"] == row and p["column"] == column and message in p["message"] for p in problems), problems
    assert all(p["file"] == name for p in problems)
    assert dump(engine) == before


def test_one_bad_row_among_good_ones_imports_nothing(cli_env: str, engine: Engine, tmp_path: Path) -> None:
    rows = "".join(f"destitution,,E06000032,{year},{year - 2010}.5,,\n" for year in range(2011, 2019))
    path = _write(tmp_path, "mixed.csv", HEADER + rows + "weekly-wages,,E06000032,2024,six hundred,,\n")
    before = dump(engine)
    code, result = _import(path)
    assert code == 1
    assert [(p["row"], p["column"]) for p in result["problems"]] == [(10, "value")]
    assert dump(engine) == before


def test_a_50_mb_file_of_random_bytes_is_refused_quickly_and_writes_nothing(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    path = _write(tmp_path, "noise.csv", random.Random(2040).randbytes(50 * 1024 * 1024))
    before = dump(engine)
    code, result = _import(path)
    assert code == 1
    assert "not UTF-8" in result["problems"][0]["message"]
    assert result["problems"][0]["row"] is not None
    assert dump(engine) == before


def test_xlsx_template_imports_like_csv(cli_env: str, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["measure", "series", "area", "period", "value"])
    sheet.append(["healthy-life-expectancy", "hle-female", "E06000032", "2019-21", 59.1])
    sheet.append(["weekly-wages", None, "E06000032", 2024, 640.2])
    path = tmp_path / "results.xlsx"
    workbook.save(path)
    code, result = _import(path)
    assert code == 0, result
    assert result["added"] == 2
    female = next(s for s in _show("healthy-life-expectancy")["series"] if s["id"] == "hle-female")
    assert {"area": "E06000032", "period": "2019-21", "value": 59.1}.items() <= next(
        o for o in female["observations"] if o["period"] == "2019-21"
    ).items()


def test_xlsx_problem_names_the_spreadsheet_row(cli_env: str, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["measure", "area", "period", "value"])
    sheet.append(["weekly-wages", "E06000032", 2024, 640.2])
    sheet.append(["weekly-wages", "E06000032", 2025, "n/a"])
    path = tmp_path / "results.xlsx"
    workbook.save(path)
    code, result = _import(path)
    assert code == 1
    assert [(p["row"], p["column"]) for p in result["problems"]] == [(3, "value")]


def test_a_nul_character_in_a_cell_is_named_and_nothing_is_written(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "nul.json"
    path.write_text(
        '{"observations": [{"measure": "destitution", "area": "E06000032", "period": "2024", "value": 9.9, "note": "bad\\u0000note"}]}',
        encoding="utf-8",
    )
    before = dump(engine)
    code, result = _import(path)
    assert code == 1
    assert [(p["row"], p["column"]) for p in result["problems"]] == [(2, "note")]
    assert dump(engine) == before


def test_a_large_import_refreshes_postgresqls_planner_statistics_at_once(
    cli_env: str, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15 (scale): without fresh statistics PostgreSQL scanned every figure to find what was
    published since a version. The threshold is lowered so a small file counts as a large import."""
    monkeypatch.setattr(observations, "STATISTICS_AFTER", 3)
    rows = "".join(f"weekly-wages,,E06000032,{year},{600 + year - 2000},ONS ASHE,\n" for year in range(2000, 2005))
    with engine.connect() as connection:
        before = connection.execute(text("SELECT count(*) FROM observation_revision")).scalar_one()
    code, result = _import(_write(tmp_path, "many.csv", HEADER + rows), "--reason", "A large import")
    assert code == 0 and result["added"] == 5
    with engine.connect() as connection:
        after = connection.execute(text("SELECT count(*) FROM observation_revision")).scalar_one()
        if engine.dialect.name == "postgresql":
            estimate = connection.execute(
                text("SELECT reltuples FROM pg_class WHERE relname = 'observation_revision'")
            ).scalar_one()
            assert after == before + 5 and estimate == after  # ANALYZE read the table as the import left it
        else:
            assert not connection.execute(text("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")).all()
