"""The queries behind publishing (the stages and their moves are thrive.framework.publication).

Each step appends a revision with the same figures and the new status, under its own change
set, so the history shows who entered a figure, who sent it for review and who published it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd
from sqlalchemy import Connection, insert, select

from thrive.framework.observation import FLAGS, KEY, NUMBERS, TEXTS
from thrive.framework.publication import Stage, Step
from thrive.store.commentary import working_commentary, write_commentary
from thrive.store.observations import WORKING, current_observations
from thrive.store.schema import observation_revision, series


class WorkflowError(ValueError):
    """A step that does not apply to a figure's current stage (a stale page, or a crafted request)."""


def pending(connection: Connection, stage: Stage, series_ids: Sequence[str] | None = None) -> pd.DataFrame:
    current = current_observations(connection, series_ids, view=WORKING)
    return current[current["status"] == stage.value].reset_index(drop=True)


def measure_of_revisions(connection: Connection, revision_ids: Sequence[int]) -> dict[int, str]:
    query = (
        select(observation_revision.c.id, series.c.measure_id)
        .join(series, series.c.id == observation_revision.c.series_id)
        .where(observation_revision.c.id.in_(list(revision_ids)))
    )
    return {row.id: row.measure_id for row in connection.execute(query)}


def move_commentary(
    connection: Connection,
    step: Step,
    change_set_id: int,
    measure_id: str | None = None,
    chosen: Collection[int] | None = None,
) -> int:
    """The same step for commentary at the step's starting stage: the pieces `chosen` (by revision id),
    or, with none chosen, every piece for one measure. A chosen piece that has moved on is refused."""
    source, target = step.source, step.target
    waiting = [note for note in working_commentary(connection, measure_id) if note.status == source.value]
    if chosen is not None:
        picked = set(chosen)
        moved = [note for note in waiting if note.revision_id in picked]
        if len(moved) != len(picked):
            raise WorkflowError("some commentary has changed since the page was loaded; reload it and try again.")
    else:
        moved = waiting
    for note in moved:
        write_commentary(connection, note.measure_id, note.period, note.section, note.text, target.value, change_set_id)
    return len(moved)


def move(connection: Connection, revision_ids: Sequence[int], step: Step, change_set_id: int) -> int:
    """Append a revision at the next stage for each figure; every one must be current and at the right stage."""
    source, target = step.source, step.target
    current = current_observations(connection, view=WORKING)
    chosen = current[current["revision_id"].isin(list(revision_ids))]
    if len(chosen) != len(set(revision_ids)):
        raise WorkflowError("one or more figures have changed since the page was loaded; reload it and try again.")
    wrong = chosen[chosen["status"] != source.value]
    if not wrong.empty:
        raise WorkflowError(f"only figures at the '{source.value}' stage can be moved to '{target.value}'.")
    for row in chosen.to_dict(orient="records"):
        connection.execute(
            insert(observation_revision).values(
                **{name: row[name] for name in KEY if name not in ("period_start", "period_end")},
                period_start=pd.Timestamp(row["period_start"]).date(),
                period_end=pd.Timestamp(row["period_end"]).date(),
                period_label=row["period_label"],
                **{name: None if pd.isna(row[name]) else float(row[name]) for name in NUMBERS},
                **{name: bool(row[name]) for name in FLAGS},
                **{name: row[name] for name in TEXTS},
                ref=row["ref"],
                status=target.value,
                change_set_id=change_set_id,
                supersedes_id=int(row["revision_id"]),
            )
        )
    return len(chosen)
