"""Where a report's figures come from: one dated assessment run, and the words and names around it.

The figures, targets and judgements are the run's own (its stored snapshot and results), so
a report made again from the same run says the same thing whatever has changed since. The
Road Map's descriptive text (priority names, definitions, sources, owners) and officers'
commentary come from the store; commentary is taken as it stood at the run's data version.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine

from thrive.framework import Measure, Observation, RoadMap
from thrive.reports.errors import ReportError
from thrive.services.assessment_runs import make_run
from thrive.store.assessments import AssessmentRun, earlier_runs, fresh_run, load_run
from thrive.store.commentary import Commentary, commentary_at
from thrive.store.database import read_connection
from thrive.store.framework_store import read_roadmap
from thrive.store.observations import PUBLISHED, WORKING
from thrive.store.snapshot import from_snapshot


@dataclass(frozen=True)
class ReportSource:
    """Everything a report reads, gathered once."""

    run: AssessmentRun
    roadmap: RoadMap
    """The Road Map as the run saw it: measures, targets and areas from its snapshot."""
    observations: tuple[Observation, ...]
    metadata: RoadMap
    """The store's Road Map: priorities, partnership groups, definitions, sources and notes."""
    commentary: tuple[Commentary, ...]
    draft: bool

    def described(self, measure_id: str) -> Measure | None:
        """The store's fuller description of a measure the run assessed (None if it has since gone)."""
        return next((m for m in self.metadata.measures if m.id == measure_id), None)


def view_for(draft: bool) -> str:
    return WORKING if draft else PUBLISHED


def choose_run(engine: Engine, run_id: int | None, *, draft: bool, actor: str) -> AssessmentRun:
    """The run a report is made from.

    With `run_id`, that run. Otherwise the newest run of the report's view (published, or
    working for a draft); if there is none, or figures or commentary have changed since it
    was made, a new run is made first (a command's own action: pages never make runs), so a
    report never shows judgements on figures that have since been replaced.
    """
    view = view_for(draft)
    with read_connection(engine) as connection:
        if run_id is not None:
            run = load_run(connection, run_id)
            if run is None:
                raise ReportError(f"There is no assessment run {run_id}. Run 'thrive assess' to see the newest run.")
            if run.view != PUBLISHED and not draft:
                raise ReportError(
                    f"Assessment run {run_id} includes figures that are not published yet. "
                    "Add --draft to make a draft report from it, or choose a run of the published figures."
                )
            return run
        fresh = fresh_run(connection, view)
    return fresh or make_run(engine, actor=actor, view=view)


def previous_run(engine: Engine, current: AssessmentRun, made_by: datetime) -> AssessmentRun | None:
    """The newest run of the same view made on or before `made_by` (and before `current`)."""
    with read_connection(engine) as connection:
        for run_id, created in earlier_runs(connection, current.view, current.id):
            if created <= made_by:
                return load_run(connection, run_id)
    return None


def open_source(engine: Engine, run: AssessmentRun, *, draft: bool) -> ReportSource:
    roadmap, observations = from_snapshot(run.judged_inputs())
    with read_connection(engine) as connection:
        metadata = read_roadmap(connection)
        commentary = commentary_at(connection, run.data_version, published_only=not draft)
    return ReportSource(run, roadmap, tuple(observations), metadata, tuple(commentary), draft)
