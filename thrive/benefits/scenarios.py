"""'Better off in work' scenarios: more hours, a new job, a change of circumstances.

Each is the same household with one thing changed; the calculator works them out in the same
simulation as the household itself and compares net income after housing and childcare costs.
A scenario is offered only to someone it could apply to: work to adults under State Pension age
(never to both partners of a mixed-age couple), more hours only where pay and hours are both known,
and a new baby only where one is plausible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from thrive.benefits.household import Adult, Household
from thrive.benefits.local_rules import RulesInWords
from thrive.benefits.reasons import money

EXTRA_HOURS = 8
NEW_JOB_HOURS = 16
FULL_TIME_HOURS = 37.5
WEEKS = 52
"""The scenarios' own shapes (a typical extra shift, the hours of a part-time job, a full-time
week), not benefit rules."""


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    household: Household


@dataclass(frozen=True)
class Change:
    """A change of circumstances an adviser or resident asks about; None leaves a thing as it is."""

    description: str
    new_children_ages: tuple[int, ...] = ()
    partner: Adult | None = None
    rent_per_month: float | None = None


def hourly_pay(adult: Adult) -> float:
    return adult.earnings_per_year / (adult.hours_per_week * WEEKS) if adult.hours_per_week > 0 else 0.0


def _whose(index: int, household: Household) -> str:
    if len(household.adults) == 1:
        return ""
    return " (you)" if index == 0 else " (your partner)"


def more_hours(household: Household, index: int, pay: float, extra: float = EXTRA_HOURS) -> Scenario:
    adult = household.adults[index]
    changed = replace(
        adult,
        hours_per_week=adult.hours_per_week + extra,
        earnings_per_year=adult.earnings_per_year + pay * extra * WEEKS,
    )
    return Scenario(
        f"Work {extra:g} more hours a week{_whose(index, household)}",
        f"{extra:g} more hours a week at {money(pay)} an hour.",
        household.with_adult(index, changed),
    )


def new_job(household: Household, index: int, hours: float, hourly: float, pay_words: str) -> Scenario:
    adult = household.adults[index]
    changed = replace(adult, hours_per_week=hours, earnings_per_year=hours * hourly * WEEKS)
    return Scenario(
        f"A new job of {hours:g} hours a week{_whose(index, household)}",
        f"A job of {hours:g} hours a week at {money(hourly)} an hour ({pay_words}).",
        household.with_adult(index, changed),
    )


def change_of_circumstances(household: Household, change: Change) -> Scenario:
    changed = household
    for age in change.new_children_ages:
        changed = changed.with_child(age)
    if change.partner is not None and len(changed.adults) == 1:
        changed = replace(changed, adults=(*changed.adults, change.partner))
    if change.rent_per_month is not None:
        changed = replace(changed, rent_per_month=change.rent_per_month)
    return Scenario(change.description, change.description, changed)


def better_off_in_work(
    household: Household, minimum_wage: Callable[[int], float], words: RulesInWords
) -> list[Scenario]:
    """The standard scenarios. Work is offered to adults under State Pension age who are old enough
    to work: more hours to an employee whose pay and hours are both known (at their pay, or the
    minimum wage for their age if that is more), a new job at the minimum wage to one who does not
    work, or full time to a part-time employee. A new baby is offered where one is on the way or an
    adult is of an age to become a parent."""
    ages = [adult.age for adult in household.adults]
    workable = [i for i, age in enumerate(ages) if words.work_from <= age < words.state_pension_age]
    scenarios = []
    employees = [
        i
        for i in workable
        if household.adults[i].hours_per_week > 0
        and household.adults[i].earnings_per_year > 0
        and household.adults[i].self_employment_per_year == 0
    ]
    if employees:
        first = employees[0]
        pay = max(minimum_wage(ages[first]), hourly_pay(household.adults[first]))
        scenarios.append(more_hours(household, first, pay))
    idle = [i for i in workable if not household.adults[i].works]
    if idle:
        first = idle[0]
        scenarios.append(
            new_job(household, first, NEW_JOB_HOURS, minimum_wage(ages[first]), "the minimum wage for their age")
        )
    elif employees and household.adults[employees[0]].hours_per_week < FULL_TIME_HOURS:
        first = employees[0]
        pay = max(minimum_wage(ages[first]), hourly_pay(household.adults[first]))
        scenarios.append(
            new_job(household, first, FULL_TIME_HOURS, pay, "current pay, or the minimum wage if that is more")
        )
    youngest, oldest = words.new_baby_ages
    expecting = any(adult.pregnant for adult in household.adults)
    if expecting or any(youngest <= age <= oldest for age in ages):
        scenarios.append(
            change_of_circumstances(household, Change("A new baby joins the family", new_children_ages=(0,)))
        )
    return scenarios
