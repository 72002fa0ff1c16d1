"""One error shape for every /api response, whatever went wrong, while HTML pages keep their GOV.UK error pages.

Clients handle a single body, `{"error": {"status", "code", "message", "details"}}`, for a
404, a 405, a bad query parameter, a refused token or a failure inside the server. A 500
says only that something went wrong: the traceback goes to the server log, never to the caller.
"""

from __future__ import annotations

import inspect
import logging
import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from thrive.data.problems import Problem
from thrive.data.reading import FIRST_DATA_ROW
from thrive.services.errors import NotAllowed, NotFound, Problems, ServiceError, Stale

API_PREFIX = "/api"
LOG = logging.getLogger("thrive.web")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
    500: "internal_error",
}


class ErrorDetail(BaseModel):
    """One thing to put right: a query parameter, or a row and column of the figures sent."""

    message: str = Field(description="What is wrong and what to do, in plain English.")
    field: Annotated[
        str | None, Field(description="Where in the request, such as 'query.limit' or 'body.0.value'.")
    ] = None
    file: Annotated[str | None, Field(description="For rows: the name the importer gives the request.")] = None
    row: Annotated[
        int | None, Field(description="For rows: the row as the import template numbers it (2 is the first).")
    ] = None
    index: Annotated[int | None, Field(description="For rows: the position in the list sent, from 0.")] = None
    column: Annotated[str | None, Field(description="For rows: the template column, such as 'value'.")] = None


class ErrorInfo(BaseModel):
    status: int = Field(description="The HTTP status, repeated for clients that only see the body.")
    code: str = Field(description="A stable machine-readable code, such as not_found or invalid_request.")
    message: str = Field(description="What went wrong, in plain English.")
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """The body of every error from /api."""

    error: ErrorInfo


class ApiError(Exception):
    """An error an /api endpoint means to return, with its status, code and plain-English message."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: Sequence[ErrorDetail] = (),
        headers: dict[str, str] | None = None,
    ):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, f"http_{status}")
        self.message = message
        self.details = list(details)
        self.headers = headers or {}


def not_found(message: str) -> ApiError:
    return ApiError(404, message)


SERVICE_STATUS: dict[type[ServiceError], int] = {NotAllowed: 403, NotFound: 404, Stale: 409, Problems: 422}
"""How a use-case's refusal (or a refinement of one) answers on /api."""


def service_error(error: ServiceError) -> ApiError:
    status = next(code for kind, code in SERVICE_STATUS.items() if isinstance(error, kind))
    if isinstance(error, Problems) and error.problems:
        return ApiError(status, error.message, code="invalid_rows", details=problem_details(error.problems))
    return ApiError(status, error.message)


def problem_details(problems: Sequence[Problem]) -> list[ErrorDetail]:
    """The importer's problems, each with its row as the template numbers it and its position in the list sent."""
    return [
        ErrorDetail(
            message=p.message,
            file=p.file,
            row=p.row,
            index=None if p.row is None or p.row < FIRST_DATA_ROW else p.row - FIRST_DATA_ROW,
            column=p.column,
        )
        for p in problems
    ]


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    details: Sequence[ErrorDetail] = (),
    headers: Mapping[str, str] | None = None,
) -> Response:
    body = ErrorBody(
        error=ErrorInfo(
            status=status, code=code or CODES.get(status, f"http_{status}"), message=message, details=list(details)
        )
    )
    return Response(body.model_dump_json(), status_code=status, media_type="application/json", headers=headers)


def _documented(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified: the ETag sent still matches."}}
BAD_QUERY: dict[int | str, dict[str, Any]] = {422: _documented("A query parameter is not valid.")}
SERVER_ERROR: dict[int | str, dict[str, Any]] = {500: _documented("Something went wrong inside Thrive.")}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: _documented("There is no such resource.")}
AUTH: dict[int | str, dict[str, Any]] = {
    401: _documented("No API token was sent, or it is not valid."),
    403: _documented("The token's owner may not do this."),
}
READ_RESPONSES = {**NOT_MODIFIED, **BAD_QUERY, **SERVER_ERROR}
ONE_RESPONSES = {**READ_RESPONSES, **NOT_FOUND}


def is_api(request: Request) -> bool:
    path = request.url.path.removeprefix(request.scope.get("root_path", "") or "")
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def _http_message(request: Request, error: StarletteHTTPException) -> str:
    if error.status_code == 404:
        return f"There is nothing at {request.url.path}. The API's addresses are listed at {API_PREFIX}/docs."
    if error.status_code == 405:
        allowed = (error.headers or {}).get("allow", (error.headers or {}).get("Allow", ""))
        return f"{request.method} is not allowed here." + (f" Use {allowed}." if allowed else "")
    return str(error.detail)


def _validation_details(error: RequestValidationError) -> list[ErrorDetail]:
    details = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ())]
        index = int(location[1]) if len(location) > 1 and location[0] == "body" and location[1].isdigit() else None
        column = location[2] if index is not None and len(location) > 2 else None
        details.append(
            ErrorDetail(
                message=str(item.get("msg", "not valid")),
                field=".".join(location) or None,
                index=index,
                row=None if index is None else index + FIRST_DATA_ROW,
                column=column,
            )
        )
    return details


Handler = Callable[[Request, Any], Any]
CLOSE = {"Connection": "close"}


async def _delegate(handler: Handler, request: Request, error: Exception) -> Response:
    """Hand a non-API request to the handler the pages registered (sync handlers run in the thread pool)."""
    if inspect.iscoroutinefunction(handler):
        response: Response = await handler(request, error)
    else:
        response = await run_in_threadpool(handler, request, error)
    return response


def install_error_handlers(app: FastAPI) -> None:
    """Answer /api errors with ErrorBody; pass every other path to the handlers already registered.

    Call this after the page handlers are registered, so they are the ones delegated to.
    """
    pages_http: Handler = app.exception_handlers.get(StarletteHTTPException) or _plain_http
    pages_validation: Handler = (
        app.exception_handlers.get(RequestValidationError) or request_validation_exception_handler
    )
    pages_refused: Handler | None = app.exception_handlers.get(ServiceError)

    async def api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(
            error.status, error.message, code=error.code, details=error.details, headers=error.headers
        )

    async def refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, ServiceError)
        if not is_api(request) and pages_refused is not None:
            return await _delegate(pages_refused, request, error)
        return await api_error(request, service_error(error))

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        if not is_api(request):
            return await _delegate(pages_http, request, error)
        return error_response(error.status_code, _http_message(request, error), headers=error.headers)

    async def validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        if not is_api(request):
            return await _delegate(pages_validation, request, error)
        return error_response(
            422,
            "The request is not valid: see details for each problem.",
            details=_validation_details(error),
        )

    async def server_error(request: Request, error: Exception) -> Response:
        """A bug: logged with a request id (and the method and path, never the query or the body,
        which may hold a household's answers), and the caller is given the id to quote.

        The server then drops the connection, so the answer says so: a client must not reuse it.
        """
        request_id = secrets.token_hex(6)
        LOG.error("request %s failed: %s %s", request_id, request.method, request.url.path, exc_info=error)
        message = f"Something went wrong inside Thrive. It has been logged as {request_id}; please try again later."
        headers = {**CLOSE, "X-Request-Id": request_id}
        if not is_api(request):
            return PlainTextResponse(message, status_code=500, headers=headers)
        return error_response(500, message, headers=headers)

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(ServiceError, refused)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)


async def _plain_http(request: Request, error: StarletteHTTPException) -> Response:
    return PlainTextResponse(str(error.detail), status_code=error.status_code, headers=error.headers)
