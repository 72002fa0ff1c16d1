"""OHID Fingertips downloads, taken in unchanged.

Accepts the column names of the Fingertips website's "download data" CSV (`Area Code`,
`Lower CI 95.0 limit`) and of fingertipsR / fingertips_py (`AreaCode`, `LowerCI95.0limit`):
both reduce to the same key once case and punctuation are dropped. Rows are mapped to a
Thrive series by indicator id (the dataset's `fingertips.yaml`), or all to one series.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from thrive.data.problems import Problem
from thrive.data.reading import FIRST_DATA_ROW
from thrive.datasets import dataset_path
from thrive.framework import Area, AreaType

COLUMNS = {
    "indicatorid": "indicator",
    "indicatorname": "indicator_name",
    "parentcode": "parent_code",
    "areacode": "area",
    "areaname": "area_name",
    "areatype": "area_type",
    "sex": "sex",
    "age": "age",
    "categorytype": "category_type",
    "timeperiod": "period",
    "value": "value",
    "lowerci950limit": "lower_ci",
    "upperci950limit": "upper_ci",
    "count": "numerator",
    "denominator": "denominator",
    "valuenote": "note",
}
REQUIRED = ["indicator", "area", "period", "value"]
AREA_TYPES = {
    "england": AreaType.COUNTRY,
    "country": AreaType.COUNTRY,
    "region": AreaType.REGION,
    "regions": AreaType.REGION,
    "county & ua": AreaType.LOCAL_AUTHORITY,
    "counties & uas": AreaType.LOCAL_AUTHORITY,
    "district & ua": AreaType.LOCAL_AUTHORITY,
    "districts & uas": AreaType.LOCAL_AUTHORITY,
    "upper tier local authorities": AreaType.LOCAL_AUTHORITY,
    "lower tier local authorities": AreaType.LOCAL_AUTHORITY,
    "ward": AreaType.WARD,
    "wards": AreaType.WARD,
    "msoa": AreaType.MSOA,
    "lsoa": AreaType.LSOA,
}
GSS_CODE = re.compile(r"^[EWSNK]\d{8}$")


@dataclass(frozen=True)
class FingertipsLink:
    indicator: str
    series: str
    measure: str
    sex: str | None = None
    age: str | None = None


@dataclass(frozen=True)
class FingertipsRows:
    """A Fingertips file turned into template rows, with what was set aside and why."""

    frame: pd.DataFrame
    rows: np.ndarray
    labels: dict[str, str]
    areas: list[Area]
    skipped: dict[str, int]
    problems: list[Problem]


def _normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", name.lower()).replace(".", "")


def shipped_fingertips_links(dataset: str = "luton2040") -> list[FingertipsLink]:
    path: Path = dataset_path(dataset) / "fingertips.yaml"
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        FingertipsLink(str(e["indicator_id"]), e["series"], e["measure"], e.get("sex"), e.get("age")) for e in entries
    ]


def fingertips_rows(frame: pd.DataFrame, file: str, links: list[FingertipsLink]) -> FingertipsRows:
    renames = {c: COLUMNS[_normalise(c)] for c in frame.columns if _normalise(c) in COLUMNS}
    labels = {internal: original for original, internal in renames.items()}
    missing = [c for c in REQUIRED if c not in labels]
    if missing:
        names = ", ".join(f"'{c}'" for c in missing)
        problem = Problem(file, 1, None, f"this is not a Fingertips download: the columns {names} are missing.")
        return FingertipsRows(pd.DataFrame(), np.array([]), labels, [], {}, [problem])

    data = frame.rename(columns=renames)[list(renames.values())].copy()
    for column in data.columns:
        data[column] = data[column].astype(str).str.strip()
    rows = np.arange(len(data)) + FIRST_DATA_ROW
    keep = np.ones(len(data), dtype=bool)
    skipped: dict[str, int] = {}

    def set_aside(mask: np.ndarray, why: str) -> None:
        newly = keep & mask
        if newly.any():
            skipped[why] = skipped.get(why, 0) + int(newly.sum())
        keep[newly] = False

    if "category_type" in data:
        set_aside((data["category_type"] != "").to_numpy(), "breakdowns by category (such as deprivation decile)")
    set_aside((data["value"] == "").to_numpy(), "rows with no value (suppressed or not published)")

    chosen = np.zeros(len(data), dtype=bool)
    series = np.full(len(data), "", dtype=object)
    measure = np.full(len(data), "", dtype=object)
    for link in links:
        match = (data["indicator"] == link.indicator).to_numpy(copy=True)
        if link.sex and "sex" in data:
            match &= (data["sex"] == link.sex).to_numpy()
        if link.age and "age" in data:
            match &= (data["age"] == link.age).to_numpy()
        series[match & ~chosen] = link.series
        measure[match & ~chosen] = link.measure
        chosen |= match
    set_aside(~chosen, "indicators, sexes or ages not linked to a Thrive series")

    problems = []
    for index in np.flatnonzero(keep & ~data["area"].str.match(GSS_CODE).to_numpy()):
        problems.append(
            Problem(
                file,
                int(rows[index]),
                labels["area"],
                f"'{data['area'].iat[int(index)]}' is not a GSS area code, like E06000032.",
            )
        )
    kept = data[keep]
    areas = _areas(kept)
    out = pd.DataFrame(
        {
            "measure": measure[keep],
            "series": series[keep],
            "area": kept["area"].to_numpy(),
            "period": kept["period"].to_numpy(),
            "value": kept["value"].to_numpy(),
            "numerator": kept.get("numerator", pd.Series("", index=kept.index)).to_numpy(),
            "denominator": kept.get("denominator", pd.Series("", index=kept.index)).to_numpy(),
            "lower_ci": kept.get("lower_ci", pd.Series("", index=kept.index)).to_numpy(),
            "upper_ci": kept.get("upper_ci", pd.Series("", index=kept.index)).to_numpy(),
            "note": kept.get("note", pd.Series("", index=kept.index)).to_numpy(),
            "source": (
                "OHID Fingertips indicator "
                + kept["indicator"]
                + (": " + kept["indicator_name"] if "indicator_name" in kept else "")
            ).to_numpy(),
        }
    )
    out["source"] = out["source"].str.replace(r"\s+", " ", regex=True).str.strip()
    return FingertipsRows(out, rows[keep], labels, areas, skipped, problems)


def _areas(kept: pd.DataFrame) -> list[Area]:
    """The areas a Fingertips file names; the file is the authority on their names."""
    if "area_name" not in kept or "area_type" not in kept:
        return []
    distinct = kept.drop_duplicates("area")
    out = []
    for row in distinct.itertuples(index=False):
        area_type = AREA_TYPES.get(str(row.area_type).lower())
        if area_type is None or not GSS_CODE.match(str(row.area)):
            continue
        parent = getattr(row, "parent_code", "") or None
        out.append(
            Area(str(row.area), str(row.area_name), area_type, parent if parent and GSS_CODE.match(parent) else None)
        )
    return out
