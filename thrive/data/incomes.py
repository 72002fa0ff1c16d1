"""Read an income distribution (one row per household, or per area with its households) for the Gini."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import FIRST_DATA_ROW, read_table

SHOWN = 20


def read_income_distribution(path: Path, income: str, weight: str | None) -> tuple[np.ndarray, np.ndarray | None]:
    table = read_table(path)
    missing = [c for c in (income, weight) if c is not None and c not in table.columns]
    if missing:
        columns = ", ".join(f"'{c}'" for c in table.columns)
        raise ProblemsError(
            [Problem(path.name, 1, c, f"there is no column called '{c}'. The columns are {columns}.") for c in missing]
        )
    problems: list[Problem] = []
    incomes = _numbers(table[income], path.name, income, problems)
    weights = None if weight is None else _numbers(table[weight], path.name, weight, problems)
    if problems:
        raise ProblemsError(problems[:SHOWN])
    return incomes, weights


def _numbers(cells: pd.Series, file: str, column: str, problems: list[Problem]) -> np.ndarray:
    values = pd.to_numeric(cells.str.replace(",", "", regex=False).str.lstrip("£"), errors="coerce")
    bad = values.isna() | (values < 0)
    problems.extend(
        Problem(
            file, int(i) + FIRST_DATA_ROW, column, f"enter an amount of 0 or more, like 31,500. '{cells[i]}' is not."
        )
        for i in cells.index[bad.to_numpy()]
    )
    return values.to_numpy(dtype=float)
