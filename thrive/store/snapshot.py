"""A run's inputs as plain JSON: enough of the Road Map and its figures to assess again, exactly.

An assessment run stores this beside its results, so a report made from the run can be
checked years later against the very figures, targets and rules it used.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from thrive.framework import (
    Area,
    AreaType,
    ComparatorGroup,
    ComparatorModel,
    Measure,
    Observation,
    ObservationFlag,
    Outcome,
    Period,
    PeriodKind,
    Polarity,
    RoadMap,
    Series,
    Target,
    TargetSpec,
)
from thrive.framework.area import LUTON
from thrive.framework.roadmap import Frequency

_OBSERVATION_FIELDS = ["value", "numerator", "denominator", "lower_ci", "upper_ci"]


def snapshot(roadmap: RoadMap, observations: list[Observation]) -> dict[str, Any]:
    return {
        "measures": [_measure(m) for m in roadmap.measures],
        "targets": [
            {
                "measure": t.measure_id,
                "series": t.series_id,
                "year": t.year,
                "text": t.text,
                "ref": t.ref,
                "note": t.note,
                "spec": t.spec.to_dict(),
            }
            for t in roadmap.targets
        ],
        "comparators": [
            {"code": c.code, "name": c.name, "members": list(c.members), "models": [_model(m) for m in c.models]}
            for c in roadmap.comparators
        ],
        "areas": [{"code": a.code, "name": a.name, "type": a.type.value, "parent": a.parent} for a in roadmap.areas],
        "observations": [
            [
                o.series_id,
                o.area_code,
                o.period.kind.value,
                o.period.start.isoformat(),
                o.period.end.isoformat(),
                o.period.label,
                *(getattr(o, name) for name in _OBSERVATION_FIELDS),
                sorted(f.value for f in o.flags),
            ]
            for o in observations
        ],
    }


def _model(model: ComparatorModel) -> dict[str, Any]:
    """A neighbour model as a run used it: Luton's own list only, the one area a run ranks."""
    return {
        "code": model.code,
        "name": model.name,
        "publisher": model.publisher,
        "in_force_from": None if model.in_force_from is None else model.in_force_from.isoformat(),
        "in_force_to": None if model.in_force_to is None else model.in_force_to.isoformat(),
        "neighbours": {LUTON: list(model.neighbours.get(LUTON, ()))},
    }


def _read_model(data: dict[str, Any]) -> ComparatorModel:
    return ComparatorModel(
        data["code"],
        data["name"],
        data["publisher"],
        None if data["in_force_from"] is None else date.fromisoformat(data["in_force_from"]),
        None if data["in_force_to"] is None else date.fromisoformat(data["in_force_to"]),
        {code: tuple(found) for code, found in data["neighbours"].items()},
    )


def _measure(m: Measure) -> dict[str, Any]:
    return {
        "id": m.id,
        "wording": m.wording,
        "priority": m.priority,
        "ordinal": m.outcome.ordinal,
        "outcome": m.outcome.text,
        "headline": m.headline,
        "unit": m.unit,
        "polarity": m.polarity.value,
        "frequency": m.frequency.value,
        "published_trend": m.published_trend,
        "series": [{"id": s.id, "label": s.label, "unit": s.unit, "ordinal": s.ordinal} for s in m.series],
    }


def from_snapshot(data: dict[str, Any]) -> tuple[RoadMap, list[Observation]]:
    measures = tuple(
        Measure(
            id=m["id"],
            outcome=Outcome(m["outcome"], m["priority"], m["ordinal"]),
            wording=m["wording"],
            unit=m["unit"],
            polarity=Polarity(m["polarity"]),
            frequency=Frequency(m["frequency"]),
            definition="",
            source="",
            groups=(),
            headline=m["headline"],
            series=tuple(Series(s["id"], m["id"], s["label"], s["unit"], s["ordinal"]) for s in m["series"]),
            published_trend=m["published_trend"],
        )
        for m in data["measures"]
    )
    targets = tuple(
        Target(t["measure"], t["series"], t["year"], t["text"], TargetSpec.from_dict(t["spec"]), t["ref"], t["note"])
        for t in data["targets"]
    )
    comparators = tuple(
        ComparatorGroup(
            c["code"],
            c["name"],
            tuple(c["members"]),
            models=tuple(_read_model(m) for m in c.get("models", ())),
        )
        for c in data["comparators"]
    )
    areas = tuple(Area(a["code"], a["name"], AreaType(a["type"]), a["parent"]) for a in data["areas"])
    observations = [
        Observation(
            series_id=row[0],
            area_code=row[1],
            period=Period(date.fromisoformat(row[3]), date.fromisoformat(row[4]), PeriodKind(row[2]), row[5]),
            value=row[6],
            numerator=row[7],
            denominator=row[8],
            lower_ci=row[9],
            upper_ci=row[10],
            flags=frozenset(ObservationFlag(f) for f in row[11]),
        )
        for row in data["observations"]
    ]
    return RoadMap((), (), measures, targets, areas, comparators), observations
