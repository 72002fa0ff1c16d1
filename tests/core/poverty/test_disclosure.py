"""Disclosure control: small counts hidden, the rest rounded, and nothing hidden recoverable."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from thrive.data.disclosure_rules import load_disclosure_rules
from thrive.poverty.disclosure import (
    DisclosureRules,
    ProtectedTable,
    protect_table,
    protect_tables_sharing_column_totals,
    round_to_base,
)


def _extended(counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    rows, columns = counts.shape
    table = np.zeros((rows + 1, columns + 1), dtype=np.int64)
    table[:rows, :columns] = counts
    table[:rows, columns] = counts.sum(axis=1)
    table[rows, :columns] = counts.sum(axis=0)
    table[rows, columns] = counts.sum()
    return table


def _hidden(protected: ProtectedTable) -> npt.NDArray[np.bool_]:
    rows, columns = protected.cells.shape
    hidden = np.zeros((rows + 1, columns + 1), dtype=bool)
    hidden[:rows, :columns] = protected.suppressed
    hidden[:rows, columns] = protected.row_totals_suppressed
    hidden[rows, :columns] = protected.column_totals_suppressed
    hidden[rows, columns] = protected.total_suppressed
    return hidden


def _recoverable(hidden: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """Hidden entries an attacker can solve for from the published entries and the fact that
    each row and column adds up to its total, by any combination of additions and subtractions.

    Independent of the code under test: plain linear algebra. Entry k is determined exactly when
    the unit vector e_k lies in the row space of the equations restricted to the hidden entries.
    """
    rows, columns = hidden.shape
    equations = []
    for r in range(rows):
        line = np.zeros((rows, columns))
        line[r, : columns - 1] = 1
        line[r, columns - 1] = -1
        equations.append(line.ravel())
    for c in range(columns):
        line = np.zeros((rows, columns))
        line[: rows - 1, c] = 1
        line[rows - 1, c] = -1
        equations.append(line.ravel())
    unknowns = np.flatnonzero(hidden.ravel())
    if unknowns.size == 0:
        return []
    system = np.array(equations)[:, unknowns]
    rank = np.linalg.matrix_rank(system)
    found = []
    for position, flat in enumerate(unknowns):
        unit = np.zeros(unknowns.size)
        unit[position] = 1
        if np.linalg.matrix_rank(np.vstack([system, unit])) == rank:
            found.append((int(flat // columns), int(flat % columns)))
    return found


def test_shipped_rules_hide_counts_under_ten_and_round_to_five() -> None:
    rules = load_disclosure_rules()
    assert (rules.threshold, rules.rounding_base, rules.publish_zeros) == (10, 5, False)


def test_round_to_base_rounds_half_up_to_the_nearest_five() -> None:
    assert round_to_base([0, 2, 3, 7, 7814, 78946, 12.5], 5).tolist() == [0, 0, 5, 5, 7815, 78945, 15]


def test_a_worked_table_hides_the_small_cells_and_a_partner_in_each_line() -> None:
    # Worked by hand: 3 and 8 are under 10. Row 0 then hides its smallest other cell (40),
    # row 2 its smallest (13); column 0 hides 55 to pair the 8, column 1 hides 60 to pair the 3.
    protected = protect_table(np.array([[120, 3, 40], [55, 60, 70], [8, 200, 13]]))
    expected = np.array([[120, np.nan, np.nan], [np.nan, np.nan, 70], [np.nan, 200, np.nan]])
    np.testing.assert_array_equal(protected.cells, expected)
    assert protected.row_totals.tolist() == [165, 185, 220]
    assert protected.column_totals.tolist() == [185, 265, 125]
    assert protected.total == 570
    assert protected.primary.sum() == 2
    assert _recoverable(_hidden(protected)) == []


def test_a_hidden_total_is_paired_like_any_other_entry() -> None:
    # Column 1 adds up to 7 (hidden), so the total row must hide a second entry as well.
    protected = protect_table(np.array([[500, 4], [600, 3]]))
    assert protected.column_totals_suppressed.tolist() == [True, True]
    assert _recoverable(_hidden(protected)) == []


def test_a_bridge_between_two_safe_blocks_is_closed() -> None:
    # Hidden entries forming two separate cycles joined by one lone link are each paired in
    # their lines, yet the link's value follows from the totals; the rules must catch it.
    counts = np.array(
        [
            [5, 6, 100, 100, 100],
            [7, 8, 9, 100, 100],
            [100, 100, 100, 5, 6],
            [100, 100, 100, 7, 8],
        ]
    )
    protected = protect_table(counts)
    assert _recoverable(_hidden(protected)) == []


def test_one_dimensional_breakdown_is_a_single_column_table() -> None:
    protected = protect_table(np.array([7814, 8859, 22784, 39489]))
    assert protected.cells[:, 0].tolist() == [7815, 8860, 22785, 39490]
    assert protected.total == 78945


tables = arrays(
    np.int64,
    st.tuples(st.integers(1, 6), st.integers(1, 6)),
    elements=st.one_of(st.integers(0, 12), st.integers(0, 400)),
)
rule_sets = st.builds(
    DisclosureRules,
    threshold=st.integers(1, 15),
    rounding_base=st.integers(1, 10),
    publish_zeros=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(counts=tables, rules=rule_sets)
def test_no_published_entry_is_below_the_threshold(counts: npt.NDArray[np.int64], rules: DisclosureRules) -> None:
    protected = protect_table(counts, rules)
    truth = _extended(counts)
    published = _extended(np.zeros_like(counts)).astype(float)
    rows, columns = counts.shape
    published[:rows, :columns] = protected.cells
    published[:rows, columns] = protected.row_totals
    published[rows, :columns] = protected.column_totals
    published[rows, columns] = protected.total
    shown = ~np.isnan(published)
    allowed_zero = rules.publish_zeros & (truth == 0)
    assert np.all((truth[shown] >= rules.threshold) | allowed_zero[shown])
    assert np.all((published[shown] >= rules.threshold) | allowed_zero[shown])
    assert np.all(published[shown] % rules.rounding_base == 0)
    assert np.all(np.abs(published[shown] - truth[shown]) <= rules.rounding_base / 2)


@settings(max_examples=300, deadline=None)
@given(counts=tables, rules=rule_sets)
def test_no_hidden_entry_can_be_worked_out_from_the_totals(
    counts: npt.NDArray[np.int64], rules: DisclosureRules
) -> None:
    protected = protect_table(counts, rules)
    assert _recoverable(_hidden(protected)) == []


@settings(max_examples=150, deadline=None)
@given(
    first=arrays(np.int64, st.tuples(st.integers(1, 5), st.just(4)), elements=st.integers(0, 60)),
    second=arrays(np.int64, st.tuples(st.integers(1, 5), st.just(4)), elements=st.integers(0, 60)),
)
def test_tables_sharing_totals_hide_the_same_totals(
    first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]
) -> None:
    # The two tables break down the same column totals: make their sums agree, then check that
    # a total hidden in one is hidden in the other, and that each stays safe on its own.
    second = second.copy()
    difference = first.sum(axis=0) - second.sum(axis=0)
    second[0] = second[0] + np.maximum(difference, 0)
    first = first.copy()
    first[0] = first[0] + np.maximum(-difference, 0)
    assert np.array_equal(first.sum(axis=0), second.sum(axis=0))
    one, two = protect_tables_sharing_column_totals([first, second])
    assert np.array_equal(one.column_totals_suppressed, two.column_totals_suppressed)
    assert _recoverable(_hidden(one)) == []
    assert _recoverable(_hidden(two)) == []
