"""Households worked out by hand on the 2025-26 rates, each with its working, for tests/core/benefits/test_hand_worked.py.

Rates, tax year 2025-26 (PolicyEngine UK's parameter files cite the same instruments):
- Universal Credit, GOV.UK "Universal Credit: what you'll get" and the Social Security Benefits
  Up-rating Order 2025: standard allowance £400.14 a month single 25 or over, £628.10 a couple
  (both 25 or over); child element £339.00 for a first child born before 6 April 2017, £292.81
  otherwise; disabled child addition £495.87 (higher rate); LCWRA element £423.27; carer element
  £201.68; work allowance £411 with housing costs, £684 without; taper 55%; childcare element 85%
  of costs up to £1,031.88 a month for one child; housing cost contribution £93.02 a month for each
  non-dependant (none under 21, UC Regs 2013 Sch 4 para 16); capital limit £16,000.
- Benefit cap outside London (GOV.UK "Benefit cap: how much"): £22,020 a year for a couple or a
  parent, £14,753 a single person; earnings exception £846 a month (16 hours × £12.21 × 52 / 12,
  pence disregarded, UC Regs 2013 reg. 82).
- Local Housing Allowance, Luton BRMA, 2025-26 (DWP "Universal Credit Local Housing Allowance
  monthly rates 2025 to 2026", frozen at the April 2024 rates): shared £436.17, 1 bedroom £700.00,
  2 bedrooms £875.00, 3 bedrooms £1,100.00, 4 bedrooms £1,350.00 a month. Shared rate for a single
  renter under 35, except one on PIP daily living (UC Regs 2013 Sch 4 paras 28-29).
- Social-sector size criteria: 14% of the eligible rent for one spare bedroom (GOV.UK "Housing
  Benefit: what you'll get"; UC Regs 2013 Sch 4 para 36).
- Minimum income floor: 35 hours × National Living Wage £12.21 = £427.35 a week, less notional
  income tax (20% over £12,570) and Class 4 National Insurance (6% over £12,570).
- Pension Credit (GOV.UK "Pension Credit: what you'll get"): standard minimum guarantee £227.10 a
  week single, £346.60 a couple; severe disability addition £82.90 a week.
- Housing Benefit, pension age, State Pension age reached on or after 1 April 2021: personal
  allowance £227.10 a week; 65% of income over it withdrawn. Council Tax Reduction for pensioners
  (SI 2012/2885): 20% of income over the applicable amount withdrawn.
- Child Benefit £26.05 a week eldest, £17.25 others; Carer's Allowance £83.30 a week; Healthy
  Start £4.25 a week a child aged 1 to 3; free school meals £495.90 a child of 8 to 15
  (free_school_meals.yaml); Warm Home Discount £150 once a year.
- Income tax personal allowance £12,570, basic rate 20%; employee National Insurance 8% over £12,570.
A weekly rate is × 52 a year, a monthly one × 12. Luton's working-age Council Tax Reduction
(council_tax_reduction.yaml): up to 100% for protected households, 20% of income over the UC
maximum withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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

UC = Benefit.UNIVERSAL_CREDIT
PC = Benefit.PENSION_CREDIT
HB = Benefit.HOUSING_BENEFIT
CTR = Benefit.COUNCIL_TAX_REDUCTION
CB = Benefit.CHILD_BENEFIT
CA = Benefit.CARERS_ALLOWANCE
FSM = Benefit.FREE_SCHOOL_MEALS
HS = Benefit.HEALTHY_START
WHD = Benefit.WARM_HOME_DISCOUNT
PIP_STANDARD = Disability(pip_daily_living=PipRate.STANDARD, pip_mobility=PipRate.STANDARD)


@dataclass(frozen=True)
class HandWorked:
    name: str
    household: Household
    per_year: dict[Benefit, float]
    """Every benefit not listed is nil."""
    working: str
    policyengine_inputs: dict[str, Any] = field(default_factory=dict)
    """For PolicyEngine's own Simulation: the family inputs the calculator's bedroom rules set."""
    luton_only: frozenset[Benefit] = frozenset()
    """Benefits PolicyEngine UK does not work out for Luton (its working-age Council Tax Reduction)."""


WORKING_AGE_CTR = frozenset({CTR})

CASES = [
    HandWorked(
        "single under 35 renting privately: the shared accommodation rate",
        Household(adults=(Adult(30),), rent_per_month=600),
        {UC: 10035.72, WHD: 150},
        "UC: (400.14 + shared rate 436.17, rent 600 is more) × 12 = 836.31 × 12 = 10,035.72.",
    ),
    HandWorked(
        "single 40 renting privately: the one-bedroom rate",
        Household(adults=(Adult(40),), rent_per_month=800),
        {UC: 13201.68, WHD: 150},
        "UC: (400.14 + 700.00) × 12 = 13,201.68.",
    ),
    HandWorked(
        "lone parent with a 6-year-old: the two-bedroom rate",
        Household(adults=(Adult(30),), children_ages=(6,), rent_per_month=900),
        {UC: 18815.40, CB: 1354.60, WHD: 150},
        "UC: (400.14 + 292.81 + 875.00) × 12 = 1,567.95 × 12 = 18,815.40; benefits 18,815.40 + 1,354.60 = "
        "20,170 under the £22,020 cap. CB: 26.05 × 52 = 1,354.60. Free meals: a 6-year-old is an infant.",
    ),
    HandWorked(
        "couple, a child and a son of 20 (a non-dependant under 21): three bedrooms, exempt from the cap by earnings",
        Household(
            adults=(Adult(40), Adult(38, earnings_per_year=12000, hours_per_week=25)),
            children_ages=(10,),
            non_dependants=(NonDependant(20, 18000),),
            rent_per_month=1200,
            bedrooms=3,
        ),
        {UC: 20917.80, CB: 1354.60, WHD: 150},
        "Bedrooms allowed: couple 1 + child 1 + non-dependant 1 = 3, the three-bedroom rate 1,100.00. The son is "
        "under 21, so no housing cost contribution. The child (10) was born before 6 April 2017: 339.00. Maximum "
        "(628.10 + 339.00 + 1,100.00) × 12 = 24,805.20. Pay 12,000 is under the tax and NI thresholds; work "
        "allowance 411 × 12 = 4,932; 0.55 × (12,000 − 4,932) = 3,887.40. UC 24,805.20 − 3,887.40 = 20,917.80. "
        "Benefits 22,272.40 are over the £22,020 cap, but take-home pay 1,000 a month is over the £846 earnings "
        "exception. Free meals: take-home pay 12,000 is over £7,400.",
    ),
    HandWorked(
        "couple, a child of 8 and two working non-dependants: four bedrooms, and the benefit cap",
        Household(
            adults=(Adult(30), Adult(30)),
            children_ages=(8,),
            non_dependants=(NonDependant(22, 15000), NonDependant(24, 15000)),
            rent_per_month=1400,
            bedrooms=4,
        ),
        {UC: 20665.40, CB: 1354.60, FSM: 495.90, WHD: 150},
        "Bedrooms allowed: 1 + 1 + 2 non-dependants = 4, the four-bedroom rate 1,350.00, less two housing cost "
        "contributions 2 × 93.02. Maximum (628.10 + 292.81 + 1,350.00 − 186.04) × 12 = 2,084.87 × 12 = "
        "25,018.44. Cap: 25,018.44 + CB 1,354.60 − 22,020 = 4,353.04 off, so UC 20,665.40. Free meals: one child "
        "of 8 on UC with no earnings, 495.90.",
    ),
    HandWorked(
        "single 45 on PIP (standard rates), no work capability assessment: no health element",
        Household(adults=(Adult(45, disability=PIP_STANDARD),), rent_per_month=800, council_tax_per_year=1500),
        {UC: 13201.68, CTR: 1500, WHD: 150},
        "UC: (400.14 + 700.00) × 12 = 13,201.68; PIP is not limited capability for work, so no LCWRA element "
        "(423.27 × 12 = 5,079.24 too much before). CTR: a disabled person is protected (100%); income is the UC "
        "award, equal to the UC maximum, so nothing is withdrawn: 1,500.",
        luton_only=WORKING_AGE_CTR,
    ),
    HandWorked(
        "single 45 on PIP, found to have limited capability for work and work-related activity",
        Household(
            adults=(Adult(45, disability=PIP_STANDARD, work_capability=WorkCapability.LCWRA),),
            rent_per_month=800,
            council_tax_per_year=1500,
        ),
        {UC: 18280.92, CTR: 1500, WHD: 150},
        "UC: (400.14 + 700.00 + 423.27) × 12 = 1,523.41 × 12 = 18,280.92. CTR as before: 1,500.",
        luton_only=WORKING_AGE_CTR,
    ),
    HandWorked(
        "pensioner of 80 on the higher rate of Attendance Allowance, living alone",
        Household(
            adults=(
                Adult(80, pension_per_year=9000, disability=Disability(attendance_allowance=LowerOrHigher.HIGHER)),
            ),
            tenure=ClaimTenure.OWNED_OUTRIGHT,
            council_tax_per_year=1800,
        ),
        {PC: 7120.00, CTR: 1800, WHD: 150},
        "Guarantee (227.10 + severe disability addition 82.90) × 52 = 16,120; Attendance Allowance is not "
        "income; 16,120 − 9,000 = 7,120. Income 173.08 a week is under the savings credit threshold. CTR: "
        "guarantee credit gives the whole bill, 1,800.",
    ),
    HandWorked(
        "carer couple: the partner cares 40 hours a week for the claimant, who gets enhanced PIP",
        Household(
            adults=(
                Adult(50, disability=Disability(pip_daily_living=PipRate.ENHANCED)),
                Adult(48, care_hours_per_week=40),
            ),
            tenure=ClaimTenure.RENT_FROM_HA,
            rent_per_month=550,
            bedrooms=1,
            council_tax_per_year=1600,
        ),
        {UC: 12225.76, CTR: 1600, CA: 4331.60, WHD: 150},
        "CA: 83.30 × 52 = 4,331.60, to the partner. UC maximum (628.10 + carer 201.68 + rent 550) × 12 = "
        "16,557.36, less CA pound for pound: 12,225.76. CTR: protected; income UC + CA = 16,557.36, the UC "
        "maximum, so 1,600.",
        luton_only=WORKING_AGE_CTR,
    ),
    HandWorked(
        "mixed-age couple, 70 and 60, renting from the council",
        Household(
            adults=(Adult(70, pension_per_year=11500), Adult(60)),
            tenure=ClaimTenure.RENT_FROM_COUNCIL,
            rent_per_month=600,
            bedrooms=1,
        ),
        {UC: 3237.20, WHD: 150},
        "One partner is under State Pension age, so the couple claims UC, not Pension Credit. Maximum (628.10 + "
        "600) × 12 = 14,737.20, less the pension 11,500 pound for pound: 3,237.20. The pension is under the "
        "personal allowance, so no income tax.",
    ),
    HandWorked(
        "pensioner couple with a pension each",
        Household(
            adults=(Adult(72, pension_per_year=8000), Adult(70, pension_per_year=7000)),
            tenure=ClaimTenure.OWNED_OUTRIGHT,
            council_tax_per_year=1500,
        ),
        {PC: 3023.20, CTR: 1500, WHD: 150},
        "Each pension is under the £12,570 personal allowance, so neither pays income tax (on one person the "
        "£15,000 would have cost 20% × 2,430 = 486). PC: 346.60 × 52 − 15,000 = 3,023.20; both reached State "
        "Pension age after April 2016, so no savings credit. CTR: guarantee credit, the whole bill.",
    ),
    HandWorked(
        "single 30 with savings of £20,000",
        Household(adults=(Adult(30),), rent_per_month=700, council_tax_per_year=1400, savings=20000),
        {},
        "Savings over £16,000: no UC, no Council Tax Reduction, and so no Warm Home Discount.",
        luton_only=WORKING_AGE_CTR,
    ),
    HandWorked(
        "lone parent working 30 hours with £600 a month of childcare",
        Household(
            adults=(Adult(28, earnings_per_year=19200, hours_per_week=30),),
            children_ages=(3,),
            childcare_per_month=600,
            rent_per_month=875,
            bedrooms=2,
        ),
        {UC: 18109.02, CB: 1354.60, WHD: 150},
        "Tax 0.20 × (19,200 − 12,570) = 1,326.00; NI 0.08 × 6,630 = 530.40; take-home 17,343.60. Maximum "
        "(400.14 + 292.81 + 875.00 + childcare 0.85 × 600 = 510.00) × 12 = 24,935.40. Work allowance 4,932; "
        "0.55 × (17,343.60 − 4,932) = 6,826.38. UC 18,109.02.",
    ),
    HandWorked(
        "self-employed single 35 earning £500 a month: the minimum income floor",
        Household(adults=(Adult(35, self_employment_per_year=6000, hours_per_week=30),), rent_per_month=700),
        {UC: 2359.73, WHD: 150},
        "Floor 12.21 × 35 × 52 = 22,222.20 a year, less notional tax 0.20 × 9,652.20 = 1,930.44 and Class 4 NI "
        "0.06 × 9,652.20 = 579.13: 19,712.63, counted instead of the actual 6,000. No work allowance. UC "
        "(400.14 + 700.00) × 12 − 0.55 × 19,712.63 = 13,201.68 − 10,841.95 = 2,359.73.",
    ),
    HandWorked(
        "self-employed single 35 in the first 12 months: actual earnings",
        Household(
            adults=(Adult(35, self_employment_per_year=6000, hours_per_week=30, self_employed_start_up=True),),
            rent_per_month=700,
        ),
        {UC: 9901.68, WHD: 150},
        "Start-up period, no floor: 13,201.68 − 0.55 × 6,000 = 9,901.68.",
    ),
    HandWorked(
        "single 17 living alone",
        Household(adults=(Adult(17),), tenure=ClaimTenure.OWNED_OUTRIGHT, council_tax_per_year=1000),
        {},
        "Under 18 with no child or limited capability: no UC. Nobody under 18 is liable for council tax, so no "
        "Council Tax Reduction.",
        luton_only=WORKING_AGE_CTR,
    ),
    HandWorked(
        "lone parent of three children born after April 2017: the two-child limit",
        Household(adults=(Adult(30),), children_ages=(1, 3, 5), tenure=ClaimTenure.OWNED_OUTRIGHT),
        {UC: 11829.12, CB: 3148.60, HS: 442, WHD: 150},
        "UC: (400.14 + 2 × 292.81) × 12 = 985.76 × 12 = 11,829.12; the third child gets no element. CB: "
        "(26.05 + 2 × 17.25) × 52 = 3,148.60. Healthy Start: two children aged 1 to 3, 2 × 4.25 × 52 = 442.",
    ),
    HandWorked(
        "lone parent of a 6-year-old on the highest rate of DLA care",
        Household(
            adults=(Adult(35),),
            children_ages=(6,),
            children_disability=(Disability(dla_care=DlaCareRate.HIGHER),),
            tenure=ClaimTenure.OWNED_OUTRIGHT,
        ),
        {UC: 14265.84, CB: 1354.60, WHD: 150},
        "UC: (400.14 + 292.81 + higher disabled child addition 495.87) × 12 = 1,188.82 × 12 = 14,265.84.",
    ),
    HandWorked(
        "single 40 with limited capability for work, working 16 hours",
        Household(
            adults=(Adult(40, earnings_per_year=9600, hours_per_week=16, work_capability=WorkCapability.LCW),),
            tenure=ClaimTenure.OWNED_OUTRIGHT,
        ),
        {UC: 4036.08, WHD: 150},
        "LCW gives no element but a work allowance, 684 a month without housing costs. UC: 400.14 × 12 − "
        "0.55 × (9,600 − 8,208) = 4,801.68 − 765.60 = 4,036.08.",
    ),
    HandWorked(
        "single 50 on enhanced PIP waiting for a work capability decision, a council tenant",
        Household(
            adults=(
                Adult(
                    50,
                    disability=Disability(PipRate.ENHANCED, PipRate.ENHANCED),
                    work_capability=WorkCapability.WAITING,
                ),
            ),
            tenure=ClaimTenure.RENT_FROM_COUNCIL,
            rent_per_month=500,
            bedrooms=1,
            council_tax_per_year=1400,
        ),
        {UC: 10801.68, CTR: 1400, WHD: 150},
        "No element until a decision: (400.14 + 500) × 12 = 10,801.68. If found LCWRA, 423.27 a month more. "
        "CTR: protected, income equals the UC maximum: 1,400.",
        luton_only=WORKING_AGE_CTR,
    ),
    HandWorked(
        "single pensioner of 68 on the full new State Pension, a council tenant",
        Household(
            adults=(Adult(68, pension_per_year=11973),),
            tenure=ClaimTenure.RENT_FROM_COUNCIL,
            rent_per_month=500,
            council_tax_per_year=1600,
        ),
        {HB: 5893.53, CTR: 1567.24, WHD: 150},
        "State Pension 230.25 × 52 = 11,973 is over the guarantee (11,809.20): no Pension Credit. HB: rent "
        "6,000 − 0.65 × (230.25 − 227.10) × 52 = 6,000 − 106.47 = 5,893.53. CTR: 1,600 − 0.20 × 163.80 = "
        "1,567.24.",
    ),
    HandWorked(
        "single 28 on PIP daily living renting privately: excepted from the shared rate",
        Household(adults=(Adult(28, disability=Disability(pip_daily_living=PipRate.STANDARD)),), rent_per_month=750),
        {UC: 13201.68, WHD: 150},
        "Under 35 but on PIP daily living, so the one-bedroom rate: (400.14 + 700.00) × 12 = 13,201.68.",
    ),
    HandWorked(
        "single 40 in a two-bedroom council flat: one spare bedroom",
        Household(adults=(Adult(40),), tenure=ClaimTenure.RENT_FROM_COUNCIL, rent_per_month=600, bedrooms=2),
        {UC: 10993.68, WHD: 150},
        "Eligible rent 600 × 0.86 = 516: (400.14 + 516) × 12 = 10,993.68.",
        {"benunit_rent": 600 * 12 * 0.86},
    ),
    HandWorked(
        "lone parent and a 4-year-old in a one-bedroom private flat: fewer bedrooms than allowed",
        Household(adults=(Adult(30),), children_ages=(4,), rent_per_month=800, bedrooms=1),
        {UC: 16715.40, CB: 1354.60, WHD: 150},
        "Allowed two bedrooms, the flat has one: the one-bedroom rate 700.00. UC (400.14 + 292.81 + 700.00) × "
        "12 = 16,715.40.",
        {"LHA_category": "B"},
    ),
]
