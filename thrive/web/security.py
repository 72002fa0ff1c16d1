"""Sign-in sessions and CSRF protection for the officer workspace.

The session cookie is Secure, HttpOnly and SameSite=Strict, and a new session is created at
every sign-in, so a session id planted before sign-in is useless (no fixation). Every form
carries a CSRF token: the session's own once signed in, and a double-submit cookie on the
sign-in form itself.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response

from thrive.framework.access import User
from thrive.store.reads import read_connection, session_user

SESSION_COOKIE = "__Host-thrive_session"
CSRF_COOKIE = "__Host-thrive_csrf"
"""The __Host- prefix makes the browser refuse these cookies unless they are Secure, for path / and
set by this host itself, so a neighbouring subdomain cannot plant a CSRF token or a session."""
SESSION_SECONDS = 8 * 60 * 60
_ADDRESS_KEY = secrets.token_bytes(32)
"""Made afresh each time the server starts: sign-in throttling needs only fifteen minutes of memory,
and a stored keyed hash cannot be turned back into anyone's address."""


class SignInRequiredError(Exception):
    """The page needs a signed-in officer."""


class CsrfError(Exception):
    """A form came without the right CSRF token: probably from another site."""


def signed_in(request: Request) -> tuple[User, str] | None:
    cached = getattr(request.state, "signed_in", ...)
    if cached is not ...:
        return cached  # type: ignore[no-any-return]
    with read_connection(request.app.state.engine) as connection:
        found = session_user(connection, request.cookies.get(SESSION_COOKIE))
    request.state.signed_in = found
    return found


def require_user(request: Request) -> tuple[User, str]:
    found = signed_in(request)
    if found is None:
        raise SignInRequiredError
    return found


def address_key(request: Request) -> str:
    """The address a request came from, as a keyed hash: enough to throttle sign-ins, not to identify anyone."""
    host = request.client.host if request.client else ""
    return hmac.new(_ADDRESS_KEY, host.encode(), hashlib.sha256).hexdigest()


def check_csrf(expected: str | None, given: str | None) -> None:
    if not expected or not given or not hmac.compare_digest(expected, given):
        raise CsrfError


def set_session_cookie(response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE, token, max_age=SESSION_SECONDS, httponly=True, secure=True, samesite="strict", path="/"
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="strict")


def sign_in_csrf(request: Request) -> str:
    """The double-submit token for the sign-in form: reuse the cookie's, or make one."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, token: str) -> None:
    response.set_cookie(CSRF_COOKIE, token, httponly=True, secure=True, samesite="strict", path="/")
