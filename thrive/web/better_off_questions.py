"""The Better Off questions, one per page (the GOV.UK 'one question per page' pattern).

Answers travel with the form as hidden fields, page to page, so nothing about a resident is kept on
the server unless they or an adviser choose to save the case. Each answer is checked where it is
given, with a message that names the field and says what to enter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from thrive.benefits.household import Adult, Benefit, Household, Tenure
from thrive.benefits.local_rules import LocalRules
from thrive.benefits.tax_year import TaxYear

Answers = dict[str, str]


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str
    """money, whole, ages or choice."""
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    optional: bool = False
    largest: int = 1_000_000


@dataclass(frozen=True)
class Question:
    slug: str
    heading: str
    fields: tuple[Field, ...]
    applies: Callable[[Answers], bool] = lambda answers: True
    check_label: str = ""

    @property
    def single(self) -> bool:
        return len(self.fields) == 1


def _partner(answers: Answers) -> bool:
    return answers.get("partner") == "yes"


def _rents(answers: Answers) -> bool:
    return answers.get("tenure", "").startswith("RENT")


YES_NO = (("yes", "Yes"), ("no", "No"))
TENURES = (
    (Tenure.RENT_FROM_COUNCIL.value, "I rent from Luton Council"),
    (Tenure.RENT_FROM_HA.value, "I rent from a housing association"),
    (Tenure.RENT_PRIVATELY.value, "I rent from a private landlord"),
    (Tenure.OWNED_WITH_MORTGAGE.value, "I own it with a mortgage"),
    (Tenure.OWNED_OUTRIGHT.value, "I own it outright"),
)
DISABILITY = (("you", "Yes, I do"), ("partner", "Yes, my partner does"), ("both", "Yes, we both do"), ("no", "No"))


def _year_choices() -> tuple[tuple[str, str], ...]:
    years = TaxYear.offered()
    return tuple(
        (y.label, f"{y.label} (6 April {y.start_year} to 5 April {y.start_year + 1})") for y in reversed(years)
    )


def questions() -> list[Question]:
    """The questions in order; `applies` skips those that do not fit earlier answers."""
    how_to_claim = LocalRules.shipped(TaxYear(2025)).how_to_claim
    return [
        Question(
            "year",
            "Which tax year do you want to check?",
            (Field("year", "", "choice", choices=_year_choices()),),
            check_label="Tax year",
        ),
        Question(
            "age", "How old are you?", (Field("age", "", "whole", "In years", largest=120),), check_label="Your age"
        ),
        Question(
            "partner",
            "Do you live with a partner?",
            (
                Field(
                    "partner",
                    "",
                    "choice",
                    "A husband, wife, civil partner or someone you live with as a couple",
                    YES_NO,
                ),
            ),
            check_label="Partner",
        ),
        Question(
            "partner-age",
            "How old is your partner?",
            (Field("partner_age", "", "whole", "In years", largest=120),),
            _partner,
            "Your partner's age",
        ),
        Question(
            "children",
            "How old are the children who live with you?",
            (
                Field(
                    "children",
                    "",
                    "ages",
                    "Enter each child's age, separated by commas, for example 3, 7. "
                    "Leave it empty if no children live with you.",
                    optional=True,
                ),
            ),
            check_label="Children's ages",
        ),
        Question(
            "work",
            "What do you earn from work?",
            (
                Field(
                    "earnings", "Pay a month, before tax", "money", "Leave it empty if you do not work", optional=True
                ),
                Field(
                    "hours", "Hours a week", "whole", "Leave it empty if you do not work", optional=True, largest=100
                ),
            ),
            check_label="Your work",
        ),
        Question(
            "partner-work",
            "What does your partner earn from work?",
            (
                Field(
                    "partner_earnings",
                    "Pay a month, before tax",
                    "money",
                    "Leave it empty if they do not work",
                    optional=True,
                ),
                Field(
                    "partner_hours",
                    "Hours a week",
                    "whole",
                    "Leave it empty if they do not work",
                    optional=True,
                    largest=100,
                ),
            ),
            _partner,
            "Your partner's work",
        ),
        Question(
            "pension",
            "How much do you get from pensions a month?",
            (
                Field(
                    "pension",
                    "",
                    "money",
                    "State Pension and any other pension, for you and your partner, before tax. "
                    "Leave it empty if none.",
                    optional=True,
                ),
            ),
            check_label="Pensions a month",
        ),
        Question(
            "disability",
            "Do you or your partner get a disability benefit?",
            (
                Field(
                    "disability",
                    "",
                    "choice",
                    "For example Personal Independence Payment (PIP) or Disability Living Allowance (DLA)",
                    DISABILITY,
                ),
            ),
            check_label="Disability benefit",
        ),
        Question(
            "caring",
            "Do you care for someone for 35 hours a week or more?",
            (
                Field(
                    "caring",
                    "",
                    "choice",
                    "Someone who is ill, disabled or older, who is not paid to be cared for",
                    YES_NO,
                ),
            ),
            check_label="Caring",
        ),
        Question(
            "pregnant",
            "Is anyone in your household pregnant?",
            (Field("pregnant", "", "choice", "", YES_NO),),
            check_label="Pregnant",
        ),
        Question(
            "tenure",
            "Do you rent or own your home?",
            (Field("tenure", "", "choice", "", TENURES),),
            check_label="Your home",
        ),
        Question(
            "rent",
            "How much rent do you pay a month?",
            (Field("rent", "", "money", "Include service charges, but not bills like water or energy"),),
            _rents,
            "Rent a month",
        ),
        Question(
            "council-tax",
            "How much council tax is your bill for the year?",
            (
                Field(
                    "council_tax",
                    "",
                    "money",
                    "The bill before any reduction. It is on your council tax bill. "
                    "Leave it empty if you do not pay council tax.",
                    optional=True,
                ),
            ),
            check_label="Council tax a year",
        ),
        Question(
            "savings",
            "How much do you and your partner have in savings?",
            (
                Field(
                    "savings",
                    "",
                    "money",
                    "Money in bank accounts, ISAs and other savings. Leave it empty if none.",
                    optional=True,
                    largest=10_000_000,
                ),
            ),
            check_label="Savings",
        ),
        Question(
            "receiving",
            "Which of these do you get now, and how much a month?",
            tuple(
                Field(f"receiving_{benefit.value}", how_to_claim[benefit].name, "money", optional=True)
                for benefit in Benefit
            ),
            check_label="What you get now, a month",
        ),
    ]


QUESTIONS = questions()
BY_SLUG = {q.slug: q for q in QUESTIONS}
FIELDS = [f for q in QUESTIONS for f in q.fields]
FIELD_NAMES = {f.name for f in FIELDS}


def check_field(field: Field, raw: str) -> str | None:
    """The message for a bad answer, or None; the GOV.UK error-message style: say what to enter."""
    text = raw.strip()
    label = (field.label or "this").lower()
    if not text:
        if field.optional:
            return None
        return "Select an answer" if field.kind == "choice" else f"Enter {label if field.label else 'an answer'}"
    if field.kind == "choice":
        return None if text in {value for value, _ in field.choices} else "Select one of the answers"
    if field.kind == "ages":
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if not all(p.isdigit() and int(p) <= 19 for p in parts):
            return "Enter each child's age as a whole number from 0 to 19, separated by commas, like 3, 7"
        return None
    cleaned = text.replace(",", "").removeprefix("£")
    try:
        number = float(cleaned)
    except ValueError:
        example = "400.50" if field.kind == "money" else "30"
        return f"Enter a number, like {example}. '{text}' is not a number"
    if number < 0 or number > field.largest:
        return f"Enter a number from 0 to {field.largest:,}"
    if field.kind == "whole" and number != int(number):
        return "Enter a whole number, like 30"
    return None


def check_question(question: Question, answers: Answers) -> dict[str, str]:
    problems = {}
    for field in question.fields:
        message = check_field(field, answers.get(field.name, ""))
        if message is not None:
            problems[field.name] = message
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


def _number(answers: Answers, name: str) -> float:
    text = answers.get(name, "").strip().replace(",", "").removeprefix("£")
    return float(text) if text else 0.0


def household(answers: Answers) -> tuple[Household, TaxYear]:
    """The household the answers describe; call only once `all_problems` is empty."""
    disability = answers.get("disability", "no")
    caring = answers.get("caring") == "yes"
    pregnant = answers.get("pregnant") == "yes"
    adults = [
        Adult(
            age=int(_number(answers, "age")),
            earnings_per_year=_number(answers, "earnings") * 12,
            hours_per_week=_number(answers, "hours"),
            pension_per_year=_number(answers, "pension") * 12,
            has_disability=disability in {"you", "both"},
            care_hours_per_week=35.0 if caring else 0.0,
            pregnant=pregnant,
        )
    ]
    if _partner(answers):
        adults.append(
            Adult(
                age=int(_number(answers, "partner_age")),
                earnings_per_year=_number(answers, "partner_earnings") * 12,
                hours_per_week=_number(answers, "partner_hours"),
                has_disability=disability in {"partner", "both"},
            )
        )
    children = tuple(int(p) for p in answers.get("children", "").split(",") if p.strip())
    tenure = Tenure(answers.get("tenure", Tenure.RENT_PRIVATELY.value))
    receiving = {
        b: _number(answers, f"receiving_{b.value}") for b in Benefit if _number(answers, f"receiving_{b.value}")
    }
    home = Household(
        adults=tuple(adults),
        children_ages=children,
        tenure=tenure,
        rent_per_month=_number(answers, "rent") if tenure.rents else 0.0,
        council_tax_per_year=_number(answers, "council_tax"),
        savings=_number(answers, "savings"),
        receiving_per_month=receiving,
    )
    year = TaxYear.parse(answers["year"]) if answers.get("year") else TaxYear.containing(date.today())
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
