"""Checks that a component's indicators belong together, reported for every component.

- Cronbach's alpha (Cronbach 1951): internal consistency; the SPI reports it per component and
  looks for 0.7 or more (2017 Methodology Report, "Calculating the Social Progress Index").
- Kaiser-Meyer-Olkin measure of sampling adequacy (Kaiser 1974): shared against partial
  correlation; 0.5 or more is acceptable.
- Variance explained by the first principal component.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thrive.index.framework import IndexFramework
from thrive.index.weighting import correlation


@dataclass(frozen=True)
class ComponentQuality:
    component: str
    indicators: int
    """The checks need two or more indicators and more complete areas than indicators; else None."""
    cronbach_alpha: float | None
    kmo: float | None
    variance_explained: float | None


def cronbach_alpha(block: np.ndarray) -> float:
    complete = block[~np.isnan(block).any(axis=1)]
    k = complete.shape[1]
    items = complete.var(axis=0, ddof=1).sum()
    total = complete.sum(axis=1).var(ddof=1)
    return float(k / (k - 1) * (1.0 - items / total))


def kaiser_meyer_olkin(corr: np.ndarray) -> float:
    inverse = np.linalg.pinv(corr)
    scale = np.sqrt(np.outer(np.diag(inverse), np.diag(inverse)))
    partial = -inverse / scale
    off = ~np.eye(len(corr), dtype=bool)
    r2 = (corr[off] ** 2).sum()
    return float(r2 / (r2 + (partial[off] ** 2).sum()))


def variance_explained(corr: np.ndarray) -> float:
    values = np.linalg.eigvalsh(corr)
    return float(values[-1] / values.sum())


def component_quality(framework: IndexFramework, indicator_scores: np.ndarray) -> list[ComponentQuality]:
    out = []
    start = 0
    for component in framework.components:
        n = len(component.indicators)
        block = indicator_scores[:, start : start + n]
        start += n
        if n < 2 or (~np.isnan(block).any(axis=1)).sum() <= n:
            out.append(ComponentQuality(component.code, n, None, None, None))
            continue
        corr = correlation(block)
        out.append(
            ComponentQuality(
                component.code, n, cronbach_alpha(block), kaiser_meyer_olkin(corr), variance_explained(corr)
            )
        )
    return out
