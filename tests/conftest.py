"""Shared fixtures: a real database on each backend, with the shipped Road Map loaded.

Every test that takes `engine` (or `database_url`) runs twice: on a SQLite file and on a
throwaway database in the PostgreSQL server on loopback, created and dropped here.
`open_data_url` is the same with the shipped open data loaded too, as `thrive init` loads it:
it is loaded once per backend into a template, and each test gets a copy.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from thrive.data.dataset import load_dataset
from thrive.framework.dataset import Dataset
from thrive.services.imports import Progress
from thrive.services.open_data import load_open_data
from thrive.store.database import make_engine
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade

POSTGRES_URL = os.environ.get("THRIVE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
FIXTURES = Path(__file__).parent / "fixtures"
"""Test-only files, each folder with its source and licence; the open data Thrive ships is in OPEN_DATA."""


@pytest.fixture(autouse=True, scope="session")
def downloads_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Downloads made by the tests (and by the servers they start) go to a folder of the run's own."""
    os.environ["THRIVE_DOWNLOADS_DIR"] = str(tmp_path_factory.mktemp("downloads"))
    yield
    os.environ.pop("THRIVE_DOWNLOADS_DIR", None)


@cache
def shipped_dataset() -> Dataset:
    return load_dataset("luton2040")


@contextmanager
def postgres_database() -> Iterator[str]:
    """A throwaway database in the PostgreSQL server on loopback, dropped when the block ends."""
    yield from _postgres_database()


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


class QuietSteps:
    """Load steps nobody watches."""

    def step(self, description: str) -> Progress:
        return self

    def start(self, description: str, total: int) -> None:
        return None

    def advance(self, amount: int) -> None:
        return None


def _load_everything(url: str) -> None:
    engine = make_engine(url)
    upgrade(engine)
    load_dataset_into_store(engine, shipped_dataset(), actor="test set-up")
    loaded = load_open_data(engine, QuietSteps(), actor="test set-up")
    assert not loaded.problems, loaded.problems
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


class _Templates:
    """One database per backend with everything loaded, built the first time a test asks for it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.built: dict[str, str] = {}

    def sqlite(self) -> Path:
        path = self.folder / "open-data.db"
        if "sqlite" not in self.built:
            _load_everything(f"sqlite:///{path}")
            self.built["sqlite"] = str(path)
        return path

    def postgresql(self) -> str:
        if "postgresql" not in self.built:
            name = f"thrive_template_{uuid.uuid4().hex[:12]}"
            with _admin().connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            _load_everything(POSTGRES_URL.rsplit("/", 1)[0] + "/" + name)
            self.built["postgresql"] = name
        return self.built["postgresql"]

    def drop(self) -> None:
        if "postgresql" in self.built:
            with _admin().connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{self.built["postgresql"]}" WITH (FORCE)'))


def _admin() -> Engine:
    return create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def _open_data_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Templates]:
    templates = _Templates(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.drop()


@pytest.fixture(params=["sqlite", "postgresql"])
def open_data_url(request: pytest.FixtureRequest, tmp_path: Path, _open_data_templates: _Templates) -> Iterator[str]:
    """A database with the Road Map and all the shipped open data loaded (official history, both IoD
    releases, neighbour models and a Thriving People Index run), as `thrive init` leaves it."""
    if request.param == "sqlite":
        copy = tmp_path / "thrive.db"
        shutil.copyfile(_open_data_templates.sqlite(), copy)
        yield f"sqlite:///{copy}"
        return
    template = _open_data_templates.postgresql()
    name = f"thrive_test_{uuid.uuid4().hex[:12]}"
    admin = _admin()
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def open_data_engine(open_data_url: str) -> Iterator[Engine]:
    engine = make_engine(open_data_url)
    yield engine
    engine.dispose()
