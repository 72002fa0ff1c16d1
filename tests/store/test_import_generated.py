"""Generated malformed rows: each is named by row and column, and the database is left as it was."""

from __future__ import annotations

import csv
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.conftest import shipped_dataset
from tests.store.dump import dump
from thrive.framework import PeriodError, parse_period
from thrive.services.imports import ImportOptions, import_file

MEASURES = {m.id for m in shipped_dataset().roadmap.measures}
AREAS = {a.code for a in shipped_dataset().roadmap.areas}
NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|-?\d{1,3}(,\d{3})+(\.\d+)?")
cells = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=12)


def _unreadable(label: str) -> bool:
    try:
        parse_period(label)
    except PeriodError:
        return True
    return False


bad_cells = st.one_of(
    st.tuples(st.just("value"), cells.filter(lambda s: not NUMBER.fullmatch(s.strip()))),
    st.tuples(st.just("measure"), cells.filter(lambda s: s.strip() not in MEASURES)),
    st.tuples(st.just("area"), st.from_regex(r"\A[EWS]0[0-9]{7}\Z").filter(lambda s: s not in AREAS)),
    st.tuples(st.just("period"), cells.filter(_unreadable)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bad=bad_cells, position=st.integers(min_value=0, max_value=5))
def test_generated_malformed_row_is_named_and_writes_nothing(
    engine: Engine, bad: tuple[str, str], position: int
) -> None:
    column, text = bad
    rows = [
        {"measure": "weekly-wages", "area": "E06000032", "period": str(2030 + i), "value": f"{600 + i}.5"}
        for i in range(6)
    ]
    rows[position][column] = text
    before = dump(engine)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=["measure", "area", "period", "value"])
            writer.writeheader()
            writer.writerows(rows)
        result = import_file(engine, path, ImportOptions(actor="hypothesis"))
    assert not result.ok
    assert any(p.row == position + 2 and p.column == column for p in result.problems), result.problems
    assert dump(engine) == before
