"""The rule sets kept as data in thrive/datasets/luton2040/better_off/, each with its source.

Luton's Council Tax Reduction scheme for working-age households, and the national rules for the
two entitlements PolicyEngine UK 2.162.10 keeps as inputs only (free school meals, Healthy Start).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from thrive.benefits.awards import AwardLimits
from thrive.benefits.household import Benefit
from thrive.benefits.tax_year import TaxYear
from thrive.datasets import DATASETS

FOLDER = DATASETS / "luton2040" / "better_off"


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class CouncilTaxReductionScheme:
    """Luton's working-age scheme; pension-age claims follow the national scheme in PolicyEngine UK."""

    protected_maximum: float
    others_maximum: float
    protected_groups: dict[str, str]
    withdrawal_rate: float
    capital_limit: float
    liable_from_age: int
    sources: dict[str, str]
    being_confirmed: str
    """Shown with every working-age result until DATA-NOTES J2 is settled."""


@dataclass(frozen=True)
class FreeSchoolMeals:
    youngest: int
    oldest: int
    infants_to: int
    """The oldest age counted as an infant, whose meals are free for everyone."""
    infant_words: str
    protection_words: str
    value_per_child: float
    value_working: str
    net_earnings_limit: float | None
    """None where every family on Universal Credit qualifies."""
    words: str
    source: str


@dataclass(frozen=True)
class HealthyStart:
    monthly_take_home_limit: float
    weekly_pregnancy: float
    weekly_under_1: float
    weekly_1_to_3: float
    weeks: int
    source: str


@dataclass(frozen=True)
class HowToClaim:
    name: str
    how: str
    url: str
    next: str
    once_a_year: bool = False
    """Paid once a year, so shown as a one-off sum, never as a monthly share."""


@dataclass(frozen=True)
class RulesInWords:
    """Rules PolicyEngine UK does not hold as parameters, as the results say them (rules_in_words.yaml)."""

    benefit_cap_grace_period: str
    two_child_limit_exceptions: str
    minimum_income_floor_start_up: str
    state_pension_age: int
    work_from: int
    new_baby_ages: tuple[int, int]


@dataclass(frozen=True)
class SizeCriteria:
    one: float
    two_or_more: float


@dataclass(frozen=True)
class Contact:
    name: str
    helps_with: str
    contact: str
    source: str


@dataclass(frozen=True)
class CannotHelp:
    heading: str
    words: str
    contacts: tuple[Contact, ...]
    source: str


@dataclass(frozen=True)
class LocalRules:
    council_tax_reduction: CouncilTaxReductionScheme
    free_school_meals: FreeSchoolMeals
    healthy_start: HealthyStart
    how_to_claim: dict[Benefit, HowToClaim]
    size_criteria: SizeCriteria
    words: RulesInWords
    contacts: tuple[Contact, ...]
    cannot_help: dict[str, CannotHelp]

    @classmethod
    def shipped(cls, year: TaxYear) -> LocalRules:
        return _shipped(year)


@cache
@cache
def award_limits() -> AwardLimits:
    """The ceilings an adviser's recorded award must fit (award_limits.yaml)."""
    data = _read("award_limits.yaml")
    per_year = data["per_year"]
    return AwardLimits(
        per_year={code: float(entry["ceiling"]) for code, entry in per_year.items()},
        why={code: str(entry["why"]) for code, entry in per_year.items()},
        earliest_decision=data["earliest_decision"],
    )


