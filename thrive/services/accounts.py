"""Officers' accounts: signing in and out, adding an account and issuing an API token.

Each is one transaction, asked the same way by the workspace's pages and by `thrive user`; the rules
themselves (the lockout, a new session on every sign-in, what counts as an email address or a strong
enough password) stay with the store's users module.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Engine

from thrive.framework.access import Role, User
from thrive.store.database import write_transaction
from thrive.store.users import (
    UserError,
    add_user,
    authenticate,
    end_session,
    is_locked,
    issue_token,
    list_users,
    start_session,
    unlock,
)

__all__ = [
    "SignInRefused",
    "UserError",
    "create_account",
    "issue_api_token",
    "sign_in",
    "sign_out",
    "unlock_account",
]
"""UserError is what `create_account` raises, for each edge to word for its reader."""


class SignInRefused(StrEnum):
    LOCKED = "locked"
    """Too many failed attempts lately: the account waits before it is tried again."""
    WRONG = "wrong"
    """The email address or password is not right (which of the two is never said)."""


def sign_in(engine: Engine, email: str, password: str, *, address: str, old_session: str | None) -> str | SignInRefused:
    """A new session token, or why not. Every try is recorded with its address (a keyed hash), and any
    old session ends, so a session id is never carried over from before signing in (no fixation)."""
    with write_transaction(engine) as connection:
        if is_locked(connection, email, address):
            return SignInRefused.LOCKED
        user = authenticate(connection, email, password, address)
        if user is None:
            return SignInRefused.WRONG
        end_session(connection, old_session)
        token, _ = start_session(connection, user)
    return token


def sign_out(engine: Engine, session: str | None) -> None:
    with write_transaction(engine) as connection:
        end_session(connection, session)


def unlock_account(engine: Engine, email: str, *, by: str) -> None:
    """Let an officer sign in again now; raises UserError if there is no such account."""
    with write_transaction(engine) as connection:
        unlock(connection, email, by)


def create_account(engine: Engine, email: str, password: str, role: Role, group_code: str | None) -> User:
    """Raises UserError, in words for the officer, if the address, password or group will not do."""
    with write_transaction(engine) as connection:
        return add_user(connection, email, password, role, group_code)


def issue_api_token(engine: Engine, email: str, name: str) -> str | None:
    """A new personal API token for this account, shown once; None if there is no such account."""
    with write_transaction(engine) as connection:
        user = next((u for u in list_users(connection) if u.email == email.strip().lower()), None)
        return None if user is None else issue_token(connection, user, name)
