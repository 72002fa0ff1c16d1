"""Imports racing on the same series lose no revision: the writer lock serialises them."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine, select

from thrive.services.imports import ImportOptions, import_file
from thrive.store.database import make_engine
from thrive.store.schema import change_set, observation_revision

RACERS = 4


def test_racing_imports_on_one_series_keep_every_revision(database_url: str, engine: Engine, tmp_path: Path) -> None:
    files = []
    for racer in range(RACERS):
        path = tmp_path / f"racer-{racer}.csv"
        path.write_text(
            "measure,area,period,value\n"
            f"destitution,E06000032,2023,{9.0 + racer / 10}\n"
            f"destitution,E06000032,2025,{8.0 + racer / 10}\n",
            encoding="utf-8",
        )
        files.append(path)

    barrier = threading.Barrier(RACERS)
    failures: list[BaseException] = []

    def race(path: Path) -> None:
        own = make_engine(database_url)
        try:
            barrier.wait()
            result = import_file(own, path, ImportOptions(actor=path.stem, reason="race"))
            assert result.ok, result.problems
        except BaseException as error:  # reported below, in the main thread
            failures.append(error)
        finally:
            own.dispose()

    threads = [threading.Thread(target=race, args=(path,)) for path in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures

    with engine.connect() as connection:
        rows = connection.execute(
            select(
                observation_revision.c.period_start,
                observation_revision.c.id,
                observation_revision.c.supersedes_id,
                observation_revision.c.value,
                change_set.c.actor,
            )
            .join(change_set, change_set.c.id == observation_revision.c.change_set_id)
            .where(observation_revision.c.series_id == "destitution")
            .order_by(observation_revision.c.id)
        ).all()
    for start, expected in (("2023-01-01", RACERS + 1), ("2025-01-01", RACERS)):
        chain = [r for r in rows if str(r.period_start) == start]
        assert len(chain) == expected
        # Each revision supersedes the one before it: no two writers saw the same "before".
        assert [r.supersedes_id for r in chain[1:]] == [r.id for r in chain[:-1]]
        assert {r.actor for r in chain if r.actor.startswith("racer")} == {f"racer-{i}" for i in range(RACERS)}
