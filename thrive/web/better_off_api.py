"""Better Off as JSON: `POST /api/better-off/check` takes one household and returns what it could get.

The same calculator as the web pages, with each adult described in their own right. Every number
is checked by the request model (finite, in range), so a bad value is a 422 naming the field, never
a 500; the answer is strict JSON (no NaN or infinity). Nothing posted is stored or logged.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from thrive.benefits.calculator import BetterOff
from thrive.benefits.household import (
    Adult,
    Benefit,
    ClaimTenure,
    Disability,
    DlaCareRate,
    Household,
    LowerOrHigher,
    NonDependant,
    PipRate,
    WorkCapability,
)
from thrive.benefits.local_rules import supported
from thrive.benefits.tax_year import TaxYear
from thrive.web.api.errors import SERVER_ERROR, ErrorBody
from thrive.web.better_off import calculator

router = APIRouter(prefix="/api/better-off", tags=["better off"])


def _tax_year(text: str) -> str:
    supported(TaxYear.parse(text))
    return text


Money = Annotated[float, Field(ge=0, le=1_000_000, allow_inf_nan=False)]
Hours = Annotated[float, Field(ge=0, le=168, allow_inf_nan=False)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DisabilityIn(Strict):
    pip_daily_living: PipRate = PipRate.NONE
    pip_mobility: PipRate = PipRate.NONE
    dla_care: DlaCareRate = DlaCareRate.NONE
    dla_mobility: LowerOrHigher = LowerOrHigher.NONE
    attendance_allowance: LowerOrHigher = LowerOrHigher.NONE

    def disability(self) -> Disability:
        return Disability(**self.model_dump())


class AdultIn(Strict):
    age: Annotated[int, Field(ge=16, le=120)]
    earnings_per_month: Money = 0.0
    self_employment_per_month: Money = 0.0
    hours_per_week: Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)] = 0.0
    pension_per_month: Money = 0.0
    care_hours_per_week: Hours = 0.0
    disability: DisabilityIn = DisabilityIn()
    work_capability: WorkCapability = WorkCapability.NOT_ASSESSED
    self_employed_start_up: bool = False
    student: bool = False
    pregnant: bool = False

    def adult(self) -> Adult:
        return Adult(
            age=self.age,
            earnings_per_year=self.earnings_per_month * 12,
            self_employment_per_year=self.self_employment_per_month * 12,
            hours_per_week=self.hours_per_week,
            pension_per_year=self.pension_per_month * 12,
            disability=self.disability.disability(),
            work_capability=self.work_capability,
            care_hours_per_week=self.care_hours_per_week,
            pregnant=self.pregnant,
            self_employed_start_up=self.self_employed_start_up,
            student=self.student,
        )


class ChildIn(Strict):
    age: Annotated[int, Field(ge=0, le=19)]
    disability: DisabilityIn = DisabilityIn()


class NonDependantIn(Strict):
    age: Annotated[int, Field(ge=16, le=120)]
    earnings_per_month: Money = 0.0


class HouseholdIn(Strict):
    """One household: one or two adults (each their own person), children, other adults, home and money."""

    tax_year: Annotated[str, Field(max_length=10), AfterValidator(_tax_year)]
    adults: Annotated[list[AdultIn], Field(min_length=1, max_length=2)]
    children: Annotated[list[ChildIn], Field(max_length=20)] = []
    non_dependants: Annotated[list[NonDependantIn], Field(max_length=8)] = []
    tenure: ClaimTenure
    rent_per_month: Money = 0.0
    bedrooms: Annotated[int, Field(ge=1, le=20)] | None = None
    council_tax_per_year: Money = 0.0
    savings: Annotated[float, Field(ge=0, le=10_000_000, allow_inf_nan=False)] = 0.0
    childcare_per_month: Money = 0.0
    no_recourse_to_public_funds: bool = False
    receiving_per_month: dict[Benefit, Money] = {}

    def household(self) -> Household:
        return Household(
            adults=tuple(a.adult() for a in self.adults),
            children_ages=tuple(c.age for c in self.children),
            children_disability=tuple(c.disability.disability() for c in self.children)
            if any(c.disability.disability().any for c in self.children)
            else (),
            tenure=self.tenure,
            rent_per_month=self.rent_per_month if self.tenure.rents else 0.0,
            bedrooms=self.bedrooms,
            council_tax_per_year=self.council_tax_per_year,
            savings=self.savings,
            childcare_per_month=self.childcare_per_month,
            non_dependants=tuple(NonDependant(o.age, o.earnings_per_month * 12) for o in self.non_dependants),
            no_recourse_to_public_funds=self.no_recourse_to_public_funds,
            receiving_per_month=dict(self.receiving_per_month),
        )


def _pennies(amount: float) -> float:
    return round(float(amount), 2)


def as_json(result: BetterOff) -> dict[str, Any]:
    """The result as plain JSON values, money to the penny."""
    return {
        "tax_year": result.year.label,
        "policyengine_version": result.policyengine_version,
        "entitlements": [
            {
                "benefit": e.benefit.value,
                "name": e.name,
                "per_year": _pennies(e.per_year),
                "once_a_year": e.how_to_claim.once_a_year,
                "receiving_per_year": _pennies(e.receiving_per_year),
                "unclaimed_per_year": _pennies(e.unclaimed_per_year),
                "reason": e.reason,
                "how_to_claim": e.how_to_claim.url,
            }
            for e in result.entitlements
        ],
        "unclaimed_per_year": _pennies(result.unclaimed_per_year),
        "net_income_after_housing_costs_per_year": _pennies(result.net_income_after_housing_costs),
        "scenarios": [
            {
                "name": s.scenario.name,
                "description": s.scenario.description,
                "net_income_after_housing_costs_per_year": _pennies(s.net_income_after_housing_costs),
                "difference_per_year": _pennies(s.difference),
            }
            for s in result.scenarios
        ],
        "cannot_help": [{"heading": c.heading, "words": c.words, "source": c.source} for c in result.cannot_help],
        "contacts": [{"name": c.name, "helps_with": c.helps_with, "contact": c.contact} for c in result.contacts],
        "council_tax_reduction_note": result.being_confirmed or None,
    }


@router.post(
    "/check",
    name="check_better_off",
    responses={
        422: {"model": ErrorBody, "description": "A value is missing, out of range or not a number."},
        **SERVER_ERROR,
    },
)
async def check(household: HouseholdIn) -> dict[str, Any]:
    """What one household could get, a year, for every benefit Better Off checks, with the reasons."""
    year = TaxYear.parse(household.tax_year)
    result = await run_in_threadpool(lambda: calculator().check(household.household(), year))
    return as_json(result)
