"""Maps as SVG shapes: Luton's wards (each a link to its ward page) and a release's LSOAs (a decile map)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from thrive.datasets import dataset_path

WIDTH = 600


@dataclass(frozen=True)
class WardShape:
    code: str
    name: str
    path: str


@cache
def ward_shapes(dataset: str = "luton2040") -> tuple[tuple[WardShape, ...], float]:
    """SVG path data for each ward, and the map's height, projected to a flat map around Luton."""
    return _shapes(dataset_path(dataset) / "boundaries" / "wards.geojson", "WD13CD", "WD13NM")


@cache
def lsoa_shapes(boundaries: Path) -> tuple[tuple[WardShape, ...], float]:
    """The same for a release's LSOAs (2011), from the boundaries it ships."""
    return _shapes(boundaries, "LSOA11CD", "LSOA11NM")


def _shapes(path: Path, code_key: str, name_key: str) -> tuple[tuple[WardShape, ...], float]:
    geojson = json.loads(path.read_text(encoding="utf-8"))
    rings = []
    for feature in geojson["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings.append((feature["properties"][code_key], feature["properties"][name_key], [p[0] for p in polygons]))
    points = [pt for _, _, polys in rings for ring in polys for pt in ring]
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    lat0, lat1 = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(math.radians((lat0 + lat1) / 2))
    scale = WIDTH / ((lon1 - lon0) * squeeze)
    height = (lat1 - lat0) * scale

    def xy(point: list[float]) -> str:
        return f"{(point[0] - lon0) * squeeze * scale:.1f},{(lat1 - point[1]) * scale:.1f}"

    shapes = tuple(
        WardShape(code, name, " ".join("M" + " L".join(xy(p) for p in ring) + " Z" for ring in polys))
        for code, name, polys in sorted(rings, key=lambda r: r[1])
    )
    return shapes, height
