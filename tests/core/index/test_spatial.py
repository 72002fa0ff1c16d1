"""Moran's I: a hand-worked lattice, and Luton's LSOAs against PySAL's own value."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from esda.moran import Moran
from libpysal.weights import W
from shapely.geometry import shape

from thrive.datasets import OPEN_DATA, dataset_path
from thrive.index.spatial import contiguity_weights, morans_i

LSOA_BOUNDARIES = dataset_path("luton2040") / "index" / "lsoa2011.geojson"
"""Luton's 121 LSOAs (2011), ONS generalised boundaries (martinjc/UK-GeoJSON, unchanged)."""
FILE_9 = OPEN_DATA / "iod2019" / "File_9_IoD2019_Transformed_Scores.csv.gz"


def test_morans_i_on_four_areas_in_a_row_matches_the_hand_worked_value() -> None:
    # Areas a-b-c-d in a line, values 1..4, row-standardised rook weights. z = (-1.5, -0.5, 0.5, 1.5), sum z^2 = 5;
    # sum w_ij z_i z_j = 0.75 + 0.25 + 0.25 + 0.75 = 2; I = (n / S0) x 2 / 5 = (4 / 4) x 0.4 = 0.4 (Moran 1950).
    weights = W({"a": ["b"], "b": ["a", "c"], "c": ["b", "d"], "d": ["c"]})
    weights.transform = "r"
    found = morans_i(np.array([1.0, 2.0, 3.0, 4.0]), weights, permutations=99)
    assert found.value == pytest.approx(0.4)
    assert found.expected == pytest.approx(-1 / 3)


def test_luton_income_scores_give_pysals_morans_i_with_a_999_permutation_p_value() -> None:
    geojson = json.loads(LSOA_BOUNDARIES.read_text())
    codes = [f["properties"]["LSOA11CD"] for f in geojson["features"]]
    weights = contiguity_weights(codes, [shape(f["geometry"]) for f in geojson["features"]])
    file_9 = pd.read_csv(FILE_9)
    scores = file_9.set_index("LSOA code (2011)").loc[codes, "Income Score - exponentially transformed"].to_numpy()

    found = morans_i(scores, weights)

    assert weights.n == 121 and not weights.islands
    assert found.value == pytest.approx(Moran(scores, weights, permutations=0).I, abs=1e-12)
    # The council's published "Spatial concentration 0.41" (002:1232) used the raw income score; on the
    # IoD2019 File 9 transformed score Luton's value is 0.400 (DATA-NOTES: Moran's I).
    assert found.value == pytest.approx(0.3996, abs=1e-4)
    assert found.permutations >= 999
    # No relabelling of 999 reaches the observed value, so p = (0 + 1) / (999 + 1).
    assert found.p_value == pytest.approx(0.001)
