"""Assessment runs from end to end: read the store, evaluate, keep the run with its inputs.

Evaluation itself (thrive.assess) never reads the database; this module is the one place that
hands it the figures and keeps what it said. A run of the published figures is made by the
use-case that publishes them (review, import, poverty publication, `thrive init`), inside its
transaction, so no page request ever has to make one.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from sqlalchemy import Connection, Engine

from thrive.assess import MeasureAssessment, assess_roadmap
from thrive.assess.roadmap import usable_as_of
from thrive.assess.rules import AssessmentRules
from thrive.data.rules import load_rules
from thrive.store.assessments import AssessmentRun, fresh_run, load_run, save_run, version_of
from thrive.store.database import write_transaction
from thrive.store.framework_store import read_roadmap
from thrive.store.observations import PUBLISHED, WORKING, current_observations, observations_from_frame
from thrive.store.snapshot import from_snapshot, snapshot


def make_run(
    engine: Engine,
    *,
    actor: str,
    as_of: date | None = None,
    measure_ids: list[str] | None = None,
    rules: AssessmentRules | None = None,
    view: str = WORKING,
) -> AssessmentRun:
    """Assess the Road Map with the figures the store holds now, and keep the run.

    With `as_of`, only figures for periods that had ended by that date are used. A run is
    never changed afterwards: a figure added later changes only the runs made after it.
    `view` is WORKING (every figure, drafts included: what officers see) or PUBLISHED (what
    the public pages show).
    """
    with write_transaction(engine) as connection:
        return _assess_and_keep(connection, actor, view, as_of, measure_ids, rules or load_rules())


def keep_published_run(connection: Connection, *, actor: str) -> AssessmentRun:
    """The newest run of the published figures, made now if published figures, targets or commentary
    have changed since it was made: the last step of every use-case that publishes."""
    return fresh_run(connection, PUBLISHED, with_inputs=False) or _assess_and_keep(
        connection, actor, PUBLISHED, None, None, load_rules(), with_inputs=False
    )


def publish_run(engine: Engine, *, actor: str) -> AssessmentRun:
    """keep_published_run in a transaction of its own, for a use-case whose writes have already committed."""
    with write_transaction(engine) as connection:
        return keep_published_run(connection, actor=actor)


def _assess_and_keep(
    connection: Connection,
    actor: str,
    view: str,
    as_of: date | None,
    measure_ids: list[str] | None,
    rules: AssessmentRules,
    *,
    with_inputs: bool = True,
) -> AssessmentRun:
    """Assess inside the caller's write transaction, so the run sees the figures that transaction wrote.
    The run comes back as stored, with its inputs if asked (a report needs them; a publication does not)."""
    roadmap = read_roadmap(connection)
    observations = usable_as_of(observations_from_frame(current_observations(connection, view=view)), as_of)
    results = assess_roadmap(roadmap, observations, rules, as_of=as_of, measure_ids=measure_ids)
    run_id = save_run(
        connection,
        actor=actor,
        as_of=as_of,
        view=view,
        version=version_of(connection, view),
        rules=asdict(rules),
        inputs=snapshot(roadmap, observations),
        results=[r.to_dict() for r in results],
    )
    stored = load_run(connection, run_id, with_inputs=with_inputs)
    assert stored is not None
    return stored


def replay(run: AssessmentRun) -> list[MeasureAssessment]:
    """Assess again from a run's stored inputs and rules: the same judgements, whatever has changed since."""
    roadmap, observations = from_snapshot(run.judged_inputs())
    return assess_roadmap(roadmap, observations, AssessmentRules(**run.rules), as_of=run.as_of)
