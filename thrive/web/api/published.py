"""The published snapshot, as every API read sees it: drafts and figures in review never appear.

Reads go through `snapshot(request)` only, the same object the public pages use, so the
API and the pages always agree on what is published.
"""

from __future__ import annotations

import math
from typing import Any

from fastapi import Request

from thrive.framework import Measure
from thrive.framework.area import LUTON
from thrive.framework.observation import FLAGS, NUMBERS
from thrive.publishing.shapes import latest_by_series
from thrive.web.api.errors import not_found
from thrive.web.figures import number
from thrive.web.site import PublicSnapshot, Site


def site(request: Request) -> Site:
    found: Site = request.app.state.site
    return found


def snapshot(request: Request) -> PublicSnapshot:
    return site(request).public()


def measure_or_404(published: PublicSnapshot, measure_id: str) -> Measure:
    try:
        return published.roadmap.measure(measure_id)
    except KeyError:
        raise not_found(
            f"There is no measure called '{measure_id}'. The measures are listed at /api/measures."
        ) from None


def series_measure(published: PublicSnapshot) -> dict[str, str]:
    """Which measure each series belongs to."""
    return {s.id: m.id for m in published.roadmap.measures for s in m.series}


def latest_luton(published: PublicSnapshot) -> dict[str, dict[str, Any]]:
    """The newest published Luton figure of each series (`{value, period}`), as `thrive measures` reports it."""
    return latest_by_series(published.in_area(LUTON))


def text(value: Any) -> str | None:
    """A stored text as JSON can carry it: pandas' missing markers become null."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def figure_cells(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """The cells every published figure has, Road Map series or indicator alike: place, period, numbers, flags."""
    return {
        "area": row["area_code"],
        "area_name": names.get(row["area_code"]),
        "period": row["period_label"],
        "period_kind": row["period_kind"],
        "period_start": row["period_start"],
        "period_end": row["period_end"],
        **{name: number(row[name]) for name in NUMBERS},
        "flags": [flag for flag in FLAGS if bool(row[flag])],
        "source": text(row["source"]),
        "note": text(row["note"]),
    }
