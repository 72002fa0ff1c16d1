"""Finding 1 of the hardening review, at the API's door: a figure that cannot be real is refused, never published."""

from __future__ import annotations

import httpx

from tests.web.conftest import Tokens, bearer
from tests.web.helpers import LUTON, assert_error

DESTITUTION = "/api/measures/destitution/observations"


def test_finding_1_the_api_refuses_1e308_and_names_the_row_and_field(client: httpx.Client, tokens: Tokens) -> None:
    for value in (1e308, -1e308, -50, "1e-320"):
        sent = client.post(
            DESTITUTION, json=[{"area": LUTON, "period": "2024", "value": value}], headers=bearer(tokens.admin)
        )
        error = assert_error(sent, 422, "invalid_rows")
        assert [(d["index"], d["column"]) for d in error["details"]] == [(0, "value")], error
    assert client.get("/").status_code == 200
    assert client.get("/measures/destitution").status_code == 200


def test_finding_1_the_api_keeps_an_outlier_with_its_reason(client: httpx.Client, tokens: Tokens) -> None:
    row = {"area": LUTON, "period": "2024", "value": -0.5, "outlier_reason": "Net of a correction to 2023"}
    sent = client.post(DESTITUTION, json=[row], headers=bearer(tokens.admin))
    assert sent.status_code == 201, sent.text


def test_finding_7_hostile_api_bodies_are_refused_with_the_error_shape_never_a_500(
    client: httpx.Client, tokens: Tokens
) -> None:
    headers = {**bearer(tokens.admin), "Content-Type": "application/json"}
    for body in (
        '[{"area": "E06000032", "period": "0000", "value": 5}]',
        '[{"area": "E06000032", "period": "2024", "value": ' + "9" * 5000 + "}]",  # a 5,000-digit integer
        "[" * 100_000 + "]" * 100_000,  # 100,000 deep
    ):
        sent = client.post(DESTITUTION, content=body, headers=headers)
        assert 400 <= sent.status_code < 500, sent.text[:300]
        assert sent.json()["error"]["message"]
    # More than the configured body limit (THRIVE_BODY_LIMIT_MB, 2 MB) is stopped while it streams.
    huge = "[" + ",".join(['{"area": "E06000032", "period": "2024", "value": 5}'] * 60_000) + "]"
    sent = client.post(DESTITUTION, content=huge, headers=headers)
    assert sent.status_code == 413 and "larger than 2 MB" in sent.json()["error"]["message"]
    assert client.get("/measures/destitution").status_code == 200
