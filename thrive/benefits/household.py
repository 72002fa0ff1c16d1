"""A household as the Better Off calculator sees it: who lives there, their income, home and current benefits.

The family (one or two adults and their children) is one benefit unit, as Universal Credit and
Pension Credit assess it. Other adults who live there (non-dependants, such as a grown-up son) are
their own benefit units: they change the family's help with rent and its severe disability
addition, and are never assessed themselves.

Disability is recorded as the benefit a person gets and its rate, and a work capability
assessment's outcome separately, because the rules turn on exactly those facts: PIP is not
limited capability for work, and Attendance Allowance is what the Pension Credit severe
disability addition asks about.
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


class ClaimTenure(StrEnum):
    """How the home is held, in PolicyEngine UK's tenure categories (TenureType)."""

    RENT_FROM_COUNCIL = "RENT_FROM_COUNCIL"
    RENT_FROM_HA = "RENT_FROM_HA"
    RENT_PRIVATELY = "RENT_PRIVATELY"
    OWNED_WITH_MORTGAGE = "OWNED_WITH_MORTGAGE"
    OWNED_OUTRIGHT = "OWNED_OUTRIGHT"

    @property
    def rents(self) -> bool:
        return self.name.startswith("RENT")


class PipRate(StrEnum):
    """A Personal Independence Payment component's rate, as PolicyEngine UK names it (PIPCategory)."""

    NONE = "NONE"
    STANDARD = "STANDARD"
    ENHANCED = "ENHANCED"


class DlaCareRate(StrEnum):
    """Disability Living Allowance care component (LowerMiddleOrHigher; HIGHER is the highest rate)."""

    NONE = "NONE"
    LOWER = "LOWER"
    MIDDLE = "MIDDLE"
    HIGHER = "HIGHER"


class LowerOrHigher(StrEnum):
    """DLA mobility and Attendance Allowance rates (LowerOrHigher)."""

    NONE = "NONE"
    LOWER = "LOWER"
    HIGHER = "HIGHER"


@dataclass(frozen=True)
class Disability:
    """The disability benefits a person gets, component by component."""

    pip_daily_living: PipRate = PipRate.NONE
    pip_mobility: PipRate = PipRate.NONE
    dla_care: DlaCareRate = DlaCareRate.NONE
    dla_mobility: LowerOrHigher = LowerOrHigher.NONE
    attendance_allowance: LowerOrHigher = LowerOrHigher.NONE

    @property
    def any(self) -> bool:
        return any(
            value != "NONE"
            for value in (
                self.pip_daily_living,
                self.pip_mobility,
                self.dla_care,
                self.dla_mobility,
                self.attendance_allowance,
            )
        )


NO_DISABILITY = Disability()


class WorkCapability(StrEnum):
    """What a work capability assessment has found (UC Regs 2013 regs 39 and 40), if anything."""

    NOT_ASSESSED = "not_assessed"
    WAITING = "waiting"
    """Assessed or referred, no decision yet: neither element is paid until one is made."""
    LCW = "lcw"
    LCWRA = "lcwra"


@dataclass(frozen=True)
class Adult:
    age: int
    earnings_per_year: float = 0.0
    """Pay from employment, before tax."""
    self_employment_per_year: float = 0.0
    """Profit from self-employment, before tax."""
    hours_per_week: float = 0.0
    pension_per_year: float = 0.0
    """State Pension and any private or workplace pension, before tax."""
    disability: Disability = NO_DISABILITY
    work_capability: WorkCapability = WorkCapability.NOT_ASSESSED
    care_hours_per_week: float = 0.0
    pregnant: bool = False
    self_employed_start_up: bool = False
    """In the first 12 months of gainful self-employment, when the minimum income floor does not apply."""
    student: bool = False
    """In full-time education: the calculator cannot assess student income or the student rules."""

    @property
    def has_disability(self) -> bool:
        return self.disability.any

    @property
    def works(self) -> bool:
        return self.hours_per_week > 0 or self.earnings_per_year > 0 or self.self_employment_per_year > 0


@dataclass(frozen=True)
class NonDependant:
    """Another adult who lives in the home but is not part of the family, such as a grown-up child."""

    age: int
    earnings_per_year: float = 0.0


@dataclass(frozen=True)
class Household:
    adults: tuple[Adult, ...]
    children_ages: tuple[int, ...] = ()
    tenure: ClaimTenure = ClaimTenure.RENT_PRIVATELY
    rent_per_month: float = 0.0
    council_tax_per_year: float = 0.0
    savings: float = 0.0
    receiving_per_month: dict[Benefit, float] = field(default_factory=dict, compare=False)
    """What the household says it gets now, a month, for each benefit it gets."""
    children_disability: tuple[Disability, ...] = ()
    """The disability benefits of each child, in the order of `children_ages`; empty means none."""
    childcare_per_month: float = 0.0
    non_dependants: tuple[NonDependant, ...] = ()
    bedrooms: int | None = None
    """Bedrooms in a rented home, where given: the LHA category and the social-sector size criteria."""
    no_recourse_to_public_funds: bool = False

    def __post_init__(self) -> None:
        if not 1 <= len(self.adults) <= 2:
            raise ValueError("A household has one or two adults (a single person or a couple).")
        if self.children_disability and len(self.children_disability) != len(self.children_ages):
            raise ValueError("Give each child's disability benefits, or none at all.")

    @property
    def people(self) -> int:
        return len(self.adults) + len(self.children_ages) + len(self.non_dependants)

    def child_disability(self, index: int) -> Disability:
        return self.children_disability[index] if self.children_disability else NO_DISABILITY

    def receiving(self, benefit: Benefit) -> float:
        return self.receiving_per_month.get(benefit, 0.0)

    def with_adult(self, index: int, adult: Adult) -> Household:
        adults = list(self.adults)
        adults[index] = adult
        return replace(self, adults=tuple(adults))

    def with_child(self, age: int) -> Household:
        disability = (*self.children_disability, NO_DISABILITY) if self.children_disability else ()
        return replace(self, children_ages=(*self.children_ages, age), children_disability=disability)
