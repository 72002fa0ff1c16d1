"""PolicyEngine UK, loaded once per process, calculating many households in one simulation.

A new `policyengine_uk.Simulation(situation=…)` re-reads the whole parameter tree (seconds), and
`SimulationBuilder.build_from_entities` slows down with the square of the number of people. Here the
tax-benefit system is loaded once, entities are declared from arrays (`declare_person_entity`,
`declare_entity`, `join_with_persons`), inputs are set as whole columns and only the variables the
calculator reads are computed, so a household costs a fraction of a millisecond in a large batch
and the fixed cost of one simulation is paid once per request, for the household and its scenarios
together.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from typing import Any

import numpy as np

from thrive.benefits.household import Household
from thrive.benefits.tax_year import TaxYear

REGION = "EAST_OF_ENGLAND"
LOCAL_AUTHORITY = "LUTON"
"""Every household is a Luton household: Luton's Local Housing Allowance area and region."""

BENUNIT_VARIABLES = (
    "universal_credit",
    "uc_standard_allowance",
    "uc_child_element",
    "uc_housing_costs_element",
    "uc_carer_element",
    "uc_LCWRA_element",
    "uc_childcare_element",
    "uc_maximum_amount",
    "uc_earned_income",
    "uc_unearned_income",
    "uc_work_allowance",
    "pension_credit",
    "guarantee_credit",
    "standard_minimum_guarantee",
    "housing_benefit",
    "child_benefit",
    "council_tax_reduction_pensioner",
)
WHEN_NEEDED: dict[str, Callable[[dict[str, np.ndarray]], bool]] = {
    "simulated_council_tax_reduction_benunit": lambda v: bool(v["council_tax_reduction_pensioner"].any()),
    "council_tax_reduction_applicable_amount": lambda v: bool((v["universal_credit"] <= 0).any()),
    "council_tax_reduction_applicable_income": lambda v: bool((v["universal_credit"] <= 0).any()),
}
"""Read only for some households (amounts.py): the national pension-age scheme for pensioners, the
prescribed means test for households not on Universal Credit. Worked out only when a household in
the simulation needs them (nil otherwise, and never read); together they are over half of what is
left of a working-age household's calculation."""
PERSON_VARIABLES = ("carers_allowance", "is_carer_for_benefits", "income_tax", "national_insurance")
HOUSEHOLD_VARIABLES = (
    "warm_home_discount",
    "council_tax_reduction_maximum_eligible_liability",
)
"""The only variables computed: everything the entitlements, reasons and scenarios read."""

KNOWN_ZERO = (
    "uc_non_dep_deductions",
    "housing_benefit_non_dep_deductions",
    "council_tax_reduction_non_dep_deductions",
    "child_tax_credit",
    "working_tax_credit",
    "income_support",
    "jsa_income",
    "esa_income",
)
"""Amounts that are nil for every household the calculator sees, stated as inputs so PolicyEngine
does not work them out. A household is one benefit unit with no other adults living with it
(household.py), so no non-dependant deduction applies. The calculator checks new claims, and the
legacy benefits (tax credits, Income Support, income-based JSA and ESA) take no new claims: DWP
moved their claimants to Universal Credit, and tax credits ended on 5 April 2025
(https://www.gov.uk/government/collections/tax-credits-end-of-the-scheme). Together these are two
thirds of the time of one calculation (measured with cProfile, bench/better_off_single.py)."""


@dataclass(frozen=True)
class RulesResult:
    """One value a year per household (person-level variables summed over the household), in input order."""

    year: TaxYear
    values: dict[str, np.ndarray]

    def __getitem__(self, name: str) -> np.ndarray:
        return self.values[name]

    def __len__(self) -> int:
        return len(self.values["universal_credit"])


@dataclass(frozen=True)
class HouseholdColumns:
    """Households as the arrays PolicyEngine takes: one entry per person or per household."""

    person_household: np.ndarray
    person: dict[str, np.ndarray]
    household: dict[str, np.ndarray]
    is_child: np.ndarray
    pregnant: np.ndarray
    """Read by the local rules (free school meals, Healthy Start), not sent to PolicyEngine."""

    @property
    def households(self) -> int:
        return len(next(iter(self.household.values())))


def columns(households: Sequence[Household]) -> HouseholdColumns:
    """Flatten households to person and household columns: adults first, then children."""
    ages: list[float] = []
    earnings: list[float] = []
    hours: list[float] = []
    pensions: list[float] = []
    disabled: list[bool] = []
    care: list[float] = []
    owner: list[int] = []
    child: list[bool] = []
    pregnant: list[bool] = []
    for index, household in enumerate(households):
        child.extend([False] * len(household.adults) + [True] * len(household.children_ages))
        pregnant.extend([adult.pregnant for adult in household.adults] + [False] * len(household.children_ages))
        for adult in household.adults:
            ages.append(adult.age)
            earnings.append(adult.earnings_per_year)
            hours.append(adult.hours_per_week * 52)
            pensions.append(adult.pension_per_year)
            disabled.append(adult.has_disability)
            care.append(adult.care_hours_per_week)
        for age in household.children_ages:
            ages.append(age)
            earnings.append(0.0)
            hours.append(0.0)
            pensions.append(0.0)
            disabled.append(False)
            care.append(0.0)
        owner.extend([index] * household.people)
    return HouseholdColumns(
        person_household=np.asarray(owner, dtype=np.int64),
        person={
            "age": np.asarray(ages, dtype=float),
            "employment_income": np.asarray(earnings, dtype=float),
            "hours_worked": np.asarray(hours, dtype=float),
            "state_pension": np.asarray(pensions, dtype=float),
            "is_disabled_for_benefits": np.asarray(disabled, dtype=bool),
            "care_hours": np.asarray(care, dtype=float),
        },
        household={
            "rent": np.asarray([h.rent_per_month * 12 for h in households], dtype=float),
            "council_tax": np.asarray([h.council_tax_per_year for h in households], dtype=float),
            "savings": np.asarray([h.savings for h in households], dtype=float),
            "tenure_type": np.asarray([h.tenure.value for h in households]),
        },
        is_child=np.asarray(child, dtype=bool),
        pregnant=np.asarray(pregnant, dtype=bool),
    )


