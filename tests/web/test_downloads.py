"""Downloads of everything (issue 17): every published figure for every area with names, units, flags,
intervals, source and licence, as CSV, Excel, JSON and Parquet, all four holding the same rows; a formula
reaches none of them live; the stable addresses are listed on About the data."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from typing import Any

import httpx
import pandas as pd
from openpyxl import load_workbook

from tests.web.conftest import Tokens
from tests.web.helpers import LUTON
from tests.web.test_safe_downloads import FORMULA, _publish

NAMED = ["measure", "series", "area", "measure_name", "series_name", "unit", "area_name", "period"]


def _figures(rows: Iterable[Mapping[Any, Any]]) -> list[tuple[str, str, str, float]]:
    """Series, area, period and value of every row with a value, in one order, whatever the format."""
    return sorted(
        (str(r["series"]), str(r["area"]), str(r["period"]), float(r["value"]))
        for r in rows
        if r["value"] not in ("", None) and not pd.isna(r["value"])
    )


def _csv(client: httpx.Client) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(client.get("/downloads/figures.csv").text)))


def test_every_figure_comes_with_its_names_unit_and_licence(client: httpx.Client) -> None:
    rows = _csv(client)
    assert list(rows[0])[: len(NAMED)] == NAMED and "licence" in rows[0]
    # Appendix 1: 9.9% of Luton's households in destitution, labelled 2023 (003:354).
    destitution = next(r for r in rows if r["series"] == "destitution" and r["area"] == LUTON and r["period"] == "2023")
    assert destitution["measure_name"] == "% of households in destitution"
    assert (destitution["area_name"], destitution["unit"], destitution["value"]) == ("Luton", "%", "9.9")
    assert destitution["licence"] == "Open Government Licence v3.0"
    assert {r["area_name"] for r in rows if r["area"] == "E92000001"} == {"England"}


def test_csv_excel_json_and_parquet_hold_the_same_figures(client: httpx.Client) -> None:
    rows = _csv(client)
    parquet = pd.read_parquet(io.BytesIO(client.get("/downloads/figures.parquet").content))
    document = json.loads(client.get("/downloads/figures.json").text, parse_constant=lambda c: 1 / 0)
    book = load_workbook(io.BytesIO(client.get("/downloads/figures.xlsx").content), read_only=True)
    sheet = book.active
    assert sheet is not None
    assert document["format"] == "thrive-figures"
    assert len(rows) == len(parquet) == len(document["observations"]) == sheet.max_row - 1 > 100
    assert list(parquet.columns) == list(rows[0]) == list(document["observations"][0])
    assert _figures(rows) == _figures(parquet.to_dict(orient="records")) == _figures(document["observations"])


def test_a_formula_reaches_the_named_downloads_only_as_text(client: httpx.Client, tokens: Tokens) -> None:
    _publish(client, tokens, {"area": LUTON, "period": "2024", "value": 640.2, "source": FORMULA})
    mine = next(r for r in _csv(client) if r["series"] == "weekly-wages" and r["period"] == "2024")
    assert mine["source"] == "'" + FORMULA


def test_about_the_data_and_the_downloads_page_list_the_stable_download_addresses(client: httpx.Client) -> None:
    assert 'href="/downloads"' in client.get("/about-the-data").text
    page = client.get("/downloads").text
    for suffix in ("csv", "xlsx", "json", "parquet"):
        assert f'href="/downloads/figures.{suffix}"' in page
        assert client.get(f"/downloads/figures.{suffix}").status_code == 200
    assert client.get("/downloads/figures.exe").status_code == 404
