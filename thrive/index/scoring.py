"""Scores from indicator values, by the Social Progress Index method, vectorised over areas.

2020 Social Progress Index Methodology Summary (Stern, Krylova and Harmacek), "Standardization":
each indicator is rescaled to 0-100 between its worst case (dystopia) and best case (utopia),
(X - dystopia) / (utopia - dystopia) x 100, and values beyond either bound are held at it;
"Component Scores": a component is the weighted sum of its rescaled indicators; a dimension is
the mean of its four components and the index the mean of the three dimensions. The bounds are
fixed in the framework, not taken from each year's data, so scores compare over time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thrive.index.framework import IndexFramework, Transform


@dataclass(frozen=True)
class Scores:
    """Rows are areas; columns follow the framework's order of indicators, components and dimensions."""

    indicators: np.ndarray
    components: np.ndarray
    dimensions: np.ndarray
    index: np.ndarray


def transformed(
    framework: IndexFramework, values: np.ndarray, utopia: np.ndarray, dystopia: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values and bounds after each indicator's cap or log ("Indicator Transformations")."""
    indicators = framework.indicators
    cap = np.array([np.nan if i.cap is None else i.cap for i in indicators])
    capped = np.array([i.transform is Transform.CAP for i in indicators])
    higher = np.array([i.higher_is_better for i in indicators])
    held = np.where(higher, np.fmin(values, cap), np.fmax(values, cap))
    values = np.where(capped, held, values)
    logged = np.array([i.transform is Transform.LOG for i in indicators])
    if logged.any():
        with np.errstate(divide="ignore", invalid="ignore"):
            values = np.where(logged, np.log(values), values)
            utopia = np.where(logged, np.log(utopia), utopia)
            dystopia = np.where(logged, np.log(dystopia), dystopia)
    return values, utopia, dystopia


def rescaled(values: np.ndarray, utopia: np.ndarray, dystopia: np.ndarray) -> np.ndarray:
    """0 at dystopia, 100 at utopia, held within them; NaN stays NaN (missing)."""
    out: np.ndarray = np.clip((values - dystopia) / (utopia - dystopia) * 100.0, 0.0, 100.0)
    return out


def aggregate(framework: IndexFramework, indicator_scores: np.ndarray, weights: np.ndarray) -> Scores:
    """Components, dimensions and the index from rescaled indicators and within-component weights.

    `weights` is one weight per indicator. A component with a missing indicator has no score,
    and nor have its dimension and the index.
    """
    membership = framework.membership()
    present = ~np.isnan(indicator_scores)
    filled = np.where(present, indicator_scores, 0.0)
    components = filled @ (membership * weights[:, None])
    complete = (~present).astype(float) @ membership == 0
    components = np.where(complete, components, np.nan)
    dimensions = components @ framework.dimension_matrix()
    return Scores(indicator_scores, components, dimensions, dimensions.mean(axis=1))


def dimensions_from_components(framework: IndexFramework, components: np.ndarray) -> Scores:
    """The upper layers alone: from component scores to dimensions and the index."""
    dimensions = components @ framework.dimension_matrix()
    return Scores(np.empty((len(components), 0)), components, dimensions, dimensions.mean(axis=1))
