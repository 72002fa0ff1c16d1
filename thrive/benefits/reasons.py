"""Why each benefit applies or not, in plain English, naming the rule that decided it.

Every sentence is chosen from the figures that decided the amount (PolicyEngine UK's variables and
parameters, and the local rules), so a capped family is told about the benefit cap, not about its
work allowance, and savings over a limit are called savings, not income.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from thrive.benefits.household import Benefit, ClaimTenure, Household, WorkCapability
from thrive.benefits.local_rules import LocalRules


def money(amount: float) -> str:
    """£1,234.56 per GOV.UK style: pence only when there are any."""
    pounds = round(amount, 2)
    return f"£{pounds:,.0f}" if pounds == int(pounds) else f"£{pounds:,.2f}"


@dataclass(frozen=True)
class Row:
    """One household's figures a year: PolicyEngine's variables, its parameters, the local amounts and facts."""

    household: Household
    values: dict[str, float]
    amount: float
    rules: LocalRules

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def monthly(self, name: str) -> str:
        return money(self.values[name] / 12)

    def weekly(self, name: str) -> str:
        return money(self.values[name] / 52)

    @property
    def pension_age(self) -> bool:
        return self.values["meets_pension_credit_age_conditions"] > 0

    @property
    def couple(self) -> bool:
        return len(self.household.adults) == 2


def _who(row: Row, index: int) -> str:
    return "you" if index == 0 else "your partner"


def _universal_credit(row: Row) -> str:
    home = row.household
    if row.pension_age:
        return (
            "You have both reached State Pension age, so Universal Credit is not for you: check Pension Credit instead."
            if row.couple
            else "You have reached State Pension age, so Universal Credit is not for you: check Pension Credit instead."
        )
    if home.savings > row["uc_capital_limit"]:
        return (
            f"Savings over {money(row['uc_capital_limit'])} mean you cannot get Universal Credit, whatever your income."
        )
    if row.amount <= 0 and all(a.age < row["uc_min_age"] for a in home.adults):
        return (
            f"Universal Credit is for people aged {row['uc_min_age']:g} or over. From {row['uc_reduced_min_age']:g} "
            "you can claim only in some cases, such as being responsible for a child, having limited capability "
            "for work, or living without parental support."
        )
    parts = [f"standard allowance {row.monthly('uc_standard_allowance')}"]
    for name, words in (
        ("uc_child_element", "children"),
        ("uc_housing_costs_element", "housing costs"),
        ("uc_carer_element", "caring"),
        ("uc_LCWRA_element", "limited capability for work and work-related activity"),
        ("disabled_child_elements", "disabled children"),
        ("uc_childcare_element", "childcare"),
    ):
        if row[name] > 0:
            parts.append(f"{words} {row.monthly(name)}")
    sentences = [f"Your household's maximum is {row.monthly('uc_maximum_amount')} a month ({', '.join(parts)})."]
    sentences.extend(_uc_maximum_notes(row))
    sentences.extend(_uc_deductions(row))
    if row.amount <= 0:
        sentences.append("Your income takes it to nothing.")
    return " ".join(sentences)


def _uc_maximum_notes(row: Row) -> list[str]:
    """What shaped the maximum: the rent rules, the two-child limit, health and childcare."""
    home = row.household
    notes = []
    if home.tenure == ClaimTenure.RENT_PRIVATELY and row["uc_housing_costs_element"] > 0:
        rate = row.monthly("uc_LHA_cap")
        notes.append(f"Help with rent is capped at Luton's Local Housing Allowance, {rate} a month for your household.")
    if row["size_criteria_reduction"] > 0:
        notes.append(
            f"Your eligible rent is cut by {row.monthly('size_criteria_reduction')} a month because your home has "
            "more bedrooms than the size criteria allow."
        )
    if row["uc_non_dep_deductions"] > 0:
        notes.append(
            f"{row.monthly('uc_non_dep_deductions')} a month comes off help with rent for the other adults who "
            "live with you (the housing cost contribution)."
        )
    if row["uc_is_child_limit_affected"] > 0:
        notes.append(
            f"{row['uc_is_child_limit_affected']:g} of your children get no child element because of the two-child "
            f"limit. {row.rules.words.two_child_limit_exceptions}"
        )
    for index, adult in enumerate(row.household.adults):
        who = _who(row, index)
        if adult.work_capability == WorkCapability.WAITING and row[f"lcwra_if_found_{index}"] > 0:
            notes.append(
                f"If {who} are found to have limited capability for work and work-related activity, you would get "
                f"{money(row[f'lcwra_if_found_{index}'] / 12)} a month more."
            )
        elif adult.has_disability and adult.work_capability == WorkCapability.NOT_ASSESSED:
            notes.append(
                f"A disability benefit does not by itself add the health element: that needs a work capability "
                f"assessment. Ask for one if {who} cannot work because of illness or disability."
            )
    if home.childcare_per_month > 0 and row["uc_childcare_element"] <= 0:
        notes.append(
            "Childcare costs count only when you work (both of you, for a couple, unless one has limited capability "
            "for work) and pay a registered or approved childcare provider."
        )
    elif row["uc_childcare_element"] > 0:
        notes.append(
            f"The childcare element pays {row['childcare_rate']:.0%} of your childcare costs, up to a monthly limit."
        )
    if row["uc_mif_applies"] > 0:
        notes.append(
            f"Because you are self-employed, we assume the minimum income floor applies: Universal Credit counts "
            f"your earnings as at least {row.monthly('uc_minimum_income_floor')} a month, even if you earn less. "
            f"{row.rules.words.minimum_income_floor_start_up}"
        )
    return notes


def _uc_deductions(row: Row) -> list[str]:
    """What took the maximum down to the award: income by the taper, then the benefit cap."""
    sentences = []
    income = row["uc_income_reduction"]
    if income > 0.5:
        earned = row["uc_earned_income"]
        words = []
        if earned > 0:
            allowance = row["uc_work_allowance"]
            taper = f"{row['uc_taper'] * 100:.0f}p for each £1 of take-home pay"
            words.append(
                f"{taper} over your work allowance of {row.monthly('uc_work_allowance')} a month"
                if allowance > 0
                else f"{taper} (you have no work allowance)"
            )
        if row["uc_unearned_income"] > 0:
            words.append("£1 for each £1 of other income, such as pensions or Carer's Allowance")
        if row.household.savings > row["uc_tariff_from"]:
            words.append(
                f"{money(row['uc_tariff_amount'])} a month for each {money(row['uc_tariff_step'])} of savings over "
                f"{money(row['uc_tariff_from'])}"
            )
        sentences.append(f"It is reduced by {money(income / 12)} a month for income: {'; '.join(words)}.")
    cap = row["uc_benefit_cap_reduction"]
    if cap > 0.5:
        threshold = money(row["uc_benefit_cap_earnings_exception_threshold"] / 12)
        sentences.append(
            f"The benefit cap limits your household's benefits to {row.monthly('uc_benefit_cap')} a month, which takes "
            f"off {money(cap / 12)} a month. You would not be capped if "
            f"{'you and your partner' if row.couple else 'you'} earned {threshold} a month or more after tax, or if "
            "someone in the family got PIP, DLA, Attendance Allowance or Carer's Allowance, or had limited capability "
            f"for work and work-related activity. {row.rules.words.benefit_cap_grace_period}"
        )
    elif row["is_uc_benefit_cap_exempt_earnings"] > 0 and row["uc_maximum_amount"] > row["benefit_cap_level"]:
        sentences.append(
            f"The benefit cap does not apply because your take-home pay is at least "
            f"{money(row['uc_benefit_cap_earnings_exception_threshold'] / 12)} a month."
        )
    if not sentences and row.amount > 0:
        sentences.append("It is paid in full.")
    return sentences


def _pension_credit(row: Row) -> str:
    if not row.pension_age:
        if row.couple and row["is_SP_age"] > 0:
            return (
                "One of you is under State Pension age, so as a couple you claim Universal Credit instead of "
                "Pension Credit (a mixed-age couple)."
            )
        return "Pension Credit is for people over State Pension age."
    parts = [f"standard {row.weekly('standard_minimum_guarantee')}"]
    for name, words in (
        ("severe_disability_minimum_guarantee_addition", "severe disability addition"),
        ("carer_minimum_guarantee_addition", "carer addition"),
        ("child_minimum_guarantee_addition", "children"),
    ):
        if row[name] > 0:
            parts.append(f"{words} {row.weekly(name)}")
    guarantee = f"Your guarantee is {row.weekly('minimum_guarantee')} a week ({', '.join(parts)})"
    notes = []
    if row.household.savings > row["pc_capital_from"]:
        notes.append(
            f"Savings over {money(row['pc_capital_from'])} count as {money(row['pc_tariff_amount'])} a week of income "
            f"for each {money(row['pc_tariff_step'])} (there is no upper savings limit for Pension Credit)."
        )
    if row["savings_credit"] > 0:
        notes.append(f"It includes savings credit of {row.weekly('savings_credit')} a week.")
    if row.amount > 0:
        return " ".join([f"{guarantee}, and it tops your income up to it.", *notes])
    return " ".join([f"{guarantee}; your income of {row.weekly('pension_credit_income')} a week is above it.", *notes])


def _housing_benefit(row: Row) -> str:
    home = row.household
    if not home.tenure.rents:
        return "Housing Benefit helps with rent, and you do not rent your home."
    if not row.pension_age:
        return "Working-age households get help with rent through Universal Credit instead."
    if row.amount > 0:
        passported = " Guarantee credit means you get your whole eligible rent." if row["guarantee_credit"] > 0 else ""
        return f"You rent and are over State Pension age, so help with rent is Housing Benefit.{passported}"
    if home.savings > row["hb_capital_limit"] and row["guarantee_credit"] <= 0:
        return f"Savings over {money(row['hb_capital_limit'])} mean you cannot get Housing Benefit."
    return "Your income is too high for help with your rent."


def _council_tax_reduction(row: Row) -> str:
    home = row.household
    ctr = row.rules.council_tax_reduction
    if all(a.age < ctr.liable_from_age for a in home.adults):
        return f"Nobody under {ctr.liable_from_age} has to pay council tax, so there is no bill to reduce."
    if home.council_tax_per_year <= 0:
        return "You told us you do not pay council tax."
    if row.pension_age:
        scheme = "Pensioners get up to 100% off under the national scheme for pension age"
        if row["guarantee_credit"] > 0 and row.amount > 0:
            return f"{scheme}; guarantee credit means {money(row.amount)} a year off your bill, the most you can get."
    else:
        scheme = (
            "Luton protects your household, so you can get up to 100% off"
            if row.values["protected_for_council_tax"]
            else f"Luton's scheme pays up to {ctr.others_maximum:.0%} of the bill "
            "for working-age households not in a protected group"
        )
    if home.savings > ctr.capital_limit and row.amount <= 0:
        return f"{scheme}, but savings over {money(ctr.capital_limit)} mean no reduction."
    if row.amount > 0:
        return f"{scheme}; your income means {money(row.amount)} a year off your bill."
    return (
        f"{scheme}, but your income is too high for any reduction "
        f"({ctr.withdrawal_rate * 100:.0f}p of each £1 over your needs comes off)."
    )


def _child_benefit(row: Row) -> str:
    if not row.household.children_ages:
        return "Child Benefit is for people responsible for a child under 16 (or under 20 in education)."
    return (
        "Paid for each child: the eldest at the higher rate, others at the lower rate. If either of you earns over "
        f"{money(row['hicbc_from'])}, the High Income Child Benefit Charge takes some of it back through tax."
    )


def _carers_allowance(row: Row) -> str:
    hours = f"{row['carers_min_hours']:g} hours a week or more"
    carers = [i for i, a in enumerate(row.household.adults) if a.care_hours_per_week >= row["carers_min_hours"]]
    if not carers:
        return f"Carer's Allowance is for people who care for someone for {hours}."
    who = " and ".join(_who(row, i) for i in carers).capitalize()
    care = f"{who} care" if carers != [1] else f"{who} cares"
    limit = money(row["carers_earnings_limit"])
    if row.amount > 0:
        return f"{care} for {hours}, with earnings under {limit} a week after deductions."
    return (
        f"{care} for {hours}, but earnings over {limit} a week, or a State Pension that overlaps it, "
        "stop it being paid. You may still have an underlying entitlement, which can add the carer element or the "
        "Pension Credit carer addition."
    )


def _free_school_meals(row: Row) -> str:
    fsm = row.rules.free_school_meals
    infants = fsm.infant_words if row.values["infants"] > 0 else ""
    if row.values["school_age_children"] <= 0:
        return infants or f"No child of school age ({fsm.youngest} to {fsm.oldest}) lives with you."
    qualifies = f"Free school meals are for {fsm.words}, or families on Pension Credit guarantee credit."
    if row.amount > 0:
        qualifies = (
            f"Free school meals are for {fsm.words}, worth about {money(fsm.value_per_child)} a child a year. "
            f"{fsm.protection_words}"
        )
    return f"{qualifies} {infants}".strip()


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
            f"A one-off {money(row.amount)} off your electricity bill each winter, because you get a qualifying "
            "benefit (such as Universal Credit or Pension Credit). Your supplier usually takes it off automatically."
        )
    return "Paid once a year to households that get a qualifying means-tested benefit, and you do not."


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
