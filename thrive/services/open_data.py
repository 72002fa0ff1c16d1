"""Load the open data Thrive ships, as `thrive init` does: safe to run again and again.

Each official file goes through the same import as `thrive import --format ons|dfe` (unchanged
figures are skipped, revised ones become revisions); then the neighbour models, the Road Map's
links to indicators, both Indices of Deprivation releases, a first Thriving People Index run
if there is none yet, and one assessment run of the published figures at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from sqlalchemy import Engine

from thrive.data.dataset import shipped_links
from thrive.data.index_framework import shipped_framework_path
from thrive.data.neighbours import read_model
from thrive.data.open_data import Manifest, shipped_manifest
from thrive.data.problems import Problem
from thrive.services.assessment_runs import publish_run
from thrive.services.deprivation_imports import DeprivationImport, import_deprivation
from thrive.services.imports import ImportFormat, ImportOptions, ImportResult, Progress, import_file
from thrive.services.index_runs import compute_and_store
from thrive.store.database import read_connection, write_transaction
from thrive.store.framework_store import add_areas, area_codes
from thrive.store.index_runs import latest_index_run
from thrive.store.indicators import sync_links
from thrive.store.neighbours import read_comparator_models, sync_comparator_models

REASON = "Loaded the open data shipped with Thrive"
INDEX_DRAWS = 1000


class Steps(Protocol):
    """How a caller hears which step is running (the CLI draws a progress bar)."""

    def step(self, description: str) -> Progress: ...


@dataclass
class OpenDataLoad:
    files: list[ImportResult] = field(default_factory=list)
    neighbour_models: int = 0
    links: int = 0
    deprivation: list[DeprivationImport] = field(default_factory=list)
    index_run: int | None = None

    @property
    def problems(self) -> list[Problem]:
        found = [p for r in self.files for p in r.problems]
        return found + [p for r in self.deprivation for p in r.problems]

    @property
    def figures_added(self) -> int:
        return sum(r.added for r in self.files)


def load_open_data(engine: Engine, steps: Steps, *, actor: str, manifest: Manifest | None = None) -> OpenDataLoad:
    manifest = manifest or shipped_manifest()
    done = OpenDataLoad()
    for shipped in manifest.files:
        options = ImportOptions(ImportFormat(shipped.format), actor=actor, reason=REASON, assess=False)
        done.files.append(
            import_file(engine, shipped.path, options, steps.step(f"Official statistics: {shipped.path.name}"))
        )
    steps.step("Neighbour models and links to the Road Map")
    done.neighbour_models, done.links = _neighbours_and_links(engine, manifest)
    for release in manifest.deprivation:
        steps.step(f"Indices of Deprivation {release.release}")
        done.deprivation.append(
            import_deprivation(engine, list(release.paths), release.release, actor=actor, reason=REASON, assess=False)
        )
    with read_connection(engine) as connection:
        has_run = latest_index_run(connection) is not None
    if not has_run:
        steps.step("Thriving People Index")
        done.index_run = compute_and_store(
            engine, shipped_framework_path(), draws=INDEX_DRAWS, actor=actor, reason=REASON
        ).run_id
    publish_run(engine, actor=actor)
    return done


def _neighbours_and_links(engine: Engine, manifest: Manifest) -> tuple[int, int]:
    """Models whose lists changed are replaced; areas a DfE list names are added with its names."""
    read = [(spec, read_model(spec)) for spec in manifest.neighbours]
    with write_transaction(engine) as connection:
        known = area_codes(connection)
        for _, found in read:
            known |= {a.code for a in add_areas(connection, found.areas)}
        stored = {m.code: m for models in read_comparator_models(connection).values() for m in models}
        changed = 0
        for spec, found in read:
            # Oflog's file names no areas, so only neighbours Thrive knows can be kept.
            lists = {
                code: kept
                for code, neighbours in found.model.neighbours.items()
                if code in known and (kept := tuple(n for n in neighbours if n in known))
            }
            model = replace(found.model, neighbours=lists)
            before = stored.get(model.code)
            if before is None or before != model or dict(before.neighbours) != lists:
                sync_comparator_models(connection, spec.group, [model])
                changed += 1
        links = sync_links(connection, shipped_links()[0])
    return changed, links
