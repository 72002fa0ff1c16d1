"""Indicator values for Luton's wards, its LSOAs (2011) and Luton as a whole, by year, for the Thriving
People Index.

Real values: IoD2019 domain scores aggregated to wards and districts (`iod2019:<column>` in the
framework), for 2019 only. Every other indicator is SYNTHETIC until its named source is loaded:
generated here from a fixed seed, tied loosely to each ward's income deprivation so the demo
looks like a town, and flagged synthetic in every result, page and report. For a year after 2019
the IoD values are IoD2019's, the newest release at ward level here: the Social Progress Index
likewise scores each year on the most recent data available for each indicator.

At LSOA level the real values are IoD2019 File 9's transformed domain scores for Luton's 121 LSOAs
(`iod2019-lsoa:<field>`), as imported by `thrive deprivation import` and kept with that release; the
synthetic ones are made the same way as the wards', from each LSOA's own income deprivation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from thrive.data.index_framework import SYNTHETIC
from thrive.datasets import dataset_path
from thrive.framework.area import LUTON
from thrive.index.engine import IndexArea
from thrive.index.framework import IndexFramework

YEARS = (2019, 2023)
SEED = 2040
INCOME_BEST, INCOME_WORST = 0.029, 0.251
"""England's least and most income-deprived districts in IoD2019 (lad_iod2019_aggregates.csv)."""
LSOA_SOURCE = "iod2019-lsoa:"
LSOA_SEED = 2041
IOD_TRANSFORM = 23.0
"""The constant of the IoD's exponential transformation, X = -23 ln(1 - R (1 - exp(-100/23))) for the
national rank R scaled to (0, 1], most deprived 1 (English Indices of Deprivation 2019 Technical Report)."""


@dataclass(frozen=True)
class IndexInputs:
    areas: tuple[IndexArea, ...]
    values: dict[int, np.ndarray]


def luton_index_inputs(framework: IndexFramework, sources: dict[str, str], peer_measure: str) -> IndexInputs:
    folder = dataset_path("luton2040") / "index"
    wards = pd.read_csv(folder / "ward_iod2019_aggregates.csv").sort_values("ward_name")
    district = pd.read_csv(folder / "lad_iod2019_aggregates.csv").set_index("lad_code").loc[[LUTON]]
    district.insert(0, "ward_name", "Luton")
    real = pd.concat([wards.set_index("ward_code"), district])
    peer_column = peer_measure.removeprefix("iod2019:")
    areas = tuple(
        IndexArea(str(code), str(row["ward_name"]), "town" if code == LUTON else "ward", float(row[peer_column]))
        for code, row in real.iterrows()
    )
    areas = tuple(a if a.kind == "ward" else IndexArea(a.code, a.name, a.kind, None) for a in areas)
    deprivation = ((real["Income_Score"].to_numpy() - INCOME_BEST) / (INCOME_WORST - INCOME_BEST)).clip(0, 1)
    return IndexInputs(
        areas,
        _by_year(
            framework, sources, deprivation, np.random.default_rng(SEED), lambda s: real[s.removeprefix("iod2019:")]
        ),
    )


def luton_lsoa_inputs(
    framework: IndexFramework, sources: dict[str, str], peer_measure: str, stored: dict[str, dict[str, float | None]]
) -> IndexInputs:
    """Luton's LSOAs from the File 9 scores kept with the IoD2019 import (`stored`: LSOA code -> field -> score),
    named and placed in their ward by the shipped lookup."""
    lookup = pd.read_csv(dataset_path("luton2040") / "index" / "lsoa2011_wards.csv", dtype=str).sort_values("lsoa_code")
    lookup = lookup[lookup["lsoa_code"].isin(stored)]
    real = pd.DataFrame.from_dict(stored, orient="index").loc[lookup["lsoa_code"]]
    income = real[peer_measure.removeprefix(LSOA_SOURCE)].to_numpy(dtype=float)
    areas = tuple(
        IndexArea(str(row.lsoa_code), str(row.lsoa_name), "lsoa", float(peer), parent=str(row.ward_code))
        for row, peer in zip(lookup.itertuples(), income, strict=True)
    )
    scale = 1 - np.exp(-100 / IOD_TRANSFORM)
    deprivation = (1 - np.exp(-income / IOD_TRANSFORM)) / scale  # the national income rank, most deprived 1
    return IndexInputs(
        areas,
        _by_year(
            framework,
            sources,
            deprivation,
            np.random.default_rng(LSOA_SEED),
            lambda s: real[s.removeprefix(LSOA_SOURCE)],
        ),
    )


def _by_year(
    framework: IndexFramework,
    sources: dict[str, str],
    deprivation: np.ndarray,
    rng: np.random.Generator,
    column: Callable[[str], pd.Series],
) -> dict[int, np.ndarray]:
    values = {}
    for offset, year in enumerate(YEARS):
        columns = []
        for indicator in framework.indicators:
            source = sources[indicator.code]
            if source == SYNTHETIC:
                position = 0.25 + 0.6 * (1 - deprivation) + 0.03 * offset + rng.normal(0, 0.08, len(deprivation))
                span = indicator.utopia - indicator.dystopia
                columns.append(indicator.dystopia + span * position.clip(0.02, 0.98))
            else:
                columns.append(column(source).to_numpy(dtype=float))
        values[year] = np.column_stack(columns)
    return values
