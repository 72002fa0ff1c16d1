"""Monte Carlo uncertainty: how far the index and the ranks move when the analyst's choices move.

Each draw varies, together: the weights within each component (Dirichlet around the chosen
weights), the utopia and dystopia bounds (each shifted by up to `bound_spread` of its range), and
the imputed values (each plus normal noise with its regression's residual spread). The interval
is the 2.5th to 97.5th percentile over the draws. Which assumption drives the variance is found
by varying one at a time (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, ch. 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thrive.index.framework import IndexFramework
from thrive.index.imputation import Imputation
from thrive.index.scoring import aggregate

WEIGHTS, BOUNDS, IMPUTATION = "weights", "bounds", "imputation"
ASSUMPTIONS = (WEIGHTS, BOUNDS, IMPUTATION)


@dataclass(frozen=True)
class MonteCarloSettings:
    draws: int = 1000
    weight_concentration: float = 50.0
    """Dirichlet concentration: higher keeps draws closer to the chosen weights."""
    bound_spread: float = 0.1
    seed: int = 2040


@dataclass(frozen=True)
class Uncertainty:
    score_low: np.ndarray
    score_high: np.ndarray
    rank_low: np.ndarray
    rank_high: np.ndarray
    drivers: dict[str, float]
    """Share of the index's variance each assumption drives, varied one at a time."""
    draws: int


def ranks(scores: np.ndarray) -> np.ndarray:
    """Rank 1 is the highest score, along the last axis; areas with no score rank last."""
    order = np.argsort(-np.nan_to_num(scores, nan=-np.inf), axis=-1, kind="stable")
    out = np.empty_like(order)
    np.put_along_axis(out, order, np.arange(1, scores.shape[-1] + 1), axis=-1)
    return out


def _draws(
    framework: IndexFramework,
    values: np.ndarray,
    utopia: np.ndarray,
    dystopia: np.ndarray,
    imputation: Imputation,
    weights: np.ndarray,
    settings: MonteCarloSettings,
    vary: tuple[str, ...],
    draws: int,
) -> np.ndarray:
    """Index scores, one row per draw.

    Aggregation is linear once the indicators are rescaled, so each draw's index is one
    matrix-vector product: the rescaled table times the draw's weights pushed through the
    component and dimension means. Areas with a component left unscored stay unscored.
    """
    rng = np.random.default_rng(settings.seed)
    membership = framework.membership()
    to_index = framework.dimension_matrix().mean(axis=1)  # each component's share of the index, before weights
    span = utopia - dystopia
    observed = ~np.isnan(values)
    table = np.where(observed, values, 0.0).astype(np.float32)
    fixed = np.where(observed, 0.0, np.nan_to_num(imputation.scores, nan=0.0)).astype(np.float32)
    unscored = np.isnan(aggregate(framework, imputation.scores, weights).index)
    rows, columns = np.nonzero(imputation.imputed)
    imputed_values = imputation.scores[rows, columns]
    observed_f = observed.astype(np.float32)
    scores = np.empty_like(table)
    out = np.empty((draws, values.shape[0]), dtype=np.float32)
    for d in range(draws):
        w = weights
        if WEIGHTS in vary:
            g = rng.gamma(weights * settings.weight_concentration)
            w = g / ((g @ membership) @ membership.T)
        u, t = utopia, dystopia
        if BOUNDS in vary:
            u = utopia + rng.uniform(-settings.bound_spread, settings.bound_spread, utopia.shape) * span
            t = dystopia + rng.uniform(-settings.bound_spread, settings.bound_spread, dystopia.shape) * span
        scale = (100.0 / (u - t)).astype(np.float32)
        np.subtract(table, t.astype(np.float32), out=scores)
        np.multiply(scores, scale, out=scores)
        np.clip(scores, 0.0, 100.0, out=scores)
        np.multiply(scores, observed_f, out=scores)
        np.add(scores, fixed, out=scores)
        if IMPUTATION in vary and len(rows):
            noise = rng.standard_normal(len(rows)) * imputation.residual_sd[columns]
            scores[rows, columns] = np.clip(imputed_values + noise, 0.0, 100.0)
        out[d] = scores @ (w * (membership @ to_index)).astype(np.float32)
    out[:, unscored] = np.nan
    return out


def monte_carlo(
    framework: IndexFramework,
    values: np.ndarray,
    utopia: np.ndarray,
    dystopia: np.ndarray,
    imputation: Imputation,
    weights: np.ndarray,
    settings: MonteCarloSettings,
    ranked: np.ndarray | None = None,
) -> Uncertainty:
    """`values` and bounds are already transformed (log or cap); missing values are NaN.
    Ranks are taken among the `ranked` areas only (all of them when None); the others get rank 0."""
    together = _draws(framework, values, utopia, dystopia, imputation, weights, settings, ASSUMPTIONS, settings.draws)
    ranked = np.ones(values.shape[0], dtype=bool) if ranked is None else ranked
    low, high = np.percentile(together, [2.5, 97.5], axis=0)  # NaN for an unscored area
    rank_low = np.zeros(values.shape[0])
    rank_high = np.zeros(values.shape[0])
    rank_low[ranked], rank_high[ranked] = np.percentile(ranks(together[:, ranked]), [2.5, 97.5], axis=0)
    alone = max(settings.draws // 4, 2)
    variance = {
        a: float(
            np.nanmean(
                np.var(_draws(framework, values, utopia, dystopia, imputation, weights, settings, (a,), alone), axis=0)
            )
        )
        for a in ASSUMPTIONS
    }
    total = sum(variance.values()) or 1.0
    return Uncertainty(
        low,
        high,
        np.floor(rank_low).astype(int),
        np.ceil(rank_high).astype(int),
        {a: v / total for a, v in variance.items()},
        settings.draws,
    )
