"""The shape every interval function returns, so callers can treat proportions, rates and means alike.

PHEindicatormethods returns a value with its lower and upper confidence limits for every statistic
(`phe_proportion`, `phe_rate`, `phe_dsr`, `phe_mean`); Thrive keeps that triple, as arrays.
"""

from __future__ import annotations

from typing import NamedTuple, TypeAlias

import numpy as np
import numpy.typing as npt

FloatArray: TypeAlias = npt.NDArray[np.float64]
TextArray: TypeAlias = npt.NDArray[np.str_]
BoolArray: TypeAlias = npt.NDArray[np.bool_]


class Estimate(NamedTuple):
    """A statistic and its two-sided confidence limits, each broadcast to the inputs' shape."""

    value: FloatArray
    lower: FloatArray
    upper: FloatArray

    @classmethod
    def of(cls, value: npt.ArrayLike, lower: npt.ArrayLike, upper: npt.ArrayLike) -> Estimate:
        """Build from anything array-like, so scalar inputs still give (0-d) arrays."""
        return cls(as_float_array(value), as_float_array(lower), as_float_array(upper))


def as_float_array(values: npt.ArrayLike) -> FloatArray:
    """Read scalars, lists or arrays as float64 so NaN can mark missing data throughout."""
    return np.asarray(values, dtype=np.float64)


def missing_where_not_finite(estimate: Estimate, *inputs: FloatArray) -> Estimate:
    """NaN wherever an input is NaN or infinite: infinity is no count, so it reads as missing, never as zero."""
    bad = np.zeros(np.broadcast(*inputs).shape, dtype=bool)
    for given in inputs:
        bad = bad | ~np.isfinite(given)
    if not np.any(bad):
        return estimate
    return Estimate.of(*(np.where(bad, np.nan, part) for part in estimate))
