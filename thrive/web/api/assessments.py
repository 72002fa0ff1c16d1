"""Assessments: the judgements of the published snapshot's assessment run, measure by measure.

They come from the run the public pages show, made on published figures only, so a figure in
review never moves a status. Each page names its run, so a client can cite what it used.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from thrive.assess.model import Status
from thrive.web.api import models
from thrive.web.api.caching import conditional
from thrive.web.api.errors import ONE_RESPONSES, READ_RESPONSES, not_found
from thrive.web.api.paging import Paging, make_page, paging
from thrive.web.api.published import measure_or_404, snapshot
from thrive.web.site import PublicSnapshot

router = APIRouter(tags=["assessments"])


def _run(published: PublicSnapshot) -> models.Run:
    if published.run is None:
        raise not_found("No assessment run has been made yet: judgements are made when figures are published.")
    return models.Run.model_validate(published.run)


@router.get("/assessments", response_model=models.AssessmentPage, responses=READ_RESPONSES)
def list_assessments(
    request: Request,
    chosen: Annotated[Paging, Depends(paging)],
    priority: Annotated[str | None, Query(max_length=100, description="Only this priority, such as economy.")] = None,
    status: Annotated[Status | None, Query(description="Only measures with this status.")] = None,
    headline: Annotated[
        bool | None, Query(description="Only headline measures (true) or only the others (false).")
    ] = None,
) -> Response:
    """Every measure's status against its milestones, trend and benchmark, each with its reason, in Road Map order."""
    published = snapshot(request)

    def build() -> models.AssessmentPage:
        found = [published.assessments[m.id] for m in published.roadmap.measures if m.id in published.assessments]
        items = [
            models.Assessment.model_validate(item)
            for item in found
            if (priority is None or item["priority"] == priority)
            and (status is None or item["status"] == status.value)
            and (headline is None or bool(item["headline"]) == headline)
        ]
        return make_page(models.AssessmentPage, request, items, chosen, run=_run(published))

    return conditional(request, published, build)


@router.get("/assessments/{measure_id}", response_model=models.AssessmentDetail, responses=ONE_RESPONSES)
def get_assessment(request: Request, measure_id: str) -> Response:
    """One measure's judgement, with every series assessed and the run it comes from."""
    published = snapshot(request)
    measure = measure_or_404(published, measure_id)
    item = published.assessments.get(measure.id)
    if item is None:
        raise not_found(f"The published assessment run has no judgement for '{measure_id}'.")

    def build() -> models.AssessmentDetail:
        return models.AssessmentDetail.model_validate({**item, "run": _run(published)})

    return conditional(request, published, build)
