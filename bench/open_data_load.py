"""Open data load: every official-statistics file Thrive ships, into SQLite and PostgreSQL, against DuckDB.

Thrive reads each file, checks every cell, records the indicators and writes one revision per
figure, then extends the Road Map series its exact links feed (what `thrive init` does, less the
deprivation import and the index run, which are timed in their own benchmarks). DuckDB loading
the same gzipped CSVs into tables, with no checking at all, is the practical ceiling for getting
these rows into a database on this machine. Figures are rows of the shipped files per second,
each the best of `--runs` fresh loads (a new database each time), in one run of this script.

    python bench/open_data_load.py [--runs 3] [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import duckdb
from sqlalchemy import create_engine, text

from thrive.data.dataset import load_dataset
from thrive.data.open_data import shipped_manifest
from thrive.services.imports import ImportFormat, ImportOptions, import_file
from thrive.store.database import make_engine
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade


def load_with_thrive(url: str) -> int:
    """Seconds are measured by the caller; returns the rows read from the shipped files."""
    engine = make_engine(url)
    upgrade(engine)
    load_dataset_into_store(engine, load_dataset("luton2040"), actor="bench")
    rows = 0
    for shipped in shipped_manifest().files:
        options = ImportOptions(ImportFormat(shipped.format), actor="bench", reason="benchmark")
        result = import_file(engine, shipped.path, options)
        if not result.ok:
            raise SystemExit("\n".join(str(p) for p in result.problems[:10]))
        rows += result.rows
    engine.dispose()
    return rows


def load_with_duckdb(folder: Path) -> int:
    connection = duckdb.connect(str(folder / f"{uuid.uuid4().hex}.duckdb"))
    rows = 0
    for number, shipped in enumerate(shipped_manifest().files):
        connection.execute(
            f"CREATE TABLE file_{number} AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
            [str(shipped.path)],
        )
        found = connection.execute(f"SELECT count(*) FROM file_{number}").fetchone()
        rows += int(found[0]) if found else 0
    connection.close()
    return rows


def best_of(runs: int, load: Callable[[], int]) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for _ in range(runs):
        started = time.perf_counter()
        rows = load()
        best = min(best, time.perf_counter() - started)
    return best, rows


def _postgres(admin_url: str) -> tuple[Callable[[], int], Callable[[], None]]:
    """A loader that makes a fresh database on each call, and a clean-up that drops them all."""
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def load() -> int:
        name = f"thrive_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return load_with_thrive(admin_url.rsplit("/", 1)[0] + "/" + name)

    def drop() -> None:
        with admin.connect() as connection:
            for name in made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return load, drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ceiling, rows = best_of(args.runs, lambda: load_with_duckdb(folder))
        sqlite, _ = best_of(args.runs, lambda: load_with_thrive(f"sqlite:///{folder / uuid.uuid4().hex}.db"))
    load_postgres, drop = _postgres(args.postgres)
    try:
        postgres, _ = best_of(args.runs, load_postgres)
    finally:
        drop()
    files = len(shipped_manifest().files)
    print(f"Shipped open data: {rows:,} rows in {files} files; best of {args.runs} fresh loads each.")
    for name, seconds in (
        ("DuckDB (no checks)", ceiling),
        ("Thrive on SQLite", sqlite),
        ("Thrive on PostgreSQL", postgres),
    ):
        print(f"  {name:<22} {seconds:6.2f} s  {rows / seconds:>10,.0f} rows/s")
    print(f"Thrive on SQLite is {sqlite / ceiling:.1f}x DuckDB's time; on PostgreSQL {postgres / ceiling:.1f}x.")


if __name__ == "__main__":
    main()
