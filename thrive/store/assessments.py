"""Assessment runs: dated, with the inputs they used, so a report can be reproduced exactly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Select, func, insert, select

from thrive.store.changes import PUBLISHING
from thrive.store.observations import PUBLISHED
from thrive.store.schema import assessment_run, change_set


@dataclass(frozen=True)
class AssessmentRun:
    id: int
    created_at: datetime
    actor: str
    as_of: date | None
    view: str
    data_version: int
    rules: dict[str, Any]
    inputs: dict[str, Any] | None
    """The Road Map and figures the run judged, to make it again; None when the run was read for its
    judgements only (load_run(..., with_inputs=False)): with every area's figures they run to a
    hundred megabytes, and public pages need only the results."""
    results: list[dict[str, Any]]

    def judged_inputs(self) -> dict[str, Any]:
        if self.inputs is None:
            raise ValueError(f"Assessment run {self.id} was read without its inputs, so it cannot be made again.")
        return self.inputs

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


def published_version(connection: Connection) -> int:
    """The newest change set that can change what the public sees (ChangeKind.publishes).

    Saving a draft or a Better Off case leaves it where it is, so public pages and their ETags stay put.
    """
    return int(connection.execute(_published_version()).scalar_one())


def _published_version() -> Select[Any]:
    kinds = [kind.value for kind in PUBLISHING]
    return select(func.coalesce(func.max(change_set.c.id), 0)).where(change_set.c.kind.in_(kinds))


def version_of(connection: Connection, view: str) -> int:
    """The version a run of `view` is made on: the published version, or (drafts included) any change."""
    return published_version(connection) if view == PUBLISHED else data_version(connection)


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


def load_run(
    connection: Connection, run_id: int | None = None, *, view: str | None = None, with_inputs: bool = True
) -> AssessmentRun | None:
    """One run by id, or the newest (of a view); without its inputs unless asked."""
    columns = [c for c in assessment_run.c if with_inputs or c.name != "inputs"]
    query = select(*columns)
    if view is not None:
        query = query.where(assessment_run.c.view == view)
    query = (
        query.where(assessment_run.c.id == run_id) if run_id is not None else query.order_by(assessment_run.c.id.desc())
    )
    row = connection.execute(query.limit(1)).first()
    if row is None:
        return None
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    inputs = row.inputs if with_inputs else None
    return AssessmentRun(
        row.id, created, row.actor, row.as_of, row.view, row.data_version, row.rules, inputs, row.results
    )


def earlier_runs(connection: Connection, view: str, before: int) -> list[tuple[int, datetime]]:
    """Runs of a view made before run `before`, newest first, each with when it was made (in UTC)."""
    rows = connection.execute(
        select(assessment_run.c.id, assessment_run.c.created_at)
        .where(assessment_run.c.view == view, assessment_run.c.id < before)
        .order_by(assessment_run.c.id.desc())
    )
    return [(int(r.id), r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=UTC)) for r in rows]


def published_state(connection: Connection) -> tuple[int, int | None]:
    """The published version and the newest published run's id, in one round trip: what a public
    page checks on every request to know whether what it has read is still current.

    It is asked on every public request, so the statement is compiled once per database kind and
    sent straight to the driver: SQLAlchemy's compile-and-bind cost more than the two indexed
    lookups (ix_change_set_kind, ix_assessment_run_view) themselves.
    """
    sql = _PUBLISHED_STATE_SQL.get(connection.dialect.name)
    if sql is None:
        run = select(func.max(assessment_run.c.id)).where(assessment_run.c.view == PUBLISHED)
        both = select(_published_version().scalar_subquery(), run.scalar_subquery())
        sql = str(both.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
        _PUBLISHED_STATE_SQL[connection.dialect.name] = sql
    row = connection.exec_driver_sql(sql).one()
    return int(row[0]), None if row[1] is None else int(row[1])


_PUBLISHED_STATE_SQL: dict[str, str] = {}
"""published_state's statement, by database kind (sqlite, postgresql)."""


def fresh_run(connection: Connection, view: str, *, with_inputs: bool = True) -> AssessmentRun | None:
    """The newest run of a view if nothing it depends on has changed since it was made; None otherwise.
    Whether it is fresh is asked first, so a stale run is never read."""
    newest = connection.execute(
        select(assessment_run.c.id, assessment_run.c.data_version)
        .where(assessment_run.c.view == view)
        .order_by(assessment_run.c.id.desc())
        .limit(1)
    ).first()
    if newest is None or newest.data_version != version_of(connection, view):
        return None
    return load_run(connection, newest.id, with_inputs=with_inputs)
