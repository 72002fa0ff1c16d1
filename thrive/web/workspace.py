"""The officer workspace: enter results, write commentary, upload files, send for review and publish.

Pages parse the form, call a use-case (thrive.services), and render. Every use-case checks the
officer's rights for the measure in hand (never trusting the form), uses the importer's own
validation and messages, and writes through the revision path.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import pandas as pd
from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile as StarletteUploadFile

from thrive.assess import assess_roadmap
from thrive.assess.benchmark import EAST_OF_ENGLAND
from thrive.data.problems import ProblemsError
from thrive.data.rules import load_rules
from thrive.framework import Measure, RoadMap
from thrive.framework.access import User, can_read_drafts
from thrive.framework.area import ENGLAND, LUTON
from thrive.framework.publication import Stage, Step
from thrive.services import review as reviewing
from thrive.services.commentary import write_draft_commentary
from thrive.services.entering_results import check_rows, preview, save_drafts
from thrive.services.errors import NotAllowed, NotFound, Problems, Stale
from thrive.services.rights import Right, may, require
from thrive.store.reads import (
    WORKING,
    ChangeKind,
    current_observations,
    observation_history,
    observations_from_frame,
    pending,
    read_connection,
    read_roadmap,
    working_commentary,
)
from thrive.web import uploads
from thrive.web.page_templates import templates
from thrive.web.security import check_csrf, require_user


@asynccontextmanager
async def _stop_the_reader(app: Any) -> AsyncIterator[None]:
    """The upload worker process ends with the server."""
    yield
    app.state.tables.close()


router = APIRouter(prefix="/workspace", lifespan=_stop_the_reader)
FIELD_IDS = {"series": "series", "area": "area", "period": "period", "value": "value", "note": "note"}


def _roadmap(request: Request) -> RoadMap:
    with read_connection(request.app.state.engine) as connection:
        return read_roadmap(connection)


def _measure(roadmap: RoadMap, measure_id: str) -> Measure:
    try:
        return roadmap.measure(measure_id)
    except KeyError:
        raise NotFound(f"There is no measure called '{measure_id}'.") from None


class _Editing(NamedTuple):
    user: User
    csrf: str
    roadmap: RoadMap
    measure: Measure


def _editing(request: Request, measure_id: str, posted_csrf: str | None = None) -> _Editing:
    """The signed-in officer, the measure and the Road Map, once the officer's right to change it is checked.

    A posted form's CSRF token is checked first, so a forged request learns nothing.
    """
    user, csrf = require_user(request)
    if posted_csrf is not None:
        check_csrf(csrf, posted_csrf)
    roadmap = _roadmap(request)
    measure = _measure(roadmap, measure_id)
    require(user, Right.EDIT, [measure])
    return _Editing(user, csrf, roadmap, measure)


def _page(request: Request, template: str, user: User, csrf: str, status: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(
        request,
        f"workspace/{template}",
        {"section": "workspace", "signed_in": user, "csrf": csrf, **context},
        status_code=status,
    )


def _officer(request: Request) -> tuple[User, str]:
    """The signed-in user, once they are allowed to see unpublished figures."""
    user, csrf = require_user(request)
    if not can_read_drafts(user):
        raise NotAllowed("Advisers use the Better Off workspace: go to /workspace/better-off.")
    return user, csrf


@router.get("", response_class=HTMLResponse)
def dashboard(request: Request) -> Response:
    user, csrf = require_user(request)
    if not can_read_drafts(user):
        return RedirectResponse("/workspace/better-off", status_code=303)
    roadmap = _roadmap(request)
    with read_connection(request.app.state.engine) as connection:
        drafts = pending(connection, Stage.DRAFT)
        in_review = pending(connection, Stage.IN_REVIEW)
    mine = [m for m in roadmap.measures if may(user, Right.EDIT, [m])]
    series_measure = {s.id: m for m in roadmap.measures for s in m.series}
    return _page(
        request,
        "dashboard.html",
        user,
        csrf,
        title="Officer workspace",
        measures=roadmap.measures,
        mine={m.id for m in mine},
        drafts=_rows(drafts, series_measure),
        in_review=_rows(in_review, series_measure),
        reviewer=may(user, Right.REVIEW),
    )


def _home_areas(roadmap: RoadMap) -> set[str]:
    """Luton, the places inside it, England and the region: the areas officers enter figures for."""
    inside = {a.code for a in roadmap.areas if a.parent == LUTON}
    inside |= {a.code for a in roadmap.areas if a.parent in inside}
    return {LUTON, ENGLAND, EAST_OF_ENGLAND} | inside


def _officers_figures(working: pd.DataFrame, home: set[str]) -> pd.Series:
    """Which figures the workspace lists: every figure for Luton's own areas and every figure an officer
    entered or has not yet published; the official history of every other authority is counted instead
    (it is on the indicator pages and in the downloads)."""
    here = working["area_code"].isin(home)
    return here | (working["change_kind"] != ChangeKind.OFFICIAL) | (working["status"] != Stage.PUBLISHED.value)


def _rows(frame: pd.DataFrame, series_measure: dict[str, Measure]) -> list[dict[str, Any]]:
    return [
        {**{str(k): v for k, v in row.items()}, "measure": series_measure[row["series_id"]]}
        for row in frame.to_dict(orient="records")
        if row["series_id"] in series_measure
    ]


@router.get("/measures/{measure_id}", response_class=HTMLResponse)
def measure_workspace(request: Request, measure_id: str, saved: str = "") -> Response:
    user, csrf = _officer(request)
    roadmap = _roadmap(request)
    measure = _measure(roadmap, measure_id)
    series_ids = [s.id for s in measure.series]
    with read_connection(request.app.state.engine) as connection:
        working = current_observations(connection, series_ids, view=WORKING)
        history = observation_history(connection, series_ids)
        notes = working_commentary(connection, measure.id)
    draft_assessment = assess_roadmap(
        roadmap, observations_from_frame(working), load_rules(), measure_ids=[measure.id]
    )[0]
    home = _home_areas(roadmap)
    shown = _officers_figures(working, home)
    return _page(
        request,
        "measure.html",
        user,
        csrf,
        title=f"Workspace: {measure.wording}",
        measure=measure,
        figures=working[shown].sort_values(["series_id", "area_code", "period_end"]).to_dict(orient="records"),
        other_authorities=int((~shown).sum()),
        assessment=draft_assessment,
        history=[h for h in reversed(history) if h["kind"] != ChangeKind.OFFICIAL or h["area"] in home],
        commentary=notes,
        editable=may(user, Right.EDIT, [measure]),
        saved=saved,
        units={s.id: s.unit for s in measure.series},
        drafts=[int(r) for r in working.loc[working["status"] == Stage.DRAFT.value, "revision_id"]],
    )


def _result_form(
    request: Request,
    user: User,
    csrf: str,
    measure: Measure,
    roadmap: RoadMap,
    values: dict[str, str],
    errors: list[dict[str, str]],
    status: int = 200,
) -> Response:
    areas = [a for a in roadmap.areas if a.type.value in ("local_authority", "country", "region", "ward")]
    field_errors = {e["href"].lstrip("#"): e["text"] for e in errors}
    series_items = [{"value": s.id, "text": s.label, "checked": s.id == values["series"]} for s in measure.series]
    area_items = [
        {"value": a.code, "text": f"{a.name} ({a.code})", "selected": a.code == values["area"]} for a in areas
    ]
    return _page(
        request,
        "result.html",
        user,
        csrf,
        status,
        title=f"Enter a result: {measure.wording}",
        measure=measure,
        series_items=series_items,
        area_items=area_items,
        values=values,
        errors=errors,
        field_errors=field_errors,
        error_title=bool(errors),
    )


@router.get("/measures/{measure_id}/results", response_class=HTMLResponse)
def result_form(request: Request, measure_id: str) -> Response:
    user, csrf, roadmap, measure = _editing(request, measure_id)
    values = {"series": measure.series[0].id, "area": LUTON, "period": "", "value": "", "note": "", "reason": ""}
    return _result_form(request, user, csrf, measure, roadmap, values, [])


@router.post("/measures/{measure_id}/results")
def enter_result(
    request: Request,
    measure_id: str,
    csrf: Annotated[str, Form()] = "",
    series: Annotated[str, Form()] = "",
    area: Annotated[str, Form()] = "",
    period: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    user, expected, roadmap, measure = _editing(request, measure_id, csrf)
    values = {"series": series, "area": area, "period": period, "value": value, "note": note, "reason": reason}
    frame = pd.DataFrame(
        [{"measure": measure.id, "series": series, "area": area, "period": period, "value": value, "note": note}]
    )
    problems = []
    try:
        if reason.strip():
            save_drafts(request.app.state.engine, user, frame, "the result form", reason.strip())
        else:
            # Without a reason nothing is saved, but the figure is still checked, so the error summary lists
            # every problem at once rather than revealing the next one only after this is fixed.
            check_rows(request.app.state.engine, user, frame, "the result form")
    except (Problems, ProblemsError) as error:
        problems = error.problems
    errors = [
        {
            "text": problem.message[0].upper() + problem.message[1:],
            "href": "#" + FIELD_IDS.get(problem.column or "", "value"),
        }
        for problem in problems
    ]
    if not reason.strip():
        errors.append(
            {"text": "Say why the figure is being entered, like 'Q3 figure from the DfE release'", "href": "#reason"}
        )
    if errors:
        return _result_form(request, user, expected, measure, roadmap, values, errors, 400)
    return RedirectResponse(f"/workspace/measures/{measure.id}?saved=result", status_code=303)


@router.post("/measures/{measure_id}/submit")
def submit_for_review(
    request: Request,
    measure_id: str,
    csrf: Annotated[str, Form()] = "",
    revision: Annotated[list[int] | None, Form()] = None,
) -> Response:
    user, _, _, measure = _editing(request, measure_id, csrf)
    reviewing.review(
        request.app.state.engine,
        user,
        Step.SUBMIT,
        revision or [],
        reason=f"Sent {measure.wording} for review",
        commentary=reviewing.Commentary(move=True, measure=measure),
    )
    return RedirectResponse(f"/workspace/measures/{measure.id}?saved=submitted", status_code=303)


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request) -> Response:
    user, csrf = require_user(request)
    require(user, Right.REVIEW)
    roadmap = _roadmap(request)
    series_measure = {s.id: m for m in roadmap.measures for s in m.series}
    with read_connection(request.app.state.engine) as connection:
        waiting = pending(connection, Stage.IN_REVIEW)
        notes = [c for c in working_commentary(connection) if c.status == Stage.IN_REVIEW.value]
    return _page(
        request,
        "review.html",
        user,
        csrf,
        title="Review and publish",
        items=_rows(waiting, series_measure),
        notes=notes,
        measure_wording={m.id: m.wording for m in roadmap.measures},
    )


@router.post("/review")
def review(
    request: Request,
    csrf: Annotated[str, Form()] = "",
    step: Annotated[str, Form()] = "publish",
    revision: Annotated[list[int] | None, Form()] = None,
    commentary: Annotated[list[int] | None, Form()] = None,
    why: Annotated[str, Form()] = "",
) -> Response:
    """Publish or send back the figures and the commentary ticked, and nothing else (finding 9)."""
    user, expected = require_user(request)
    check_csrf(expected, csrf)
    if step not in (Step.PUBLISH, Step.RETURN):
        raise Problems("Choose to publish or to send back.")
    chosen = Step(step)
    reason = why.strip() or ("Reviewed and published" if chosen is Step.PUBLISH else "Sent back for changes")
    reviewing.review(
        request.app.state.engine,
        user,
        chosen,
        revision or [],
        reason=reason,
        commentary=reviewing.Commentary(move=True, chosen=tuple(commentary or [])),
    )
    return RedirectResponse("/workspace/review", status_code=303)


@router.get("/measures/{measure_id}/commentary", response_class=HTMLResponse)
def commentary_form(request: Request, measure_id: str) -> Response:
    user, csrf, _, measure = _editing(request, measure_id)
    return _page(
        request,
        "commentary.html",
        user,
        csrf,
        title=f"Commentary: {measure.wording}",
        measure=measure,
        values={"period": "", "progress": "", "more_work": ""},
        errors=[],
        error_title=False,
    )


@router.post("/measures/{measure_id}/commentary")
def write_commentary_form(
    request: Request,
    measure_id: str,
    csrf: Annotated[str, Form()] = "",
    period: Annotated[str, Form()] = "",
    progress: Annotated[str, Form()] = "",
    more_work: Annotated[str, Form()] = "",
) -> Response:
    user, expected, _, measure = _editing(request, measure_id, csrf)
    errors = []
    if not period.strip():
        errors.append({"text": "Enter the period the commentary is about, like 2024/25", "href": "#period"})
    if not progress.strip() and not more_work.strip():
        errors.append({"text": "Write about progress or areas needing more work", "href": "#progress"})
    if errors:
        values = {"period": period, "progress": progress, "more_work": more_work}
        return _page(
            request,
            "commentary.html",
            user,
            expected,
            400,
            title=f"Commentary: {measure.wording}",
            measure=measure,
            values=values,
            errors=errors,
            error_title=True,
        )
    write_draft_commentary(request.app.state.engine, user, measure, period, progress=progress, more_work=more_work)
    return RedirectResponse(f"/workspace/measures/{measure.id}?saved=commentary", status_code=303)


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    user, csrf = require_user(request)
    return _page(request, "upload.html", user, csrf, title="Upload figures", errors=[], plan=None, error_title=False)


@router.post("/upload")
async def upload(request: Request) -> Response:
    """Who is uploading, and whether they may enter figures at all, is settled from the session
    before a byte of the body is read; the body itself is capped as it streams (thrive.web.body_limit)."""
    user, expected = require_user(request)
    require(user, Right.ENTER)
    form = await request.form(max_files=1, max_fields=4)
    try:
        check_csrf(expected, str(form.get("csrf", "")))
        file = form.get("file")
        if not isinstance(file, StarletteUploadFile) or not file.filename:
            return _upload_problems(request, user, expected, ["Choose a CSV or XLSX file to upload"])
        try:
            name = uploads.safe_name(file.filename)
        except uploads.UploadNameError as wrong:
            return _upload_problems(request, user, expected, [str(wrong)])
        with uploads.waiting_file(name) as path:
            with path.open("wb") as kept:
                await run_in_threadpool(shutil.copyfileobj, file.file, kept)
            return await run_in_threadpool(_preview_or_problems, request, user, expected, path)
    finally:
        await form.close()


def _upload_problems(request: Request, user: User, csrf: str, problems: list[str]) -> Response:
    return _page(
        request,
        "upload.html",
        user,
        csrf,
        400,
        title="Upload figures",
        plan=None,
        error_title=True,
        errors=[{"text": text, "href": "#file"} for text in problems],
    )


def _preview_or_problems(request: Request, user: User, csrf: str, path: Path) -> Response:
    """Read the file in the worker and plan its changes; the file waits for confirmation only if
    the preview is shown."""
    try:
        plan = preview(request.app.state.engine, user, request.app.state.tables.read(path), path.name)
    except (Problems, ProblemsError) as error:
        uploads.discard(path)
        return _upload_problems(request, user, csrf, [str(p) for p in error.problems])
    except NotAllowed:
        uploads.discard(path)
        raise
    return _page(
        request,
        "upload.html",
        user,
        csrf,
        title="Check the changes",
        errors=[],
        error_title=False,
        plan=plan,
        upload=uploads.token_for(path),
        added=plan.new.head(200).to_dict(orient="records"),
        changed=plan.changed.head(200).to_dict(orient="records"),
    )


@router.post("/upload/confirm")
def confirm_upload(
    request: Request,
    csrf: Annotated[str, Form()] = "",
    upload: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    user, expected = require_user(request)
    check_csrf(expected, csrf)
    path = uploads.waiting(upload)
    if path is None:
        raise NotFound("That upload has expired. Upload the file again.")
    try:
        frame = request.app.state.tables.read(path)
        save_drafts(request.app.state.engine, user, frame, path.name, reason.strip() or f"Uploaded {path.name}")
    except (Problems, ProblemsError):
        raise Stale("The file changed its checks since the preview. Upload it again.") from None
    finally:
        uploads.discard(path)
    return RedirectResponse("/workspace?saved=upload", status_code=303)
