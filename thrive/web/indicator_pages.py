"""Public pages for official indicators: the catalogue, one page per indicator, and its downloads.

Like every public page they read the published snapshot only. The catalogue filters with a
plain GET form, so it works without JavaScript; the unfiltered catalogue and each indicator's
page are rendered once per data version.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from thrive.framework import Indicator
from thrive.web.indicator_views import catalogue, download_csv, download_frame, download_json, indicator_view, matches
from thrive.web.page_templates import templates
from thrive.web.public import REVALIDATE, PageNotFoundError, cached_download, cached_page, site
from thrive.web.site import PublicSnapshot

router = APIRouter()
DOWNLOADS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _catalogue(request: Request, snapshot: PublicSnapshot, query: str, publisher: str) -> dict[str, Any]:
    words = query.lower().split()
    rows = [
        row
        for row in catalogue(snapshot, site(request).indicator_coverage(snapshot))
        if (not publisher or row["publisher"] == publisher) and matches(snapshot.indicators[row["id"]], words)
    ]
    publishers = sorted({found.publisher for found in snapshot.indicators.values()})
    return {
        "title": "Indicators",
        "section": "indicators",
        "rows": rows,
        "held": len(snapshot.indicators),
        "query": query,
        "publisher": publisher,
        "publishers": [{"value": "", "text": "All publishers"}]
        + [{"value": p, "text": p, "selected": p == publisher} for p in publishers],
    }


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    publisher: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    query, chosen = q.strip()[:100], publisher.strip()
    if not query and not chosen:
        return cached_page(request, "indicators", lambda s: _catalogue(request, s, "", ""), "indicators.html")
    context = _catalogue(request, site(request).public(), query, chosen)
    return templates.TemplateResponse(request, "indicators.html", context, headers={"Cache-Control": REVALIDATE})


def _indicator(snapshot: PublicSnapshot, indicator_id: str) -> Indicator:
    found = snapshot.indicators.get(indicator_id)
    if found is None:
        raise PageNotFoundError(f"There is no indicator called '{indicator_id}'. See the list of indicators.")
    return found


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(request: Request, indicator_id: str) -> Response:
    current = site(request).public()
    found = _indicator(current, indicator_id)

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        return indicator_view(snapshot, found, site(request).indicator_figures(snapshot, found.id))

    return cached_page(request, f"indicator:{found.id}", build, "indicator.html", current)


@router.get("/indicators/{indicator_id}/download.{suffix}")
def indicator_download(request: Request, indicator_id: str, suffix: str) -> Response:
    """Every figure the indicator holds, for every area: made once per published version."""
    snapshot = site(request).public()
    found = _indicator(snapshot, indicator_id)
    if suffix not in DOWNLOADS:
        raise PageNotFoundError("There is no such download: indicators download as CSV or JSON.")

    def build() -> bytes:
        rows = download_frame(snapshot, found, site(request).indicator_figures(snapshot, found.id))
        return download_csv(rows) if suffix == "csv" else download_json(found, rows)

    return cached_download(request, snapshot, f"{found.id}.{suffix}", DOWNLOADS[suffix], build)
