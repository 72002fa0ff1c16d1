"""Helpers the web tests share: reading a JSON answer, checking the error shape, reading a page's words and signing in."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

import httpx

LUTON = "E06000032"


def json_of(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Every /api error has the same body: {"error": {status, code, message, details}}."""
    body = json_of(response, status)
    assert set(body) == {"error"}
    error: dict[str, Any] = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], list)
    return error


def strict_json(response: httpx.Response, status: int = 200) -> Any:
    """The body as JSON, refusing NaN and Infinity, which JSON does not allow (Python's reader would take them)."""
    assert response.status_code == status, response.text

    def refuse(constant: str) -> Any:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(response.text, parse_constant=refuse)


def visible_text(html: str) -> str:
    """What a reader sees: the page's text without tags, scripts, styles or attributes, spaces collapsed."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", text).strip()


NOT_FOR_READERS = {
    "a slug": re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b"),
    "a file name": re.compile(r"\b[\w-]+\.(?:csv|gz|xlsx|json|txt|yaml)\b"),
    "a GSS code": re.compile(r"\b[EWSN]\d{8}\b"),
    "nan": re.compile(r"\bnan\b", re.I),
    "a document ref": re.compile(r"\b\d{3}:\d+\b"),
}


def _is_slug(found: re.Match[str]) -> bool:
    """An id such as `luton-2040-partnership`, not English such as '5-a-day' or 'up-to-date': at least two
    of its parts are words of three letters or more."""
    return sum(1 for part in found.group(0).split("-") if part.isalpha() and len(part) >= 3) >= 2


def assert_plain_words(text: str) -> None:
    """No code a reader cannot read in place of words: slugs, file names, GSS codes, 'nan' or '003:674' refs."""
    for what, pattern in NOT_FOR_READERS.items():
        found = next((m for m in pattern.finditer(text) if what != "a slug" or _is_slug(m)), None)
        assert found is None, f"{what} in the page's text: …{text[max(0, found.start() - 60) : found.end() + 60]}…"


def sign_in(client: httpx.Client, email: str, password: str) -> str:
    """Sign in as a browser on a secure origin would, carrying the __Host- cookies by hand (httpx
    will not send Secure cookies over http); the CSRF token every later form posts."""
    form = client.get("/sign-in")
    cookies = {c.split("=", 1)[0]: c.split("=", 1)[1].split(";", 1)[0] for c in form.headers.get_list("set-cookie")}
    client.cookies.set("__Host-thrive_csrf", cookies["__Host-thrive_csrf"])
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token
    signed = client.post("/sign-in", data={"email": email, "password": password, "csrf": token.group(1)})
    assert signed.status_code == 303, signed.text[:300]
    session = next(c for c in signed.headers.get_list("set-cookie") if c.startswith("__Host-thrive_session="))
    client.cookies.set("__Host-thrive_session", session.split("=", 1)[1].split(";", 1)[0])
    return token.group(1)
