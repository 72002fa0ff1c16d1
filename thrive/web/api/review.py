"""Moving entered figures through review: submit (draft to in review), publish or return (in review onwards).

The flow is the workspace's own (thrive.services.review): revision ids come from the caller, so
each is traced to its measure and checked against the caller's rights before anything moves.
Submitting needs the right to edit every figure's measure; publishing and returning need a reviewer.
Publishing makes the published assessment run in the same transaction.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from thrive.framework.publication import Stage, Step
from thrive.services.review import UnknownRevisions, review
from thrive.web.api.auth import CurrentUser
from thrive.web.api.errors import AUTH, SERVER_ERROR, ApiError, ErrorBody, ErrorDetail
from thrive.web.api.text import Reason

router = APIRouter(tags=["entering figures"])

MAX_FIGURES = 10_000
LARGEST_ID = 2**63 - 1
"""Revision ids are 64-bit; anything larger cannot name a figure and is refused before the database sees it."""


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
    reason = (body.reason or "").strip() or f"{body.step.capitalize()} through the API"
    try:
        done = review(engine, user, body.step, body.revision_ids, reason=reason, source="API request")
    except UnknownRevisions as unknown:
        raise ApiError(
            422,
            unknown.message,
            code="unknown_revision",
            details=[
                ErrorDetail(field="body.revision_ids", message=f"{i} is not a revision of any figure.")
                for i in unknown.ids
            ],
        ) from None
    result = ReviewResult(
        step=body.step,
        status=done.status,
        moved=done.moved,
        change_set=done.change_set_id,
        revision_ids=list(done.revision_ids),
    )
    return Response(result.model_dump_json(), media_type="application/json")
