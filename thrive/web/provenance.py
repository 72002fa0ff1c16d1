"""Where a measure's figures come from: the official indicators linked to each of its series.

An exact match is the measure's own statistic and its figures are already in the series. A
proxy or a context indicator is a different statistic: the page shows its Luton and England
figures beside the Road Map's, captioned as context, never in their place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from thrive.framework import Match, Measure
from thrive.web.figures import ENGLAND_PLACE, LUTON_PLACE, over_time
from thrive.web.site import PublicSnapshot

CONTEXT_CAPTION = "not the Road Map’s own figure"


def sources(snapshot: PublicSnapshot, measure: Measure, figures: Callable[[str], pd.DataFrame]) -> list[dict[str, Any]]:
    """Each link of the measure with its indicator's title, match, note, publisher and licence.

    `figures` reads an indicator's figures (once per data version: Site.indicator_figures).
    """
    labels = {s.id: s.label for s in measure.series}
    out = []
    for link in snapshot.roadmap.links_for(measure):
        found = snapshot.indicators.get(link.indicator_id)
        if found is None:
            continue
        context = None
        if link.match is not Match.EXACT:
            context = over_time(
                figures(found.id),
                title=f"{found.title}: Luton and England ({link.match.label.lower()}, {CONTEXT_CAPTION})",
                unit=found.unit,
                places=(LUTON_PLACE, ENGLAND_PLACE),
                size=(5.2, 2.6),
            )
        about = [
            ("Match", link.match.label),
            ("How it relates", link.note),
            ("Publisher", found.publisher),
            ("Licence", found.licence),
        ]
        if len(measure.series) > 1:
            about.insert(0, ("Series", labels[link.series_id]))
        rows = [{"key": {"text": key}, "value": {"text": value}} for key, value in about]
        out.append({"indicator": found, "about": rows, "context": context})
    return out
