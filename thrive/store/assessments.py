"""Assessment runs: dated, with the inputs they used, so a report can be reproduced exactly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from thrive.store.schema import assessment_run, change_set


@dataclass(frozen=True)
class StoredRun:
    id: int
    created_at: datetime
    actor: str
    as_of: date | None
    view: str
    data_version: int
    rules: dict[str, Any]
    inputs: dict[str, Any]
    results: list[dict[str, Any]]

    def header(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "actor": self.actor,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "view": self.view,
            "data_version": self.data_version,
        }


def data_version(connection: Connection) -> int:
    """The newest change set: any later change to a figure or target makes a newer version."""
    return int(connection.execute(select(func.coalesce(func.max(change_set.c.id), 0))).scalar_one())


def save_run(
    connection: Connection,
    *,
    actor: str,
    as_of: date | None,
    view: str,
    version: int,
    rules: dict[str, Any],
    inputs: dict[str, Any],
    results: list[dict[str, Any]],
) -> int:
    return int(
        connection.execute(
            insert(assessment_run)
            .values(
                created_at=datetime.now(UTC),
                actor=actor,
                as_of=as_of,
                view=view,
                data_version=version,
                rules=rules,
                inputs=inputs,
                results=results,
            )
            .returning(assessment_run.c.id)
        ).scalar_one()
    )


def load_run(connection: Connection, run_id: int | None = None, *, view: str | None = None) -> StoredRun | None:
    """One run by id, or the newest (of a view)."""
    query = select(assessment_run)
    if view is not None:
        query = query.where(assessment_run.c.view == view)
    query = (
        query.where(assessment_run.c.id == run_id) if run_id is not None else query.order_by(assessment_run.c.id.desc())
    )
    row = connection.execute(query.limit(1)).first()
    if row is None:
        return None
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return StoredRun(
        row.id, created, row.actor, row.as_of, row.view, row.data_version, row.rules, row.inputs, row.results
    )


def earlier_runs(connection: Connection, view: str, before: int) -> list[tuple[int, datetime]]:
    """Runs of a view made before run `before`, newest first, each with when it was made (in UTC)."""
    rows = connection.execute(
        select(assessment_run.c.id, assessment_run.c.created_at)
        .where(assessment_run.c.view == view, assessment_run.c.id < before)
        .order_by(assessment_run.c.id.desc())
    )
    return [(int(r.id), r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=UTC)) for r in rows]
