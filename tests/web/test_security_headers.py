"""Findings 8 and 10 of the hardening review: security headers on every page type, HEAD, personal pages never cached."""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import Tokens, bearer
from thrive.web.app import create_app

PAGE_TYPES = {
    "home": "/",
    "priorities": "/priorities",
    "priority": "/priorities/economy",
    "measure": "/measures/destitution",
    "town": "/areas/E06000032",
    "ward": "/areas/E05002194",
    "indicators": "/indicators",
    "search": "/search?q=wages",
    "about-the-data": "/about-the-data",
    "about-the-data-decisions": "/about-the-data/c",
    "source": "/sources/003/354",
    "profile": "/profile",
    "compare": "/compare?first=E06000032&second=E06000055",
    "poverty": "/poverty",
    "index": "/thriving-people-index",
    "deprivation": "/deprivation",
    "better-off-start": "/better-off",
    "sign-in": "/sign-in",
    "missing-page": "/this-page-does-not-exist",
    "api-list": "/api/measures",
    "api-error": "/api/measures/not-a-measure",
    "download": "/downloads/observations.csv",
    "stylesheet": "/static/thrive.css",
}
SAME_ON_EVERY_RESPONSE = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
}


def _directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part}


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_finding_8_every_page_type_carries_the_security_headers(client: httpx.Client, name: str) -> None:
    response = client.get(PAGE_TYPES[name])
    for header, value in SAME_ON_EVERY_RESPONSE.items():
        assert response.headers[header] == value, header
    csp = _directives(response.headers["content-security-policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert all(source == "'self'" or source.startswith("'sha256-") for source in csp["script-src"])
    permissions = response.headers["permissions-policy"]
    assert "geolocation=()" in permissions and "camera=()" in permissions
    assert "strict-transport-security" not in response.headers  # plain loopback HTTP: HSTS would mean nothing


def test_finding_8_no_page_needs_an_inline_script_the_policy_does_not_allow(client: httpx.Client) -> None:
    page = client.get("/measures/destitution")
    allowed = _directives(page.headers["content-security-policy"])["script-src"]
    inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page.text, flags=re.DOTALL)
    assert inline, "GOV.UK Frontend's template has one inline script"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, script
    assert client.get("/static/init.js").status_code == 200


def test_finding_8_signed_in_and_token_answers_are_never_stored(client: httpx.Client, tokens: Tokens) -> None:
    public = client.get("/measures/destitution")
    assert public.headers["cache-control"] != "no-store"
    with_token = client.get("/api/measures", headers=bearer(tokens.viewer))
    assert with_token.headers["cache-control"] == "no-store"
    assert client.get("/sign-in").headers["cache-control"] == "no-store"
    assert client.get("/better-off").headers["cache-control"] == "no-store"


def test_finding_8_hsts_is_sent_when_the_request_came_over_tls(database_url: str) -> None:
    with TestClient(create_app(database_url), base_url="https://testserver") as tls:
        assert (
            tls.get("/static/thrive.css").headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"
        )


@pytest.mark.parametrize("path", ["/", "/measures/destitution", "/api/measures", "/downloads/observations.csv"])
def test_finding_10_head_answers_like_get_without_a_body(client: httpx.Client, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers.get("etag") == got.headers.get("etag")


def test_finding_10_session_cookies_carry_the_host_prefix(client: httpx.Client) -> None:
    form = client.get("/sign-in")
    cookie = next(c for c in form.headers.get_list("set-cookie") if "csrf" in c)
    assert cookie.startswith("__Host-thrive_csrf=")
    assert "Secure" in cookie and "Path=/" in cookie and "Domain" not in cookie
