"""Every private renter is worked out on Luton's Local Housing Allowance, never the region's default
Broad Rental Market Area (Central Norfolk & Norwich for the East of England): each category, shared to
four bedrooms, against the rates PolicyEngine UK itself ships for the LUTON BRMA."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from thrive.benefits.calculator import Calculator
from thrive.benefits.engine import BRMA
from thrive.benefits.household import Adult, Household, NonDependant
from thrive.benefits.tax_year import TaxYear

YEAR = TaxYear(2025)
HIGH_RENT = 3000.0
HOUSEHOLDS = {
    "A": Household(adults=(Adult(30),), rent_per_month=HIGH_RENT),
    "B": Household(adults=(Adult(40),), rent_per_month=HIGH_RENT),
    "C": Household(adults=(Adult(30),), children_ages=(6,), rent_per_month=HIGH_RENT),
    "D": Household(
        adults=(Adult(30),), children_ages=(6,), non_dependants=(NonDependant(19),), rent_per_month=HIGH_RENT
    ),
    "E": Household(
        adults=(Adult(30),),
        children_ages=(6,),
        non_dependants=(NonDependant(19), NonDependant(20)),
        rent_per_month=HIGH_RENT,
    ),
}
"""Shared (single under 35), 1 bedroom (single 40), 2 (a parent and a child), 3 and 4 (with one and two
non-dependants under 21, who each need a bedroom and pay no housing cost contribution)."""


def _published(brma: str) -> dict[str, float]:
    import policyengine_uk  # type: ignore[import-untyped]  # noqa: PLC0415 (only for its files)

    path = Path(policyengine_uk.__file__).parent / "parameters/gov/dwp/LHA/lha_published_rates.csv.gz"
    rates = pd.read_csv(path)
    chosen = rates[(rates["brma"] == brma) & (rates["year"] == YEAR.start_year)]
    return dict(zip(chosen["lha_category"], chosen["uc_rate"], strict=True))


@pytest.mark.parametrize("category", list(HOUSEHOLDS))
def test_each_category_is_capped_at_luton_s_published_rate(calculator: Calculator, category: str) -> None:
    luton = _published(BRMA)
    amounts = calculator.amounts([HOUSEHOLDS[category]], YEAR)
    assert amounts.rules["uc_LHA_cap"][0] == pytest.approx(luton[category] * 12, abs=0.01)
    assert luton[category] != _published("CENTRAL_NORFOLK_NORWICH")[category]


def test_luton_s_2025_26_rates_are_the_dwp_s() -> None:
    # DWP, Universal Credit Local Housing Allowance monthly rates 2025 to 2026, Luton.
    assert _published(BRMA) == {"A": 436.17, "B": 700.00, "C": 875.00, "D": 1100.00, "E": 1350.00}
