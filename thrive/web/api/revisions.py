"""The public revision history of a measure's published figures: what each figure was, what it became and why.

A figure goes draft, in review, published; only the published steps are public, and each
is compared with the figure published before it (not with the draft it came from), so a
reader sees the change the public actually saw. The reason given is the one recorded when
the new figure was entered. Who made a change stays inside the council.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from thrive.framework import Measure
from thrive.store.reads import PUBLISHED, ChangeKind, observation_history, read_connection
from thrive.web.api import models
from thrive.web.api.caching import conditional
from thrive.web.api.errors import ONE_RESPONSES
from thrive.web.api.paging import Paging, make_page, paging
from thrive.web.api.published import measure_or_404, snapshot
from thrive.web.figures import number

router = APIRouter(tags=["revisions"])

LOADED = ChangeKind.DATASET
"""The change-set kind of the Road Map as first loaded: its figures are the starting point, not revisions."""


def published_revisions(measure: Measure, history: Iterable[dict[str, Any]]) -> list[models.Revision]:
    """Walk each figure's revisions in order; keep the published ones that changed the published value."""
    published: dict[tuple[str, str, str], float | None] = {}
    reasons: dict[tuple[str, str, str], str] = {}
    out = []
    for change in history:
        key = (change["series"], change["area"], change["period"])
        after, before = change["after"], change["before"]
        value = number(after["value"])
        if before is None or number(before["value"]) != value:
            reasons[key] = change["why"]
        if after["status"] != PUBLISHED:
            continue
        first = key not in published
        previous = published.get(key)
        published[key] = value
        if (first and change["kind"] == LOADED) or (not first and previous == value) or not change["when"]:
            continue
        out.append(
            models.Revision(
                measure=measure.id,
                series=change["series"],
                area=change["area"],
                period=change["period"],
                date=dt.date.fromisoformat(str(change["when"])[:10]),
                before=previous,
                after=value,
                why=reasons.get(key, change["why"]),
            )
        )
    return out


@router.get("/measures/{measure_id}/revisions", response_model=models.RevisionPage, responses=ONE_RESPONSES)
def list_revisions(request: Request, measure_id: str, chosen: Annotated[Paging, Depends(paging)]) -> Response:
    """Changes to the measure's published figures since the Road Map was loaded, oldest first."""
    published = snapshot(request)
    measure = measure_or_404(published, measure_id)

    def build() -> models.RevisionPage:
        with read_connection(request.app.state.engine) as connection:
            history = observation_history(connection, [s.id for s in measure.series])
        return make_page(models.RevisionPage, request, published_revisions(measure, history), chosen)

    return conditional(request, published, build)
