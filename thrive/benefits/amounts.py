"""What each household is entitled to a year, for every benefit, as arrays over many households.

National benefits are PolicyEngine UK's; Luton's Council Tax Reduction for working-age households,
free school meals and Healthy Start apply the rule sets in `local_rules` to PolicyEngine's figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thrive.benefits.engine import HouseholdColumns, RulesResult
from thrive.benefits.household import Benefit
from thrive.benefits.local_rules import LocalRules


@dataclass(frozen=True)
class HouseholdFacts:
    """Per household, the facts the local rules and the reasons test."""

    has_disability: np.ndarray
    children: np.ndarray
    school_age_children: np.ndarray
    """Past the infant years, so free school meals are means-tested."""
    infants: np.ndarray
    """Reception to year 2: free meals for every child."""
    under_1: np.ndarray
    aged_1_to_3: np.ndarray
    pregnant: np.ndarray
    earnings: np.ndarray
    pensions: np.ndarray
    eldest_adult: np.ndarray
    savings: np.ndarray
    rent: np.ndarray
    council_tax: np.ndarray
    childcare: np.ndarray


@dataclass(frozen=True)
class Amounts:
    per_year: dict[Benefit, np.ndarray]
    net_income_after_housing_costs: np.ndarray
    facts: HouseholdFacts
    rules: RulesResult
    protected_for_council_tax: np.ndarray


def facts(data: HouseholdColumns, rules: LocalRules) -> HouseholdFacts:
    age = data.person["age"]
    child = data.is_child
    adult = data.in_family & ~child
    fsm = rules.free_school_meals

    def count(mask: np.ndarray) -> np.ndarray:
        return data.family_sum(mask.astype(float))

    def over_adults(name: str) -> np.ndarray:
        return data.family_sum(np.where(adult, data.person[name], 0.0))

    eldest = np.zeros(data.households)
    np.maximum.at(eldest, data.person_household, np.where(adult, age, 0.0))
    return HouseholdFacts(
        has_disability=count(data.person["is_disabled_for_benefits"] & data.in_family) > 0,
        children=count(child),
        school_age_children=count(child & (age > fsm.infants_to) & (age <= fsm.oldest)),
        infants=count(child & (age >= fsm.youngest) & (age <= fsm.infants_to)),
        under_1=count(child & (age < 1)),
        aged_1_to_3=count(child & (age >= 1) & (age < 4)),
        pregnant=count(data.pregnant) > 0,
        earnings=over_adults("employment_income") + over_adults("self_employment_income"),
        pensions=over_adults("state_pension"),
        eldest_adult=eldest,
        savings=data.household["savings"],
        rent=data.household["rent"],
        council_tax=data.household["council_tax"],
        childcare=data.childcare,
    )


def work_out(result: RulesResult, data: HouseholdColumns, rules: LocalRules) -> Amounts:
    known = facts(data, rules)
    universal_credit = result["universal_credit"]
    on_universal_credit = universal_credit > 0
    take_home = np.maximum(0.0, known.earnings - result["income_tax"] - result["national_insurance"])

    ctr = rules.council_tax_reduction
    carer = result["is_carer_for_benefits"] > 0
    protected = known.has_disability | carer | (known.children > 0)
    maximum = (
        np.where(protected, ctr.protected_maximum, ctr.others_maximum)
        * result["council_tax_reduction_maximum_eligible_liability"]
    )
    # Universal Credit households: the award and all other income against the Universal Credit
    # maximum amount; others: PolicyEngine's means test under the prescribed scheme.
    income = np.where(
        on_universal_credit,
        universal_credit + known.earnings + known.pensions + result["carers_allowance"],
        result["council_tax_reduction_applicable_income"],
    )
    applicable = np.where(
        on_universal_credit, result["uc_maximum_amount"], result["council_tax_reduction_applicable_amount"]
    )
    excess = np.maximum(0.0, income - applicable)
    working_age = np.maximum(0.0, maximum - ctr.withdrawal_rate * excess) * (known.savings <= ctr.capital_limit)
    pensioner = result["council_tax_reduction_pensioner"] > 0
    council_tax_reduction = np.where(pensioner, result["simulated_council_tax_reduction_benunit"], working_age)
    # Nobody under 18 is liable for council tax, so there is no bill to reduce.
    council_tax_reduction = np.where(known.eldest_adult >= ctr.liable_from_age, council_tax_reduction, 0.0)

    fsm = rules.free_school_meals
    fsm_income_ok = (
        np.ones_like(take_home, dtype=bool) if fsm.net_earnings_limit is None else (take_home <= fsm.net_earnings_limit)
    )
    fsm_qualifies = (on_universal_credit & fsm_income_ok) | (result["guarantee_credit"] > 0)
    free_school_meals = fsm_qualifies * known.school_age_children * fsm.value_per_child

    hs = rules.healthy_start
    hs_qualifies = on_universal_credit & (take_home / 12 <= hs.monthly_take_home_limit)
    weekly = (
        known.pregnant * hs.weekly_pregnancy + known.under_1 * hs.weekly_under_1 + known.aged_1_to_3 * hs.weekly_1_to_3
    )
    healthy_start = hs_qualifies * weekly * hs.weeks

    per_year = {
        Benefit.UNIVERSAL_CREDIT: universal_credit,
        Benefit.PENSION_CREDIT: result["pension_credit"],
        Benefit.HOUSING_BENEFIT: result["housing_benefit"],
        Benefit.COUNCIL_TAX_REDUCTION: council_tax_reduction,
        Benefit.CHILD_BENEFIT: result["child_benefit"],
        Benefit.CARERS_ALLOWANCE: result["carers_allowance"],
        Benefit.FREE_SCHOOL_MEALS: free_school_meals,
        Benefit.HEALTHY_START: healthy_start,
        Benefit.WARM_HOME_DISCOUNT: result["warm_home_discount"],
    }
    # Net income after housing costs, as the results page says it: earnings and pensions, plus the
    # benefits checked here, less income tax, National Insurance, rent, council tax and childcare
    # (the Universal Credit childcare element is in the benefits, so its costs must come off).
    benefits = sum(per_year.values(), np.zeros_like(universal_credit))
    net = (
        known.earnings
        + known.pensions
        + benefits
        - result["income_tax"]
        - result["national_insurance"]
        - known.rent
        - known.council_tax
        - known.childcare
    )
    return Amounts(per_year, net, known, result, protected)
