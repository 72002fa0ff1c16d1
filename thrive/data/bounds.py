"""Read the figure bounds the Luton 2040 dataset ships (figure-bounds.yaml)."""

from __future__ import annotations

from functools import cache

import yaml

from thrive.datasets import dataset_path
from thrive.framework.bounds import FigureBounds, UnitRange


@cache
def load_bounds(dataset: str = "luton2040") -> FigureBounds:
    raw = yaml.safe_load((dataset_path(dataset) / "figure-bounds.yaml").read_text(encoding="utf-8"))
    return FigureBounds(
        largest=float(raw["largest"]),
        smallest=float(raw["smallest"]),
        units={
            name: UnitRange(float(spec["lowest"]), float(spec["highest"]), str(spec["why"]))
            for name, spec in raw["units"].items()
        },
        lowest_count=float(raw["counts"]["lowest"]),
        earliest_year=int(raw["periods"]["earliest_year"]),
        text_lengths={str(k): int(v) for k, v in raw["text_lengths"].items()},
    )
