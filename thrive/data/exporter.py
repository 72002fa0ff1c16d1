"""Export observations in the template format, so that export then import is a no-op."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, select

from thrive.data.safe_cells import neutralise_frame
from thrive.data.template import TEMPLATE_COLUMNS, outlier_reason
from thrive.store.observations import FLAGS, NUMBERS, WORKING, current_observations
from thrive.store.schema import series


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


MEDIA_TYPES = {
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ExportFormat.JSON: "application/json",
}


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


def _period_labels(current: pd.DataFrame) -> pd.Series:
    """Labels as published, except a date printed n/n/yyyy, written as its ISO date so it imports unambiguously."""
    labels = current["period_label"].astype(str)
    slash_date = labels.str.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}")
    return labels.where(~slash_date, current["period_start"].astype(str).str[:10])


def template_frame(connection: Connection, series_ids: list[str] | None = None, view: str = WORKING) -> pd.DataFrame:
    """The Road Map's figures as template rows (an indicator's own series is not a measure's, so it is left out)."""
    measures = {
        row.id: row.measure_id
        for row in connection.execute(select(series.c.id, series.c.measure_id).where(series.c.measure_id.is_not(None)))
    }
    current = current_observations(connection, series_ids if series_ids is not None else list(measures), view=view)
    return template_rows(current, measures)


def export_bytes(frame: pd.DataFrame, fmt: ExportFormat) -> bytes:
    """The rows in one format; CSV and XLSX text is escaped so no cell runs as a formula (safe_cells)."""
    if fmt is ExportFormat.CSV:
        return neutralise_frame(frame).to_csv(index=False, lineterminator="\n").encode("utf-8")
    if fmt is ExportFormat.XLSX:
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            neutralise_frame(frame).to_excel(writer, index=False, sheet_name="observations")
        return buffer.getvalue()
    records = [
        {key: (None if pd.isna(value) else value) for key, value in row.items()}
        for row in frame.to_dict(orient="records")
    ]
    return (json.dumps({"format": "thrive-template", "observations": records}, indent=1) + "\n").encode("utf-8")


def write_export(frame: pd.DataFrame, path: Path, fmt: ExportFormat) -> None:
    path.write_bytes(export_bytes(frame, fmt))
