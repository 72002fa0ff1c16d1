"""Revision history: who changed a figure, when, from what, to what and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, String, cast, select
from sqlalchemy.orm import aliased

from thrive.store.changes import ChangeKind
from thrive.store.observations import PUBLISHED
from thrive.store.schema import change_set, observation_revision, target, target_revision

_VALUES = [
    "period_label",
    "value",
    "numerator",
    "denominator",
    "lower_ci",
    "upper_ci",
    "provisional",
    "estimated",
    "not_comparable",
    "break_in_series",
    "suppressed",
    "low_reliability",
    "source",
    "note",
    "ref",
    "status",
]


def _change(row: Any) -> dict[str, Any]:
    return {
        "revision": row.id,
        "who": row.actor,
        "when": row.created_at.isoformat() if row.created_at else None,
        "why": row.reason,
        "kind": row.kind,
    }


def observation_history(
    connection: Connection, series_ids: list[str], area_codes: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """Every revision of the series' figures, oldest first, each with the one it replaced; only
    those of `area_codes`, if given (a public page lists its own places', not every authority's)."""
    before = aliased(observation_revision)
    query = (
        select(
            observation_revision.c.id,
            observation_revision.c.series_id,
            observation_revision.c.area_code,
            observation_revision.c.period_kind,
            cast(observation_revision.c.period_start, String).label("period_start"),
            change_set.c.actor,
            change_set.c.created_at,
            change_set.c.reason,
            change_set.c.kind,
            *(observation_revision.c[name].label(f"after_{name}") for name in _VALUES),
            *(before.c[name].label(f"before_{name}") for name in _VALUES),
            before.c.id.label("before_id"),
        )
        .join(change_set, change_set.c.id == observation_revision.c.change_set_id)
        .outerjoin(before, before.c.id == observation_revision.c.supersedes_id)
        .where(observation_revision.c.series_id.in_(series_ids))
        .order_by(observation_revision.c.id)
    )
    if area_codes is not None:
        query = query.where(observation_revision.c.area_code.in_(list(area_codes)))
    out = []
    for row in connection.execute(query):
        mapping = row._mapping
        out.append(
            {
                **_change(row),
                "series": row.series_id,
                "area": row.area_code,
                "period": mapping["after_period_label"],
                "before": None if row.before_id is None else {n: mapping[f"before_{n}"] for n in _VALUES},
                "after": {n: mapping[f"after_{n}"] for n in _VALUES},
            }
        )
    return out


def target_history(connection: Connection, measure_id: str) -> list[dict[str, Any]]:
    before = aliased(target_revision)
    query = (
        select(
            target_revision.c.id,
            target.c.series_id,
            target.c.year,
            change_set.c.actor,
            change_set.c.created_at,
            change_set.c.reason,
            change_set.c.kind,
            target_revision.c.text,
            target_revision.c.spec,
            before.c.text.label("before_text"),
            before.c.spec.label("before_spec"),
            before.c.id.label("before_id"),
        )
        .join(target, target.c.id == target_revision.c.target_id)
        .join(change_set, change_set.c.id == target_revision.c.change_set_id)
        .outerjoin(before, before.c.id == target_revision.c.supersedes_id)
        .where(target.c.measure_id == measure_id)
        .order_by(target_revision.c.id)
    )
    return [
        {
            **_change(row),
            "series": row.series_id,
            "year": row.year,
            "before": None if row.before_id is None else {"text": row.before_text, "spec": row.before_spec},
            "after": {"text": row.text, "spec": row.spec},
        }
        for row in connection.execute(query)
    ]


def revisions_in(connection: Connection, change_set_id: int) -> list[int]:
    """The figure revisions one change set made, in the order written: what an API write answers with."""
    query = (
        select(observation_revision.c.id)
        .where(observation_revision.c.change_set_id == change_set_id)
        .order_by(observation_revision.c.id)
    )
    return [int(i) for i in connection.execute(query).scalars()]


def recent_published_changes(connection: Connection, limit: int) -> list[dict[str, Any]]:
    """The latest published changes to figures, newest first, leaving out the shipped dataset's own:
    "what changed since the last update"."""
    query = (
        select(
            observation_revision.c.series_id,
            observation_revision.c.area_code,
            observation_revision.c.period_label,
            observation_revision.c.value,
            change_set.c.created_at,
            change_set.c.reason,
            change_set.c.kind,
        )
        .join(change_set, change_set.c.id == observation_revision.c.change_set_id)
        .where(observation_revision.c.status == PUBLISHED, change_set.c.kind != ChangeKind.DATASET.value)
        .order_by(observation_revision.c.id.desc())
        .limit(limit)
    )
    return [dict(row._mapping) for row in connection.execute(query)]
