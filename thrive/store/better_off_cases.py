"""Better Off cases an adviser chose to save and their outcomes: the queries.

Saving a case and recording an outcome (with the Road Map figure it adds up to) are the use-case
thrive.services.better_off_cases; the award rules are thrive.benefits.awards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from thrive.benefits.awards import AwardOutcome
from thrive.benefits.calculator import BetterOff
from thrive.store.database import read_connection
from thrive.store.schema import better_off_case, better_off_outcome


class CaseNotFoundError(LookupError):
    pass


@dataclass(frozen=True)
class SavedCase:
    id: int
    reference: str
    adviser: str
    created_at: datetime
    tax_year: str
    answers: dict[str, str]
    entitlements: list[dict[str, Any]]
    unclaimed_per_year: float
    outcomes: dict[str, dict[str, Any]]
    """The newest outcome for each benefit."""


def insert_case(
    connection: Connection, change_set_id: int, reference: str, adviser: str, answers: dict[str, str], result: BetterOff
) -> None:
    connection.execute(
        insert(better_off_case).values(
            reference=reference,
            change_set_id=change_set_id,
            adviser=adviser,
            created_at=datetime.now(UTC),
            tax_year=result.year.label,
            answers=answers,
            entitlements=[
                {
                    "benefit": e.benefit.value,
                    "name": e.name,
                    "per_year": round(e.per_year, 2),
                    "receiving_per_year": round(e.receiving_per_year, 2),
                    "unclaimed_per_year": round(e.unclaimed_per_year, 2),
                    "reason": e.reason,
                }
                for e in result.entitlements
            ],
            unclaimed_per_year=round(result.unclaimed_per_year, 2),
            policyengine_version=result.policyengine_version,
        )
    )


def insert_outcome(connection: Connection, case: SavedCase, outcome: AwardOutcome, change_set_id: int) -> int:
    """A new revision of the case's outcome for the benefit, superseding the one before (if any)."""
    before = connection.execute(
        select(func.max(better_off_outcome.c.id)).where(
            better_off_outcome.c.case_id == case.id, better_off_outcome.c.benefit == outcome.benefit
        )
    ).scalar()
    return int(
        connection.execute(
            insert(better_off_outcome)
            .values(
                case_id=case.id,
                benefit=outcome.benefit,
                claimed=outcome.claimed,
                award=outcome.award,
                award_period=outcome.award_period.value if outcome.award_period else None,
                award_per_year=outcome.award_per_year,
                decided_on=outcome.decided_on,
                change_set_id=change_set_id,
                supersedes_id=before,
            )
            .returning(better_off_outcome.c.id)
        ).scalar_one()
    )


def list_cases(engine: Engine, adviser: str) -> list[SavedCase]:
    """The cases `adviser` saved, newest first: a case belongs to the adviser who saved it, so no
    one, an administrator included, lists another's."""
    with read_connection(engine) as connection:
        query = (
            select(better_off_case.c.reference)
            .where(better_off_case.c.adviser == adviser)
            .order_by(better_off_case.c.id.desc())
        )
        return [case_by_reference(connection, reference) for reference in connection.execute(query).scalars()]


def case_by_reference(connection: Connection, reference: str) -> SavedCase:
    row = connection.execute(select(better_off_case).where(better_off_case.c.reference == reference)).first()
    if row is None:
        raise CaseNotFoundError(f"There is no saved case {reference}.")
    newest = (
        select(func.max(better_off_outcome.c.id))
        .where(better_off_outcome.c.case_id == row.id)
        .group_by(better_off_outcome.c.benefit)
    )
    outcomes = {
        o.benefit: {
            "claimed": bool(o.claimed),
            "award": o.award,
            "award_period": o.award_period,
            "award_per_year": o.award_per_year,
            "decided_on": o.decided_on,
        }
        for o in connection.execute(select(better_off_outcome).where(better_off_outcome.c.id.in_(newest)))
    }
    return SavedCase(
        id=row.id,
        reference=row.reference,
        adviser=row.adviser,
        created_at=row.created_at,
        tax_year=row.tax_year,
        answers=dict(row.answers),
        entitlements=list(row.entitlements),
        unclaimed_per_year=float(row.unclaimed_per_year),
        outcomes=outcomes,
    )


def income_generated(connection: Connection, year: int) -> tuple[float, int]:
    """The year's total of annualised awards for outcomes 'claimed' (newest outcome per case and
    benefit, by the date the award was decided), and how many awards make it up."""
    newest = select(func.max(better_off_outcome.c.id)).group_by(
        better_off_outcome.c.case_id, better_off_outcome.c.benefit
    )
    rows = connection.execute(
        select(better_off_outcome.c.award_per_year, better_off_outcome.c.decided_on).where(
            better_off_outcome.c.id.in_(newest), better_off_outcome.c.claimed.is_(True)
        )
    ).all()
    awards = [float(amount) for amount, decided in rows if decided.year == year]
    return round(sum(awards), 2), len(awards)
