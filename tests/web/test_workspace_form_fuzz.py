"""A form fuzzer for every signed-in form: hostile and random values posted, with a valid CSRF token
(so each handler's own checks are what answer), by an administrator and by an editor. Every answer
is a page or a redirect, never a 500 or a traceback. The budget is bounded: EXAMPLES per form and
role, on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.web.conftest import running_app, serve
from tests.web.helpers import sign_in
from thrive.framework.access import Role
from thrive.store.database import write_transaction
from thrive.store.users import add_user

PASSWORD = "correct horse battery staple"
EXAMPLES = 25
HOSTILE = [
    "NaN", "inf", "-1e308", "1e309", "1e-320", "9" * 5000, "0000", "9999", "Feb-99", "01/13/2024", "2024/25",
    "-50", "", " ", "\u0000", "\u202e", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "a" * 3000,
    "'; DROP TABLE observation_revision; --", "E06000032", "E92000001", "weekly-wages", "destitution",
    "publish", "return", "editor", "admin", "viewer", "adviser", "inclusive-economy-board", "0", "-1", "1",
    "2147483648", "yes", "no",
]  # fmt: skip
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))

FORMS = {
    "/workspace/measures/weekly-wages/results": ["series", "area", "period", "value", "note", "reason"],
    "/workspace/measures/destitution/results": ["series", "area", "period", "value", "note", "reason"],
    "/workspace/measures/weekly-wages/commentary": ["period", "progress", "more_work"],
    "/workspace/measures/weekly-wages/submit": ["revision", "revision"],
    "/workspace/review": ["step", "revision", "commentary", "why"],
    "/workspace/upload/confirm": ["upload", "reason"],
    "/workspace/users": ["email", "role", "group", "password"],
    "/workspace/users/unlock": ["email"],
    "/workspace/index-framework": ["framework", "reason"],
    "/workspace/better-off/cases/BO-none/outcomes": ["benefit", "claimed", "award", "award_period", "decided_on"],
}
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@dataclass
class Session:
    client: httpx.Client
    csrf: str


def _signed_in(base: str, email: str) -> Session:
    client = httpx.Client(base_url=base, follow_redirects=False, timeout=120)
    return Session(client, sign_in(client, email, PASSWORD))


@pytest.fixture
def sessions(database_url: str, engine: Engine) -> Iterator[dict[str, Session]]:
    with write_transaction(engine) as connection:
        add_user(connection, "admin@luton.gov.uk", PASSWORD, Role.ADMIN)
        add_user(connection, "economy@luton.gov.uk", PASSWORD, Role.EDITOR, "inclusive-economy-board")
    with running_app(database_url) as app, serve(app) as base:
        made = {role: _signed_in(base, f"{role}@luton.gov.uk") for role in ("admin", "economy")}
        yield made
        for session in made.values():
            session.client.close()


@SETTINGS
@given(data=st.data())
def test_every_signed_in_form_answers_hostile_values_without_a_500(
    sessions: dict[str, Session], data: st.DataObject
) -> None:
    role = data.draw(st.sampled_from(sorted(sessions)))
    path = data.draw(st.sampled_from(sorted(FORMS)))
    session = sessions[role]
    fields: dict[str, list[str]] = {}
    for name in FORMS[path]:
        if data.draw(st.booleans()):
            fields.setdefault(name, []).append(data.draw(TEXT))
    response = session.client.post(path, data={"csrf": session.csrf, **fields})
    assert response.status_code in {200, 303, 400, 403, 404, 409, 413, 422}, (path, fields, response.text[:400])
    assert "Traceback" not in response.text


@SETTINGS
@given(
    name=st.one_of(st.sampled_from([".", "..", "a" * 300 + ".csv", "x.xlsx", "x.csv.gz", "x.json"]), st.text()),
    body=st.one_of(
        st.binary(max_size=2000),
        st.sampled_from([b"PK\x03\x04", b"\xef\xbb\xbfmeasure,area,period,value\n", b"\x1f\x8b\x08"]),
        st.lists(st.sampled_from(HOSTILE), min_size=4, max_size=12).map(
            lambda cells: ("measure,area,period,value\n" + ",".join(cells) + "\n").encode()
        ),
    ),
)
def test_any_uploaded_file_is_a_preview_or_a_problem_never_a_500(
    sessions: dict[str, Session], name: str, body: bytes
) -> None:
    session = sessions["economy"]
    response = session.client.post(
        "/workspace/upload", data={"csrf": session.csrf}, files={"file": (name, body, "application/octet-stream")}
    )
    assert response.status_code in {200, 400, 403}, (name, body[:100], response.text[:400])
    assert "Traceback" not in response.text
