"""Poverty runs in the store, on SQLite and PostgreSQL: the published tables, publishing a
protected model run through a revision, bad files, and no identifiers anywhere."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from tests.store.dump import dump
from thrive.cli.app import app
from thrive.poverty.summary import distributions
from thrive.store.poverty import poverty_runs, run_figures
from thrive.store.schema import change_set, observation_revision

runner = CliRunner()


def _published(engine: Engine, year: int) -> dict[str, float | None]:
    for run in poverty_runs(engine):
        if run.kind == "published" and run.last_year == year:
            (distribution,) = distributions(run_figures(engine, run.id))
            shares = {share.key: share.percent for share in (*distribution.bands, *distribution.below_lines)}
            return {**shares, "households": distribution.households}
    raise AssertionError(f"no published table for {year}")


def test_published_april_2024_counts_give_9_9_percent_destitute_and_21_1_below_basic_needs(engine: Engine) -> None:
    # 003:345-354: 7,814 households in destitution, 16,673 below basic needs, of 78,946 (39,489 + 39,457).
    figures = _published(engine, 2024)
    assert figures["households"] == 78946
    assert figures["E"] == 9.9
    assert figures["basic_needs"] == 21.1
    assert figures["D"] == 11.2 and figures["C"] == 28.9 and figures["A_B"] == 50.0


def test_published_april_2023_counts_give_8_9_percent_destitute_and_20_7_below_basic_needs(engine: Engine) -> None:
    # 001:442-450: 7,020 in destitution, 16,333 below basic needs, of 78,956 (39,413 + 39,543).
    figures = _published(engine, 2023)
    assert figures["households"] == 78956
    assert (figures["E"], figures["basic_needs"]) == (8.9, 20.7)


def test_summarise_without_a_file_shows_the_stored_distributions(cli_env: str) -> None:
    result = runner.invoke(app, ["poverty", "summarise", "--year", "2024", "--json"])
    assert result.exit_code == 0, result.output
    (run,) = json.loads(result.stdout)["runs"]
    assert run["kind"] == "published" and run["source"] == "003:345"
    bands = {band["key"]: band for band in run["distributions"][0]["bands"]}
    assert bands["E"]["households"] == 7814 and bands["E"]["percent"] == 9.9


def test_publishing_a_synthetic_run_writes_protected_tables_and_the_headline_through_a_revision(
    cli_env: str, engine: Engine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    households = tmp_path / "panel.csv"
    made = runner.invoke(app, ["poverty", "synthetic", str(households), "--households", "3000", "--seed", "5"])
    assert made.exit_code == 0, made.output
    known = json.loads((tmp_path / "panel.answer.json").read_text())
    refused = runner.invoke(app, ["poverty", "publish", str(households)])
    assert refused.exit_code == 1 and "marked synthetic" in refused.output
    published = runner.invoke(app, ["poverty", "publish", str(households), "--synthetic", "--reason", "Test run"])
    assert published.exit_code == 0, published.output

    (run,) = [run for run in poverty_runs(engine) if run.kind == "model"]
    assert run.synthetic and (run.first_year, run.last_year) == (2022, 2025)
    assert run.actor == "analyst@luton.gov.uk" and run.reason == "Test run"
    figures = run_figures(engine, run.id)
    assert all(f.value is None or f.value >= 10 for f in figures)
    persistent = next(f for f in figures if f.breakdown == "persistence" and f.row_key == "more_than_two_years")
    assert persistent.value == 5 * round(known["persistent"] / 5)

    # The headline: band E over all, from the rounded counts, one revision per year, with provenance.
    e_2024 = known["bands"]["2024"]["E"]
    total_2024 = sum(known["bands"]["2024"].values())
    with engine.connect() as connection:
        rows = (
            connection.execute(
                select(observation_revision, change_set.c.kind, change_set.c.reason)
                .join(change_set)
                .where(observation_revision.c.series_id == "destitution", change_set.c.kind == "model")
            )
            .mappings()
            .all()
        )
    by_year = {row["period_start"].year: row for row in rows}
    assert sorted(by_year) == [2022, 2023, 2024, 2025]
    row = by_year[2024]
    assert row["numerator"] == 5 * round(e_2024 / 5) and row["denominator"] == 5 * round(total_2024 / 5)
    assert row["value"] == round(100 * row["numerator"] / row["denominator"], 1)
    assert "SYNTHETIC" in row["note"] and "panel.csv" in row["source"]
    assert by_year[2023]["supersedes_id"] is not None  # revises the Appendix's 2023 figure, keeping it

    # Privacy: no household id reaches the database, the output or the logs.
    everything = json.dumps(dump(engine), default=str)
    assert "SYN-" not in everything
    assert "SYN-" not in published.output + made.output + caplog.text


def test_a_bad_household_file_names_row_and_column_changes_nothing_and_repeats_no_id(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "household_id,year,area,adult_ages,child_ages,tenure,net_income,housing_costs,council_tax\n"
        "HH-SECRET-1,2024,E05002193,38;36,4;7,private_rent,31000,9000,1800\n"
        "HH-SECRET-2,2024,E05002193,38,,council_house,9,9,9\n"
        "HH-SECRET-3,24,E99999999,,x,social_rent,12k,-5,1800\n",
        encoding="utf-8",
    )
    before = dump(engine)
    result = runner.invoke(app, ["poverty", "publish", str(path)])
    assert result.exit_code == 1
    output = result.output
    assert "bad.csv, row 3, column 'tenure': enter private_rent, social_rent or owner_occupied" in output
    assert "bad.csv, row 4, column 'year': enter the year as four digits" in output
    assert "bad.csv, row 4, column 'area'" in output
    assert "bad.csv, row 4, column 'adult_ages'" in output
    assert "bad.csv, row 4, column 'child_ages'" in output
    assert "bad.csv, row 4, column 'net_income'" in output
    assert "bad.csv, row 4, column 'housing_costs': enter an amount of 0 or more" in output
    assert "HH-SECRET" not in output
    assert dump(engine) == before


def test_a_run_too_small_to_show_band_e_stores_its_protected_tables_but_no_headline(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    # Eight households, all in one ward and in band D: every household count is under 10, so all are
    # hidden and the Road Map figure is left alone rather than worked out from hidden counts. Their
    # 16 children are a count of 10 or more, so that is shown, rounded to 15.
    path = tmp_path / "tiny.csv"
    rows = "".join(f"T-{i},2024,E05002193,38;36,4;7,private_rent,{20000 + i},9000,1800\n" for i in range(8))
    path.write_text("household_id,year,area,adult_ages,child_ages,tenure,net_income,housing_costs,council_tax\n" + rows)
    result = runner.invoke(app, ["poverty", "publish", str(path), "--reason", "Tiny"])
    assert result.exit_code == 0, result.output
    (run,) = [run for run in poverty_runs(engine) if run.kind == "model"]
    figures = run_figures(engine, run.id)
    assert all(f.value is None and f.suppressed for f in figures if f.breakdown != "children_in_poverty")
    children = {(f.row_key, f.column_key): f.value for f in figures if f.breakdown == "children_in_poverty"}
    assert children[("E06000032", "D_E")] == 15
    with engine.connect() as connection:
        revisions = connection.execute(
            select(observation_revision).join(change_set).where(change_set.c.kind == "model")
        ).all()
    assert revisions == []


def test_classify_writes_each_household_band_locally_matching_the_known_answer(tmp_path: Path) -> None:
    households = tmp_path / "panel.csv"
    assert (
        runner.invoke(app, ["poverty", "synthetic", str(households), "--households", "500", "--seed", "9"]).exit_code
        == 0
    )
    known = json.loads((tmp_path / "panel.answer.json").read_text())
    result = runner.invoke(app, ["poverty", "classify", str(households), "-o", str(tmp_path / "bands.csv")])
    assert result.exit_code == 0, result.output
    bands = pd.read_csv(tmp_path / "bands.csv", keep_default_na=False)
    for year in known["years"]:
        counted = bands[bands["year"] == year]["band"].value_counts().to_dict()
        assert {band: counted.get(band, 0) for band in "ABCDE"} == known["bands"][str(year)]
        assert counted.get("", 0) == known["unclassified"][str(year)]
    assert set(bands["synthetic"]) == {"yes"}
    assert bands["household_type"].str.len().min() > 0
