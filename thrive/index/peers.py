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
    """For each area, the indices of the `size` other areas closest to it on `similarity`."""
    size = min(size, len(similarity) - 1)
    distance = np.abs(similarity[:, None] - similarity[None, :])
    np.fill_diagonal(distance, np.inf)
    return np.argsort(distance, axis=1, kind="stable")[:, :size]


def strengths_and_weaknesses(scores: np.ndarray, peers: np.ndarray) -> np.ndarray:
    """STRENGTH, NEUTRAL or WEAKNESS for every area (row) and score (column)."""
    peer_scores = scores[peers]  # areas x peers x scores
    median = np.nanmedian(peer_scores, axis=1)
    spread = np.nanmean(np.abs(peer_scores - median[:, None, :]), axis=1)
    out = np.full(scores.shape, NEUTRAL)
    out[scores > median + spread] = STRENGTH
    out[scores < median - spread] = WEAKNESS
    return out
