"""Exact Poisson and Byar's limits against published values (the Fingertips extract test covers Byar's at scale)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from thrive.stats import byars_interval, exact_poisson_interval

# Exact 95% limits for a Poisson count (Garwood F 1936, Biometrika 28:437-442), the standard tabulated
# values to 4 dp; counts 1 and 10 are among the examples of Daly L (1992) Comput Biol Med 22:351-361,
# Table 2. Fingertips uses these limits for counts below 10 (OHID technical guidance, "Rates").
GARWOOD_95 = [
    (0, 0.0000, 3.6889),
    (1, 0.0253, 5.5716),
    (2, 0.2422, 7.2247),
    (5, 1.6235, 11.6683),
    (10, 4.7954, 18.3904),
]


@pytest.mark.parametrize(("count", "lower", "upper"), GARWOOD_95)
def test_exact_poisson_interval_matches_garwood_tables(count: int, lower: float, upper: float) -> None:
    result = exact_poisson_interval(count)
    assert float(result.lower) == pytest.approx(lower, abs=5e-5)
    assert float(result.upper) == pytest.approx(upper, abs=5e-5)


def test_byars_interval_matches_fingertips_readme_example_for_luton_2015() -> None:
    # Fingertips indicator 93356 (Campylobacter incidence), Luton E06000032, 2015, as published in the
    # extract in tests/fixtures/fingertips_campylobacter_countyua_2015_2017: count 177, denominator
    # 214,710, value 82.44 per 100,000, 95% CI 70.74 to 95.52 (2 dp).
    result = byars_interval(177, 214_710, multiplier=100_000)
    assert float(result.value) == pytest.approx(82.44, abs=0.005)
    assert float(result.lower) == pytest.approx(70.74, abs=0.005)
    assert float(result.upper) == pytest.approx(95.52, abs=0.005)


def test_byars_interval_uses_exact_limits_below_ten_as_fingertips_guidance_requires() -> None:
    counts = np.arange(0, 12)
    result = byars_interval(counts)
    exact = exact_poisson_interval(counts)
    np.testing.assert_array_equal(result.lower[:10], exact.lower[:10])
    assert not np.allclose(result.lower[10:], exact.lower[10:], rtol=0, atol=1e-9)
    every_count_by_byars = byars_interval(counts, exact_below=0)
    assert every_count_by_byars.lower[0] == 0.0  # zero always takes the exact limits
    assert every_count_by_byars.lower[1] != exact.lower[1]


def test_byars_interval_refuses_negative_counts_and_empty_denominators() -> None:
    with pytest.raises(ValueError, match="counts"):
        byars_interval(-1)
    with pytest.raises(ValueError, match="denominators"):
        byars_interval(5, 0)


@given(st.integers(min_value=0, max_value=10**8), st.sampled_from([0.95, 0.998]))
def test_count_intervals_contain_the_count(count: int, confidence: float) -> None:
    result = byars_interval(count, confidence=confidence)
    assert 0.0 <= result.lower <= count <= result.upper


@given(st.integers(min_value=0, max_value=10**8))
def test_count_intervals_widen_from_95_to_99_8_percent(count: int) -> None:
    narrow = byars_interval(count, confidence=0.95)
    wide = byars_interval(count, confidence=0.998)
    assert wide.lower <= narrow.lower and narrow.upper <= wide.upper
