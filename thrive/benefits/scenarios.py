"""'Better off in work' scenarios: more hours, a new job, a change of circumstances.

Each is the same household with one thing changed; the calculator works them out in the same
simulation as the household itself and compares net income after housing costs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from thrive.benefits.household import Adult, Household
from thrive.benefits.reasons import money

EXTRA_HOURS = 8
NEW_JOB_HOURS = 16
FULL_TIME_HOURS = 37.5
WEEKS = 52


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


def more_hours(household: Household, index: int, extra: float = EXTRA_HOURS) -> Scenario:
    adult = household.adults[index]
    pay = hourly_pay(adult)
    changed = replace(
        adult,
        hours_per_week=adult.hours_per_week + extra,
        earnings_per_year=adult.earnings_per_year + pay * extra * WEEKS,
    )
    return Scenario(
        f"Work {extra:g} more hours a week",
        f"{extra:g} more hours a week at your current pay of {money(pay)} an hour.",
        household.with_adult(index, changed),
    )


def new_job(household: Household, index: int, hours: float, hourly: float, pay_words: str) -> Scenario:
    adult = household.adults[index]
    changed = replace(adult, hours_per_week=hours, earnings_per_year=hours * hourly * WEEKS)
    return Scenario(
        f"A new job of {hours:g} hours a week",
        f"A job of {hours:g} hours a week at {money(hourly)} an hour ({pay_words}).",
        household.with_adult(index, changed),
    )


def change_of_circumstances(household: Household, change: Change) -> Scenario:
    changed = household
    if change.new_children_ages:
        changed = replace(changed, children_ages=changed.children_ages + change.new_children_ages)
    if change.partner is not None and len(changed.adults) == 1:
        changed = replace(changed, adults=(*changed.adults, change.partner))
    if change.rent_per_month is not None:
        changed = replace(changed, rent_per_month=change.rent_per_month)
    return Scenario(change.description, change.description, changed)


def better_off_in_work(household: Household, living_wage: float) -> list[Scenario]:
    """The standard scenarios: more hours for whoever works, a new job for whoever does not (or full
    time for a part-time worker), and a new baby. The calculator offers them to working-age
    households only, as PolicyEngine UK judges pension age."""
    working_age = range(len(household.adults))
    scenarios = []
    working = [i for i in working_age if household.adults[i].hours_per_week > 0]
    if working:
        scenarios.append(more_hours(household, working[0]))
    idle = [i for i in working_age if household.adults[i].hours_per_week == 0]
    if idle:
        scenarios.append(new_job(household, idle[0], NEW_JOB_HOURS, living_wage, "the National Living Wage"))
    elif working and household.adults[working[0]].hours_per_week < FULL_TIME_HOURS:
        pay = max(living_wage, hourly_pay(household.adults[working[0]]))
        scenarios.append(
            new_job(
                household, working[0], FULL_TIME_HOURS, pay, "your pay now, or the National Living Wage if that is more"
            )
        )
    scenarios.append(change_of_circumstances(household, Change("A new baby joins the family", new_children_ages=(0,))))
    return scenarios
