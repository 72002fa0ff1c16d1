"""Trends for series that have neither counts nor confidence intervals, where Fingertips' tests cannot run.

* ``mann_kendall_trend``: the original Mann-Kendall test (Mann 1945, Econometrica 13:245-259; Kendall
  1975, Rank Correlation Methods), by the maintained ``pymannkendall`` package's ``original_test``
  (Hussain & Mahmud 2019, JOSS 4(39):1556).
* ``threshold_rule_trend``: Thrive's documented rule for two points, where no test is possible.
  It is a policy, not a published statistical method; its threshold is a parameter.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt
import pymannkendall

from thrive.stats.directions import TrendDirection, trend_label
from thrive.stats.estimate import FloatArray, TextArray, as_float_array
from thrive.stats.polarity import Polarity


class MannKendall(NamedTuple):
    """The Mann-Kendall test for each series: S, its tie-corrected variance, Z and the two-sided p-value."""

    direction: TextArray
    label: TextArray
    s: FloatArray
    variance: FloatArray
    z: FloatArray
    p_value: FloatArray


class ThresholdChange(NamedTuple):
    """The change from the previous to the latest value and what the threshold rule made of it."""

    direction: TextArray
    label: TextArray
    change: FloatArray
    relative_change: FloatArray


def mann_kendall_trend(
    values: npt.ArrayLike,
    *,
    polarity: Polarity | str | npt.ArrayLike,
    significance_level: float = 0.05,
    min_points: int = 5,
) -> MannKendall:
    """Mann-Kendall trend along the last axis (oldest first), by the maintained ``pymannkendall`` package.

    Only series without counts or intervals come here (a few dozen Road Map series), so one call per
    series costs nothing. Missing values are dropped, as pymannkendall does. ``min_points`` defaults
    to 5 because, with the normal approximation and continuity correction, four points can never reach
    p < 0.05 (the most extreme S = 6 gives p = 0.089), while five strictly monotone points give
    p = 0.027. Series with fewer valid points "cannot be calculated".
    """
    x = as_float_array(values)
    if x.ndim == 0:
        raise ValueError("series need a last axis of time points, oldest first")
    rows = x.reshape(-1, x.shape[-1])
    results = np.full((len(rows), 4), np.nan)
    for index, row in enumerate(rows):
        points = row[np.isfinite(row)]
        if len(points) >= min_points:
            test = pymannkendall.original_test(points, alpha=significance_level)
            results[index] = (test.s, test.var_s, test.z, test.p)
    s, variance, z, p_value = (results[:, i].reshape(x.shape[:-1]) for i in range(4))
    enough = np.isfinite(s)
    significant = enough & (p_value < significance_level)
    direction: TextArray = np.select(
        [~enough, significant & (z > 0), significant & (z < 0)],
        [TrendDirection.CANNOT_BE_CALCULATED, TrendDirection.INCREASING, TrendDirection.DECREASING],
        default=TrendDirection.NO_SIGNIFICANT_CHANGE,
    ).astype(np.str_)
    return MannKendall(direction, trend_label(direction, polarity), s, variance, z, p_value)


def threshold_rule_trend(
    previous: npt.ArrayLike,
    latest: npt.ArrayLike,
    *,
    polarity: Polarity | str | npt.ArrayLike,
    threshold: float = 0.05,
    relative: bool = True,
) -> ThresholdChange:
    """Call a change "no major change" when it is smaller than ``threshold``, else increasing or decreasing.

    With ``relative=True`` (default) the change is measured as a fraction of the previous value's
    magnitude, so the default threshold of 0.05 means "less than 5% of the previous value"; with
    ``relative=False`` it is measured in the indicator's own units. A change from zero is infinitely
    large in relative terms. Missing values "cannot be calculated".
    """
    if threshold < 0:
        raise ValueError("threshold must be greater than or equal to zero")
    before, after = np.broadcast_arrays(as_float_array(previous), as_float_array(latest))
    change = after - before
    with np.errstate(divide="ignore", invalid="ignore"):
        relative_change = np.where(change == 0, 0.0, change / np.abs(before))
    size = np.abs(relative_change if relative else change)
    # A change of exactly the threshold is a change ("less than" the threshold is not): compared with a
    # relative allowance for floating point, so that 20 to 21 (exactly 5%) is never read as 4.99...%.
    below = (size < threshold) & ~np.isclose(size, threshold, rtol=1e-9, atol=0.0)
    direction: TextArray = np.select(
        [np.isnan(change), below, change > 0],
        [TrendDirection.CANNOT_BE_CALCULATED, TrendDirection.NO_MAJOR_CHANGE, TrendDirection.INCREASING],
        default=TrendDirection.DECREASING,
    ).astype(np.str_)
    return ThresholdChange(direction, trend_label(direction, polarity), change, relative_change)
