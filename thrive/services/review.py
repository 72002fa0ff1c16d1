"""Review and publication: figures and commentary sent for review, published or sent back, in one flow.

The workspace and the API both come here. Revision ids come from the caller, so none is
trusted: each is traced to its measure and checked against the actor's rights before anything
moves. Publishing also makes the published-view assessment run, in the same transaction, so
the public pages never have to make one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from thrive.framework import Measure
from thrive.framework.access import User
from thrive.framework.publication import Stage, Step
from thrive.services.assessment_runs import keep_published_run
from thrive.services.errors import NotAllowed, Problems, Stale
from thrive.services.rights import Right, require
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import write_transaction
from thrive.store.framework_store import read_roadmap
from thrive.store.history import revisions_in
from thrive.store.workflow import WorkflowError, measure_of_revisions, move, move_commentary

KINDS = {Step.SUBMIT: ChangeKind.REVIEW, Step.RETURN: ChangeKind.REVIEW, Step.PUBLISH: ChangeKind.PUBLICATION}


@dataclass(frozen=True)
class Reviewed:
    step: Step
    status: Stage
    moved: int
    commentary_moved: int
    change_set_id: int
    revision_ids: tuple[int, ...]
    """Each figure's new current revision, for the next step."""


@dataclass(frozen=True)
class Commentary:
    """Which commentary moves with the figures."""

    move: bool
    measure: Measure | None = None
    """Every piece for this measure (a measure's own page)."""
    chosen: tuple[int, ...] | None = None
    """Only these pieces, by revision id (the review page's ticked boxes); nothing else moves."""


NO_COMMENTARY = Commentary(move=False)


def review(
    engine: Engine,
    user: User,
    step: Step,
    revision_ids: Sequence[int],
    *,
    reason: str,
    source: str | None = None,
    commentary: Commentary = NO_COMMENTARY,
) -> Reviewed:
    """Move figures (and commentary) one stage on or back, in one change set, or move nothing."""
    ids = list(dict.fromkeys(revision_ids))
    with write_transaction(engine) as connection:
        roadmap = read_roadmap(connection)
        owners = measure_of_revisions(connection, ids)
        by_id = {m.id: m for m in roadmap.measures}
        if step is not Step.SUBMIT:
            require(user, Right.REVIEW)
        if commentary.measure is not None:
            require(user, Right.EDIT, [commentary.measure])
            if any(owners.get(i) != commentary.measure.id for i in ids):
                raise NotAllowed("Those figures do not belong to this measure.")
        require(user, Right.ENTER)
        require(user, Right.EDIT, [by_id[m] for m in sorted(set(owners.values())) if m in by_id])
        unknown = sorted(set(ids) - set(owners))
        if unknown:
            raise UnknownRevisions(unknown)
        change_set_id = record_change_set(connection, ChangeSet(user.email, reason, KINDS[step], source))
        try:
            moved = move(connection, ids, step, change_set_id)
        except WorkflowError as stale:
            raise Stale(f"Nothing was moved: {stale}") from None
        notes = 0
        if commentary.move:
            measure_id = None if commentary.measure is None else commentary.measure.id
            try:
                notes = move_commentary(connection, step, change_set_id, measure_id, commentary.chosen)
            except WorkflowError as stale:
                raise Stale(f"Nothing was moved: {stale}") from None
        if step is Step.PUBLISH:
            keep_published_run(connection, actor=user.email)
        return Reviewed(step, step.target, moved, notes, change_set_id, tuple(revisions_in(connection, change_set_id)))


class UnknownRevisions(Problems):
    """Revision ids that name no figure: a crafted or mistyped request."""

    def __init__(self, ids: Sequence[int]):
        super().__init__("Some revision ids do not name a figure.")
        self.ids = list(ids)
