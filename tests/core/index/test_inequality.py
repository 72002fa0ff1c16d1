"""The Gini coefficient against hand-worked distributions."""

from __future__ import annotations

import numpy as np
import pytest

from thrive.index.inequality import gini_coefficient


def test_gini_of_one_to_four_is_a_quarter() -> None:
    # Ordered pairs' absolute differences sum to 20; n = 4, mean 2.5: G = 20 / (2 x 16 x 2.5) = 0.25.
    assert gini_coefficient(np.array([4.0, 1.0, 3.0, 2.0])) == pytest.approx(0.25)


def test_weights_count_as_repeated_incomes() -> None:
    # Incomes 10, 20, 30 with weights 1, 1, 2 are 10, 20, 30, 30: ordered differences 140, mean 22.5,
    # G = 140 / (2 x 16 x 22.5) = 0.19444.
    weighted = gini_coefficient(np.array([10.0, 20.0, 30.0]), np.array([1.0, 1.0, 2.0]))
    assert weighted == pytest.approx(0.19444, abs=1e-5)
    assert weighted == pytest.approx(gini_coefficient(np.array([10.0, 20.0, 30.0, 30.0])))


def test_equal_incomes_have_no_inequality_and_one_person_with_everything_approaches_one() -> None:
    assert gini_coefficient(np.full(10, 500.0)) == pytest.approx(0.0)
    # n - 1 people with nothing and one with everything: G = (n - 1) / n.
    assert gini_coefficient(np.array([0.0] * 99 + [1.0])) == pytest.approx(0.99)
