"""The Better Off calculator: one household's entitlements, what it is missing, and its scenarios.

One call is one PolicyEngine simulation holding the household and its scenarios together, so the
answer costs one simulation's fixed cost, not one per scenario.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np

from thrive.benefits.amounts import Amounts, work_out
from thrive.benefits.engine import PolicyEngineUK, columns, policyengine
from thrive.benefits.household import Adult, Benefit, Household, WorkCapability
from thrive.benefits.local_rules import CannotHelp, Contact, HowToClaim, LocalRules
from thrive.benefits.reasons import REASONS, Row
from thrive.benefits.scenarios import Scenario, better_off_in_work
from thrive.benefits.tax_year import TaxYear


@dataclass(frozen=True)
class Entitlement:
    benefit: Benefit
    name: str
    per_year: float
    receiving_per_year: float
    reason: str
    how_to_claim: HowToClaim

    @property
    def per_month(self) -> float:
        return self.per_year / 12

    @property
    def applies(self) -> bool:
        return self.per_year > 0

    @property
    def unclaimed_per_year(self) -> float:
        return max(0.0, self.per_year - self.receiving_per_year)

    @property
    def unclaimed_per_month(self) -> float:
        return self.unclaimed_per_year / 12


@dataclass(frozen=True)
class ScenarioResult:
    scenario: Scenario
    net_income_after_housing_costs: float
    difference: float
    """A year, against the household as it is now."""


@dataclass(frozen=True)
class BetterOff:
    year: TaxYear
    household: Household
    entitlements: list[Entitlement]
    net_income_after_housing_costs: float
    scenarios: list[ScenarioResult]
    policyengine_version: str
    cannot_help: list[CannotHelp] = field(default_factory=list)
    """What the calculator cannot work out for this household, and who can help."""
    contacts: tuple[Contact, ...] = ()
    being_confirmed: str = ""
    """Shown with the Council Tax Reduction result while Luton's scheme figures are confirmed."""

    @property
    def unclaimed_per_year(self) -> float:
        return sum(e.unclaimed_per_year for e in self.entitlements)

    @property
    def unclaimed_per_month(self) -> float:
        return self.unclaimed_per_year / 12

    @property
    def entitled_per_year(self) -> float:
        return sum(e.per_year for e in self.entitlements)


PARAMETERS = {
    "uc_capital_limit": "gov.dwp.universal_credit.means_test.capital.limit",
    "uc_tariff_from": "gov.dwp.universal_credit.means_test.capital.tariff_income.threshold",
    "uc_tariff_amount": "gov.dwp.universal_credit.means_test.capital.tariff_income.amount",
    "uc_tariff_step": "gov.dwp.universal_credit.means_test.capital.tariff_income.step",
    "uc_taper": "gov.dwp.universal_credit.means_test.reduction_rate",
    "uc_min_age": "gov.dwp.universal_credit.eligibility.min_age",
    "uc_reduced_min_age": "gov.dwp.universal_credit.eligibility.reduced_min_age",
    "childcare_rate": "gov.dwp.universal_credit.elements.childcare.coverage_rate",
    "carers_min_hours": "gov.dwp.carers_allowance.min_hours",
    "carers_earnings_limit": "gov.dwp.carers_allowance.earnings_limit",
    "pc_capital_from": "gov.dwp.pension_credit.income.capital.lower_threshold",
    "pc_tariff_amount": "gov.dwp.pension_credit.income.capital.tariff_income.amount",
    "pc_tariff_step": "gov.dwp.pension_credit.income.capital.tariff_income.step",
    "hb_capital_limit": "gov.dwp.housing_benefit.means_test.capital.pension_age.limit",
    "hicbc_from": "gov.hmrc.income_tax.charges.CB_HITC.phase_out_start",
    "benefit_cap_single": "gov.dwp.benefit_cap.single.outside_london",
    "benefit_cap_family": "gov.dwp.benefit_cap.non_single.outside_london",
}
"""PolicyEngine UK's parameters the reasons quote, by name: never a number written here."""