class PolicyEngineUK:
    """The loaded tax-benefit system. Make one per process (see `policyengine`), never one per request."""

    def __init__(self) -> None:
        from policyengine_core.simulations import SimulationBuilder  # type: ignore[import-untyped]  # noqa: PLC0415 (slow)
        from policyengine_uk.system import system  # type: ignore[import-untyped]  # noqa: PLC0415 (slow)

        self._system: Any = system
        self._builder = SimulationBuilder
        self.version = version("policyengine-uk")

    def calculate(self, households: Sequence[Household], year: TaxYear) -> RulesResult:
        return self.calculate_columns(columns(households), year)

    def calculate_columns(self, data: HouseholdColumns, year: TaxYear) -> RulesResult:
        period = year.policyengine_period
        simulation = self._simulation(data, period)
        count = data.households
        values: dict[str, np.ndarray] = {}
        for name in BENUNIT_VARIABLES + HOUSEHOLD_VARIABLES:
            values[name] = np.asarray(simulation.calculate(name, period), dtype=float)
        for name, needed in WHEN_NEEDED.items():
            values[name] = (
                np.asarray(simulation.calculate(name, period), dtype=float) if needed(values) else np.zeros(count)
            )
        for name in PERSON_VARIABLES:
            per_person = np.asarray(simulation.calculate(name, period), dtype=float)
            values[name] = np.bincount(data.person_household, weights=per_person, minlength=count)
        return RulesResult(year, values)

    def parameter(self, path: str, year: TaxYear) -> Any:
        """A PolicyEngine UK parameter's value for the tax year, such as the National Living Wage."""
        node = self._system.parameters
        for part in path.split("."):
            node = getattr(node, part)
        return node(f"{year.start_year}-04-06")

    def _simulation(self, data: HouseholdColumns, period: str) -> Any:
        builder = self._builder()
        builder.create_entities(self._system)
        count = data.households
        people = len(data.person_household)
        builder.declare_person_entity("person", np.arange(people))
        roles = np.full(people, "member")
        ids = np.arange(count)
        for key in ("benunit", "household"):
            group = builder.declare_entity(key, ids)
            builder.join_with_persons(group, data.person_household, roles)
        simulation = builder.build(self._system)
        for name, column in data.person.items():
            simulation.set_input(name, period, column)
        for name, column in data.household.items():
            simulation.set_input(name, period, column)
        simulation.set_input("region", period, np.full(count, REGION))
        simulation.set_input("local_authority", period, np.full(count, LOCAL_AUTHORITY))
        for name in KNOWN_ZERO:
            simulation.set_input(name, period, np.zeros(count))
        self._spare_the_pension_credit_income_test(simulation, period, count)
        self._spare_the_housing_benefit_means_test(simulation, period, count)
        # Entitlement, not the modelled chance of being paid: the rebate goes to every qualifying household.
        simulation.set_input("would_receive_warm_home_discount", period, np.ones(count, dtype=bool))
        return simulation

    @staticmethod
    def _spare_the_housing_benefit_means_test(simulation: Any, period: str, count: int) -> None:
        """Likewise for Housing Benefit: PolicyEngine pays it only where `housing_benefit_eligible`
        holds (housing_benefit_pre_benefit_cap), and new working-age claims are not eligible, so where
        no family is eligible its means test cannot change a result and is set to nil. For a
        working-age household that is another third of the calculation (the benefit cap asks for it)."""
        if not np.asarray(simulation.calculate("housing_benefit_eligible", period)).any():
            simulation.set_input("housing_benefit_entitlement", period, np.zeros(count))

    @staticmethod
    def _spare_the_pension_credit_income_test(simulation: Any, period: str, count: int) -> None:
        """Where PolicyEngine finds no family meeting Pension Credit's age conditions, its income
        test (which recomputes income tax on a branch of the simulation) cannot change any result:
        Pension Credit, and the savings-credit-only rules of Housing Benefit and Council Tax
        Reduction, all require the age conditions first. Setting that income to nil then saves
        about a third of a working-age household's calculation."""
        if not np.asarray(simulation.calculate("meets_pension_credit_age_conditions", period)).any():
            simulation.set_input("pension_credit_income", period, np.zeros(count))


_LOCK = threading.Lock()


@cache
def _load() -> PolicyEngineUK:
    return PolicyEngineUK()


def policyengine() -> PolicyEngineUK:
    """The process's one PolicyEngineUK, loaded at first use (several seconds) and kept."""
    with _LOCK:
        return _load()
