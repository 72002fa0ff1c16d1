"""The public poverty page: Luton's band distribution over time, the ward breakdown, how long
households stay in poverty, and the method. It shows only stored figures, which are either the
council's own published tables or model figures that have passed disclosure control."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.data.disclosure_rules import load_disclosure_rules
from thrive.data.poverty_lines import load_line_table
from thrive.data.safe_cells import neutralise
from thrive.framework.area import LUTON
from thrive.poverty.bands import BAND_LABELS, BANDS, BandTenure
from thrive.poverty.lines import LineTable
from thrive.poverty.run import Figure
from thrive.poverty.summary import distributions
from thrive.presentation.charts import Stack, stacked_bar_chart
from thrive.store.reads import PovertyRun, poverty_runs, run_figures
from thrive.web.public import cached_page, site
from thrive.web.site import PublicSnapshot

router = APIRouter()
BAND_COLOURS = {"A": "#009E73", "B": "#56B4E9", "C": "#F0E442", "D": "#E69F00", "E": "#D55E00", "A_B": "#56B4E9"}


@router.get("/poverty/figures.csv")
def poverty_download(request: Request) -> Response:
    """Every stored poverty figure: the council's tables as printed, model runs after disclosure control."""
    engine = site(request).engine
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["run", "kind", "synthetic", "year", "breakdown", "row", "column", "value", "suppressed", "ref"])
    for run in poverty_runs(engine):
        for f in run_figures(engine, run.id):
            value = "" if f.value is None else f"{f.value:g}"
            synthetic = "SYNTHETIC" if run.synthetic else ""
            writer.writerow(
                neutralise(cell)
                for cell in [
                    run.id,
                    run.kind,
                    synthetic,
                    f.year,
                    f.breakdown,
                    f.row_key,
                    f.column_key,
                    value,
                    f.suppressed,
                    f.ref or "",
                ]
            )
    headers = {"Content-Disposition": 'attachment; filename="luton-poverty-figures.csv"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/poverty", response_class=HTMLResponse)
def poverty_page(request: Request) -> Response:
    engine = site(request).engine

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        runs = [(run, run_figures(engine, run.id)) for run in poverty_runs(engine)]
        names = {area.code: area.name for area in sorted(snapshot.roadmap.areas, key=lambda area: area.name)}
        table = load_line_table()
        over_time = _over_time(runs)
        model = [(run, figures) for run, figures in runs if run.kind == "model"]
        latest = model[-1] if model else None
        return {
            "title": "Poverty in Luton",
            "section": "poverty",
            "over_time": over_time,
            "chart": _chart(over_time),
            "latest": latest[0] if latest else None,
            "wards": _breakdown(latest, "ward", names) if latest else None,
            "types": _breakdown(latest, "household_type", _type_labels(table)) if latest else None,
            "children": _children(latest) if latest else None,
            "persistence": _persistence(latest[1]) if latest else None,
            "transitions": _transitions(latest[1]) if latest else None,
            "lines": _published_lines(table),
            "bands": [(band.name, BAND_LABELS[band]) for band in BANDS],
            "disclosure": load_disclosure_rules().describe(),
        }

    return cached_page(request, "poverty", build, "poverty.html")


def _over_time(runs: list[tuple[PovertyRun, list[Figure]]]) -> list[dict[str, Any]]:
    rows = []
    for run, figures in runs:
        for distribution in distributions(figures):
            rows.append({"run": run, "distribution": distribution, "label": _label(run, distribution.year)})
    return rows


def _label(run: PovertyRun, year: int) -> str:
    kind = "published" if run.kind == "published" else ("model, SYNTHETIC" if run.synthetic else "model")
    return f"April {year} ({kind})"


def _chart(over_time: list[dict[str, Any]]) -> str:
    if not over_time:
        return ""
    keys = ["A_B", "C", "D", "E"]
    values = {key: [] for key in keys}  # type: dict[str, list[float]]
    for row in over_time:
        shares = {share.key: share.percent for share in row["distribution"].bands}
        combined = shares.get("A_B")
        if combined is None and shares.get("A") is not None and shares.get("B") is not None:
            combined = (shares["A"] or 0) + (shares["B"] or 0)
        values["A_B"].append(combined or 0)
        for key in keys[1:]:
            values[key].append(shares.get(key) or 0)
    labels = {"A_B": "A and B: high or good", "C": "C: decent", "D": "D: basic needs", "E": "E: destitution"}
    return stacked_bar_chart(
        "Share of Luton households in each band, by year",
        [row["label"] for row in over_time],
        [Stack(labels[key], values[key], BAND_COLOURS[key]) for key in keys],
        unit_label="% of households",
    )


def _breakdown(latest: tuple[PovertyRun, list[Figure]], breakdown: str, names: dict[str, str]) -> dict[str, Any]:
    run, figures = latest
    year = run.last_year
    cells: dict[str, dict[str, float | None]] = {}
    for figure in figures:
        if figure.year == year and figure.breakdown == breakdown:
            cells.setdefault(figure.row_key, {})[figure.column_key] = figure.value
    order = list(names)
    rows = [
        {
            "name": "Luton" if code == LUTON else names.get(code, code),
            "cells": [cells[code].get(b.name) for b in BANDS],
            "total": cells[code].get("total"),
        }
        for code in sorted(cells, key=lambda code: (code == LUTON, order.index(code) if code in order else 0))
    ]
    return {"year": year, "rows": rows}


def _type_labels(table: LineTable) -> dict[str, str]:
    return {household_type.id: household_type.label for household_type in table.types}


def _children(latest: tuple[PovertyRun, list[Figure]]) -> dict[str, Any] | None:
    run, figures = latest
    wanted = ("children_in_poverty", run.last_year, LUTON, "D_E")
    for figure in figures:
        if (figure.breakdown, figure.year, figure.row_key, figure.column_key) == wanted:
            return {"year": figure.year, "children": figure.value}
    return None


def _persistence(figures: list[Figure]) -> dict[str, Any] | None:
    found = {f.row_key: f for f in figures if f.breakdown == "persistence"}
    if not found:
        return None
    stayed = found["more_than_two_years"]
    return {"year": stayed.year, "households": stayed.value, "followed": found[LUTON].value if LUTON in found else None}


def _transitions(figures: list[Figure]) -> dict[str, Any] | None:
    moves = [f for f in figures if f.breakdown == "transitions"]
    if not moves:
        return None
    year = max(f.year for f in moves)
    cells = {(f.row_key, f.column_key): f.value for f in moves if f.year == year}
    names = [band.name for band in BANDS]
    grid = [[cells.get((name, to)) for to in names] for name in names]
    totals = [cells.get((name, "total")) for name in names]
    rows = [{"band": name, "cells": grid[i], "total": totals[i]} for i, name in enumerate(names)]
    shares = [
        [100 * (value or 0) / total if total else 0.0 for value in line]
        for line, total in zip(grid, totals, strict=True)
    ]
    chart = stacked_bar_chart(
        f"Where households in each band in April {year} were a year later",
        [f"From {name}" for name in names],
        [Stack(f"To {to}", [share[i] for share in shares], BAND_COLOURS[to]) for i, to in enumerate(names)],
        unit_label="% of the households in the band the year before (hidden counts left out)",
    )
    return {"year": year, "rows": rows, "bands": names, "chart": chart}


def _published_lines(table: LineTable) -> list[dict[str, Any]]:
    line_set = table.sets[-1]
    entry_rows = []
    for tenure in (BandTenure.PRIVATE_RENT, BandTenure.SOCIAL_RENT):
        entry = line_set.entry(line_set.base, tenure)
        if entry is not None:
            entry_rows.append({"tenure": tenure.word.replace("_", " "), "lines": entry.lines, "refs": entry.refs})
    return entry_rows
