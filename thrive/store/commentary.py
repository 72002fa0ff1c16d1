"""Officers' commentary per measure and period, under "Progress" and "Areas needing more work".

Commentary goes through the same draft, review and publish steps as figures; each step is a
new revision, so the history keeps every version of the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, func, insert, select

from thrive.store.schema import change_set, commentary_revision


class Section(StrEnum):
    PROGRESS = "progress"
    MORE_WORK = "more_work"

    @property
    def heading(self) -> str:
        return "Progress" if self is Section.PROGRESS else "Areas needing more work"


@dataclass(frozen=True)
class Commentary:
    revision_id: int
    measure_id: str
    period: str
    section: Section
    text: str
    status: str
    who: str
    when: str


def _current(
    connection: Connection, measure_id: str | None, statuses: tuple[str, ...] | None, up_to: int | None = None
) -> list[Commentary]:
    revision = commentary_revision
    latest = select(func.max(revision.c.id)).group_by(
        revision.c.measure_id, revision.c.period_label, revision.c.section
    )
    if up_to is not None:
        latest = latest.where(revision.c.change_set_id <= up_to)
    if measure_id is not None:
        latest = latest.where(revision.c.measure_id == measure_id)
    if statuses is not None:
        latest = latest.where(revision.c.status.in_(statuses))
    query = (
        select(revision, change_set.c.actor, change_set.c.created_at)
        .join(change_set, change_set.c.id == revision.c.change_set_id)
        .where(revision.c.id.in_(latest.scalar_subquery()))
        .order_by(revision.c.measure_id, revision.c.period_label.desc(), revision.c.section.desc())
    )
    return [
        Commentary(
            r.id, r.measure_id, r.period_label, Section(r.section), r.text, r.status, r.actor, r.created_at.isoformat()
        )
        for r in connection.execute(query)
    ]


def published_commentary(connection: Connection, measure_id: str | None = None) -> list[Commentary]:
    return _current(connection, measure_id, ("published",))


def working_commentary(connection: Connection, measure_id: str | None = None) -> list[Commentary]:
    return _current(connection, measure_id, None)


def commentary_at(connection: Connection, version: int, *, published_only: bool) -> list[Commentary]:
    """The commentary as it stood at a data version, so that making a run's report again gives the same
    words: the newest revision of each measure's commentary per period and section."""
    found = _current(connection, None, ("published",) if published_only else None, up_to=version)
    return sorted(found, key=lambda c: (c.measure_id, c.period, c.section))


def write_commentary(
    connection: Connection, measure_id: str, period: str, section: Section, text: str, status: str, change_set_id: int
) -> int:
    previous = connection.execute(
        select(func.max(commentary_revision.c.id)).where(
            commentary_revision.c.measure_id == measure_id,
            commentary_revision.c.period_label == period,
            commentary_revision.c.section == section.value,
        )
    ).scalar()
    return int(
        connection.execute(
            insert(commentary_revision)
            .values(
                measure_id=measure_id,
                period_label=period,
                section=section.value,
                text=text,
                status=status,
                change_set_id=change_set_id,
                supersedes_id=previous,
            )
            .returning(commentary_revision.c.id)
        ).scalar_one()
    )
