"""Confidence intervals for counts and crude rates, as PHEindicatormethods `phe_rate` and Fingertips.

OHID technical guidance ("Rates", Fingertips public health technical guidance): use the exact
chi-squared (Poisson) limits for counts below 10 and Byar's approximation for counts of 10 or more.
Sources: Breslow NE, Day NE (1987) Statistical methods in cancer research vol II, IARC (Byar's
method); Armitage P, Berry G (2002) Statistical methods in medical research (exact limits via chi2).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from scipy import special

from thrive.stats.confidence import two_sided_probability, two_sided_z
from thrive.stats.estimate import Estimate, FloatArray, as_float_array, missing_where_not_finite


def _checked_counts(count: npt.ArrayLike, denominator: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    o = as_float_array(count)
    n = as_float_array(denominator)
    if np.any(o < 0):
        raise ValueError("observed counts must all be greater than or equal to zero")
    if np.any(n <= 0):
        raise ValueError("denominators must all be greater than zero")
    return o, n


def exact_poisson_interval(
    count: npt.ArrayLike,
    denominator: npt.ArrayLike = 1.0,
    confidence: float = 0.95,
    multiplier: float = 1.0,
) -> Estimate:
    """Exact (Garwood) Poisson limits: chi2(alpha/2, 2O)/2 and chi2(1-alpha/2, 2O+2)/2, over the denominator.

    Used by Fingertips for counts below 10, where Byar's approximation is not accurate enough.
    A zero count has a lower limit of exactly zero; a missing or infinite count or denominator
    gives NaN for the value and both limits.
    """
    o, n = _checked_counts(count, denominator)
    upper_probability = two_sided_probability(confidence)
    # chi2.ppf(q, 2k) / 2 is the inverse regularised gamma function with shape k.
    lower = np.where(o > 0, special.gammaincinv(np.where(o > 0, o, 1.0), 1.0 - upper_probability), 0.0)
    upper = special.gammaincinv(o + 1.0, upper_probability)
    found = Estimate.of(o / n * multiplier, lower / n * multiplier, upper / n * multiplier)
    return missing_where_not_finite(found, o, n)


def byars_interval(
    count: npt.ArrayLike,
    denominator: npt.ArrayLike = 1.0,
    confidence: float = 0.95,
    multiplier: float = 1.0,
    exact_below: float = 10.0,
) -> Estimate:
    """Byar's limits for a count (or the crude rate ``count / denominator * multiplier``).

    Counts below ``exact_below`` (default 10, the Fingertips rule) take the exact Poisson limits
    instead; pass ``exact_below=0`` to reproduce data published before OHID adopted that rule in 2018,
    which used Byar's method for every count. A zero count always takes the exact limits because
    Byar's formula is undefined at zero.
    """
    o, n = _checked_counts(count, denominator)
    z = two_sided_z(confidence)
    positive = np.where(o > 0, o, 1.0)
    lower = np.array(positive * (1.0 - 1.0 / (9.0 * positive) - z / (3.0 * np.sqrt(positive))) ** 3)
    upper = np.array((o + 1.0) * (1.0 - 1.0 / (9.0 * (o + 1.0)) + z / (3.0 * np.sqrt(o + 1.0))) ** 3)
    use_exact = (o < exact_below) | (o == 0)
    if np.any(use_exact):  # the exact limits are costly, so compute them only where they are used
        exact = exact_poisson_interval(o[use_exact], 1.0, confidence)
        lower[use_exact] = exact.lower
        upper[use_exact] = exact.upper
    found = Estimate.of(o / n * multiplier, lower / n * multiplier, upper / n * multiplier)
    return missing_where_not_finite(found, o, n)
