"""Jinja2 with the GOV.UK Frontend macros (govuk-frontend-jinja), and Thrive's own filters."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, PrefixLoader, select_autoescape

from thrive.assess.model import Status
from thrive.framework.units import format_value

TEMPLATES = Path(__file__).parent / "templates"

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


def make_environment(*first: Path) -> Environment:
    """The site's Jinja2 set-up; reports put their own template folders `first`, ahead of the site's."""
    loader = ChoiceLoader(
        [
            *(FileSystemLoader(folder) for folder in first),
            FileSystemLoader(TEMPLATES),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}),
        ]
    )
    env = Environment(loader=loader, autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["figure"] = format_value
    env.filters["status_text"] = lambda status: STATUS_TAGS.get(status, (status, ""))[0]
    env.filters["status_class"] = lambda status: STATUS_TAGS.get(status, ("", "govuk-tag--grey"))[1]
    env.filters["trend_class"] = lambda trend: TREND_TAGS.get(trend, "govuk-tag--grey")
    return env


templates = Jinja2Templates(env=make_environment())
