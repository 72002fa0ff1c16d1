"""Change sets: the who, when and why that every revision points to, and the kinds of change there are."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Connection, insert, select

from thrive.store.schema import change_set


class ChangeKind(StrEnum):
    """Every kind of write, registered in one place: a new use-case adds a member, not a new string.

    The values are the ones stored in `change_set.kind`, so existing databases read unchanged.
    """

    DATASET = "dataset"
    """The shipped Road Map, its targets and the council's band tables, loaded by `thrive init`."""
    IMPORT = "import"
    """A file imported by the Business Intelligence Unit: published at once."""
    OFFICIAL = "official"
    """An official figure copied into the Road Map series it feeds."""
    INDEX = "index"
    """A Thriving People Index run."""
    MODEL = "model"
    """A poverty model run and the destitution figures it publishes."""
    PUBLICATION = "publication"
    """Figures and commentary moved from review to published."""
    REVIEW = "review"
    """Figures and commentary sent for review, or sent back: nothing public changes."""
    ENTRY = "entry"
    """Figures entered by an officer on a form, an upload or the API: drafts."""
    COMMENTARY = "commentary"
    """Commentary written by an officer: a draft."""
    BETTER_OFF = "better-off"
    """A Better Off case or its outcome, and the draft figure it adds up to."""

    @property
    def publishes(self) -> bool:
        """Whether a change of this kind can change what the public sees: published figures, targets,
        commentary, index or poverty figures. Only these move the published version."""
        return self in PUBLISHING


PUBLISHING = frozenset(
    {
        ChangeKind.DATASET,
        ChangeKind.IMPORT,
        ChangeKind.OFFICIAL,
        ChangeKind.INDEX,
        ChangeKind.MODEL,
        ChangeKind.PUBLICATION,
    }
)


@dataclass(frozen=True)
class ChangeSet:
    actor: str
    reason: str
    kind: ChangeKind
    source: str | None = None


def default_actor() -> str:
    """The person at the keyboard, unless THRIVE_ACTOR names them (as a service account would)."""
    explicit = os.environ.get("THRIVE_ACTOR")
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record_change_set(connection: Connection, change: ChangeSet, at: datetime | None = None) -> int:
    result = connection.execute(
        insert(change_set)
        .values(
            actor=change.actor,
            reason=change.reason,
            kind=change.kind.value,
            source=change.source,
            created_at=at or datetime.now(UTC),
        )
        .returning(change_set.c.id)
    )
    return int(result.scalar_one())


def first_change_at(connection: Connection) -> str:
    """When the store's first change set was made, to the microsecond: a value every process
    serving one database shares and no visitor can see (the salt of the public ETags)."""
    first = connection.execute(select(change_set.c.created_at).order_by(change_set.c.id).limit(1)).scalar()
    return "" if first is None else str(first)
