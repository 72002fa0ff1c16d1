"""The Gini coefficient of an income distribution, with each value's weight (households or people).

Method: the mean absolute difference between every pair of incomes, halved and divided by the
mean, G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mean) (Gini 1912), computed in sorted order
as G = sum_i w_i x_i (2 F_i - w_i - W) / (W sum_i w_i x_i), where F_i is the weight up to and
including income i. 0 is perfect equality, 1 perfect inequality. Given area averages (such as
ONS income estimates for MSOAs, weighted by households), it is the between-area Gini: it leaves
out inequality within each area, so it is lower than a Gini of household incomes.
"""

from __future__ import annotations

import numpy as np

METHOD = (
    "Gini coefficient: half the weighted mean absolute difference between all pairs of incomes, divided by "
    "the weighted mean income (Gini 1912). From area averages it measures inequality between areas only."
)


def gini_coefficient(incomes: np.ndarray, weights: np.ndarray | None = None) -> float:
    x = np.asarray(incomes, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    total = w.sum()
    cumulative = np.cumsum(w)
    return float((w * x * (2 * cumulative - w - total)).sum() / (total * (w * x).sum()))
