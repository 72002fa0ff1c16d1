"""Batch take-up targeting: which households in a caseload are likely entitled to a benefit they do not claim.

Each row is read into a `Household`, each partner their own person, and worked out by the same
column builder as a single household. The caseload is cut into chunks; each chunk is one
PolicyEngine simulation holding thousands of households, worked out in a separate process (local
processes by default, or Dask distributed workers given a scheduler address), each process loading
PolicyEngine UK once. Only small per-chunk arrays travel back. Counts and amounts are then put
through disclosure control.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from thrive.benefits.amounts import work_out
from thrive.benefits.engine import columns, policyengine
from thrive.benefits.household import (
    Adult,
    Benefit,
    ClaimTenure,
    Disability,
    DlaCareRate,
    Household,
    LowerOrHigher,
    PipRate,
    WorkCapability,
)
from thrive.benefits.local_rules import LocalRules
from thrive.benefits.tax_year import TaxYear
from thrive.poverty.disclosure import DisclosureRules, ProtectedTable, protect_table

CHUNK = 5000
"""Households per simulation: large enough that PolicyEngine's fixed cost per variable is spread
thin, small enough to keep a worker's memory modest and the progress bar moving."""
BENEFITS = list(Benefit)


def _adult(row: dict[Hashable, Any], person: int) -> Adult:
    def rate(name: str) -> str:
        return str(row[f"{name}_{person}"])

    return Adult(
        age=int(row[f"age_{person}"]),
        earnings_per_year=float(row[f"earnings_{person}"]),
        hours_per_week=float(row[f"hours_{person}"]),
        pension_per_year=float(row[f"pension_{person}"]),
        care_hours_per_week=float(row[f"care_hours_{person}"]),
        disability=Disability(
            pip_daily_living=PipRate(rate("pip_daily_living")),
            pip_mobility=PipRate(rate("pip_mobility")),
            dla_care=DlaCareRate(rate("dla_care")),
            dla_mobility=LowerOrHigher(rate("dla_mobility")),
            attendance_allowance=LowerOrHigher(rate("attendance_allowance")),
        ),
        work_capability=WorkCapability(rate("work_capability")),
    )


def caseload_households(frame: pd.DataFrame) -> list[Household]:
    """The caseload's rows (as `read_caseload` types them) as households, each partner their own person."""
    return [
        Household(
            adults=tuple(_adult(row, person) for person in (1, 2) if person == 1 or not np.isnan(row["age_2"])),
            children_ages=tuple(int(a) for a in str(row["children_ages"]).split(";") if a.strip()),
            tenure=ClaimTenure(row["tenure"]),
            rent_per_month=float(row["rent_month"]),
            council_tax_per_year=float(row["council_tax_year"]),
            savings=float(row["savings"]),
        )
        for row in frame.to_dict(orient="records")
    ]


@dataclass(frozen=True)
class ChunkResult:
    """Per household of one chunk: its ward, and a year's entitlement it does not claim, per benefit."""

    refs: np.ndarray
    wards: np.ndarray
    unclaimed: np.ndarray
    """households × benefits, £ a year; zero where it claims the benefit or is not entitled."""


def assess_chunk(frame: pd.DataFrame, year_start: int, at_least: float) -> ChunkResult:
    """Work out one chunk (runs in a worker process, which keeps PolicyEngine loaded between chunks)."""
    year = TaxYear(year_start)
    frame = frame.reset_index(drop=True)
    data = columns(caseload_households(frame))
    amounts = work_out(policyengine().calculate_columns(data, year), data, LocalRules.shipped(year))
    entitled = np.column_stack([amounts.per_year[b] for b in BENEFITS])
    claims = np.column_stack([frame[f"receives_{b.value}"].to_numpy(dtype=float) > 0 for b in BENEFITS])
    unclaimed = np.where(~claims & (entitled >= at_least), entitled, 0.0)
    return ChunkResult(frame["household_ref"].to_numpy(), frame["ward_code"].to_numpy(), unclaimed)


@dataclass(frozen=True)
class BatchResult:
    year: TaxYear
    households: int
    wards: list[str]
    counts: np.ndarray
    """wards × benefits: households likely entitled to the benefit and not claiming it."""
    amounts: np.ndarray
    """wards × benefits: their estimated unclaimed income, £ a year."""
    targets: pd.DataFrame
    """One row per household with anything unclaimed: reference, ward and £ a year per benefit.
    Personal data for the council's own take-up work: never published."""

    def protected(self, rules: DisclosureRules) -> ProtectedOutput:
        table = protect_table(self.counts, rules)
        return ProtectedOutput(self, table, _amounts(self.amounts, table))


