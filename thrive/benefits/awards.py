"""What an adviser records once a claim is decided: the award, and what it comes to in a year."""

from __future__ import annotations

import math
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


@dataclass(frozen=True)
class AwardLimits:
    """Plausibility ceilings for recorded awards (award_limits.yaml), so a slip never reaches a published figure."""

    per_year: dict[str, float]
    why: dict[str, str]
    earliest_decision: date

    def problems(self, outcome: AwardOutcome, *, today: date) -> dict[str, str]:
        """What is wrong with an outcome, by form field, in words for the adviser; empty if nothing is."""
        found: dict[str, str] = {}
        if outcome.claimed and outcome.award is not None:
            ceiling = self.per_year.get(outcome.benefit)
            if not math.isfinite(outcome.award) or outcome.award <= 0:
                found["award"] = "Enter the amount awarded as a number greater than 0, like 95.50"
            elif ceiling is not None and not outcome.award_per_year <= ceiling:
                found["award"] = (
                    f"That is more than this benefit could pay in a year ({self.why[outcome.benefit]}; the limit is "
                    f"£{ceiling:,.0f} a year). Check the amount and how often it is paid"
                )
        if outcome.decided_on > today:
            found["decided_on"] = "The date the award was decided must be today or in the past"
        elif outcome.decided_on < self.earliest_decision:
            found["decided_on"] = (
                f"The award was decided on {outcome.decided_on.day} {outcome.decided_on:%B %Y}, before the Road Map "
                f"counts income from ({self.earliest_decision.day} {self.earliest_decision:%B %Y}). Check the date"
            )
        return found
