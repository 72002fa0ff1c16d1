"""The Road Map as JSON-ready dictionaries: the shape `thrive measures --json` and `thrive show --json` promise.

These shapes are a public contract (README, "JSON shapes"); change them only by adding keys.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from thrive.framework import Measure, RoadMap, Target
from thrive.framework.area import LUTON
from thrive.store.observations import FLAGS, NUMBERS


def latest_by_series(current: pd.DataFrame, area_code: str = LUTON) -> dict[str, dict[str, Any]]:
    """The most recent figure for each series in one area."""
    here = current[(current["area_code"] == area_code) & current["value"].notna()]
    here = here.sort_values(["period_end", "period_start"], kind="stable")
    latest = here.groupby("series_id", sort=False).tail(1)
    return {
        str(row["series_id"]): {"value": _number(row["value"]), "period": row["period_label"]}
        for row in _records(latest)
    }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _target_json(targets: list[Target]) -> dict[str, Any]:
    """One year's target; for a measure with several series, each series' wording and value too."""
    if len(targets) == 1:
        only = targets[0]
        return {"text": only.text, "value": only.value, "kind": only.spec.kind.value}
    return {
        "text": "; ".join(dict.fromkeys(t.text for t in targets)),
        "value": targets[0].value,
        "kind": targets[0].spec.kind.value,
        "series": {t.series_id: {"text": t.text, "value": t.value, "kind": t.spec.kind.value} for t in targets},
    }


def measure_summary(measure: Measure, roadmap: RoadMap, latest: dict[str, dict[str, Any]]) -> dict[str, Any]:
    by_year: dict[int, list[Target]] = {}
    for target in roadmap.targets_for(measure.id):
        by_year.setdefault(target.year, []).append(target)
    order = {s.id: s.ordinal for s in measure.series}
    for targets in by_year.values():
        targets.sort(key=lambda t: order.get(t.series_id, 0))
    primary = measure.series[0].id if measure.series else None
    return {
        "id": measure.id,
        "priority": measure.priority,
        "outcome": measure.outcome.text,
        "measure": measure.wording,
        "headline": measure.headline,
        "polarity": measure.polarity.value,
        "unit": measure.unit,
        "groups": list(measure.groups),
        "latest": latest.get(primary) if primary else None,
        "milestones": {str(year): _target_json(by_year[year]) for year in sorted(by_year) if year < 2040},
        "target_2040": _target_json(by_year[2040]) if 2040 in by_year else None,
        "published_trend": measure.published_trend,
        "series": [{"id": s.id, "label": s.label, "unit": s.unit, "latest": latest.get(s.id)} for s in measure.series],
    }


def measure_detail(
    measure: Measure,
    roadmap: RoadMap,
    current: pd.DataFrame,
    observation_history: list[dict[str, Any]],
    target_history: list[dict[str, Any]],
) -> dict[str, Any]:
    mine = current[current["series_id"].isin([s.id for s in measure.series])]
    summary = measure_summary(measure, roadmap, latest_by_series(mine))
    observations: dict[str, list[dict[str, Any]]] = {}
    for row in _records(mine.sort_values(["series_id", "area_code", "period_start"])):
        observations.setdefault(row["series_id"], []).append(
            {
                "area": row["area_code"],
                "period": row["period_label"],
                "period_kind": row["period_kind"],
                "period_start": row["period_start"],
                "period_end": row["period_end"],
                **{name: _number(row[name]) for name in NUMBERS},
                "flags": [flag for flag in FLAGS if row[flag]],
                "source": row["source"],
                "note": row["note"],
                "ref": row["ref"],
            }
        )
    for series in summary["series"]:
        series["observations"] = observations.get(series["id"], [])
    summary.update(
        definition=measure.definition,
        source=measure.source,
        frequency=measure.frequency.value,
        notes=[{"text": n.text, "ref": n.ref} for n in measure.notes],
        priority_table=measure.priority_table,
        targets=[
            {"series": t.series_id, "year": t.year, "text": t.text, "ref": t.ref, "note": t.note, **t.spec.to_dict()}
            for t in roadmap.targets_for(measure.id)
        ],
        history={"observations": observation_history, "targets": target_history},
    )
    return summary
