"""A ceiling on every request body, enforced while it streams in, so no upload can fill the server.

The limit is checked lazily, as the handler reads: a handler asks who the person is and what they
may do first (from the session cookie alone), and only then reads the body, so a viewer's 100 MB
upload is refused before one byte of it is parsed. A body larger than its limit stops at the first
chunk past it (or at once, when Content-Length already says so) with a 413, which the application
shows as its error page or the API's error body.

The limits are configuration: THRIVE_UPLOAD_LIMIT_MB for the upload forms, and THRIVE_BODY_LIMIT_MB
for every other request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

UPLOAD_PATHS = ("/workspace/upload",)
"""Where officers send whole files of figures."""


def too_large(limit: int) -> HTTPException:
    megabytes = limit / (1024 * 1024)
    return HTTPException(
        413,
        f"The file or form is larger than {megabytes:g} MB, the most Thrive accepts. Split it into smaller files.",
        headers={"Connection": "close"},
    )


@dataclass(frozen=True)
class BodyLimits:
    upload: int
    other: int

    @classmethod
    def configured(cls) -> BodyLimits:
        return cls(
            upload=_megabytes("THRIVE_UPLOAD_LIMIT_MB", 20),
            other=_megabytes("THRIVE_BODY_LIMIT_MB", 2),
        )

    def for_path(self, path: str) -> int:
        return self.upload if path.startswith(UPLOAD_PATHS) else self.other


def _megabytes(name: str, default: int) -> int:
    given = os.environ.get(name, "")
    try:
        megabytes = float(given) if given else float(default)
    except ValueError:
        raise SystemExit(f"{name} must be a number of megabytes, like {default}; it is '{given}'.") from None
    if not 0 < megabytes < 10_000:
        raise SystemExit(f"{name} must be between 0 and 10,000 megabytes; it is '{given}'.")
    return int(megabytes * 1024 * 1024)


class BodyLimit:
    """ASGI middleware: wraps `receive` so reading past the limit raises a 413."""

    def __init__(self, app: ASGIApp, limits: BodyLimits | None = None):
        self.app = app
        self.limits = limits or BodyLimits.configured()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.for_path(scope["path"])
        declared = _content_length(scope)
        received = 0

        async def limited() -> Message:
            nonlocal received
            if declared is not None and declared > limit:
                raise too_large(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise too_large(limit)
            return message

        await self.app(scope, limited, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
