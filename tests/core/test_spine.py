"""The spine chart's geometry (Fingertips' area profiles), worked by hand."""

from __future__ import annotations

import pytest

from thrive.presentation.spine import CENTRE, REACH, SpineRow, position, spine_svg


def _row(right_is_higher: bool = True) -> SpineRow:
    # England 50; authorities from 30 to 60, middle half 45 to 55; the area at 40.
    return SpineRow(40.0, 50.0, 30.0, 45.0, 55.0, 60.0, right_is_higher=right_is_higher, verdict="worse")


def test_england_is_the_centre_and_the_farther_end_reaches_the_edge() -> None:
    row = _row()
    assert (CENTRE, REACH) == (120, 110)
    # The farther end is 20 from England, so 20 is the half-scale: 30 at 120 - 110, 60 at 120 + 10/20 * 110.
    assert position(row, 50.0) == 120
    assert position(row, 30.0) == pytest.approx(10.0)
    assert position(row, 60.0) == pytest.approx(175.0)
    assert position(row, 40.0) == pytest.approx(65.0)


def test_where_lower_is_better_the_scale_turns_round_so_right_is_better() -> None:
    row = _row(right_is_higher=False)
    assert position(row, 30.0) == pytest.approx(230.0)  # the lowest authority is the best: on the right
    assert position(row, 60.0) == pytest.approx(65.0)
    assert position(row, 40.0) == pytest.approx(175.0)


def test_the_svg_draws_the_spread_england_and_the_area_with_its_accessible_name() -> None:
    svg = spine_svg(_row(), "Smoking, 2023: Luton 40%, England 50% <worse>")
    assert 'aria-label="Smoking, 2023: Luton 40%, England 50% &lt;worse&gt;"' in svg
    assert '<rect x="10.0" y="6" width="165.0"' in svg  # lowest to highest
    assert '<rect x="92.5" y="6" width="55.0"' in svg  # 45 to 55
    assert '<line x1="120.0"' in svg and '<circle cx="65.0"' in svg and 'fill="#d4351c"' in svg
