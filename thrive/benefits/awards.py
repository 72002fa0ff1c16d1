"""What an adviser records once a claim is decided: the award, and what it comes to in a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AwardPeriod(StrEnum):
    WEEK = "week"
    FOUR_WEEKS = "four weeks"
    MONTH = "month"
    YEAR = "year"

    @property
    def per_year(self) -> float:
        """How many of these make a year: 52 weeks, 13 four-week periods, 12 months."""
        return {"week": 52.0, "four weeks": 13.0, "month": 12.0, "year": 1.0}[self.value]


@dataclass(frozen=True)
class AwardOutcome:
    """A Better Off case's outcome for one benefit: claimed (with the award) or not."""

    benefit: str
    claimed: bool
    award: float | None
    award_period: AwardPeriod | None
    decided_on: date

    @property
    def award_per_year(self) -> float:
        if not self.claimed or self.award is None or self.award_period is None:
            return 0.0
        return round(self.award * self.award_period.per_year, 2)

    @property
    def words(self) -> str:
        """The outcome as the revision history records it."""
        claimed = "claimed" if self.claimed else "not claimed"
        return f"{self.benefit} {claimed}, £{self.award_per_year:,.2f} a year, decided {self.decided_on.isoformat()}"
