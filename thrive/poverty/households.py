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
    """`tenure` uses the BandTenure codes (-1 missing); money is £ a year, NaN where not known."""

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

    def take(self, index: slice | npt.NDArray[np.int64] | npt.NDArray[np.bool_]) -> Households:
        return Households(**{name: getattr(self, name)[index] for name in self.__dataclass_fields__})


def household_types(households: Households, table: LineTable) -> IntArray:
    """Each household's MIS household type, as an index into `table.types`.

    Three or more adults make an 'other' household; a household is a pensioner household when
    every adult is of pension age and there are no children (the MIS pensioner types). One
    lookup in a small table of (adults, children, pensioner) does it for millions of rows.
    """
    adults = np.minimum(households.adults, 3)
    children = np.minimum(households.children, 3)
    pensioner = (households.pensioners == households.adults) & (children == 0)
    types: IntArray = _type_grid(table)[adults, children, pensioner.astype(np.int64)]
    return types


def _type_grid(table: LineTable) -> IntArray:
    index = table.type_index
    grid = np.full((4, 4, 2), index("other-multi-adult"), dtype=np.int64)
    single = ["single-working-age", "lone-parent-1-child", "lone-parent-2-children", "lone-parent-3-or-more-children"]
    couple = ["couple-working-age", "couple-1-child", "couple-2-children", "couple-3-or-more-children"]
    for children in range(4):
        grid[1, children, :] = index(single[children])
        grid[2, children, :] = index(couple[children])
    grid[1, 0, 1] = index("single-pensioner")
    grid[2, 0, 1] = index("couple-pensioner")
    return grid
