"""Indicator values for Luton's wards and Luton as a whole, by year, for the Thriving People Index.

Real values: IoD2019 domain scores aggregated to wards and districts (`iod2019:<column>` in the
framework), for 2019 only. Every other indicator is SYNTHETIC until its named source is loaded:
generated here from a fixed seed, tied loosely to each ward's income deprivation so the demo
looks like a town, and flagged synthetic in every result, page and report. For a year after 2019
the IoD values are IoD2019's, the newest release at ward level here: the Social Progress Index
likewise scores each year on the most recent data available for each indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from thrive.data.index_framework import SYNTHETIC
from thrive.datasets import dataset_path
from thrive.framework.area import LUTON
from thrive.index.engine import Area
from thrive.index.framework import IndexFramework

YEARS = (2019, 2023)
SEED = 2040
INCOME_BEST, INCOME_WORST = 0.029, 0.251
"""England's least and most income-deprived districts in IoD2019 (lad_iod2019_aggregates.csv)."""


@dataclass(frozen=True)
class IndexInputs:
    areas: tuple[Area, ...]
    values: dict[int, np.ndarray]


def luton_index_inputs(framework: IndexFramework, sources: dict[str, str], peer_measure: str) -> IndexInputs:
    folder = dataset_path("luton2040") / "index"
    wards = pd.read_csv(folder / "ward_iod2019_aggregates.csv").sort_values("ward_name")
    district = pd.read_csv(folder / "lad_iod2019_aggregates.csv").set_index("lad_code").loc[[LUTON]]
    district.insert(0, "ward_name", "Luton")
    real = pd.concat([wards.set_index("ward_code"), district])
    peer_column = peer_measure.removeprefix("iod2019:")
    areas = tuple(
        Area(str(code), str(row["ward_name"]), "town" if code == LUTON else "ward", float(row[peer_column]))
        for code, row in real.iterrows()
    )
    areas = tuple(a if a.kind == "ward" else Area(a.code, a.name, a.kind, None) for a in areas)
    deprivation = ((real["Income_Score"].to_numpy() - INCOME_BEST) / (INCOME_WORST - INCOME_BEST)).clip(0, 1)
    rng = np.random.default_rng(SEED)
    values = {}
    for offset, year in enumerate(YEARS):
        columns = []
        for indicator in framework.indicators:
            source = sources[indicator.code]
            if source == SYNTHETIC:
                position = 0.25 + 0.6 * (1 - deprivation) + 0.03 * offset + rng.normal(0, 0.08, len(real))
                span = indicator.utopia - indicator.dystopia
                columns.append(indicator.dystopia + span * position.clip(0.02, 0.98))
            else:
                columns.append(real[source.removeprefix("iod2019:")].to_numpy(dtype=float))
        values[year] = np.column_stack(columns)
    return IndexInputs(areas, values)
