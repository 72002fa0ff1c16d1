"""Import speed: a 1,000,000-row template CSV into SQLite, against DuckDB loading the same file.

DuckDB's CSV loader is the practical ceiling for getting a CSV into a table on this
machine; the goal is for Thrive, which also validates every cell and writes a revision
per figure, to stay within 10x of it. The figures are SYNTHETIC (random values on real
measure, series and area codes), made fresh in a temporary folder on each run.

    python bench/import_speed.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from thrive.data.dataset import load_dataset
from thrive.services.imports import ImportOptions, import_file
from thrive.store.database import make_engine
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade


def synthetic_template(path: Path, rows: int, seed: int = 2040) -> None:
    """Distinct (series, area, month) rows, so every row is a new figure."""
    dataset = load_dataset("luton2040")
    series = [(m.id, s.id) for m in dataset.roadmap.measures for s in m.series]
    areas = [a.code for a in dataset.roadmap.areas]
    months = pd.period_range("1990-01", periods=600, freq="M").strftime("%b-%y").tolist()
    rng = np.random.default_rng(seed)
    index = np.arange(rows)
    month = index % len(months)
    area = (index // len(months)) % len(areas)
    pick = (index // (len(months) * len(areas))) % len(series)
    if rows > len(months) * len(areas) * len(series):
        raise SystemExit("Too many rows for distinct keys.")
    frame = pd.DataFrame(
        {
            "measure": np.array([m for m, _ in series], dtype=object)[pick],
            "series": np.array([s for _, s in series], dtype=object)[pick],
            "area": np.array(areas, dtype=object)[area],
            "period": np.array(months, dtype=object)[month],
            "value": np.round(rng.uniform(0, 100, rows), 2),
            "numerator": rng.integers(0, 5000, rows),
            "denominator": rng.integers(5000, 10000, rows),
            "source": "SYNTHETIC benchmark data",
        }
    )
    frame.to_csv(path, index=False)


def time_thrive(csv: Path, folder: Path) -> float:
    engine = make_engine(f"sqlite:///{folder / 'thrive.db'}")
    upgrade(engine)
    load_dataset_into_store(engine, load_dataset("luton2040"), actor="bench")
    started = time.perf_counter()
    result = import_file(engine, csv, ImportOptions(actor="bench", reason="benchmark"))
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise SystemExit("\n".join(str(p) for p in result.problems[:10]))
    engine.dispose()
    return elapsed


def time_duckdb(csv: Path, folder: Path) -> float:
    connection = duckdb.connect(str(folder / "ceiling.duckdb"))
    started = time.perf_counter()
    connection.execute("CREATE TABLE observations AS SELECT * FROM read_csv(?, header = true)", [str(csv)])
    elapsed = time.perf_counter() - started
    count = connection.execute("SELECT count(*) FROM observations").fetchone()
    connection.close()
    assert count is not None
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        csv = folder / "observations.csv"
        synthetic_template(csv, args.rows)
        size_mb = csv.stat().st_size / 1e6
        duck = time_duckdb(csv, folder)
        thrive = time_thrive(csv, folder)
    print(f"rows: {args.rows:,} ({size_mb:.0f} MB CSV, synthetic)")
    print(f"DuckDB read_csv into a table: {duck:.2f} s ({args.rows / duck:,.0f} rows/s)")
    print(f"thrive import into SQLite (validate + revisions): {thrive:.2f} s ({args.rows / thrive:,.0f} rows/s)")
    print(f"ratio thrive/DuckDB: {thrive / duck:.1f}x (goal: within 10x)")


if __name__ == "__main__":
    main()
