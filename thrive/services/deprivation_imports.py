"""Import an Indices of Deprivation release: count Luton's LSOAs, feed the Road Map measure
most-deprived-lsoas through the same revision path as every figure, and keep the summary.

A release on a new LSOA geography or method is a break in series: the observation carries the
flag and a note saying what changed, and the assessment reads both.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from shapely.geometry import shape
from sqlalchemy import Engine

from thrive.data.iod import TRANSFORMED, IodRelease, iod_releases, luton_lsoas, read_iod_files
from thrive.data.problems import Problem, ProblemsError
from thrive.framework import Observation, ObservationFlag
from thrive.framework.area import LUTON
from thrive.framework.period import parse_period
from thrive.index.deprivation import DeprivationSummary, summarise_deprivation, ward_summaries
from thrive.index.spatial import contiguity_weights, morans_i
from thrive.services.assessment_runs import keep_published_run
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import read_connection, write_transaction
from thrive.store.deprivation import latest_deprivation_releases, record_deprivation_release
from thrive.store.observations import (
    apply_observation_plan,
    batch_from_observations,
    check_references,
    plan_observations,
)

MEASURE = "most-deprived-lsoas"
MORAN_VARIABLES = (
    ("income_score", "Income domain score (rate)"),
    ("income_transformed", "Income domain score, exponentially transformed (IoD File 9)"),
)
"""Moran's I is measured on the income domain score, as the council's published 0.41 was (002:1232);
IoD2019's raw rates (File 7) are not in the open data here, so its File 9 transform stands in."""


@dataclass
class DeprivationImport:
    release: int
    files: list[str]
    problems: list[Problem] = field(default_factory=list)
    summary: dict[str, Any] | None = None
    added: int = 0
    revised: int = 0
    change_set_id: int | None = None
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "release": self.release,
            "files": self.files,
            "ok": self.ok,
            "dry_run": self.dry_run,
            "added": self.added,
            "revised": self.revised,
            "change_set": self.change_set_id,
            "summary": self.summary,
            "problems": [p.to_dict() for p in self.problems],
        }