class Calculator:
    """Holds the loaded rules; make one per process and keep it (web app start-up, CLI worker)."""

    def __init__(self, engine: PolicyEngineUK | None = None) -> None:
        self.engine = engine or policyengine()

    def warm(self, year: TaxYear) -> None:
        """Run a few households so the first real request finds PolicyEngine's caches filled, then
        freeze the loaded rules out of the garbage collector's way: the parameter tree is millions of
        objects that never change, and scanning them made slow outliers."""
        sample = Household(adults=(Adult(age=30, earnings_per_year=9000, hours_per_week=16),), children_ages=(3,))
        for _ in range(3):
            self.check(sample, year)
        gc.collect()
        gc.freeze()

    def amounts(self, households: Sequence[Household], year: TaxYear) -> Amounts:
        data = columns(households)
        return work_out(self.engine.calculate_columns(data, year), data, LocalRules.shipped(year))

    def minimum_wage(self, year: TaxYear, age: int) -> float:
        """The National Minimum Wage (or National Living Wage) for someone of this age."""
        return float(self.engine.parameter("gov.hmrc.minimum_wage.non_apprentice", year).calc(age))

    def parameters(self, year: TaxYear) -> dict[str, float]:
        return _parameters(self.engine, year)

    def check(self, household: Household, year: TaxYear, scenarios: Sequence[Scenario] | None = None) -> BetterOff:
        rules = LocalRules.shipped(year)
        if household.no_recourse_to_public_funds:
            return BetterOff(
                year, household, [], 0.0, [], self.engine.version,
                [rules.cannot_help["no_recourse_to_public_funds"]], rules.contacts,
            )  # fmt: skip
        chosen = (
            list(scenarios)
            if scenarios is not None
            else better_off_in_work(household, lambda age: self.minimum_wage(year, age), rules.words)
        )
        found = what_if_found(household)
        amounts = self.amounts([household, *(s.household for s in chosen), *found.values()], year)
        row = _row_values(amounts, 0) | self.parameters(year)
        row["benefit_cap_level"] = row[
            "benefit_cap_family" if household.children_ages or len(household.adults) == 2 else "benefit_cap_single"
        ]
        universal_credit = amounts.per_year[Benefit.UNIVERSAL_CREDIT]
        for offset, index in enumerate(found):
            row[f"lcwra_if_found_{index}"] = float(universal_credit[1 + len(chosen) + offset] - universal_credit[0])
        entitlements = [
            Entitlement(
                benefit=benefit,
                name=rules.how_to_claim[benefit].name,
                per_year=float(amounts.per_year[benefit][0]),
                receiving_per_year=household.receiving(benefit) * 12,
                reason=REASONS[benefit](Row(household, row, float(amounts.per_year[benefit][0]), rules)),
                how_to_claim=rules.how_to_claim[benefit],
            )
            for benefit in Benefit
        ]
        net = amounts.net_income_after_housing_costs
        # Free school meals transitional protection: a child who has them keeps them when earnings rise.
        meals = amounts.per_year[Benefit.FREE_SCHOOL_MEALS]
        protected = net + np.maximum(0.0, meals[0] - meals)
        now = float(net[0])
        results = [
            ScenarioResult(s, float(protected[i + 1]), float(protected[i + 1]) - now) for i, s in enumerate(chosen)
        ]
        cannot_help = [rules.cannot_help["student"]] if any(a.student for a in household.adults) else []
        return BetterOff(
            year, household, entitlements, now, results, self.engine.version, cannot_help, rules.contacts,
            "" if row["meets_pension_credit_age_conditions"] else rules.council_tax_reduction.being_confirmed,
        )  # fmt: skip


def what_if_found(household: Household) -> dict[int, Household]:
    """For each adult waiting for a work capability decision, the household as it would be if they
    were found to have limited capability for work and work-related activity."""
    return {
        index: household.with_adult(index, replace(adult, work_capability=WorkCapability.LCWRA))
        for index, adult in enumerate(household.adults)
        if adult.work_capability == WorkCapability.WAITING
    }


@cache
def _parameters(engine: PolicyEngineUK, year: TaxYear) -> dict[str, float]:
    return {name: float(engine.parameter(path, year)) for name, path in PARAMETERS.items()}


def _row_values(amounts: Amounts, index: int) -> dict[str, float]:
    values = {name: float(column[index]) for name, column in amounts.rules.values.items()}
    facts = amounts.facts
    values["school_age_children"] = float(facts.school_age_children[index])
    values["infants"] = float(facts.infants[index])
    values["under_4_or_pregnant"] = float(facts.under_1[index] + facts.aged_1_to_3[index] + facts.pregnant[index])
    values["protected_for_council_tax"] = float(amounts.protected_for_council_tax[index])
    values["disabled_child_elements"] = values["uc_disability_elements"] - values["uc_LCWRA_element"]
    return values
