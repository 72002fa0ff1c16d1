"""Spatial concentration: Moran's I over a contiguity matrix, with a permutation p-value (PySAL).

The council reports Moran's I for Luton ("Spatial concentration 0.41", 002:1232, analysis by
Nyanzu and Rae): how far similar areas sit next to each other. Thrive uses PySAL's own
implementations (libpysal for the weights, esda for the statistic) rather than its own.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
from esda.moran import Moran
from libpysal.weights import W, fuzzy_contiguity
from shapely.geometry.base import BaseGeometry

PERMUTATIONS = 999
SIGNIFICANCE = 0.05
RULE_OF_THUMB = 0.4
"""The council's reading of Moran's I (002:1234): a rule of thumb, quoted, never the test."""
SNAP_TOLERANCE = 0.001
"""Share of the map's extent within which two shapes count as touching. ONS's generalised,
clipped boundaries leave hairline gaps between neighbours, so exact (queen) contiguity finds
every LSOA an island; a tolerance of 0.1% joins true neighbours and nothing else."""


@dataclass(frozen=True)
class MoransI:
    value: float
    expected: float
    p_value: float
    permutations: int
    z_score: float
    areas: int
    mean_neighbours: float

    @property
    def clustered(self) -> bool:
        """Significant clustering, by the permutation test: similar values sit together more than chance
        relabellings of the same values (p below 0.05, and I above its expectation under no pattern).
        A hard cut at 0.4 would call I = 0.3996 with p = 0.001 "not clustered"; see `reading`."""
        return self.p_value < SIGNIFICANCE and self.value > self.expected

    @property
    def reading(self) -> str:
        """The council's rule of thumb, quoted as one, beside the test's verdict."""
        test = "significantly clustered" if self.clustered else "not significantly clustered"
        rule = "above" if self.value > RULE_OF_THUMB else "not above"
        return (
            f"Moran's I {self.value:.4f} is {test} (permutation p = {self.p_value:.3f}); it is {rule} {RULE_OF_THUMB}, "
            "the council's rule of thumb that 'values over 0.4 generally indicate that similar areas are "
            "significantly clustered' (002:1234)."
        )


def contiguity_weights(codes: Sequence[str], shapes: Sequence[BaseGeometry]) -> W:
    """Row-standardised contiguity weights between areas that touch (within SNAP_TOLERANCE)."""
    frame = gpd.GeoDataFrame({"code": list(codes)}, geometry=list(shapes), crs="OGC:CRS84")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        weights = fuzzy_contiguity(frame, tolerance=SNAP_TOLERANCE, ids=list(codes))
    weights.transform = "r"
    return weights


def morans_i(values: np.ndarray, weights: W, *, permutations: int = PERMUTATIONS, seed: int = 2040) -> MoransI:
    """Global Moran's I (esda.Moran) with a pseudo p-value from `permutations` random relabellings.

    The seed is fixed so that the same figures always give the same published p-value.
    """
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        result = Moran(np.asarray(values, dtype=float), weights, permutations=permutations)
    finally:
        np.random.set_state(state)
    return MoransI(
        value=float(result.I),
        expected=float(result.EI),
        p_value=float(result.p_sim),
        permutations=permutations,
        z_score=float(result.z_sim),
        areas=int(weights.n),
        mean_neighbours=float(weights.mean_neighbors),
    )
