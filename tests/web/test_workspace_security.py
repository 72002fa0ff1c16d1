"""The officer workspace over a real HTTP server: sign-in, sessions, CSRF, group rights, escaping, drafts.

Cookies are Secure, so the client is told to treat 127.0.0.1 as a secure origin (browsers do the same
for loopback); httpx otherwise would not send Secure cookies over plain HTTP.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from sqlalchemy import Engine

from tests.store.dump import dump
from tests.web.conftest import running_app, serve
from thrive.framework.access import Role
from thrive.store.database import write_transaction
from thrive.store.users import add_user
from thrive.web import uploads

PASSWORD = "correct horse battery staple"


@dataclass
class Site:
    base: str

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.base, follow_redirects=False, timeout=60)


@pytest.fixture
def site(database_url: str, engine: Engine) -> Iterator[Site]:
    with write_transaction(engine) as connection:
        add_user(connection, "admin@luton.gov.uk", PASSWORD, Role.ADMIN)
        add_user(connection, "economy@luton.gov.uk", PASSWORD, Role.EDITOR, "inclusive-economy-board")
        add_user(connection, "viewer@luton.gov.uk", PASSWORD, Role.VIEWER)
    with running_app(database_url) as app, serve(app) as base:
        yield Site(base)


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, html[:500]
    return found.group(1)


def _cookies(response: httpx.Response) -> dict[str, str]:
    """Secure cookies by name (httpx will not send them over http, so the tests carry them by hand)."""
    return {c.split("=", 1)[0]: c.split("=", 1)[1].split(";", 1)[0] for c in response.headers.get_list("set-cookie")}


def _sign_in(client: httpx.Client, email: str, password: str = PASSWORD, planted: str | None = None) -> httpx.Response:
    form = client.get("/sign-in")
    client.cookies.clear()
    client.cookies.set("__Host-thrive_csrf", _cookies(form)["__Host-thrive_csrf"])
    if planted:
        client.cookies.set("__Host-thrive_session", planted)
    return client.post("/sign-in", data={"email": email, "password": password, "csrf": _csrf(form.text)})


def _session(client: httpx.Client, email: str) -> str:
    """Sign in and carry the session on the client (as a browser would on a secure origin)."""
    response = _sign_in(client, email)
    assert response.status_code == 303, response.text[:300]
    token = _cookies(response)["__Host-thrive_session"]
    client.cookies.set("__Host-thrive_session", token)
    return token


def test_session_cookie_is_secure_httponly_strict_and_rotated_at_sign_in(site: Site) -> None:
    with site.client() as client:
        planted = "attacker-chosen-session-id"
        response = _sign_in(client, "economy@luton.gov.uk", planted=planted)
        assert response.status_code == 303
        header = next(c for c in response.headers.get_list("set-cookie") if c.startswith("__Host-thrive_session="))
        assert "Secure" in header and "HttpOnly" in header and "SameSite=strict" in header
        issued = _cookies(response)["__Host-thrive_session"]
        assert issued != planted and len(issued) >= 40
        # The planted id never becomes a session (no fixation); the issued one works.
        client.cookies.set("__Host-thrive_session", planted)
        assert client.get("/workspace").status_code == 303
        client.cookies.set("__Host-thrive_session", issued)
        assert client.get("/workspace").status_code == 200


def test_forms_without_the_csrf_token_are_refused(site: Site) -> None:
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        data = {"series": "weekly-wages", "area": "E06000032", "period": "2024", "value": "650", "reason": "csrf test"}
        refused = client.post("/workspace/measures/weekly-wages/results", data=data)
        assert refused.status_code == 403 and "This form has expired" in refused.text
        wrong = client.post("/workspace/measures/weekly-wages/results", data={**data, "csrf": "forged"})
        assert wrong.status_code == 403
        sign_in = client.post(
            "/sign-in", data={"email": "economy@luton.gov.uk", "password": PASSWORD, "csrf": "forged"}
        )
        assert sign_in.status_code == 403


def test_repeated_failures_lock_the_account(site: Site) -> None:
    with site.client() as client:
        for _ in range(5):
            assert _sign_in(client, "economy@luton.gov.uk", "wrong password!").status_code == 400
        locked = _sign_in(client, "economy@luton.gov.uk")
        assert locked.status_code == 429
        assert "Too many failed attempts" in locked.text


def test_editor_cannot_change_another_groups_measure_by_page_or_crafted_form(site: Site) -> None:
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        assert client.get("/workspace/measures/healthy-life-expectancy/results").status_code == 403
        page = client.get("/workspace/measures/weekly-wages/results")
        token = _csrf(page.text)
        crafted = {
            "csrf": token,
            "series": "hle-male",
            "area": "E06000032",
            "period": "2021",
            "value": "60",
            "reason": "x",
        }
        assert client.post("/workspace/measures/healthy-life-expectancy/results", data=crafted).status_code == 403
        # A crafted series of another measure, posted to the editor's own measure, is refused by validation.
        sneaky = client.post("/workspace/measures/weekly-wages/results", data=crafted)
        assert sneaky.status_code == 400 and "is not a series of measure" in sneaky.text


def test_editor_cannot_submit_another_measures_figure_by_crafted_revision_id(site: Site) -> None:
    with site.client() as admin_client:
        _session(admin_client, "admin@luton.gov.uk")
        page = admin_client.get("/workspace/measures/healthy-life-expectancy/results")
        form = {
            "csrf": _csrf(page.text),
            "series": "hle-male",
            "area": "E06000032",
            "period": "2021",
            "value": "60.1",
            "reason": "ONS 2019-21",
        }
        assert admin_client.post("/workspace/measures/healthy-life-expectancy/results", data=form).status_code == 303
        their_page = admin_client.get("/workspace/measures/healthy-life-expectancy").text
        revision = re.findall(r'name="revision" value="(\d+)"', their_page)[0]
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace").text)
        attempt = client.post("/workspace/measures/weekly-wages/submit", data={"csrf": token, "revision": revision})
        assert attempt.status_code == 403


def test_script_in_commentary_is_escaped_on_every_page(site: Site) -> None:
    with site.client() as client:
        _session(client, "admin@luton.gov.uk")
        token = _csrf(client.get("/workspace/measures/weekly-wages/commentary").text)
        script = '<script>alert("x")</script><img src=x onerror=alert(1)>'
        saved = client.post(
            "/workspace/measures/weekly-wages/commentary",
            data={"csrf": token, "period": "2024/25", "progress": script, "more_work": ""},
        )
        assert saved.status_code == 303
        page = client.get("/workspace/measures/weekly-wages").text
        assert script not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
        draft = re.findall(r'name="revision" value="(\d+)"', page)
        assert draft == []  # commentary alone: send for review with no figures
        client.post("/workspace/measures/weekly-wages/submit", data={"csrf": token})
        review = client.get("/workspace/review").text
        notes = re.findall(r'name="commentary" type="checkbox" value="(\d+)"', review)
        client.post("/workspace/review", data={"csrf": _csrf(review), "step": "publish", "commentary": notes})
        public = client.get("/measures/weekly-wages").text
        assert "<script>alert" not in public and "&lt;script&gt;" in public


def test_drafts_never_reach_public_pages_until_published(site: Site) -> None:
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace/measures/weekly-wages/results").text)
        form = {
            "csrf": token,
            "series": "weekly-wages",
            "area": "E06000032",
            "period": "2024",
            "value": "650.5",
            "reason": "ASHE 2024",
        }
        assert client.post("/workspace/measures/weekly-wages/results", data=form).status_code == 303
        for path in (
            "/",
            "/measures/weekly-wages",
            "/priorities/economy",
            "/measures/weekly-wages/download.csv",
            "/downloads/observations.csv",
        ):
            assert "650.5" not in client.get(path).text, path
        workspace = client.get("/workspace/measures/weekly-wages").text
        assert "On track: £650.50 in 2024" in workspace
        revision = re.findall(r'name="revision" value="(\d+)"', workspace)
        client.post("/workspace/measures/weekly-wages/submit", data={"csrf": token, "revision": revision})
        assert "650.5" not in client.get("/measures/weekly-wages").text
        _session(client, "admin@luton.gov.uk")
        review = client.get("/workspace/review").text
        ids = re.findall(r'name="revision" type="checkbox" value="(\d+)"', review)
        assert (
            client.post(
                "/workspace/review", data={"csrf": _csrf(review), "step": "publish", "revision": ids}
            ).status_code
            == 303
        )
        assert "£650.50" in client.get("/measures/weekly-wages").text


def test_viewer_and_editor_cannot_publish(site: Site) -> None:
    with site.client() as client:
        for email in ("viewer@luton.gov.uk", "economy@luton.gov.uk"):
            _session(client, email)
            assert client.get("/workspace/review").status_code == 403
            assert client.get("/workspace/users").status_code == 403


def test_search_with_sql_is_just_text(site: Site) -> None:
    with site.client() as client:
        for query in (
            "' OR 1=1 --",
            "wages'; DROP TABLE measure; --",
            "%' UNION SELECT password_hash FROM app_user --",
        ):
            response = client.get("/search", params={"q": query})
            assert response.status_code == 200
            assert "argon2" not in response.text
        assert "Average weekly wages" in client.get("/search", params={"q": "wages"}).text


def test_sign_out_ends_the_session(site: Site) -> None:
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace").text)
        assert client.post("/sign-out", data={"csrf": token}).status_code == 303
        assert client.get("/workspace").status_code == 303


def test_upload_shows_every_change_before_saving_drafts(site: Site) -> None:
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace/upload").text)
        csv = "measure,area,period,value\nweekly-wages,E06000032,2023,620.4\nweekly-wages,E06000032,2024,650.5\n"
        preview = client.post("/workspace/upload", data={"csrf": token}, files={"file": ("wages.csv", csv, "text/csv")})
        assert preview.status_code == 200
        assert "1 new figure(s), 1 changed" in preview.text
        assert "618.1" in preview.text and "620.4" in preview.text  # now and will be
        assert "650.5" not in client.get("/measures/weekly-wages").text
        upload = re.search(r'name="upload" value="([^"]+)"', preview.text)
        assert upload
        saved = client.post(
            "/workspace/upload/confirm", data={"csrf": token, "upload": upload.group(1), "reason": "ASHE revisions"}
        )
        assert saved.status_code == 303
        page = client.get("/workspace/measures/weekly-wages").text
        assert page.count(">draft<") == 2
        # The file is gone once used; a replayed confirm finds nothing to save (not a refusal of rights).
        again = client.post("/workspace/upload/confirm", data={"csrf": token, "upload": upload.group(1)})
        assert again.status_code == 404 and "That upload has expired" in again.text
        assert client.get("/workspace/measures/weekly-wages").text.count(">draft<") == 2


def test_upload_of_another_groups_measure_is_refused(site: Site) -> None:
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace/upload").text)
        csv = "measure,series,area,period,value\nhealthy-life-expectancy,hle-male,E06000032,2021,60\n"
        refused = client.post("/workspace/upload", data={"csrf": token}, files={"file": ("hle.csv", csv, "text/csv")})
        assert refused.status_code == 403


def test_admin_creates_a_user_who_can_then_sign_in(site: Site) -> None:
    with site.client() as client:
        _session(client, "admin@luton.gov.uk")
        token = _csrf(client.get("/workspace/users").text)
        bad = client.post(
            "/workspace/users",
            data={"csrf": token, "email": "new@luton.gov.uk", "role": "editor", "group": "", "password": PASSWORD},
        )
        assert bad.status_code == 400 and "needs a partnership group" in bad.text
        made = client.post(
            "/workspace/users",
            data={
                "csrf": token,
                "email": "new@luton.gov.uk",
                "role": "editor",
                "group": "climate-action-group",
                "password": PASSWORD,
            },
        )
        assert made.status_code == 303
        assert _sign_in(client, "new@luton.gov.uk").status_code == 303


def test_an_officer_signs_in_again_after_a_successful_sign_in(site: Site) -> None:
    # SQLite returns timestamps without a zone; the lockout check once compared them with aware ones.
    with site.client() as client:
        assert _sign_in(client, "viewer@luton.gov.uk").status_code == 303
        assert _sign_in(client, "viewer@luton.gov.uk").status_code == 303
        assert _sign_in(client, "viewer@luton.gov.uk", "wrong password!").status_code == 400
        assert _sign_in(client, "viewer@luton.gov.uk").status_code == 303


def test_finding_10_an_administrator_unlocks_an_account_a_stranger_locked(site: Site) -> None:
    with site.client() as client:
        for _ in range(5):
            assert _sign_in(client, "economy@luton.gov.uk", "wrong password!").status_code == 400
        assert _sign_in(client, "economy@luton.gov.uk").status_code == 429
        _session(client, "admin@luton.gov.uk")
        token = _csrf(client.get("/workspace/users").text)
        unlocked = client.post("/workspace/users/unlock", data={"csrf": token, "email": "economy@luton.gov.uk"})
        assert unlocked.status_code == 303
        assert "can sign in again now" in client.get(unlocked.headers["location"]).text
        assert _sign_in(client, "economy@luton.gov.uk").status_code == 303


def test_finding_10_only_an_administrator_may_unlock(site: Site) -> None:
    with site.client() as client:
        _session(client, "viewer@luton.gov.uk")
        token = _csrf(client.get("/workspace").text)
        refused = client.post("/workspace/users/unlock", data={"csrf": token, "email": "economy@luton.gov.uk"})
        assert refused.status_code == 403


def _commentary_for_review(client: httpx.Client, measure: str, text: str) -> None:
    token = _csrf(client.get(f"/workspace/measures/{measure}/commentary").text)
    saved = client.post(
        f"/workspace/measures/{measure}/commentary",
        data={"csrf": token, "period": "2024/25", "progress": text, "more_work": ""},
    )
    assert saved.status_code == 303
    assert client.post(f"/workspace/measures/{measure}/submit", data={"csrf": token}).status_code == 303


def test_finding_9_review_moves_only_the_commentary_chosen(site: Site) -> None:
    with site.client() as client:
        _session(client, "admin@luton.gov.uk")
        _commentary_for_review(client, "weekly-wages", "Wages rose with the living wage.")
        _commentary_for_review(client, "destitution", "Destitution fell after the cost of living payments.")
        review = client.get("/workspace/review").text
        notes = {
            label.split(", on ")[1].strip(): value
            for value, label in re.findall(
                r'name="commentary" type="checkbox" value="(\d+)" checked>\s*<label[^>]*>([^<]+)</label>', review
            )
        }
        assert len(notes) == 2, review
        wages_wording = next(k for k in notes if "destitution" not in k.lower())
        other_wording = next(k for k in notes if k != wages_wording)
        published = client.post(
            "/workspace/review", data={"csrf": _csrf(review), "step": "publish", "commentary": [notes[wages_wording]]}
        )
        assert published.status_code == 303
        assert "Wages rose with the living wage." in client.get("/measures/weekly-wages").text
        assert "Destitution fell" not in client.get("/measures/destitution").text
        still = client.get("/workspace/review").text
        assert still.count('name="commentary"') == 1
        assert other_wording in still
        client.post("/workspace/review", data={"csrf": _csrf(still), "step": "return"})
        assert client.get("/workspace/review").text.count('name="commentary"') == 1


@pytest.fixture
def half_megabyte_uploads(database_url: str, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """The site with its upload limit set in configuration to half a megabyte."""
    monkeypatch.setenv("THRIVE_UPLOAD_LIMIT_MB", "0.5")
    with write_transaction(engine) as connection:
        add_user(connection, "economy@luton.gov.uk", PASSWORD, Role.EDITOR, "inclusive-economy-board")
        add_user(connection, "viewer@luton.gov.uk", PASSWORD, Role.VIEWER)
    with running_app(database_url) as app, serve(app) as base:
        yield Site(base)


def _waiting_uploads() -> set[str]:
    return {p.name for p in uploads.FOLDER.glob("upload-*")} if uploads.FOLDER.is_dir() else set()


def test_finding_2_rights_are_checked_before_the_body_is_read(half_megabyte_uploads: Site, engine: Engine) -> None:
    big = "measure,area,period,value\n" + "weekly-wages,E06000032,2023,620.4\n" * 60_000  # 2 MB, over the limit
    with half_megabyte_uploads.client() as client:
        _session(client, "viewer@luton.gov.uk")
        token = _csrf(client.get("/workspace").text)
        before = dump(engine)
        refused = client.post("/workspace/upload", data={"csrf": token}, files={"file": ("big.csv", big, "text/csv")})
    # A 403, not a 413: the viewer was refused before the body was read at all.
    assert refused.status_code == 403 and "cannot enter or submit figures" in refused.text
    assert dump(engine) == before


def test_finding_2_an_upload_over_the_configured_limit_is_stopped_and_leaves_nothing(
    half_megabyte_uploads: Site, engine: Engine
) -> None:
    big = "measure,area,period,value\n" + "weekly-wages,E06000032,2023,620.4\n" * 60_000
    with half_megabyte_uploads.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace/upload").text)
        waiting, before = _waiting_uploads(), dump(engine)
        refused = client.post("/workspace/upload", data={"csrf": token}, files={"file": ("big.csv", big, "text/csv")})
        assert refused.status_code == 413
        assert "larger than 0.5 MB, the most Thrive accepts" in refused.text
    assert dump(engine) == before
    assert _waiting_uploads() == waiting


@pytest.mark.parametrize(
    ("name", "status", "shown"),
    [
        (".", 400, "Choose a CSV or XLSX file"),
        ("..", 400, "Choose a CSV or XLSX file"),
        ("../../etc/passwd", 400, "Choose a CSV or XLSX file"),
        ("x" * 300 + ".csv", 200, "x" * 96 + ".csv"),
    ],
)
def test_finding_2_upload_names_are_made_safe_or_refused(site: Site, name: str, status: int, shown: str) -> None:
    csv = "measure,area,period,value\nweekly-wages,E06000032,2023,620.4\n"
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace/upload").text)
        answer = client.post("/workspace/upload", data={"csrf": token}, files={"file": (name, csv, "text/csv")})
    assert answer.status_code == status, answer.text[:300]
    assert shown in answer.text


def test_finding_2_a_file_with_problems_or_never_confirmed_is_deleted(site: Site) -> None:
    wrong = "measure,area,period,value\nweekly-wages,E06000032,2023,lots\n"
    right = "measure,area,period,value\nweekly-wages,E06000032,2023,620.4\n"
    with site.client() as client:
        _session(client, "economy@luton.gov.uk")
        token = _csrf(client.get("/workspace/upload").text)
        waiting = _waiting_uploads()
        refused = client.post("/workspace/upload", data={"csrf": token}, files={"file": ("w.csv", wrong, "text/csv")})
        assert refused.status_code == 400 and "row 2" in refused.text
        assert _waiting_uploads() == waiting
        shown = client.post("/workspace/upload", data={"csrf": token}, files={"file": ("r.csv", right, "text/csv")})
        assert shown.status_code == 200
        kept = _waiting_uploads() - waiting
        assert len(kept) == 1
    # A preview nobody confirms is swept once it is older than an hour.
    folder = uploads.FOLDER / kept.pop()
    hour_ago = time.time() - uploads.KEPT - 1
    os.utime(folder, (hour_ago, hour_ago))
    assert uploads.sweep() >= 1
    assert not folder.exists()
