"""Assessment runs from end to end: read the store, evaluate, keep the run with its inputs.

Evaluation itself (thrive.assess) never reads the database; this module is the one place that
hands it the figures and keeps what it said.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy import Engine

from thrive.assess import MeasureAssessment, assess_roadmap
from thrive.assess.roadmap import usable_as_of
from thrive.assess.rules import AssessmentRules
from thrive.data.rules import load_rules
from thrive.store.assessments import StoredRun, data_version, load_run, save_run
from thrive.store.database import read_connection, write_transaction
from thrive.store.framework_store import read_roadmap
from thrive.store.observations import WORKING, current_observations, observations_from_frame
from thrive.store.snapshot import from_snapshot, snapshot


def make_run(
    engine: Engine,
    *,
    actor: str,
    as_of: date | None = None,
    measure_ids: list[str] | None = None,
    rules: AssessmentRules | None = None,
    view: str = WORKING,
) -> StoredRun:
    """Assess the Road Map with the figures the store holds now, and keep the run.

    With `as_of`, only figures for periods that had ended by that date are used. A run is
    never changed afterwards: a figure added later changes only the runs made after it.
    `view` is WORKING (every figure, drafts included: what officers see) or PUBLISHED (what
    the public pages show).
    """
    rules = rules or load_rules()
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
        observations = usable_as_of(observations_from_frame(current_observations(connection, view=view)), as_of)
        version = data_version(connection)
    results = assess_roadmap(roadmap, observations, rules, as_of=as_of, measure_ids=measure_ids)
    with write_transaction(engine) as connection:
        run_id = save_run(
            connection,
            actor=actor,
            as_of=as_of,
            view=view,
            version=version,
            rules=asdict(rules),
            inputs=snapshot(roadmap, observations),
            results=[r.to_dict() for r in results],
        )
        stored = load_run(connection, run_id)
    assert stored is not None
    return stored


def replay(run: StoredRun) -> list[MeasureAssessment]:
    """Assess again from a run's stored inputs and rules: the same judgements, whatever has changed since."""
    roadmap, observations = from_snapshot(run.inputs)
    return assess_roadmap(roadmap, observations, AssessmentRules(**run.rules), as_of=run.as_of)
