"""Official figures for the Road Map: extend each exactly-linked series with its official history.

Runs inside the caller's write transaction, after an official file's indicator figures are
stored. For every exact link (indicator_links.yaml) whose indicator the file holds:

- a period and area the Road Map series does not hold yet gets the official figure, with its
  source and row, in a change set of kind `official`;
- a figure that came from an earlier official load is revised if the publisher revised it;
- a figure the council published (the shipped dataset) is left alone where the official one
  agrees to the council's rounding; where they differ, the link's decision says which stands,
  and an official figure that stands is a new revision whose reason is the decision;
- a figure an officer entered or imported is never touched.

Proxies and context indicators never reach the Road Map series: pages show them beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sqlalchemy import Connection

from thrive.data.dataset import shipped_links
from thrive.framework.observation import BATCH_COLUMNS, KEY
from thrive.framework.reconciliation import Prefer, Reconciliation, agrees
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.indicators import indicator_title, series_ids
from thrive.store.observations import (
    PUBLISHED,
    WORKING,
    ObservationPlan,
    apply_observation_plan,
    current_observations,
    plan_observations,
)


def reconcile_official_figures(
    connection: Connection, indicator_ids: Sequence[str], *, actor: str, source: str | None = None
) -> int:
    """Bring the exactly-linked Road Map series up to date with these indicators; the figures written."""
    _, decisions = shipped_links()
    known = series_ids(connection)
    written = 0
    for decision in decisions:
        if decision.indicator_id in indicator_ids and decision.series_id in known:
            written += _reconcile(connection, decision, actor=actor, source=source)
    return written


def _reconcile(connection: Connection, decision: Reconciliation, *, actor: str, source: str | None) -> int:
    official = current_observations(connection, [decision.indicator_id], view=PUBLISHED)
    official = official[official["value"].notna()]
    if official.empty:
        return 0
    batch = official.assign(series_id=decision.series_id)[BATCH_COLUMNS].reset_index(drop=True)
    held = current_observations(connection, [decision.series_id], view=WORKING)
    merged = batch.merge(held, on=KEY, how="left", suffixes=("", "_held"))
    council = (merged["change_kind"] == ChangeKind.DATASET).to_numpy() & merged["value_held"].notna().to_numpy()

    replace = np.zeros(len(merged), dtype=bool)
    reasons = np.full(len(merged), "", dtype=object)
    for i in np.flatnonzero(council):
        row = merged.iloc[i]
        if agrees(float(row["value_held"]), float(row["value"])):
            continue
        prefer, why = decision.decision(str(row["area_code"]), str(row["period_label_held"]))
        if prefer is Prefer.OFFICIAL:
            replace[i] = True
            reasons[i] = why
    written = 0
    copies = plan_observations(connection, batch[~replace], only_over_kind=ChangeKind.OFFICIAL)
    if not copies.is_empty:
        title = indicator_title(connection, decision.indicator_id)
        written += _write(connection, copies, actor, f"Official figures: {title}", source)
    for why in sorted(set(reasons[replace].tolist())):
        chosen = batch[replace & (reasons == why)]
        # The council's printed label stays: it is how the Progress Report names the period.
        chosen = chosen.assign(period_label=merged.loc[replace & (reasons == why), "period_label_held"].to_numpy())
        plan = plan_observations(connection, chosen.reset_index(drop=True))
        if not plan.is_empty:
            written += _write(connection, plan, actor, why, source)
    return written


def _write(connection: Connection, plan: ObservationPlan, actor: str, reason: str, source: str | None) -> int:
    change_set_id = record_change_set(
        connection, ChangeSet(actor=actor, reason=reason, kind=ChangeKind.OFFICIAL, source=source)
    )
    apply_observation_plan(connection, plan, change_set_id)
    return len(plan.new) + len(plan.changed)
