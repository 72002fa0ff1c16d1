"""Start-up: how soon `thrive serve` answers after it is started, on a database `thrive init` has made.

For each of a few starts of `thrive serve --workers 2`, the seconds from starting the process until:

- a static file answers (the baseline: the server itself is up, before any page reads the store);
- the home page answers, and a measure page (the public snapshot read and pages rendered);
- a Better Off calculation answers (PolicyEngine UK warmed in the background; before that the
  calculator says "starting, try again" rather than hold the page).

The goal (issue 17): public pages within 3 s of starting. Each figure is given as the median over
the starts and as a ratio to the static file's.

    python bench/start_speed.py [--starts 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
from web_speed import HOUSEHOLD, thrive

PORT = 8767
ASKED = {
    "static file (baseline)": ("GET", "/static/thrive-icon.svg"),
    "home page": ("GET", "/"),
    "measure page": ("GET", "/measures/destitution"),
    "Better Off calculation": ("POST", "/api/better-off/check"),
}


def one_start(database_url: str) -> dict[str, float]:
    """Seconds from starting the server until each of ASKED first answers 200 (polled every 20 ms)."""
    env = {**os.environ, "THRIVE_DATABASE_URL": database_url}
    started = time.perf_counter()
    process = subprocess.Popen(
        thrive("serve", "--port", str(PORT), "--workers", "2"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    answered: dict[str, float] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{PORT}", timeout=120) as client:
            for name, (method, path) in ASKED.items():
                while True:
                    try:
                        body = HOUSEHOLD if method == "POST" else None
                        if client.request(method, path, json=body).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.02)
                answered[name] = time.perf_counter() - started
    finally:
        process.terminate()
        process.wait(timeout=30)
    return answered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'start.db'}"
        subprocess.run(thrive("init"), env={**os.environ, "THRIVE_DATABASE_URL": url}, check=True, capture_output=True)
        runs = [one_start(url) for _ in range(args.starts)]
    baseline = statistics.median(r["static file (baseline)"] for r in runs)
    print(f"{'first answer after start':26} {'median s':>9} {'slowest s':>10} {'vs static':>10}")
    for name in ASKED:
        times = [r[name] for r in runs]
        median = statistics.median(times)
        print(f"{name:26} {median:9.2f} {max(times):10.2f} {median / baseline:9.1f}x")


if __name__ == "__main__":
    main()
