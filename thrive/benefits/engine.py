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

from thrive.benefits import bedrooms
from thrive.benefits.household import Adult, Disability, Household, NonDependant, WorkCapability
from thrive.benefits.tax_year import TaxYear

REGION = "EAST_OF_ENGLAND"
LOCAL_AUTHORITY = "LUTON"
BRMA = "LUTON"
"""Every household is a Luton household. The Broad Rental Market Area is set as well as the local
authority: PolicyEngine UK does not derive it from the local authority, and without it falls back
to the region's default BRMA (Central Norfolk & Norwich for the East of England), whose Local
Housing Allowance rates are not Luton's."""

BENUNIT_VARIABLES = (
    "universal_credit",
    "uc_standard_allowance",
    "uc_child_element",
    "uc_housing_costs_element",
    "uc_carer_element",
    "uc_LCWRA_element",
    "uc_disability_elements",
    "uc_childcare_element",
    "uc_maximum_amount",
    "uc_earned_income",
    "uc_unearned_income",
    "uc_work_allowance",
    "uc_income_reduction",
    "uc_benefit_cap",
    "uc_benefit_cap_reduction",
    "is_uc_benefit_cap_exempt_earnings",
    "uc_benefit_cap_earnings_exception_threshold",
    "uc_non_dep_deductions",
    "uc_LHA_cap",
    "pension_credit",
    "guarantee_credit",
    "savings_credit",
    "minimum_guarantee",
    "standard_minimum_guarantee",
    "severe_disability_minimum_guarantee_addition",
    "carer_minimum_guarantee_addition",
    "child_minimum_guarantee_addition",
    "pension_credit_income",
    "housing_benefit",
    "child_benefit",
    "council_tax_reduction_pensioner",
    "meets_pension_credit_age_conditions",
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
PERSON_VARIABLES = (
    "carers_allowance",
    "is_carer_for_benefits",
    "income_tax",
    "national_insurance",
    "uc_is_child_limit_affected",
    "uc_mif_applies",
    "uc_minimum_income_floor",
    "is_SP_age",
)
"""Summed over the family (adults and children), never over non-dependants."""
HOUSEHOLD_VARIABLES = (
    "warm_home_discount",
    "council_tax_reduction_maximum_eligible_liability",
)
"""The only variables computed: everything the entitlements, reasons and scenarios read."""

KNOWN_ZERO = (
    "child_tax_credit",
    "working_tax_credit",
    "income_support",
    "jsa_income",
    "esa_income",
)
"""Amounts that are nil for every household the calculator sees, stated as inputs so PolicyEngine
does not work them out. The calculator checks new claims, and the legacy benefits (tax credits,
Income Support, income-based JSA and ESA) take no new claims: DWP moved their claimants to Universal
Credit, and tax credits ended on 5 April 2025
(https://www.gov.uk/government/collections/tax-credits-end-of-the-scheme). Together these are two
thirds of the time of one calculation (measured with cProfile, bench/better_off_single.py)."""
NOT_ASSUMED = ("marriage_allowance",)
"""Nil for every person: PolicyEngine UK assumes a couple transfers the marriage allowance, but the
calculator does not know whether a couple is married (it asks about living as a couple) or has
claimed it, so income tax is worked out without it (DATA-NOTES J)."""
NON_DEPENDANT_DEDUCTIONS = (
    "uc_non_dep_deductions",
    "housing_benefit_non_dep_deductions",
    "council_tax_reduction_non_dep_deductions",
)
"""Nil where no household in the simulation has a non-dependant, and then stated as inputs."""


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
    """Households as the arrays PolicyEngine takes: one entry per person, benefit unit or household.

    Benefit unit i is household i's family; the benefit units after the families are non-dependants,
    one each. Person arrays hold families' members first within each household."""

    person_household: np.ndarray
    person_benunit: np.ndarray
    person: dict[str, np.ndarray]
    household: dict[str, np.ndarray]
    is_child: np.ndarray
    in_family: np.ndarray
    """False for non-dependants: their benefits and taxes are not the family's."""
    pregnant: np.ndarray
    """Read by the local rules (free school meals, Healthy Start), not sent to PolicyEngine."""
    bedrooms: np.ndarray
    """Per household; 0 where not given."""
    childcare: np.ndarray
    """Per household, £ a year (on the first adult, as PolicyEngine adds it over the family)."""

    @property
    def households(self) -> int:
        return len(self.bedrooms)

    @property
    def benunits(self) -> int:
        return self.households + int((~self.in_family).sum())

    def family_sum(self, per_person: np.ndarray) -> np.ndarray:
        """A person-level value summed over each household's family."""
        weights = np.where(self.in_family, per_person, 0.0)
        return np.bincount(self.person_household, weights=weights, minlength=self.households)


PERSON_COLUMNS = (
    "age",
    "employment_income",
    "self_employment_income",
    "hours_worked",
    "state_pension",
    "care_hours",
    "is_disabled_for_benefits",
    "uc_limited_capability_for_work",
    "uc_limited_capability_for_WRA",
    "uc_is_in_startup_period",
    "is_household_head",
    "childcare_expenses",
    "pip_dl_category",
    "pip_m_category",
    "dla_sc_category",
    "dla_m_category",
    "aa_category",
)


NUMBERS = (
    "age",
    "employment_income",
    "self_employment_income",
    "hours_worked",
    "state_pension",
    "care_hours",
    "childcare_expenses",
)


def _adult_row(adult: Adult, head: bool, childcare: float) -> tuple[object, ...]:
    capability = adult.work_capability
    d = adult.disability
    return (
        adult.age,
        adult.earnings_per_year,
        adult.self_employment_per_year,
        adult.hours_per_week * 52,
        adult.pension_per_year,
        adult.care_hours_per_week,
        d.any,
        capability in {WorkCapability.LCW, WorkCapability.LCWRA},
        capability == WorkCapability.LCWRA,
        adult.self_employed_start_up,
        head,
        childcare,
        d.pip_daily_living.value,
        d.pip_mobility.value,
        d.dla_care.value,
        d.dla_mobility.value,
        d.attendance_allowance.value,
    )


def _child_row(age: int, d: Disability) -> tuple[object, ...]:
    return (
        age, 0.0, 0.0, 0.0, 0.0, 0.0, d.any, False, False, False, False, 0.0,
        d.pip_daily_living.value, d.pip_mobility.value, d.dla_care.value, d.dla_mobility.value,
        d.attendance_allowance.value,
    )  # fmt: skip


def _non_dependant_row(other: NonDependant) -> tuple[object, ...]:
    return _adult_row(Adult(age=other.age, earnings_per_year=other.earnings_per_year), False, 0.0)


def columns(households: Sequence[Household]) -> HouseholdColumns:
    """Flatten households to person and household columns: each family (adults, then children),
    then its non-dependants. PolicyEngine's inputs are set from the household's facts, never from
    a summary flag: disability benefits by component and rate, and limited capability for work only
    where a work capability assessment has found it."""
    rows: list[tuple[object, ...]] = []
    owner: list[int] = []
    benunit: list[int] = []
    child: list[bool] = []
    family: list[bool] = []
    pregnant: list[bool] = []
    next_benunit = len(households)
    for index, household in enumerate(households):
        childcare = household.childcare_per_month * 12
        for number, adult in enumerate(household.adults):
            rows.append(_adult_row(adult, number == 0, childcare if number == 0 else 0.0))
            pregnant.append(adult.pregnant)
        for number, age in enumerate(household.children_ages):
            rows.append(_child_row(age, household.child_disability(number)))
            pregnant.append(False)
        members = len(household.adults) + len(household.children_ages)
        benunit.extend([index] * members)
        child.extend([False] * len(household.adults) + [True] * len(household.children_ages))
        for other in household.non_dependants:
            rows.append(_non_dependant_row(other))
            benunit.append(next_benunit)
            next_benunit += 1
            child.append(False)
            pregnant.append(False)
        family.extend([True] * members + [False] * len(household.non_dependants))
        owner.extend([index] * household.people)
    transposed = list(zip(*rows, strict=True)) if rows else [()] * len(PERSON_COLUMNS)
    person = {name: np.asarray(values) for name, values in zip(PERSON_COLUMNS, transposed, strict=True)}
    for name in NUMBERS:
        person[name] = person[name].astype(float)
    return HouseholdColumns(
        person_household=np.asarray(owner, dtype=np.int64),
        person_benunit=np.asarray(benunit, dtype=np.int64),
        person=person,
        household={
            "rent": np.asarray([h.rent_per_month * 12 for h in households], dtype=float),
            "council_tax": np.asarray([h.council_tax_per_year for h in households], dtype=float),
            "savings": np.asarray([h.savings for h in households], dtype=float),
            "tenure_type": np.asarray([h.tenure.value for h in households]),
        },
        is_child=np.asarray(child, dtype=bool),
        in_family=np.asarray(family, dtype=bool),
        pregnant=np.asarray(pregnant, dtype=bool),
        bedrooms=np.asarray([h.bedrooms or 0 for h in households], dtype=float),
        childcare=np.asarray([h.childcare_per_month * 12 for h in households], dtype=float),
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
        simulation, reduction = self._simulation(data, year)
        count = data.households
        values: dict[str, np.ndarray] = {}
        for name in BENUNIT_VARIABLES:
            values[name] = np.asarray(simulation.calculate(name, period), dtype=float)[:count]
        for name in HOUSEHOLD_VARIABLES:
            values[name] = np.asarray(simulation.calculate(name, period), dtype=float)
        for name, needed in WHEN_NEEDED.items():
            values[name] = (
                np.asarray(simulation.calculate(name, period), dtype=float)[:count]
                if needed(values)
                else np.zeros(count)
            )
        for name in PERSON_VARIABLES:
            values[name] = data.family_sum(np.asarray(simulation.calculate(name, period), dtype=float))
        values["size_criteria_reduction"] = reduction[:count]
        return RulesResult(year, values)

    def parameter(self, path: str, year: TaxYear) -> Any:
        """A PolicyEngine UK parameter's value for the tax year, such as the National Living Wage."""
        node = self._system.parameters
        for part in path.split("."):
            node = getattr(node, part)
        return node(f"{year.start_year}-04-06")

    def _simulation(self, data: HouseholdColumns, year: TaxYear) -> tuple[Any, np.ndarray]:
        """The simulation with every input set, and the rent the social-sector size criteria take
        off each benefit unit's eligible rent (£ a year)."""
        period = year.policyengine_period
        builder = self._builder()
        builder.create_entities(self._system)
        count = data.households
        people = len(data.person_household)
        builder.declare_person_entity("person", np.arange(people))
        roles = np.full(people, "member")
        group = builder.declare_entity("benunit", np.arange(data.benunits))
        builder.join_with_persons(group, data.person_benunit, roles)
        group = builder.declare_entity("household", np.arange(count))
        builder.join_with_persons(group, data.person_household, roles)
        simulation = builder.build(self._system)
        for name, column in data.person.items():
            simulation.set_input(name, period, column)
        for name, column in data.household.items():
            simulation.set_input(name, period, column)
        simulation.set_input("region", period, np.full(count, REGION))
        simulation.set_input("local_authority", period, np.full(count, LOCAL_AUTHORITY))
        simulation.set_input("brma", period, np.full(count, BRMA))
        for name in (*KNOWN_ZERO, *NOT_ASSUMED, *(NON_DEPENDANT_DEDUCTIONS if data.in_family.all() else ())):
            self._nil(simulation, name, period)
        reduction = bedrooms.apply(simulation, data, year)
        self._spare_the_pension_credit_income_test(simulation, period)
        self._spare_the_housing_benefit_means_test(simulation, period)
        # Entitlement, not the modelled chance of being paid: the rebate goes to every qualifying household.
        simulation.set_input("would_receive_warm_home_discount", period, np.ones(count, dtype=bool))
        return simulation, reduction

    def _nil(self, simulation: Any, name: str, period: str) -> None:
        entity = self._system.variables[name].entity.key
        simulation.set_input(name, period, np.zeros(simulation.populations[entity].count))

    @staticmethod
    def _spare_the_housing_benefit_means_test(simulation: Any, period: str) -> None:
        """Likewise for Housing Benefit: PolicyEngine pays it only where `housing_benefit_eligible`
        holds (housing_benefit_pre_benefit_cap), and new working-age claims are not eligible, so where
        no family is eligible its means test cannot change a result and is set to nil. For a
        working-age household that is another third of the calculation (the benefit cap asks for it).
        A new claim is eligible only where the Pension Credit age conditions are met (PolicyEngine's
        own `housing_benefit_eligible`, for a family reporting no Housing Benefit now, which is every
        family the calculator sees), so where no family meets them the eligibility test itself,
        which works out Universal Credit's migration rules, is skipped too."""
        families = simulation.populations["benunit"].count
        if not np.asarray(simulation.calculate("meets_pension_credit_age_conditions", period)).any():
            simulation.set_input("housing_benefit_eligible", period, np.zeros(families, dtype=bool))
        if not np.asarray(simulation.calculate("housing_benefit_eligible", period)).any():
            simulation.set_input("housing_benefit_entitlement", period, np.zeros(families))

    @staticmethod
    def _spare_the_pension_credit_income_test(simulation: Any, period: str) -> None:
        """Where PolicyEngine finds no family meeting Pension Credit's age conditions, its income
        test (which recomputes income tax on a branch of the simulation) cannot change any result:
        Pension Credit, and the savings-credit-only rules of Housing Benefit and Council Tax
        Reduction, all require the age conditions first. Setting that income to nil then saves
        about a third of a working-age household's calculation."""
        if not np.asarray(simulation.calculate("meets_pension_credit_age_conditions", period)).any():
            simulation.set_input("pension_credit_income", period, np.zeros(simulation.populations["benunit"].count))


_LOCK = threading.Lock()


@cache
def _load() -> PolicyEngineUK:
    return PolicyEngineUK()


def policyengine() -> PolicyEngineUK:
    """The process's one PolicyEngineUK, loaded at first use (several seconds) and kept."""
    with _LOCK:
        return _load()
