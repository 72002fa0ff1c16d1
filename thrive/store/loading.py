"""Load a shipped dataset into the store, as `thrive init` does.

It is safe to run again and again: unchanged figures are skipped, and a figure someone
has since revised by hand or by import is never overwritten by the shipped one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from thrive.framework.dataset import Dataset
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import write_transaction
from thrive.store.framework_store import sync_framework
from thrive.store.indicators import sync_links
from thrive.store.observations import (
    WITHDRAWN,
    WORKING,
    apply_observation_plan,
    batch_from_observations,
    current_observations,
    plan_observations,
    withdrawal_plan,
)
from thrive.store.poverty import load_published_band_tables
from thrive.store.search import rebuild_search_index
from thrive.store.targets import apply_target_changes, plan_targets


@dataclass(frozen=True)
class LoadSummary:
    observations_added: int
    observations_revised: int
    observations_kept: int
    targets_revised: int
    observations_withdrawn: int = 0


def load_dataset_into_store(engine: Engine, dataset: Dataset, actor: str) -> LoadSummary:
    with write_transaction(engine) as connection:
        sync_framework(connection, dataset)
        sync_links(connection, dataset.roadmap.links)
        targets = plan_targets(connection, dataset.roadmap.targets, only_over_kind=ChangeKind.DATASET)
        batch = batch_from_observations(dataset.observations)
        plan = plan_observations(connection, batch, only_over_kind=ChangeKind.DATASET)
        shipped = current_observations(connection, [s.id for s in dataset.roadmap.all_series()], view=WORKING)
        withdrawn = withdrawal_plan(shipped[shipped["change_kind"] == ChangeKind.DATASET], batch)
        if not withdrawn.is_empty:
            # A figure the dataset now dates differently (a school year printed '2019' is 2018/19):
            # the old reading is taken back, the new one added, and both stay in the history.
            change_set_id = record_change_set(
                connection,
                ChangeSet(
                    actor=actor,
                    reason="Withdrawn: the shipped dataset no longer holds this figure for this period",
                    kind=ChangeKind.DATASET,
                    source=f"thrive/datasets/{dataset.name}",
                ),
            )
            apply_observation_plan(connection, withdrawn, change_set_id, status=WITHDRAWN)
        if targets or not plan.is_empty:
            change_set_id = record_change_set(
                connection,
                ChangeSet(
                    actor=actor,
                    reason=f"Loaded the shipped dataset '{dataset.name}'",
                    kind=ChangeKind.DATASET,
                    source=f"thrive/datasets/{dataset.name}",
                ),
            )
            apply_target_changes(connection, targets, change_set_id)
            apply_observation_plan(connection, plan, change_set_id)
        load_published_band_tables(connection, dataset, actor)
        rebuild_search_index(connection, dataset)
    return LoadSummary(len(plan.new), len(plan.changed), plan.kept, len(targets), len(withdrawn.changed))
