"""Statistical disclosure control for every count Thrive publishes from household or case data.

Small counts are hidden (primary suppression) and the rest rounded, following the ONS practice
for tables of people and households. Hiding one cell is not enough when the table also prints
totals: the cell would be the total minus the others. So the table is treated with its margins,
and every line (each row with its total, each column with its total, and the row of column
totals with the grand total) must hide either nothing or at least two entries (secondary
suppression, as in ONS and Eurostat table protection).
More generally no hidden entry may be worked out from any combination of the totals; see
`_secondary`. The smallest visible entries are hidden to close the gaps, so little is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class DisclosureRules:
    """The policy, kept as data (thrive/datasets/luton2040/disclosure.yaml): counts below
    `threshold` are hidden, the rest rounded to the nearest `rounding_base`."""

    threshold: int = 10
    rounding_base: int = 5
    publish_zeros: bool = False

    def __post_init__(self) -> None:
        if self.threshold < 1 or self.rounding_base < 1:
            raise ValueError("The threshold and the rounding base must be whole numbers of 1 or more.")

    def describe(self) -> str:
        zeros = " Zeros are shown." if self.publish_zeros else ""
        return (
            f"Counts under {self.threshold} are not shown, other counts are rounded to the nearest "
            f"{self.rounding_base}, and where one hidden count could be worked out from a total, "
            f"another count in the same row or column is hidden too.{zeros}"
        )


@dataclass(frozen=True)
class ProtectedTable:
    """A table safe to publish: rounded counts, NaN where hidden.

    `primary` marks the cells hidden for being small, `suppressed` every hidden cell (primary
    and secondary); totals carry the same treatment in their own arrays.
    """

    cells: FloatArray
    row_totals: FloatArray
    column_totals: FloatArray
    total: float
    suppressed: BoolArray
    primary: BoolArray
    row_totals_suppressed: BoolArray
    column_totals_suppressed: BoolArray
    total_suppressed: bool
    rules: DisclosureRules


def protect_tables_sharing_column_totals(
    tables: list[npt.ArrayLike], rules: DisclosureRules | None = None
) -> list[ProtectedTable]:
    """Protect tables that break the same total down different ways (bands by ward and bands by
    household type both add up to Luton's households in each band).

    A total hidden in one table must be hidden in all, or the other table would give it away;
    hiding it may force more hiding, so the tables are protected again until they agree.
    """
    arrays = [np.asarray(table) for table in tables]
    hide: BoolArray | None = None
    while True:
        protected = [protect_table(table, rules, hide) for table in arrays]
        union = np.logical_or.reduce([table.column_totals_suppressed for table in protected])
        if all(np.array_equal(table.column_totals_suppressed, union) for table in protected):
            return protected
        hide = union


def round_to_base(values: npt.ArrayLike, base: int) -> FloatArray:
    """Round half up to the nearest multiple of `base` (ONS rounding of counts)."""
    numbers = np.asarray(values, dtype=np.float64)
    return np.floor(numbers / base + 0.5) * base


def protect_table(
    counts: npt.ArrayLike, rules: DisclosureRules | None = None, hide_column_totals: BoolArray | None = None
) -> ProtectedTable:
    """Protect a two-dimensional table of counts together with its row, column and grand totals.

    A one-dimensional table (a single breakdown with its total) is a table of one column.
    `hide_column_totals` hides column totals that another table sharing them had to hide.
    """
    rules = rules or DisclosureRules()
    table = np.asarray(counts)
    if table.ndim == 1:
        table = table[:, None]
    if table.ndim != 2:
        raise ValueError("A protected table has rows and columns.")
    whole = np.issubdtype(table.dtype, np.integer) or bool(np.all(np.isfinite(table) & (table == np.round(table))))
    if not whole:
        raise ValueError("Disclosure control works on whole-number counts.")
    if np.any(table < 0):
        raise ValueError("A count cannot be negative.")
    table = table.astype(np.int64)
    extended = _with_margins(table)
    primary = _small(extended, rules)
    start = primary.copy()
    if hide_column_totals is not None:
        start[table.shape[0], : table.shape[1]] |= hide_column_totals
    hidden = _secondary(extended, start)
    rounded = round_to_base(extended, rules.rounding_base)
    published = np.where(hidden, np.nan, rounded)
    rows, columns = table.shape
    return ProtectedTable(
        cells=published[:rows, :columns],
        row_totals=published[:rows, columns],
        column_totals=published[rows, :columns],
        total=float(published[rows, columns]),
        suppressed=hidden[:rows, :columns],
        primary=primary[:rows, :columns],
        row_totals_suppressed=hidden[:rows, columns],
        column_totals_suppressed=hidden[rows, :columns],
        total_suppressed=bool(hidden[rows, columns]),
        rules=rules,
    )


def _with_margins(table: IntArray) -> IntArray:
    rows, columns = table.shape
    extended = np.zeros((rows + 1, columns + 1), dtype=np.int64)
    extended[:rows, :columns] = table
    extended[:rows, columns] = table.sum(axis=1)
    extended[rows, :columns] = table.sum(axis=0)
    extended[rows, columns] = table.sum()
    return extended


def _small(extended: IntArray, rules: DisclosureRules) -> BoolArray:
    """Small counts, and counts that rounding would print below the threshold."""
    small = (extended < rules.threshold) | (round_to_base(extended, rules.rounding_base) < rules.threshold)
    if rules.publish_zeros:
        small &= extended != 0
    return small


def _secondary(extended: IntArray, primary: BoolArray) -> BoolArray:
    """Hide more entries until no hidden entry can be worked out from the others.

    In a table with margins every row and column sums to its total, so a hidden entry can be
    worked out exactly when it is alone in a line, or, more generally, when it is a bridge in
    the graph whose vertices are the lines and whose edges are the hidden entries (a hidden
    entry on a cycle can move up and down round the cycle without changing any total). Each
    pass gives every lone entry a partner in its line, then puts each bridge on a cycle by
    hiding the smallest visible entry joining the two sides, and repeats until nothing changes.
    """
    hidden = primary.copy()
    values = extended.astype(np.float64)
    while _pair_lone_entries(hidden, values) or _close_bridges(hidden, values):
        pass
    return hidden


def _pair_lone_entries(hidden: BoolArray, values: FloatArray) -> bool:
    changed = False
    for lines, line_values in ((hidden, values), (hidden.T, values.T)):
        for line in np.flatnonzero(lines.sum(axis=1) == 1):
            if lines[line].sum() == 1:  # an earlier fix may already have given it a partner
                candidates = np.where(lines[line], np.inf, line_values[line])
                lines[line, int(np.argmin(candidates))] = True
                changed = True
    return changed


def _close_bridges(hidden: BoolArray, values: FloatArray) -> bool:
    for row, column in _hidden_bridges(hidden):
        near = _reachable(hidden, ("row", row), skip=(row, column))
        rows_near = np.array([("row", r) in near for r in range(hidden.shape[0])])
        columns_near = np.array([("column", c) in near for c in range(hidden.shape[1])])
        joins = rows_near[:, None] != columns_near[None, :]
        candidates = np.where(joins & ~hidden, values, np.inf)
        hidden[np.unravel_index(int(np.argmin(candidates)), hidden.shape)] = True
        return True
    return False


def _hidden_bridges(hidden: BoolArray) -> list[tuple[int, int]]:
    """Hidden entries whose value the totals give away: bridges of the row-column graph."""
    bridges = []
    for row, column in zip(*np.nonzero(hidden), strict=True):
        if ("column", int(column)) not in _reachable(hidden, ("row", int(row)), skip=(int(row), int(column))):
            bridges.append((int(row), int(column)))
    return bridges


def _reachable(hidden: BoolArray, start: tuple[str, int], skip: tuple[int, int]) -> set[tuple[str, int]]:
    seen = {start}
    frontier = [start]
    while frontier:
        kind, index = frontier.pop()
        if kind == "row":
            neighbours = [("column", int(c)) for c in np.flatnonzero(hidden[index]) if (index, int(c)) != skip]
        else:
            neighbours = [("row", int(r)) for r in np.flatnonzero(hidden[:, index]) if (int(r), index) != skip]
        for vertex in neighbours:
            if vertex not in seen:
                seen.add(vertex)
                frontier.append(vertex)
    return seen
