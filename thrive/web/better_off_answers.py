"""Checking Better Off answers and turning them into a household.

Every answer is checked where it is given, with a GOV.UK error message that names the question and
says what to enter: numbers must be finite, in range and (for hours and ages) whole, so "NaN",
"inf", "-5" or "1e400" are refused with a message, never passed on. The household is built only
from answers that passed, and only from the questions that apply, so a partner's answer left in the
form after "No partner" is never read.
"""

from __future__ import annotations

import math
import re
from datetime import date

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
from thrive.benefits.local_rules import LocalRules
from thrive.benefits.tax_year import TaxYear
from thrive.web.better_off_questions import (
    PEOPLE,
    QUESTIONS,
    Answers,
    Field,
    Person,
    Question,
    has_partner,
)

AGES = re.compile(r"[0-9]{1,3}")
CHILD_AGES = (0, 19)
ADULT_AGES = (16, 120)
MOST_PEOPLE = 12
"""The most children, or other adults, one answer may list: more than any household the form is for."""


def _number(text: str) -> float | None:
    """A finite number from an answer like "£1,234.50", or None."""
    cleaned = text.strip().replace(",", "").removeprefix("£").strip()
    if not cleaned or len(cleaned) > 30:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _ages(text: str, low: int, high: int) -> tuple[int, ...] | None:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > MOST_PEOPLE or not all(AGES.fullmatch(p) and low <= int(p) <= high for p in parts):
        return None
    return tuple(int(p) for p in parts)


def check_field(field: Field, raw: str, question: Question, heading: str) -> str | None:
    """The message for a bad answer, or None. GOV.UK error messages: name the question and say what
    to enter ("Enter your age as a number, like 30")."""
    text = raw.strip()
    subject = _lower(field.label or question.check_label or heading)
    if not text:
        if field.optional:
            return None
        return f"Select an answer: {field.label or heading}" if field.kind == "choice" else f"Enter {subject}"
    if field.kind == "choice":
        if text in {value for value, _ in field.choices}:
            return None
        return f"Select one of the answers: {field.label or heading}"
    if field.kind == "ages":
        whose, (low, high) = ("adult's", ADULT_AGES) if field.name == "others" else ("child's", CHILD_AGES)
        if _ages(text, low, high) is None:
            return (
                f"Enter each {whose} age as a whole number from {low} to {high}, separated by commas, "
                f"like {low + 3}, {low + 7} (at most {MOST_PEOPLE})"
            )
        return None
    number = _number(text)
    if number is None:
        example = "400.50" if field.kind == "money" else "30"
        return f"Enter {subject} as a number, like {example}. '{text[:40]}' is not a number"
    if number < field.smallest or number > field.largest:
        return f"Enter {subject} as a number from {field.smallest:,} to {field.largest:,}"
    if field.kind == "whole" and number != int(number):
        return f"Enter {subject} as a whole number, like 30"
    return None


def _lower(label: str) -> str:
    """A label inside a sentence: "Your age" becomes "your age", "PIP" stays "PIP"."""
    return label[0].lower() + label[1:] if label[:2].istitle() else label


def check_question(question: Question, answers: Answers) -> dict[str, str]:
    heading = question.title(answers)
    problems = {}
    for field in question.fields:
        message = check_field(field, answers.get(field.name, ""), question, heading)
        if message is not None:
            problems[field.name] = message
    if question.slug == "children-disability" and not problems:
        children = len(_ages(answers.get("children", ""), *CHILD_AGES) or ())
        given = sum(int(_number(answers.get(f.name, "")) or 0) for f in question.fields)
        if given > children:
            problems[question.fields[0].name] = (
                f"The numbers add up to more than the {children} children you told us about"
            )
    return problems


def next_question(answers: Answers) -> Question | None:
    """The first question that applies and has not been answered; None when all are done."""
    for question in QUESTIONS:
        if question.applies(answers) and any(f.name not in answers for f in question.fields):
            return question
    return None


def previous_question(slug: str, answers: Answers) -> Question | None:
    index = [q.slug for q in QUESTIONS].index(slug)
    for question in reversed(QUESTIONS[:index]):
        if question.applies(answers):
            return question
    return None


def all_problems(answers: Answers) -> dict[str, str]:
    problems: dict[str, str] = {}
    for question in QUESTIONS:
        if question.applies(answers):
            problems.update(check_question(question, answers))
    return problems


