"""Publishing a poverty model run: its protected figures and the Road Map's destitution figure, together.

The run's figures and the headline observation ("% of households in destitution") are written
in one transaction under one change set, so the Road Map figure and the tables behind it always
agree and the revision says who ran what, from which file, and why. The published assessment
run is made in the same transaction, because the destitution figure is published at once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import Engine

from thrive.data.poverty_lines import load_line_table
from thrive.framework.access import User
from thrive.framework.area import LUTON
from thrive.framework.observation import Observation, ObservationFlag
from thrive.framework.period import parse_period
from thrive.poverty.run import ModelRun
from thrive.services.assessment_runs import keep_published_run
from thrive.services.rights import Right, require
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import write_transaction
from thrive.store.observations import apply_observation_plan, batch_from_observations, plan_observations
from thrive.store.poverty import MODEL_KIND, insert_poverty_figures, insert_poverty_run

HEADLINE_SERIES = "destitution"
SYNTHETIC_NOTE = "SYNTHETIC test data, not an official figure."


@dataclass(frozen=True)
class Publication:
    run_id: int
    change_set_id: int
    headline: dict[int, float]


def publish_model_run(
    engine: Engine, user: User, run: ModelRun, *, source: str, synthetic: bool, reason: str
) -> Publication:
    require(user, Right.REVIEW)
    title = f"Model run for {_years(run.years)}" + (" (synthetic data)" if synthetic else "")
    with write_transaction(engine) as connection:
        change_set_id = record_change_set(
            connection,
            ChangeSet(user.email, reason or f"Published a {title.lower()}", ChangeKind.MODEL, source),
        )
        run_id = insert_poverty_run(
            connection,
            change_set_id,
            kind=MODEL_KIND,
            years=run.years,
            title=title,
            source=source,
            synthetic=synthetic,
            line_set=run.line_set,
            disclosure=asdict(run.rules),
        )
        insert_poverty_figures(connection, run_id, list(run.figures))
        headline = {year: share[0] for year in run.years if (share := run.destitution_share(year)) is not None}
        observations = [_headline(run, run_id, year, source, synthetic) for year in headline]
        if observations:  # none when disclosure control hid band E or the total in every year
            plan = plan_observations(connection, batch_from_observations(observations))
            apply_observation_plan(connection, plan, change_set_id)
        keep_published_run(connection, actor=user.email)
    return Publication(run_id, change_set_id, headline)


def _headline(run: ModelRun, run_id: int, year: int, source: str, synthetic: bool) -> Observation:
    lines_title = next(s.title for s in load_line_table().sets if s.id == run.line_set)
    share = run.destitution_share(year)
    assert share is not None
    value, destitute, everyone = share
    note = (
        f"April {year} estimate from poverty model run {run_id}: households in band E over all "
        "classified households, both after disclosure control."
    )
    return Observation(
        series_id=HEADLINE_SERIES,
        area_code=LUTON,
        period=parse_period(str(year)),
        value=value,
        numerator=destitute,
        denominator=everyone,
        flags=frozenset({ObservationFlag.ESTIMATED}),
        source=f"Thrive poverty model run {run_id}{f' ({source})' if source else ''}, band lines: {lines_title}",
        note=f"{SYNTHETIC_NOTE} {note}" if synthetic else note,
    )


def _years(years: tuple[int, ...]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]} to {years[-1]}"
