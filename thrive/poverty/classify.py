"""Put each household-year in band A to E, all at once (vectorised over millions of rows).

The rules, and what happens at the edges (DATA-NOTES.md, "Edge cases of the band model"):
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

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from thrive.poverty.bands import Band, Tenure
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


def classify(households: Households, table: LineTable) -> Classification:
    set_index = np.searchsorted(table.valid_from, households.year, side="right") - 1
    if np.any(set_index < 0):
        earliest = int(table.valid_from[0])
        raise LookupError(f"Some households are for years before {earliest}, the first year with band lines.")
    types = household_types(households, table)
    tenure_assumed = households.tenure < 0
    tenure = np.where(tenure_assumed, Tenure.SOCIAL_RENT.value, households.tenure).astype(np.int64)
    scale = table.equivalence.of(households.adults, households.children_14_or_over, households.children_under_14)
    factor = scale / table.reference_scales[set_index, types]
    lines = table.reference_lines[set_index, types, tenure]  # [household, line]
    income = households.net_income
    costs = np.nan_to_num(households.housing_costs) + np.nan_to_num(households.council_tax)
    left = income - costs - np.nan_to_num(households.debt_repayments)
    destitute = (income <= 0) | (left <= lines[:, 3] * factor)
    band = np.select(
        [
            np.isnan(income),
            destitute,
            income <= lines[:, 2] * factor,
            income <= lines[:, 1] * factor,
            income <= lines[:, 0] * factor,
        ],
        [Band.UNCLASSIFIED, Band.E, Band.D, Band.C, Band.B],
        default=Band.A,
    ).astype(np.int8)
    costs_unknown = np.isnan(households.housing_costs) | np.isnan(households.council_tax)
    return Classification(band, types, tenure_assumed, costs_unknown)
