"""A SYNTHETIC caseload extract in the batch format, for benchmarks, tests and demonstrations.

Every household is made up (references start SYNTHETIC-); the mix of ages, work, rents and claims
is plausible for a Luton housing benefit / council tax support caseload but is not derived from one.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from thrive.data.caseload import RECEIVES
from thrive.data.dataset import luton_wards

TENURES = ["RENT_FROM_COUNCIL", "RENT_FROM_HA", "RENT_PRIVATELY", "OWNED_WITH_MORTGAGE", "OWNED_OUTRIGHT"]


def synthetic_caseload(households: int, seed: int = 2040) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = households
    pensioner = rng.random(n) < 0.3
    age_1 = np.where(pensioner, rng.integers(67, 90, n), rng.integers(18, 64, n))
    couple = rng.random(n) < 0.35
    age_2 = np.where(couple, np.clip(age_1 + rng.integers(-5, 6, n), 18, 95), np.nan)
    works = ~pensioner & (rng.random(n) < 0.5)
    hours = np.where(works, rng.choice([8, 16, 20, 25, 30, 37.5], n), 0.0)
    earnings = np.round(hours * 52 * rng.uniform(12.21, 16.0, n), 0)
    pension = np.where(pensioner, np.round(rng.uniform(6000, 14000, n), 0), 0.0)
    kids = np.where(pensioner, 0, rng.choice([0, 0, 1, 2, 3], n))
    children = [";".join(str(a) for a in rng.integers(0, 16, k)) for k in kids]
    tenure = rng.choice(TENURES, n, p=[0.3, 0.2, 0.35, 0.05, 0.1])
    rents = np.where(np.char.startswith(tenure.astype(str), "RENT"), np.round(rng.uniform(450, 1100, n), 0), 0.0)
    frame = pd.DataFrame(
        {
            "household_ref": [f"SYNTHETIC-{i:07d}" for i in range(1, n + 1)],
            "ward_code": rng.choice(luton_wards(), n),
            "age_1": age_1,
            "earnings_1": earnings,
            "hours_1": hours,
            "pension_1": pension,
            "pip_daily_living_1": rng.choice(["", "", "", "", "", "STANDARD", "ENHANCED"], n),
            "work_capability_1": rng.choice(["", "", "", "", "LCW", "LCWRA", "WAITING"], n),
            "care_hours_1": np.where(rng.random(n) < 0.05, 40, 0),
            "age_2": age_2,
            "earnings_2": 0.0,
            "hours_2": 0.0,
            "pension_2": np.where(couple & pensioner, np.round(rng.uniform(4000, 11000, n), 0), 0.0),
            "care_hours_2": np.where(couple & (rng.random(n) < 0.1), 35, 0),
            "children_ages": children,
            "tenure": tenure,
            "rent_month": rents,
            "council_tax_year": np.round(rng.uniform(1300, 2300, n), 2),
            "savings": np.round(rng.exponential(2500, n), 0),
        }
    )
    for column in RECEIVES:
        frame[column] = ""
    # Some households already claim: a fixed amount stands in for "reports receiving it".
    claims_ctr = rng.random(n) < 0.6
    frame.loc[claims_ctr, "receives_council_tax_reduction"] = "100"
    claims_uc = ~pensioner & (rng.random(n) < 0.55)
    frame.loc[claims_uc, "receives_universal_credit"] = "400"
    return frame
