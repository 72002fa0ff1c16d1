"""A caseload extract (housing benefit or council tax support records) read for Better Off batch targeting.

One row per household. Every cell is checked before anything runs; a problem names the file, the
row (as a spreadsheet numbers it) and the column, and says what to enter.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from thrive.benefits.household import Benefit, ClaimTenure, DlaCareRate, LowerOrHigher, PipRate, WorkCapability
from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import FIRST_DATA_ROW, read_table

NUMBERS = {
    "age_1": (16, 120),
    "earnings_1": (0, 1_000_000),
    "hours_1": (0, 100),
    "pension_1": (0, 1_000_000),
    "care_hours_1": (0, 168),
    "earnings_2": (0, 1_000_000),
    "care_hours_2": (0, 168),
    "hours_2": (0, 100),
    "pension_2": (0, 1_000_000),
    "rent_month": (0, 100_000),
    "council_tax_year": (0, 100_000),
    "savings": (0, 100_000_000),
}
"""Columns that must hold a number, with the range that makes sense (earnings and pensions a year)."""
OPTIONAL_NUMBERS = {"age_2": (16, 120)}
RATES: dict[str, type[PipRate] | type[DlaCareRate] | type[LowerOrHigher] | type[WorkCapability]] = {
    f"{name}_{person}": kind
    for person in (1, 2)
    for name, kind in (
        ("pip_daily_living", PipRate),
        ("pip_mobility", PipRate),
        ("dla_care", DlaCareRate),
        ("dla_mobility", LowerOrHigher),
        ("attendance_allowance", LowerOrHigher),
        ("work_capability", WorkCapability),
    )
}
"""Each adult's disability benefits by component and rate, and their work capability assessment
outcome; an empty cell or a missing column means none."""
REPLACED = {"disabled_1": "pip_daily_living_1", "disabled_2": "pip_daily_living_2"}
"""Columns of the old format: a yes/no disability flag cannot say which benefit or rate."""
RECEIVES = [f"receives_{b.value}" for b in Benefit]
"""What the household gets now, a month; an empty cell means nothing."""
ADDED = ["care_hours_2"]
"""Columns added after the first format: an extract without them reads as nil."""
REQUIRED = [
    "household_ref", "ward_code", *(c for c in NUMBERS if c not in ADDED), *OPTIONAL_NUMBERS, "children_ages", "tenure"
]  # fmt: skip
MAX_PROBLEMS = 50


def read_caseload(path: Path, known_wards: set[str]) -> pd.DataFrame:
    """The extract as typed columns, or ProblemsError listing what to fix (nothing is run)."""
    return check_caseload(read_table(path), path.name, known_wards)


def check_caseload(raw: pd.DataFrame, name: str, known_wards: set[str]) -> pd.DataFrame:
    missing = [c for c in REQUIRED if c not in raw.columns]
    old = [c for c in REPLACED if c in raw.columns]
    if missing or old:
        raise ProblemsError(
            [Problem(name, 1, c, "this column is missing. Add it to the header row.") for c in missing]
            + [
                Problem(
                    name,
                    1,
                    c,
                    f"a yes/no flag cannot say which benefit or rate: use {REPLACED[c]} and the other rate columns.",
                )
                for c in old
            ]
        )
    raw = raw.assign(**{c: "" for c in ADDED if c not in raw.columns})
    problems: list[Problem] = []
    out = pd.DataFrame({"household_ref": raw["household_ref"].astype(str), "ward_code": raw["ward_code"].astype(str)})
    rows = np.arange(len(raw)) + FIRST_DATA_ROW

    def complain(mask: np.ndarray, column: str, message: str) -> None:
        for row in rows[mask][: MAX_PROBLEMS - len(problems)]:
            problems.append(Problem(name, int(row), column, message))

    complain(~raw["ward_code"].isin(known_wards).to_numpy(), "ward_code", "enter a Luton ward code, like E05002194.")
    for column, (low, high) in {**NUMBERS, **OPTIONAL_NUMBERS}.items():
        text = raw[column].fillna("").astype(str).str.strip().str.replace(",", "").str.removeprefix("£")
        number = pd.to_numeric(text, errors="coerce")
        empty = (text == "").to_numpy()
        optional = column in OPTIONAL_NUMBERS or column not in {"age_1"}
        bad = (~empty & number.isna().to_numpy()) | (empty & (not optional))
        complain(bad, column, f"enter a number from {low:,} to {high:,}, like {low + 1}.")
        wrong = (~number.isna() & ((number < low) | (number > high))).to_numpy()
        complain(wrong, column, f"enter a number from {low:,} to {high:,}.")
        out[column] = number.fillna(0.0).to_numpy() if column not in OPTIONAL_NUMBERS else number.to_numpy()
    for column, kind in RATES.items():
        text = raw[column].fillna("").astype(str).str.strip() if column in raw.columns else pd.Series([""] * len(raw))
        allowed = {member.value.lower(): member.value for member in kind}
        lowered = text.str.lower()
        complain(
            ~(lowered.isin(list(allowed)) | (lowered == "")).to_numpy(),
            column,
            f"enter one of {', '.join(allowed.values())}, or leave it empty.",
        )
        out[column] = lowered.map(allowed).fillna(next(iter(kind)).value).to_numpy()
    tenure = raw["tenure"].fillna("").astype(str).str.strip().str.upper()
    complain(
        ~tenure.isin([t.value for t in ClaimTenure]).to_numpy(),
        "tenure",
        f"enter one of {', '.join(t.value for t in ClaimTenure)}.",
    )
    out["tenure"] = tenure.to_numpy()
    ages = raw["children_ages"].fillna("").astype(str).str.strip()
    good_ages = ages.str.fullmatch(r"(\d{1,2}(\s*;\s*\d{1,2})*)?")
    complain(~good_ages.to_numpy(), "children_ages", "enter children's ages separated by semicolons, like 3;7.")
    out["children_ages"] = ages.to_numpy()
    for column in RECEIVES:
        text = raw[column].fillna("").astype(str).str.strip() if column in raw.columns else pd.Series([""] * len(raw))
        number = pd.to_numeric(text.str.replace(",", "").str.removeprefix("£"), errors="coerce")
        complain(((text != "") & number.isna()).to_numpy(), column, "enter the amount a month as a number, like 95.50.")
        out[column] = number.fillna(0.0).to_numpy()
    if problems:
        raise ProblemsError(problems)
    return out
