"""The API's documentation page, /api/docs: Swagger UI served from Thrive's own static files.

FastAPI's default page loads Swagger UI from a CDN, which a council's locked-down network cannot
reach (the page was blank), and starts it with an inline script the content security policy
refuses. Here the bundle comes from the swagger-ui-dist npm package (copied by `make assets`) and
is started by a static script, so the page needs nothing from any other host.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.web.page_templates import templates

router = APIRouter(include_in_schema=False)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    return templates.TemplateResponse(request, "api/docs.html", {"title": "Thrive open API"})
