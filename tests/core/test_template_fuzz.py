"""The importer's door under a bounded fuzz budget: any cells give problems or a batch within bounds, never a traceback."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import shipped_dataset
from thrive.data.bounds import load_bounds
from thrive.data.template import ValidationContext, validate_template
from thrive.framework.observation import NUMBERS

EXAMPLES = 400
TODAY = date(2026, 12, 1)
NUMBERISH = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.sampled_from(["", "9.9", "1e308", "-1e308", "1e-320", "nan", "inf", "²", "1,234.5", "٣", "0x10", "1_000"]),
    st.text(max_size=12),
)
PERIODS = st.one_of(
    st.sampled_from(
        ["2024", "0000", "9999", "1899", "Feb-99", "01/13/2024", "8/1/2024", "2023/24", "2017-19", "2025Q3"]
    ),
    st.from_regex(r"\A\d{1,2}/\d{1,2}/\d{4}\Z"),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}(/P\d{1,2}[YM])?\Z"),
    st.text(max_size=14),
)
ROWS = st.lists(
    st.fixed_dictionaries(
        {
            "measure": st.sampled_from(["destitution", "weekly-wages", "unemployment", "healthy-life-expectancy", "x"]),
            "series": st.sampled_from(["", "hle-female", "nope"]),
            "area": st.sampled_from(["E06000032", "E92000001", "E06000099", ""]),
            "period": PERIODS,
            "value": NUMBERISH,
            "lower_ci": NUMBERISH,
            "upper_ci": NUMBERISH,
            "denominator": NUMBERISH,
            "note": st.text(max_size=40),
            "outlier_reason": st.sampled_from(["", "", "a genuine outlier"]),
        }
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(rows=ROWS)
def test_any_cells_give_problems_or_a_batch_within_bounds(rows: list[dict[str, str]]) -> None:
    context = ValidationContext.from_roadmap(shipped_dataset().roadmap)
    context = ValidationContext(**{**context.__dict__, "today": TODAY})
    frame = pd.DataFrame(rows, dtype=str)
    batch, problems = validate_template(frame, "fuzz.csv", context)
    assert all(p.file == "fuzz.csv" and p.message for p in problems)
    if problems:
        return
    bounds = load_bounds()
    for name in NUMBERS:
        values = batch[name].to_numpy(dtype=float)
        known = values[~np.isnan(values)]
        assert np.all(np.isfinite(known)) and np.all(np.abs(known) <= bounds.largest)
    starts = pd.to_datetime(batch["period_start"])
    assert all(bounds.earliest_year <= s.year and s.date() <= TODAY for s in starts)
