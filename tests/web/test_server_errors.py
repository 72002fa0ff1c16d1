"""A 500 is only ever a bug, and when one happens it is logged with a request id the caller is given
to quote, and with the method and path only: never the query or the body, which may hold a
household's answers."""

from __future__ import annotations

import logging

import httpx
import pytest
from fastapi import FastAPI

from tests.web.conftest import serve
from thrive.web.app import create_app


def _failing() -> None:
    raise RuntimeError("a bug")


@pytest.fixture
def app(database_url: str) -> FastAPI:
    made = create_app(database_url)
    made.add_api_route("/bug", _failing)
    made.add_api_route("/api/bug", _failing)
    return made


@pytest.mark.parametrize("path", ["/bug", "/api/bug"])
def test_finding_7_a_bug_is_a_500_with_a_request_id_logged_without_the_query(
    app: FastAPI, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="thrive.web"), serve(app) as base:
        response = httpx.get(f"{base}{path}?earnings=31000&postcode=LU1", timeout=30)
    assert response.status_code == 500
    request_id = response.headers["x-request-id"]
    assert len(request_id) == 12
    assert f"It has been logged as {request_id}" in response.text
    assert "Traceback" not in response.text and "a bug" not in response.text
    [logged] = [r for r in caplog.records if r.name == "thrive.web"]
    assert logged.getMessage() == f"request {request_id} failed: GET {path}"
    assert logged.exc_info is not None
    assert "31000" not in caplog.text and "LU1" not in caplog.text
