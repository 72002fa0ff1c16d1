"""Combining the council's printed figures with the official series that feeds them (DATA-NOTES K)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.framework.reconciliation import Prefer, Reconciliation, agrees


@pytest.mark.parametrize(
    ("printed", "official", "same"),
    [
        (0.13, 0.13371, True),  # exclusions 2018/19: printed 0.13% (003:697), DfE 0.13371%
        (45.0, 44.5, True),  # Attainment 8 2022/23: printed 45 (003:696), DfE 44.5, which rounds to 45
        (61.0, 61.1, True),  # good level of development 2022/23: printed 61% (003:698), DfE 61.1%
        (57.4, 59.6, False),  # male healthy life expectancy 2017-19: printed 57.4 (003:685), ONS now 59.6
        (4.9, 5.2, False),  # NEET, England 2022/23: printed 4.9% (003:695), DfE 5.2%
        (63.9, 64.0, False),  # female HLE, England 2018-20: printed 63.9, ONS 64.0 (a tenth is a difference)
        (45.0, 44.49, False),
    ],
)
def test_a_figure_agrees_when_it_rounds_to_what_the_council_printed(
    printed: float, official: float, same: bool
) -> None:
    assert agrees(printed, official) is same


@given(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=0, max_value=3),
    st.floats(min_value=-0.499, max_value=0.499),
)
def test_any_official_figure_within_half_a_printed_unit_agrees(units: int, places: int, offset: float) -> None:
    printed = round(units / 10**places, places)
    assert agrees(printed, printed + offset / 10**places)


def test_a_decision_for_one_figure_overrides_the_links_own() -> None:
    decision = Reconciliation(
        "neet",
        "dfe-16-17-not-known-neet",
        Prefer.OFFICIAL,
        "DfE's figure is the source.",
        {("E92000001", "2023"): (Prefer.COUNCIL, "Kept as printed.")},
    )
    assert decision.decision("E92000001", "2023") == (Prefer.COUNCIL, "Kept as printed.")
    assert decision.decision("E06000032", "2023") == (Prefer.OFFICIAL, "DfE's figure is the source.")
