"""What Thrive publishes, in one place: the Road Map as JSON-ready dictionaries (the shape
`thrive measures --json`, `thrive show --json`, the API and the reports promise) and the figures as
template rows (the shape `thrive export` and the download links write, so that export then import is a no-op).

These shapes are a public contract (README, "JSON shapes"); change them only by adding keys.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Connection

from thrive.data.safe_cells import neutralise_frame
from thrive.data.template import TEMPLATE_COLUMNS, outlier_reason
from thrive.framework import Measure, RoadMap, Target
from thrive.framework.area import LUTON
from thrive.framework.observation import FLAGS, NUMBERS
from thrive.store.framework_store import measure_of_series
from thrive.store.observations import WORKING, current_observations


def latest_by_series(current: pd.DataFrame, area_code: str = LUTON) -> dict[str, dict[str, Any]]:
    """The most recent figure for each series in one area."""
    here = current[(current["area_code"] == area_code) & current["value"].notna()]
    here = here.sort_values(["period_end", "period_start"], kind="stable")
    latest = here.groupby("series_id", sort=False).tail(1)
    return {
        str(row["series_id"]): {"value": _number(row["value"]), "period": row["period_label"]}
        for row in _records(latest)
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _target_json(targets: list[Target]) -> dict[str, Any]:
    """One year's target; for a measure with several series, each series' wording and value too."""
    if len(targets) == 1:
        only = targets[0]
        return {"text": only.text, "value": only.value, "kind": only.spec.kind.value}
    return {
        "text": "; ".join(dict.fromkeys(t.text for t in targets)),
        "value": targets[0].value,
        "kind": targets[0].spec.kind.value,
        "series": {t.series_id: {"text": t.text, "value": t.value, "kind": t.spec.kind.value} for t in targets},
    }


def measure_summary(measure: Measure, roadmap: RoadMap, latest: dict[str, dict[str, Any]]) -> dict[str, Any]:
    by_year: dict[int, list[Target]] = {}
    for target in roadmap.targets_for(measure.id):
        by_year.setdefault(target.year, []).append(target)
    order = {s.id: s.ordinal for s in measure.series}
    for targets in by_year.values():
        targets.sort(key=lambda t: order.get(t.series_id, 0))
    primary = measure.series[0].id if measure.series else None
    return {
        "id": measure.id,
        "priority": measure.priority,
        "outcome": measure.outcome.text,
        "measure": measure.wording,
        "headline": measure.headline,
        "polarity": measure.polarity.value,
        "unit": measure.unit,
        "groups": list(measure.groups),
        "latest": latest.get(primary) if primary else None,
        "milestones": {str(year): _target_json(by_year[year]) for year in sorted(by_year) if year < 2040},
        "target_2040": _target_json(by_year[2040]) if 2040 in by_year else None,
        "published_trend": measure.published_trend,
        "series": [{"id": s.id, "label": s.label, "unit": s.unit, "latest": latest.get(s.id)} for s in measure.series],
    }


def measure_detail(
    measure: Measure,
    roadmap: RoadMap,
    current: pd.DataFrame,
    observation_history: list[dict[str, Any]],
    target_history: list[dict[str, Any]],
) -> dict[str, Any]:
    mine = current[current["series_id"].isin([s.id for s in measure.series])]
    summary = measure_summary(measure, roadmap, latest_by_series(mine))
    observations: dict[str, list[dict[str, Any]]] = {}
    for row in _records(mine.sort_values(["series_id", "area_code", "period_start"])):
        observations.setdefault(row["series_id"], []).append(
            {
                "area": row["area_code"],
                "period": row["period_label"],
                "period_kind": row["period_kind"],
                "period_start": row["period_start"],
                "period_end": row["period_end"],
                **{name: _number(row[name]) for name in NUMBERS},
                "flags": [flag for flag in FLAGS if row[flag]],
                "source": row["source"],
                "note": row["note"],
                "ref": row["ref"],
            }
        )
    for series in summary["series"]:
        series["observations"] = observations.get(series["id"], [])
    summary.update(
        definition=measure.definition,
        source=measure.source,
        frequency=measure.frequency.value,
        notes=[{"text": n.text, "ref": n.ref} for n in measure.notes],
        priority_table=measure.priority_table,
        targets=[
            {"series": t.series_id, "year": t.year, "text": t.text, "ref": t.ref, "note": t.note, **t.spec.to_dict()}
            for t in roadmap.targets_for(measure.id)
        ],
        history={"observations": observation_history, "targets": target_history},
    )
    return summary


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
    PARQUET = "parquet"


MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.JSON: "application/json",
    ExportFormat.PARQUET: "application/vnd.apache.parquet",
}
FORMAT_NAMES = {
    ExportFormat.CSV: "CSV",
    ExportFormat.XLSX: "Excel",
    ExportFormat.JSON: "JSON",
    ExportFormat.PARQUET: "Parquet",
}
"""What a reader calls each format, as the download links name them."""


@dataclass(frozen=True)
class FigureNames:
    """What a reader needs beside the codes: the names of measures, series and areas, units and licences."""

    measures: Mapping[str, str]
    series: Mapping[str, str]
    units: Mapping[str, str]
    areas: Mapping[str, str]
    licences: Mapping[str, str]
    """By series; a series not named here has the site's licence, DEFAULT_LICENCE."""