def import_deprivation(
    engine: Engine,
    paths: list[Path],
    year: int,
    *,
    actor: str,
    reason: str | None = None,
    dry_run: bool = False,
    assess: bool = True,
) -> DeprivationImport:
    """`assess`: make the published assessment run in the import's transaction (the most-deprived-LSOAs
    measure is published at once); a batch of imports makes one at its end instead."""
    result = DeprivationImport(year, [p.name for p in paths], dry_run=dry_run)
    release = iod_releases().get(year)
    if release is None:
        known = ", ".join(str(y) for y in iod_releases())
        result.problems = [Problem("--release", None, None, f"choose a release Thrive knows: {known}.")]
        return result
    try:
        lsoas = _luton_rows(read_iod_files(paths, release), release, result.files)
    except ProblemsError as error:
        result.problems = error.problems
        return result
    summary = release_summary(lsoas, release)
    result.summary = summary
    batch = batch_from_observations([_observation(release, summary, result.files)])
    digests = [{"name": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in paths]
    if dry_run:
        with read_connection(engine) as connection:
            plan = plan_observations(connection, batch)
        result.added, result.revised = len(plan.new), len(plan.changed)
        return result
    with write_transaction(engine) as connection:
        check_references(connection, batch)
        plan = plan_observations(connection, batch)
        stored = latest_deprivation_releases(connection).get(year)
        if plan.is_empty and stored is not None and _same(stored["summary"], summary):
            return result
        result.change_set_id = record_change_set(
            connection,
            ChangeSet(
                actor=actor,
                reason=reason or f"Imported the {release.title} ({', '.join(result.files)})",
                kind=ChangeKind.IMPORT,
                source=", ".join(result.files),
            ),
        )
        apply_observation_plan(connection, plan, result.change_set_id)
        record_deprivation_release(connection, year, digests, summary, result.change_set_id)
        result.added, result.revised = len(plan.new), len(plan.changed)
        if assess:
            keep_published_run(connection, actor=actor)
    return result


def _same(stored: dict[str, Any], summary: dict[str, Any]) -> bool:
    return json.dumps(stored, sort_keys=True) == json.dumps(summary, sort_keys=True)


def _luton_rows(frame: pd.DataFrame, release: IodRelease, files: list[str]) -> pd.DataFrame:
    """Luton's LSOAs from a national file: by the file's own district code where it has one,
    else by the shipped list of Luton's LSOAs in the release's geography."""
    members = luton_lsoas(release)
    if "lad_code" in frame.columns:
        codes = frame.loc[frame["lad_code"] == LUTON, "lsoa_code"]
        members = pd.DataFrame({"lsoa_code": codes}).merge(members.drop(columns="lsoa_name"), how="left")
    found = members.merge(frame.drop(columns=["lad_code"], errors="ignore"), on="lsoa_code", how="left")
    missing = found.loc[found["imd_decile"].isna() | found["income_decile"].isna(), "lsoa_code"].tolist()
    if missing or found.empty:
        shown = ", ".join(missing[:5]) or "any of them"
        raise ProblemsError(
            [
                Problem(
                    ", ".join(files),
                    None,
                    None,
                    f"the files have no IMD and income deciles for Luton's LSOA(s) {shown} "
                    f"({len(missing)} of {len(found)}). Use the full England files of the {release.title}.",
                )
            ]
        )
    return found


def release_summary(lsoas: pd.DataFrame, release: IodRelease) -> dict[str, Any]:
    """Everything the pages, the CLI and the report show for one release, as plain data."""
    luton = summarise_deprivation(lsoas, LUTON, "Luton", release.year)
    wards = ward_summaries(lsoas, release.year)
    return {
        "release": release.year,
        "title": release.title,
        "url": release.url,
        "geography": release.geography,
        "break_in_series": release.break_in_series,
        "luton": luton.to_dict(),
        "wards": [w.to_dict() for w in wards],
        "lsoas_without_ward": int(lsoas["ward_code"].isna().sum()),
        "morans_i": _spatial(lsoas, release),
        "lsoa_scores": _lsoa_scores(lsoas),
        "lsoa_deciles": {str(code): int(d) for code, d in zip(lsoas["lsoa_code"], lsoas["imd_decile"], strict=True)},
    }


def _lsoa_scores(lsoas: pd.DataFrame) -> dict[str, dict[str, float | None]] | None:
    """Luton's LSOAs' File 9 transformed domain scores, as read, kept with the release: the index scores
    LSOAs from them (DATA-NOTES I6). None when the files have no File 9 columns."""
    present = [f for f in TRANSFORMED if f in lsoas.columns]
    if not present:
        return None
    rows = lsoas.set_index("lsoa_code")[present].astype(float)
    return {
        str(code): {str(f): None if pd.isna(v) else float(v) for f, v in row.items()} for code, row in rows.iterrows()
    }


def _spatial(lsoas: pd.DataFrame, release: IodRelease) -> dict[str, Any] | None:
    """Moran's I over the release's LSOA boundaries, when Thrive ships them."""
    if release.boundaries is None:
        return None
    variable = next(((c, label) for c, label in MORAN_VARIABLES if c in lsoas.columns), None)
    if variable is None:
        return None
    features = json.loads(release.boundaries.read_text(encoding="utf-8"))["features"]
    codes = [f["properties"]["LSOA11CD"] for f in features]
    values = lsoas.set_index("lsoa_code").loc[codes, variable[0]].to_numpy(dtype=float)
    found = morans_i(values, contiguity_weights(codes, [shape(f["geometry"]) for f in features]))
    return {
        "variable": variable[1],
        "value": round(found.value, 4),
        "expected": round(found.expected, 4),
        "p_value": found.p_value,
        "permutations": found.permutations,
        "areas": found.areas,
        "mean_neighbours": round(found.mean_neighbours, 2),
        "clustered": found.clustered,
        "reading": found.reading,
    }


def _observation(release: IodRelease, summary: dict[str, Any], files: list[str]) -> Observation:
    luton = DeprivationSummary.from_dict(summary["luton"])
    note = (
        f"Counted from the {release.title}: {luton.most_deprived} of Luton's {luton.lsoas} LSOAs "
        f"({release.geography}) are in England's 10% most deprived on the IMD."
    )
    flags: frozenset[ObservationFlag] = frozenset()
    if release.break_in_series:
        note = f"{note} Break in series: {release.break_in_series}"
        flags = frozenset({ObservationFlag.BREAK_IN_SERIES})
    return Observation(
        series_id=MEASURE,
        area_code=LUTON,
        period=parse_period(str(release.year)),
        value=float(luton.most_deprived),
        flags=flags,
        source=f"{release.title} ({release.url}); {', '.join(files)}",
        note=note,
    )
