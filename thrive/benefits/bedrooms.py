"""The bedroom rules PolicyEngine UK leaves out, applied to its simulation before anything is worked out.

A private renter whose home has fewer bedrooms than the family is allowed is capped at the Local
Housing Allowance rate for the bedrooms the home has; a working-age social tenant with more bedrooms
than allowed has the eligible rent cut (the size criteria). Both read PolicyEngine's own count of
the bedrooms allowed (LHA_allowed_bedrooms) and its shared-accommodation test, and the percentages
from size_criteria.yaml. Nothing happens where no household gave its bedrooms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from thrive.benefits.local_rules import LocalRules
from thrive.benefits.tax_year import TaxYear

if TYPE_CHECKING:
    from thrive.benefits.engine import HouseholdColumns

CATEGORY_BY_BEDROOMS = np.array(["B", "C", "D", "E"])
"""PolicyEngine's LHACategory for one, two, three and four or more bedrooms (A is the shared rate)."""


def apply(simulation: Any, data: HouseholdColumns, year: TaxYear) -> np.ndarray:
    """Set the LHA category and the eligible social rent where the bedrooms decide them; returns the
    rent the size criteria take off, per benefit unit, £ a year."""
    reduction = np.zeros(data.benunits)
    given = data.bedrooms > 0
    if not given.any():
        return reduction
    period = year.policyengine_period
    count = data.households
    allowed = np.asarray(simulation.calculate("LHA_allowed_bedrooms", period), dtype=float)[:count]
    tenure = data.household["tenure_type"]
    fewer = given & (tenure == "RENT_PRIVATELY") & (data.bedrooms < allowed)
    if fewer.any():
        shared = np.asarray(simulation.calculate("is_lha_shared_accommodation_rate_specified_renter", period))
        rooms = np.concatenate([np.where(fewer, data.bedrooms, allowed), np.ones(data.benunits - count)])
        category = np.where(shared, "A", CATEGORY_BY_BEDROOMS[np.clip(rooms, 1, 4).astype(int) - 1])
        simulation.set_input("LHA_category", period, category)
    spare = np.where(given & np.isin(tenure, ["RENT_FROM_COUNCIL", "RENT_FROM_HA"]), data.bedrooms - allowed, 0)
    working_age = ~np.asarray(simulation.calculate("meets_pension_credit_age_conditions", period))[:count]
    spare = np.where(working_age, spare, 0)
    if (spare > 0).any():
        rates = LocalRules.shipped(year).size_criteria
        share = np.select([spare >= 2, spare == 1], [rates.two_or_more, rates.one], 0.0)
        reduction[:count] = data.household["rent"] * share
        rent = np.concatenate([data.household["rent"] - reduction[:count], np.zeros(data.benunits - count)])
        simulation.set_input("benunit_rent", period, rent)
    return reduction
