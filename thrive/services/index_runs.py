"""Compute the Thriving People Index from a framework file and keep the run with its framework version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from thrive.data.index_framework import parse_framework, parse_lsoa_framework
from thrive.data.index_values import luton_index_inputs, luton_lsoa_inputs
from thrive.data.problems import Problem, ProblemsError
from thrive.index.engine import results_as_data, score_years
from thrive.index.uncertainty import MonteCarloSettings
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import read_connection, write_transaction
from thrive.store.deprivation import latest_deprivation_releases
from thrive.store.index_runs import record_framework_version, record_index_run

LSOA_RELEASE = 2019
"""The IoD release whose File 9 scores the LSOA level reads (`iod2019-lsoa:` in the framework)."""


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
    lsoa_level = parse_lsoa_framework(body, name)
    settings = MonteCarloSettings(draws=draws)
    inputs = luton_index_inputs(framework, sources, peer_measure)
    years, weights = score_years(framework, inputs.values, inputs.areas, settings)
    results = results_as_data(framework, inputs.areas, years, weights)
    with read_connection(engine) as connection:
        release = latest_deprivation_releases(connection).get(LSOA_RELEASE)
    stored = None if release is None else release["summary"].get("lsoa_scores")
    results["lsoa"] = None
    if lsoa_level is not None and release is not None and stored:
        lsoa_framework, lsoa_sources, lsoa_peers = lsoa_level
        lsoas = luton_lsoa_inputs(lsoa_framework, lsoa_sources, lsoa_peers, stored)
        lsoa_years, lsoa_weights = score_years(lsoa_framework, lsoas.values, lsoas.areas, settings)
        with_lsoas(results, results_as_data(lsoa_framework, lsoas.areas, lsoa_years, lsoa_weights), release)
    with write_transaction(engine) as connection:
        change = record_change_set(
            connection,
            ChangeSet(actor, reason or f"Computed the {framework.name}", kind=ChangeKind.INDEX, source=name),
        )
        version_id, version = record_framework_version(connection, framework.code, body, change)
        run_id = record_index_run(connection, version_id, change, bool(results["synthetic_indicators"]), results)
    return IndexRun(run_id, version, results)


def with_lsoas(results: dict[str, Any], lsoa: dict[str, Any], release: dict[str, Any]) -> None:
    """Add the LSOA level to a run's results: each year's LSOAs beside its wards, and how they were scored.

    LSOAs are scored on their own (their own weights, ranks among Luton's LSOAs, peers among them) because
    their IoD indicators are File 9's transformed scores, not the ward aggregates' raw scores (DATA-NOTES I6).
    """
    results["lsoa"] = {
        "weights": lsoa["weights"],
        "synthetic_indicators": lsoa["synthetic_indicators"],
        "indicators": lsoa["names"]["indicators"],
        "files": [f["name"] for f in release["files"]],
        "imported_at": str(release["imported_at"]),
    }
    for year, data in lsoa["years"].items():
        results["years"][year]["lsoas"] = data["areas"]
        results["years"][year]["lsoa_quality"] = data["quality"]
        results["years"][year]["lsoa_uncertainty"] = data["uncertainty"]
