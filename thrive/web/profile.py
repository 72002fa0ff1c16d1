"""Luton's profile: every official statistic Thrive holds, Luton against England and the range of England's
unitary and upper-tier authorities, as a Fingertips spine chart with a table.

Luton is compared with England by Fingertips' own test (thrive.stats.comparison): England's value outside
Luton's 95% confidence interval is a significant difference. A statistic with no interval is shown but
not compared; a count is left out, as it grows with the size of a place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from thrive.assess.benchmark import COUNTS
from thrive.framework import Indicator, Polarity
from thrive.framework.area import ENGLAND, LUTON
from thrive.presentation.spine import SpineRow, spine_svg
from thrive.stats.comparison import fingertips_compare
from thrive.web.figures import interval_text, number, period_label_text, value_text
from thrive.web.public import cached_page, site
from thrive.web.site import PublicSnapshot

router = APIRouter()
FEWEST_AUTHORITIES = 10
"""A spread needs this many authorities with a figure for Luton's period; fewer are not a spread."""
VERDICT_WORDS = {
    "better": "Better",
    "similar": "Similar",
    "worse": "Worse",
    "higher": "Higher",
    "lower": "Lower",
    "not_compared": "Not compared",
}
"""Luton against England, as the table's column says it; "not compared" has no published interval."""
VERDICT_PHRASES = {
    "better": "better than England",
    "similar": "similar to England",
    "worse": "worse than England",
    "higher": "higher than England",
    "lower": "lower than England",
    "not_compared": "not compared with England, as no confidence interval is published",
}
"""The same, as a sentence says it (the spine's accessible name)."""


def profile_row(snapshot: PublicSnapshot, found: Indicator, frame: Any) -> dict[str, Any] | None:
    """One statistic's row, for the latest period Luton has a figure, or None if it cannot be drawn."""
    luton = frame[(frame["area_code"] == LUTON) & frame["value"].notna()]
    if found.unit in COUNTS or luton.empty:
        return None
    latest = luton.sort_values(["period_end", "period_start"]).iloc[-1]
    same = ["period_kind", "period_start", "period_end"]
    period = frame[(frame[same] == latest[same]).all(axis=1) & frame["value"].notna()]
    upper = {a.code for a in snapshot.roadmap.areas if a.upper_tier}
    values = period.loc[period["area_code"].isin(upper), "value"].astype(float).to_numpy()
    england = number(period.loc[period["area_code"] == ENGLAND, "value"].max())
    if england is None or len(values) < FEWEST_AUTHORITIES:
        return None
    lower, upper_ci = number(latest["lower_ci"]), number(latest["upper_ci"])
    value = float(latest["value"])
    verdict = (
        str(fingertips_compare(value, lower, upper_ci, england, polarity=found.polarity).item())
        if lower is not None and upper_ci is not None
        else "not_compared"
    )
    q1, q3 = np.percentile(values, [25, 75])
    row = SpineRow(
        value, england, float(values.min()), float(q1), float(q3), float(values.max()),
        right_is_higher=found.polarity is not Polarity.LOWER_IS_BETTER, verdict=verdict,
    )  # fmt: skip
    when = period_label_text(str(latest["period_label"]))
    unit = found.unit
    words = VERDICT_WORDS[verdict]
    label = (
        f"{found.title}, {when}: Luton {value_text(value, unit)}, England {value_text(england, unit)}; "
        f"{VERDICT_PHRASES[verdict]}. {len(values)} authorities range from "
        f"{value_text(row.lowest, unit)} to {value_text(row.highest, unit)}."
    )
    return {
        "indicator": found,
        "period": when,
        "luton": value_text(value, unit),
        "interval": interval_text(lower, upper_ci, unit),
        "england": value_text(england, unit),
        # The ends of the spine as drawn: where lower is better the lowest authority is on the right.
        "left": value_text(row.lowest if row.right_is_higher else row.highest, unit),
        "right": value_text(row.highest if row.right_is_higher else row.lowest, unit),
        "verdict": verdict,
        "words": words,
        "authorities": len(values),
        "spine": spine_svg(row, label),
        "lower_is_better": found.polarity is Polarity.LOWER_IS_BETTER,
    }


@router.get("/profile", response_class=HTMLResponse)
def profile(request: Request) -> Response:
    def build(snapshot: PublicSnapshot) -> dict[str, Any]:
        rows = [
            row
            for found in sorted(snapshot.indicators.values(), key=lambda i: i.title)
            if (row := profile_row(snapshot, found, site(request).indicator_figures(snapshot, found.id))) is not None
        ]
        counts = {verdict: sum(1 for r in rows if r["verdict"] == verdict) for verdict in VERDICT_WORDS}
        return {"title": "Luton’s profile", "section": "indicators", "rows": rows, "counts": counts}

    return cached_page(request, "profile", build, "profile.html")
