"""Fast inserts of many rows inside the caller's transaction.

SQLAlchemy's executemany is correct but slow for a million rows, so big batches go straight
to the driver: `executemany` on SQLite and COPY (one CSV text per batch) on PostgreSQL. On SQLite, binding each value
costs more than storing it, so a column that holds the same value on every row of a batch
(the change set, the status, often the source) is written once into the statement as a
literal, and only the columns that vary are bound per row.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Connection, Table


def _column_values(column: pd.Series) -> list[Any]:
    """Plain Python values. SQLite stores a NaN float as NULL, so float columns need no conversion."""
    if column.dtype == np.float64:
        values: list[Any] = column.to_numpy().tolist()
        return values
    converted: list[Any] = column.astype(object).where(column.notna(), None).tolist()
    return converted


def _rows(frame: pd.DataFrame, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    return zip(*(_column_values(frame[name]) for name in columns), strict=True)


def sqlite_literal(value: Any) -> str:
    """A value as SQLite source text; strings are quoted by doubling single quotes, as SQL defines."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "NULL"
    if isinstance(value, bool | np.bool_):
        return "1" if value else "0"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        return repr(float(value))
    return "'" + str(value).replace("'", "''") + "'"


def _constant(column: pd.Series) -> tuple[bool, Any]:
    """Whether every row holds the same value (all missing counts), and that value."""
    missing = column.isna()
    if missing.all():
        return True, None
    if missing.any():
        return False, None
    first = column.iloc[0]
    return bool((column == first).all()), first


def bulk_insert(connection: Connection, table: Table, frame: pd.DataFrame, columns: Sequence[str]) -> None:
    if frame.empty:
        return
    raw = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        names = ", ".join(columns)
        # One CSV text for the whole batch: psycopg's write_row adapts each value in Python, which
        # cost more than the rows themselves. An unquoted empty field is NULL in COPY's CSV format;
        # text cells are never empty strings (the importers store None instead).
        text = frame[list(columns)].to_csv(index=False, header=False, lineterminator="\n")
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN (FORMAT csv)") as copy:  # type: ignore[union-attr]
            copy.write(text)
        return
    varying, fixed = [], {}
    for name in columns:
        same, value = _constant(frame[name]) if len(frame) > 1 else (False, None)
        if same:
            fixed[name] = sqlite_literal(value)
        else:
            varying.append(name)
    names = ", ".join([*varying, *fixed])
    values = ", ".join(["?"] * len(varying) + list(fixed.values()))
    cursor = raw.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(f"INSERT INTO {table.name} ({names}) VALUES ({values})", _rows(frame, varying))
    finally:
        cursor.close()
