"""Each reason names the rule that decided the amount, tested against the household that triggers it
(most from hand_worked.py, whose working gives the figures)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.core.benefits.hand_worked import CASES
from thrive.benefits.calculator import BetterOff, Calculator
from thrive.benefits.household import Adult, Benefit, ClaimTenure, Household
from thrive.benefits.tax_year import TaxYear

YEAR = TaxYear(2025)
BY_NAME = {case.name: case.household for case in CASES}


def _reasons(calculator: Calculator, household: Household) -> dict[Benefit, str]:
    return {e.benefit: e.reason for e in calculator.check(household, YEAR).entitlements}


def _case(start: str) -> Household:
    (household,) = [h for name, h in BY_NAME.items() if name.startswith(start)]
    return household


def test_a_capped_family_is_told_about_the_cap_its_exemptions_and_the_grace_period(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("couple, a child of 8"))[Benefit.UNIVERSAL_CREDIT]
    # 25,018.44 + 1,354.60 − 22,020 = 4,353.04 a year: £362.75 a month (hand_worked.py).
    assert (
        "The benefit cap limits your household's benefits to £1,835 a month, which takes off £362.75 a month" in reason
    )
    assert "earned £846 a month or more after tax" in reason
    assert "9-month grace period" in reason
    assert "work allowance" not in reason
    assert "£186.04 a month comes off help with rent for the other adults" in reason


def test_a_family_exempt_through_earnings_is_told_why_the_cap_does_not_apply(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("couple, a child and a son of 20"))[Benefit.UNIVERSAL_CREDIT]
    assert "The benefit cap does not apply because your take-home pay is at least £846 a month" in reason
    assert "55p for each £1 of take-home pay over your work allowance of £411 a month" in reason


def test_savings_over_the_limit_are_called_savings_not_income(calculator: Calculator) -> None:
    reasons = _reasons(calculator, _case("single 30 with savings"))
    assert reasons[Benefit.UNIVERSAL_CREDIT].startswith("Savings over £16,000 mean you cannot get Universal Credit")
    assert "savings over £16,000 mean no reduction" in reasons[Benefit.COUNCIL_TAX_REDUCTION]
    assert "income" not in reasons[Benefit.COUNCIL_TAX_REDUCTION].split("but")[-1]


def test_a_17_year_old_is_told_the_age_rule_and_that_they_are_not_liable_for_council_tax(
    calculator: Calculator,
) -> None:
    reasons = _reasons(calculator, _case("single 17"))
    assert reasons[Benefit.UNIVERSAL_CREDIT].startswith("Universal Credit is for people aged 18 or over. From 16")
    assert "takes it to nothing" not in reasons[Benefit.UNIVERSAL_CREDIT]
    assert reasons[Benefit.COUNCIL_TAX_REDUCTION].startswith("Nobody under 18 has to pay council tax")


def test_the_two_child_limit_names_its_exceptions(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("lone parent of three"))[Benefit.UNIVERSAL_CREDIT]
    assert "1 of your children get no child element because of the two-child limit" in reason
    assert "Children born before 6 April 2017" in reason


def test_the_taper_and_the_childcare_element(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("lone parent working 30 hours"))[Benefit.UNIVERSAL_CREDIT]
    # 6,826.38 a year of taper (hand_worked.py) is £568.865 a month, shown to the penny as £568.86.
    assert (
        "It is reduced by £568.86 a month for income: 55p for each £1 of take-home pay over your work allowance"
        in reason
    )
    assert "childcare £510" in reason
    assert "pays 85% of your childcare costs" in reason


def test_pip_alone_is_not_limited_capability_and_says_what_would_be(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("single 45 on PIP (standard"))[Benefit.UNIVERSAL_CREDIT]
    assert "limited capability for work and work-related activity £" not in reason
    assert "A disability benefit does not by itself add the health element" in reason
    waiting = _reasons(calculator, _case("single 50 on enhanced PIP waiting"))[Benefit.UNIVERSAL_CREDIT]
    assert (
        "If you are found to have limited capability for work and work-related activity, you would get £423.27"
        in waiting
    )
    found = _reasons(calculator, _case("single 45 on PIP, found"))[Benefit.UNIVERSAL_CREDIT]
    assert "limited capability for work and work-related activity £423.27" in found


def test_the_minimum_income_floor_is_stated_as_an_assumption(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("self-employed single 35 earning"))[Benefit.UNIVERSAL_CREDIT]
    # 22,222.20 − 1,930.44 − 579.13 = 19,712.63 a year: £1,642.72 a month.
    assert "we assume the minimum income floor applies" in reason
    assert "at least £1,642.72 a month" in reason
    start_up = _reasons(calculator, _case("self-employed single 35 in the first"))[Benefit.UNIVERSAL_CREDIT]
    assert "minimum income floor" not in start_up


def test_rent_rules_name_luton_s_rate_the_size_criteria_and_the_bedrooms(calculator: Calculator) -> None:
    shared = _reasons(calculator, _case("single under 35"))[Benefit.UNIVERSAL_CREDIT]
    assert "capped at Luton's Local Housing Allowance, £436.17 a month" in shared
    spare = _reasons(calculator, _case("single 40 in a two-bedroom council flat"))[Benefit.UNIVERSAL_CREDIT]
    assert "cut by £84 a month because your home has more bedrooms than the size criteria allow" in spare


def test_pension_credit_names_its_additions_and_passports_council_tax(calculator: Calculator) -> None:
    reasons = _reasons(calculator, _case("pensioner of 80"))
    assert "severe disability addition £82.90" in reasons[Benefit.PENSION_CREDIT]
    assert (
        "guarantee credit means £1,800 a year off your bill, the most you can get"
        in reasons[Benefit.COUNCIL_TAX_REDUCTION]
    )
    mixed = _reasons(calculator, _case("mixed-age couple"))[Benefit.PENSION_CREDIT]
    assert "a mixed-age couple" in mixed


def test_carers_allowance_names_who_cares(calculator: Calculator) -> None:
    reason = _reasons(calculator, _case("carer couple"))[Benefit.CARERS_ALLOWANCE]
    assert reason.startswith("Your partner cares for 35 hours a week or more")


def test_free_school_meals_infants_and_transitional_protection(calculator: Calculator) -> None:
    infants = _reasons(calculator, _case("lone parent with a 6-year-old"))[Benefit.FREE_SCHOOL_MEALS]
    assert "reception, year 1 and year 2" in infants
    paid = _reasons(calculator, _case("couple, a child of 8"))[Benefit.FREE_SCHOOL_MEALS]
    assert "worth about £495.90 a child a year" in paid and "keeps them until the end of their current phase" in paid


def test_the_warm_home_discount_is_one_off(calculator: Calculator) -> None:
    result = calculator.check(_case("single under 35"), YEAR)
    (discount,) = [e for e in result.entitlements if e.benefit is Benefit.WARM_HOME_DISCOUNT]
    assert discount.how_to_claim.once_a_year
    assert discount.reason.startswith("A one-off £150 off your electricity bill")


def test_marriage_allowance_is_never_assumed(calculator: Calculator) -> None:
    # A couple, one earning £20,000 and one nothing: income tax (20,000 − 12,570) × 0.20 = £1,486
    # exactly, with no marriage allowance transferred.
    household = Household(
        adults=(Adult(40, earnings_per_year=20000, hours_per_week=37.5), Adult(40)), tenure=ClaimTenure.OWNED_OUTRIGHT
    )
    amounts = calculator.amounts([household], YEAR)
    assert amounts.rules["income_tax"][0] == pytest.approx(1486.00, abs=0.005)


def _scenarios(calculator: Calculator, household: Household) -> BetterOff:
    return calculator.check(household, YEAR)


def test_work_scenarios_key_on_pay_and_hours(calculator: Calculator) -> None:
    # £2,000 a month with no hours given: no hourly pay to scale, and already in work, so no new job.
    paid = Household(adults=(Adult(30, earnings_per_year=24000),), rent_per_month=900)
    names = [s.scenario.name for s in _scenarios(calculator, paid).scenarios]
    assert not any("job" in n or "hours" in n for n in names)


def test_only_the_partner_under_pension_age_is_offered_work(calculator: Calculator) -> None:
    names = [s.scenario.name for s in _scenarios(calculator, _case("mixed-age couple")).scenarios]
    assert names == ["A new job of 16 hours a week (your partner)"]


def test_a_new_baby_is_offered_only_where_plausible(calculator: Calculator) -> None:
    assert not _scenarios(calculator, _case("single 17")).scenarios[1:]
    assert "A new baby joins the family" not in [
        s.scenario.name for s in _scenarios(calculator, _case("single 17")).scenarios
    ]
    expecting = Household(adults=(Adult(17, pregnant=True),), tenure=ClaimTenure.OWNED_OUTRIGHT)
    assert "A new baby joins the family" in [s.scenario.name for s in _scenarios(calculator, expecting).scenarios]


def test_free_school_meals_are_kept_when_more_hours_lift_earnings_over_the_limit(calculator: Calculator) -> None:
    # Take-home £6,000 now (under £7,400): one child of 9 gets £495.90 of meals. Eight more hours at
    # £12.50 add 8 × 12.50 × 52 = £5,200, over the limit; transitional protection keeps the meals.
    household = Household(
        adults=(Adult(30, earnings_per_year=6000, hours_per_week=9.6),),
        children_ages=(9,),
        tenure=ClaimTenure.OWNED_OUTRIGHT,
    )
    result = calculator.check(household, YEAR)
    (more,) = [s for s in result.scenarios if s.scenario.name.startswith("Work 8 more hours")]
    unprotected = calculator.amounts([household, more.scenario.household], YEAR)
    meals = unprotected.per_year[Benefit.FREE_SCHOOL_MEALS]
    assert meals[0] == pytest.approx(495.90) and meals[1] == 0
    assert more.net_income_after_housing_costs == pytest.approx(
        float(unprotected.net_income_after_housing_costs[1]) + 495.90, abs=0.01
    )


def test_a_household_with_no_recourse_to_public_funds_is_told_who_can_help(calculator: Calculator) -> None:
    household = replace(_case("single under 35"), no_recourse_to_public_funds=True)
    result = calculator.check(household, YEAR)
    assert result.entitlements == [] and result.scenarios == []
    (help_,) = result.cannot_help
    assert help_.heading == "We cannot work this out for you"
    assert "Citizens Advice Luton" in [c.name for c in help_.contacts]
    assert all(c.contact == "Contact details to be confirmed" for c in result.contacts)
