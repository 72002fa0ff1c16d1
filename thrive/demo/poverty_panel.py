"""Made-up household panels with a known answer, to test the band model end to end.

Every row says synthetic. The generator decides each household's band first and then picks an
income well inside that band's lines, so the band counts, the unclassified count and the
persistence count are known without running the classifier. The shares in each year follow
the published April 2024 distribution (003:345-354), with A and B split evenly (they were only
published together); a cohort stays in band D or E every year so that persistence is visible.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from thrive.poverty.bands import BANDS, LINES, Band, BandTenure
from thrive.poverty.lines import LineTable

SHARES = {Band.A: 0.25, Band.B: 0.25, Band.C: 0.289, Band.D: 0.112, Band.E: 0.099}
PERSISTENT_COHORT = 0.05
MISSING_INCOME = 0.002
MISSING_TENURE = 0.01


@dataclass(frozen=True)
class KnownAnswer:
    years: tuple[int, ...]
    bands: dict[int, dict[str, int]]
    by_ward: dict[int, dict[str, dict[str, int]]]
    unclassified: dict[int, int]
    persistent: int
    households: int

    def to_dict(self) -> dict[str, object]:
        return {
            "synthetic": True,
            "households": self.households,
            "years": list(self.years),
            "bands": {str(year): counts for year, counts in self.bands.items()},
            "by_ward": {str(year): wards for year, wards in self.by_ward.items()},
            "unclassified": {str(year): count for year, count in self.unclassified.items()},
            "persistent": self.persistent,
        }


def synthetic_panel(
    table: LineTable, areas: list[tuple[str, str]], households: int, years: tuple[int, ...], seed: int
) -> tuple[pd.DataFrame, KnownAnswer]:
    """`areas` pairs each area code written in the file with its ward."""
    rng = np.random.default_rng(seed)
    types = table.types
    kinds = rng.integers(0, len(types), households)
    tenure = rng.integers(0, 3, households)
    tenure_missing = rng.random(households) < MISSING_TENURE
    place = rng.integers(0, len(areas), households)
    cohort = rng.random(households) < PERSISTENT_COHORT
    bands = np.stack([_bands_for_year(rng, households, cohort) for _ in years])  # [year, household]
    missing_income = rng.random((len(years), households)) < MISSING_INCOME
    rows = []
    for y, year in enumerate(years):
        set_index = int(np.searchsorted(table.valid_from, year, side="right")) - 1
        lines_tenure = np.where(tenure_missing, BandTenure.SOCIAL_RENT.value, tenure)
        lines = table.reference_lines[set_index, kinds, lines_tenure]  # standard compositions: factor 1
        income, housing, council_tax = _money(rng, bands[y], lines)
        income = np.where(missing_income[y], np.nan, income)
        rows.append(
            pd.DataFrame(
                {
                    "household_id": [f"SYN-{number:07d}" for number in range(1, households + 1)],
                    "year": year,
                    "area": [areas[index][0] for index in place],
                    "adult_ages": [_adult_ages(types[kind].adults, types[kind].pensioners) for kind in kinds],
                    "child_ages": [";".join(str(age) for age in types[kind].child_ages) for kind in kinds],
                    "tenure": np.where(tenure_missing, "", [BandTenure(t).word for t in tenure]),
                    "net_income": [_pounds(value) for value in income],
                    "housing_costs": [_pounds(value) for value in housing],
                    "council_tax": [_pounds(value) for value in council_tax],
                    "debt_repayments": "",
                    "synthetic": "yes",
                }
            )
        )
    frame = pd.concat(rows, ignore_index=True)
    return frame, _known_answer(years, bands, missing_income, [areas[index][1] for index in place])


def _bands_for_year(rng: np.random.Generator, households: int, cohort: np.ndarray) -> np.ndarray:
    """Exactly the target share of each band (largest remainders), the cohort in D or E."""
    wanted = np.array([SHARES[band] for band in BANDS]) * households
    counts = np.floor(wanted).astype(int)
    counts[np.argsort(counts - wanted)[: households - counts.sum()]] += 1
    slots = np.repeat(np.arange(len(BANDS)), counts)
    poor_slots, other_slots = slots[slots >= Band.D], slots[slots < Band.D]
    rng.shuffle(poor_slots)
    members = np.flatnonzero(cohort)[: poor_slots.size]
    rest = np.setdiff1d(np.arange(households), members)
    remaining = np.concatenate([poor_slots[members.size :], other_slots])
    rng.shuffle(remaining)
    bands = np.empty(households, dtype=int)
    bands[members] = poor_slots[: members.size]
    bands[rest] = remaining
    return bands


def _money(rng: np.random.Generator, bands: np.ndarray, lines: np.ndarray) -> tuple[np.ndarray, ...]:
    """Income in the middle part of the band's range; costs that leave money over, except in E."""
    a_b, fqol, basic = (lines[:, LINES.index(name)] for name in ("a_b", "fqol", "basic_needs"))
    low = np.select(
        [bands == Band.A, bands == Band.B, bands == Band.C, bands == Band.D], [a_b, fqol, basic, basic / 2], 0
    )
    high = np.select(
        [bands == Band.A, bands == Band.B, bands == Band.C, bands == Band.D], [a_b * 1.6, a_b, fqol, basic], 0
    )
    income = low + (high - low) * rng.uniform(0.2, 0.8, bands.size)
    housing = income * rng.uniform(0.15, 0.35, bands.size)
    council_tax = np.round(np.minimum(rng.uniform(1200, 2400, bands.size), income * 0.2))
    destitute = bands == Band.E
    no_income = destitute & (rng.random(bands.size) < 0.2)
    income = np.where(destitute, np.where(no_income, 0, rng.uniform(3000, 9000, bands.size)), income)
    housing = np.where(destitute & ~no_income, income + rng.uniform(500, 4000, bands.size), housing)
    return np.round(income), np.round(housing), council_tax


def _adult_ages(adults: int, pensioners: int) -> str:
    ages = [70] * pensioners + [38] * (adults - pensioners)
    return ";".join(str(age) for age in ages)


def _pounds(value: float) -> str:
    return "" if np.isnan(value) else str(int(value))


def _known_answer(
    years: tuple[int, ...], bands: np.ndarray, missing_income: np.ndarray, wards: list[str]
) -> KnownAnswer:
    """Counted row by row in plain Python, apart from the vectorised model it checks."""
    totals: dict[int, dict[str, int]] = {}
    by_ward: dict[int, dict[str, dict[str, int]]] = {}
    unclassified: dict[int, int] = {}
    for y, year in enumerate(years):
        totals[year] = {band.name: 0 for band in BANDS}
        by_ward[year] = {}
        unclassified[year] = 0
        for household, band in enumerate(bands[y]):
            if missing_income[y, household]:
                unclassified[year] += 1
                continue
            name = Band(int(band)).name
            totals[year][name] += 1
            ward = by_ward[year].setdefault(wards[household], {b.name: 0 for b in BANDS})
            ward[name] += 1
    persistent = 0
    for household in range(bands.shape[1]):
        run = longest = 0
        for y in range(len(years)):
            poor = not missing_income[y, household] and bands[y, household] >= Band.D
            run = run + 1 if poor else 0
            longest = max(longest, run)
        persistent += longest > 2  # more than two years (003:341)
    return KnownAnswer(years, totals, by_ward, unclassified, persistent, bands.shape[1])
