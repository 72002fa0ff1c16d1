"""Confidence intervals for proportions by the Wilson score method, as PHEindicatormethods `phe_proportion`.

Sources: Wilson EB (1927) JASA 22:209-212; Newcombe RG (1998) Stat Med 17:857-872 (method 3, no
continuity correction), which is the method Fingertips and the OHID technical guidance use.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from thrive.stats.confidence import two_sided_z
from thrive.stats.estimate import Estimate, as_float_array, missing_where_not_finite


def wilson_interval(
    numerator: npt.ArrayLike,
    denominator: npt.ArrayLike,
    confidence: float = 0.95,
    multiplier: float = 1.0,
) -> Estimate:
    """Wilson score limits for ``numerator / denominator``, scaled by ``multiplier`` (100 for a percentage).

    The score interval keeps both limits inside [0, 1] and behaves at 0% and 100%, which is why OHID
    prefers it to the normal approximation. Missing (NaN) or infinite inputs give NaN outputs; impossible inputs
    (negative counts, numerator above denominator, denominator not positive) raise ``ValueError``.
    """
    x = as_float_array(numerator)
    n = as_float_array(denominator)
    if np.any(x < 0):
        raise ValueError("numerators must all be greater than or equal to zero")
    if np.any(n <= 0):
        raise ValueError("denominators must all be greater than zero")
    if np.any(x > n):
        raise ValueError("numerators must be less than or equal to their denominators")
    z = two_sided_z(confidence)
    centre = 2.0 * x + z**2
    spread = z * np.sqrt(z**2 + 4.0 * x * (1.0 - x / n))
    scale = 2.0 * (n + z**2)
    lower = np.where(x == 0, 0.0, (centre - spread) / scale)
    upper = np.where(x == n, 1.0, (centre + spread) / scale)
    found = Estimate.of(x / n * multiplier, lower * multiplier, upper * multiplier)
    return missing_where_not_finite(found, x, n)
