"""Indicator weights within each component: equal, first principal component, or one factor.

2020 Social Progress Index Methodology Summary, "Component Scores": weights come from principal
component analysis of each component's indicators, scaled to sum to one; the 2014 and 2015
Methodological Reports used factor analysis the same way. An indicator with a fixed weight in
the framework keeps it.
"""

from __future__ import annotations

import numpy as np

from thrive.index.framework import IndexFramework, Weighting

FACTOR_ITERATIONS = 100


def correlation(block: np.ndarray) -> np.ndarray:
    """Pearson correlations over the areas with every indicator of the block present."""
    complete = block[~np.isnan(block).any(axis=1)]
    out: np.ndarray = np.atleast_2d(np.corrcoef(complete, rowvar=False))
    return out


def first_component_loadings(corr: np.ndarray) -> np.ndarray:
    values, vectors = np.linalg.eigh(corr)
    out: np.ndarray = np.abs(vectors[:, -1]) * np.sqrt(values[-1])
    return out


def one_factor_loadings(corr: np.ndarray) -> np.ndarray:
    """Principal axis factoring: communalities start at the squared multiple correlations and are
    refined until the one-factor loadings settle (Harman, Modern Factor Analysis, 1976, ch. 8)."""
    communality = 1.0 - 1.0 / np.diag(np.linalg.pinv(corr))
    loadings = np.sqrt(np.clip(communality, 0.0, 1.0))
    for _ in range(FACTOR_ITERATIONS):
        reduced = corr.copy()
        np.fill_diagonal(reduced, communality)
        values, vectors = np.linalg.eigh(reduced)
        loadings = np.abs(vectors[:, -1]) * np.sqrt(max(values[-1], 0.0))
        communality = np.clip(loadings**2, 0.0, 1.0)
    return loadings


def indicator_weights(framework: IndexFramework, indicator_scores: np.ndarray) -> np.ndarray:
    """One weight per indicator; each component's weights sum to one."""
    out = []
    start = 0
    for component in framework.components:
        n = len(component.indicators)
        fixed = [i.weight for i in component.indicators]
        block = indicator_scores[:, start : start + n]
        start += n
        if all(w is not None for w in fixed):
            raw = np.array(fixed, dtype=float)
        elif framework.weighting is Weighting.EQUAL or n == 1:
            raw = np.ones(n)
        elif framework.weighting is Weighting.PCA:
            raw = first_component_loadings(correlation(block))
        else:
            raw = one_factor_loadings(correlation(block))
        out.append(raw / raw.sum())
    return np.concatenate(out)
