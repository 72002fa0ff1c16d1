"""Thriving People Index: framework versions (kept so past scores can be reproduced) and runs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select

from thrive.store.schema import change_set, index_framework_version, index_run


def record_framework_version(connection: Connection, code: str, body: str, change_set_id: int) -> tuple[int, int]:
    """(id, version) of this framework text: the newest version if the text is unchanged, else a new one."""
    newest = connection.execute(
        select(index_framework_version.c.id, index_framework_version.c.version, index_framework_version.c.body)
        .where(index_framework_version.c.code == code)
        .order_by(index_framework_version.c.version.desc())
        .limit(1)
    ).first()
    if newest is not None and newest.body == body:
        return int(newest.id), int(newest.version)
    version = 1 if newest is None else int(newest.version) + 1
    result = connection.execute(
        insert(index_framework_version)
        .values(code=code, version=version, body=body, change_set_id=change_set_id)
        .returning(index_framework_version.c.id)
    )
    return int(result.scalar_one()), version


def record_index_run(
    connection: Connection, framework_version_id: int, change_set_id: int, synthetic: bool, results: dict[str, Any]
) -> int:
    result = connection.execute(
        insert(index_run)
        .values(
            framework_version_id=framework_version_id,
            change_set_id=change_set_id,
            synthetic=synthetic,
            results=results,
        )
        .returning(index_run.c.id)
    )
    return int(result.scalar_one())


def latest_index_run(connection: Connection, up_to: int | None = None) -> dict[str, Any] | None:
    """The newest run, with its framework version and who made it when; with `up_to`, the newest at that
    data version (a report made from an assessment run shows the index as it stood then)."""
    newest_id = select(func.max(index_run.c.id))
    if up_to is not None:
        newest_id = newest_id.where(index_run.c.change_set_id <= up_to)
    newest = newest_id.scalar_subquery()
    row = connection.execute(
        select(
            index_run.c.id,
            index_run.c.synthetic,
            index_run.c.results,
            index_framework_version.c.code,
            index_framework_version.c.version,
            change_set.c.created_at,
            change_set.c.actor,
        )
        .join(index_framework_version, index_framework_version.c.id == index_run.c.framework_version_id)
        .join(change_set, change_set.c.id == index_run.c.change_set_id)
        .where(index_run.c.id == newest)
    ).first()
    if row is None:
        return None
    return {
        "run": int(row.id),
        "synthetic": bool(row.synthetic),
        "framework": row.code,
        "framework_version": int(row.version),
        "created_at": row.created_at,
        "actor": row.actor,
        "results": row.results,
    }


def framework_versions(connection: Connection) -> list[dict[str, Any]]:
    """Every framework version, newest first, with who saved it, when and why."""
    rows = connection.execute(
        select(
            index_framework_version.c.code,
            index_framework_version.c.version,
            index_framework_version.c.body,
            change_set.c.actor,
            change_set.c.created_at,
            change_set.c.reason,
        )
        .join(change_set, change_set.c.id == index_framework_version.c.change_set_id)
        .order_by(index_framework_version.c.id.desc())
    )
    return [dict(row._mapping) for row in rows]
