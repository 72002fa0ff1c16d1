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
    sources: dict[str, str]


@dataclass(frozen=True)
class FreeSchoolMeals:
    youngest: int
    oldest: int
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


@dataclass(frozen=True)
class LocalRules:
    council_tax_reduction: CouncilTaxReductionScheme
    free_school_meals: FreeSchoolMeals
    healthy_start: HealthyStart
    how_to_claim: dict[Benefit, HowToClaim]

    @classmethod
    def shipped(cls, year: TaxYear) -> LocalRules:
        return _shipped(year)


@cache
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
    return LocalRules(
        council_tax_reduction=CouncilTaxReductionScheme(
            protected_maximum=float(working["maximum_support"]["protected"]),
            others_maximum=float(working["maximum_support"]["others"]),
            protected_groups={group["code"]: group["words"] for group in working["protected_groups"]},
            withdrawal_rate=float(working["withdrawal_rate"]),
            capital_limit=float(working["capital_limit"]),
            sources={source["id"]: source["url"] for source in ctr["sources"]},
        ),
        free_school_meals=FreeSchoolMeals(
            youngest=int(fsm["school_ages"]["from"]),
            oldest=int(fsm["school_ages"]["to"]),
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
    )


def files() -> list[Path]:
    """The rule-set files, for the data notes and the results page's sources."""
    return sorted(FOLDER.glob("*.yaml"))
