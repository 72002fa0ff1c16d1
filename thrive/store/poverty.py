"""Poverty runs in the store: the council's published band tables and protected model runs.

Publishing a model run (its figures and the headline observation, in one transaction) is the
use-case thrive.services.poverty_publication; this module holds the queries it and the pages use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from thrive.framework.dataset import Dataset
from thrive.poverty.run import Figure
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import read_connection
from thrive.store.schema import change_set, poverty_figure, poverty_run

MODEL_KIND = "model"
PUBLISHED_KIND = "published"


@dataclass(frozen=True)
class PovertyRun:
    """One poverty run as stored: a council's published band table or a protected run of the band model."""

    id: int
    kind: str
    first_year: int
    last_year: int
    title: str
    source: str
    synthetic: bool
    line_set: str | None
    disclosure: dict[str, Any] | None
    actor: str
    created_at: str
    reason: str


def load_published_band_tables(connection: Connection, dataset: Dataset, actor: str) -> int:
    """Store the council's dated band tables (fqol_bands.yaml) once, inside `thrive init`'s transaction."""
    tables = [table for table in dataset.band_tables if table.get("as_at") and table.get("kind") != "income_thresholds"]
    known = set(connection.execute(select(poverty_run.c.title).where(poverty_run.c.kind == PUBLISHED_KIND)).scalars())
    missing = [table for table in tables if table["title"] not in known]
    if not missing:
        return 0
    change_set_id = record_change_set(
        connection,
        ChangeSet(
            actor=actor,
            reason="Loaded the published Financial Quality of Life band tables",
            kind=ChangeKind.DATASET,
            source=f"thrive/datasets/{dataset.name}/fqol_bands.yaml",
        ),
    )
    for table in missing:
        year = int(str(table["as_at"])[:4])
        run_id = insert_poverty_run(
            connection,
            change_set_id,
            kind=PUBLISHED_KIND,
            years=(year,),
            title=table["title"],
            source=str(table["ref_table"]),
            synthetic=False,
            line_set=None,
            disclosure=None,
        )
        connection.execute(insert(poverty_figure), _published_figures(run_id, year, table))
    return len(missing)


def _published_figures(run_id: int, year: int, table: dict[str, Any]) -> list[dict[str, Any]]:
    def figure(breakdown: str, row: str, column: str, value: float | None, ref: str | None) -> dict[str, Any]:
        return {
            "run_id": run_id,
            "year": year,
            "breakdown": breakdown,
            "row_key": row,
            "column_key": column,
            "value": value,
            "suppressed": False,
            "ref": ref,
        }

    rows = [
        figure("published_bands", "A_B", "households", combined["households"], combined["ref"])
        for combined in table["combined"]
    ]
    rows += [
        figure("published_bands", band["band"], "households", band["households"], band["ref"])
        for band in table["bands"]
        if band["households"] is not None
    ]
    rows.append(figure("published_bands", "total", "households", table["total_households"], table["ref_table"]))
    rows += [
        figure("published_lines", line["line"], "households_below", line["households_below"], line["ref"])
        for line in table["lines"]
    ]
    return rows


def insert_poverty_run(connection: Connection, change_set_id: int, *, years: tuple[int, ...], **values: Any) -> int:
    result = connection.execute(
        insert(poverty_run).values(change_set_id=change_set_id, first_year=min(years), last_year=max(years), **values)
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def poverty_runs(engine: Engine, run_id: int | None = None) -> list[PovertyRun]:
    """Every stored run, oldest year first, or only the run with `run_id`."""
    query = (
        select(poverty_run, change_set.c.actor, change_set.c.created_at, change_set.c.reason)
        .join(change_set, change_set.c.id == poverty_run.c.change_set_id)
        .order_by(poverty_run.c.last_year, poverty_run.c.id)
    )
    if run_id is not None:
        query = query.where(poverty_run.c.id == run_id)
    with read_connection(engine) as connection:
        rows = connection.execute(query).mappings().all()
    return [
        PovertyRun(
            id=row["id"],
            kind=row["kind"],
            first_year=row["first_year"],
            last_year=row["last_year"],
            title=row["title"],
            source=row["source"],
            synthetic=bool(row["synthetic"]),
            line_set=row["line_set"],
            disclosure=row["disclosure"],
            actor=row["actor"],
            created_at=row["created_at"].isoformat(),
            reason=row["reason"],
        )
        for row in rows
    ]


def run_figures(engine: Engine, run_id: int) -> list[Figure]:
    query = select(poverty_figure).where(poverty_figure.c.run_id == run_id).order_by(poverty_figure.c.id)
    with read_connection(engine) as connection:
        rows = connection.execute(query).mappings().all()
    return [
        Figure(
            row["year"],
            row["breakdown"],
            row["row_key"],
            row["column_key"],
            row["value"],
            bool(row["suppressed"]),
            row["ref"],
        )
        for row in rows
    ]


def insert_poverty_figures(connection: Connection, run_id: int, figures: list[Figure]) -> None:
    connection.execute(insert(poverty_figure), [{"run_id": run_id, **asdict(figure)} for figure in figures])
