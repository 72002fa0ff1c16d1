"""Scale: the public site with a million published figures across every English authority.

On a fresh SQLite file and a throwaway PostgreSQL database, each in turn: `thrive init` (the shipped
Road Map and official data), then one import of SYNTHETIC figures (random values, labelled as such
in their source) on every Road Map series for every area the store holds, over as many years as it
takes to pass `--rows`. Then `thrive serve --workers 2`, and:

- the public snapshot, in this process: read whole (the baseline: what the first request after a
  publication cost when every publication meant reading everything) against brought up to date
  after one figure is published;
- the first request after a publish: one figure is imported (which publishes it and makes the
  assessment run in the same transaction), and the next requests for the home page and a measure
  page are timed, eight at once so both workers answer; the slowest is reported;
- requests per second and p99 of those pages under wrk, against a static file from the same server
  (the ceiling), as bench/web_speed.py measures them, and of the measure page asked for as browsers
  ask (gzip);
- the size of the measure page;
- the full download, /downloads/observations.csv: the first request (which makes the file every
  worker then shares) and the next ones (sent from that file), in MB/s.

Goals on this 2-core machine: the first request under 1 s; p99 under 100 ms at 500 requests/s or
more; a measure page under 500 KB.

    python bench/scale.py [--rows 1000000] [--seconds 10] [--connections 32]
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np
import pandas as pd
from web_speed import both_databases, server, thrive, warm_pages, wrk, wrk_rows

from thrive.store.database import make_engine, read_connection
from thrive.store.framework_store import read_roadmap
from thrive.web.site import Site

PAGES = {
    "static file (ceiling)": "/static/thrive-icon.svg",
    "home page": "/",
    "measure page": "/measures/weekly-wages",
}
DOWNLOAD = "/downloads/observations.csv"
BROWSER = "Accept-Encoding: gzip, deflate, br"
"""What Chromium and Firefox send; wrk sends no Accept-Encoding unless told."""
AUTHORITY = ("E06", "E07", "E08", "E09", "E10", "E92")
"""Unitary, district, metropolitan, London and county codes, and England."""


def synthetic_figures(database_url: str, rows: int, path: Path) -> int:
    """A template file of SYNTHETIC figures, one per (series, area, year), for every Road Map series
    and every authority the store holds, from 1950 on for as many years as `rows` needs."""
    engine = make_engine(database_url)
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
    engine.dispose()
    series = [(m.id, s.id) for m in roadmap.measures for s in m.series]
    areas = [a.code for a in roadmap.areas if a.code.startswith(AUTHORITY)]
    years = math.ceil(rows / (len(series) * len(areas)))
    if 1950 + years > 2025:
        raise SystemExit(f"{rows:,} rows need {years} years per series and area; at most 75 fit.")
    keys = pd.MultiIndex.from_product(
        [range(len(series)), areas, range(1950, 1950 + years)], names=["pick", "area", "period"]
    ).to_frame(index=False)
    rng = np.random.default_rng(2040)
    frame = pd.DataFrame(
        {
            "measure": np.array([m for m, _ in series], dtype=object)[keys["pick"]],
            "series": np.array([s for _, s in series], dtype=object)[keys["pick"]],
            "area": keys["area"],
            "period": keys["period"].astype(str),
            "value": np.round(rng.uniform(0.01, 0.99, len(keys)), 3),
            "source": "SYNTHETIC figures for the scale benchmark",
        }
    )
    frame.to_csv(path, index=False)
    return len(frame)


def run_thrive(database_url: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        thrive(*args), env={**os.environ, "THRIVE_DATABASE_URL": database_url}, check=True, capture_output=True
    )
    return time.perf_counter() - started


def publish_one(database_url: str, folder: Path, value: float) -> None:
    """Import (and so publish, with its assessment run) one SYNTHETIC figure."""
    one = folder / "one.csv"
    one.write_text(
        f"measure,area,period,value,source\nweekly-wages,E06000032,1950,{value},SYNTHETIC one figure to publish\n"
    )
    run_thrive(database_url, "import", str(one), "--reason", "Scale benchmark: a publication")


def snapshot_refresh(database_url: str, folder: Path) -> tuple[float, float]:
    """Seconds to read the public snapshot whole (what every request after a publication once paid),
    and to bring it up to date after one figure is published (what it pays now)."""
    engine = make_engine(database_url)
    site = Site(engine)
    started = time.perf_counter()
    site.public()
    whole = time.perf_counter() - started
    publish_one(database_url, folder, 0.25)
    started = time.perf_counter()
    site.public()
    refreshed = time.perf_counter() - started
    engine.dispose()
    return whole, refreshed


def first_requests(base: str, database_url: str, folder: Path) -> dict[str, float]:
    """Publish one figure, then time the first requests for each page: eight at once, so both workers
    answer (each brings its snapshot up to date), and the slowest is what a visitor may wait. Then
    warm both workers again, so the wrk runs that follow time the site, not the publication."""
    publish_one(database_url, folder, 0.5)
    slowest: dict[str, float] = {}

    def timed(path: str) -> float:
        started = time.perf_counter()
        assert httpx.get(base + path, timeout=600).status_code == 200
        return time.perf_counter() - started

    with ThreadPoolExecutor(8) as pool:
        for page in ("home page", "measure page"):
            slowest[page] = max(pool.map(timed, [PAGES[page]] * 8))
    warm_pages(base, list(PAGES.values()))
    return slowest


def download_speed(base: str) -> tuple[float, float, float]:
    """Megabytes, the first request's MB/s, and the best of the next five."""
    with httpx.Client(base_url=base, timeout=600) as client:
        timings = []
        size = 0
        for _ in range(6):
            started = time.perf_counter()
            response = client.get(DOWNLOAD)
            timings.append(time.perf_counter() - started)
            size = len(response.content)
    megabytes = size / 1024**2
    return megabytes, megabytes / timings[0], megabytes / min(timings[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", choices=["SQLite", "PostgreSQL"], help="Run on one database only.")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run `make system-deps`.")
    folder = Path(tempfile.mkdtemp())
    for label, database in both_databases(folder):
        if args.only not in (None, label):
            continue
        with database as url:
            init = run_thrive(url, "init")
            template = folder / "synthetic.csv"
            made = synthetic_figures(url, args.rows, template)
            loaded = run_thrive(url, "import", str(template), "--reason", "SYNTHETIC scale benchmark figures")
            print(
                f"\n{label}: thrive init {init:.0f} s; {made:,} SYNTHETIC published figures imported in {loaded:.0f} s"
            )
            whole, refreshed = snapshot_refresh(url, folder)
            print(
                f"  public snapshot: read whole {whole * 1000:,.0f} ms; brought up to date after a publication "
                f"{refreshed * 1000:,.0f} ms ({whole / refreshed:,.0f}x faster)"
            )
            with server(url, 8766, initialise=False, warm=PAGES.values()) as base:
                size = len(httpx.get(base + PAGES["measure page"], timeout=600).content)
                print(f"  measure page: {size / 1024:,.0f} KB")
                for page, seconds in first_requests(base, url, folder).items():
                    print(f"  first request for the {page} after a publish: {seconds * 1000:,.0f} ms")
                print(f"  {'page':22} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs static':>10}")
                for row in wrk_rows(base, PAGES, args.seconds, args.connections):
                    print(f"  {row}")
                rate, p50, p99 = wrk(base + PAGES["measure page"], args.seconds, args.connections, BROWSER)
                print(f"  {'measure page, gzip':22} {rate:9,.0f} {p50:8.1f} {p99:8.1f}   (as browsers ask for it)")
                megabytes, first, kept = download_speed(base)
                print(
                    f"  {DOWNLOAD}: {megabytes:,.1f} MB; first request {first:,.1f} MB/s, "
                    f"then {kept:,.0f} MB/s ({kept / first:,.0f}x)"
                )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
