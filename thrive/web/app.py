"""The FastAPI application: public pages, the officer workspace and the JSON API, served together."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from thrive.services.errors import NotAllowed, NotFound, Problems, ServiceError, Stale
from thrive.store.reads import make_engine
from thrive.web import (
    about,
    api,
    better_off,
    better_off_adviser,
    better_off_api,
    compare,
    downloads,
    index_admin,
    index_pages,
    indicator_pages,
    poverty,
    profile,
    public,
    sources,
    workspace,
    workspace_admin,
    workspace_auth,
)
from thrive.web.body_limit import BodyLimit
from thrive.web.headers import SecurityHeaders
from thrive.web.page_templates import templates
from thrive.web.security import CsrfError, SignInRequiredError
from thrive.web.site import Site
from thrive.web.uploads import TABLES

STATIC = Path(__file__).parent / "static"


def create_app(database_url: str | None = None) -> FastAPI:
    app = FastAPI(
        title="Thrive: Luton 2040 outcomes observatory",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    engine = make_engine(database_url)
    app.state.engine = engine
    app.state.site = Site(engine)
    app.state.tables = TABLES
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(public.router)
    app.include_router(indicator_pages.router)
    app.include_router(poverty.router)
    app.include_router(index_pages.router)
    app.include_router(index_admin.router)
    app.include_router(sources.router)
    app.include_router(about.router)
    app.include_router(profile.router)
    app.include_router(compare.router)
    app.include_router(downloads.router)
    app.include_router(better_off.router)
    app.include_router(better_off_adviser.router)
    app.include_router(better_off_api.router)
    app.include_router(workspace_auth.router)
    app.include_router(workspace.router)
    app.include_router(workspace_admin.router)

    @app.exception_handler(SignInRequiredError)
    def sign_in_first(request: Request, error: SignInRequiredError) -> Response:
        return RedirectResponse("/sign-in", status_code=303)

    @app.exception_handler(ServiceError)
    def refused(request: Request, error: ServiceError) -> HTMLResponse:
        status, title = next(shown for kind, shown in PAGE_ERRORS.items() if isinstance(error, kind))
        message = error.message
        if isinstance(error, Problems) and error.problems:
            message += " " + " ".join(str(p) for p in error.problems)
        return _error_page(request, status, title, message)

    @app.exception_handler(CsrfError)
    def bad_form(request: Request, error: CsrfError) -> HTMLResponse:
        return _error_page(request, 403, "This form has expired", "Go back, reload the page and try again.")

    @app.exception_handler(public.PageNotFoundError)
    def not_found(request: Request, error: public.PageNotFoundError) -> HTMLResponse:
        return _error_page(request, 404, "Page not found", error.message)

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, error: StarletteHTTPException) -> HTMLResponse:
        if error.status_code == 404:
            return _error_page(request, 404, "Page not found", "If you typed the web address, check it is correct.")
        title = "Starting up" if error.status_code == 503 else "Sorry, there is a problem"
        return _error_page(request, error.status_code, title, str(error.detail), error.headers)

    api.install(app)  # after the page handlers: /api errors get the JSON shape, pages keep theirs
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)
    return app


PAGE_ERRORS: dict[type[ServiceError], tuple[int, str]] = {
    NotAllowed: (403, "You cannot do that"),
    NotFound: (404, "Page not found"),
    Stale: (409, "This page is out of date"),
    Problems: (400, "There is a problem"),
}
"""How a use-case's refusal shows as a page (or a refinement of one, as the one it refines): status and heading."""


def _error_page(
    request: Request, status: int, title: str, message: str, headers: Mapping[str, str] | None = None
) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "error.html",
        {"title": title, "message": message, "section": ""},
        status_code=status,
        headers=dict(headers or {}),
    )
