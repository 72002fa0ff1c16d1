"""The one rule for publishing the Thriving People Index (issue 17): while half or more of its indicators
are synthetic, no score, rank, badge or map is published."""

from __future__ import annotations

from typing import Any

import pytest

from thrive.index.publication import experimental


def _results(synthetic: int, indicators: int = 34) -> dict[str, Any]:
    codes = [f"indicator-{n}" for n in range(indicators)]
    return {"synthetic_indicators": codes[:synthetic], "names": {"indicators": {c: {} for c in codes}}}


@pytest.mark.parametrize(
    ("synthetic", "expected"),
    [(29, True), (17, True), (16, False), (0, False)],
    ids=["today-29-of-34", "exactly-half", "a-real-majority", "all-real"],
)
def test_the_index_is_experimental_while_half_or_more_of_its_indicators_are_synthetic(
    synthetic: int, expected: bool
) -> None:
    assert experimental(_results(synthetic)) is expected
