"""Put each household-year in band A to E, all at once (vectorised over millions of rows).

The rules, and what happens at the edges (DATA-NOTES.md, B7 and B8):
- income not known: not classified, and counted apart, never guessed;
- income of zero or less: band E ("no income or funds whatsoever", 002:3162);
- income left after housing costs, council tax and debt repayments at or below the destitution
  line (£0): band E ("outgoings significantly outweigh their income", 002:3175); a housing cost,
  council tax or debt not known counts as nothing, so nobody is put in E on a guessed cost;
- otherwise the band is set by comparing income with the A/B, FQOL and basic needs lines of
  the household's own composition and tenure for the year;
- tenure not known: the social-rent lines, the lowest, so poverty is never overstated by it.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from thrive.poverty.bands import LINES, TENURES, Band, BandTenure
from thrive.poverty.households import Households, IntArray, household_types
from thrive.poverty.lines import LineTable

BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class Classification:
    band: npt.NDArray[np.int8]
    household_type: IntArray
    tenure_assumed: BoolArray
    costs_unknown: BoolArray

    @property
    def classified(self) -> BoolArray:
        return self.band >= 0


CHUNK = 1 << 18
"""Rows per piece of work: small enough to stay in the processor's cache, large enough that
numpy's per-call cost does not matter. Pieces run on every core (numpy releases the GIL)."""


def classify(households: Households, table: LineTable) -> Classification:
    if len(households) and int(households.year.min()) < int(table.valid_from[0]):
        earliest = int(table.valid_from[0])
        raise LookupError(f"Some households are for years before {earliest}, the first year with band lines.")
    size = len(households)
    result = Classification(
        band=np.empty(size, dtype=np.int8),
        household_type=np.empty(size, dtype=np.int64),
        tenure_assumed=np.empty(size, dtype=bool),
        costs_unknown=np.empty(size, dtype=bool),
    )
    pieces = [slice(start, min(start + CHUNK, size)) for start in range(0, size, CHUNK)]
    if len(pieces) <= 1:
        for piece in pieces:
            _classify_piece(households, table, piece, result)
        return result
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(lambda piece: _classify_piece(households, table, piece, result), pieces))
    return result


def _classify_piece(households: Households, table: LineTable, piece: slice, out: Classification) -> None:
    part = households.take(piece)
    set_index = np.searchsorted(table.valid_from, part.year, side="right") - 1
    types = household_types(part, table)
    tenure_assumed = part.tenure < 0
    tenure = np.where(tenure_assumed, BandTenure.SOCIAL_RENT.value, part.tenure)
    scale = table.equivalence.of(part.adults, part.children_14_or_over, part.children_under_14)
    # Comparing income scaled to the reference composition with the reference lines is the same
    # as comparing income with lines scaled to the household, and scales one number, not four.
    reference = (set_index * len(table.types) + types) * len(TENURES) + tenure
    lines = table.reference_lines.reshape(-1, len(LINES))[reference]
    to_reference = table.reference_scales.reshape(-1)[set_index * len(table.types) + types] / scale
    scaled = part.net_income * to_reference
    costs = np.nan_to_num(part.housing_costs) + np.nan_to_num(part.council_tax) + np.nan_to_num(part.debt_repayments)
    left = (part.net_income - costs) * to_reference
    # The lines fall from A/B to basic needs, so the number of lines at or above the income is
    # the band: 0 is A, 3 is D. Destitution and unknown income override it.
    band = (scaled <= lines[:, 0]).astype(np.int8) + (scaled <= lines[:, 1]) + (scaled <= lines[:, 2])
    band[(part.net_income <= 0) | (left <= lines[:, 3])] = Band.E
    band[np.isnan(part.net_income)] = Band.UNCLASSIFIED
    out.band[piece] = band
    out.household_type[piece] = types
    out.tenure_assumed[piece] = tenure_assumed
    out.costs_unknown[piece] = np.isnan(part.housing_costs) | np.isnan(part.council_tax)
