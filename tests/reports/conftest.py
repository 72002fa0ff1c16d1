"""Fixtures for the report tests: a SQLite-only database for the slow PDF tests, and helpers.

Report tests that take `engine` or `cli_env` run on SQLite and PostgreSQL like the rest of the
suite; the PDF-heavy ones use `sqlite_engine` instead, so a 70-page PDF is built once, not twice.
"""

from __future__ import annotations

import re
import subprocess
import zlib
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, update

from tests.conftest import shipped_dataset
from thrive.framework.access import Role, User
from thrive.services.entering_results import save_drafts
from thrive.store.database import make_engine, write_transaction
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade
from thrive.store.schema import assessment_run

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "reports"
"""Rendered pages for people to look at (git-ignored)."""

ADMIN = User(1, "analyst@luton.gov.uk", Role.ADMIN, None)


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database with the shipped Road Map, shared by one module's tests."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reports') / 'thrive.db'}"
    engine = make_engine(url)
    upgrade(engine)
    load_dataset_into_store(engine, shipped_dataset(), actor="test set-up")
    engine.dispose()
    return url


@pytest.fixture(scope="module")
def sqlite_engine(sqlite_url: str) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    yield engine
    engine.dispose()


def date_run(engine: Engine, run_id: int, when: datetime) -> None:
    """Pretend a run was made at `when` (runs are stamped with the clock when they are made)."""
    with write_transaction(engine) as connection:
        connection.execute(update(assessment_run).where(assessment_run.c.id == run_id).values(created_at=when))


def enter_draft(engine: Engine, rows: list[dict[str, object]]) -> None:
    """Save figures as drafts, as an officer does in the workspace."""
    entry = save_drafts(engine, ADMIN, pd.DataFrame(rows), "the test", "A draft for the test")
    assert entry.change_set_id is not None


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def flat(text: str) -> str:
    """Text with runs of whitespace made single spaces: table cells wrap onto several lines."""
    return " ".join(text.replace("\ufb01", "fi").replace("\ufb02", "fl").split())


def pdf_objects(path: Path) -> bytes:
    """The PDF's bytes with every compressed stream inflated, so the catalogue and tags can be read."""
    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def save_pages(path: Path, prefix: str, resolution: int = 60) -> list[Path]:
    """Each page as a PNG under artifacts/reports/, for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob(f"{prefix}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", str(path), str(ARTIFACTS / prefix)], check=True, capture_output=True
    )
    return sorted(ARTIFACTS.glob(f"{prefix}-*.png"))
