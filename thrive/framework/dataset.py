"""A dataset: the Road Map together with its figures and the documents they were read from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thrive.framework.observation import Observation
from thrive.framework.roadmap import RoadMap


@dataclass(frozen=True)
class Document:
    """A source document; figures cite it as `"<id>:<line>"`."""

    id: str
    file: str
    title: str
    publisher: str | None
    published: str | None
    cited_as: str | None = None
    """The short name a public page cites it by ("Luton 2040 Progress Report 2025")."""

    @property
    def citation(self) -> str:
        return self.cited_as or self.title.split(" (")[0]


@dataclass(frozen=True)
class Dataset:
    name: str
    roadmap: RoadMap
    observations: tuple[Observation, ...]
    documents: tuple[Document, ...]
    band_tables: tuple[dict[str, Any], ...]
