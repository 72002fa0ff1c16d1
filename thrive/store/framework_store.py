"""Keep the framework tables (priorities, groups, areas, measures, series) in step with a dataset.

Framework rows are reference data: `thrive init` inserts what is missing and refreshes
wording from the shipped dataset. Figures (observations, targets) never go this way;
they go through revisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, insert, select, update

from thrive.framework import (
    Area,
    AreaType,
    ComparatorGroup,
    Measure,
    Outcome,
    PartnershipGroup,
    Polarity,
    Priority,
    RoadMap,
    Series,
)
from thrive.framework.dataset import Dataset
from thrive.framework.roadmap import Frequency, Note
from thrive.store.indicators import read_links
from thrive.store.neighbours import read_comparator_models
from thrive.store.schema import (
    area,
    comparator_group,
    comparator_member,
    document,
    measure,
    measure_group,
    partnership_group,
    priority,
    series,
)
from thrive.store.targets import read_current_targets


def _upsert(connection: Connection, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    keys = [column.name for column in table.primary_key.columns]
    existing = {tuple(row) for row in connection.execute(select(*table.primary_key.columns))}
    for row in rows:
        identity = tuple(row[k] for k in keys)
        if identity in existing:
            condition = [table.c[k] == row[k] for k in keys]
            values = {k: v for k, v in row.items() if k not in keys}
            if values:
                connection.execute(update(table).where(*condition).values(**values))
        else:
            connection.execute(insert(table).values(**row))


def sync_framework(connection: Connection, dataset: Dataset) -> None:
    roadmap = dataset.roadmap
    _upsert(connection, document, [vars(d) for d in dataset.documents])
    _upsert(
        connection,
        priority,
        [
            {"code": p.code, "name": p.name, "ordinal": p.ordinal, "summary": p.summary, "ref": p.ref}
            for p in roadmap.priorities
        ],
    )
    _upsert(
        connection,
        partnership_group,
        [
            {"code": g.code, "name": g.name, "confirmed": g.confirmed, "note": g.note, "ref": g.ref}
            for g in roadmap.groups
        ],
    )
    _upsert(
        connection,
        area,
        [
            {"code": a.code, "name": a.name, "type": a.type.value, "parent_code": a.parent, "vintage": a.vintage}
            for a in roadmap.areas
        ],
    )
    _upsert(
        connection,
        comparator_group,
        [{"code": c.code, "name": c.name, "note": c.note, "ref": c.ref} for c in roadmap.comparators],
    )
    _upsert(
        connection,
        comparator_member,
        [{"group_code": c.code, "area_code": m} for c in roadmap.comparators for m in c.members],
    )
    _upsert(connection, measure, [_measure_row(m) for m in roadmap.measures])
    _upsert(
        connection,
        series,
        [
            {"id": s.id, "measure_id": s.measure_id, "label": s.label, "unit": s.unit, "ordinal": s.ordinal}
            for m in roadmap.measures
            for s in m.series
        ],
    )
    _upsert(
        connection,
        measure_group,
        [{"measure_id": m.id, "group_code": g} for m in roadmap.measures for g in m.groups],
    )


def _measure_row(m: Measure) -> dict[str, Any]:
    return {
        "id": m.id,
        "priority_code": m.outcome.priority,
        "ordinal": m.outcome.ordinal,
        "outcome": m.outcome.text,
        "outcome_ref": m.outcome.ref,
        "wording": m.wording,
        "unit": m.unit,
        "polarity": m.polarity.value,
        "frequency": m.frequency.value,
        "definition": m.definition,
        "source": m.source,
        "headline": m.headline,
        "published_trend": m.published_trend,
        "priority_table": m.priority_table,
        "notes": [{"text": n.text, "ref": n.ref} for n in m.notes],
        "ownership_ref": m.ownership_ref,
    }


def read_roadmap(connection: Connection) -> RoadMap:
    priorities = tuple(
        Priority(r.code, r.name, r.ordinal, r.summary or "", r.ref)
        for r in connection.execute(select(priority).order_by(priority.c.ordinal))
    )
    groups = tuple(
        PartnershipGroup(r.code, r.name, r.confirmed, r.note, r.ref)
        for r in connection.execute(select(partnership_group).order_by(partnership_group.c.code))
    )
    areas = tuple(
        Area(r.code, r.name, AreaType(r.type), r.parent_code, r.vintage)
        for r in connection.execute(select(area).order_by(area.c.code))
    )
    members: dict[str, list[str]] = {}
    for r in connection.execute(select(comparator_member)):
        members.setdefault(r.group_code, []).append(r.area_code)
    models = read_comparator_models(connection)
    comparators = tuple(
        ComparatorGroup(r.code, r.name, tuple(sorted(members.get(r.code, []))), r.note, r.ref, models.get(r.code, ()))
        for r in connection.execute(select(comparator_group).order_by(comparator_group.c.code))
    )
    series_by_measure: dict[str, list[Series]] = {}
    measure_series = select(series).where(series.c.measure_id.is_not(None))
    for r in connection.execute(measure_series.order_by(series.c.measure_id, series.c.ordinal)):
        series_by_measure.setdefault(r.measure_id, []).append(Series(r.id, r.measure_id, r.label, r.unit, r.ordinal))
    groups_by_measure: dict[str, list[str]] = {}
    for r in connection.execute(select(measure_group).order_by(measure_group.c.group_code)):
        groups_by_measure.setdefault(r.measure_id, []).append(r.group_code)
    priority_order = {p.code: p.ordinal for p in priorities}
    rows = sorted(
        connection.execute(select(measure)), key=lambda r: (priority_order.get(r.priority_code, 99), r.ordinal)
    )
    measures = tuple(
        Measure(
            id=r.id,
            outcome=Outcome(r.outcome, r.priority_code, r.ordinal, r.outcome_ref),
            wording=r.wording,
            unit=r.unit,
            polarity=Polarity(r.polarity),
            frequency=Frequency(r.frequency),
            definition=r.definition,
            source=r.source,
            groups=tuple(groups_by_measure.get(r.id, [])),
            headline=bool(r.headline),
            series=tuple(series_by_measure.get(r.id, [])),
            published_trend=r.published_trend,
            priority_table=dict(r.priority_table or {}),
            notes=tuple(Note(n["text"], n.get("ref")) for n in (r.notes or [])),
            ownership_ref=r.ownership_ref,
        )
        for r in rows
    )
    return RoadMap(
        priorities,
        groups,
        measures,
        tuple(read_current_targets(connection)),
        areas,
        comparators,
        read_links(connection),
    )


def measure_of_series(connection: Connection) -> dict[str, str]:
    """Each Road Map series' measure; an indicator's own series belongs to no measure and is left out."""
    query = select(series.c.id, series.c.measure_id).where(series.c.measure_id.is_not(None))
    return {row.id: row.measure_id for row in connection.execute(query)}


def area_codes(connection: Connection) -> set[str]:
    """Every place Thrive knows, by GSS code."""
    return set(connection.execute(select(area.c.code)).scalars())


def add_areas(connection: Connection, areas: Iterable[Area]) -> list[Area]:
    """Keep the places not yet known (a file names its areas the first time it is read); the ones added."""
    known = area_codes(connection)
    new = list({a.code: a for a in areas if a.code not in known}.values())
    if new:
        connection.execute(
            insert(area),
            [
                {"code": a.code, "name": a.name, "type": a.type.value, "parent_code": a.parent, "vintage": a.vintage}
                for a in new
            ],
        )
    return new


def read_documents(connection: Connection) -> list[dict[str, Any]]:
    """The published documents the Road Map's figures cite, in the dataset's order."""
    return [dict(row._mapping) for row in connection.execute(select(document).order_by(document.c.id))]
