"""Officers' commentary ("Progress", "Areas needing more work"): written as a draft, published through review."""

from __future__ import annotations

from sqlalchemy import Engine

from thrive.framework import Measure
from thrive.framework.access import User
from thrive.framework.publication import Stage
from thrive.services.rights import Right, require
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.commentary import Section, write_commentary
from thrive.store.database import write_transaction


def write_draft_commentary(
    engine: Engine, user: User, measure: Measure, period: str, *, progress: str, more_work: str
) -> int:
    """Keep each section that has words as a draft for the period, under one change set; its id."""
    require(user, Right.EDIT, [measure])
    with write_transaction(engine) as connection:
        change_set_id = record_change_set(
            connection, ChangeSet(user.email, f"Commentary for {period.strip()}", ChangeKind.COMMENTARY)
        )
        for section, text in ((Section.PROGRESS, progress), (Section.MORE_WORK, more_work)):
            if text.strip():
                write_commentary(
                    connection, measure.id, period.strip(), section, text.strip(), Stage.DRAFT.value, change_set_id
                )
    return change_set_id