def _shipped(year: TaxYear) -> LocalRules:
    ctr = _read("council_tax_reduction.yaml")
    working = ctr["working_age"]
    fsm = _read("free_school_meals.yaml")
    fsm_years = fsm["tax_years"]
    if year.label not in fsm_years:
        known = ", ".join(sorted(fsm_years))
        raise ValueError(f"The free school meals rules are kept for {known} only, not {year.label}.")
    fsm_year = fsm_years[year.label]
    healthy = _read("healthy_start.yaml")
    weekly = healthy["weekly_value"]
    social = _read("size_criteria.yaml")["social_renters"]["reduction"]
    advice = _read("advice.yaml")
    words = _read("rules_in_words.yaml")
    contacts = {
        entry["id"]: Contact(entry["name"], entry["helps_with"], entry["contact"], entry["source"]["title"])
        for entry in advice["contacts"]
    }
    return LocalRules(
        council_tax_reduction=CouncilTaxReductionScheme(
            protected_maximum=float(working["maximum_support"]["protected"]),
            others_maximum=float(working["maximum_support"]["others"]),
            protected_groups={group["code"]: group["words"] for group in working["protected_groups"]},
            withdrawal_rate=float(working["withdrawal_rate"]),
            capital_limit=float(working["capital_limit"]),
            liable_from_age=int(ctr["liable_from_age"]),
            sources={source["id"]: source["url"] for source in ctr["sources"]},
            being_confirmed=str(ctr["being_confirmed"]),
        ),
        free_school_meals=FreeSchoolMeals(
            youngest=int(fsm["school_ages"]["from"]),
            oldest=int(fsm["school_ages"]["to"]),
            infants_to=int(fsm["universal_infant"]["ages"]["to"]),
            infant_words=str(fsm["universal_infant"]["words"]),
            protection_words=str(fsm["transitional_protection"]["words"]),
            value_per_child=float(fsm["value_per_child_per_year"]["amount"]),
            value_working=str(fsm["value_per_child_per_year"]["working"]),
            net_earnings_limit=None
            if fsm_year["universal_credit_net_earnings_limit"] is None
            else float(fsm_year["universal_credit_net_earnings_limit"]),
            words=str(fsm_year["words"]),
            source=str(fsm["source"]["url"]),
        ),
        healthy_start=HealthyStart(
            monthly_take_home_limit=float(healthy["universal_credit_monthly_take_home_limit"]),
            weekly_pregnancy=float(weekly["pregnancy"]),
            weekly_under_1=float(weekly["child_under_1"]),
            weekly_1_to_3=float(weekly["child_1_to_3"]),
            weeks=int(healthy["weeks_per_year"]),
            source=str(healthy["source"]["url"]),
        ),
        how_to_claim={Benefit(code): HowToClaim(**entry) for code, entry in _read("how_to_claim.yaml").items()},
        size_criteria=SizeCriteria(
            one=float(social["one_spare_bedroom"]), two_or_more=float(social["two_or_more_spare_bedrooms"])
        ),
        words=RulesInWords(
            benefit_cap_grace_period=str(words["benefit_cap_grace_period"]["words"]),
            two_child_limit_exceptions=str(words["two_child_limit_exceptions"]["words"]),
            minimum_income_floor_start_up=str(words["minimum_income_floor_start_up"]["words"]),
            state_pension_age=int(words["ages"]["state_pension_age"]),
            work_from=int(words["ages"]["work_from"]),
            new_baby_ages=(int(words["ages"]["new_baby_from"]), int(words["ages"]["new_baby_to"])),
        ),
        contacts=tuple(contacts.values()),
        cannot_help={
            key: CannotHelp(
                entry["heading"],
                entry["words"],
                tuple(contacts[c] for c in entry["contacts"]),
                entry["source"]["url"],
            )
            for key, entry in advice["cannot_help"].items()
        },
    )


def supported(year: TaxYear) -> TaxYear:
    """The year, if the local rules are kept for it; otherwise ValueError with one line for a person."""
    years = sorted(_read("free_school_meals.yaml")["tax_years"])
    if year.label not in years:
        raise ValueError(f"Better Off has the rules for {years[0]} to {years[-1]} only, not {year.label}.")
    return year


def files() -> list[Path]:
    """The rule-set files, for the data notes and the results page's sources."""
    return sorted(FOLDER.glob("*.yaml"))
