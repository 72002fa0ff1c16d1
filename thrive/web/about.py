"""About the data: how progress is judged, and every decision about the figures, one page per group.

The data notes (DATA-NOTES.md) are one long file for analysts. Here each of its lettered groups is a
page of its own with a contents list of its decisions, and the method (ASSESSMENT.md) is another;
the index page lists them all. Refs, file names and record ids read as a reader would cite them
(thrive.presentation.citations).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markdown_it import MarkdownIt

from thrive.datasets import dataset_path
from thrive.framework.data_notes import Group, note_groups
from thrive.web.page_templates import PUBLIC_TEXT
from thrive.web.public import PageNotFoundError, cached_page
from thrive.web.site import PublicSnapshot

router = APIRouter()
METHOD = "how-we-judge-progress"
NOTES_TABLE = (
    '<div class="thrive-scroll" role="region" aria-label="Table in the notes" tabindex="0"><table class="govuk-table">'
)
"""A note's table scrolls in its own focusable box on a phone rather than widening the page."""


@cache
def groups() -> tuple[Group, ...]:
    return note_groups((dataset_path("luton2040") / "DATA-NOTES.md").read_text(encoding="utf-8"))


def _html(markdown: str, top: int) -> str:
    """Markdown as public HTML: headings from level `top`, GOV.UK classes, refs cited as a reader would."""
    html = str(MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown))
    sizes = {1: "xl", 2: "l", 3: "m", 4: "s", 5: "s", 6: "s"}
    for level in (4, 3, 2, 1):
        shown = min(level + top - 1, 6)
        html = html.replace(f"<h{level}>", f'<h{shown} class="govuk-heading-{sizes[shown]}">')
        html = html.replace(f"</h{level}>", f"</h{shown}>")
    for tag, styled in (
        ("<p>", '<p class="govuk-body">'),
        ("<ul>", '<ul class="govuk-list govuk-list--bullet">'),
        ("<ol>", '<ol class="govuk-list govuk-list--number">'),
        ("<table>", NOTES_TABLE),
        ("</table>", "</table></div>"),
        ("<a ", '<a class="govuk-link" '),
    ):
        html = html.replace(tag, styled)
    return PUBLIC_TEXT.html(html)


@router.get("/about-the-data", response_class=HTMLResponse)
def about(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        return {"title": "About the data", "section": "about", "groups": groups(), "method": METHOD}

    return cached_page(request, "about", build, "about/index.html")


@router.get(f"/about-the-data/{METHOD}", response_class=HTMLResponse)
def method(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        text = (dataset_path("luton2040") / "ASSESSMENT.md").read_text(encoding="utf-8")
        body = "\n".join(text.splitlines()[1:])  # without its own title: the page has one
        return {"title": "How we judge progress", "section": "about", "body": _html(body, 2)}

    return cached_page(request, "about:method", build, "about/method.html")


@router.get("/about-the-data/{group}", response_class=HTMLResponse)
def group_page(request: Request, group: str) -> Response:
    found = next((g for g in groups() if g.slug == group), None)
    if found is None:
        raise PageNotFoundError("There is no such part of About the data.")

    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        return {
            "title": found.title,
            "section": "about",
            "group": found,
            "introduction": _html(found.introduction, 2),
            "decisions": [(d, _html(d.markdown, 3)) for d in found.decisions],
        }

    return cached_page(request, f"about:{found.slug}", build, "about/group.html")
