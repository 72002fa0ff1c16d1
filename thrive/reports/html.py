"""Reports as HTML, in the website's own templates and styles.

The report templates extend the site's base.html and use its macros and GOV.UK Frontend
components, with the site's stylesheet (thrive.css) inlined so the file stands alone. For
print, the same page gets print.css too: A4 pages, running headers, page numbers and a
contents page, which WeasyPrint turns into the PDF.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment

from thrive.presentation.templating import SITE_CSS, make_environment
from thrive.reports.document import Report

REPORT_TEMPLATES = Path(__file__).with_name("templates")
SCREEN = "screen"
PRINT = "print"


class MissingStylesheetError(FileNotFoundError):
    """The site's stylesheet has not been built (`make assets`)."""


@cache
def environment() -> Environment:
    env = make_environment(REPORT_TEMPLATES)
    env.filters["brief"] = brief
    return env


def brief(text: str, limit: int = 110) -> str:
    """A long published wording cut at a word for a table cell; the measure's own section prints it in full."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(";,.:") + " … (in full under the measure)"


def site_stylesheet() -> str:
    if not SITE_CSS.is_file():
        raise MissingStylesheetError(
            f"The website's stylesheet {SITE_CSS} has not been built. "
            "Run 'make assets' (it needs Node.js), then try again."
        )
    return SITE_CSS.read_text(encoding="utf-8")


@cache
def report_stylesheet(medium: str) -> str:
    return (REPORT_TEMPLATES / f"{medium}.css").read_text(encoding="utf-8")


def render_html(report: Report, medium: str = SCREEN) -> str:
    """The report as one self-contained HTML page: nothing in it depends on when it was made."""
    styles = [site_stylesheet(), report_stylesheet(SCREEN)]
    if medium == PRINT:
        styles.append(report_stylesheet(PRINT))
    template = environment().get_template(f"{report.kind}.html")
    return template.render(
        report=report,
        run=report.run,
        title=("DRAFT: " if report.draft else "") + report.title,
        medium=medium,
        styles=styles,
        **report.context,
    )
