"""Luton's 121 LSOAs (2011) in the Thriving People Index: real IoD2019 File 9 indicators read through the
deprivation import, synthetic ones labelled, ranks and intervals among the LSOAs, peers among similar LSOAs."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.conftest import FIXTURES
from thrive.cli.app import app
from thrive.data.index_framework import parse_lsoa_framework, shipped_framework_path
from thrive.data.index_values import luton_lsoa_inputs
from thrive.datasets import OPEN_DATA
from thrive.services.deprivation_imports import import_deprivation
from thrive.services.index_runs import compute_and_store
from thrive.store.database import read_connection
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.index_runs import latest_index_run

IOD2019 = OPEN_DATA / "iod2019"
FILE_2 = IOD2019 / "File_2_IoD2019_Domains_of_Deprivation.csv.gz"
FILE_9 = IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz"
LUTON_2019 = FIXTURES / "imd2019_lsoa_england"
FILE_3 = LUTON_2019 / "File_3_IoD2019_Supplementary_Indices_IDACI_IDAOPI_luton.csv"
"""Luton's lines of File 3 (its numbers written as 29199.00), imported beside the full Files 2 and 9."""
BARNFIELD = "E05002193"
FILE_9_HEADERS = {
    "education_transformed": "Education Score - exponentially transformed",
    "health_transformed": "Health Score - exponentially transformed",
    "crime_transformed": "Crime Score - exponentially transformed",
    "barriers_transformed": "Barriers Score - exponentially transformed",
    "living_environment_transformed": "Living Environment Score - exponentially transformed",
}
"""File 9's published column for each LSOA-level source the shipped framework names."""


def _file_9() -> pd.DataFrame:
    return pd.read_csv(FILE_9, encoding="utf-8-sig").set_index("LSOA code (2011)")


def _imported(engine: Engine) -> dict[str, Any]:
    result = import_deprivation(engine, [FILE_2, FILE_9, FILE_3], 2019, actor="analyst@luton.gov.uk")
    assert result.ok, result.problems
    compute_and_store(engine, shipped_framework_path(), draws=40, actor="analyst@luton.gov.uk")
    with read_connection(engine) as connection:
        release = latest_deprivation_releases(connection)[2019]
    return dict(release["summary"])


def test_an_lsoas_iod_indicator_is_its_file_9_score_read_through_the_store(engine: Engine) -> None:
    summary = _imported(engine)
    level = parse_lsoa_framework(shipped_framework_path().read_text(), "framework.yaml")
    assert level is not None
    framework, sources, peers = level
    inputs = luton_lsoa_inputs(framework, sources, peers, summary["lsoa_scores"])
    codes = [a.code for a in inputs.areas]
    file_9 = _file_9()
    row = codes.index("E01015693")  # Luton 007A, Barnfield
    column = [i.code for i in framework.indicators].index("living-environment")

    # IoD2019 File 9, E01015693: Living Environment Score - exponentially transformed 10.355, Crime 23.962.
    assert inputs.values[2019][row, column] == 10.355
    assert file_9.loc["E01015693", "Living Environment Score - exponentially transformed"] == 10.355
    assert inputs.values[2019][row, [i.code for i in framework.indicators].index("crime-deprivation")] == 23.962
    for k, indicator in enumerate(framework.indicators):
        if not indicator.synthetic:
            header = FILE_9_HEADERS[sources[indicator.code].removeprefix("iod2019-lsoa:")]
            assert inputs.values[2019][:, k].tolist() == file_9.loc[codes, header].tolist()
    assert len(inputs.areas) == 121  # IoD2019 File 2: Luton (E06000032) has 121 LSOAs
    assert inputs.areas[row].parent == BARNFIELD and inputs.areas[row].name == "Luton 007A"
    # The LSOA's peer measure is its File 9 income score (4.949 for E01015693).
    assert inputs.areas[row].similarity == 4.949


def test_every_year_scores_luton_s_121_lsoas_with_ranks_intervals_and_peer_verdicts(engine: Engine) -> None:
    _imported(engine)
    with read_connection(engine) as connection:
        run = latest_index_run(connection)
    assert run is not None
    results = run["results"]
    lookup = pd.read_csv(LUTON_2019 / "luton_E06000032_lsoa_extract.csv", encoding="utf-8-sig")
    ward_of = dict(zip(lookup["LSOA code (2011)"], lookup["WD19CD"], strict=True))
    for year in ("2019", "2023"):
        lsoas = results["years"][year]["lsoas"]
        assert len(lsoas) == 121
        assert sorted(a["rank"] for a in lsoas) == list(range(1, 122))
        for a in lsoas:
            assert a["kind"] == "lsoa" and a["ward"] == ward_of[a["code"]]
            assert a["interval"][0] <= a["index"] <= a["interval"][1]
            assert a["rank_interval"][0] <= a["rank"] <= a["rank_interval"][1]
        verdicts = {c["verdict"] for a in lsoas for c in a["components"].values()}
        assert verdicts <= {"strength", "neutral", "weakness"} and "strength" in verdicts and "weakness" in verdicts
    # Five indicators are real at LSOA level (File 9); the other 29 are labelled synthetic.
    assert len(results["lsoa"]["synthetic_indicators"]) == 29
    assert results["lsoa"]["indicators"]["living-environment"]["name"].startswith("Living Environment score, exp")
    assert FILE_9.name in results["lsoa"]["files"]
    # The ward level is unchanged: 19 wards ranked 1 to 19.
    assert sorted(a["rank"] for a in results["years"]["2019"]["areas"] if a["kind"] == "ward") == list(range(1, 20))


def test_without_file_9_the_index_scores_no_lsoas_and_says_how_to_add_them(engine: Engine, cli_env: str) -> None:
    assert import_deprivation(engine, [FILE_2], 2019, actor="analyst@luton.gov.uk").ok
    runner = CliRunner()
    done = runner.invoke(app, ["index", "compute", "--draws", "20"])
    assert done.exit_code == 0, done.output
    assert "File_9" in done.output
    shown = runner.invoke(app, ["index", "show", "--area", "E01015693"])
    assert shown.exit_code == 1
    assert "LSOA" in shown.output


def test_index_show_gives_an_lsoa_with_its_rank_among_luton_s_121(engine: Engine, cli_env: str) -> None:
    _imported(engine)
    runner = CliRunner()
    done = runner.invoke(app, ["index", "show", "--area", "E01015693", "--year", "2019", "--json"])
    assert done.exit_code == 0, done.output
    shown = json.loads(done.output)
    (area,) = shown["areas"]
    assert area["code"] == "E01015693" and area["ward"] == BARNFIELD and 1 <= area["rank"] <= 121
    table = runner.invoke(app, ["index", "show", "--area", "E01015693"])
    assert "Luton 007A" in table.output and "Barnfield" in table.output and "Rank of 121" in table.output
