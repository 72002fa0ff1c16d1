"""What the official-statistics readers share: publishers' markers, area kinds, units and ids.

Each reader (ONS Explore Local Statistics, DfE) turns its file into rows tied to an indicator's
series, in the import template's columns, plus the indicators and areas the file names. Checking
the cells themselves is left to the template's validation, so every format reports a bad cell
the same way: file, row, column, and what to do.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd
import yaml

from thrive.data.problems import Problem
from thrive.datasets import DATASETS
from thrive.framework import Area, AreaType, Indicator, Polarity

SUPPRESSED_MARKERS = frozenset({"c", "x", "z", ":", "-", "..", "low", "[c]", "[x]", "[z]", "[low]", "na", "n/a"})
"""GSS and DfE symbols for a value the publisher withheld: confidential, not available, not
applicable, or too low to show. The value is then empty and the figure is flagged suppressed."""
LOW_RELIABILITY_MARKERS = frozenset({"u", "[u]"})
"""The GSS symbol for a low-reliability estimate."""
MARKER_MEANINGS = {
    "c": "confidential",
    "x": "not available",
    "z": "not applicable",
    ":": "not available",
    "-": "not available",
    "..": "not available",
    "low": "too low to show",
    "na": "not available",
    "n/a": "not available",
    "u": "low reliability",
}

_AREA_PREFIXES: dict[str, AreaType] = {
    "E92": AreaType.COUNTRY,
    "W92": AreaType.COUNTRY,
    "S92": AreaType.COUNTRY,
    "N92": AreaType.COUNTRY,
    "E12": AreaType.REGION,
    "E06": AreaType.LOCAL_AUTHORITY,
    "E07": AreaType.LOCAL_AUTHORITY,
    "E08": AreaType.LOCAL_AUTHORITY,
    "E09": AreaType.LOCAL_AUTHORITY,
    "E10": AreaType.LOCAL_AUTHORITY,
    "W06": AreaType.LOCAL_AUTHORITY,
    "S12": AreaType.LOCAL_AUTHORITY,
    "N09": AreaType.LOCAL_AUTHORITY,
    "E05": AreaType.WARD,
    "W05": AreaType.WARD,
    "E02": AreaType.MSOA,
    "E01": AreaType.LSOA,
}
"""The kind of area a GSS code names, from its entity code (the first three characters)."""
GSS_CODE = re.compile(r"^[EWSNK]\d{8}$")
ID_LENGTH = 60


def area_type_of(code: str) -> AreaType | None:
    """The kind of area a GSS code names; None for kinds Thrive does not hold (combined authorities, say)."""
    return _AREA_PREFIXES.get(code[:3]) if GSS_CODE.match(code) else None


def indicator_id(prefix: str, *parts: str) -> str:
    """A stable id for an indicator from its publisher's own names: `ons-male-healthy-life-expectancy`.

    A name too long for an id is cut at a word and given six characters of its digest, so two
    long names that start alike still get different ids.
    """
    words = re.sub(r"[^a-z0-9]+", "-", " ".join(parts).lower()).strip("-")
    full = f"{prefix}-{words}"
    if len(full) <= ID_LENGTH:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:6]
    cut = full[: ID_LENGTH - len(digest) - 1]
    cut = cut[: cut.rfind("-")] if "-" in cut[len(prefix) + 1 :] else cut
    return f"{cut}-{digest}"


def per_value(values: pd.Series, function: Callable[[str], object]) -> np.ndarray:
    """`function` of each cell, worked out once per distinct value: a file of 10,000 rows names a few hundred areas."""
    codes, uniques = pd.factorize(values.astype(str))
    results = np.empty(len(uniques) + 1, dtype=object)
    results[: len(uniques)] = [function(str(u)) for u in uniques]
    out: np.ndarray = results[codes]
    return out


def marker_note(marker: str) -> str:
    meaning = MARKER_MEANINGS.get(marker.strip("[]").lower())
    return f"The publisher marked this figure '{marker}'" + (f" ({meaning})." if meaning else ".")


@dataclass(frozen=True)
class RowChunk:
    """Rows in the template's columns (`series` is the indicator's id), their numbers in the file,
    and the file's own name for each column, so a problem names the cell as the file does."""

    frame: pd.DataFrame
    rows: np.ndarray
    labels: dict[str, str]


@dataclass(frozen=True)
class IndicatorRows:
    """What a reader made of a file: its rows, and the indicators and areas it names."""

    chunks: list[RowChunk]
    indicators: list[Indicator]
    areas: list[Area]
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def refused(cls, problem: Problem) -> IndicatorRows:
        return cls([], [], [], {}, [problem])

    @property
    def row_count(self) -> int:
        return sum(len(chunk.frame) for chunk in self.chunks)


# ---------------------------------------------------------------- metadata of the indicators Thrive ships


@dataclass(frozen=True)
class IndicatorNotes:
    """What the shipped catalogue says about an indicator a file carries (its publisher's own metadata)."""

    indicator: Indicator
    break_in_series: tuple[str, ...] = ()
    """Period labels that start a break in series, as the publisher warns."""


@cache
def shipped_catalogue() -> Mapping[str, IndicatorNotes]:
    """The shipped indicators' metadata (open_data/indicators.yaml), by indicator id; read once per process."""
    source = DATASETS / "open_data" / "indicators.yaml"
    entries = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    out = {}
    for entry in entries:
        found = Indicator(
            id=entry["id"],
            title=entry["title"],
            definition=entry["definition"],
            unit=entry["unit"],
            polarity=Polarity(entry["polarity"]),
            period_type=entry["period_type"],
            source=entry["source"],
            publisher=entry["publisher"],
            licence=entry["licence"],
            url=entry.get("url"),
            caveats=entry.get("caveats"),
        )
        out[found.id] = IndicatorNotes(found, tuple(str(p) for p in entry.get("break_in_series", ())))
    return out


def described(found: Indicator, catalogue: Mapping[str, IndicatorNotes]) -> Indicator:
    """The catalogue's metadata where it knows the indicator; the file's own otherwise."""
    known = catalogue.get(found.id)
    return known.indicator if known else found


def with_breaks(frame: pd.DataFrame, catalogue: Mapping[str, IndicatorNotes]) -> pd.DataFrame:
    """Mark the figures that start a break in series the publisher warns of."""
    flags = np.zeros(len(frame), dtype=bool)
    for notes in catalogue.values():
        if notes.break_in_series:
            flags |= (frame["series"] == notes.indicator.id).to_numpy() & frame["period"].isin(
                notes.break_in_series
            ).to_numpy()
    out = frame.copy()
    out["break_in_series"] = np.where(flags, "yes", "")
    return out


def unit_of(unit: str, measure: str = "") -> str:
    """A publisher's unit as one of Thrive's units (docs/dataset-format.md), so figures read alike."""
    text = f"{unit} {measure}".lower()
    if "%" in unit or "percent" in text:
        return "percent"
    if "£" in unit or "pound" in text:
        return "gbp"
    if unit.lower() in {"yrs", "years"}:
        return "years"
    if "co2" in text and ("per capita" in text or "per person" in text):
        return "tco2e_per_capita"
    if "score" in text:
        return "score"
    if "10,000" in text or "10000" in text:
        return "rate_per_10000"
    if "1,000" in text or "1000" in text:
        return "per_1000_households" if "household" in text else "rate_per_1000"
    return "number"
