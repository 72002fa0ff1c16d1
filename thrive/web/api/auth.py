"""Who is calling: a personal API token (`Authorization: Bearer thr_…`), checked on every write.

Only the token's SHA-256 hash is stored (thrive.store.users), and a revoked token or a
disabled account is refused like a wrong one. Reads need no token: they are public.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from thrive.framework.access import User
from thrive.store.reads import read_connection, token_user
from thrive.web.api.errors import ApiError

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiToken",
    bearerFormat="thr_…",
    description="A personal API token, issued to an officer's account. Send it as `Authorization: Bearer thr_…`.",
)
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def api_user(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> User:
    if credentials is None:
        raise ApiError(
            401, "Send your personal API token in the header 'Authorization: Bearer thr_…'.", headers=CHALLENGE
        )
    with read_connection(request.app.state.engine) as connection:
        user = token_user(connection, credentials.credentials)
    if user is None:
        raise ApiError(
            401,
            "The API token is not valid: it may be mistyped or revoked, or the account disabled.",
            headers=CHALLENGE,
        )
    return user


CurrentUser = Annotated[User, Depends(api_user)]
