"""Every benefit of every hand-worked household (hand_worked.py) to the penny: against Thrive's result,
and against PolicyEngine UK's own `Simulation(situation=…)` for the same household."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pytest

from tests.core.benefits.hand_worked import CASES, HandWorked
from tests.core.benefits.situation import situation
from thrive.benefits.calculator import Calculator
from thrive.benefits.household import Benefit
from thrive.benefits.local_rules import LocalRules
from thrive.benefits.tax_year import TaxYear

YEAR = TaxYear(2025)
PENNY = 0.005
POLICYENGINE = {
    Benefit.UNIVERSAL_CREDIT: "universal_credit",
    Benefit.PENSION_CREDIT: "pension_credit",
    Benefit.HOUSING_BENEFIT: "housing_benefit",
    Benefit.COUNCIL_TAX_REDUCTION: "council_tax_reduction",
    Benefit.CHILD_BENEFIT: "child_benefit",
    Benefit.CARERS_ALLOWANCE: "carers_allowance",
    Benefit.WARM_HOME_DISCOUNT: "warm_home_discount",
}
"""Free school meals and Healthy Start are inputs in PolicyEngine UK, so those are checked by hand only."""


def test_there_are_at_least_twenty_hand_worked_households() -> None:
    assert len(CASES) >= 20
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_thrive_agrees_with_the_working_to_the_penny(calculator: Calculator, case: HandWorked) -> None:
    amounts = calculator.amounts([case.household], YEAR)
    for benefit in Benefit:
        expected = case.per_year.get(benefit, 0.0)
        assert float(amounts.per_year[benefit][0]) == pytest.approx(expected, abs=PENNY), benefit.value


@cache
def _policyengine() -> dict[str, dict[Benefit, float]]:
    """PolicyEngine's own figures for every case. Cases that set the same inputs share one situation
    (each its own household and family), so PolicyEngine builds a handful of simulations, not one a
    case: a situation that sets an input for one family gives every other family its default."""
    groups: dict[tuple[str, ...], list[HandWorked]] = {}
    for case in CASES:
        groups.setdefault(tuple(sorted(case.policyengine_inputs)), []).append(case)
    results: dict[str, dict[Benefit, float]] = {}
    for cases in groups.values():
        results |= _simulate(cases)
    return results


def _simulate(cases: list[HandWorked]) -> dict[str, dict[Benefit, float]]:
    from policyengine_uk import Simulation  # type: ignore[import-untyped]  # noqa: PLC0415 (slow)

    combined: dict[str, dict[str, Any]] = {"people": {}, "benunits": {}, "households": {}}
    for number, case in enumerate(cases):
        one = situation(case.household, YEAR, case.policyengine_inputs)
        for entity, members in one.items():
            for name, values in members.items():
                renamed = dict(values)
                if "members" in renamed:
                    renamed["members"] = [f"{number}-{m}" for m in renamed["members"]]
                combined[entity][f"{number}-{name}"] = renamed
    simulation = Simulation(situation=combined)
    period = YEAR.policyengine_period
    plural = {"person": "people", "benunit": "benunits", "household": "households"}
    results: dict[str, dict[Benefit, float]] = {case.name: {} for case in cases}
    for benefit, variable in POLICYENGINE.items():
        values = np.asarray(simulation.calculate(variable, period), dtype=float)
        entity = simulation.tax_benefit_system.variables[variable].entity.key
        for name, value in zip(combined[plural[entity]], values, strict=True):
            index, _, member = name.partition("-")
            if member.startswith("other"):
                continue  # a non-dependant: their own benefit unit, never the family's
            case = cases[int(index)]
            results[case.name][benefit] = results[case.name].get(benefit, 0.0) + float(value)
    return results


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_policyengines_own_simulation_agrees_to_the_penny(case: HandWorked) -> None:
    theirs = _policyengine()[case.name]
    for benefit in POLICYENGINE:
        if benefit in case.luton_only:
            continue
        expected = case.per_year.get(benefit, 0.0)
        assert theirs[benefit] == pytest.approx(expected, abs=PENNY), benefit.value


def test_luton_only_amounts_are_the_working_age_council_tax_reduction() -> None:
    """Where PolicyEngine is not compared (Luton's own working-age scheme), the household is of working age."""
    rules = LocalRules.shipped(YEAR)
    for case in CASES:
        if case.luton_only:
            assert all(adult.age < rules.words.state_pension_age for adult in case.household.adults), case.name
