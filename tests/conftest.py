"""Shared fixtures: a real database on each backend, with the shipped Road Map loaded.

Every test that takes `engine` (or `database_url`) runs twice: on a SQLite file and on a
throwaway database in the PostgreSQL server on loopback, created and dropped here.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from thrive.data.dataset import load_dataset
from thrive.framework.dataset import Dataset
from thrive.store.database import make_engine
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade

POSTGRES_URL = os.environ.get("THRIVE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
FIXTURES = Path(__file__).parent / "fixtures"
"""Test-only files, each folder with its source and licence; the open data Thrive ships is in OPEN_DATA."""


@cache
def shipped_dataset() -> Dataset:
    return load_dataset("luton2040")


def _postgres_database() -> Iterator[str]:
    name = f"thrive_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no tables yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'thrive.db'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def database_url(empty_database_url: str) -> str:
    """A database upgraded to the newest schema, with the shipped Road Map loaded."""
    engine = make_engine(empty_database_url)
    upgrade(engine)
    load_dataset_into_store(engine, shipped_dataset(), actor="test set-up")
    engine.dispose()
    return empty_database_url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def cli_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point the `thrive` command (in-process or as a subprocess) at the test database."""
    monkeypatch.setenv("THRIVE_DATABASE_URL", database_url)
    monkeypatch.setenv("THRIVE_ACTOR", "analyst@luton.gov.uk")
    return database_url
