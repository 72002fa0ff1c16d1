"""Signing in and out of the officer workspace, with throttling after repeated failures."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from thrive.services import accounts
from thrive.web.page_templates import templates
from thrive.web.security import (
    CSRF_COOKIE,
    SESSION_COOKIE,
    address_key,
    check_csrf,
    clear_session_cookie,
    set_csrf_cookie,
    set_session_cookie,
    sign_in_csrf,
    signed_in,
)

router = APIRouter()


def _form(request: Request, errors: list[dict[str, str]] | None = None, email: str = "", status: int = 200) -> Response:
    token = sign_in_csrf(request)
    response = templates.TemplateResponse(
        request,
        "workspace/sign_in.html",
        {
            "title": "Sign in",
            "section": "workspace",
            "csrf": token,
            "errors": errors or [],
            "email": email,
            "error_title": bool(errors),
        },
        status_code=status,
    )
    set_csrf_cookie(response, token)
    return response


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request) -> Response:
    return _form(request)


@router.post("/sign-in")
def sign_in(
    request: Request,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request.cookies.get(CSRF_COOKIE), csrf)
    errors = []
    if not email.strip():
        errors.append({"text": "Enter your email address", "href": "#email"})
    if not password:
        errors.append({"text": "Enter your password", "href": "#password"})
    if errors:
        return _form(request, errors, email, 400)
    token = accounts.sign_in(
        request.app.state.engine,
        email,
        password,
        address=address_key(request),
        old_session=request.cookies.get(SESSION_COOKIE),
    )
    if token is accounts.SignInRefused.LOCKED:
        locked = [{"text": "Too many failed attempts. Wait 15 minutes, then try again.", "href": "#email"}]
        return _form(request, locked, email, 429)
    if token is accounts.SignInRefused.WRONG:
        wrong = [{"text": "The email address or password is not right", "href": "#email"}]
        return _form(request, wrong, email, 400)
    response = RedirectResponse("/workspace", status_code=303)
    set_session_cookie(response, token)
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    found = signed_in(request)
    if found is not None:
        check_csrf(found[1], csrf)
        accounts.sign_out(request.app.state.engine, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(response)
    return response
