"""Missing indicator values, imputed by regression within the component, up to a cap.

Each indicator is regressed (least squares, over the areas that have both) on the mean of the
other indicators of its component; a missing value is the fitted value for that area. This is
the regression imputation of the 2020 Social Progress Index Methodology Summary, "Missing
Values", with the other indicators of the component as predictors. An area missing more than the
framework's imputation cap of a component's indicators gets no imputed values and no score there.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from thrive.index.framework import IndexFramework

MIN_FIT_AREAS = 3


@dataclass(frozen=True)
class Imputation:
    scores: np.ndarray
    """Rescaled indicator scores with imputed values filled in."""
    imputed: np.ndarray
    """True where a value was imputed."""
    residual_sd: np.ndarray
    """Per indicator, the standard deviation of the regression's residuals (for Monte Carlo)."""


def impute_by_regression(framework: IndexFramework, scores: np.ndarray) -> Imputation:
    filled = scores.copy()
    imputed = np.zeros(scores.shape, dtype=bool)
    residual_sd = np.zeros(scores.shape[1])
    start = 0
    for component in framework.components:
        n = len(component.indicators)
        block = scores[:, start : start + n]
        missing = np.isnan(block)
        share = missing.mean(axis=1)
        allowed = (share > 0) & (share <= framework.imputation_cap)
        for c in range(n):
            if n == 1:
                break
            others = np.delete(block, c, axis=1)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # an area missing all the others: NaN
                predictor = np.nanmean(others, axis=1)
            fit = ~missing[:, c] & ~np.isnan(predictor)
            if fit.sum() < MIN_FIT_AREAS:
                continue
            slope, intercept = np.polyfit(predictor[fit], block[fit, c], 1)
            residual_sd[start + c] = float(np.std(block[fit, c] - (intercept + slope * predictor[fit]), ddof=2))
            rows = allowed & missing[:, c] & ~np.isnan(predictor)
            filled[rows, start + c] = np.clip(intercept + slope * predictor[rows], 0.0, 100.0)
            imputed[rows, start + c] = True
        start += n
    return Imputation(filled, imputed, residual_sd)
