"""Entering results (a form, an upload or the API): the importer's checks and messages, saved as drafts.

Nothing here trusts the caller's claim about which measure a row belongs to: every row is
checked against the user's rights for the measure it names, so a crafted form or API call
cannot touch another group's figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine

from thrive.data.template import ValidationContext, validate_template
from thrive.framework import RoadMap
from thrive.framework.access import User
from thrive.framework.publication import Stage
from thrive.services.errors import Problems
from thrive.services.rights import Right, require
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import read_connection, write_transaction
from thrive.store.framework_store import read_roadmap
from thrive.store.history import revisions_in
from thrive.store.observations import (
    ObservationPlan,
    UnknownReferenceError,
    apply_observation_plan,
    check_references,
    plan_observations,
)

ROWS_HAVE_PROBLEMS = "Nothing was saved: some rows have problems. Each is listed with its row and column."


@dataclass(frozen=True)
class Entry:
    plan: ObservationPlan
    change_set_id: int | None = None
    revision_ids: tuple[int, ...] = ()
    """The new draft revisions, for the review step."""


def check_rows(engine: Engine, user: User, frame: pd.DataFrame, source: str) -> tuple[pd.DataFrame, RoadMap]:
    """The rows as a checked batch, once the user's right to change every measure they name is checked.

    Raises NotAllowed for a measure of another group, and Problems (every one at once) otherwise.
    """
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
    batch, problems = validate_template(frame, source, ValidationContext.from_roadmap(roadmap))
    if "measure" in frame.columns:
        named = sorted(set(frame["measure"].astype(str).str.strip()))
        require(user, Right.EDIT, [m for m in roadmap.measures if m.id in named])
    if problems:
        raise Problems(ROWS_HAVE_PROBLEMS, problems)
    return batch, roadmap


def preview(engine: Engine, user: User, frame: pd.DataFrame, source: str) -> ObservationPlan:
    """What saving the rows would add and change, written nowhere."""
    batch, _ = check_rows(engine, user, frame, source)
    with read_connection(engine) as connection:
        return plan_observations(connection, batch)


def save_drafts(engine: Engine, user: User, frame: pd.DataFrame, source: str, reason: str) -> Entry:
    """Check every row, then save all as drafts in one transaction, or nothing."""
    batch, _ = check_rows(engine, user, frame, source)
    with write_transaction(engine) as connection:
        try:
            check_references(connection, batch)
        except UnknownReferenceError as missing:
            raise Problems(f"Some rows name a series or area Thrive no longer holds: {missing}.") from None
        plan = plan_observations(connection, batch)
        if plan.is_empty:
            return Entry(plan)
        change_set_id = record_change_set(
            connection,
            ChangeSet(actor=user.email, reason=reason or f"Entered on {source}", kind=ChangeKind.ENTRY, source=source),
        )
        apply_observation_plan(connection, plan, change_set_id, status=Stage.DRAFT.value)
        return Entry(plan, change_set_id, tuple(revisions_in(connection, change_set_id)))
