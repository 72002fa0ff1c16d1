"""The indicators API over a real server, on a database with all the shipped open data (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import httpx

from tests.web.helpers import LUTON, assert_error, strict_json

HLE_MALE = "ons-male-healthy-life-expectancy"
WEEKLY_PAY = "ons-gross-median-weekly-pay"
INDICATOR_FIELDS = {
    "id",
    "title",
    "definition",
    "unit",
    "polarity",
    "period_type",
    "source",
    "publisher",
    "licence",
    "url",
    "caveats",
    "coverage",
    "links",
}
OBSERVATION_FIELDS = {
    "indicator",
    "area",
    "area_name",
    "period",
    "period_kind",
    "period_start",
    "period_end",
    "value",
    "numerator",
    "denominator",
    "lower_ci",
    "upper_ci",
    "flags",
    "source",
    "note",
}


def _by_id(page: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in page["items"]}


def test_every_indicator_comes_with_its_metadata_coverage_and_links(open_data_client: httpx.Client) -> None:
    page = strict_json(open_data_client.get("/api/indicators"))

    assert page["total"] == 43 and len(page["items"]) == 43 and page["links"] == {"next": None, "prev": None}
    assert all(set(item) == INDICATOR_FIELDS for item in page["items"])
    pay = _by_id(page)[WEEKLY_PAY]
    assert pay["publisher"] == "Office for National Statistics" and pay["unit"] == "gbp"
    assert pay["polarity"] == "higher_is_better"
    assert pay["coverage"] == {"areas": 327, "figures": 5886, "first_period": "2008-04-16", "last_period": "2025-04-30"}
    assert pay["links"] == [
        {
            "measure": "weekly-wages",
            "series": "weekly-wages",
            "match": "proxy",
            "match_label": "Proxy (a different basis)",
            "note": pay["links"][0]["note"],
        }
    ]
    assert _by_id(page)["dfe-avg-attain8-score"]["links"][0]["match"] == "exact"

    paged = strict_json(open_data_client.get("/api/indicators", params={"limit": 10, "offset": 40}))
    assert len(paged["items"]) == 3 and paged["links"]["next"] is None and "offset=30" in paged["links"]["prev"]
    education = strict_json(open_data_client.get("/api/indicators", params={"publisher": "Department for Education"}))
    assert education["total"] > 0 and {i["publisher"] for i in education["items"]} == {"Department for Education"}
    searched = strict_json(open_data_client.get("/api/indicators", params={"search": "healthy life"}))
    assert set(_by_id(searched)) == {HLE_MALE, "ons-female-healthy-life-expectancy"}


def test_one_indicator_lists_its_areas_and_periods_and_an_unknown_one_is_404(open_data_client: httpx.Client) -> None:
    found = strict_json(open_data_client.get(f"/api/indicators/{HLE_MALE}"))

    assert set(found) == INDICATOR_FIELDS | {"areas", "periods"}
    assert len(found["areas"]) == found["coverage"]["areas"] == 161
    assert {"code": LUTON, "name": "Luton", "figures": 12} in found["areas"]
    assert [p["period"] for p in found["periods"]][-2:] == ["2021-23", "2022-24"]
    assert found["periods"][-1] == {
        "period": "2022-24",
        "period_kind": "rolling",
        "period_start": "2022-01-01",
        "period_end": "2024-12-31",
        "figures": 161,
    }
    assert sum(p["figures"] for p in found["periods"]) == found["coverage"]["figures"]

    for path in ("/api/indicators/no-such-indicator", "/api/indicators/no-such-indicator/observations"):
        error = assert_error(open_data_client.get(path), 404, "not_found")
        assert "no-such-indicator" in error["message"] and "/api/indicators" in error["message"]


def test_observations_are_paged_filtered_and_strict_json(open_data_client: httpx.Client) -> None:
    path = f"/api/indicators/{HLE_MALE}/observations"
    first = strict_json(open_data_client.get(path, params={"limit": 10}))
    assert first["total"] == 1932 and len(first["items"]) == 10 and first["links"]["prev"] is None
    assert all(set(item) == OBSERVATION_FIELDS for item in first["items"])
    following = strict_json(open_data_client.get(first["links"]["next"]))
    assert following["offset"] == 10 and following["items"][0] != first["items"][-1]

    luton = strict_json(open_data_client.get(path, params={"area": LUTON, "period": "2022-24"}))
    assert luton["total"] == 1
    figure = luton["items"][0]
    assert (figure["value"], figure["lower_ci"], figure["upper_ci"]) == (56.9, 53.2, 60.7)
    assert figure["area_name"] == "Luton" and figure["flags"] == []

    pay = strict_json(open_data_client.get(f"/api/indicators/{WEEKLY_PAY}/observations", params={"limit": 500}))
    everything = pay["items"]
    while pay["links"]["next"]:
        pay = strict_json(open_data_client.get(pay["links"]["next"]))
        everything += pay["items"]
    assert len(everything) == 5886
    suppressed = [o for o in everything if "suppressed" in o["flags"]]
    assert suppressed and all(o["value"] is None for o in suppressed)

    none = strict_json(open_data_client.get(path, params={"area": "E99999999"}))
    assert none["total"] == 0 and none["items"] == []
    assert_error(open_data_client.get(path, params={"limit": 501}), 422, "invalid_request")


def test_indicator_answers_carry_an_etag_and_answer_304(open_data_client: httpx.Client) -> None:
    for path in ("/api/indicators", f"/api/indicators/{HLE_MALE}", f"/api/indicators/{HLE_MALE}/observations"):
        answer = open_data_client.get(path)
        assert answer.status_code == 200 and answer.headers["cache-control"] == "no-cache"
        again = open_data_client.get(path, headers={"If-None-Match": answer.headers["etag"]})
        assert again.status_code == 304 and again.content == b""


def test_the_openapi_document_describes_the_indicator_endpoints(open_data_client: httpx.Client) -> None:
    document = strict_json(open_data_client.get("/api/openapi.json"))
    paths = document["paths"]
    for path in ("/api/indicators", "/api/indicators/{indicator_id}", "/api/indicators/{indicator_id}/observations"):
        assert "200" in paths[path]["get"]["responses"], path
    assert "404" in paths["/api/indicators/{indicator_id}"]["get"]["responses"]
    schemas = document["components"]["schemas"]
    assert {"Indicator", "IndicatorDetail", "IndicatorObservation", "IndicatorPage", "IndicatorObservationPage"} <= set(
        schemas
    )
    assert set(schemas["IndicatorObservation"]["properties"]) == OBSERVATION_FIELDS