def applying(answers: Answers) -> Answers:
    """Only the answers to questions that apply: what the household is built from."""
    return {f.name: answers.get(f.name, "") for q in QUESTIONS if q.applies(answers) for f in q.fields}


def _money(answers: Answers, name: str) -> float:
    return _number(answers.get(name, "")) or 0.0


def _adult(answers: Answers, who: Person) -> Adult:
    def get(name: str) -> str:
        return answers.get(who.name(name), "")

    work = get("work")
    pay = _money(answers, who.name("earnings")) * 12
    return Adult(
        age=int(_money(answers, who.name("age"))),
        earnings_per_year=pay if work == "employed" else 0.0,
        self_employment_per_year=pay if work == "self_employed" else 0.0,
        hours_per_week=_money(answers, who.name("hours")),
        pension_per_year=_money(answers, who.name("pension")) * 12,
        disability=Disability(
            pip_daily_living=PipRate(get("pip_daily_living") or PipRate.NONE),
            pip_mobility=PipRate(get("pip_mobility") or PipRate.NONE),
            dla_care=DlaCareRate(get("dla_care") or DlaCareRate.NONE),
            dla_mobility=LowerOrHigher(get("dla_mobility") or LowerOrHigher.NONE),
            attendance_allowance=LowerOrHigher(get("attendance_allowance") or LowerOrHigher.NONE),
        ),
        work_capability=WorkCapability(get("work_capability") or WorkCapability.NOT_ASSESSED),
        care_hours_per_week=_money(answers, who.name("care_hours")),
        pregnant=who.prefix == "" and answers.get("pregnant") == "yes",
        self_employed_start_up=get("start_up") == "yes",
        student=get("student") == "yes",
    )


def _children_disability(answers: Answers, children: tuple[int, ...]) -> tuple[Disability, ...]:
    """The children's DLA, eldest first: which child gets it does not change any amount checked here."""
    highest = int(_money(answers, "children_highest"))
    other = int(_money(answers, "children_other"))
    if not highest and not other:
        return ()
    order = sorted(range(len(children)), key=lambda i: -children[i])
    rates = [DlaCareRate.HIGHER] * highest + [DlaCareRate.LOWER] * other
    by_child = dict(zip(order, rates, strict=False))
    return tuple(Disability(dla_care=by_child.get(i, DlaCareRate.NONE)) for i in range(len(children)))


def household(answers: Answers) -> tuple[Household, TaxYear]:
    """The household the answers describe; call only once `all_problems` is empty."""
    given = applying(answers)
    year = TaxYear.parse(given["year"]) if given.get("year") else TaxYear.containing(date.today())
    people = PEOPLE if has_partner(given) else PEOPLE[:1]
    adults = tuple(_adult(given, who) for who in people)
    children = _ages(given.get("children", ""), *CHILD_AGES) or ()
    others = _ages(given.get("others", ""), *ADULT_AGES) or ()
    others_pay = _money(given, "others_pay") * 12
    tenure = ClaimTenure(given.get("tenure") or ClaimTenure.OWNED_OUTRIGHT)
    how_to_claim = LocalRules.shipped(year).how_to_claim
    receiving = {}
    for benefit in Benefit:
        amount = _money(given, f"receiving_{benefit.value}")
        if amount:
            receiving[benefit] = amount / 12 if how_to_claim[benefit].once_a_year else amount
    home = Household(
        adults=adults,
        children_ages=children,
        tenure=tenure,
        rent_per_month=_money(given, "rent") if tenure.rents else 0.0,
        council_tax_per_year=_money(given, "council_tax"),
        savings=_money(given, "savings"),
        receiving_per_month=receiving,
        children_disability=_children_disability(given, children),
        childcare_per_month=_money(given, "childcare"),
        non_dependants=tuple(NonDependant(age, others_pay / len(others)) for age in others),
        bedrooms=int(_money(given, "bedrooms")) or None,
        no_recourse_to_public_funds=answers.get("public_funds") == "yes",
    )
    return home, year


def display(question: Question, answers: Answers) -> str:
    """An answer as the check-your-answers page shows it."""
    shown = []
    for field in question.fields:
        raw = answers.get(field.name, "").strip()
        if field.kind == "choice":
            raw = dict(field.choices).get(raw, raw)
        elif field.kind == "money" and raw:
            raw = f"£{raw.removeprefix('£')}"
        if field.label and raw:
            shown.append(f"{field.label}: {raw}")
        elif raw:
            shown.append(raw)
    return "; ".join(shown) or "None"
