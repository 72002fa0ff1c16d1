"""The Better Off questions, one per page (the GOV.UK 'one question per page' pattern).

Answers travel with the form as hidden fields, page to page, so nothing about a resident is kept on
the server unless they or an adviser choose to save the case. Each adult is asked about in their
own right (work, pensions, disability, caring), with the same questions worded for "you" or "your
partner"; a question that cannot apply is skipped (no partner questions for a single person, no
pension questions before State Pension age, no rates for a benefit not received).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from thrive.benefits.household import Benefit, ClaimTenure, DlaCareRate, LowerOrHigher, PipRate, WorkCapability
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
    smallest: int = 0


@dataclass(frozen=True)
class Question:
    slug: str
    heading: str
    fields: tuple[Field, ...]
    applies: Callable[[Answers], bool] = lambda answers: True
    check_label: str = ""
    couple_heading: str = ""
    """The heading for a couple, where it differs ("you and your partner")."""

    @property
    def single(self) -> bool:
        return len(self.fields) == 1

    def title(self, answers: Answers) -> str:
        return self.couple_heading if self.couple_heading and has_partner(answers) else self.heading


@dataclass(frozen=True)
class Person:
    """How the questions address one adult: field-name prefix and the words of each question."""

    prefix: str
    do: str
    does: str
    have: str
    are: str
    you: str
    your: str
    label: str

    def name(self, field: str) -> str:
        return f"{self.prefix}{field}"


YOU = Person("", "Do you", "you", "Have you", "Are you", "you", "your", "Your")
PARTNER = Person("partner_", "Does your partner", "your partner", "Has your partner", "Is your partner",
                 "your partner", "their", "Your partner's")  # fmt: skip
PEOPLE = (YOU, PARTNER)

YES_NO = (("yes", "Yes"), ("no", "No"))
TENURES = (
    (ClaimTenure.RENT_FROM_COUNCIL.value, "I rent from Luton Council"),
    (ClaimTenure.RENT_FROM_HA.value, "I rent from a housing association"),
    (ClaimTenure.RENT_PRIVATELY.value, "I rent from a private landlord"),
    (ClaimTenure.OWNED_WITH_MORTGAGE.value, "I own it with a mortgage"),
    (ClaimTenure.OWNED_OUTRIGHT.value, "I own it outright"),
)
WORK = (("employed", "Yes, as an employee"), ("self_employed", "Yes, self-employed"), ("no", "No"))
DISABILITY_BENEFITS = (
    ("pip", "Personal Independence Payment (PIP)"),
    ("dla", "Disability Living Allowance (DLA)"),
    ("aa", "Attendance Allowance"),
    ("no", "None of these"),
)
PIP_RATES = ((PipRate.NONE.value, "Not this part"), (PipRate.STANDARD.value, "Standard rate"),
             (PipRate.ENHANCED.value, "Enhanced rate"))  # fmt: skip
DLA_CARE = ((DlaCareRate.NONE.value, "Not this part"), (DlaCareRate.LOWER.value, "Lowest rate"),
            (DlaCareRate.MIDDLE.value, "Middle rate"), (DlaCareRate.HIGHER.value, "Highest rate"))  # fmt: skip
LOWER_HIGHER = ((LowerOrHigher.NONE.value, "Not this part"), (LowerOrHigher.LOWER.value, "Lower rate"),
                (LowerOrHigher.HIGHER.value, "Higher rate"))  # fmt: skip
AA_RATES = LOWER_HIGHER[1:]
CAPABILITY = (
    (WorkCapability.LCWRA.value, "Yes: limited capability for work and work-related activity (LCWRA)"),
    (WorkCapability.LCW.value, "Yes: limited capability for work (LCW)"),
    (WorkCapability.WAITING.value, "I am waiting for a decision"),
    (WorkCapability.NOT_ASSESSED.value, "No, or I have not had one"),
)


def has_partner(answers: Answers) -> bool:
    return answers.get("partner") == "yes"


def _rents(answers: Answers) -> bool:
    return _asked(answers) and answers.get("tenure", "").startswith("RENT")


def _children(answers: Answers) -> bool:
    return _asked(answers) and bool(answers.get("children", "").strip())


def _asked(answers: Answers) -> bool:
    """Everything after the public funds question is skipped when the calculator cannot help."""
    return answers.get("public_funds") != "yes"


def _whole(answers: Answers, name: str) -> int | None:
    text = answers.get(name, "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 4 else None


def _year_choices() -> tuple[tuple[str, str], ...]:
    years = TaxYear.offered()
    return tuple(
        (y.label, f"{y.label} (6 April {y.start_year} to 5 April {y.start_year + 1})") for y in reversed(years)
    )


def person_questions(who: Person, pension_age: int) -> list[Question]:
    """The questions about one adult, each applying only where it can."""

    def here(answers: Answers) -> bool:
        return _asked(answers) and (who is YOU or has_partner(answers))

    def age(answers: Answers) -> int:
        return _whole(answers, who.name("age")) or 0

    def working_age(answers: Answers) -> bool:
        return here(answers) and age(answers) < pension_age

    def works(answers: Answers) -> bool:
        return here(answers) and answers.get(who.name("work")) in {"employed", "self_employed"}

    def self_employed(answers: Answers) -> bool:
        return here(answers) and answers.get(who.name("work")) == "self_employed"

    def gets(benefit: str) -> Callable[[Answers], bool]:
        return lambda answers: here(answers) and answers.get(who.name("disability")) == benefit

    employed_words = "Pay a month, before tax"
    return [
        Question(
            who.name("work"),
            f"{who.do} work?",
            (Field(who.name("work"), "", "choice", "Include any paid work, however few hours", WORK),),
            here,
            f"{who.label} work",
        ),
        Question(
            who.name("pay"),
            f"What {'do' if who is YOU else 'does'} {who.does} earn from work?",
            (
                Field(
                    who.name("earnings"),
                    employed_words,
                    "money",
                    "If self-employed, your profit a month after business costs, before tax",
                ),
                Field(who.name("hours"), "Hours a week", "whole", largest=100),
            ),
            works,
            f"{who.label} pay and hours",
        ),
        Question(
            who.name("start-up"),
            f"Did {who.you} start working for {'yourself' if who is YOU else 'themselves'} in the last 12 months?",
            (
                Field(
                    who.name("start_up"),
                    "",
                    "choice",
                    "In the first 12 months Universal Credit uses actual earnings, not the minimum income floor",
                    YES_NO,
                ),
            ),
            self_employed,
            f"{who.label} self-employment started in the last 12 months",
        ),
        Question(
            who.name("pension"),
            f"How much {'do' if who is YOU else 'does'} {who.does} get from pensions a month?",
            (
                Field(
                    who.name("pension"),
                    "",
                    "money",
                    "State Pension and any other pension, before tax. Leave it empty if none.",
                    optional=True,
                ),
            ),
            lambda answers: here(answers) and age(answers) >= pension_age,
            f"{who.label} pensions a month",
        ),
        Question(
            who.name("disability"),
            f"{who.do} get a disability benefit?",
            (Field(who.name("disability"), "", "choice", "", DISABILITY_BENEFITS),),
            here,
            f"{who.label} disability benefit",
        ),
        Question(
            who.name("pip"),
            f"Which parts of PIP {'do' if who is YOU else 'does'} {who.does} get?",
            (
                Field(who.name("pip_daily_living"), "Daily living part", "choice", choices=PIP_RATES),
                Field(who.name("pip_mobility"), "Mobility part", "choice", choices=PIP_RATES),
            ),
            gets("pip"),
            f"{who.label} PIP",
        ),
        Question(
            who.name("dla"),
            f"Which parts of DLA {'do' if who is YOU else 'does'} {who.does} get?",
            (
                Field(who.name("dla_care"), "Care part", "choice", choices=DLA_CARE),
                Field(who.name("dla_mobility"), "Mobility part", "choice", choices=LOWER_HIGHER),
            ),
            gets("dla"),
            f"{who.label} DLA",
        ),
        Question(
            who.name("aa"),
            f"Which rate of Attendance Allowance {'do' if who is YOU else 'does'} {who.does} get?",
            (Field(who.name("attendance_allowance"), "", "choice", "", AA_RATES),),
            gets("aa"),
            f"{who.label} Attendance Allowance",
        ),
        Question(
            who.name("work-capability"),
            f"{who.have} had a work capability assessment that found limited capability for work?",
            (
                Field(
                    who.name("work_capability"),
                    "",
                    "choice",
                    "The assessment for Universal Credit or Employment and Support Allowance. "
                    "PIP and DLA assessments are different.",
                    CAPABILITY,
                ),
            ),
            working_age,
            f"{who.label} work capability assessment",
        ),
        Question(
            who.name("caring"),
            f"How many hours a week {'do' if who is YOU else 'does'} {who.does} care for someone?",
            (
                Field(
                    who.name("care_hours"),
                    "",
                    "whole",
                    "Someone who is ill, disabled or older, who does not pay for the care. Leave it empty if none.",
                    optional=True,
                    largest=168,
                ),
            ),
            here,
            f"{who.label} caring, hours a week",
        ),
        Question(
            who.name("student"),
            f"{who.are} in full-time education?",
            (Field(who.name("student"), "", "choice", "At college, university or school", YES_NO),),
            working_age,
            f"{who.label} full-time education",
        ),
    ]


def questions() -> list[Question]:
    """The questions in order; `applies` skips those that do not fit earlier answers."""
    rules = LocalRules.shipped(TaxYear(2025))
    how_to_claim = rules.how_to_claim
    pension_age = rules.words.state_pension_age
    return [
        Question(
            "year",
            "Which tax year do you want to check?",
            (Field("year", "", "choice", choices=_year_choices()),),
            check_label="Tax year",
        ),
        Question(
            "age",
            "How old are you?",
            (Field("age", "", "whole", "In years", largest=120, smallest=16),),
            check_label="Your age",
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
            (Field("partner_age", "", "whole", "In years", largest=120, smallest=16),),
            has_partner,
            "Your partner's age",
        ),
        Question(
            "public-funds",
            "Does anyone in your household have 'no recourse to public funds'?",
            (
                Field(
                    "public_funds",
                    "",
                    "choice",
                    "It is written on some visas and immigration documents. British and Irish citizens, and people "
                    "with settled status, do not have it.",
                    YES_NO,
                ),
            ),
            check_label="No recourse to public funds",
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
            _asked,
            "Children's ages",
        ),
        Question(
            "children-disability",
            "Do any of the children get Disability Living Allowance or PIP?",
            (
                Field(
                    "children_highest",
                    "How many get the highest rate of DLA care, or enhanced PIP daily living",
                    "whole",
                    "Leave it empty if none",
                    optional=True,
                    largest=20,
                ),
                Field(
                    "children_other",
                    "How many get DLA or PIP at another rate",
                    "whole",
                    "Leave it empty if none",
                    optional=True,
                    largest=20,
                ),
            ),
            _children,
            "Children's disability benefits",
        ),
        *person_questions(YOU, pension_age),
        *person_questions(PARTNER, pension_age),
        Question(
            "pregnant",
            "Is anyone in your household pregnant?",
            (Field("pregnant", "", "choice", "", YES_NO),),
            _asked,
            "Pregnant",
        ),
        Question(
            "childcare",
            "How much do you pay for childcare a month?",
            (
                Field(
                    "childcare",
                    "",
                    "money",
                    "Paid to a registered nursery, childminder or after-school club. Leave it empty if none.",
                    optional=True,
                ),
            ),
            _children,
            "Childcare a month",
        ),
        Question(
            "tenure",
            "Do you rent or own your home?",
            (Field("tenure", "", "choice", "", TENURES),),
            _asked,
            "Your home",
        ),
        Question(
            "rent",
            "How much rent do you pay a month?",
            (Field("rent", "", "money", "Include service charges, but not bills like water or energy"),),
            _rents,
            "Rent a month",
        ),
        Question(
            "bedrooms",
            "How many bedrooms does your home have?",
            (Field("bedrooms", "", "whole", "Count a studio flat as 1", largest=20, smallest=1),),
            _rents,
            "Bedrooms",
        ),
        Question(
            "others",
            "How old are the other adults who live with you?",
            (
                Field(
                    "others",
                    "",
                    "ages",
                    "Adults who are not your partner, such as a grown-up son or daughter or a parent, separated by "
                    "commas. Leave it empty if none.",
                    optional=True,
                ),
            ),
            _asked,
            "Other adults' ages",
        ),
        Question(
            "others-pay",
            "How much do the other adults earn from work a month, between them?",
            (Field("others_pay", "", "money", "Before tax. Leave it empty if none.", optional=True),),
            lambda answers: _asked(answers) and bool(answers.get("others", "").strip()),
            "Other adults' pay a month",
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
            _asked,
            "Council tax a year",
        ),
        Question(
            "savings",
            "How much do you have in savings?",
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
            _asked,
            "Savings",
            "How much do you and your partner have in savings?",
        ),
        Question(
            "receiving",
            "Which of these do you get now, and how much a month?",
            tuple(
                Field(
                    f"receiving_{benefit.value}",
                    how_to_claim[benefit].name,
                    "money",
                    "Paid once a year: enter the amount for the year" if how_to_claim[benefit].once_a_year else "",
                    optional=True,
                )
                for benefit in Benefit
            ),
            _asked,
            "What you get now, a month",
        ),
    ]


QUESTIONS = questions()
BY_SLUG = {q.slug: q for q in QUESTIONS}
FIELDS = [f for q in QUESTIONS for f in q.fields]
FIELD_NAMES = {f.name for f in FIELDS}
