"""The open data Thrive ships (open_data/manifest.yaml): which files load, in which format, and
the neighbour models and deprivation releases beside them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from thrive.data.neighbours import ModelSpec
from thrive.datasets import DATASETS

OPEN_DATA = DATASETS / "open_data"


@dataclass(frozen=True)
class ShippedFile:
    path: Path
    format: str


@dataclass(frozen=True)
class ShippedRelease:
    release: int
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class Manifest:
    files: tuple[ShippedFile, ...]
    neighbours: tuple[ModelSpec, ...]
    deprivation: tuple[ShippedRelease, ...]


def _date(value: object) -> date | None:
    if value is None:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def shipped_manifest(folder: Path = OPEN_DATA) -> Manifest:
    raw = yaml.safe_load((folder / "manifest.yaml").read_text(encoding="utf-8"))
    return Manifest(
        files=tuple(ShippedFile(folder / f["path"], f["format"]) for f in raw["files"]),
        neighbours=tuple(
            ModelSpec(
                code=m["code"],
                group=m["group"],
                name=m["name"],
                publisher=m["publisher"],
                layout=m["layout"],
                path=folder / m["path"],
                in_force_from=_date(m.get("in_force_from")),
                in_force_to=_date(m.get("in_force_to")),
                licence=m["licence"],
                source=m["source"],
                note=m.get("note"),
                model=m.get("model"),
            )
            for m in raw["neighbours"]
        ),
        deprivation=tuple(
            ShippedRelease(int(d["release"]), tuple(folder / p for p in d["paths"])) for d in raw["deprivation"]
        ),
    )
