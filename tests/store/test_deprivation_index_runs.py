"""Thriving People Index runs: each keeps the framework version it used, so past scores can be reproduced."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from thrive.data.index_framework import shipped_framework_path
from thrive.data.problems import ProblemsError
from thrive.services.index_runs import compute_and_store
from thrive.store.database import read_connection
from thrive.store.index_runs import latest_index_run
from thrive.store.schema import change_set, index_framework_version, index_run


def test_an_edited_framework_becomes_a_new_version_and_the_old_one_is_kept(engine: Engine, tmp_path: Path) -> None:
    first = compute_and_store(engine, shipped_framework_path(), draws=20, actor="analyst@luton.gov.uk")
    again = compute_and_store(engine, shipped_framework_path(), draws=20, actor="analyst@luton.gov.uk")
    edited = tmp_path / "framework.yaml"
    edited.write_text(shipped_framework_path().read_text().replace("weighting: pca", "weighting: equal", 1))
    third = compute_and_store(engine, edited, draws=20, actor="analyst@luton.gov.uk", reason="Equal weights")

    assert (first.framework_version, again.framework_version, third.framework_version) == (1, 1, 2)
    with read_connection(engine) as connection:
        bodies = connection.execute(select(index_framework_version.c.body).order_by("version")).scalars().all()
        latest = latest_index_run(connection)
    assert "weighting: pca" in bodies[0] and "weighting: equal" in bodies[1]
    assert latest is not None and latest["framework_version"] == 2 and latest["synthetic"]
    wards = [a for a in latest["results"]["years"]["2019"]["areas"] if a["kind"] == "ward"]
    assert sorted(a["rank"] for a in wards) == list(range(1, 20))
    assert set(latest["results"]["weights"].values()) == {0.3333, 0.5}  # equal weights in 3- and 2-indicator parts


def test_a_framework_with_a_mistake_names_the_field_and_writes_nothing(engine: Engine, tmp_path: Path) -> None:
    broken = tmp_path / "framework.yaml"
    broken.write_text(shipped_framework_path().read_text().replace("imputation_cap: 0.5", "imputation_cap: 2", 1))
    with read_connection(engine) as connection:
        before = connection.execute(select(func.count()).select_from(change_set)).scalar_one()
    with pytest.raises(ProblemsError) as raised:
        compute_and_store(engine, broken, draws=20, actor="analyst@luton.gov.uk")
    assert raised.value.problems[0].column == "imputation_cap"
    with read_connection(engine) as connection:
        assert connection.execute(select(func.count()).select_from(change_set)).scalar_one() == before
        assert connection.execute(select(func.count()).select_from(index_run)).scalar_one() == 0
