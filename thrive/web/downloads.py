"""Downloads of everything the observatory publishes, and one page that lists them.

The figures have their own downloads (thrive.web.public); here are the tables beside them: the Road
Map's targets, the published judgements, deprivation by area and by LSOA, and the Thriving People
Index's indicators, for the whole Road Map and, for targets and judgements, for one measure. Each is
made once per published version and sent as a file (thrive.web.download_files), at an address that
does not change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.data.iod import iod_releases, lsoa_ward_names
from thrive.publishing.shapes import FORMAT_NAMES, MEDIA_TYPES, ExportFormat, export_bytes
from thrive.publishing.tables import (
    deprivation_rows,
    index_indicator_rows,
    judgement_rows,
    lsoa_decile_rows,
    target_rows,
)
from thrive.web.index_pages import deprivation_releases, index_run
from thrive.web.public import PageNotFoundError, cached_download, cached_page, site
from thrive.web.site import PublicSnapshot

router = APIRouter()
TABLE_FORMATS = (ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.JSON)


@dataclass(frozen=True)
class Download:
    """One download on the downloads page: where it is, what it holds, and the formats it comes in."""

    address: str
    """Without its suffix: "/downloads/targets" is offered as targets.csv, targets.xlsx and targets.json."""
    title: str
    holds: str
    formats: tuple[ExportFormat, ...] = TABLE_FORMATS


CATALOGUE = (
    Download(
        "/downloads/figures",
        "Every published figure",
        "Every Road Map figure for every area, with the names of measures and areas, units, flags, "
        "95% confidence intervals, source and licence.",
        (*TABLE_FORMATS, ExportFormat.PARQUET),
    ),
    Download(
        "/downloads/observations",
        "Every published figure, in the shape Thrive imports",
        "The same figures with codes only: a file an analyst can change and import again.",
        (ExportFormat.CSV, ExportFormat.XLSX, ExportFormat.JSON),
    ),
    Download(
        "/downloads/targets",
        "Milestones and 2040 targets",
        "Every milestone (2027, 2031 and 2035) and 2040 target, as the Road Map words it, with the number "
        "it compares with and the document it comes from.",
    ),
    Download(
        "/downloads/judgements",
        "How each measure is doing",
        "The published judgement of every series: on track or not, improving or getting worse, and better "
        "or worse than England, the region and similar places, each with its reason.",
    ),
    Download(
        "/deprivation/figures",
        "Deprivation in Luton and its wards",
        "For each release of the Indices of Deprivation: how many neighbourhoods (LSOAs) fall in each "
        "national decile, and the 20:20 index of income deprivation.",
    ),
    Download(
        "/deprivation/neighbourhoods",
        "Deprivation by neighbourhood",
        "Each Luton neighbourhood's (LSOA's) national deprivation decile in each release, with its ward.",
    ),
    Download(
        "/thriving-people-index/indicators",
        "Thriving People Index: its indicators",
        "The index's indicators, each with its source and weight, and whether it is real data or a "
        "demonstration value.",
    ),
)


@router.get("/downloads", response_class=HTMLResponse)
def downloads_page(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        return {"title": "Downloads", "section": "about", "catalogue": CATALOGUE, "format_names": FORMAT_NAMES}

    return cached_page(request, "downloads", build, "downloads.html")


def _table(
    request: Request, name: str, suffix: str, rows: Callable[[PublicSnapshot], pd.DataFrame], measure: str | None = None
) -> Response:
    snapshot = site(request).public()
    fmt = next((f for f in TABLE_FORMATS if f.value == suffix), None)
    if fmt is None:
        raise PageNotFoundError("There is no such download: tables download as CSV, Excel (xlsx) or JSON.")
    if measure is not None and measure not in {m.id for m in snapshot.roadmap.measures}:
        raise PageNotFoundError(f"There is no measure called '{measure}'.")

    def build() -> bytes:
        frame = rows(snapshot)
        if measure is not None:
            frame = frame[frame["measure"] == measure]
        return export_bytes(frame, fmt, shape=f"thrive-{name}", rows=name)

    prefix = measure or "luton2040"
    return cached_download(request, snapshot, f"{prefix}-{name}.{fmt.value}", MEDIA_TYPES[fmt], build)


def _targets(snapshot: PublicSnapshot) -> pd.DataFrame:
    return target_rows(snapshot.roadmap, snapshot.document_title)


def _judgements(snapshot: PublicSnapshot) -> pd.DataFrame:
    return judgement_rows(snapshot.roadmap, snapshot.assessments, snapshot.run)


@router.get("/downloads/targets.{suffix}")
def targets(request: Request, suffix: str) -> Response:
    return _table(request, "targets", suffix, _targets)


@router.get("/downloads/judgements.{suffix}")
def judgements(request: Request, suffix: str) -> Response:
    return _table(request, "judgements", suffix, _judgements)


@router.get("/measures/{measure_id}/targets.{suffix}")
def measure_targets(request: Request, measure_id: str, suffix: str) -> Response:
    return _table(request, "targets", suffix, _targets, measure=measure_id)


@router.get("/measures/{measure_id}/judgements.{suffix}")
def measure_judgements(request: Request, measure_id: str, suffix: str) -> Response:
    return _table(request, "judgements", suffix, _judgements, measure=measure_id)


@router.get("/deprivation/figures.{suffix}")
def deprivation(request: Request, suffix: str) -> Response:
    return _table(request, "deprivation", suffix, lambda _: deprivation_rows(deprivation_releases(request)))


@router.get("/deprivation/neighbourhoods.{suffix}")
def neighbourhoods(request: Request, suffix: str) -> Response:
    def rows(_: PublicSnapshot) -> pd.DataFrame:
        releases = deprivation_releases(request)
        held = iod_releases()
        wards = {year: lsoa_ward_names(held[year]) for year in releases if year in held}
        return lsoa_decile_rows(releases, wards)

    return _table(request, "neighbourhoods", suffix, rows)


@router.get("/thriving-people-index/indicators.{suffix}")
def index_indicators(request: Request, suffix: str) -> Response:
    def rows(_: PublicSnapshot) -> pd.DataFrame:
        run = index_run(request)
        return index_indicator_rows(None if run is None else run["results"])

    return _table(request, "index-indicators", suffix, rows)
