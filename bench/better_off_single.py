"""Better Off, one household: form submission to result, with the app warm.

Serves the real app (uvicorn on loopback, a fresh SQLite database) and posts the answers of one
household to /better-off/results, as the check-your-answers page does, many times; prints p50 and
p95. The baseline, measured in the same run, is the naive approach: a new
`policyengine_uk.Simulation(situation=…)` for the household, computing the same benefits.
The goal on this 2-core machine: p95 under 150 ms.

    python bench/better_off_single.py [--requests 200] [--naive 3]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from thrive.benefits.engine import BENUNIT_VARIABLES, HOUSEHOLD_VARIABLES, WHEN_NEEDED
from thrive.store.database import make_engine
from thrive.store.migrate import upgrade
from thrive.web import better_off
from thrive.web.app import create_app

ANSWERS = {
    "a_year": "2025-26",
    "a_age": "31",
    "a_partner": "yes",
    "a_partner_age": "29",
    "a_public_funds": "no",
    "a_children": "1, 6",
    "a_children_highest": "",
    "a_children_other": "",
    "a_work": "employed",
    "a_earnings": "1100",
    "a_hours": "22",
    "a_disability": "no",
    "a_work_capability": "not_assessed",
    "a_care_hours": "",
    "a_student": "no",
    "a_partner_work": "no",
    "a_partner_disability": "pip",
    "a_partner_pip_daily_living": "STANDARD",
    "a_partner_pip_mobility": "NONE",
    "a_partner_work_capability": "waiting",
    "a_partner_care_hours": "",
    "a_partner_student": "no",
    "a_pregnant": "no",
    "a_childcare": "250",
    "a_tenure": "RENT_PRIVATELY",
    "a_rent": "900",
    "a_bedrooms": "2",
    "a_others": "",
    "a_council_tax": "1650",
    "a_savings": "500",
    "a_receiving_child_benefit": "187.63",
}
"""A synthetic couple with two children renting privately in Luton, answering the extra questions:
the partner on PIP and waiting for a work capability decision (so one more household is worked out
for the "if you are found to have LCWRA" sentence), and childcare."""

SITUATION_YEAR = "2025"
NAIVE_SITUATION: dict[str, Any] = {
    "people": {
        "you": {"age": {SITUATION_YEAR: 31}, "employment_income": {SITUATION_YEAR: 13200},
                "hours_worked": {SITUATION_YEAR: 22 * 52}, "childcare_expenses": {SITUATION_YEAR: 3000}},
        "partner": {"age": {SITUATION_YEAR: 29}, "pip_dl_category": {SITUATION_YEAR: "STANDARD"}},
        "child1": {"age": {SITUATION_YEAR: 1}},
        "child2": {"age": {SITUATION_YEAR: 6}},
    },
    "benunits": {"family": {"members": ["you", "partner", "child1", "child2"]}},
    "households": {
        "home": {
            "members": ["you", "partner", "child1", "child2"],
            "rent": {SITUATION_YEAR: 10800},
            "council_tax": {SITUATION_YEAR: 1650},
            "savings": {SITUATION_YEAR: 500},
            "tenure_type": {SITUATION_YEAR: "RENT_PRIVATELY"},
            "region": {SITUATION_YEAR: "EAST_OF_ENGLAND"},
            "local_authority": {SITUATION_YEAR: "LUTON"},
            "brma": {SITUATION_YEAR: "LUTON"},
        }
    },
}  # fmt: skip


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def naive_seconds(runs: int) -> list[float]:
    from policyengine_uk import Simulation  # type: ignore[import-untyped]  # noqa: PLC0415 (baseline only)

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        simulation = Simulation(situation=NAIVE_SITUATION)
        for name in [*BENUNIT_VARIABLES, *HOUSEHOLD_VARIABLES, *WHEN_NEEDED]:
            simulation.calculate(name, SITUATION_YEAR)
        times.append(time.perf_counter() - start)
    return times


def served_seconds(requests: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="better-off-bench-"))
    url = f"sqlite:///{folder / 'thrive.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    app = create_app(url)
    better_off.calculator()  # warm, as `thrive serve` does at start-up
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    times = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for index in range(requests + 10):
                start = time.perf_counter()
                response = client.post("/better-off/results", data=ANSWERS)
                elapsed = time.perf_counter() - start
                response.raise_for_status()
                if index >= 10:  # the first few fill the year's caches
                    times.append(elapsed)
    finally:
        server.should_exit = True
        thread.join(30)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--naive", type=int, default=3, help="naive simulations to time (each takes seconds)")
    args = parser.parse_args()
    ours = served_seconds(args.requests)
    naive = naive_seconds(args.naive)
    p50, p95 = statistics.median(ours), percentile(ours, 0.95)
    naive_p50 = statistics.median(naive)
    print(f"Better Off, one household, form submission to result ({args.requests} requests, app warm):")
    print(f"  p50 {p50 * 1000:.1f} ms   p95 {p95 * 1000:.1f} ms   (goal: p95 under 150 ms)")
    print(f"  naive new Simulation(situation=…) per household: p50 {naive_p50:.2f} s ({args.naive} runs)")
    print(f"  ratio (naive p50 / ours p50): {naive_p50 / p50:.0f}x; at p95: {percentile(naive, 0.95) / p95:.0f}x")


if __name__ == "__main__":
    main()
