"""Better Off batch targeting: 100,000 SYNTHETIC households on 2 cores.

Generates the synthetic caseload (thrive.demo.caseload), checks it as the command does,
then runs it on 2 local worker processes (each loads PolicyEngine UK itself, and that start-up is
counted). The baseline, measured in the same run on a few households, is the naive loop: a new
`policyengine_uk.Simulation(situation=…)` for each household, computing the same benefits.
The goal on this 2-core machine: at least 1,000 households per second.

    python bench/better_off_batch.py [--households 100000] [--workers 2] [--naive 3]
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np
import pandas as pd

from thrive.benefits.batch import run_batch
from thrive.benefits.engine import BENUNIT_VARIABLES, HOUSEHOLD_VARIABLES, WHEN_NEEDED
from thrive.benefits.tax_year import TaxYear
from thrive.data.caseload import check_caseload
from thrive.data.dataset import luton_wards
from thrive.demo.caseload import synthetic_caseload

YEAR = TaxYear(2025)


def situation(row: dict[Any, Any]) -> dict[str, Any]:
    """One caseload row as a PolicyEngine situation, as the naive approach would write it."""
    period = YEAR.policyengine_period
    people: dict[str, Any] = {
        "adult1": {
            "age": {period: row["age_1"]},
            "employment_income": {period: row["earnings_1"]},
            "state_pension": {period: row["pension_1"]},
        }
    }
    if not np.isnan(row["age_2"]):
        people["adult2"] = {"age": {period: row["age_2"]}, "state_pension": {period: row["pension_2"]}}
    for i, age in enumerate(a for a in row["children_ages"].split(";") if a):
        people[f"child{i}"] = {"age": {period: int(age)}}
    members = list(people)
    return {
        "people": people,
        "benunits": {"family": {"members": members}},
        "households": {
            "home": {
                "members": members,
                "rent": {period: row["rent_month"] * 12},
                "council_tax": {period: row["council_tax_year"]},
                "tenure_type": {period: row["tenure"]},
                "region": {period: "EAST_OF_ENGLAND"},
                "local_authority": {period: "LUTON"},
                "brma": {period: "LUTON"},
            }
        },
    }


def naive_rate(frame: pd.DataFrame, runs: int) -> float:
    from policyengine_uk import Simulation  # type: ignore[import-untyped]  # noqa: PLC0415 (baseline only)

    start = time.perf_counter()
    for row in frame.head(runs).to_dict(orient="records"):
        simulation = Simulation(situation=situation(row))
        for name in [*BENUNIT_VARIABLES, *HOUSEHOLD_VARIABLES, *WHEN_NEEDED]:
            simulation.calculate(name, YEAR.policyengine_period)
    return runs / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--naive", type=int, default=3, help="households for the naive loop (seconds each)")
    args = parser.parse_args()
    raw = synthetic_caseload(args.households).astype(str).replace("nan", "")
    start = time.perf_counter()
    frame = check_caseload(raw, "synthetic.csv", set(luton_wards()))
    checked = time.perf_counter()
    result = run_batch(frame, YEAR, workers=args.workers)
    done = time.perf_counter()
    rate = args.households / (done - start)
    naive = naive_rate(frame, args.naive)
    print(f"Better Off batch: {args.households:,} SYNTHETIC households, {args.workers} worker processes, {YEAR.label}")
    print(
        f"  checking the extract {checked - start:.1f} s; "
        f"calculating {done - checked:.1f} s (including each worker loading PolicyEngine)"
    )
    print(f"  {rate:,.0f} households per second end to end (goal: at least 1,000)")
    print(f"  naive new Simulation(situation=…) per household: {naive:.2f} households per second ({args.naive} runs)")
    print(f"  ratio: {rate / naive:,.0f}x")
    print(
        f"  found {int(result.counts.sum()):,} unclaimed entitlements "
        f"worth £{result.amounts.sum():,.0f} a year (synthetic)"
    )


if __name__ == "__main__":
    main()
