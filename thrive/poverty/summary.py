"""Band distributions as people read them: households and percentages in each band and below
each line, worked out from figures that have already passed disclosure control (or that the
council has already published)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from thrive.framework.area import LUTON
from thrive.poverty.bands import BAND_LABELS, LINE_LABELS, Band

BELOW = {"fqol": ("C", "D", "E"), "basic_needs": ("D", "E"), "destitution": ("E",)}


class FigureLike(Protocol):
    @property
    def year(self) -> int: ...
    @property
    def breakdown(self) -> str: ...
    @property
    def row_key(self) -> str: ...
    @property
    def column_key(self) -> str: ...
    @property
    def value(self) -> float | None: ...


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    households: float | None
    percent: float | None


@dataclass(frozen=True)
class Distribution:
    year: int
    households: float | None
    bands: tuple[Share, ...]
    below_lines: tuple[Share, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "year": self.year,
            "households": self.households,
            "bands": [share.__dict__ for share in self.bands],
            "below_lines": [share.__dict__ for share in self.below_lines],
        }


def distributions(figures: Iterable[FigureLike]) -> list[Distribution]:
    """Luton's distribution for each year in a run, published or modelled."""
    by_year: dict[int, dict[str, float | None]] = {}
    below_published: dict[int, dict[str, float | None]] = {}
    for figure in figures:
        if figure.breakdown == "published_bands":
            by_year.setdefault(figure.year, {})[figure.row_key] = figure.value
        elif figure.breakdown == "published_lines":
            below_published.setdefault(figure.year, {})[figure.row_key] = figure.value
        elif figure.breakdown == "ward" and figure.row_key == LUTON:
            by_year.setdefault(figure.year, {})[figure.column_key] = figure.value
    return [_distribution(year, counts, below_published.get(year, {})) for year, counts in sorted(by_year.items())]


def _distribution(year: int, counts: dict[str, float | None], published_below: dict[str, float | None]) -> Distribution:
    total = counts.get("total")
    keys = ["A_B"] if "A_B" in counts else ["A", "B"]
    keys += ["C", "D", "E"]
    bands = tuple(Share(key, _band_label(key), counts.get(key), _percent(counts.get(key), total)) for key in keys)
    below = []
    for line, members in BELOW.items():
        parts = [counts.get(member) for member in members]
        households = published_below.get(
            line, None if any(part is None for part in parts) else sum(p or 0 for p in parts)
        )
        below.append(Share(line, LINE_LABELS[line], households, _percent(households, total)))
    return Distribution(year, total, bands, tuple(below))


def _band_label(key: str) -> str:
    if key == "A_B":
        return "High or good standard of living (A and B)"
    return f"{BAND_LABELS[Band[key]]} ({key})"


def _percent(households: float | None, total: float | None) -> float | None:
    if households is None or not total:
        return None
    return round(100 * households / total, 1)
