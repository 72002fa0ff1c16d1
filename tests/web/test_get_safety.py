"""Page and API requests never write: a burst of visitors after a publication leaves the database
byte-identical, and drafts or Better Off cases leave the published version (and the ETags) alone.

Runs on SQLite and PostgreSQL, against the app under a real uvicorn server.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Iterator
from datetime import date

import httpx
import pandas as pd
import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from tests.store.dump import dump
from tests.web.conftest import running_app, serve
from thrive.benefits.awards import AwardOutcome, AwardPeriod
from thrive.benefits.calculator import Calculator
from thrive.benefits.household import Adult, Household
from thrive.benefits.tax_year import TaxYear
from thrive.framework.access import Role, User
from thrive.framework.publication import Step
from thrive.services.better_off_cases import record_outcome, save_case
from thrive.services.entering_results import save_drafts
from thrive.services.review import review
from thrive.store.database import make_engine, read_connection
from thrive.web.app import create_app

ADMIN = User(id=1, email="admin@luton.gov.uk", role=Role.ADMIN, group_code=None)
ADVISER = User(id=2, email="adviser@luton.gov.uk", role=Role.ADVISER, group_code=None)
VISITORS = 8
PUBLIC = [
    "/",
    "/priorities",
    "/priorities/economy",
    "/measures/weekly-wages",
    "/measures/weekly-wages/download.csv",
    "/downloads/observations.csv",
    "/areas/E06000032",
    "/search?q=wages",
    "/about-the-data",
    "/about-the-data/c",
    "/sources/003/354",
    "/profile",
    "/compare?first=E06000032&second=E06000055",
    "/downloads/figures.parquet",
    "/indicators",
    "/poverty",
    "/thriving-people-index",
    "/deprivation",
    "/api/measures",
    "/api/measures/weekly-wages",
    "/api/assessments",
    "/api/assessments/weekly-wages",
    "/api/observations?measure=weekly-wages",
    "/api/measures/weekly-wages/revisions",
    "/api/indicators",
    "/api/areas",
    "/api/groups",
    "/api/poverty/runs",
]
"""Every kind of public page and API read."""


def fingerprint(engine: Engine, url: str) -> str:
    """A hash of everything the database holds: every table's rows in primary-key order, and on
    SQLite the whole `iterdump()` too (schema, sequences and all)."""
    digest = hashlib.sha256(repr(sorted(dump(engine).items())).encode())
    if engine.dialect.name == "sqlite":
        path = make_url(url).database
        assert path
        with sqlite3.connect(path) as raw:
            for line in raw.iterdump():
                digest.update(line.encode())
    return digest.hexdigest()


def publish(engine: Engine, value: float) -> None:
    """An officer's figure, entered, sent for review and published, as the workspace does it."""
    frame = pd.DataFrame([{"measure": "weekly-wages", "area": "E06000032", "period": "2024", "value": str(value)}])
    entry = save_drafts(engine, ADMIN, frame, "the test", "ASHE 2024 provisional")
    sent = review(engine, ADMIN, Step.SUBMIT, entry.revision_ids, reason="For review")
    review(engine, ADMIN, Step.PUBLISH, sent.revision_ids, reason="Published")


def burst(base: str, paths: list[str]) -> list[tuple[str, int, str]]:
    """Every visitor asks for every path at once (each starting at a different one); what each got."""
    barrier = threading.Barrier(VISITORS)
    seen: list[tuple[str, int, str]] = []
    failures: list[BaseException] = []

    def visit(start: int) -> None:
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                barrier.wait()
                for path in paths[start:] + paths[:start]:
                    response = client.get(path)
                    seen.append((path, response.status_code, response.headers.get("etag", "")))
        except BaseException as error:  # reported below, in the main thread
            failures.append(error)

    threads = [threading.Thread(target=visit, args=(i % len(paths),)) for i in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not failures, failures
    return seen


@pytest.fixture
def published_engine(open_data_url: str) -> Iterator[Engine]:
    engine = make_engine(open_data_url)
    yield engine
    engine.dispose()


def test_a_burst_of_visitors_after_a_publication_writes_nothing(open_data_url: str, published_engine: Engine) -> None:
    with running_app(open_data_url) as app, serve(app) as base:
        with httpx.Client(base_url=base, timeout=120) as client:
            before_publication = client.get("/").headers["etag"]
        publish(published_engine, 655.5)
        before = fingerprint(published_engine, open_data_url)
        seen = burst(base, PUBLIC)
        after = fingerprint(published_engine, open_data_url)
    assert {(path, status) for path, status, _ in seen} == {(path, 200) for path in PUBLIC}
    assert after == before
    home = {etag for path, _, etag in seen if path == "/"}
    assert len(home) == 1 and home != {before_publication}, "every visitor sees the one new published version"


def test_pages_with_no_run_yet_show_no_judgements_and_write_nothing(database_url: str) -> None:
    """A database nobody has published anything to (no run): pages render without judgements."""
    app = create_app(database_url)
    engine: Engine = app.state.engine
    try:
        before = fingerprint(engine, database_url)
        with serve(app) as base:
            seen = burst(base, ["/", "/measures/weekly-wages", "/api/measures", "/downloads/observations.csv"])
            with httpx.Client(base_url=base, timeout=120) as client:
                home = client.get("/").text
                assessments = client.get("/api/assessments")
        after = fingerprint(engine, database_url)
    finally:
        engine.dispose()
    assert {status for _, status, _ in seen} == {200}
    assert "No judgements yet" in home
    assert assessments.status_code == 404
    assert after == before


def test_finding_3_drafts_and_better_off_cases_leave_the_published_version_and_etags_alone(
    database_url: str, engine: Engine
) -> None:
    with running_app(database_url) as app, serve(app) as base, httpx.Client(base_url=base, timeout=120) as client:
        first = {path: client.get(path).headers["etag"] for path in ("/", "/api/measures", "/measures/weekly-wages")}
        # The tags are opaque: no change-set or run number shows, on the page or in the tag.
        home = client.get("/").text
        assert "data version" not in home and "assessment run" not in home
        assert all(re.fullmatch(r'"[0-9a-f]{20}(-[0-9a-f]{16}|-gz)?"', tag) for tag in first.values()), first
        frame = pd.DataFrame([{"measure": "weekly-wages", "area": "E06000032", "period": "2024", "value": "650.5"}])
        entry = save_drafts(engine, ADMIN, frame, "the test", "A draft")
        review(engine, ADMIN, Step.SUBMIT, entry.revision_ids, reason="For review")
        household = Household(
            adults=(Adult(age=30),), children_ages=(3,), rent_per_month=600, council_tax_per_year=1500
        )
        reference = save_case(engine, ADVISER, {"age": "30"}, Calculator().check(household, TaxYear(2025)))
        record_outcome(
            engine, ADVISER, reference, AwardOutcome("universal_credit", True, 90.0, AwardPeriod.WEEK, date(2025, 6, 2))
        )
        again = {path: client.get(path).headers["etag"] for path in first}
        assert again == first
        with read_connection(engine) as connection:
            in_review = (
                connection.exec_driver_sql("SELECT id FROM observation_revision WHERE status = 'in_review'")
                .scalars()
                .all()
            )
        review(engine, ADMIN, Step.PUBLISH, in_review, reason="Published")
        published = {path: client.get(path).headers["etag"] for path in first}
    assert all(published[path] != first[path] for path in first)
