"""Officers' accounts, sign-in sessions, failed-attempt throttling and personal API tokens.

Passwords are hashed with argon2. Session and API tokens are random; only their SHA-256
hashes are stored, so a copy of the database lets no one sign in.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, and_, delete, func, insert, select, update

from thrive.framework.access import Role, User
from thrive.store.schema import api_token, app_user, login_attempt, partnership_group, web_session

HASHER = PasswordHasher()
SESSION_LIFETIME = timedelta(hours=8)
LOCKOUT_FAILURES = 5
"""Failures on one account from one address that make that address wait."""
ADDRESS_FAILURES = 20
"""Failures from one address, on any accounts, that make the address wait: guessing across accounts."""
ACCOUNT_FAILURES = 50
"""Failures on one account from every address together that lock it for everyone until the window
passes or an administrator unlocks it: a guessing attack spread over many addresses."""
LOCKOUT_WINDOW = timedelta(minutes=15)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DUMMY_HASH = HASHER.hash("not a real password")


class UserError(ValueError):
    """Bad account details; the message says which and how to fix it."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _user(row: object) -> User:
    return User(row.id, row.email, Role(row.role), row.group_code, bool(row.active))  # type: ignore[attr-defined]


def add_user(connection: Connection, email: str, password: str, role: Role, group_code: str | None = None) -> User:
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise UserError(f"'{email}' is not an email address. Enter one like name@luton.gov.uk.")
    if len(password) < 12:
        raise UserError("The password must be at least 12 characters long.")
    if role is Role.EDITOR and not group_code:
        raise UserError("A group editor needs a partnership group: use --group.")
    if (
        group_code
        and connection.execute(select(partnership_group.c.code).where(partnership_group.c.code == group_code)).first()
        is None
    ):
        codes = ", ".join(
            connection.execute(select(partnership_group.c.code).order_by(partnership_group.c.code)).scalars()
        )
        raise UserError(f"'{group_code}' is not a partnership group. The groups are: {codes}.")
    if connection.execute(select(app_user.c.id).where(app_user.c.email == email)).first() is not None:
        raise UserError(f"There is already an account for {email}.")
    user_id = connection.execute(
        insert(app_user)
        .values(
            email=email,
            password_hash=HASHER.hash(password),
            role=role.value,
            group_code=group_code,
            active=True,
            created_at=_now(),
        )
        .returning(app_user.c.id)
    ).scalar_one()
    return User(int(user_id), email, role, group_code)


def list_users(connection: Connection) -> list[User]:
    return [_user(row) for row in connection.execute(select(app_user).order_by(app_user.c.email))]


def user_by_id(connection: Connection, user_id: int) -> User | None:
    row = connection.execute(select(app_user).where(app_user.c.id == user_id)).first()
    return None if row is None else _user(row)


def _as_utc(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:  # SQLite keeps no time zone; we write UTC
        return moment.replace(tzinfo=UTC)
    return moment


def _failures(connection: Connection, since: datetime, *conditions: Any) -> int:
    query = select(func.count()).where(~login_attempt.c.succeeded, login_attempt.c.at > since, *conditions)
    return int(connection.execute(query).scalar_one())


def is_locked(connection: Connection, email: str, address: str) -> bool:
    """Whether a sign-in to `email` from `address` (a keyed hash, never the address itself) must wait.

    Five failures on the account from this address, twenty from this address on any accounts,
    or fifty on the account from everywhere, within fifteen minutes and since the account's
    last success or unlock. So a stranger's wrong passwords make only the stranger wait, and
    the officer can still sign in from their own address.
    """
    email = email.strip().lower()
    since = _now() - LOCKOUT_WINDOW
    reset = _as_utc(
        connection.execute(
            select(func.max(login_attempt.c.at)).where(login_attempt.c.email == email, login_attempt.c.succeeded)
        ).scalar()
    )
    cutoff = max(since, reset) if reset is not None else since
    account = login_attempt.c.email == email
    here = login_attempt.c.address == address
    return (
        _failures(connection, cutoff, account, here) >= LOCKOUT_FAILURES
        or _failures(connection, since, here) >= ADDRESS_FAILURES
        or _failures(connection, cutoff, account) >= ACCOUNT_FAILURES
    )


def unlock(connection: Connection, email: str, by: str) -> None:
    """An administrator lets the account sign in again now: recorded as a success that starts a new count."""
    email = email.strip().lower()
    if connection.execute(select(app_user.c.id).where(app_user.c.email == email)).first() is None:
        raise UserError(f"There is no account for {email}.")
    connection.execute(insert(login_attempt).values(email=email, at=_now(), succeeded=True, unlocked_by=by))


def authenticate(connection: Connection, email: str, password: str, address: str) -> User | None:
    """The user, if the password is right and the account is not disabled; every try is recorded with its address."""
    email = email.strip().lower()
    row = connection.execute(select(app_user).where(app_user.c.email == email)).first()
    try:
        HASHER.verify(row.password_hash if row is not None else _DUMMY_HASH, password)
        ok = row is not None and bool(row.active)
    except (VerificationError, InvalidHashError):
        ok = False
    connection.execute(insert(login_attempt).values(email=email, at=_now(), succeeded=ok, address=address))
    return _user(row) if ok and row is not None else None


def start_session(connection: Connection, user: User) -> tuple[str, str]:
    """A new session token (for the cookie) and its CSRF token. Never reuses an old session: no fixation."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    connection.execute(
        insert(web_session).values(
            token_hash=_digest(token),
            user_id=user.id,
            csrf_token=csrf,
            created_at=_now(),
            expires_at=_now() + SESSION_LIFETIME,
        )
    )
    return token, csrf


def session_user(connection: Connection, token: str | None) -> tuple[User, str] | None:
    if not token:
        return None
    row = connection.execute(
        select(app_user, web_session.c.csrf_token, web_session.c.expires_at)
        .join(web_session, web_session.c.user_id == app_user.c.id)
        .where(web_session.c.token_hash == _digest(token))
    ).first()
    if row is None:
        return None
    expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
    if expires < _now() or not row.active:
        return None
    return _user(row), str(row.csrf_token)


def end_session(connection: Connection, token: str | None) -> None:
    if token:
        connection.execute(delete(web_session).where(web_session.c.token_hash == _digest(token)))


def issue_token(connection: Connection, user: User, name: str) -> str:
    """A personal API token, shown once."""
    token = "thr_" + secrets.token_urlsafe(32)
    connection.execute(
        insert(api_token).values(user_id=user.id, token_hash=_digest(token), name=name, created_at=_now())
    )
    return token


def token_user(connection: Connection, token: str | None) -> User | None:
    if not token:
        return None
    row = connection.execute(
        select(app_user)
        .join(api_token, api_token.c.user_id == app_user.c.id)
        .where(and_(api_token.c.token_hash == _digest(token), api_token.c.revoked_at.is_(None)))
    ).first()
    return _user(row) if row is not None and row.active else None


def revoke_tokens(connection: Connection, user: User) -> None:
    connection.execute(update(api_token).where(api_token.c.user_id == user.id).values(revoked_at=_now()))
