"""Source pages: the passage of a council document that a public page cites, so a reader can check it.

A page never caches these: the number of possible line ranges is large, and each is cheap to render.
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.data.dataset import load_dataset
from thrive.data.documents import MAX_CITED, passage
from thrive.web.page_templates import templates
from thrive.web.public import PageNotFoundError

router = APIRouter()
LINES = re.compile(r"^(\d{1,6})(?:-(\d{1,6}))?$")


@router.get("/sources/{document_id}/{lines}", response_class=HTMLResponse)
def source_page(request: Request, document_id: str, lines: str) -> Response:
    documents = {d.id: d for d in load_dataset().documents}
    document = documents.get(document_id)
    found = LINES.match(lines)
    if document is None or found is None:
        raise PageNotFoundError("There is no such source.")
    first = int(found.group(1))
    last = int(found.group(2) or first)
    shown = passage(document, first, last)
    if shown is None:
        raise PageNotFoundError(f"{document.citation} has no lines {lines} (a source shows at most {MAX_CITED}).")
    context = {
        "title": f"Source: {document.citation}",
        "section": "about",
        "document": document,
        "lines": shown,
        "first": first,
        "last": last,
    }
    return templates.TemplateResponse(request, "source.html", context)
