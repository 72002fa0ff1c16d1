"""Importing IoD releases feeds the Road Map measure most-deprived-lsoas, with provenance and the break in series."""

from __future__ import annotations

import gzip
from pathlib import Path

from sqlalchemy import Engine, func, select

from thrive.assess import assess_roadmap
from thrive.data.rules import load_rules
from thrive.datasets import OPEN_DATA
from thrive.services.deprivation_imports import import_deprivation
from thrive.store.database import read_connection, write_transaction
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.framework_store import read_roadmap
from thrive.store.observations import (
    apply_observation_plan,
    batch_from_observations,
    current_observations,
    observations_from_frame,
    plan_observations,
)
from thrive.store.schema import change_set, deprivation_release, observation_revision

IOD2019 = OPEN_DATA / "iod2019"
FILE_2 = IOD2019 / "File_2_IoD2019_Domains_of_Deprivation.csv.gz"
FILE_9 = IOD2019 / "File_9_IoD2019_Transformed_Scores.csv.gz"
IOD2025 = OPEN_DATA / "iod2025" / "imd2025_england_lsoa21_humaniverse.csv.gz"


def _luton(engine: Engine) -> dict[str, dict[str, object]]:
    with read_connection(engine) as connection:
        frame = current_observations(connection, ["most-deprived-lsoas"])
    rows = frame[frame["area_code"] == "E06000032"].to_dict(orient="records")
    return {str(r["period_label"]): {str(k): v for k, v in r.items()} for r in rows}


def test_iod2019_import_confirms_4_and_the_20_20_index_with_its_source(engine: Engine) -> None:
    result = import_deprivation(engine, [FILE_2, FILE_9], 2019, actor="analyst@luton.gov.uk")
    assert result.ok, result.problems
    luton = _luton(engine)
    # Road Map 2019 value 4 (003:709); now traced to the file it was counted from.
    assert luton["2019"]["value"] == 4.0
    assert FILE_2.name in str(luton["2019"]["source"])
    assert luton["2019"]["break_in_series"] is False
    with read_connection(engine) as connection:
        summary = latest_deprivation_releases(connection)[2019]["summary"]
    assert summary["luton"]["twenty_twenty"]["text"] == "10:34"  # 002:1224
    assert summary["morans_i"]["permutations"] == 999
    assert summary["morans_i"]["p_value"] == 0.001


def test_iod2025_import_adds_17_flagged_as_a_break_in_series_that_the_assessment_explains(engine: Engine) -> None:
    result = import_deprivation(engine, [IOD2025], 2025, actor="analyst@luton.gov.uk")
    assert result.ok, result.problems
    # 17 = IoD2025 LTLA summary "proportion of LSOAs in most deprived 10%" 0.136 x Luton's 125 LSOAs (2021).
    latest = _luton(engine)["2025"]
    assert latest["value"] == 17.0
    assert latest["break_in_series"] is True
    assert "2021" in str(latest["note"]) and "method" in str(latest["note"])
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
        observations = observations_from_frame(current_observations(connection))
    judged = assess_roadmap(roadmap, observations, load_rules(), measure_ids=["most-deprived-lsoas"])[0].series[0]
    assert judged.progress.latest == 17.0
    assert "starts a break in series" in judged.progress.reason
    assert "Not assessable" in judged.trend.reason


def test_importing_the_same_release_again_writes_nothing(engine: Engine) -> None:
    import_deprivation(engine, [IOD2025], 2025, actor="analyst@luton.gov.uk")
    with read_connection(engine) as connection:
        before = connection.execute(select(func.count()).select_from(change_set)).scalar_one()
    again = import_deprivation(engine, [IOD2025], 2025, actor="analyst@luton.gov.uk")
    assert again.ok and again.change_set_id is None
    with read_connection(engine) as connection:
        assert connection.execute(select(func.count()).select_from(change_set)).scalar_one() == before
        assert connection.execute(select(func.count()).select_from(deprivation_release)).scalar_one() == 1


def test_a_2011_file_given_as_the_2025_release_names_the_column_and_changes_nothing(engine: Engine) -> None:
    before = _luton(engine)
    result = import_deprivation(engine, [FILE_2], 2025, actor="analyst@luton.gov.uk")
    assert not result.ok
    problem = result.problems[0]
    assert (problem.file, problem.row, problem.column) == (FILE_2.name, 1, "LSOA code (2011)")
    assert "2025 release ranks the LSOA 2021 LSOAs" in problem.message
    assert _luton(engine).keys() == before.keys()


def test_a_bad_decile_names_its_row_and_column_and_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    lines = gzip.decompress(IOD2025.read_bytes()).decode("utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[5].split(",")
    row[header.index("IMD_decile")] = "eleven"
    broken = tmp_path / "iod2025.csv"
    broken.write_text("\n".join([lines[0], *lines[1:5], ",".join(row), *lines[6:]]) + "\n", encoding="utf-8")
    result = import_deprivation(engine, [broken], 2025, actor="analyst@luton.gov.uk")
    assert [(p.row, p.column) for p in result.problems] == [(6, "IMD_decile")]
    assert "'eleven' is not one" in result.problems[0].message
    assert "2025" not in _luton(engine)


def test_an_import_keeps_every_lsoa_s_decile_for_the_map(engine: Engine) -> None:
    import_deprivation(engine, [FILE_2], 2019, actor="analyst@luton.gov.uk")
    with read_connection(engine) as connection:
        deciles = latest_deprivation_releases(connection)[2019]["summary"]["lsoa_deciles"]
    assert len(deciles) == 121 and sum(1 for d in deciles.values() if d == 1) == 4  # 003:709


def test_an_empty_plan_writes_nothing(engine: Engine) -> None:
    """A release whose summary changed but whose Road Map figure did not (a new field kept with each import)
    has no revisions to write; writing them used to fail with "No objects to concatenate"."""
    with write_transaction(engine) as connection:
        plan = plan_observations(connection, batch_from_observations([]))
        before = connection.execute(select(func.count()).select_from(observation_revision)).scalar_one()
        apply_observation_plan(connection, plan, change_set_id=1)
        assert connection.execute(select(func.count()).select_from(observation_revision)).scalar_one() == before
