"""Strengths and weaknesses against similar areas: the Social Progress Index's peer-group method.

2017 Social Progress Index Methodology Report, "Assessing Countries' Relative Strengths and
Weaknesses": each country is compared with the 15 countries closest to it in GDP per capita; a
score above the peers' median by more than their average absolute deviation from that median is
a relative strength, below it by more is a weakness, and otherwise neutral. Thrive compares each
area with the 15 areas closest to it in income deprivation (the council's choice: DATA-NOTES).
"""

from __future__ import annotations

import numpy as np

PEERS = 15
STRENGTH, NEUTRAL, WEAKNESS = 1, 0, -1


def peer_groups(similarity: np.ndarray, size: int = PEERS) -> np.ndarray:
    """For each area, the indices of the `size` other areas closest to it on `similarity`.

    On one measure the nearest areas lie within `size` places either side in sorted order, so
    only that window is searched: linear in the number of areas, not quadratic.
    """
    size = min(size, len(similarity) - 1)
    order = np.argsort(similarity, kind="stable")
    ranked = similarity[order]
    offsets = np.concatenate([np.arange(-size, 0), np.arange(1, size + 1)])
    window = np.arange(len(ranked))[:, None] + offsets[None, :]
    inside = (window >= 0) & (window < len(ranked))
    clipped = np.clip(window, 0, len(ranked) - 1)
    distance = np.where(inside, np.abs(ranked[clipped] - ranked[:, None]), np.inf)
    nearest = np.take_along_axis(clipped, np.argsort(distance, axis=1, kind="stable")[:, :size], axis=1)
    out = np.empty((len(ranked), size), dtype=int)
    out[order] = order[nearest]
    return out


def strengths_and_weaknesses(scores: np.ndarray, peers: np.ndarray) -> np.ndarray:
    """STRENGTH, NEUTRAL or WEAKNESS for every area (row) and score (column)."""
    peer_scores = scores[peers]  # areas x peers x scores
    median = np.nanmedian(peer_scores, axis=1)
    spread = np.nanmean(np.abs(peer_scores - median[:, None, :]), axis=1)
    out = np.full(scores.shape, NEUTRAL)
    out[scores > median + spread] = STRENGTH
    out[scores < median - spread] = WEAKNESS
    return out
