"""Privacy: an anonymous Better Off calculation writes nothing identifying to the database or the logs."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import Engine, func, select

from tests.web.better_off_journey import STEPS, answer_everything
from tests.web.conftest import running_app, serve
from thrive.store.database import read_connection
from thrive.store.schema import metadata

DISTINCTIVE = ["1234.56", "321.09"]
"""The council tax bill and savings in the journey's answers: values that would give them away."""


@pytest.fixture
def base_url(database_url: str) -> Iterator[str]:
    with running_app(database_url) as app, serve(app) as base:
        yield base


def _everything(engine: Engine) -> tuple[dict[str, int], str]:
    """Rows per table, and every value in the database as text."""
    counts: dict[str, int] = {}
    text: list[str] = []
    with read_connection(engine) as connection:
        for table in metadata.sorted_tables:
            counts[table.name] = int(connection.execute(select(func.count()).select_from(table)).scalar_one())
            text.extend(str(row) for row in connection.execute(select(table)))
    return counts, "\n".join(text)


def test_an_anonymous_calculation_leaves_no_trace_in_the_database_or_the_logs(
    base_url: str, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    assert {"council_tax": "1234.56"} in [fields for _, fields in STEPS]
    before, _ = _everything(engine)
    caplog.set_level(logging.DEBUG)
    with httpx.Client(base_url=base_url, timeout=120) as client:
        answers = answer_everything(client)
        results = client.post("/better-off/results", data=answers)
        summary = client.post("/better-off/summary", data=answers)
    assert results.status_code == summary.status_code == 200
    after, stored = _everything(engine)
    assert after == before
    for value in DISTINCTIVE:
        assert value not in stored
        assert value not in caplog.text
    # Answers travel only in posted forms, never in a web address that a log or history would keep.
    assert 'method="get"' not in results.text.lower()
    assert "?" not in "".join(record.getMessage() for record in caplog.records if "better-off" in record.getMessage())
