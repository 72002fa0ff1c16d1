"""A household as PolicyEngine UK's own `Simulation(situation=…)` takes it, written out independently of
the engine's column builder, so the hand-worked tests compare the fast path with PolicyEngine itself.

Only PolicyEngine's documented inputs are set: ages, pay, hours, pensions, care hours, disability
benefits by component and rate, work capability outcomes, childcare, rent, council tax, savings and
tenure, and Luton's region, local authority and Broad Rental Market Area; and, as the calculator
decides, no marriage allowance. Nothing the engine states
as nil for speed (legacy benefits, non-dependant deductions) is set here: PolicyEngine works those
out itself.
"""

from __future__ import annotations

from typing import Any

from thrive.benefits.household import Adult, Disability, Household, WorkCapability
from thrive.benefits.tax_year import TaxYear


def _disability(disability: Disability) -> dict[str, str]:
    return {
        "pip_dl_category": disability.pip_daily_living.value,
        "pip_m_category": disability.pip_mobility.value,
        "dla_sc_category": disability.dla_care.value,
        "dla_m_category": disability.dla_mobility.value,
        "aa_category": disability.attendance_allowance.value,
    }


def _adult(adult: Adult, head: bool, childcare: float) -> dict[str, Any]:
    found = adult.work_capability
    return {
        "age": adult.age,
        "employment_income": adult.earnings_per_year,
        "self_employment_income": adult.self_employment_per_year,
        "hours_worked": adult.hours_per_week * 52,
        "state_pension": adult.pension_per_year,
        "care_hours": adult.care_hours_per_week,
        "is_disabled_for_benefits": adult.disability.any,
        "uc_limited_capability_for_work": found in {WorkCapability.LCW, WorkCapability.LCWRA},
        "uc_limited_capability_for_WRA": found == WorkCapability.LCWRA,
        "uc_is_in_startup_period": adult.self_employed_start_up,
        "is_household_head": head,
        "childcare_expenses": childcare,
        "marriage_allowance": 0.0,
        **_disability(adult.disability),
    }


def situation(household: Household, year: TaxYear, benunit: dict[str, Any] | None = None) -> dict[str, Any]:
    """The situation for `household`; `benunit` adds inputs for the family (what the bedroom rules set)."""
    period = year.policyengine_period

    def each_year(values: dict[str, Any]) -> dict[str, dict[str, Any]]:
        return {name: {period: value} for name, value in values.items()}

    people: dict[str, dict[str, Any]] = {}
    for number, adult in enumerate(household.adults):
        childcare = household.childcare_per_month * 12 if number == 0 else 0.0
        people[f"adult{number}"] = each_year(_adult(adult, number == 0, childcare))
    for number, age in enumerate(household.children_ages):
        disability = household.child_disability(number)
        people[f"child{number}"] = each_year(
            {
                "age": age,
                "is_disabled_for_benefits": disability.any,
                "is_household_head": False,
                **_disability(disability),
            }
        )
    family = list(people)
    benunits: dict[str, dict[str, Any]] = {"family": {"members": family, **each_year(benunit or {})}}
    for number, other in enumerate(household.non_dependants):
        name = f"other{number}"
        people[name] = each_year(
            {"age": other.age, "employment_income": other.earnings_per_year, "is_household_head": False}
        )
        benunits[name] = {"members": [name]}
    return {
        "people": people,
        "benunits": benunits,
        "households": {
            "home": {
                "members": list(people),
                **each_year(
                    {
                        "rent": household.rent_per_month * 12,
                        "council_tax": household.council_tax_per_year,
                        "savings": household.savings,
                        "tenure_type": household.tenure.value,
                        "region": "EAST_OF_ENGLAND",
                        "local_authority": "LUTON",
                        "brma": "LUTON",
                        "would_receive_warm_home_discount": True,
                    }
                ),
            }
        },
    }
