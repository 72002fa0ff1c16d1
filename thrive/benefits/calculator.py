"""The Better Off calculator: one household's entitlements, what it is missing, and its scenarios.

One call is one PolicyEngine simulation holding the household and its scenarios together, so the
answer costs one simulation's fixed cost, not one per scenario.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass

from thrive.benefits.amounts import Amounts, work_out
from thrive.benefits.engine import PolicyEngineUK, columns, policyengine
from thrive.benefits.household import Adult, Benefit, Household
from thrive.benefits.local_rules import HowToClaim, LocalRules
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

    @property
    def unclaimed_per_year(self) -> float:
        return sum(e.unclaimed_per_year for e in self.entitlements)

    @property
    def unclaimed_per_month(self) -> float:
        return self.unclaimed_per_year / 12

    @property
    def entitled_per_year(self) -> float:
        return sum(e.per_year for e in self.entitlements)


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

    def living_wage(self, year: TaxYear, age: int = 21) -> float:
        return float(self.engine.parameter("gov.hmrc.minimum_wage.non_apprentice", year).calc(age))

    def check(self, household: Household, year: TaxYear, scenarios: Sequence[Scenario] | None = None) -> BetterOff:
        chosen = list(scenarios) if scenarios is not None else better_off_in_work(household, self.living_wage(year))
        amounts = self.amounts([household, *(s.household for s in chosen)], year)
        rules = LocalRules.shipped(year)
        row = _row_values(amounts, 0) | {
            "uc_capital_limit": float(self.engine.parameter("gov.dwp.universal_credit.means_test.capital.limit", year)),
            "carers_min_hours": float(self.engine.parameter("gov.dwp.carers_allowance.min_hours", year)),
        }
        pension_age = row["council_tax_reduction_pensioner"] > 0
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
        now = float(amounts.net_income_after_housing_costs[0])
        results = [
            ScenarioResult(
                s,
                float(amounts.net_income_after_housing_costs[i + 1]),
                float(amounts.net_income_after_housing_costs[i + 1]) - now,
            )
            for i, s in enumerate(chosen)
        ]
        if pension_age and scenarios is None:
            results = []
        return BetterOff(year, household, entitlements, now, results, self.engine.version)


def _row_values(amounts: Amounts, index: int) -> dict[str, float]:
    values = {name: float(column[index]) for name, column in amounts.rules.values.items()}
    facts = amounts.facts
    values["school_age_children"] = float(facts.school_age_children[index])
    values["under_4_or_pregnant"] = float(facts.under_1[index] + facts.aged_1_to_3[index] + facts.pregnant[index])
    values["protected_for_council_tax"] = float(amounts.protected_for_council_tax[index])
    return values
