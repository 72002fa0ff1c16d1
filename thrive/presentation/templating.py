"""Jinja2 with the GOV.UK Frontend macros (govuk-frontend-jinja), and Thrive's own filters and tag colours.

The website and the reports share this set-up, so a report page looks like the site and prints the
same words. The site's templates (base.html, _macros.html) and stylesheet stay beside the site;
reports reach them through `SITE_TEMPLATES` and `SITE_CSS` here, never through web code.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, select_autoescape

from thrive.assess.model import Status
from thrive.framework.units import format_value

SITE_TEMPLATES = Path(__file__).parents[1] / "web" / "templates"
SITE_CSS = SITE_TEMPLATES.parent / "static" / "thrive.css"

STATUS_COLOURS = {
    Status.ACHIEVED: "govuk-tag--green",
    Status.ON_TRACK: "govuk-tag--green",
    Status.OFF_TRACK: "govuk-tag--red",
}
STATUS_TAGS = {status.value: (status.words, STATUS_COLOURS.get(status, "govuk-tag--grey")) for status in Status}
TREND_TAGS = {
    "Improving": "govuk-tag--green",
    "Getting worse": "govuk-tag--red",
    "No major change": "govuk-tag--yellow",
}


def long_date(day: date | str) -> str:
    """22 November 2026: the GOV.UK style for dates. A string is read as ISO 8601 (as JSON keeps
    a run's time), so a template never slices one into "2026-11-22"."""
    if isinstance(day, str):
        day = datetime.fromisoformat(day)
    return f"{day.day} {day:%B %Y}"


def make_environment(*first: Path) -> Environment:
    """The site's Jinja2 set-up; reports put their own template folders `first`, ahead of the site's."""
    loader = ChoiceLoader(
        [
            *(FileSystemLoader(folder) for folder in first),
            FileSystemLoader(SITE_TEMPLATES),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}),
        ]
    )
    env = Environment(loader=loader, autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["figure"] = format_value
    env.filters["long_date"] = long_date
    env.filters["status_text"] = lambda status: STATUS_TAGS.get(status, (status, ""))[0]
    env.filters["status_class"] = lambda status: STATUS_TAGS.get(status, ("", "govuk-tag--grey"))[1]
    env.filters["trend_class"] = lambda trend: TREND_TAGS.get(trend, "govuk-tag--grey")
    return env
