"""Households worked out by hand against the GOV.UK rates for 2025-26, and against PolicyEngine UK's
own `Simulation(situation=…)` for the same household.

Rates (GOV.UK, tax year 2025-26):
- Universal Credit, https://www.gov.uk/universal-credit/what-youll-get: standard allowance, single
  25 or over, £400.14 a month; child element £292.81 a month for a child born on or after
  6 April 2017; work allowance £684 a month with no housing costs; taper 55%.
- Child Benefit, https://www.gov.uk/child-benefit/what-youll-get: £26.05 a week for the eldest,
  £17.25 a week for each other child.
- Pension Credit, https://www.gov.uk/pension-credit/what-youll-get: standard minimum guarantee
  £227.10 a week for a single person, £346.60 for a couple.
- Carer's Allowance, https://www.gov.uk/carers-allowance/what-youll-get: £83.30 a week.
PolicyEngine works in years: a weekly rate is × 52, a monthly one × 12.
"""

from __future__ import annotations

import pytest

from thrive.benefits.calculator import Calculator
from thrive.benefits.household import Adult, Benefit, ClaimTenure, Household
from thrive.benefits.tax_year import TaxYear

YEAR = TaxYear(2025)


def _amount(calculator: Calculator, household: Household, benefit: Benefit) -> float:
    return float(calculator.amounts([household], YEAR).per_year[benefit][0])


def test_single_adult_with_no_income_gets_the_universal_credit_standard_allowance(calculator: Calculator) -> None:
    household = Household(adults=(Adult(age=30),), tenure=ClaimTenure.OWNED_OUTRIGHT)
    assert _amount(calculator, household, Benefit.UNIVERSAL_CREDIT) == pytest.approx(400.14 * 12, abs=0.05)


def test_lone_parent_in_work_gets_child_elements_less_55p_in_the_pound_over_the_work_allowance(
    calculator: Calculator,
) -> None:
    # £12,000 a year is under the personal allowance and the NI primary threshold (£12,570), so
    # net earnings are £1,000 a month. By hand: 400.14 + 2 × 292.81 − 0.55 × (1,000 − 684)
    # = 400.14 + 585.62 − 173.80 = £811.96 a month.
    household = Household(
        adults=(Adult(age=30, earnings_per_year=12000, hours_per_week=25),),
        children_ages=(3, 5),
        tenure=ClaimTenure.OWNED_OUTRIGHT,
    )
    amounts = calculator.amounts([household], YEAR)
    assert amounts.rules["uc_child_element"][0] == pytest.approx(2 * 292.81 * 12, abs=0.05)
    assert amounts.per_year[Benefit.UNIVERSAL_CREDIT][0] == pytest.approx(811.96 * 12, abs=0.05)


def test_child_benefit_pays_the_eldest_rate_and_the_other_child_rate(calculator: Calculator) -> None:
    household = Household(adults=(Adult(age=35),), children_ages=(3, 5))
    assert _amount(calculator, household, Benefit.CHILD_BENEFIT) == pytest.approx((26.05 + 17.25) * 52, abs=0.05)


def test_pension_credit_tops_a_single_pensioner_up_to_the_standard_minimum_guarantee(calculator: Calculator) -> None:
    # By hand: 227.10 × 52 − 10,000 = £1,809.20 a year.
    household = Household(adults=(Adult(age=70, pension_per_year=10000),), tenure=ClaimTenure.OWNED_OUTRIGHT)
    assert _amount(calculator, household, Benefit.PENSION_CREDIT) == pytest.approx(227.10 * 52 - 10000, abs=0.05)


def test_pension_credit_for_a_couple_uses_the_couple_guarantee(calculator: Calculator) -> None:
    # By hand: 346.60 × 52 − 15,000 = £3,023.20 a year.
    household = Household(
        adults=(Adult(age=72, pension_per_year=8000), Adult(age=70, pension_per_year=7000)),
        tenure=ClaimTenure.OWNED_OUTRIGHT,
    )
    assert _amount(calculator, household, Benefit.PENSION_CREDIT) == pytest.approx(346.60 * 52 - 15000, abs=0.05)


def test_a_full_time_carer_gets_carers_allowance(calculator: Calculator) -> None:
    household = Household(adults=(Adult(age=40, care_hours_per_week=40),), tenure=ClaimTenure.OWNED_OUTRIGHT)
    assert _amount(calculator, household, Benefit.CARERS_ALLOWANCE) == pytest.approx(83.30 * 52, abs=0.05)


def test_the_tax_year_is_explicit_and_selectable(calculator: Calculator) -> None:
    # 2024-25 standard allowance, single 25 or over: £393.45 a month (GOV.UK, April 2024 rates).
    household = Household(adults=(Adult(age=30),), tenure=ClaimTenure.OWNED_OUTRIGHT)
    earlier = calculator.amounts([household], TaxYear(2024)).per_year[Benefit.UNIVERSAL_CREDIT][0]
    assert earlier == pytest.approx(393.45 * 12, abs=0.05)


@pytest.mark.slow
def test_the_fast_path_agrees_with_policyengine_uks_own_simulation(calculator: Calculator) -> None:
    from policyengine_uk import Simulation  # type: ignore[import-untyped]  # noqa: PLC0415 (slow)

    year = "2025"
    situation = {
        "people": {
            "parent": {"age": {year: 30}, "employment_income": {year: 12000}, "hours_worked": {year: 25 * 52}},
            "child1": {"age": {year: 3}},
            "child2": {"age": {year: 5}},
        },
        "benunits": {"family": {"members": ["parent", "child1", "child2"]}},
        "households": {
            "home": {
                "members": ["parent", "child1", "child2"],
                "rent": {year: 700 * 12},
                "council_tax": {year: 1600},
                "tenure_type": {year: "RENT_PRIVATELY"},
                "region": {year: "EAST_OF_ENGLAND"},
                "local_authority": {year: "LUTON"},
                "brma": {year: "LUTON"},
            }
        },
    }
    reference = Simulation(situation=situation)
    household = Household(
        adults=(Adult(age=30, earnings_per_year=12000, hours_per_week=25),),
        children_ages=(3, 5),
        rent_per_month=700,
        council_tax_per_year=1600,
    )
    ours = calculator.amounts([household], YEAR)
    for variable, benefit in [
        ("universal_credit", Benefit.UNIVERSAL_CREDIT),
        ("child_benefit", Benefit.CHILD_BENEFIT),
        ("pension_credit", Benefit.PENSION_CREDIT),
        ("housing_benefit", Benefit.HOUSING_BENEFIT),
    ]:
        expected = float(reference.calculate(variable, year).sum())
        assert ours.per_year[benefit][0] == pytest.approx(expected, abs=0.01), variable
