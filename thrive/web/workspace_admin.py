"""Administrators manage officers' accounts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from thrive.framework.access import Role, User
from thrive.services.accounts import UserError, create_account, unlock_account
from thrive.services.errors import NotAllowed
from thrive.store.reads import list_users, read_connection, read_roadmap
from thrive.web.page_templates import templates
from thrive.web.security import check_csrf, require_user

router = APIRouter(prefix="/workspace")


def _admin(request: Request) -> tuple[User, str]:
    user, csrf = require_user(request)
    if user.role is not Role.ADMIN:
        raise NotAllowed("Only an administrator can manage users.")
    return user, csrf


def _page(
    request: Request,
    user: User,
    csrf: str,
    errors: list[dict[str, str]],
    values: dict[str, str],
    created: str = "",
    status: int = 200,
    unlocked: str = "",
) -> Response:
    with read_connection(request.app.state.engine) as connection:
        people = list_users(connection)
        groups = read_roadmap(connection).groups
    return templates.TemplateResponse(
        request,
        "workspace/users.html",
        {
            "title": "Users",
            "section": "workspace",
            "signed_in": user,
            "csrf": csrf,
            "people": people,
            "role_items": [
                {"value": r.value, "text": r.value.title(), "checked": values.get("role") == r.value} for r in Role
            ],
            "group_items": [{"value": "", "text": "No group"}]
            + [{"value": g.code, "text": g.name, "selected": values.get("group") == g.code} for g in groups],
            "values": values,
            "errors": errors,
            "field_errors": {e["href"].lstrip("#"): e["text"] for e in reversed(errors)},
            "error_title": bool(errors),
            "created": created,
            "unlocked": unlocked,
        },
        status_code=status,
    )


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, created: str = "", unlocked: str = "") -> Response:
    user, csrf = _admin(request)
    return _page(request, user, csrf, [], {}, created, unlocked=unlocked)


@router.post("/users/unlock")
def unlock_user(request: Request, csrf: Annotated[str, Form()] = "", email: Annotated[str, Form()] = "") -> Response:
    """Let an officer locked out by wrong passwords (perhaps someone else's) sign in again now."""
    user, expected = _admin(request)
    check_csrf(expected, csrf)
    try:
        unlock_account(request.app.state.engine, email, by=user.email)
    except UserError as error:
        return _page(request, user, expected, [{"text": str(error), "href": "#email"}], {}, status=400)
    return RedirectResponse(f"/workspace/users?unlocked={email.strip().lower()}", status_code=303)


@router.post("/users")
def create_user(
    request: Request,
    csrf: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    group: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    user, expected = _admin(request)
    check_csrf(expected, csrf)
    values = {"email": email, "role": role, "group": group}
    errors = _form_errors(email, role, group, password)
    if errors:
        return _page(request, user, expected, errors, values, status=400)
    try:
        made = create_account(request.app.state.engine, email, password, Role(role), group or None)
    except UserError as error:
        field = (
            "#password"
            if "password" in str(error).lower()
            else ("#group" if "group" in str(error).lower() else "#email")
        )
        return _page(request, user, expected, [{"text": str(error), "href": field}], values, status=400)
    return RedirectResponse(f"/workspace/users?created={made.email}", status_code=303)


def _form_errors(email: str, role: str, group: str, password: str) -> list[dict[str, str]]:
    """Every problem with the form at once, in the order of its fields (GOV.UK's error summary pattern).

    Checks the store would make too (`add_user`), worded for this form; the store still has the last word.
    """
    errors = []
    if not email.strip():
        errors.append({"text": "Enter an email address, like name@luton.gov.uk", "href": "#email"})
    if role not in {r.value for r in Role}:
        errors.append({"text": "Choose a role", "href": "#role"})
    elif role == Role.EDITOR.value and not group:
        errors.append({"text": "An editor needs a partnership group: choose the one they work for", "href": "#group"})
    if len(password) < 12:
        errors.append({"text": "Enter a password of at least 12 characters", "href": "#password"})
    return errors
