"""Why each benefit applies or not, in plain English, from the figures that decided it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from thrive.benefits.household import Benefit, Household
from thrive.benefits.local_rules import LocalRules


def money(amount: float) -> str:
    """£1,234.56 per GOV.UK style: pence only when there are any."""
    pounds = round(amount, 2)
    return f"£{pounds:,.0f}" if pounds == int(pounds) else f"£{pounds:,.2f}"


@dataclass(frozen=True)
class Row:
    """One household's figures a year: PolicyEngine's variables, the local amounts and the facts."""

    household: Household
    values: dict[str, float]
    amount: float
    rules: LocalRules

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def monthly(self, name: str) -> str:
        return money(self.values[name] / 12)

    @property
    def pension_age(self) -> bool:
        return self.values["council_tax_reduction_pensioner"] > 0


def _universal_credit(row: Row) -> str:
    if row.pension_age:
        return "You have reached State Pension age, so Universal Credit is not for you: check Pension Credit instead."
    if row.household.savings > row["uc_capital_limit"]:
        return f"Savings over {money(row['uc_capital_limit'])} mean you cannot get Universal Credit."
    parts = [f"standard allowance {row.monthly('uc_standard_allowance')}"]
    for name, words in (
        ("uc_child_element", "children"),
        ("uc_housing_costs_element", "housing costs"),
        ("uc_carer_element", "caring"),
        ("uc_LCWRA_element", "limited capability for work"),
        ("uc_childcare_element", "childcare"),
    ):
        if row[name] > 0:
            parts.append(f"{words} {row.monthly(name)}")
    maximum = f"Your household's maximum is {row.monthly('uc_maximum_amount')} a month ({', '.join(parts)})"
    if row.amount <= 0:
        return f"{maximum}. Your income takes it to nothing."
    deductions = row["uc_maximum_amount"] - row.amount
    if deductions <= 0.5:
        return f"{maximum}, paid in full."
    return (
        f"{maximum}, less {money(deductions / 12)} for earnings over your work allowance "
        f"(55p for each £1) and other income."
    )


def _pension_credit(row: Row) -> str:
    if not row.pension_age:
        return "Pension Credit is for people over State Pension age."
    guarantee = row.monthly("standard_minimum_guarantee")
    if row.amount > 0:
        return f"It tops your income up to the guarantee of {guarantee} a month for your household."
    return f"Your income is above the guarantee of {guarantee} a month for your household."


def _housing_benefit(row: Row) -> str:
    if not row.household.tenure.rents:
        return "Housing Benefit helps with rent, and you do not rent your home."
    if not row.pension_age:
        return "Working-age households get help with rent through Universal Credit instead."
    if row.amount > 0:
        return "You rent and are over State Pension age, so help with rent is Housing Benefit."
    return "Your income is too high for help with your rent."


def _council_tax_reduction(row: Row) -> str:
    if row.household.council_tax_per_year <= 0:
        return "You told us you do not pay council tax."
    if row.pension_age:
        scheme = "Pensioners get up to 100% off under the national scheme for pension age"
    else:
        scheme = (
            "Luton protects your household, so you can get up to 100% off"
            if row.values["protected_for_council_tax"]
            else f"Luton's scheme pays up to {row.rules.council_tax_reduction.others_maximum:.0%} of the bill "
            "for working-age households not in a protected group"
        )
    if row.amount > 0:
        return f"{scheme}; your income means {money(row.amount)} a year off your bill."
    return f"{scheme}, but your income is too high for any reduction."


def _child_benefit(row: Row) -> str:
    if not row.household.children_ages:
        return "Child Benefit is for people responsible for a child under 16 (or under 20 in education)."
    return "Paid for each child: the eldest at the higher rate, others at the lower rate."


def _carers_allowance(row: Row) -> str:
    hours = f"{row['carers_min_hours']:g} hours a week or more"
    if not any(adult.care_hours_per_week >= row["carers_min_hours"] for adult in row.household.adults):
        return f"Carer's Allowance is for people who care for someone for {hours}."
    if row.amount > 0:
        return f"You care for {hours} and your earnings are under the limit."
    return "Your earnings are over the Carer's Allowance limit, or your State Pension overlaps it."


def _free_school_meals(row: Row) -> str:
    fsm = row.rules.free_school_meals
    if row.values["school_age_children"] <= 0:
        return (
            f"No child of school age ({fsm.youngest} to {fsm.oldest}) lives with you. "
            "Children in reception to year 2 get free meals anyway."
        )
    if row.amount > 0:
        return f"Free school meals are for {fsm.words}, worth about {money(fsm.value_per_child)} a child a year."
    return f"Free school meals are for {fsm.words}, or families on Pension Credit."


def _healthy_start(row: Row) -> str:
    limit = money(row.rules.healthy_start.monthly_take_home_limit)
    if row.values["under_4_or_pregnant"] <= 0:
        return "Healthy Start is for families expecting a baby or with a child under 4."
    if row.amount > 0:
        return (
            f"You are on Universal Credit with take-home pay of {limit} a month or less, "
            "and have a young child or a baby on the way."
        )
    return f"Healthy Start needs Universal Credit and take-home pay from work of {limit} a month or less."


def _warm_home_discount(row: Row) -> str:
    if row.amount > 0:
        return (
            "You get a qualifying benefit (such as Universal Credit or Pension Credit), "
            "so your electricity supplier should take this off your bill."
        )
    return "Paid to households that get a qualifying means-tested benefit, and you do not."


REASONS: dict[Benefit, Callable[[Row], str]] = {
    Benefit.UNIVERSAL_CREDIT: _universal_credit,
    Benefit.PENSION_CREDIT: _pension_credit,
    Benefit.HOUSING_BENEFIT: _housing_benefit,
    Benefit.COUNCIL_TAX_REDUCTION: _council_tax_reduction,
    Benefit.CHILD_BENEFIT: _child_benefit,
    Benefit.CARERS_ALLOWANCE: _carers_allowance,
    Benefit.FREE_SCHOOL_MEALS: _free_school_meals,
    Benefit.HEALTHY_START: _healthy_start,
    Benefit.WARM_HOME_DISCOUNT: _warm_home_discount,
}
