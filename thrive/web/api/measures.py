"""Measures and their series: the Road Map as `thrive measures --json` and `thrive show --json` describe it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from thrive.framework import Measure
from thrive.publishing.shapes import measure_summary
from thrive.web.api import models
from thrive.web.api.caching import conditional
from thrive.web.api.errors import ONE_RESPONSES, READ_RESPONSES, not_found
from thrive.web.api.paging import Paging, make_page, paging
from thrive.web.api.published import latest_luton, measure_or_404, snapshot

router = APIRouter(tags=["measures"])


def _matches_search(measure: Measure, words: list[str]) -> bool:
    """Every word somewhere in the wording, outcome or definition, as the public search page matches."""
    haystack = (
        f"{measure.wording} {measure.outcome.text} {measure.definition} {measure.priority_table.get('measure', '')}"
    )
    return all(word in haystack.lower() for word in words)


@router.get("/measures", response_model=models.MeasurePage, responses=READ_RESPONSES)
def list_measures(
    request: Request,
    chosen: Annotated[Paging, Depends(paging)],
    priority: Annotated[str | None, Query(max_length=100, description="Only this priority, such as economy.")] = None,
    headline: Annotated[
        bool | None, Query(description="Only headline measures (true) or only the others (false).")
    ] = None,
    group: Annotated[
        str | None,
        Query(max_length=100, description="Only measures this partnership group owns or is proposed to own."),
    ] = None,
    search: Annotated[
        str | None,
        Query(
            max_length=200, description="Words that must all appear in the measure's wording, outcome or definition."
        ),
    ] = None,
) -> Response:
    """Every measure of the Road Map, in its order, with its latest published figure, milestones and 2040 target."""
    published = snapshot(request)

    def build() -> models.MeasurePage:
        words = (search or "").lower().split()
        latest = latest_luton(published)
        chosen_measures = [
            m
            for m in published.roadmap.measures
            if (priority is None or m.priority == priority)
            and (headline is None or m.headline == headline)
            and (group is None or group in m.groups)
            and _matches_search(m, words)
        ]
        items = [models.Measure.model_validate(measure_summary(m, published.roadmap, latest)) for m in chosen_measures]
        return make_page(models.MeasurePage, request, items, chosen)

    return conditional(request, published, build)


@router.get("/measures/{measure_id}", response_model=models.MeasureDetail, responses=ONE_RESPONSES)
def get_measure(request: Request, measure_id: str) -> Response:
    """One measure with its definition, source, notes and every milestone and target."""
    published = snapshot(request)
    measure = measure_or_404(published, measure_id)

    def build() -> models.MeasureDetail:
        summary = measure_summary(measure, published.roadmap, latest_luton(published))
        return models.MeasureDetail.model_validate(
            {
                **summary,
                "definition": measure.definition,
                "source": measure.source,
                "frequency": measure.frequency,
                "notes": [{"text": n.text, "ref": n.ref} for n in measure.notes],
                "priority_table": measure.priority_table,
                "targets": [
                    {
                        "series": t.series_id,
                        "year": t.year,
                        "text": t.text,
                        "value": t.value,
                        "kind": t.spec.kind,
                        "ref": t.ref,
                        "note": t.note,
                    }
                    for t in published.roadmap.targets_for(measure.id)
                ],
            }
        )

    return conditional(request, published, build)


def _series(measure: Measure, latest: dict[str, dict[str, object]]) -> list[models.Series]:
    return [
        models.Series.model_validate(
            {"id": s.id, "measure": measure.id, "label": s.label, "unit": s.unit, "latest": latest.get(s.id)}
        )
        for s in measure.series
    ]


@router.get("/measures/{measure_id}/series", response_model=models.SeriesPage, responses=ONE_RESPONSES)
def list_series(request: Request, measure_id: str, chosen: Annotated[Paging, Depends(paging)]) -> Response:
    """The series of one measure (most have one; healthy life expectancy has one for men and one for women)."""
    published = snapshot(request)
    measure = measure_or_404(published, measure_id)

    def build() -> models.SeriesPage:
        return make_page(models.SeriesPage, request, _series(measure, latest_luton(published)), chosen)

    return conditional(request, published, build)


@router.get("/measures/{measure_id}/series/{series_id}", response_model=models.Series, responses=ONE_RESPONSES)
def get_series(request: Request, measure_id: str, series_id: str) -> Response:
    """One series of a measure, with its newest published Luton figure."""
    published = snapshot(request)
    measure = measure_or_404(published, measure_id)
    if measure.series_by_id(series_id) is None:
        ids = ", ".join(s.id for s in measure.series)
        raise not_found(f"Measure '{measure_id}' has no series called '{series_id}'. Its series are: {ids}.")

    def build() -> models.Series:
        return next(s for s in _series(measure, latest_luton(published)) if s.id == series_id)

    return conditional(request, published, build)
