"""Indicators: the official statistics Thrive holds for every English area, with their figures.

An indicator's metadata and coverage come with every answer; its figures are paged like every
list. They are read from the published snapshot, once per data version, as the pages read them.
"""

from __future__ import annotations

from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from thrive.framework import Indicator
from thrive.store.reads import Coverage
from thrive.web.api import models
from thrive.web.api.caching import conditional
from thrive.web.api.errors import ONE_RESPONSES, READ_RESPONSES, not_found
from thrive.web.api.paging import Paging, make_page, paging
from thrive.web.api.published import figure_cells, site, snapshot
from thrive.web.indicator_views import links_of, matches, metadata
from thrive.web.site import PublicSnapshot

router = APIRouter(tags=["indicators"])


def _indicator_or_404(published: PublicSnapshot, indicator_id: str) -> Indicator:
    found = published.indicators.get(indicator_id)
    if found is None:
        raise not_found(f"There is no indicator called '{indicator_id}'. The indicators are listed at /api/indicators.")
    return found


def _summary(published: PublicSnapshot, found: Indicator, coverage: Coverage | None) -> dict[str, Any]:
    owners = {s.id: m.id for m in published.roadmap.measures for s in m.series}
    return {
        **metadata(found),
        "coverage": {
            "areas": coverage.areas if coverage else 0,
            "figures": coverage.figures if coverage else 0,
            "first_period": coverage.first_period if coverage else None,
            "last_period": coverage.last_period if coverage else None,
        },
        "links": [
            {
                "measure": owners[link.series_id],
                "series": link.series_id,
                "match": link.match,
                "match_label": link.match.label,
                "note": link.note,
            }
            for link in links_of(published, found.id)
            if link.series_id in owners
        ],
    }


@router.get("/indicators", response_model=models.IndicatorPage, responses=READ_RESPONSES)
def list_indicators(
    request: Request,
    chosen: Annotated[Paging, Depends(paging)],
    search: Annotated[
        str | None, Query(max_length=200, description="Words that must all appear in the title or definition.")
    ] = None,
    publisher: Annotated[
        str | None, Query(max_length=200, description="Only this publisher, such as Department for Education.")
    ] = None,
) -> Response:
    """Every indicator held, by title, with its metadata, what it holds and the Road Map series it feeds or informs."""
    published = snapshot(request)

    def build() -> models.IndicatorPage:
        coverage = site(request).indicator_coverage(published)
        words = (search or "").lower().split()
        items = [
            models.Indicator.model_validate(_summary(published, found, coverage.get(found.id)))
            for found in published.indicators.values()
            if (publisher is None or found.publisher == publisher) and matches(found, words)
        ]
        return make_page(models.IndicatorPage, request, items, chosen)

    return conditional(request, published, build)


@router.get("/indicators/{indicator_id}", response_model=models.IndicatorDetail, responses=ONE_RESPONSES)
def get_indicator(request: Request, indicator_id: str) -> Response:
    """One indicator, with every area and every period it holds figures for."""
    published = snapshot(request)
    found = _indicator_or_404(published, indicator_id)

    def build() -> models.IndicatorDetail:
        reader = site(request)
        frame = reader.indicator_figures(published, found.id)
        names = published.area_names
        areas = frame.groupby("area_code").size()
        keys = ["period_kind", "period_start", "period_end"]
        periods = (
            frame.groupby(keys, as_index=False)
            .agg(period=("period_label", "max"), figures=("area_code", "size"))
            .sort_values(["period_end", "period_start"], kind="stable")
        )
        return models.IndicatorDetail.model_validate(
            {
                **_summary(published, found, reader.indicator_coverage(published).get(found.id)),
                "areas": [{"code": code, "name": names.get(str(code)), "figures": n} for code, n in areas.items()],
                "periods": periods.to_dict(orient="records"),
            }
        )

    return conditional(request, published, build)


def _observation(found: Indicator, row: dict[str, Any], names: dict[str, str]) -> models.IndicatorObservation:
    return models.IndicatorObservation.model_validate({"indicator": found.id, **figure_cells(row, names)})


@router.get(
    "/indicators/{indicator_id}/observations",
    response_model=models.IndicatorObservationPage,
    responses=ONE_RESPONSES,
)
def list_indicator_observations(
    request: Request,
    indicator_id: str,
    chosen: Annotated[Paging, Depends(paging)],
    area: Annotated[str | None, Query(max_length=20, description="A GSS code, such as E06000032 for Luton.")] = None,
    period: Annotated[
        str | None, Query(max_length=40, description="The period as published, such as 2022-24 or 2024/25.")
    ] = None,
) -> Response:
    """An indicator's published figures for every area, by area (GSS code) then period, oldest first."""
    published = snapshot(request)
    found = _indicator_or_404(published, indicator_id)

    def build() -> models.IndicatorObservationPage:
        frame = site(request).indicator_figures(published, found.id)
        keep = pd.Series(True, index=frame.index)
        if area is not None:
            keep &= frame["area_code"] == area
        if period is not None:
            keep &= frame["period_label"] == period
        chosen_rows = frame[keep].sort_values(["area_code", "period_start", "period_end", "period_kind"], kind="stable")
        window = chosen_rows.iloc[chosen.offset : chosen.offset + chosen.limit]
        names = published.area_names
        items = [
            _observation(found, {str(k): v for k, v in row.items()}, names) for row in window.to_dict(orient="records")
        ]
        return make_page(models.IndicatorObservationPage, request, items, chosen, total=len(chosen_rows))

    return conditional(request, published, build)
