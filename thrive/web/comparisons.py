"""How Luton compares: a measure's benchmark comparisons, as the stored assessment run made them.

The judgements and ranks are the run's own (thrive.assess.benchmark): the page puts them in
words, draws each ranking and names the places, and never judges anything itself.
"""

from __future__ import annotations

from typing import Any

from thrive.framework import ComparatorGroup, Measure
from thrive.framework.area import ENGLAND, LUTON
from thrive.web.figures import ranking, value_text
from thrive.web.site import PublicSnapshot

RANK = "rank"
"""The comparator of a rank comparison (thrive.assess.benchmark); the others name an area."""


def comparisons(snapshot: PublicSnapshot, measure: Measure) -> list[dict[str, Any]]:
    """For each series: the England and region sentences, and each ranking with its chart and table."""
    judged = snapshot.assessments.get(measure.id)
    if judged is None:
        return []
    out = []
    for item in judged["series"]:
        series = measure.series_by_id(item["series_id"])
        if series is None:
            continue
        found = item["benchmark"]["comparisons"]
        england = next((c for c in found if c["comparator"] == ENGLAND), None)
        out.append(
            {
                "title": series.label,
                "reason": item["benchmark"]["reason"],
                "sentences": [c["reason"] for c in found if c["comparator"] != RANK],
                "ranks": [
                    _ranked(snapshot, c, series.label, series.unit, england)
                    for c in found
                    if c["comparator"] == RANK and c.get("ranked")
                ],
            }
        )
    return out


def _ranked(
    snapshot: PublicSnapshot, found: dict[str, Any], label: str, unit: str, england: dict[str, Any] | None
) -> dict[str, Any]:
    group, model, period = found["comparator_name"], found.get("model"), found["period"]
    within = f"{group} ({model})" if model else group
    reference = None
    if england is not None and england.get("period") == period and england.get("comparator_value") is not None:
        value = float(england["comparator_value"])
        reference = (f"England: {value_text(value, unit)}", value)
    view = ranking(
        [(str(code), float(value)) for code, value in found["ranked"]],
        title=f"{label}: Luton among {group}, {period}, best first",
        caption=f"{within}, {period}, best first",
        unit=unit,
        names=snapshot.area_names,
        lead=found["reason"],
        reference=reference,
        compared=found.get("ranked_against_england") or (),
    )
    return {**view, "group": group, "model": model, "members": _members(snapshot, group, model, found["ranked"])}


def _members(snapshot: PublicSnapshot, group_name: str, model_name: str | None, ranked: list[Any]) -> dict[str, Any]:
    """Luton's neighbours in the model the rank used, closest first, and which of them have no figure."""
    group: ComparatorGroup | None = next((g for g in snapshot.roadmap.comparators if g.name == group_name), None)
    if group is None:
        return {}
    model = next((m for m in group.models if m.name == model_name), None)
    codes = model.neighbours.get(LUTON, ()) if model is not None else tuple(c for c in group.members if c != LUTON)
    if not codes:
        return {}
    names = snapshot.area_names
    with_figures = {str(code) for code, _ in ranked}
    return {
        "names": [names.get(code, code) for code in codes],
        "without_figures": [names.get(code, code) for code in codes if code not in with_figures],
        "closest_first": model is not None,
    }
