"""Imported Indices of Deprivation releases: the files read and the summary made from them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select

from thrive.store.schema import change_set, deprivation_release


def record_deprivation_release(
    connection: Connection, year: int, files: list[dict[str, str]], summary: dict[str, Any], change_set_id: int
) -> int:
    result = connection.execute(
        insert(deprivation_release)
        .values(release_year=year, files=files, summary=summary, change_set_id=change_set_id)
        .returning(deprivation_release.c.id)
    )
    return int(result.scalar_one())


def latest_deprivation_releases(connection: Connection, up_to: int | None = None) -> dict[int, dict[str, Any]]:
    """The newest import of each release, with who imported it and when; with `up_to`, as it stood at
    that data version."""
    newest = select(func.max(deprivation_release.c.id)).group_by(deprivation_release.c.release_year)
    if up_to is not None:
        newest = newest.where(deprivation_release.c.change_set_id <= up_to)
    query = (
        select(
            deprivation_release.c.release_year,
            deprivation_release.c.files,
            deprivation_release.c.summary,
            change_set.c.created_at,
            change_set.c.actor,
        )
        .join(change_set, change_set.c.id == deprivation_release.c.change_set_id)
        .where(deprivation_release.c.id.in_(newest.scalar_subquery()))
    )
    return {
        int(row.release_year): {
            "files": row.files,
            "summary": row.summary,
            "imported_at": row.created_at,
            "imported_by": row.actor,
        }
        for row in connection.execute(query)
    }
