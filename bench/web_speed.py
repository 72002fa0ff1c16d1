"""Web speed: the site in its production configuration, driven by wrk from a second process on loopback.

Runs `thrive serve --workers 2` (uvicorn, one worker per core) on a fresh SQLite file and on a
throwaway PostgreSQL database, and measures the home page, a measure page and /api/measures,
each against a static file served by the same server (the ceiling). Prints requests per second
and p50/p99 latency. The goal on this 2-core machine: 500 requests/s on the home page, p99 < 100 ms.

    python bench/web_speed.py [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

PATHS = {
    "static file (ceiling)": "/static/thrive-icon.svg",
    "home page": "/",
    "measure page": "/measures/destitution",
    "/api/measures": "/api/measures",
}
POSTGRES = os.environ.get("THRIVE_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def thrive(*args: str) -> list[str]:
    return [sys.executable, "-c", "from thrive.cli.app import main; main()", *args]


@contextmanager
def server(
    database_url: str, port: int, *, initialise: bool = True, warm: Iterable[str] = PATHS.values()
) -> Iterator[str]:
    """`thrive serve --workers 2` on the database (after `thrive init`, unless it is ready), each of
    `warm` asked for 40 times first so both workers hold their snapshot and pages."""
    env = {**os.environ, "THRIVE_DATABASE_URL": database_url}
    if initialise:
        subprocess.run(thrive("init"), env=env, check=True, capture_output=True)
    process = subprocess.Popen(
        thrive("serve", "--port", str(port), "--workers", "2"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/priorities", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        _calculators_warm(base)
        warm_pages(base, list(warm))
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


HOUSEHOLD = {
    "tax_year": "2025-26",
    "adults": [{"age": 72, "pension_per_month": 650}],
    "tenure": "OWNED_OUTRIGHT",
    "council_tax_per_year": 1500,
}
"""A household for Better Off's API: asking for it waits for a worker's calculator to finish warming."""


def _calculators_warm(base: str, rounds: int = 10) -> None:
    """Wait until both workers' Better Off calculators are warm. They load PolicyEngine UK in the
    background after start-up, and while they do, pages share the interpreter with it: measuring then
    would time the start-up, not the site (a first run's p99 was 0.6 to 1.2 s on PostgreSQL)."""
    with ThreadPoolExecutor(8) as pool:
        for _ in range(rounds):
            started = time.perf_counter()
            answers = list(
                pool.map(
                    lambda _: httpx.post(f"{base}/api/better-off/check", json=HOUSEHOLD, timeout=120).status_code,
                    range(16),
                )
            )
            # A round that waited on no warming calculator is quick (16 checks take under 2 s here).
            if all(status == 200 for status in answers) and time.perf_counter() - started < 3.0:
                return


def warm_pages(base: str, paths: list[str], rounds: int = 10) -> None:
    """Ask for each path 40 times at once, round after round, until a whole round is fast: then both
    workers hold their snapshot and pages (a worker still starting up gets none of the first round)."""
    with ThreadPoolExecutor(8) as pool:
        for _ in range(rounds):
            started = time.perf_counter()
            for path in paths:
                list(pool.map(lambda url: httpx.get(url, timeout=600), [base + path] * 40))
            if time.perf_counter() - started < 2.0:
                return


@contextmanager
def postgres_database() -> Iterator[str]:
    name = f"thrive_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield POSTGRES.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def wrk(url: str, seconds: int, connections: int, *headers: str) -> tuple[float, float, float]:
    """Requests per second, p50 and p99 latency in milliseconds (each of `headers` sent, "Name: value")."""
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *(f"-H{h}" for h in headers), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    return rate, _latency(out, "50%"), _latency(out, "99%")


def _latency(out: str, percentile: str) -> float:
    value, unit = re.search(rf"^\s+{percentile}\s+([\d.]+)(us|ms|s)", out, re.MULTILINE).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run `make system-deps`.")
    folder = Path(tempfile.mkdtemp())
    print(f"wrk -t2 -c{args.connections} -d{args.seconds}s against thrive serve --workers 2 on 127.0.0.1")
    print(f"{'database':11} {'page':22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs static':>10}")
    for label, database in both_databases(folder):
        with database as url, server(url, 8765) as base:
            for row in wrk_rows(base, PATHS, args.seconds, args.connections):
                print(f"{label:11} {row}")
    shutil.rmtree(folder, ignore_errors=True)


def wrk_rows(base: str, paths: dict[str, str], seconds: int, connections: int) -> Iterator[str]:
    """wrk on each path in turn, as a table row: the first path is the ceiling the others are shares of."""
    ceiling = 0.0
    for page, path in paths.items():
        rate, p50, p99 = wrk(base + path, seconds, connections)
        ceiling = ceiling or rate
        yield f"{page:22} {rate:9,.0f} {p50:8.1f} {p99:8.1f} {rate / ceiling:9.0%}"


def both_databases(folder: Path) -> list[tuple[str, AbstractContextManager[str]]]:
    """A fresh SQLite file in `folder`, and a throwaway PostgreSQL database."""
    return [("SQLite", _sqlite(folder)), ("PostgreSQL", postgres_database())]


@contextmanager
def _sqlite(folder: Path) -> Iterator[str]:
    yield f"sqlite:///{folder / 'bench.db'}"


if __name__ == "__main__":
    main()
