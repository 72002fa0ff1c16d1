"""Read published neighbour models: DfE's children's services statistical neighbours and Oflog's
nearest neighbours, each into one list of neighbours per area, closest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from thrive.data.official import GSS_CODE
from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import read_table
from thrive.framework import Area, AreaType, ComparatorModel


@dataclass(frozen=True)
class ModelSpec:
    """One model as the open-data manifest describes it."""

    code: str
    group: str
    name: str
    publisher: str
    layout: str
    path: Path
    in_force_from: date | None
    in_force_to: date | None
    licence: str
    source: str
    note: str | None = None
    model: str | None = None
    """The model's own label in a file that holds several (DfE's `sn_model`: 'April 2021')."""


@dataclass(frozen=True)
class ReadModel:
    model: ComparatorModel
    areas: list[Area]
    """The areas the file names, with its names (DfE's file has them; Oflog's has codes only)."""


def read_model(spec: ModelSpec) -> ReadModel:
    if spec.layout == "dfe":
        neighbours, areas = _dfe(spec)
    elif spec.layout == "oflog":
        neighbours, areas = _oflog(spec.path), []
    else:
        raise ProblemsError([Problem(spec.path.name, None, None, f"'{spec.layout}' is not a neighbour layout.")])
    model = ComparatorModel(
        spec.code,
        spec.name,
        spec.publisher,
        spec.in_force_from,
        spec.in_force_to,
        neighbours,
        spec.source,
        spec.licence,
        spec.note,
    )
    return ReadModel(model, areas)


def _dfe(spec: ModelSpec) -> tuple[dict[str, tuple[str, ...]], list[Area]]:
    frame = read_table(spec.path)
    wanted = {"sn_model", "ons_code", "la_name", "neighbour_rank", "neighbour_ons_code", "neighbour_name"}
    missing = sorted(wanted - set(frame.columns))
    if missing:
        raise ProblemsError([Problem(spec.path.name, 1, None, f"the columns {', '.join(missing)} are missing.")])
    rows = frame[frame["sn_model"] == spec.model]
    if rows.empty:
        raise ProblemsError([Problem(spec.path.name, None, "sn_model", f"no rows for the model '{spec.model}'.")])
    # Authorities that no longer exist have no ONS code in DfE's list; they cannot be placed.
    rows = rows[rows["ons_code"].str.match(GSS_CODE) & rows["neighbour_ons_code"].str.match(GSS_CODE)]
    rows = rows.assign(rank=pd.to_numeric(rows["neighbour_rank"])).sort_values(["ons_code", "rank"])
    neighbours = {
        str(code): tuple(dict.fromkeys(str(c) for c in group["neighbour_ons_code"]))
        for code, group in rows.groupby("ons_code")
    }
    names = pd.concat(
        [
            rows[["ons_code", "la_name"]].set_axis(["code", "name"], axis=1),
            rows[["neighbour_ons_code", "neighbour_name"]].set_axis(["code", "name"], axis=1),
        ]
    ).drop_duplicates("code")
    areas = [Area(str(c), str(n), AreaType.LOCAL_AUTHORITY) for c, n in zip(names["code"], names["name"], strict=True)]
    return neighbours, areas


def _oflog(path: Path) -> dict[str, tuple[str, ...]]:
    """Oflog's file maps each authority to sixteen codes, itself first: its fifteen nearest neighbours."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ProblemsError([Problem(path.name, None, None, f"the file is not readable JSON ({error}).")]) from None
    if not isinstance(raw, dict):
        raise ProblemsError([Problem(path.name, None, None, "expected an object of area code to neighbour codes.")])
    out = {}
    for code, listed in raw.items():
        if not GSS_CODE.match(str(code)) or not isinstance(listed, list):
            continue
        kept = (str(c) for c in listed if str(c) != str(code) and GSS_CODE.match(str(c)))
        out[str(code)] = tuple(dict.fromkeys(kept))
    return out
