"""A real HTTP server for the API tests: the app under uvicorn on a free port, in a background thread.

Tests talk to it over the loopback network with httpx, so routing, error handlers, headers and
serialisation are exercised as a client sees them. Each test gets its own database (SQLite and
PostgreSQL, from tests/conftest.py) with the shipped Road Map loaded, or with all the shipped
open data too (`open_data_client`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine

from tests.conftest import shipped_dataset
from thrive.framework.access import Role
from thrive.services.assessment_runs import publish_run
from thrive.store.database import make_engine, write_transaction
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade
from thrive.store.users import add_user, issue_token
from thrive.web.app import create_app

pytest.register_assert_rewrite("tests.web.helpers")

PASSWORD = "correct horse battery staple"
STARTUP_SECONDS = 30


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Run `app` under uvicorn until the block ends; yield its base URL.

    The socket is bound here, on port 0, so the port is free and known before the server starts.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the API server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(STARTUP_SECONDS)
        sock.close()


@contextmanager
def running_app(database_url: str) -> Iterator[FastAPI]:
    """The app on the database, once its published figures have a run, as `thrive init` leaves it
    (pages never make one)."""
    app = create_app(database_url)
    publish_run(app.state.engine, actor="test set-up")
    try:
        yield app
    finally:
        app.state.engine.dispose()


@pytest.fixture
def api_app(database_url: str) -> Iterator[FastAPI]:
    """The app on the test's database (SQLite or PostgreSQL); a test may add a route before the first request."""
    with running_app(database_url) as app:
        yield app


@pytest.fixture
def api_url(api_app: FastAPI) -> Iterator[str]:
    with serve(api_app) as url:
        yield url


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_url, timeout=60) as http:
        yield http


@pytest.fixture
def open_data_client(open_data_url: str) -> Iterator[httpx.Client]:
    """A client of the app on a database with all the shipped open data (SQLite and PostgreSQL)."""
    with running_app(open_data_url) as app, serve(app) as url, httpx.Client(base_url=url, timeout=120) as http:
        yield http


@dataclass(frozen=True)
class Tokens:
    """Personal API tokens for one officer of each kind."""

    admin: str
    editor: str
    """An editor of the Inclusive Economy Board, which owns weekly wages."""
    other_editor: str
    """An editor of the Health Equity Town Partnership, which shares healthy life expectancy."""
    viewer: str


@pytest.fixture
def tokens(engine: Engine) -> Tokens:
    with write_transaction(engine) as connection:
        admin = add_user(connection, "admin@luton.gov.uk", PASSWORD, Role.ADMIN)
        editor = add_user(connection, "economy@luton.gov.uk", PASSWORD, Role.EDITOR, "inclusive-economy-board")
        other = add_user(connection, "health@luton.gov.uk", PASSWORD, Role.EDITOR, "health-equity-town-partnership")
        viewer = add_user(connection, "viewer@luton.gov.uk", PASSWORD, Role.VIEWER)
        return Tokens(
            admin=issue_token(connection, admin, "tests"),
            editor=issue_token(connection, editor, "tests"),
            other_editor=issue_token(connection, other, "tests"),
            viewer=issue_token(connection, viewer, "tests"),
        )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def sqlite_api_url(tmp_path: Path) -> Iterator[str]:
    """The app on a SQLite database only: for the schema-driven run, which need not repeat on PostgreSQL."""
    url = f"sqlite:///{tmp_path / 'schemathesis.db'}"
    engine = make_engine(url)
    upgrade(engine)
    load_dataset_into_store(engine, shipped_dataset(), actor="test set-up")
    engine.dispose()
    with running_app(url) as app, serve(app) as base:
        yield base
