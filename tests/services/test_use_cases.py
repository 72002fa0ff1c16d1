"""The write use-cases (thrive.services): rights checked before anything is written, one transaction,
one change set of a registered kind, and a published run made by whatever publishes (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import typer
from sqlalchemy import Engine, func, select

from tests.store.dump import dump
from thrive.benefits.awards import AwardOutcome, AwardPeriod
from thrive.benefits.calculator import Calculator
from thrive.benefits.household import Adult, Household
from thrive.benefits.tax_year import TaxYear
from thrive.cli.context import refusals
from thrive.framework.access import Role, User
from thrive.framework.publication import Stage, Step
from thrive.services.better_off_cases import record_outcome, save_case
from thrive.services.commentary import write_draft_commentary
from thrive.services.entering_results import preview, save_drafts
from thrive.services.errors import NotAllowed, NotFound, Problems, Stale
from thrive.services.review import Commentary, UnknownRevisions, review
from thrive.store.assessments import load_run, published_version
from thrive.store.changes import PUBLISHING, ChangeKind
from thrive.store.commentary import working_commentary
from thrive.store.database import read_connection
from thrive.store.framework_store import read_roadmap
from thrive.store.observations import PUBLISHED
from thrive.store.schema import assessment_run, change_set, observation_revision

ADMIN = User(id=1, email="admin@luton.gov.uk", role=Role.ADMIN, group_code=None)
ECONOMY = User(id=2, email="economy@luton.gov.uk", role=Role.EDITOR, group_code="inclusive-economy-board")
"""An editor of the Inclusive Economy Board, which owns weekly wages."""
HEALTH = User(id=3, email="health@luton.gov.uk", role=Role.EDITOR, group_code="health-equity-town-partnership")
VIEWER = User(id=4, email="viewer@luton.gov.uk", role=Role.VIEWER, group_code=None)
ADVISER = User(id=5, email="adviser@luton.gov.uk", role=Role.ADVISER, group_code=None)
REFUSAL = "You cannot change 'Average weekly wages': it belongs to another partnership group."


def wages(value: str = "650.5", period: str = "2024") -> pd.DataFrame:
    return pd.DataFrame([{"measure": "weekly-wages", "area": "E06000032", "period": period, "value": value}])


def kinds(engine: Engine) -> list[str]:
    with read_connection(engine) as connection:
        return list(connection.execute(select(change_set.c.kind).order_by(change_set.c.id)).scalars())


def runs(engine: Engine) -> int:
    with read_connection(engine) as connection:
        return int(connection.execute(select(func.count()).select_from(assessment_run)).scalar_one())


def wording(engine: Engine) -> str:
    with read_connection(engine) as connection:
        return read_roadmap(connection).measure("weekly-wages").wording


def test_change_kinds_keep_the_stored_words_and_name_the_publishing_ones() -> None:
    assert {kind.value for kind in ChangeKind} == {
        "dataset",
        "import",
        "official",
        "index",
        "model",
        "publication",
        "review",
        "entry",
        "commentary",
        "better-off",
    }
    assert {kind for kind in ChangeKind if kind.publishes} == PUBLISHING
    assert not any(k.publishes for k in (ChangeKind.ENTRY, ChangeKind.REVIEW, ChangeKind.BETTER_OFF))


def test_the_refusal_for_another_groups_measure_is_written_in_one_place() -> None:
    root = Path(__file__).parents[2] / "thrive"
    found = [p for p in root.rglob("*.py") if "belongs to another partnership group" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(root).as_posix() for p in found] == ["services/rights.py"]


def test_another_groups_editor_is_refused_before_anything_is_written(engine: Engine) -> None:
    before = dump(engine)
    with pytest.raises(NotAllowed) as refused:
        save_drafts(engine, HEALTH, wages(), "the test", "Not theirs")
    assert refused.value.message == REFUSAL.replace("Average weekly wages", wording(engine))
    with pytest.raises(NotAllowed):
        preview(engine, HEALTH, wages(), "the test")
    with pytest.raises(NotAllowed):
        save_drafts(engine, VIEWER, wages(), "the test", "A viewer")
    assert dump(engine) == before


def test_rows_with_problems_are_refused_with_every_problem_and_nothing_written(engine: Engine) -> None:
    before = dump(engine)
    frame = pd.concat([wages("9,9%"), wages("1", "someday")], ignore_index=True)
    with pytest.raises(Problems) as problems:
        save_drafts(engine, ECONOMY, frame, "the test", "Bad rows")
    assert {(p.row, p.column) for p in problems.value.problems} == {(2, "value"), (3, "period")}
    assert dump(engine) == before


def test_saving_drafts_is_one_change_set_of_kind_entry_and_makes_no_run(engine: Engine) -> None:
    kinds_before, runs_before = kinds(engine), runs(engine)
    with read_connection(engine) as connection:
        version = published_version(connection)
    entry = save_drafts(engine, ECONOMY, pd.concat([wages(), wages("660", "2025")]), "the test", "Two drafts")
    assert kinds(engine) == [*kinds_before, "entry"]
    assert runs(engine) == runs_before
    with read_connection(engine) as connection:
        written = connection.execute(
            select(observation_revision.c.id, observation_revision.c.status).where(
                observation_revision.c.change_set_id == entry.change_set_id
            )
        ).all()
        assert published_version(connection) == version, "a draft does not move the published version"
    assert sorted(i for i, _ in written) == list(entry.revision_ids)
    assert {status for _, status in written} == {Stage.DRAFT.value}
    again = save_drafts(engine, ECONOMY, pd.concat([wages(), wages("660", "2025")]), "the test", "Same again")
    assert again.change_set_id is None and kinds(engine) == [*kinds_before, "entry"]


def test_publishing_makes_the_published_run_in_the_same_use_case(engine: Engine) -> None:
    entry = save_drafts(engine, ECONOMY, wages(), "the test", "A draft")
    sent = review(engine, ECONOMY, Step.SUBMIT, entry.revision_ids, reason="For review")
    runs_before = runs(engine)
    assert sent.status is Stage.IN_REVIEW and runs_before == runs(engine)
    done = review(engine, ADMIN, Step.PUBLISH, sent.revision_ids, reason="Published")
    assert kinds(engine)[-2:] == ["review", "publication"]
    assert runs(engine) == runs_before + 1
    with read_connection(engine) as connection:
        run = load_run(connection, view=PUBLISHED)
        assert run is not None and run.data_version == done.change_set_id == published_version(connection)
        assert run.actor == ADMIN.email
    judged = next(item for item in run.results if item["measure"] == "weekly-wages")
    assert judged["series"][0]["progress"]["latest_period"] == "2024"


def test_only_a_reviewer_publishes_and_a_refusal_moves_nothing(engine: Engine) -> None:
    entry = save_drafts(engine, ECONOMY, wages(), "the test", "A draft")
    sent = review(engine, ECONOMY, Step.SUBMIT, entry.revision_ids, reason="For review")
    before = dump(engine)
    for step in (Step.PUBLISH, Step.RETURN):
        with pytest.raises(NotAllowed, match="Only an administrator"):
            review(engine, ECONOMY, step, sent.revision_ids, reason="Not mine to publish")
    with pytest.raises(NotAllowed):
        review(engine, HEALTH, Step.SUBMIT, sent.revision_ids, reason="Another group")
    with pytest.raises(NotAllowed, match="cannot enter or submit"):
        review(engine, VIEWER, Step.SUBMIT, sent.revision_ids, reason="A viewer")
    with pytest.raises(UnknownRevisions) as unknown:
        review(engine, ADMIN, Step.SUBMIT, [987654321], reason="No such figure")
    assert unknown.value.ids == [987654321]
    assert dump(engine) == before


def test_a_step_on_a_stale_page_is_refused_and_moves_nothing(engine: Engine) -> None:
    entry = save_drafts(engine, ECONOMY, wages(), "the test", "A draft")
    sent = review(engine, ECONOMY, Step.SUBMIT, entry.revision_ids, reason="For review")
    review(engine, ADMIN, Step.PUBLISH, sent.revision_ids, reason="Published")
    before = dump(engine)
    with pytest.raises(Stale, match="Nothing was moved"):
        review(engine, ADMIN, Step.PUBLISH, sent.revision_ids, reason="Twice")
    assert dump(engine) == before


def test_commentary_moves_with_its_measures_figures_in_the_same_change_set(engine: Engine) -> None:
    with read_connection(engine) as connection:
        measure = read_roadmap(connection).measure("weekly-wages")
    with pytest.raises(NotAllowed):
        write_draft_commentary(engine, HEALTH, measure, "2024/25", progress="Not theirs", more_work="")
    write_draft_commentary(engine, ECONOMY, measure, "2024/25", progress="Wages rose.", more_work="")
    entry = save_drafts(engine, ECONOMY, wages(), "the test", "A draft")
    sent = review(
        engine,
        ECONOMY,
        Step.SUBMIT,
        entry.revision_ids,
        reason="For review",
        commentary=Commentary(move=True, measure=measure),
    )
    assert sent.moved == 1 and sent.commentary_moved == 1
    assert kinds(engine)[-3:] == ["commentary", "entry", "review"]
    done = review(engine, ADMIN, Step.PUBLISH, sent.revision_ids, reason="Published", commentary=Commentary(True))
    assert done.commentary_moved == 1
    with read_connection(engine) as connection:
        (note,) = working_commentary(connection, measure.id)
    assert note.status == Stage.PUBLISHED.value


def test_figures_of_another_measure_cannot_ride_on_a_measures_page(engine: Engine) -> None:
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
    entry = save_drafts(engine, ADMIN, wages(), "the test", "A draft")
    other = roadmap.measure("destitution")
    with pytest.raises(NotAllowed, match="do not belong to this measure"):
        review(
            engine, ADMIN, Step.SUBMIT, entry.revision_ids, reason="x", commentary=Commentary(move=True, measure=other)
        )


def test_better_off_cases_need_an_adviser_and_an_unknown_case_is_not_found(engine: Engine) -> None:
    household = Household(adults=(Adult(age=30),), children_ages=(3,), rent_per_month=600, council_tax_per_year=1500)
    result = Calculator().check(household, TaxYear(2025))
    before = dump(engine)
    with pytest.raises(NotAllowed, match="Only benefits advisers"):
        save_case(engine, ECONOMY, {"age": "30"}, result)
    outcome = AwardOutcome("universal_credit", True, 90.0, AwardPeriod.WEEK, date(2025, 6, 2))
    with pytest.raises(NotFound):
        record_outcome(engine, ADVISER, "BO-NOPE", outcome)
    assert dump(engine) == before
    with read_connection(engine) as connection:
        version = published_version(connection)
    reference = save_case(engine, ADVISER, {"age": "30"}, result)
    recorded = record_outcome(engine, ADVISER, reference, outcome)
    assert recorded.income_generated == pytest.approx(90.0 * 52)
    assert kinds(engine)[-2:] == ["better-off", "better-off"]
    with read_connection(engine) as connection:
        assert published_version(connection) == version


@pytest.mark.parametrize(
    ("refusal", "code"),
    [(Problems("x"), 1), (NotFound("x"), 3), (NotAllowed("x"), 4), (Stale("x"), 5)],
)
def test_the_command_line_ends_with_one_exit_code_per_kind_of_refusal(refusal: Exception, code: int) -> None:
    with pytest.raises(typer.Exit) as ended, refusals():
        raise refusal
    assert ended.value.exit_code == code
