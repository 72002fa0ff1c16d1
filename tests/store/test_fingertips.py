"""A Fingertips download imports unchanged, with the website's or fingertipsR's column names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from tests.store.dump import dump
from thrive.cli.app import app
from thrive.framework import Measure, Outcome, Polarity, RoadMap, Series
from thrive.framework.dataset import Dataset
from thrive.framework.roadmap import Frequency
from thrive.store.database import write_transaction
from thrive.store.framework_store import sync_framework
from thrive.store.schema import area

runner = CliRunner()
SYNTHETIC_SMOKING = FIXTURES / "synthetic_fingertipsr_smoking.csv"
CAMPYLOBACTER = FIXTURES / "fingertips_campylobacter_countyua_2015_2017" / "indicators-CountyUA.data.csv"


def _add_campylobacter_measure(engine: Engine) -> None:
    """A public-health indicator outside the Road Map, to receive the real Fingertips extract."""
    series = Series("campylobacter", "campylobacter", "Campylobacter incidence rate per 100,000", "rate_per_100000", 1)
    measure = Measure(
        id="campylobacter",
        outcome=Outcome("Residents are protected from infection", "health", 99),
        wording="Campylobacter incidence rate per 100,000",
        unit="rate_per_100000",
        polarity=Polarity.LOWER_IS_BETTER,
        frequency=Frequency.ANNUAL,
        definition="Laboratory-confirmed campylobacter cases per 100,000 residents.",
        source="OHID Fingertips indicator 93356",
        groups=(),
        headline=False,
        series=(series,),
    )
    with write_transaction(engine) as connection:
        sync_framework(connection, Dataset("test", RoadMap((), (), (measure,), (), (), ()), (), (), ()))


def _import(path: Path, *args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["import", str(path), "--format", "fingertips", "--json", *args])
    summary: dict[str, Any] = json.loads(result.stdout)
    return result.exit_code, summary


def test_real_fingertips_extract_imports_with_its_areas(cli_env: str, engine: Engine) -> None:
    _add_campylobacter_measure(engine)
    code, summary = _import(CAMPYLOBACTER, "--series", "campylobacter", "--age", "All ages")
    assert code == 0, summary["problems"][:5]
    # 852 rows: England, 9 regions and 150-odd County & UA areas for 2015-2017 (README of the extract).
    assert summary["rows"] == 852
    assert summary["added"] > 400
    assert "breakdowns by category (such as deprivation decile)" in summary["skipped"]
    result = runner.invoke(app, ["show", "campylobacter", "--json"])
    luton = {o["period"]: o for o in json.loads(result.stdout)["series"][0]["observations"] if o["area"] == "E06000032"}
    # The extract's README: Luton 2015 value 82.44 (CI 70.74-95.52), count 177, denominator 214,710.
    assert round(luton["2015"]["value"], 2) == 82.44
    assert (luton["2015"]["numerator"], luton["2015"]["denominator"]) == (177, 214710)
    assert round(luton["2015"]["lower_ci"], 2) == 70.74
    assert luton["2015"]["source"].startswith("OHID Fingertips indicator 93356")
    with engine.connect() as connection:
        names = {row.code: row.name for row in connection.execute(select(area.c.code, area.c.name))}
    assert names["E06000032"] == "Luton"
    assert "E10000002" in names  # Buckinghamshire, new to Thrive, named by the file


def test_reimporting_the_fingertips_extract_is_a_no_op(cli_env: str, engine: Engine) -> None:
    _add_campylobacter_measure(engine)
    assert _import(CAMPYLOBACTER, "--series", "campylobacter", "--age", "All ages")[0] == 0
    before = dump(engine)
    code, summary = _import(CAMPYLOBACTER, "--series", "campylobacter", "--age", "All ages")
    assert code == 0
    assert (summary["added"], summary["revised"]) == (0, 0)
    assert dump(engine) == before


def test_two_ages_for_one_series_are_refused_as_repeats(cli_env: str, engine: Engine) -> None:
    _add_campylobacter_measure(engine)
    before = dump(engine)
    code, summary = _import(CAMPYLOBACTER, "--series", "campylobacter")
    assert code == 1
    assert any("repeats row" in p["message"] and p["column"] == "Time period" for p in summary["problems"])
    assert dump(engine) == before


def test_fingertipsr_column_names_import_through_the_shipped_indicator_links(cli_env: str) -> None:
    # Row 2 is Luton's published adult smoking prevalence, 14.7% (003:311), already shipped, now with a
    # Fingertips source (so a revision, same value); rows 3-4 are SYNTHETIC. Indicator 92443 (Persons)
    # links to the smoking series; the Male row is set aside.
    code, summary = _import(SYNTHETIC_SMOKING)
    assert code == 0, summary
    assert (summary["added"], summary["revised"]) == (1, 1)
    assert summary["skipped"] == {"indicators, sexes or ages not linked to a Thrive series": 1}


def test_fingertips_problem_names_the_fingertips_column(cli_env: str, tmp_path: Path) -> None:
    source = SYNTHETIC_SMOKING.read_text(encoding="utf-8")
    broken = tmp_path / "broken.csv"
    broken.write_text(source.replace(",14.7,", ",fourteen,"), encoding="utf-8")
    code, summary = _import(broken)
    assert code == 1
    assert [(p["row"], p["column"]) for p in summary["problems"]] == [(2, "Value")]
