"""ONS Explore Local Statistics CSVs, taken in unchanged, whichever indicator they hold.

The layout is one row per area, indicator and period: `areacd`, `areanm`, `indicator`, `period`
(ISO 8601 start and duration, such as `2023-01-01/P1Y`, or a survey date), `observation`,
`measure`, `unit`, the 95% limits and a `status` (GSS markers: `x` not available, `u` low
reliability). Older files of the same store name some columns differently
(`lower_confidence_interval_95`, `observation_status`); both are recognised.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from thrive.data.official import (
    LOW_RELIABILITY_MARKERS,
    SUPPRESSED_MARKERS,
    IndicatorNotes,
    IndicatorRows,
    RowChunk,
    area_type_of,
    described,
    indicator_id,
    marker_note,
    per_value,
    unit_of,
    with_breaks,
)
from thrive.data.problems import Problem
from thrive.data.reading import FIRST_DATA_ROW
from thrive.framework import Area, AreaType, Indicator, Polarity, parse_period
from thrive.framework.period import PeriodError

PUBLISHER = "Office for National Statistics"
SOURCE = "ONS Explore Local Statistics"
LICENCE = "Open Government Licence v3.0"

COLUMNS = {
    "areacd": "area",
    "areanm": "area_name",
    "indicator": "indicator",
    "period": "period",
    "observation": "value",
    "measure": "measure",
    "unit": "unit",
    "lci95": "lower_ci",
    "uci95": "upper_ci",
    "lowerconfidenceinterval95": "lower_ci",
    "upperconfidenceinterval95": "upper_ci",
    "status": "status",
    "observationstatus": "status",
    "notes": "note",
    "polarity": "polarity",
}
REQUIRED = ("area", "indicator", "period", "value")


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def ons_rows(frame: pd.DataFrame, file: str, catalogue: Mapping[str, IndicatorNotes]) -> IndicatorRows:
    renames: dict[str, str] = {}
    for column in frame.columns:
        ours = COLUMNS.get(_key(column))
        if ours is not None and ours not in renames.values():
            renames[column] = ours
    labels = {ours: original for original, ours in renames.items()}
    missing = [c for c in REQUIRED if c not in labels]
    if missing:
        wanted = ", ".join({"area": "'areacd'", "value": "'observation'"}.get(c, f"'{c}'") for c in missing)
        return IndicatorRows.refused(
            Problem(file, 1, None, f"this is not an ONS Explore Local Statistics file: it has no {wanted} column.")
        )
    data = frame.rename(columns=renames)[list(renames.values())].copy()
    for column in data.columns:
        data[column] = data[column].astype(str).str.strip()
    for optional in ("area_name", "measure", "unit", "lower_ci", "upper_ci", "status", "note", "polarity"):
        if optional not in data:
            data[optional] = ""
    rows = np.arange(len(data)) + FIRST_DATA_ROW
    problems = [
        Problem(file, int(rows[i]), labels["indicator"], "name the indicator. This cell is empty.")
        for i in np.flatnonzero((data["indicator"] == "").to_numpy()).tolist()
    ]

    status = data["status"].str.lower()
    withheld = status.isin(SUPPRESSED_MARKERS) | ((data["value"] == "") & (status != ""))
    unreliable = status.isin(LOW_RELIABILITY_MARKERS)
    unknown_status = (status != "") & ~withheld & ~unreliable
    problems += [
        Problem(
            file,
            int(rows[i]),
            labels.get("status", "status"),
            f"'{data['status'].iat[i]}' is not a marker Thrive knows. Use x (not available) or u (low reliability).",
        )
        for i in np.flatnonzero(unknown_status.to_numpy()).tolist()
    ]

    kinds = per_value(data["area"], area_type_of)
    keep = pd.notna(kinds) | (data["area"] == "").to_numpy()
    skipped = {}
    if (~keep).any():
        skipped[
            "rows for areas of a kind Thrive does not hold (such as the UK, Great Britain or combined authorities)"
        ] = int((~keep).sum())

    ids = per_value(data["indicator"], lambda name: indicator_id("ons", name))
    out = pd.DataFrame(
        {
            "series": ids,
            "area": data["area"].to_numpy(),
            "period": data["period"].to_numpy(),
            "value": np.where(withheld, "", data["value"].to_numpy()),
            "lower_ci": data["lower_ci"].to_numpy(),
            "upper_ci": data["upper_ci"].to_numpy(),
            "suppressed": np.where(withheld, "yes", ""),
            "low_reliability": np.where(unreliable, "yes", ""),
            "source": (SOURCE + ": " + data["indicator"]).to_numpy(),
            "note": _notes(data, withheld | unreliable),
        }
    )
    out = with_breaks(out, catalogue)
    mask = keep & (data["indicator"] != "").to_numpy()
    indicators = _indicators(data[mask], ids[mask], catalogue, file)
    return IndicatorRows(
        [RowChunk(out[mask].reset_index(drop=True), rows[mask], labels)],
        indicators,
        _areas(data[mask], kinds[mask]),
        skipped,
        problems,
    )


def _notes(data: pd.DataFrame, marked: pd.Series) -> np.ndarray:
    marker = np.where(marked.to_numpy(), per_value(data["status"], marker_note), "")
    given = data["note"].to_numpy(dtype=object)
    return np.array([" ".join(p for p in pair if p) for pair in zip(given, marker, strict=True)], dtype=object)


def _indicators(
    data: pd.DataFrame, ids: np.ndarray, catalogue: Mapping[str, IndicatorNotes], file: str
) -> list[Indicator]:
    out = []
    first = pd.DataFrame({"id": ids, "row": np.arange(len(ids))}).drop_duplicates("id")
    for identity, position in zip(first["id"], first["row"], strict=True):
        row = data.iloc[int(position)]
        measure, unit = str(row["measure"]), str(row["unit"])
        try:
            period_type = parse_period(str(row["period"])).kind.value
        except PeriodError:
            period_type = "unknown"
        polarity = {"1": Polarity.HIGHER_IS_BETTER, "-1": Polarity.LOWER_IS_BETTER}.get(
            str(row["polarity"]), Polarity.NO_JUDGEMENT
        )
        found = Indicator(
            id=str(identity),
            title=str(row["indicator"]),
            definition=f"{row['indicator']} ({measure or unit}), as {SOURCE} publishes it, from {file}.",
            unit=unit_of(unit, measure),
            polarity=polarity,
            period_type=period_type,
            source=f"{SOURCE}: {row['indicator']}",
            publisher=PUBLISHER,
            licence=LICENCE,
        )
        out.append(described(found, catalogue))
    return out


def _areas(data: pd.DataFrame, kinds: np.ndarray) -> list[Area]:
    """The areas the file names, with the file's names: it is the authority on them."""
    first = data.assign(kind=kinds).drop_duplicates("area")
    return [
        Area(str(code), str(name) or str(code), AreaType(kind))
        for code, name, kind in zip(first["area"], first["area_name"], first["kind"], strict=True)
        if kind is not None and not pd.isna(kind)
    ]
