"""Observations: reading current values, planning a batch of changes and writing revisions.

A batch is a DataFrame with BATCH_COLUMNS. Planning compares it with the current values
(the newest revision of each observation) and splits it into new, changed and unchanged
rows, so that re-importing a file is a no-op and a changed value is a new revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Select, String, cast, func, select, text

from thrive.framework import Observation, ObservationFlag, Period, PeriodKind
from thrive.framework.observation import BATCH_COLUMNS, FLAGS, KEY, NUMBERS, TEXTS
from thrive.store.bulk import bulk_insert
from thrive.store.schema import area, change_set, observation_revision, series

COMPARED = NUMBERS + FLAGS + TEXTS
REVISION_COLUMNS = [*KEY, "change_set_id", "supersedes_id", "period_label", *NUMBERS, *FLAGS, *TEXTS, "ref", "status"]
PUBLISHED = "published"
WORKING = "working"
"""The two views of the figures: what the public sees (newest published revision) and what
officers work on (newest revision of any status: draft, in review or published)."""
WITHDRAWN = "withdrawn"
"""A revision that takes a figure back (a shipped figure whose period the dataset now reads
differently): the figure is no longer current in either view, and its history stays."""


@dataclass(frozen=True)
class ObservationPlan:
    new: pd.DataFrame
    changed: pd.DataFrame
    unchanged: int
    kept: int

    @property
    def is_empty(self) -> bool:
        return self.new.empty and self.changed.empty


FIGURE_COLUMNS = [
    "revision_id",
    *KEY,
    "period_label",
    *NUMBERS,
    *FLAGS,
    *TEXTS,
    "ref",
    "status",
    "change_kind",
    "changed_at",
]
"""The columns of a frame of current figures (current_observations)."""


def current_observations(
    connection: Connection, series_ids: Sequence[str] | None = None, view: str = WORKING
) -> pd.DataFrame:
    """The newest revision of each observation in a view, with the kind of change that made it.

    Without `series_ids`, every Road Map series; an indicator's own figures are read by naming it.
    """
    return _newest_revisions(connection, _newest_per_key(series_ids, view), keep_withdrawn=False)


def published_changes_since(connection: Connection, version: int) -> pd.DataFrame:
    """The Road Map figures whose published state changed after change set `version`: each one's
    newest published revision since then, or its withdrawal (status WITHDRAWN), so that a reader
    holding the published figures as of `version` can bring them up to date without reading them all."""
    revision = observation_revision
    since = pd.DataFrame(
        connection.execute(
            select(revision.c.id, *(revision.c[name] for name in KEY)).where(
                revision.c.change_set_id > version, revision.c.status.in_([PUBLISHED, WITHDRAWN])
            )
        ).all(),
        columns=["id", *KEY],
    )
    if len(since) > MANY_CHANGES:
        latest = _newest_per_key(None, PUBLISHED).where(revision.c.change_set_id > version)
        return _newest_revisions(connection, latest, keep_withdrawn=True)
    road_map = set(connection.execute(select(series.c.id).where(series.c.measure_id.is_not(None))).scalars())
    newest = since[since["series_id"].isin(road_map)].groupby(KEY, sort=False)["id"].max()
    return _newest_revisions(connection, [int(i) for i in newest], keep_withdrawn=True)


MANY_CHANGES = 5000
"""Past this many revisions since the version, published_changes_since asks the database to pick the
newest of each figure (one statement, however many); below it, it reads them by the change-set index
(only that filter reaches SQL, so no planner can prefer a walk of the whole key index) and picks here."""


def brought_up_to_date(current: pd.DataFrame, changes: pd.DataFrame) -> pd.DataFrame:
    """`current` (from current_observations, PUBLISHED) with `changes` (from published_changes_since)
    applied: each changed figure replaced, each withdrawn one gone. Only the changed series' rows are
    compared key by key, so a publication of one figure costs little however many are held."""
    if changes.empty:
        return current
    touched = current["series_id"].isin(changes["series_id"].unique())
    candidates = current[touched]
    replaced = pd.MultiIndex.from_frame(candidates[KEY]).isin(pd.MultiIndex.from_frame(changes[KEY]))
    kept = current.drop(index=candidates.index[replaced])
    added = changes[changes["status"] != WITHDRAWN]
    if not current.empty:
        added = added.astype(current.dtypes.to_dict())
    return pd.concat([kept, added], ignore_index=True)


def _newest_per_key(series_ids: Sequence[str] | None, view: str) -> Select[Any]:
    revision = observation_revision
    latest = select(func.max(revision.c.id)).group_by(*(revision.c[name] for name in KEY))
    if series_ids is not None:
        latest = latest.where(revision.c.series_id.in_(list(series_ids)))
    else:
        road_map = select(series.c.id).where(series.c.measure_id.is_not(None))
        latest = latest.where(revision.c.series_id.in_(road_map))
    if view == PUBLISHED:
        latest = latest.where(revision.c.status.in_([PUBLISHED, WITHDRAWN]))
    return latest


def _newest_revisions(connection: Connection, latest: Select[Any] | list[int], keep_withdrawn: bool) -> pd.DataFrame:
    """The revisions `latest` selects (a statement giving their ids, or the ids), as a frame."""
    revision = observation_revision
    query = (
        select(
            revision.c.id.label("revision_id"),
            *(revision.c[name] for name in ["series_id", "area_code", "period_kind"]),
            cast(revision.c.period_start, String).label("period_start"),
            cast(revision.c.period_end, String).label("period_end"),
            *(revision.c[name] for name in ["period_label", *NUMBERS, *FLAGS, *TEXTS, "ref", "status"]),
            change_set.c.kind.label("change_kind"),
            change_set.c.created_at.label("changed_at"),
        )
        .join(change_set, change_set.c.id == revision.c.change_set_id)
        .where(revision.c.id.in_(latest if isinstance(latest, list) else latest.scalar_subquery()))
    )
    if not keep_withdrawn:
        query = query.where(revision.c.status != WITHDRAWN)
    frame = pd.DataFrame(connection.execute(query).all(), columns=FIGURE_COLUMNS)
    for name in NUMBERS:
        frame[name] = pd.to_numeric(frame[name]).astype(float)
    for name in FLAGS:
        frame[name] = frame[name].astype(bool)
    return frame


def _differs(left: pd.DataFrame, right: pd.DataFrame) -> np.ndarray:
    """Row by row, whether any compared field differs.

    Numbers count as equal within one part in 10^12: spreadsheets keep 15 significant
    digits, so a figure exported to XLSX and imported again must not become a revision.
    """
    differs = np.zeros(len(left), dtype=bool)
    for name in NUMBERS:
        a = left[name].to_numpy(dtype=float)
        b = right[name].to_numpy(dtype=float)
        differs |= ~np.isclose(a, b, rtol=1e-12, atol=0.0, equal_nan=True)
    for name in FLAGS + TEXTS:
        a = left[name].to_numpy()
        b = right[name].to_numpy()
        differs |= ~((a == b) | (pd.isna(a) & pd.isna(b)))
    return differs


def plan_observations(
    connection: Connection, batch: pd.DataFrame, *, only_over_kind: str | None = None
) -> ObservationPlan:
    """Split a batch into new, changed and unchanged rows against what is stored now.

    With `only_over_kind`, rows whose current value came from another kind of change are
    kept as they are (a dataset refresh never overwrites an officer's newer figure).
    """
    series_ids = batch["series_id"].unique().tolist()
    current = current_observations(connection, series_ids)
    merged = batch.merge(current, on=KEY, how="left", suffixes=("", "_before"), validate="one_to_one")
    exists = merged["revision_id"].notna().to_numpy()
    before = merged[[f"{name}_before" for name in COMPARED]].set_axis(COMPARED, axis=1)
    differs = _differs(merged[COMPARED], before)
    protected = np.zeros(len(merged), dtype=bool)
    if only_over_kind is not None:
        protected = exists & (merged["change_kind"] != only_over_kind).to_numpy()
    changed_mask = exists & differs & ~protected
    return ObservationPlan(
        new=merged.loc[~exists, BATCH_COLUMNS].reset_index(drop=True),
        changed=merged.loc[changed_mask].reset_index(drop=True),
        unchanged=int((exists & ~differs).sum()),
        kept=int((exists & differs & protected).sum()),
    )


def withdrawal_plan(current: pd.DataFrame, keep: pd.DataFrame) -> ObservationPlan:
    """Revisions that take back the `current` figures whose key is not among `keep`'s."""
    gone = current.merge(keep[KEY], on=KEY, how="left", indicator=True)
    gone = gone[gone["_merge"] == "left_only"].drop(columns="_merge").reset_index(drop=True)
    return ObservationPlan(new=gone.iloc[0:0][BATCH_COLUMNS], changed=gone, unchanged=0, kept=0)


class UnknownReferenceError(ValueError):
    """A batch names a series or area that is not (or no longer) in the store."""


def check_references(connection: Connection, batch: pd.DataFrame) -> None:
    """What the foreign keys would check, once per distinct value instead of once per row."""
    wanted_series = set(batch["series_id"].unique().tolist())
    wanted_areas = set(batch["area_code"].unique().tolist())
    known_series = set(connection.execute(select(series.c.id).where(series.c.id.in_(wanted_series))).scalars())
    known_areas = set(connection.execute(select(area.c.code).where(area.c.code.in_(wanted_areas))).scalars())
    missing = sorted(wanted_series - known_series) + sorted(wanted_areas - known_areas)
    if missing:
        raise UnknownReferenceError(f"not in the store: {', '.join(missing)}")


STATISTICS_AFTER = 10_000
"""Figures written by one import past which PostgreSQL's planner statistics for them are refreshed at once."""


def refresh_statistics(connection: Connection, written: int) -> None:
    """After a large import, ANALYZE the figures' table on PostgreSQL, inside the import's transaction.

    PostgreSQL plans from statistics that autovacuum refreshes only some time after a bulk load; until
    then it took the million figures of the scale benchmark for a small table and answered "what was
    published since version N" with a scan of all of them (164 ms) rather than the change-set index
    (0.04 ms), on every first request after a publication, and planned the import's own assessment run
    as badly. SQLite's planner needs no statistics for these lookups."""
    if connection.dialect.name == "postgresql" and written >= STATISTICS_AFTER:
        connection.execute(text(f"ANALYZE {observation_revision.name}"))


def apply_observation_plan(
    connection: Connection, plan: ObservationPlan, change_set_id: int, status: str = PUBLISHED
) -> None:
    """Write the plan inside the caller's (locked) write transaction: one new revision per row.

    Imports by the Business Intelligence Unit publish at once; figures entered on the web start
    as drafts and are published through review (thrive.store.workflow). An empty plan writes nothing
    (a deprivation release whose summary changed but whose Road Map figure did not has one).
    """
    if plan.is_empty:
        return
    parts = [
        plan.new.assign(supersedes_id=pd.array([None] * len(plan.new), dtype="Int64")),
        plan.changed.assign(supersedes_id=plan.changed["revision_id"].astype("Int64")),
    ]
    revisions = pd.concat([part for part in parts if not part.empty], ignore_index=True)
    revisions = revisions.assign(change_set_id=change_set_id, status=status)
    bulk_insert(connection, observation_revision, revisions, REVISION_COLUMNS)


def batch_from_observations(observations: Sequence[Observation]) -> pd.DataFrame:
    """Domain observations as a batch frame, for the same revision path as an import."""
    records = [
        {
            "series_id": o.series_id,
            "area_code": o.area_code,
            "period_kind": o.period.kind.value,
            "period_start": o.period.start.isoformat(),
            "period_end": o.period.end.isoformat(),
            "period_label": o.period.label,
            "value": o.value,
            "numerator": o.numerator,
            "denominator": o.denominator,
            "lower_ci": o.lower_ci,
            "upper_ci": o.upper_ci,
            **{flag: ObservationFlag(flag) in o.flags for flag in FLAGS},
            "source": o.source,
            "note": o.note,
            "ref": o.ref,
        }
        for o in observations
    ]
    frame = pd.DataFrame.from_records(records, columns=BATCH_COLUMNS)
    for name in NUMBERS:
        frame[name] = frame[name].astype(float)
    return frame


def observations_from_frame(frame: pd.DataFrame) -> list[Observation]:
    """Current observations as domain objects, for evaluation (which never touches the database)."""
    out = []
    for row in frame.to_dict(orient="records"):
        numbers = {name: None if pd.isna(row[name]) else float(row[name]) for name in NUMBERS}
        out.append(
            Observation(
                series_id=str(row["series_id"]),
                area_code=str(row["area_code"]),
                period=Period(
                    date.fromisoformat(str(row["period_start"])),
                    date.fromisoformat(str(row["period_end"])),
                    PeriodKind(row["period_kind"]),
                    str(row["period_label"]),
                ),
                flags=frozenset(ObservationFlag(flag) for flag in FLAGS if row[flag]),
                source=_text(row["source"]),
                note=_text(row["note"]),
                ref=_text(row["ref"]),
                **numbers,
            )
        )
    return out


def _text(value: object) -> str | None:
    """Stored text, or None: pandas reads a missing text as NaN, which must never reach a sentence as "nan"."""
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else str(value)
