"""Published observations, filtered by measure, series, area and period.

Filters are matched in memory against the published snapshot, never spliced into SQL. Like
every list filter in the API, a value that matches nothing gives an empty page, not an error.
"""

from __future__ import annotations

from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from thrive.web.api import models
from thrive.web.api.caching import conditional
from thrive.web.api.errors import READ_RESPONSES
from thrive.web.api.paging import Paging, make_page, paging
from thrive.web.api.published import figure_cells, series_measure, snapshot, text

router = APIRouter(tags=["observations"])


def _observation(row: dict[str, Any], measure_of: dict[str, str], names: dict[str, str]) -> models.Observation:
    return models.Observation.model_validate(
        {
            "measure": measure_of.get(row["series_id"], ""),
            "series": row["series_id"],
            **figure_cells(row, names),
            "ref": text(row["ref"]),
        }
    )


@router.get("/observations", response_model=models.ObservationPage, responses=READ_RESPONSES)
def list_observations(
    request: Request,
    chosen: Annotated[Paging, Depends(paging)],
    measure: Annotated[str | None, Query(max_length=100, description="A measure id, such as destitution.")] = None,
    series: Annotated[str | None, Query(max_length=100, description="A series id, such as hle-female.")] = None,
    area: Annotated[str | None, Query(max_length=20, description="A GSS code, such as E06000032 for Luton.")] = None,
    period: Annotated[
        str | None, Query(max_length=40, description="The period as published, such as 2023 or 2023/24.")
    ] = None,
) -> Response:
    """Published figures only, ordered by measure and series (Road Map order), area and period."""
    published = snapshot(request)

    def build() -> models.ObservationPage:
        measure_of = series_measure(published)
        order = {s.id: i for i, s in enumerate(published.roadmap.all_series())}
        frame = published.observations
        keep = frame["series_id"].isin(list(order))
        if measure is not None:
            keep &= frame["series_id"].map(measure_of) == measure
        if series is not None:
            keep &= frame["series_id"] == series
        if area is not None:
            keep &= frame["area_code"] == area
        if period is not None:
            keep &= frame["period_label"] == period
        chosen_rows = frame[keep].assign(_order=lambda f: f["series_id"].map(order))
        chosen_rows = chosen_rows.sort_values(
            ["_order", "area_code", "period_start", "period_end", "period_kind"], kind="stable"
        )
        window = chosen_rows.iloc[chosen.offset : chosen.offset + chosen.limit]
        names = {a.code: a.name for a in published.roadmap.areas}
        items = [_observation(row, measure_of, names) for row in _records(window)]
        return make_page(models.ObservationPage, request, items, chosen, total=len(chosen_rows))

    return conditional(request, published, build)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict(orient="records")]
