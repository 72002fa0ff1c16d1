"""Band classification speed: 10,000,000 household-years through Thrive's vectorised classifier.

The baseline is a plain Python loop over the rows applying the same rules one household at a
time (the spreadsheet way, written as code). It runs on a sample in the same process and its
rate is compared with Thrive's; the sample's bands are checked against Thrive's first. The
households are SYNTHETIC: random compositions, tenures and incomes, no real records.

    python bench/poverty_speed.py [--households 10000000] [--sample 200000]
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np

from thrive.data.poverty_lines import load_line_table
from thrive.poverty.bands import Band, BandTenure
from thrive.poverty.classify import classify
from thrive.poverty.households import Households, household_types
from thrive.poverty.lines import LineTable

GOAL = 5_000_000


def synthetic(size: int, seed: int = 2040) -> Households:
    rng = np.random.default_rng(seed)
    adults = rng.integers(1, 4, size)
    return Households(
        household=np.arange(size, dtype=np.int64),
        year=rng.integers(2022, 2026, size),
        ward=rng.integers(0, 19, size),
        adults=adults,
        pensioners=np.where(rng.random(size) < 0.2, adults, 0),
        children_under_14=rng.integers(0, 3, size),
        children_14_or_over=rng.integers(0, 2, size),
        tenure=rng.integers(-1, 3, size).astype(np.int8),
        net_income=np.where(rng.random(size) < 0.01, np.nan, rng.gamma(2.0, 18000.0, size) - 2000),
        housing_costs=rng.uniform(0, 15000, size),
        council_tax=rng.uniform(1000, 2500, size),
        debt_repayments=np.where(rng.random(size) < 0.7, np.nan, rng.uniform(0, 5000, size)),
    )


def loop_classify(households: Households, table: LineTable) -> list[int]:
    """The same rules, one row at a time, in plain Python."""
    types = household_types(households, table).tolist()
    valid_from = table.valid_from.tolist()
    scale = table.equivalence
    bands: list[int] = []
    for i in range(len(households)):
        income = float(households.net_income[i])
        if math.isnan(income):  # income not known
            bands.append(Band.UNCLASSIFIED)
            continue
        year = int(households.year[i])
        set_index = max(k for k, start in enumerate(valid_from) if start <= year)
        tenure = int(households.tenure[i])
        tenure = BandTenure.SOCIAL_RENT.value if tenure < 0 else tenure
        own = (
            scale.first_adult
            + scale.other_person_14_or_over * (int(households.adults[i]) - 1 + int(households.children_14_or_over[i]))
            + scale.child_under_14 * int(households.children_under_14[i])
        )
        kind = types[i]
        factor = own / float(table.reference_scales[set_index, kind])
        a_b, fqol, basic, destitution = (float(v) * factor for v in table.reference_lines[set_index, kind, tenure])
        costs = 0.0
        for value in (households.housing_costs[i], households.council_tax[i], households.debt_repayments[i]):
            costs += 0.0 if math.isnan(value) else float(value)
        if income <= 0 or income - costs <= destitution:
            bands.append(Band.E)
        elif income <= basic:
            bands.append(Band.D)
        elif income <= fqol:
            bands.append(Band.C)
        elif income <= a_b:
            bands.append(Band.B)
        else:
            bands.append(Band.A)
    return bands


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=10_000_000)
    parser.add_argument("--sample", type=int, default=200_000)
    args = parser.parse_args()
    table = load_line_table()
    households = synthetic(args.households)
    sample = households.take(np.arange(min(args.sample, args.households)))

    start = time.perf_counter()
    looped = loop_classify(sample, table)
    loop_seconds = time.perf_counter() - start
    assert looped == classify(sample, table).band.tolist(), "the loop and the classifier disagree"

    classify(sample, table)  # warm up
    start = time.perf_counter()
    result = classify(households, table)
    seconds = time.perf_counter() - start

    rate = len(households) / seconds
    loop_rate = len(sample) / loop_seconds
    counts = np.bincount(result.band[result.classified], minlength=5)
    print(f"Households (SYNTHETIC): {len(households):,} household-years; bands A-E {counts.tolist()}")
    print(f"Thrive vectorised classifier: {seconds:.2f} s, {rate:,.0f} households per second")
    print(f"Plain Python loop ({len(sample):,}-row sample, same process): {loop_rate:,.0f} households per second")
    print(f"Ratio: {rate / loop_rate:.0f}x the loop. Goal: {GOAL:,} per second: {'met' if rate >= GOAL else 'NOT met'}")


if __name__ == "__main__":
    main()
