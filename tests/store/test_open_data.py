"""The shipped open data, loaded as `thrive init` loads it, on both databases."""

from __future__ import annotations

from sqlalchemy import Engine

from thrive.store.database import read_connection
from thrive.store.indicators import indicator_coverage, read_indicators


def test_open_data_loads_every_shipped_indicator_with_its_coverage(open_data_engine: Engine) -> None:
    with read_connection(open_data_engine) as connection:
        indicators = {i.id: i for i in read_indicators(connection)}
        coverage = indicator_coverage(connection)
    # ONS Explore Local Statistics: 2008 to 2025 for gross median weekly pay (README of the shipped folder).
    pay = coverage["ons-gross-median-weekly-pay"]
    assert (pay.first_period, pay.last_period) == ("2008-04-16", "2025-04-30")
    assert indicators["ons-gross-median-weekly-pay"].publisher == "Office for National Statistics"
    assert pay.areas > 300
