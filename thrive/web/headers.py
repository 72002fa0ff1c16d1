"""Security headers on every response, HEAD answered like GET, and nothing personal left in a cache.

The headers come from the `secure` library's builders, so their syntax is a maintained
library's, not ours. The policy is ours:

- Scripts run only from the site itself, plus GOV.UK Frontend's one-line inline script, allowed
  by its hash (read from the template at start-up, so an upgrade cannot silently break it).
- Styles also allow inline: the SVG charts carry matplotlib's presentation styles. No script can
  be injected through a style attribute, and the charts are drawn by the server from stored numbers.
- No page may be framed (clickjacking), and nothing is sniffed as another type.
- HSTS is sent only when the request reached Thrive over TLS: on plain loopback it would do nothing.
- A response to a signed-in officer, an API token holder or a Better Off answer is personal and is
  never stored by a browser or proxy (`Cache-Control: no-store`).
"""

from __future__ import annotations

import base64
import hashlib
import re
from importlib import resources

import secure
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from thrive.web.security import SESSION_COOKIE

PERSONAL_PATHS = ("/workspace", "/sign-in", "/sign-out", "/better-off")
"""Pages whose answers belong to one person: officers' work and a resident's Better Off answers."""


def _inline_script_hashes() -> list[str]:
    """CSP hashes of the inline scripts in GOV.UK Frontend's page template."""
    template = resources.files("govuk_frontend_jinja").joinpath("templates/template.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", template, flags=re.DOTALL)
    return [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]


def _policy() -> secure.Secure:
    csp = (
        secure.ContentSecurityPolicy()
        .default_src("'self'")
        .script_src("'self'", *_inline_script_hashes())
        .style_src("'self'", "'unsafe-inline'")
        .img_src("'self'", "data:")
        .font_src("'self'")
        .connect_src("'self'")
        .object_src("'none'")
        .base_uri("'none'")
        .form_action("'self'")
        .frame_ancestors("'none'")
    )
    permissions = secure.PermissionsPolicy().geolocation().camera().microphone().payment().usb()
    return secure.Secure(
        csp=csp,
        xfo=secure.XFrameOptions().deny(),
        xcto=secure.XContentTypeOptions().nosniff(),
        referrer=secure.ReferrerPolicy().strict_origin_when_cross_origin(),
        permissions=permissions,
        coop=secure.CrossOriginOpenerPolicy().same_origin(),
    )


_HEADERS = [(name.lower().encode(), value.encode()) for name, value in _policy().headers.items()]
_HSTS = (
    b"strict-transport-security",
    secure.StrictTransportSecurity().max_age(31536000).include_subdomains().header_value.encode(),
)


def _is_personal(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    if path.startswith(PERSONAL_PATHS):
        return True
    headers = dict(scope.get("headers", []))
    cookies = headers.get(b"cookie", b"").decode("latin-1")
    return b"authorization" in headers or f"{SESSION_COOKIE}=" in cookies


class SecurityHeaders:
    """Pure ASGI middleware: adds the headers to every HTTP response and answers HEAD as GET without a body."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        personal = _is_personal(scope)
        over_tls = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if not (personal and k == b"cache-control")]
                headers += _HEADERS
                if personal:
                    headers.append((b"cache-control", b"no-store"))
                if over_tls:
                    headers.append(_HSTS)
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
