"""Moving entered figures through review: submit (draft to in review), publish or return (in review onwards).

Revision ids come from the caller, so none is trusted: each is traced to its measure
(workflow.measure_of_revisions) and checked against the caller's rights before anything moves.
Submitting needs the right to edit every figure's measure; publishing and returning need a reviewer.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Engine

from thrive.framework import RoadMap
from thrive.framework.access import User, can_edit, can_review
from thrive.store.changes import ChangeSet, record_change_set
from thrive.store.database import write_transaction
from thrive.store.framework_store import read_roadmap
from thrive.store.history import revisions_in
from thrive.store.workflow import MOVES, Stage, WorkflowError, measure_of_revisions, move
from thrive.web.api.auth import CurrentUser
from thrive.web.api.errors import AUTH, SERVER_ERROR, ApiError, ErrorBody, ErrorDetail
from thrive.web.api.text import Reason

router = APIRouter(tags=["entering figures"])

MAX_FIGURES = 10_000
LARGEST_ID = 2**63 - 1
"""Revision ids are 64-bit; anything larger cannot name a figure and is refused before the database sees it."""
REVIEW_KIND = "review"

Step = Literal["submit", "publish", "return"]


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    revision_ids: Annotated[
        list[Annotated[int, Field(ge=1, le=LARGEST_ID)]],
        Field(
            min_length=1,
            max_length=MAX_FIGURES,
            description="The current revision of each figure, as entry or a previous step returned them.",
        ),
    ]
    step: Step = Field(
        description="submit: draft to in review; publish: in review to published; return: back to draft."
    )
    reason: Annotated[Reason | None, Field(description="Why, for the revision history.")] = None


class ReviewResult(BaseModel):
    step: Step
    status: Stage = Field(description="The stage the figures are now at.")
    moved: int
    change_set: int
    revision_ids: list[int] = Field(description="Each figure's new current revision, for the next step.")


def _check_rights(connection: Connection, user: User, ids: list[int], step: Step) -> None:
    if step != "submit" and not can_review(user):
        raise ApiError(403, "Only a reviewer (an administrator) can publish figures or return them.")
    roadmap: RoadMap = read_roadmap(connection)
    if not any(can_edit(user, m) for m in roadmap.measures):
        raise ApiError(403, "Your account cannot enter or submit figures.")
    owners = measure_of_revisions(connection, ids)
    by_id = {m.id: m for m in roadmap.measures}
    for measure_id in sorted(set(owners.values())):
        measure = by_id.get(measure_id)
        if measure is None or not can_edit(user, measure):
            wording = measure.wording if measure is not None else measure_id
            raise ApiError(403, f"You cannot change '{wording}': it belongs to another partnership group.")
    unknown = sorted(set(ids) - set(owners))
    if unknown:
        raise ApiError(
            422,
            "Some revision ids do not name a figure.",
            code="unknown_revision",
            details=[
                ErrorDetail(field="body.revision_ids", message=f"{i} is not a revision of any figure.") for i in unknown
            ],
        )


@router.post(
    "/observations/review",
    response_model=ReviewResult,
    responses={
        **AUTH,
        409: {"model": ErrorBody, "description": "A figure is not at the stage this step moves from, or has changed."},
        422: {"model": ErrorBody, "description": "The request is not valid, or names revisions that do not exist."},
        **SERVER_ERROR,
    },
)
def review_observations(request: Request, user: CurrentUser, body: ReviewRequest) -> Response:
    """Move figures one stage on (or back), all in one change set, or none of them."""
    engine: Engine = request.app.state.engine
    ids = list(dict.fromkeys(body.revision_ids))
    target = MOVES[body.step][1]
    with write_transaction(engine) as connection:
        _check_rights(connection, user, ids, body.step)
        reason = (body.reason or "").strip() or f"{body.step.capitalize()} through the API"
        change_set_id = record_change_set(
            connection, ChangeSet(actor=user.email, reason=reason, kind=REVIEW_KIND, source="API request")
        )
        try:
            moved = move(connection, ids, body.step, change_set_id)
        except WorkflowError as stale:
            raise ApiError(409, f"Nothing was moved: {stale}") from None
        result = ReviewResult(
            step=body.step,
            status=target,
            moved=moved,
            change_set=change_set_id,
            revision_ids=revisions_in(connection, change_set_id),
        )
    return Response(result.model_dump_json(), media_type="application/json")
