"""A household as the Better Off calculator sees it: who lives there, their income, home and current benefits.

One household is one benefit unit (one or two adults and their children), as Universal Credit and
Pension Credit assess them; other adults living there (non-dependants) are not asked about.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Benefit(StrEnum):
    """The nine entitlements checked for every household, in the order results show them."""

    UNIVERSAL_CREDIT = "universal_credit"
    PENSION_CREDIT = "pension_credit"
    HOUSING_BENEFIT = "housing_benefit"
    COUNCIL_TAX_REDUCTION = "council_tax_reduction"
    CHILD_BENEFIT = "child_benefit"
    CARERS_ALLOWANCE = "carers_allowance"
    FREE_SCHOOL_MEALS = "free_school_meals"
    HEALTHY_START = "healthy_start"
    WARM_HOME_DISCOUNT = "warm_home_discount"


class Tenure(StrEnum):
    """How the home is held, in PolicyEngine UK's tenure categories (TenureType)."""

    RENT_FROM_COUNCIL = "RENT_FROM_COUNCIL"
    RENT_FROM_HA = "RENT_FROM_HA"
    RENT_PRIVATELY = "RENT_PRIVATELY"
    OWNED_WITH_MORTGAGE = "OWNED_WITH_MORTGAGE"
    OWNED_OUTRIGHT = "OWNED_OUTRIGHT"

    @property
    def rents(self) -> bool:
        return self.name.startswith("RENT")


@dataclass(frozen=True)
class Adult:
    age: int
    earnings_per_year: float = 0.0
    hours_per_week: float = 0.0
    pension_per_year: float = 0.0
    """State Pension and any private or workplace pension, before tax."""
    has_disability: bool = False
    """Gets a disability benefit such as Personal Independence Payment or Disability Living Allowance."""
    care_hours_per_week: float = 0.0
    pregnant: bool = False


@dataclass(frozen=True)
class Household:
    adults: tuple[Adult, ...]
    children_ages: tuple[int, ...] = ()
    tenure: Tenure = Tenure.RENT_PRIVATELY
    rent_per_month: float = 0.0
    council_tax_per_year: float = 0.0
    savings: float = 0.0
    receiving_per_month: dict[Benefit, float] = field(default_factory=dict, compare=False)
    """What the household says it gets now, a month, for each benefit it gets."""

    def __post_init__(self) -> None:
        if not 1 <= len(self.adults) <= 2:
            raise ValueError("A household has one or two adults (a single person or a couple).")

    @property
    def people(self) -> int:
        return len(self.adults) + len(self.children_ages)

    def receiving(self, benefit: Benefit) -> float:
        return self.receiving_per_month.get(benefit, 0.0)

    def with_adult(self, index: int, adult: Adult) -> Household:
        adults = list(self.adults)
        adults[index] = adult
        return replace(self, adults=tuple(adults))
