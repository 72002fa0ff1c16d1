"""How long households stay in poverty, and how they move between bands from year to year.

The 2040 ambition is that no one "lives in poverty for longer than 2 years" (003:341), so the
count is of households with three or more consecutive yearly records in band D or E. Years are
consecutive only when no year is missing between them: a gap in the records breaks the run,
because we cannot say where the household was in the missing year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from thrive.poverty.bands import BANDS, IN_POVERTY
from thrive.poverty.classify import Classification
from thrive.poverty.households import Households

IntArray = npt.NDArray[np.int64]
LONGEST_ACCEPTABLE_YEARS = 2
"""'No one ... lives in poverty for longer than 2 years' (003:341)."""


@dataclass(frozen=True)
class Persistence:
    households_followed: int
    persistent: int
    """Households in D or E for more than two consecutive years."""
    first_year: int
    last_year: int


@dataclass(frozen=True)
class Transitions:
    """Households in band `row` in `year` and band `column` the year after."""

    year: int
    counts: IntArray


def persistence(households: Households, result: Classification) -> Persistence:
    keep = result.classified
    ids, years = households.household[keep], households.year[keep]
    poor = np.isin(result.band[keep], [b.value for b in IN_POVERTY])
    order = np.lexsort((years, ids))
    ids, years, poor = ids[order], years[order], poor[order]
    continues = np.zeros(ids.size, dtype=bool)
    continues[1:] = (ids[1:] == ids[:-1]) & (years[1:] == years[:-1] + 1) & poor[1:] & poor[:-1]
    # Length of the run of poor years ending at each record: reset where a run does not continue.
    position = np.arange(ids.size)
    starts = np.maximum.accumulate(np.where(continues, 0, position))
    run = np.where(poor, position - starts + 1, 0)
    persistent_ids = np.unique(ids[run > LONGEST_ACCEPTABLE_YEARS])
    return Persistence(
        households_followed=int(np.unique(ids).size),
        persistent=int(persistent_ids.size),
        first_year=int(years.min()) if years.size else 0,
        last_year=int(years.max()) if years.size else 0,
    )


def transitions(households: Households, result: Classification) -> list[Transitions]:
    keep = result.classified
    ids, years, band = households.household[keep], households.year[keep], result.band[keep].astype(np.int64)
    order = np.lexsort((years, ids))
    ids, years, band = ids[order], years[order], band[order]
    follows = (ids[1:] == ids[:-1]) & (years[1:] == years[:-1] + 1)
    size = len(BANDS)
    tables = []
    for year in np.unique(years[:-1][follows]):
        pairs = follows & (years[:-1] == year)
        flat = np.bincount(band[:-1][pairs] * size + band[1:][pairs], minlength=size * size)
        tables.append(Transitions(int(year), flat.reshape(size, size).astype(np.int64)))
    return tables
