"""Compute the Thriving People Index from a framework file and keep the run with its framework version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from thrive.data.index_framework import parse_framework
from thrive.data.index_values import luton_index_inputs
from thrive.data.problems import Problem, ProblemsError
from thrive.index.engine import results_as_data, score_years
from thrive.index.uncertainty import MonteCarloSettings
from thrive.store.changes import ChangeSet, record_change_set
from thrive.store.database import write_transaction
from thrive.store.index_runs import record_framework_version, record_index_run


@dataclass(frozen=True)
class IndexRun:
    run_id: int
    framework_version: int
    results: dict[str, Any]


def compute_and_store(
    engine: Engine, framework_path: Path, *, draws: int, actor: str, reason: str | None = None
) -> IndexRun:
    """Raises ProblemsError, naming the file and field, if the framework is wrong; nothing is written then."""
    if not framework_path.is_file():
        raise ProblemsError([Problem(framework_path.name, None, None, "the file does not exist. Check the path.")])
    body = framework_path.read_text(encoding="utf-8")
    return compute_framework_text(engine, body, framework_path.name, draws=draws, actor=actor, reason=reason)


def compute_framework_text(
    engine: Engine, body: str, name: str, *, draws: int, actor: str, reason: str | None = None
) -> IndexRun:
    """The same, from the framework's text (as edited on the workspace's framework page)."""
    framework, sources, peer_measure = parse_framework(body, name)
    inputs = luton_index_inputs(framework, sources, peer_measure)
    years, weights = score_years(framework, inputs.values, inputs.areas, MonteCarloSettings(draws=draws))
    results = results_as_data(framework, inputs.areas, years, weights)
    with write_transaction(engine) as connection:
        change = record_change_set(
            connection,
            ChangeSet(actor, reason or f"Computed the {framework.name}", kind="index", source=name),
        )
        version_id, version = record_framework_version(connection, framework.code, body, change)
        run_id = record_index_run(connection, version_id, change, bool(results["synthetic_indicators"]), results)
    return IndexRun(run_id, version, results)
