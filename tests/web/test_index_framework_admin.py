"""Administrators edit the index framework in the workspace: a mistake is named, a good edit is a new version."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from sqlalchemy import Engine, func, select

from tests.web.conftest import running_app, serve
from thrive.data.index_framework import shipped_framework_path
from thrive.framework.access import Role
from thrive.store.database import read_connection, write_transaction
from thrive.store.index_runs import latest_index_run
from thrive.store.schema import index_framework_version
from thrive.store.users import add_user

PASSWORD = "correct horse battery staple"


def _cookies(response: httpx.Response) -> dict[str, str]:
    return {c.split("=", 1)[0]: c.split("=", 1)[1].split(";", 1)[0] for c in response.headers.get_list("set-cookie")}


def _csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, page[:300]
    return found.group(1)


@pytest.fixture
def base(database_url: str, engine: Engine) -> Iterator[str]:
    with write_transaction(engine) as connection:
        add_user(connection, "admin@luton.gov.uk", PASSWORD, Role.ADMIN)
        add_user(connection, "viewer@luton.gov.uk", PASSWORD, Role.VIEWER)
    with running_app(database_url) as app, serve(app) as url:
        yield url


@contextmanager
def _signed_in(base: str, email: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, follow_redirects=False, timeout=120) as client:
        form = client.get("/sign-in")
        client.cookies.set("__Host-thrive_csrf", _cookies(form)["__Host-thrive_csrf"])
        done = client.post("/sign-in", data={"email": email, "password": PASSWORD, "csrf": _csrf(form.text)})
        assert done.status_code == 303
        client.cookies.set("__Host-thrive_session", _cookies(done)["__Host-thrive_session"])
        yield client


def test_a_mistake_in_the_framework_is_named_and_nothing_is_saved(base: str, engine: Engine) -> None:
    with _signed_in(base, "admin@luton.gov.uk") as client:
        page = client.get("/workspace/index-framework")
        assert page.status_code == 200
        broken = shipped_framework_path().read_text().replace("weighting: pca", "weighting: guess", 1)
        answer = client.post(
            "/workspace/index-framework",
            data={"csrf": _csrf(page.text), "framework": broken, "reason": "Try another weighting"},
        )
    assert answer.status_code == 400
    text = html.unescape(answer.text)
    assert "There is a problem" in text
    assert "Framework, field weighting: Input should be 'equal', 'pca' or 'factor'." in text
    with read_connection(engine) as connection:
        assert connection.execute(select(func.count()).select_from(index_framework_version)).scalar_one() == 0


def test_a_saved_edit_becomes_a_new_version_and_is_scored(base: str, engine: Engine) -> None:
    with _signed_in(base, "admin@luton.gov.uk") as client:
        page = client.get("/workspace/index-framework")
        edited = shipped_framework_path().read_text().replace("weighting: pca", "weighting: equal", 1)
        answer = client.post(
            "/workspace/index-framework",
            data={"csrf": _csrf(page.text), "framework": edited, "reason": "Equal weights while data are synthetic"},
        )
        assert answer.status_code == 303
        assert answer.headers["location"] == "/workspace/index-framework?saved=1"
        assert "Equal weights while data are synthetic" in client.get(answer.headers["location"]).text
    with read_connection(engine) as connection:
        run = latest_index_run(connection)
    assert run is not None and run["results"]["weighting"] == "equal" and run["actor"] == "admin@luton.gov.uk"


def test_only_an_administrator_may_change_the_framework(base: str) -> None:
    with _signed_in(base, "viewer@luton.gov.uk") as client:
        assert client.get("/workspace/index-framework").status_code == 403
