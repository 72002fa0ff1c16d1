"""The JSON API under /api: published Road Map data for anyone, figure entry and review for token holders.

`install(app)` adds the routes, the /api error handlers and an OpenAPI document limited to
/api (at /api/openapi.json, browsable at /api/docs).
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from thrive.web.api import (
    areas,
    assessments,
    docs,
    entry,
    groups,
    indicators,
    measures,
    observations,
    poverty,
    review,
    revisions,
)
from thrive.web.api.errors import API_PREFIX, install_error_handlers
from thrive.web.api.openapi import api_openapi


def _operation_id(route: APIRoute) -> str:
    """The endpoint's own name (list_measures, enter_observations): stable ids for generated clients."""
    return route.name


router = APIRouter(prefix=API_PREFIX, generate_unique_id_function=_operation_id)
for part in (measures, revisions, observations, review, entry, assessments, areas, groups, indicators, poverty):
    router.include_router(part.router)


def install(app: FastAPI) -> None:
    """Add the API to the app. Call after the page error handlers are registered: non-API errors go to them."""
    app.include_router(router)
    app.include_router(docs.router)
    install_error_handlers(app)
    setattr(app, "openapi", api_openapi(app))  # noqa: B010 (mypy forbids assigning to a method; FastAPI documents it)


__all__ = ["install", "router"]
