"""Luton's Council Tax Reduction scheme, free school meals and Healthy Start, kept as data
(thrive/datasets/luton2040/better_off/), worked out by hand for 2025-26."""

from __future__ import annotations

import pytest

from thrive.benefits.calculator import Calculator
from thrive.benefits.household import Adult, Benefit, ClaimTenure, Disability, Household, PipRate
from thrive.benefits.tax_year import TaxYear

YEAR = TaxYear(2025)


def _per_year(calculator: Calculator, household: Household, benefit: Benefit) -> float:
    return float(calculator.amounts([household], YEAR).per_year[benefit][0])


def test_working_age_household_outside_the_protected_groups_gets_at_most_75_percent_off(
    calculator: Calculator,
) -> None:
    # council_tax_reduction.yaml: 75% maximum support (Luton full council, 2016). No income:
    # 0.75 × £1,400 = £1,050.
    household = Household(adults=(Adult(age=30),), rent_per_month=600, council_tax_per_year=1400)
    assert _per_year(calculator, household, Benefit.COUNCIL_TAX_REDUCTION) == pytest.approx(1050)


def test_a_household_with_a_disabled_person_is_protected_and_can_get_100_percent_off(calculator: Calculator) -> None:
    household = Household(
        adults=(Adult(age=30, disability=Disability(pip_daily_living=PipRate.STANDARD)),),
        rent_per_month=600,
        council_tax_per_year=1400,
    )
    assert _per_year(calculator, household, Benefit.COUNCIL_TAX_REDUCTION) == pytest.approx(1400)


def test_council_tax_reduction_is_withdrawn_at_20p_for_each_pound_of_excess_income(calculator: Calculator) -> None:
    # A Universal Credit household: the excess is income (award + earnings) over the UC maximum
    # amount. A single adult with no children gets no work allowance, so UC is 400.14 × 12 − 0.55 ×
    # 4,000 = £2,601.68; excess = 2,601.68 + 4,000 − 4,801.68 = £1,800; reduction = 0.75 × 1,400 −
    # 0.20 × 1,800 = £690.
    part_time = Household(
        adults=(Adult(age=30, earnings_per_year=4000, hours_per_week=8),),
        council_tax_per_year=1400,
        tenure=ClaimTenure.OWNED_OUTRIGHT,
    )
    assert _per_year(calculator, part_time, Benefit.COUNCIL_TAX_REDUCTION) == pytest.approx(690, abs=0.05)
    # £20,000 a year: no Universal Credit, and the prescribed means test leaves nothing.
    full_time = Household(
        adults=(Adult(age=30, earnings_per_year=20000, hours_per_week=37.5),),
        council_tax_per_year=1400,
        tenure=ClaimTenure.OWNED_OUTRIGHT,
    )
    assert _per_year(calculator, full_time, Benefit.COUNCIL_TAX_REDUCTION) == 0


def test_pensioners_follow_the_national_scheme_and_get_their_whole_bill_on_the_guarantee(
    calculator: Calculator,
) -> None:
    household = Household(
        adults=(Adult(age=70, pension_per_year=10000),),
        tenure=ClaimTenure.RENT_FROM_COUNCIL,
        rent_per_month=450,
        council_tax_per_year=1500,
    )
    assert _per_year(calculator, household, Benefit.COUNCIL_TAX_REDUCTION) == pytest.approx(1500)


def test_free_school_meals_for_a_school_age_child_on_universal_credit_under_the_earnings_limit(
    calculator: Calculator,
) -> None:
    # free_school_meals.yaml: £2.61 a meal × 190 days = £495.90 a child; 2025-26 limit £7,400 take-home.
    # The 7-year-old is an infant (reception to year 2), whose meals are free anyway: not counted.
    household = Household(
        adults=(Adult(age=30, earnings_per_year=6000, hours_per_week=12),), children_ages=(7, 9, 11, 2)
    )
    assert _per_year(calculator, household, Benefit.FREE_SCHOOL_MEALS) == pytest.approx(2 * 495.90)
    richer = Household(adults=(Adult(age=30, earnings_per_year=9000, hours_per_week=20),), children_ages=(7, 9, 2))
    assert _per_year(calculator, richer, Benefit.FREE_SCHOOL_MEALS) == 0


def test_healthy_start_pays_for_a_baby_and_a_toddler_on_universal_credit(calculator: Calculator) -> None:
    # healthy_start.yaml: £8.50 a week under 1, £4.25 a week aged 1 to 3: (8.50 + 4.25) × 52 = £663.
    household = Household(adults=(Adult(age=25),), children_ages=(0, 2), rent_per_month=500)
    assert _per_year(calculator, household, Benefit.HEALTHY_START) == pytest.approx(663)


def test_results_compare_entitlement_with_what_the_household_gets_now(calculator: Calculator) -> None:
    # Child Benefit for two children is £187.63 a month ((26.05 + 17.25) × 52 / 12); they get it.
    household = Household(
        adults=(Adult(age=35),),
        children_ages=(3, 5),
        tenure=ClaimTenure.OWNED_OUTRIGHT,
        receiving_per_month={Benefit.CHILD_BENEFIT: 187.63},
    )
    result = calculator.check(household, YEAR)
    by_benefit = {e.benefit: e for e in result.entitlements}
    assert by_benefit[Benefit.CHILD_BENEFIT].unclaimed_per_year == pytest.approx(0, abs=0.1)
    universal_credit = by_benefit[Benefit.UNIVERSAL_CREDIT]
    assert universal_credit.unclaimed_per_month == pytest.approx(400.14 + 2 * 292.81, abs=0.01)
    assert "standard allowance £400.14" in universal_credit.reason
    assert result.unclaimed_per_month == pytest.approx(result.unclaimed_per_year / 12)
    assert [s.scenario.name for s in result.scenarios] == [
        "A new job of 16 hours a week",
        "A new baby joins the family",
    ]
    assert all(s.difference > 0 for s in result.scenarios)


def test_pension_age_households_get_no_work_scenarios(calculator: Calculator) -> None:
    result = calculator.check(Household(adults=(Adult(age=70, pension_per_year=10000),)), YEAR)
    assert result.scenarios == []
