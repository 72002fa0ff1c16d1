"""Poverty runs over the API, on a real server: the published tables as printed, and a model run
whose small counts come back hidden (null, suppressed) with nothing to work them out from."""

from __future__ import annotations

import csv
import io

import httpx
import numpy as np
from sqlalchemy import Engine

from tests.web.helpers import assert_error, json_of
from thrive.data.disclosure_rules import load_disclosure_rules
from thrive.data.poverty_lines import load_line_table
from thrive.poverty.households import Households
from thrive.poverty.run import run_model
from thrive.services.poverty_publication import publish_model_run
from thrive.services.rights import command_line


def _small_run() -> tuple[Households, tuple[str, ...]]:
    """Two wards, one with only 3 households in band E: a count that must not be published."""
    size = 200
    ward = np.array([0] * 120 + [1] * 80)
    income = np.full(size, 40000.0)
    income[:3] = 0  # 3 destitute households in ward 0
    income[120:140] = 0  # 20 in ward 1
    return (
        Households(
            household=np.arange(size),
            year=np.full(size, 2024),
            ward=ward,
            adults=np.full(size, 2),
            pensioners=np.zeros(size, dtype=np.int64),
            children_under_14=np.full(size, 2),
            children_14_or_over=np.zeros(size, dtype=np.int64),
            tenure=np.zeros(size, dtype=np.int8),
            net_income=income,
            housing_costs=np.full(size, 9000.0),
            council_tax=np.full(size, 1800.0),
            debt_repayments=np.full(size, np.nan),
        ),
        ("E05002193", "E05002194"),
    )


def test_published_tables_are_served_as_printed(client: httpx.Client) -> None:
    runs = json_of(client.get("/api/poverty/runs"))["items"]
    published = {run["last_year"]: run for run in runs if run["kind"] == "published"}
    assert set(published) == {2023, 2024}
    detail = json_of(client.get(f"/api/poverty/runs/{published[2024]['id']}"))
    (distribution,) = detail["distributions"]
    bands = {band["key"]: band for band in distribution["bands"]}
    assert bands["E"] == {"key": "E", "label": "Destitution (E)", "households": 7814, "percent": 9.9}
    below = {line["key"]: line["percent"] for line in distribution["below_lines"]}
    assert below["basic_needs"] == 21.1  # 003:352
    assert_error(client.get("/api/poverty/runs/999999"), 404, "not_found")


def test_a_model_run_hides_small_counts_and_their_partners(client: httpx.Client, engine: Engine) -> None:
    households, wards = _small_run()
    run = run_model(households, wards, load_line_table(), load_disclosure_rules())
    publication = publish_model_run(
        engine, command_line("test"), run, source="api-test.csv", synthetic=True, reason="API test"
    )
    detail = json_of(client.get(f"/api/poverty/runs/{publication.run_id}"))
    assert detail["synthetic"] is True and detail["disclosure"]["threshold"] == 10
    cells = {(f["row"], f["column"]): f for f in detail["figures"] if f["breakdown"] == "ward"}
    assert cells[("E05002193", "E")] == {**cells[("E05002193", "E")], "value": None, "suppressed": True}
    # Ward 1's 20 in band E is hidden too, or Luton's 25 (shown as 25) minus it would give the 3 away.
    assert cells[("E05002194", "E")]["suppressed"] is True
    assert cells[("E06000032", "E")]["value"] == 25  # 23 rounded to the nearest 5
    assert all(f["value"] is None or f["value"] >= 10 for f in detail["figures"])


def test_the_download_holds_the_published_tables_and_hides_what_the_api_hides(
    client: httpx.Client, engine: Engine
) -> None:
    households, wards = _small_run()
    run = run_model(households, wards, load_line_table(), load_disclosure_rules())
    publish_model_run(
        engine, command_line("test"), run, source="download-test.csv", synthetic=True, reason="Download test"
    )
    response = client.get("/poverty/figures.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    destitute_2024 = [r for r in rows if r["kind"] == "published" and r["year"] == "2024" and r["row"] == "E"]
    assert destitute_2024[0]["value"] == "7814" and destitute_2024[0]["ref"] == "003:354"
    hidden = [r for r in rows if r["kind"] == "model" and r["row"] == "E05002193" and r["column"] == "E"]
    assert hidden[0]["value"] == "" and hidden[0]["suppressed"] == "True" and hidden[0]["synthetic"] == "SYNTHETIC"
    shown = [float(r["value"]) for r in rows if r["kind"] == "model" and r["value"]]
    assert min(shown) >= 10
