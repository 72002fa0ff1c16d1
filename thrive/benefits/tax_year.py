"""The tax year a calculation is for: explicit, the current one by default, and selectable."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FIRST = 2023
"""The oldest tax year offered: PolicyEngine UK 2.162.10 holds the rates from 2023-24 onwards that we test."""


@dataclass(frozen=True, order=True)
class TaxYear:
    """A UK tax year, 6 April to 5 April, named by the year it starts in.

    PolicyEngine UK keys a tax year's rates by its starting calendar year (its period "2025" uses
    the 2025-26 rates), so `policyengine_period` is that year.
    """

    start_year: int

    @property
    def label(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def policyengine_period(self) -> str:
        return str(self.start_year)

    @classmethod
    def containing(cls, day: date) -> TaxYear:
        return cls(day.year if (day.month, day.day) >= (4, 6) else day.year - 1)

    @classmethod
    def current(cls) -> TaxYear:
        return cls.containing(date.today())

    @classmethod
    def parse(cls, text: str) -> TaxYear:
        """'2025-26' or '2025'; raises ValueError with a message for a person."""
        head, _, tail = text.strip().partition("-")
        if not head.isdigit() or len(head) != 4:
            raise ValueError(f"Enter a tax year like 2025-26, not '{text}'.")
        year = cls(int(head))
        if tail and tail != year.label[5:]:
            raise ValueError(f"'{text}' is not a tax year: a tax year runs from one year to the next, like 2025-26.")
        return year

    @classmethod
    def offered(cls, today: date | None = None) -> list[TaxYear]:
        """The years a person can choose: from FIRST to the current one."""
        current = cls.containing(today or date.today())
        return [cls(year) for year in range(FIRST, current.start_year + 1)]

    def __str__(self) -> str:
        return self.label