@dataclass(frozen=True)
class ProtectedOutput:
    """What may be published: counts after disclosure control, and amounts hidden wherever their count is."""

    result: BatchResult
    counts: ProtectedTable
    amounts: ProtectedAmounts


@dataclass(frozen=True)
class ProtectedAmounts:
    cells: np.ndarray
    by_ward: np.ndarray
    by_benefit: np.ndarray
    total: float


def _amounts(amounts: np.ndarray, table: ProtectedTable) -> ProtectedAmounts:
    """Money follows its count: hidden wherever the count is hidden, else rounded to the nearest £100."""

    def shown(values: np.ndarray, hidden: np.ndarray) -> np.ndarray:
        return np.where(hidden, np.nan, np.round(values / 100) * 100)

    return ProtectedAmounts(
        cells=shown(amounts, table.suppressed),
        by_ward=shown(amounts.sum(axis=1), table.row_totals_suppressed),
        by_benefit=shown(amounts.sum(axis=0), table.column_totals_suppressed),
        total=float(shown(np.asarray(amounts.sum()), np.asarray(table.total_suppressed))),
    )


def chunks(frame: pd.DataFrame, size: int = CHUNK) -> Iterator[pd.DataFrame]:
    for start in range(0, len(frame), size):
        yield frame.iloc[start : start + size]


def run_batch(
    frame: pd.DataFrame,
    year: TaxYear,
    *,
    workers: int = 2,
    scheduler: str | None = None,
    at_least: float = 52.0,
    chunk_size: int = CHUNK,
    progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Run the caseload on local processes, or on the Dask cluster at `scheduler`; `progress` is told
    how many households each finished chunk held. `at_least` (£ a year, default £1 a week) is the
    smallest entitlement worth a letter."""
    parts = list(chunks(frame, chunk_size))
    results = list(
        _dask(parts, year, at_least, scheduler, progress)
        if scheduler
        else _local(parts, year, at_least, workers, progress)
    )
    return _combine(results, year, len(frame))


def _local(
    parts: list[pd.DataFrame], year: TaxYear, at_least: float, workers: int, progress: Callable[[int], None] | None
) -> Iterator[ChunkResult]:
    if workers <= 1:
        for part in parts:
            yield assess_chunk(part, year.start_year, at_least)
            if progress:
                progress(len(part))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: dict[Future[ChunkResult], int] = {
            pool.submit(assess_chunk, part, year.start_year, at_least): len(part) for part in parts
        }
        for future in as_completed(futures):
            yield future.result()
            if progress:
                progress(futures[future])


def _dask(
    parts: list[pd.DataFrame],
    year: TaxYear,
    at_least: float,
    scheduler: str | None,
    progress: Callable[[int], None] | None,
) -> Iterator[ChunkResult]:
    from distributed import Client, as_completed  # noqa: PLC0415 (only with a cluster)

    with Client(scheduler) as client:  # type: ignore[no-untyped-call]
        sizes: dict[str, int] = {}
        futures: list[Any] = []
        for part in parts:
            future = client.submit(assess_chunk, part, year.start_year, at_least, pure=False)
            sizes[future.key] = len(part)
            futures.append(future)
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            yield future.result()
            if progress:
                progress(sizes[future.key])


def _combine(results: list[ChunkResult], year: TaxYear, households: int) -> BatchResult:
    wards = np.concatenate([r.wards for r in results]) if results else np.array([], dtype=str)
    unclaimed = np.vstack([r.unclaimed for r in results]) if results else np.zeros((0, len(BENEFITS)))
    refs = np.concatenate([r.refs for r in results]) if results else np.array([], dtype=str)
    names, index = np.unique(wards, return_inverse=True)
    counts = np.zeros((len(names), len(BENEFITS)), dtype=np.int64)
    amounts = np.zeros((len(names), len(BENEFITS)))
    np.add.at(counts, index, (unclaimed > 0).astype(np.int64))
    np.add.at(amounts, index, unclaimed)
    anything = unclaimed.sum(axis=1) > 0
    targets = pd.DataFrame(unclaimed[anything], columns=[b.value for b in BENEFITS])
    targets.insert(0, "ward_code", wards[anything])
    targets.insert(0, "household_ref", refs[anything])
    return BatchResult(year, households, [str(w) for w in names], counts, amounts, targets)
