"""Downloads of everything (issue 17, 9): the targets, the judgements, deprivation by area and by
neighbourhood and the index's indicators, for the Road Map and per measure, as CSV, Excel and JSON,
listed on one downloads page whose every link answers; the figures in them are the published ones."""

from __future__ import annotations

import csv
import io
import json
import re

import httpx
import pytest
from openpyxl import load_workbook

from tests.web.helpers import LUTON

TABLES = (
    "/downloads/targets",
    "/downloads/judgements",
    "/deprivation/figures",
    "/deprivation/neighbourhoods",
    "/thriving-people-index/indicators",
)


def _rows(client: httpx.Client, address: str) -> list[dict[str, str]]:
    answer = client.get(address)
    assert answer.status_code == 200, answer.text
    return list(csv.DictReader(io.StringIO(answer.text)))


def test_the_targets_are_the_road_maps_with_their_source(client: httpx.Client) -> None:
    rows = _rows(client, "/downloads/targets.csv")
    # Appendix 1: destitution 7.7% by 2027 and 5.1% by 2031 (003:674).
    destitution = {r["year"]: r for r in rows if r["series"] == "destitution"}
    assert (destitution["2027"]["target"], destitution["2027"]["value"]) == ("7.7%", "7.7")
    assert destitution["2031"]["value"] == "5.1" and destitution["2031"]["kind"] == "milestone"
    assert destitution["2027"]["source"].startswith("Luton 2040 Progress Report")
    assert destitution["2027"]["ref"] == "003:674"
    assert {r["kind"] for r in rows} == {"milestone", "2040 target"}
    assert len({r["measure"] for r in rows}) > 30


def test_the_judgements_are_the_published_runs(client: httpx.Client) -> None:
    rows = _rows(client, "/downloads/judgements.csv")
    api = client.get("/api/assessments", params={"limit": 100}).json()
    judged = {(s["measure_id"], s["series_id"]): s for item in api["items"] for s in item["series"]}
    assert {(r["measure"], r["series"]) for r in rows} == set(judged)
    wages = next(r for r in rows if r["series"] == "weekly-wages")
    published = judged[("weekly-wages", "weekly-wages")]
    assert published["progress"]["status"] == "on_track" and wages["status"] == "On track"
    assert wages["trend"] == published["trend"]["judgement"]
    assert wages["status_reason"] == published["progress"]["reason"]
    # ASHE 2023 (003:675): Luton £618.10 against England £681.70, more than 5% apart.
    assert (wages["latest"], wages["compared_with_england"], wages["england_value"]) == ("618.1", "worse", "681.7")
    assert wages["judged_on"].startswith(client.get("/api/assessments").json()["run"]["created_at"][:10])


def test_the_judgements_give_lutons_ranks_in_words(open_data_client: httpx.Client) -> None:
    rows = _rows(open_data_client, "/downloads/judgements.csv")
    ranked = [r for r in rows if r["ranks"]]
    assert ranked and all(re.search(r"(\d+ of \d+|not ranked) among .+ \((quartile \d)\)", r["ranks"]) for r in ranked)


def test_deprivation_gives_lutons_published_counts(open_data_client: httpx.Client) -> None:
    rows = _rows(open_data_client, "/deprivation/figures.csv")
    luton = next(r for r in rows if r["release"] == "IoD2019" and r["area"] == LUTON)
    # IoD2019: 121 LSOAs, 4 in England's most deprived 10%, and the 20:20 index 10:34 (002:1224).
    assert (luton["lsoas"], luton["most_deprived_10_percent"], luton["twenty_twenty"]) == ("121", "4", "10:34")
    assert sum(int(luton[f"imd_decile_{d}"]) for d in range(1, 11)) == 121
    wards = [r for r in rows if r["release"] == "IoD2019" and r["area"] != LUTON]
    assert len(wards) == 19


def test_each_neighbourhoods_decile_adds_up_to_lutons_counts(open_data_client: httpx.Client) -> None:
    rows = [r for r in _rows(open_data_client, "/deprivation/neighbourhoods.csv") if r["release"] == "IoD2019"]
    assert len(rows) == 121 and sum(r["imd_decile"] == "1" for r in rows) == 4
    assert all(re.fullmatch(r"E01\d{6}", r["lsoa"]) for r in rows)
    assert sum(bool(r["ward_name"]) for r in rows) == 121


def test_the_index_download_says_which_indicators_are_real(open_data_client: httpx.Client) -> None:
    rows = _rows(open_data_client, "/thriving-people-index/indicators.csv")
    assert len(rows) == 34
    assert sum(r["data"] == "real" for r in rows) == 5
    assert {r["data"] for r in rows} == {"real", "synthetic (demonstration only)"}


def test_a_measure_page_offers_its_own_targets_and_judgements(client: httpx.Client) -> None:
    page = client.get("/measures/destitution").text
    assert 'href="/measures/destitution/targets.csv"' in page and 'href="/measures/destitution/judgements.csv"' in page
    targets = _rows(client, "/measures/destitution/targets.csv")
    assert {r["measure"] for r in targets} == {"destitution"} and len(targets) == 4
    assert {r["measure"] for r in _rows(client, "/measures/destitution/judgements.csv")} == {"destitution"}
    assert client.get("/measures/no-such-measure/targets.csv").status_code == 404


@pytest.mark.parametrize("address", TABLES)
def test_every_table_comes_as_csv_excel_and_strict_json_with_the_same_rows(
    open_data_client: httpx.Client, address: str
) -> None:
    rows = _rows(open_data_client, f"{address}.csv")
    document = json.loads(open_data_client.get(f"{address}.json").text, parse_constant=lambda c: 1 / 0)
    (listed,) = (value for key, value in document.items() if key != "format")
    book = load_workbook(io.BytesIO(open_data_client.get(f"{address}.xlsx").content), read_only=True)
    assert book.active is not None
    assert len(rows) == len(listed) == book.active.max_row - 1 > 0
    assert open_data_client.get(f"{address}.parquet").status_code == 404
    assert open_data_client.get(f"{address}.exe").status_code == 404


def test_the_downloads_page_lists_everything_and_every_link_answers(open_data_client: httpx.Client) -> None:
    page = open_data_client.get("/downloads")
    assert page.status_code == 200
    links = re.findall(r'href="(/[^"]+\.(?:csv|xlsx|json|parquet))"', page.text)
    for address in TABLES:
        assert f"{address}.csv" in links
    assert "/downloads/figures.parquet" in links
    for link in links:
        assert open_data_client.get(link).status_code == 200, link
    assert 'href="/downloads"' in open_data_client.get("/").text