DEFAULT_LICENCE = "Open Government Licence v3.0"
NAMED_COLUMNS = ("measure_name", "series_name", "unit", "area_name")


def named_rows(rows: pd.DataFrame, names: FigureNames) -> pd.DataFrame:
    """Template rows with a name beside each code, each figure's unit and its licence: the download for
    readers (the template shape alone stays the one the importer reads back)."""
    added = {
        "measure_name": rows["measure"].map(names.measures),
        "series_name": rows["series"].map(names.series),
        "unit": rows["series"].map(names.units),
        "area_name": rows["area"].map(names.areas),
        "licence": rows["series"].map(lambda series: names.licences.get(series, DEFAULT_LICENCE)),
    }
    columns = list(rows.columns)
    order = [*columns[: columns.index("period")], *NAMED_COLUMNS, *columns[columns.index("period") :]]
    order.insert(order.index("source") + 1, "licence")
    return rows.assign(**added)[order]


def template_rows(current: pd.DataFrame, measure_of_series: Mapping[str, str]) -> pd.DataFrame:
    """Current observations as template rows, in a stable order so that exports can be diffed."""
    out = pd.DataFrame(
        {
            "measure": current["series_id"].map(measure_of_series),
            "series": current["series_id"],
            "area": current["area_code"],
            "period": _period_labels(current),
            "period_kind": current["period_kind"],
            **{name: current[name] for name in NUMBERS},
            **{name: current[name].map({True: "yes", False: "no"}) for name in FLAGS},
            "source": current["source"],
            "note": current["note"],
            "ref": current["ref"],
            "outlier_reason": current["note"].map(outlier_reason),
            "_start": current["period_start"],
        }
    )
    out = out.sort_values(["measure", "series", "area", "_start", "period_kind"], kind="stable")
    return out[TEMPLATE_COLUMNS].reset_index(drop=True)


def template_frame(connection: Connection, series_ids: list[str] | None = None, view: str = WORKING) -> pd.DataFrame:
    """The Road Map's figures as template rows (an indicator's own series is not a measure's, so it is left out)."""
    measures = measure_of_series(connection)
    current = current_observations(connection, series_ids if series_ids is not None else list(measures), view=view)
    return template_rows(current, measures)


def _period_labels(current: pd.DataFrame) -> pd.Series:
    """Labels as published, except a date printed n/n/yyyy, written as its ISO date so it imports unambiguously."""
    labels = current["period_label"].astype(str)
    slash_date = labels.str.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}")
    return labels.where(~slash_date, current["period_start"].astype(str).str[:10])


def export_bytes(
    frame: pd.DataFrame, fmt: ExportFormat, shape: str = "thrive-template", rows: str = "observations"
) -> bytes:
    """The rows in one format; CSV and XLSX text is escaped so no cell runs as a formula (safe_cells).
    Parquet keeps the columns' own types, for analysts loading every area's figures at once. `rows`
    names the JSON list and the Excel sheet."""
    if fmt is ExportFormat.PARQUET:
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        return buffer.getvalue()
    if fmt is ExportFormat.CSV:
        return neutralise_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt is ExportFormat.XLSX:
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            neutralise_frame(frame).to_excel(writer, index=False, sheet_name=rows)
        return buffer.getvalue()
    records = [
        {key: (None if pd.isna(value) else value) for key, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]
    return (json.dumps({"format": shape, rows: records}, indent=1, allow_nan=False) + "\n").encode("utf-8")


def write_export(frame: pd.DataFrame, path: Path, fmt: ExportFormat) -> None:
    path.write_bytes(export_bytes(frame, fmt))
