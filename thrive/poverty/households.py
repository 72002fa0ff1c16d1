"""Household records as arrays, the shape the classifier works on (one element per household-year).

Records hold no names or addresses: a pseudonymous id, the year, the area and the money. The
arrays are what the model needs; the id only links a household's years for persistence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from thrive.poverty.lines import LineTable

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
SmallArray = npt.NDArray[np.int8]


@dataclass(frozen=True)
class Households:
    """`tenure` uses the Tenure codes (-1 missing); money is £ a year, NaN where not known."""

    household: IntArray  # the pseudonymous id, as a number local to this run
    year: IntArray
    ward: IntArray  # index into the run's ward list
    adults: IntArray
    pensioners: IntArray
    children_under_14: IntArray
    children_14_or_over: IntArray
    tenure: SmallArray
    net_income: FloatArray
    housing_costs: FloatArray
    council_tax: FloatArray
    debt_repayments: FloatArray

    def __len__(self) -> int:
        return int(self.year.size)

    @property
    def children(self) -> IntArray:
        return self.children_under_14 + self.children_14_or_over

    def take(self, index: npt.NDArray[np.int64] | npt.NDArray[np.bool_]) -> Households:
        return Households(**{name: getattr(self, name)[index] for name in self.__dataclass_fields__})


def household_types(households: Households, table: LineTable) -> IntArray:
    """Each household's MIS household type, as an index into `table.types`.

    Three or more adults make an 'other' household; a household is a pensioner household when
    every adult is of pension age and there are no children (the MIS pensioner types).
    """
    index = table.type_index
    adults, children = households.adults, households.children
    pensioner = (households.pensioners == adults) & (children == 0)
    conditions = [
        adults >= 3,
        (adults == 1) & pensioner,
        (adults == 2) & pensioner,
        (adults == 1) & (children == 0),
        (adults == 2) & (children == 0),
        (adults == 1) & (children == 1),
        (adults == 1) & (children == 2),
        (adults == 1) & (children >= 3),
        (adults == 2) & (children == 1),
        (adults == 2) & (children == 2),
        (adults == 2) & (children >= 3),
    ]
    choices = [
        index("other-multi-adult"),
        index("single-pensioner"),
        index("couple-pensioner"),
        index("single-working-age"),
        index("couple-working-age"),
        index("lone-parent-1-child"),
        index("lone-parent-2-children"),
        index("lone-parent-3-or-more-children"),
        index("couple-1-child"),
        index("couple-2-children"),
        index("couple-3-or-more-children"),
    ]
    return np.select(conditions, choices, default=index("other-multi-adult")).astype(np.int64)
