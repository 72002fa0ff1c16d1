"""Administrators edit the Thriving People Index framework: each saved edit is a new version, scored at once."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from thrive.data.index_framework import shipped_framework_path
from thrive.data.problems import ProblemsError
from thrive.framework.access import Role, User
from thrive.services.errors import NotAllowed
from thrive.services.index_runs import compute_framework_text
from thrive.store.reads import framework_versions, read_connection
from thrive.web.page_templates import templates
from thrive.web.security import check_csrf, require_user

router = APIRouter(prefix="/workspace")
DRAWS = 1000
FIELD = "framework"


def _admin(request: Request) -> tuple[User, str]:
    user, csrf = require_user(request)
    if user.role is not Role.ADMIN:
        raise NotAllowed("Only an administrator can change the Thriving People Index framework.")
    return user, csrf


def _page(
    request: Request, user: User, csrf: str, body: str, errors: list[dict[str, str]], saved: str = "", status: int = 200
) -> Response:
    with read_connection(request.app.state.engine) as connection:
        versions = framework_versions(connection)
    context: dict[str, Any] = {
        "title": "Thriving People Index framework",
        "section": "workspace",
        "signed_in": user,
        "csrf": csrf,
        "body": body or (versions[0]["body"] if versions else shipped_framework_path().read_text(encoding="utf-8")),
        "versions": versions,
        "errors": errors,
        "field_errors": {
            field: " ".join(e["text"] for e in errors if e["href"] == f"#{field}") for field in (FIELD, "reason")
        },
        "error_title": bool(errors),
        "saved": saved,
    }
    return templates.TemplateResponse(request, "index/framework_admin.html", context, status_code=status)


@router.get("/index-framework", response_class=HTMLResponse)
def framework_page(request: Request, saved: str = "") -> Response:
    user, csrf = _admin(request)
    return _page(request, user, csrf, "", [], saved)


@router.post("/index-framework")
def save_framework(
    request: Request,
    csrf: Annotated[str, Form()] = "",
    framework: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    user, expected = _admin(request)
    check_csrf(expected, csrf)
    errors = [] if reason.strip() else [{"text": "Enter why the framework is changing", "href": "#reason"}]
    if not errors:
        try:
            run = compute_framework_text(
                request.app.state.engine, framework, "framework", draws=DRAWS, actor=user.email, reason=reason.strip()
            )
        except ProblemsError as error:
            errors = [{"text": _problem_text(p.row, p.column, p.message), "href": f"#{FIELD}"} for p in error.problems]
    if errors:
        return _page(request, user, expected, framework, errors, status=400)
    return RedirectResponse(f"/workspace/index-framework?saved={run.framework_version}", status_code=303)


def _problem_text(row: int | None, column: str | None, message: str) -> str:
    place = f"line {row}" if row is not None else (f"field {column}" if column else "the framework")
    return f"Framework, {place}: {message}"
