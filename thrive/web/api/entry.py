"""Entering figures through the API: rows in the import template's columns, saved as drafts.

The same checks and messages as an uploaded file (thrive.services.entering_results), under the same
rules as the workspace: an editor only for their partnership group's measures, an admin for
all, a viewer for none. Nothing entered here is public until it has been reviewed and published.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from thrive.data.problems import Problem
from thrive.data.reading import FIRST_DATA_ROW
from thrive.data.template import TEMPLATE_COLUMNS
from thrive.framework import Measure, RoadMap
from thrive.framework.access import User
from thrive.services.entering_results import save_drafts
from thrive.services.rights import Right, require
from thrive.store.reads import read_connection, read_roadmap
from thrive.web.api.auth import CurrentUser
from thrive.web.api.errors import AUTH, NOT_FOUND, SERVER_ERROR, ApiError, ErrorBody, problem_details
from thrive.web.api.text import Long, Short, storable

router = APIRouter(tags=["entering figures"])

SOURCE = "API request"
"""The name problems and the change set give the rows, as an upload's file name would."""
MAX_ROWS = 10_000

Number = float | Short
Flag = bool | Short


class ObservationRow(BaseModel):
    """One figure in the import template's columns (docs/import-template.md). Numbers may be sent as numbers or text."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"area": "E06000032", "period": "2024", "value": 640.2}]},
    )

    measure: Annotated[Short | None, Field(description="The measure id; may be left out, the address names it.")] = None
    series: Annotated[Short | None, Field(description="The series id, when the measure has several.")] = None
    area: Annotated[Short | None, Field(description="The GSS code, such as E06000032 for Luton.")] = None
    period: Annotated[
        Short | None, Field(description="The period as published: 2023, 2023/24, 2017-19, 2025Q3, Sep-24.")
    ] = None
    period_kind: Short | None = None
    value: Annotated[Number | None, Field(description="A plain number, such as 9.9 or 618.10: no % or £.")] = None
    numerator: Number | None = None
    denominator: Number | None = None
    lower_ci: Number | None = None
    upper_ci: Number | None = None
    provisional: Flag | None = None
    estimated: Flag | None = None
    not_comparable: Flag | None = None
    break_in_series: Flag | None = None
    suppressed: Flag | None = None
    low_reliability: Flag | None = None
    source: Long | None = None
    note: Long | None = None
    ref: Short | None = None
    outlier_reason: Annotated[
        Long | None, Field(description="Why a figure outside its unit's usual range (below 0%, say) is right.")
    ] = None


class EntryResult(BaseModel):
    """What the rows did. New and changed figures are drafts: submit them for review with their revision ids."""

    measure: str
    status: Literal["draft"] = "draft"
    rows: int
    added: int
    revised: int
    unchanged: int = Field(description="Rows identical to the current figure: nothing to do.")
    change_set: int | None = Field(description="The change set recording who entered the rows, when and why.")
    revision_ids: list[int] = Field(description="The new draft revisions, for POST /api/observations/review.")


def _cell(value: object) -> str:
    """A JSON value as the template's text cell, the way the importer reads a JSON file."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value) if isinstance(value, float) else str(value)


def rows_frame(rows: list[ObservationRow], measure_id: str) -> pd.DataFrame:
    """The rows as the template table the importer checks, each naming the address's measure unless it names one."""
    body = []
    for row in rows:
        cells = row.model_dump()
        cells["measure"] = cells["measure"] if cells["measure"] not in (None, "") else measure_id
        body.append([_cell(cells[column]) for column in TEMPLATE_COLUMNS])
    return pd.DataFrame(body, columns=TEMPLATE_COLUMNS, dtype=str)


def _elsewhere(frame: pd.DataFrame, measure: Measure, roadmap: RoadMap, user: User) -> list[Problem]:
    """Rows naming another measure: refused outright if the user may not edit it, otherwise sent back."""
    problems = []
    for index, named in enumerate(frame["measure"].str.strip()):
        if named == measure.id:
            continue
        require(user, Right.EDIT, [m for m in roadmap.measures if m.id == named])
        problems.append(
            Problem(
                SOURCE,
                index + FIRST_DATA_ROW,
                "measure",
                f"this row is for '{named}', but was sent to /api/measures/{measure.id}/observations. "
                "Send it to its own measure's address, or leave 'measure' out.",
            )
        )
    return problems


INVALID_ROWS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "A row has a problem: details name its row and column."}
}
CREATED: dict[int | str, dict[str, Any]] = {
    200: {"model": EntryResult, "description": "Every row matched the current figures: nothing was saved."}
}


@router.post(
    "/measures/{measure_id}/observations",
    status_code=201,
    response_model=EntryResult,
    responses={**CREATED, **AUTH, **NOT_FOUND, **INVALID_ROWS, **SERVER_ERROR},
)
def enter_observations(
    request: Request,
    measure_id: str,
    user: CurrentUser,
    rows: Annotated[list[ObservationRow], Body(min_length=1, max_length=MAX_ROWS)],
    reason: Annotated[
        str, Query(max_length=500, description="Why the figures are entered or changed."), AfterValidator(storable)
    ] = "",
) -> Response:
    """Save rows for one measure as drafts, all or nothing: every row is checked first, as an upload is."""
    engine: Engine = request.app.state.engine
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
    try:
        measure = roadmap.measure(measure_id)
    except KeyError:
        raise ApiError(404, f"There is no measure called '{measure_id}'.") from None
    require(user, Right.EDIT, [measure])
    frame = rows_frame(rows, measure.id)
    misplaced = _elsewhere(frame, measure, roadmap, user)
    if misplaced:
        raise ApiError(422, "Some rows are for another measure: see details.", details=problem_details(misplaced))
    entry = save_drafts(engine, user, frame, SOURCE, reason.strip())
    result = EntryResult(
        measure=measure.id,
        rows=len(rows),
        added=len(entry.plan.new),
        revised=len(entry.plan.changed),
        unchanged=entry.plan.unchanged,
        change_set=entry.change_set_id,
        revision_ids=list(entry.revision_ids),
    )
    status = 201 if entry.change_set_id is not None else 200
    return Response(result.model_dump_json(), status_code=status, media_type="application/json")
