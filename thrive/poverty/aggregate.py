"""Count households by band for Luton, each ward and each household type, and the children in
bands D and E: the tables a model run publishes, before disclosure control."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from thrive.poverty.bands import BANDS, IN_POVERTY
from thrive.poverty.classify import Classification
from thrive.poverty.households import Households

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class BandCounts:
    """Counts for one year. Rows of `by_ward` follow the run's ward list, rows of `by_type` the
    line table's household types; columns are bands A to E."""

    year: int
    by_ward: IntArray
    by_type: IntArray
    children_in_poverty_by_ward: IntArray
    unclassified: int

    @property
    def luton(self) -> IntArray:
        total: IntArray = self.by_ward.sum(axis=0)
        return total

    @property
    def households(self) -> int:
        return int(self.by_ward.sum())


def count_bands(households: Households, result: Classification, wards: int, types: int) -> list[BandCounts]:
    counts = []
    for year in np.unique(households.year):
        in_year = (households.year == year) & result.classified
        band = result.band[in_year].astype(np.int64)
        poor = np.isin(band, [b.value for b in IN_POVERTY])
        counts.append(
            BandCounts(
                year=int(year),
                by_ward=_cross(households.ward[in_year], band, wards),
                by_type=_cross(result.household_type[in_year], band, types),
                children_in_poverty_by_ward=np.bincount(
                    households.ward[in_year][poor], weights=households.children[in_year][poor], minlength=wards
                ).astype(np.int64),
                unclassified=int(((households.year == year) & ~result.classified).sum()),
            )
        )
    return counts


def _cross(rows: IntArray, band: IntArray, size: int) -> IntArray:
    flat = np.bincount(rows * len(BANDS) + band, minlength=size * len(BANDS))
    return flat.reshape(size, len(BANDS)).astype(np.int64)
