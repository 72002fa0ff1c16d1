"""Load a shipped dataset into the store, as `thrive init` does.

It is safe to run again and again: unchanged figures are skipped, and a figure someone
has since revised by hand or by import is never overwritten by the shipped one.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from thrive.framework.dataset import Dataset
from thrive.store.changes import ChangeSet, record_change_set
from thrive.store.database import write_transaction
from thrive.store.framework_store import sync_framework
from thrive.store.observations import apply_observation_plan, batch_from_observations, plan_observations
from thrive.store.poverty import load_published_band_tables
from thrive.store.targets import apply_target_changes, plan_targets

DATASET_KIND = "dataset"


@dataclass(frozen=True)
class LoadSummary:
    observations_added: int
    observations_revised: int
    observations_kept: int
    targets_revised: int


def load_dataset_into_store(engine: Engine, dataset: Dataset, actor: str) -> LoadSummary:
    with write_transaction(engine) as connection:
        sync_framework(connection, dataset)
        targets = plan_targets(connection, dataset.roadmap.targets, only_over_kind=DATASET_KIND)
        plan = plan_observations(connection, batch_from_observations(dataset.observations), only_over_kind=DATASET_KIND)
        if targets or not plan.is_empty:
            change_set_id = record_change_set(
                connection,
                ChangeSet(
                    actor=actor,
                    reason=f"Loaded the shipped dataset '{dataset.name}'",
                    kind=DATASET_KIND,
                    source=f"thrive/datasets/{dataset.name}",
                ),
            )
            apply_target_changes(connection, targets, change_set_id)
            apply_observation_plan(connection, plan, change_set_id)
        load_published_band_tables(connection, dataset, actor)
    return LoadSummary(len(plan.new), len(plan.changed), plan.kept, len(targets))
