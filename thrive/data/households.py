"""Read a household extract (CSV, XLSX or JSON) for the band model, checking every cell.

Columns, one row per household and year (money in £ a year):
  household_id     a pseudonymous id that links a household's years; never a name or address
  year             the April the record describes, like 2024
  area             the ward (E05…) or 2011 LSOA (E01…) code in Luton
  adult_ages       the adults' ages, separated by semicolons: 38;36
  child_ages       the children's ages, separated by semicolons (blank for none): 4;7
  tenure           private_rent, social_rent or owner_occupied (blank if not known)
  net_income       household income after tax, before housing costs (blank if not known)
  housing_costs    rent or mortgage (blank if not known)
  council_tax      council tax after any reduction (blank if not known)
  debt_repayments  optional: debt repayments
  synthetic        optional: "yes" on every row of made-up test data

A problem names the file, row and column but never repeats a household's id, so messages and
logs carry no identifier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import FIRST_DATA_ROW, read_table
from thrive.framework.area import Area, AreaType
from thrive.poverty.bands import BandTenure
from thrive.poverty.households import Households

REQUIRED = (
    "household_id",
    "year",
    "area",
    "adult_ages",
    "child_ages",
    "tenure",
    "net_income",
    "housing_costs",
    "council_tax",
)
OPTIONAL = ("debt_repayments", "synthetic")
MONEY = ("net_income", "housing_costs", "council_tax", "debt_repayments")
TENURE_WORDS = {tenure.word: tenure for tenure in BandTenure if tenure is not BandTenure.MISSING}
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class HouseholdFile:
    source: str
    households: Households
    ids: pd.Series  # the pseudonymous ids, kept in memory only, to write each household's band back
    wards: tuple[str, ...]
    synthetic: bool


def ward_lookup(areas: tuple[Area, ...]) -> dict[str, str]:
    """Each ward and LSOA code mapped to its ward."""
    lookup = {area.code: area.code for area in areas if area.type is AreaType.WARD}
    lookup.update({area.code: area.parent for area in areas if area.type is AreaType.LSOA and area.parent})
    return lookup


def read_households(path: Path, wards_of: Mapping[str, str], pension_age: int) -> HouseholdFile:
    frame = read_table(path)
    name = path.name
    frame.columns = [str(column).strip().lower() for column in frame.columns]
    missing = [column for column in REQUIRED if column not in frame.columns]
    if missing:
        raise ProblemsError([Problem(name, 1, column, "add this column to the header row.") for column in missing])
    problems: list[Problem] = []
    rows = pd.RangeIndex(FIRST_DATA_ROW, FIRST_DATA_ROW + len(frame))

    def complain(mask: pd.Series | np.ndarray, column: str, message: str) -> None:
        for row in rows[np.asarray(mask, dtype=bool)][:MAX_PROBLEMS]:
            problems.append(Problem(name, int(row), column, message))

    text = {column: frame[column].fillna("").astype(str).str.strip() for column in frame.columns}
    complain(text["household_id"] == "", "household_id", "enter the household's pseudonymous id.")
    year = pd.to_numeric(text["year"], errors="coerce")
    bad_year = year.isna() | (year % 1 != 0) | (year < 2000) | (year > 2100)
    complain(bad_year, "year", "enter the year as four digits, like 2024.")
    ward = text["area"].map(wards_of)
    complain(ward.isna(), "area", "enter the code of a Luton ward (E05…) or 2011 LSOA (E01…).")
    tenure = text["tenure"].str.lower().map(lambda word: TENURE_WORDS[word].value if word in TENURE_WORDS else None)
    bad_tenure = tenure.isna() & (text["tenure"] != "")
    complain(bad_tenure, "tenure", "enter private_rent, social_rent or owner_occupied, or leave it blank.")
    money = {}
    for column in MONEY:
        values = text.get(column, pd.Series("", index=frame.index))
        cleaned = values.str.replace(",", "", regex=False).str.removeprefix("£")
        number = pd.to_numeric(cleaned, errors="coerce")
        complain(
            number.isna() & (values != ""), column, "enter an amount in pounds a year, like 18250, or leave it blank."
        )
        if column != "net_income":
            complain(number < 0, column, "enter an amount of 0 or more.")
        money[column] = number.to_numpy(dtype=np.float64)
    adults = _ages(text["adult_ages"], name, rows, "adult_ages", problems, minimum=16, required=True)
    children = _ages(text["child_ages"], name, rows, "child_ages", problems, minimum=0, required=False)
    if problems:
        raise ProblemsError(sorted(problems)[:MAX_PROBLEMS])
    ward_codes = tuple(sorted(set(ward)))
    ward_index = pd.Categorical(ward, categories=ward_codes).codes.astype(np.int64)
    synthetic = "synthetic" in frame.columns and bool((text["synthetic"].str.lower() == "yes").any())
    households = Households(
        household=pd.factorize(text["household_id"])[0].astype(np.int64),
        year=year.to_numpy(dtype=np.int64),
        ward=ward_index,
        adults=adults.notna().sum(axis=1).to_numpy(dtype=np.int64),
        pensioners=(adults >= pension_age).sum(axis=1).to_numpy(dtype=np.int64),
        children_under_14=(children < 14).sum(axis=1).to_numpy(dtype=np.int64),
        children_14_or_over=(children >= 14).sum(axis=1).to_numpy(dtype=np.int64),
        tenure=tenure.fillna(BandTenure.MISSING.value).to_numpy(dtype=np.int8),
        net_income=money["net_income"],
        housing_costs=money["housing_costs"],
        council_tax=money["council_tax"],
        debt_repayments=money["debt_repayments"],
    )
    return HouseholdFile(name, households, text["household_id"], ward_codes, synthetic)


def _ages(
    cells: pd.Series,
    name: str,
    rows: pd.RangeIndex,
    column: str,
    problems: list[Problem],
    *,
    minimum: int,
    required: bool,
) -> pd.DataFrame:
    """The ages in each cell as columns of a frame (NaN where a household has fewer people)."""
    parts = cells.str.split(";", expand=True).apply(lambda part: part.str.strip())
    ages = parts.apply(pd.to_numeric, errors="coerce")
    given = parts.notna() & (parts != "")
    bad = (given & (ages.isna() | (ages % 1 != 0) | (ages < minimum) | (ages > 120))).any(axis=1)
    if required:
        bad |= ~given.any(axis=1)
    who = "adults" if required else "children"
    message = f"enter the {who}' ages as whole numbers separated by semicolons, like 38;36"
    message += "." if required else ", or leave it blank."
    problems.extend(Problem(name, int(row), column, message) for row in rows[bad.to_numpy()][:MAX_PROBLEMS])
    known: pd.DataFrame = ages.where(given)
    return known
