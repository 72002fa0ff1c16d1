"""Compare two areas: Luton (or any English authority) beside another, statistic by statistic, for the latest
period both have, with Fingertips' test between two areas: different only where their 95% confidence
intervals do not overlap ("not compared" where either has no published interval). The choice is in the
address, so a comparison can be shared.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.assess.benchmark import COUNTS
from thrive.framework import Indicator
from thrive.framework.area import LUTON
from thrive.stats.comparison import fingertips_compare_intervals
from thrive.web.figures import interval_text, number, period_label_text, value_text
from thrive.web.page_templates import templates
from thrive.web.profile import VERDICT_WORDS
from thrive.web.public import site
from thrive.web.site import PublicSnapshot

router = APIRouter()


def compared_row(first: str, second: str, found: Indicator, frame: Any) -> dict[str, Any] | None:
    """One statistic for the latest period both areas have, or None where they share none."""
    held = frame[frame["value"].notna()]
    a, b = held[held["area_code"] == first], held[held["area_code"] == second]
    keys = ["period_kind", "period_start", "period_end"]
    shared = a.merge(b, on=keys, suffixes=("_a", "_b"))
    if found.unit in COUNTS or shared.empty:
        return None
    row = shared.sort_values(["period_end", "period_start"]).iloc[-1]
    found_values = [number(row[f"{column}_{side}"]) for side in "ab" for column in ("value", "lower_ci", "upper_ci")]
    values = [v for v in found_values if v is not None]
    verdict = (
        str(fingertips_compare_intervals(*values, polarity=found.polarity).item())
        if len(values) == len(found_values)
        else "not_compared"
    )
    unit = found.unit
    return {
        "indicator": found,
        "period": period_label_text(str(row["period_label_a"])),
        "first": value_text(row["value_a"], unit),
        "first_interval": interval_text(row["lower_ci_a"], row["upper_ci_a"], unit),
        "second": value_text(row["value_b"], unit),
        "second_interval": interval_text(row["lower_ci_b"], row["upper_ci_b"], unit),
        "verdict": verdict,
        "words": VERDICT_WORDS[verdict],
    }


def _authorities(snapshot: PublicSnapshot) -> list[tuple[str, str]]:
    return sorted(((a.code, a.name) for a in snapshot.roadmap.areas if a.upper_tier), key=lambda pair: pair[1])


@router.get("/compare", response_class=HTMLResponse)
def compare(request: Request, first: str = LUTON, second: str = "") -> Response:
    snapshot = site(request).public()
    authorities = _authorities(snapshot)
    names = dict(authorities)
    chosen = second if second in names and second != first else None
    first = first if first in names else LUTON
    rows = []
    if chosen is not None:
        rows = [
            found_row
            for found in sorted(snapshot.indicators.values(), key=lambda i: i.title)
            if (found_row := compared_row(first, chosen, found, site(request).indicator_figures(snapshot, found.id)))
        ]
    context = {
        "title": f"{names[first]} and {names[chosen]}" if chosen else "Compare two areas",
        "section": "indicators",
        "authorities": authorities,
        "first": first,
        "second": chosen,
        "names": names,
        "rows": rows,
        "asked": bool(second),
    }
    return templates.TemplateResponse(request, "compare.html", context, status_code=200)
