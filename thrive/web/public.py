"""Public pages: the Road Map, priorities, measures, areas, search and about the data.

They read only the published snapshot. Each rendered page is kept for the data version it
was built from and served with an ETag, so a page is rendered once per change, not per visit.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import Any

import pandas as pd
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from thrive.framework import AreaType, Indicator, Match
from thrive.framework.area import LUTON
from thrive.framework.units import unit_name, with_unit
from thrive.presentation.templating import long_date
from thrive.publishing.shapes import MEDIA_TYPES, ExportFormat, FigureNames, export_bytes, named_rows, template_rows
from thrive.store.reads import entries_by_kind, latest_deprivation_releases, read_connection, search, search_words
from thrive.web.comparisons import comparisons
from thrive.web.download_files import download_file
from thrive.web.maps import WIDTH, ward_shapes
from thrive.web.page_templates import PUBLIC_TEXT, templates
from thrive.web.provenance import sources
from thrive.web.site import PublicSnapshot, Site
from thrive.web.views import band_tables, card, charts, short_wording, summaries

router = APIRouter()
REVALIDATE = "no-cache"
"""Browsers keep the page but ask each time; the ETag makes that a cheap 304 until a figure is published."""


class PageNotFoundError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def site(request: Request) -> Site:
    found: Site = request.app.state.site
    return found


def cached_page(
    request: Request,
    key: str,
    build: Callable[[PublicSnapshot], dict[str, Any]],
    template: str,
    snapshot: PublicSnapshot | None = None,
) -> Response:
    """A public page, rendered once per published version (and compressed once, for the browsers
    that ask for gzip, which all do: a measure page of 150 KB is sent as about a tenth of that).
    A route that has read the snapshot already (to find what it shows) passes it, so a request asks
    for the published state once."""
    snapshot = snapshot or site(request).public()
    packing = "gzip" in request.headers.get("accept-encoding", "")
    etag = snapshot.etag[:-1] + '-gz"' if packing else snapshot.etag
    # Each encoding is its own representation, so it has its own tag (RFC 9110, 8.8.3).
    headers = {"ETag": etag, "Cache-Control": REVALIDATE, "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    body = snapshot.pages.get(key)
    if body is None:
        with snapshot.page_lock(key):  # one rendering; the others that came for it wait, then reuse it
            body = snapshot.pages.get(key)
            if body is None:
                context = build(snapshot)
                body = templates.get_template(template).render(request=request, **context).encode()
                snapshot.pages[key] = body
    if packing:
        packed = snapshot.pages.get(f"gzip:{key}")
        if packed is None:
            packed = gzip.compress(body, compresslevel=6, mtime=0)
            snapshot.pages[f"gzip:{key}"] = packed
        return HTMLResponse(packed, headers={**headers, "Content-Encoding": "gzip"})
    return HTMLResponse(body, headers=headers)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        items = summaries(snapshot)
        headline_order = [
            "destitution",
            "weekly-wages",
            "healthy-life-expectancy",
            "emissions",
            "child-poverty-deepest",
            "most-deprived-lsoas",
        ]
        headline = [card(snapshot, items[m]) for m in headline_order if m in items]
        headline += [card(snapshot, i) for i in items.values() if i["headline"] and i["id"] not in headline_order]
        return {
            "title": "Our journey to 2040",
            "section": "home",
            "headline": headline,
            "bands": band_tables(snapshot),
            "changes": _changes(snapshot),
            "run": snapshot.run,
        }

    return cached_page(request, "home", build, "home.html")


def _changes(snapshot: PublicSnapshot) -> list[dict[str, Any]]:
    series_measure = {s.id: m for m in snapshot.roadmap.measures for s in m.series}
    names = {a.code: a.name for a in snapshot.roadmap.areas}
    out = []
    for change in snapshot.changes:
        measure = series_measure.get(change["series_id"])
        if measure is None:
            continue
        out.append(
            {
                "measure": measure.id,
                "measure_name": short_wording(measure),
                "value": change["value"],
                "unit": measure.series_by_id(change["series_id"]).unit,  # type: ignore[union-attr]
                "period": change["period_label"],
                "area_name": names.get(change["area_code"], change["area_code"]),
                "when": pd.Timestamp(change["created_at"]).strftime("%d %B %Y"),
            }
        )
    return out


@router.get("/priorities", response_class=HTMLResponse)
def priorities(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        shown = [p for p in snapshot.roadmap.priorities if any(m.priority == p.code for m in snapshot.roadmap.measures)]
        return {"title": "Priorities", "section": "priorities", "priorities": shown}

    return cached_page(request, "priorities", build, "priorities.html")


@router.get("/priorities/{code}", response_class=HTMLResponse)
def priority(request: Request, code: str) -> Response:
    snapshot = site(request).public()
    found = next((p for p in snapshot.roadmap.priorities if p.code == code), None)
    if found is None:
        raise PageNotFoundError(f"There is no priority called '{code}'.")

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        items = summaries(snapshot)
        rows = [items[m.id] for m in snapshot.roadmap.measures if m.priority == code]
        return {"title": found.name, "section": "priorities", "priority": found, "rows": rows}

    return cached_page(request, f"priority:{code}", build, "priority.html", snapshot)


@router.get("/measures/{measure_id}", response_class=HTMLResponse)
def measure_page(request: Request, measure_id: str) -> Response:
    snapshot = site(request).public()
    try:
        measure = snapshot.roadmap.measure(measure_id)
    except KeyError:
        raise PageNotFoundError(f"There is no measure called '{measure_id}'.") from None

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        judged = snapshot.assessments.get(measure.id, {"series": []})
        names = {p.code: p.name for p in snapshot.roadmap.priorities}
        groups = {g.code: g.name for g in snapshot.roadmap.groups}
        owners = [groups.get(code, code) for code in measure.groups]
        about = [
            {"key": {"text": "Definition"}, "value": {"html": PUBLIC_TEXT(measure.definition)}},
            {"key": {"text": "Source"}, "value": {"html": PUBLIC_TEXT(measure.source)}},
            {"key": {"text": "How often"}, "value": {"text": measure.frequency.value.replace("_", " ")}},
            {
                "key": {"text": "Better is"},
                "value": {"text": measure.polarity.value.replace("_", " ").replace("is better", "")},
            },
            {"key": {"text": "Owned by (proposed)"}, "value": {"text": ", ".join(owners) or "Not yet agreed"}},
        ]
        changed = [snapshot.series_figures(s.id)["changed_at"].max() for s in measure.series]
        dates = [pd.Timestamp(d) for d in changed if not pd.isna(d)]
        last_updated = long_date(max(dates)) if dates else None
        if last_updated:
            about.insert(3, {"key": {"text": "Last updated"}, "value": {"text": last_updated}})
        history, history_total = site(request).published_history(snapshot, measure)
        return {
            "title": measure.wording,
            "section": "priorities",
            "measure": measure,
            "priority_name": names.get(measure.priority, measure.priority),
            "assessed": judged["series"],
            "charts": charts(snapshot, measure),
            "targets": [
                {
                    "year": t.year,
                    "series": (measure.series_by_id(t.series_id) or measure.series[0]).label,
                    "text": with_unit(t.text, (measure.series_by_id(t.series_id) or measure.series[0]).unit),
                }
                for t in snapshot.roadmap.targets_for(measure.id)
            ],
            "about": about,
            "notes": [{"text": n.text, "ref": n.ref, "source": snapshot.document_title(n.ref)} for n in measure.notes],
            "comparisons": comparisons(snapshot, measure),
            "sources": sources(snapshot, measure, lambda found: site(request).indicator_figures(snapshot, found)),
            "history": history,
            "history_total": history_total,
            "last_updated": last_updated,
            "commentary": site(request).published_commentary(measure),
        }

    return cached_page(request, f"measure:{measure_id}", build, "measure.html", snapshot)


def cached_download(
    request: Request, snapshot: PublicSnapshot, filename: str, media_type: str, build: Callable[[], bytes]
) -> Response:
    """A download, made once per published version into a file every worker shares, and sent from
    disk (thrive.web.download_files); a client holding the current one gets a 304, and a broken
    download can resume with a range."""
    etag = snapshot.etag
    headers = {"Content-Disposition": f'attachment; filename="{filename}"', "ETag": etag, "Cache-Control": REVALIDATE}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    path = download_file(site(request).downloads, etag, filename, build)
    return FileResponse(path, media_type=media_type, headers=headers)


def _download(
    request: Request, snapshot: PublicSnapshot, series_ids: list[str], fmt: ExportFormat, name: str
) -> Response:
    def build() -> bytes:
        chosen = pd.concat([snapshot.series_figures(s) for s in series_ids], ignore_index=True)
        measures = {s.id: m.id for m in snapshot.roadmap.measures for s in m.series}
        return export_bytes(template_rows(chosen, measures), fmt)

    return cached_download(request, snapshot, f"{name}.{fmt.value}", MEDIA_TYPES[fmt], build)


@router.get("/measures/{measure_id}/download.{suffix}")
def measure_download(request: Request, measure_id: str, suffix: str) -> Response:
    snapshot = site(request).public()
    try:
        measure = snapshot.roadmap.measure(measure_id)
        fmt = ExportFormat(suffix)
    except (KeyError, ValueError):
        raise PageNotFoundError("There is no such download.") from None
    return _download(request, snapshot, [s.id for s in measure.series], fmt, measure.id)


@router.get("/downloads/observations.{suffix}")
def all_downloads(request: Request, suffix: str) -> Response:
    snapshot = site(request).public()
    try:
        fmt = ExportFormat(suffix)
    except ValueError:
        raise PageNotFoundError("There is no such download.") from None
    return _download(request, snapshot, [s.id for s in snapshot.roadmap.all_series()], fmt, "luton2040-observations")


@router.get("/downloads/figures.{suffix}")
def named_downloads(request: Request, suffix: str) -> Response:
    """Every published figure for every area, with names, units, flags, intervals, source and licence."""
    snapshot = site(request).public()
    try:
        fmt = ExportFormat(suffix)
    except ValueError:
        raise PageNotFoundError("There is no such download.") from None

    def build() -> bytes:
        roadmap = snapshot.roadmap
        series = [s for m in roadmap.measures for s in m.series]
        rows = template_rows(snapshot.observations, {s.id: m.id for m in roadmap.measures for s in m.series})
        names = FigureNames(
            measures={m.id: m.wording for m in roadmap.measures},
            series={s.id: s.label for s in series},
            units={s.id: unit_name(s.unit) for s in series},
            areas=snapshot.area_names,
            licences={s.id: i.licence for s in series if (i := _indicator_of(snapshot, s.id)) is not None},
        )
        return export_bytes(named_rows(rows, names), fmt, shape="thrive-figures")

    return cached_download(request, snapshot, f"luton2040-figures.{fmt.value}", MEDIA_TYPES[fmt], build)


def _indicator_of(snapshot: PublicSnapshot, series_id: str) -> Indicator | None:
    """The official indicator a Road Map series is exactly (its licence is the publisher's), if any."""
    link = next((k for k in snapshot.roadmap.links if k.series_id == series_id and k.match is Match.EXACT), None)
    return snapshot.indicators.get(link.indicator_id) if link else None


@router.get("/areas/{code}", response_class=HTMLResponse)
def area_page(request: Request, code: str) -> Response:
    snapshot = site(request).public()
    area = next((a for a in snapshot.roadmap.areas if a.code == code), None)
    if (
        area is None
        or area.type not in (AreaType.LOCAL_AUTHORITY, AreaType.WARD)
        or (area.type is AreaType.LOCAL_AUTHORITY and code != LUTON)
    ):
        raise PageNotFoundError(f"There is no page for the area '{code}'.")

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        shapes, height = ward_shapes()
        series_measure = {s.id: (m, s) for m in snapshot.roadmap.measures for s in m.series}
        here = snapshot.in_area(code).sort_values(["series_id", "period_end"])
        latest = here.groupby("series_id", sort=False).tail(1)
        figures = [
            {
                "measure": series_measure[r["series_id"]][0].id,
                "label": series_measure[r["series_id"]][1].label,
                "period": r["period_label"],
                "value": r["value"],
                "unit": series_measure[r["series_id"]][1].unit,
            }
            for r in latest.to_dict(orient="records")
            if r["series_id"] in series_measure
        ]
        with read_connection(site(request).engine) as connection:
            releases = latest_deprivation_releases(connection)
        deprivation = [
            {"release": r["summary"], "ward": next((w for w in r["summary"]["wards"] if w["area"] == code), None)}
            for _, r in sorted(releases.items())
        ]
        return {
            "title": area.name,
            "section": "areas",
            "area": area,
            "area_kind": "Ward" if area.type is AreaType.WARD else "Town",
            "figures": figures,
            "deprivation": [d for d in deprivation if d["ward"] is not None or area.type is not AreaType.WARD],
            "wards": shapes,
            "map_width": WIDTH,
            "map_height": height,
        }

    return cached_page(request, f"area:{code}", build, "area.html", snapshot)


SEARCH_GROUPS = {
    "measure": "Road Map measures",
    "priority": "Priorities",
    "area": "Luton and its wards",
    "indicator": "Official statistics",
    "page": "Pages",
    "note": "Decisions about the figures",
}
"""The results page's groups, in the order shown, with their headings."""


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> Response:
    """Full-text search (thrive.store.search): each database's own engine, stemming and synonyms."""
    query = q.strip()[:100]
    with read_connection(site(request).engine) as connection:
        found = search(connection, query, search_words().synonyms)
    grouped = entries_by_kind(found.hits)
    groups = [(heading, grouped[kind]) for kind, heading in SEARCH_GROUPS.items() if kind in grouped]
    context = {"title": "Search", "section": "search", "query": query, "groups": groups, "found": found}
    return templates.TemplateResponse(request, "search.html", context)
