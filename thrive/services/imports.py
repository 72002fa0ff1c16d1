"""Import a file of observations: read, validate every row, then write all or nothing.

Validation runs before any write, and the write is one transaction holding the writer
lock, so a file with one bad row changes nothing, and two imports racing on the same
series both keep their revisions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import pandas as pd
from sqlalchemy import Engine

from thrive.data.dataset import load_dataset
from thrive.data.dfe_statistics import dfe_rows
from thrive.data.fingertips import FingertipsLink, fingertips_rows, shipped_fingertips_links
from thrive.data.official import IndicatorNotes, IndicatorRows, shipped_catalogue
from thrive.data.ons_local_statistics import ons_rows
from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import read_table
from thrive.data.template import ValidationContext, validate_indicator_rows, validate_template
from thrive.framework import Area, Indicator, RoadMap
from thrive.services.assessment_runs import keep_published_run
from thrive.services.official_figures import reconcile_official_figures
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.database import read_connection, write_transaction
from thrive.store.framework_store import add_areas, read_roadmap
from thrive.store.indicators import indicator_changes, record_indicators
from thrive.store.observations import (
    ObservationPlan,
    apply_observation_plan,
    check_references,
    plan_observations,
    refresh_statistics,
)
from thrive.store.search import rebuild_search_index

CHUNK = 100_000


class ImportFormat(StrEnum):
    TEMPLATE = "template"
    FINGERTIPS = "fingertips"
    ONS = "ons"
    """ONS Explore Local Statistics."""
    DFE = "dfe"
    """DfE's LAIT long table or the explore education statistics layout."""

    @property
    def official(self) -> bool:
        """A format that carries whole indicators (any indicator, not only the Road Map's measures)."""
        return self in (ImportFormat.ONS, ImportFormat.DFE)


OFFICIAL_READERS: dict[ImportFormat, Callable[[pd.DataFrame, str, Mapping[str, IndicatorNotes]], IndicatorRows]] = {
    ImportFormat.ONS: ons_rows,
    ImportFormat.DFE: dfe_rows,
}


class Progress(Protocol):
    def start(self, description: str, total: int) -> None: ...

    def advance(self, amount: int) -> None: ...


class _Silent:
    def start(self, description: str, total: int) -> None:
        return None

    def advance(self, amount: int) -> None:
        return None


@dataclass(frozen=True)
class ImportOptions:
    format: ImportFormat = ImportFormat.TEMPLATE
    dry_run: bool = False
    actor: str = "unknown"
    reason: str | None = None
    series: str | None = None
    sex: str | None = None
    age: str | None = None
    assess: bool = True
    """Make the published assessment run in the import's transaction; a batch of imports makes one at its end."""


@dataclass
class ImportResult:
    file: str
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    plan: ObservationPlan | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    new_areas: list[Area] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    """The indicators the file holds (official formats)."""
    new_indicators: list[str] = field(default_factory=list)
    road_map_figures: int = 0
    """Figures the file added to or revised in Road Map series it feeds exactly (official formats)."""
    change_set_id: int | None = None
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def added(self) -> int:
        return 0 if self.plan is None else len(self.plan.new)

    @property
    def revised(self) -> int:
        return 0 if self.plan is None else len(self.plan.changed)

    @property
    def unchanged(self) -> int:
        return 0 if self.plan is None else self.plan.unchanged


@dataclass(frozen=True)
class _Prepared:
    batch: pd.DataFrame
    areas: list[Area]
    skipped: dict[str, int]
    indicators: list[Indicator] = field(default_factory=list)


def import_file(engine: Engine, path: Path, options: ImportOptions, progress: Progress | None = None) -> ImportResult:
    progress = progress or _Silent()
    result = ImportResult(file=path.name, dry_run=options.dry_run)
    try:
        frame = read_table(path)
    except ProblemsError as error:
        result.problems = error.problems
        return result
    result.rows = len(frame)
    with read_connection(engine) as connection:
        roadmap = read_roadmap(connection)
    prepared = _prepare(frame, path.name, roadmap, options, result)
    if prepared is None:
        return result
    result.skipped, result.new_areas = prepared.skipped, prepared.areas

    result.indicators = [i.id for i in prepared.indicators]
    if options.dry_run:
        with read_connection(engine) as connection:
            result.plan = plan_observations(connection, prepared.batch)
            result.new_indicators = [i.id for i in indicator_changes(connection, prepared.indicators)[0]]
        return result

    with write_transaction(engine, bulk=True) as connection:
        add_areas(connection, prepared.areas)
        new, changed = indicator_changes(connection, prepared.indicators)
        result.new_indicators = [i.id for i in new]
        plan = plan_observations(connection, prepared.batch)
        result.plan = plan
        if plan.is_empty and not new and not changed:
            return result
        result.change_set_id = record_change_set(
            connection,
            ChangeSet(
                actor=options.actor,
                reason=options.reason or f"Imported {path.name}",
                kind=ChangeKind.IMPORT,
                source=path.name,
            ),
        )
        record_indicators(connection, new, changed, result.change_set_id)
        if new or changed:
            rebuild_search_index(connection, load_dataset())  # the site search finds indicators by name
        check_references(connection, prepared.batch)
        progress.start(f"Writing {path.name}", len(plan.new) + len(plan.changed))
        for chunk in _chunks(plan):
            apply_observation_plan(connection, chunk, result.change_set_id)
            progress.advance(len(chunk.new) + len(chunk.changed))
        refresh_statistics(connection, len(plan.new) + len(plan.changed))
        if prepared.indicators:
            result.road_map_figures = reconcile_official_figures(
                connection, [i.id for i in prepared.indicators], actor=options.actor, source=path.name
            )
        if options.assess:
            keep_published_run(connection, actor=options.actor)
    return result


def _prepare(
    frame: pd.DataFrame, file: str, roadmap: RoadMap, options: ImportOptions, result: ImportResult
) -> _Prepared | None:
    context = ValidationContext.from_roadmap(roadmap)
    if options.format.official:
        return _prepare_official(frame, file, roadmap, options.format, result)
    if options.format is ImportFormat.TEMPLATE:
        batch, problems = validate_template(frame, file, context)
        result.problems = problems
        return None if problems else _Prepared(batch, [], {})

    links = _links(frame, roadmap, options)
    converted = fingertips_rows(frame, file, links)
    if converted.problems:
        result.problems = converted.problems
        return None
    if converted.frame.empty:
        why = "; ".join(f"{n} {reason}" for reason, n in converted.skipped.items()) or "no rows"
        result.problems = [
            Problem(
                file, None, None, f"no rows could be linked to a Thrive series ({why}). Use --series to choose one."
            )
        ]
        return None
    known = {a.code for a in roadmap.areas}
    new_areas = [a for a in converted.areas if a.code not in known]
    context = replace(context, areas=context.areas | {a.code for a in new_areas})
    batch, problems = validate_template(converted.frame, file, context, labels=converted.labels, rows=converted.rows)
    result.problems = problems
    return None if problems else _Prepared(batch, new_areas, converted.skipped)


def _prepare_official(
    frame: pd.DataFrame, file: str, roadmap: RoadMap, fmt: ImportFormat, result: ImportResult
) -> _Prepared | None:
    """Any indicator the file holds: the reader ties rows to indicators, the template's checks do the rest."""
    read = OFFICIAL_READERS[fmt](frame, file, shipped_catalogue())
    result.problems = list(read.problems)
    measure_series = {s.id for s in roadmap.all_series()}
    clashes = sorted({i.id for i in read.indicators} & measure_series)
    result.problems += [
        Problem(file, None, None, f"the indicator id '{c}' is already a Road Map series. Rename the indicator.")
        for c in clashes
    ]
    if not read.problems and read.row_count == 0:
        why = "; ".join(f"{n} {reason}" for reason, n in read.skipped.items()) or "no rows"
        result.problems.append(Problem(file, None, None, f"the file holds no figures Thrive can store ({why})."))
    if result.problems:
        return None
    context = ValidationContext.for_indicators(
        frozenset(a.code for a in roadmap.areas) | {a.code for a in read.areas}, {i.id: i.unit for i in read.indicators}
    )
    batches = []
    for chunk in read.chunks:
        batch, problems = validate_indicator_rows(chunk.frame, file, context, labels=chunk.labels, rows=chunk.rows)
        result.problems += problems
        batches.append(batch)
    if result.problems:
        result.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
        return None
    known = {a.code for a in roadmap.areas}
    return _Prepared(
        pd.concat(batches, ignore_index=True),
        [a for a in read.areas if a.code not in known],
        read.skipped,
        read.indicators,
    )


def _links(frame: pd.DataFrame, roadmap: RoadMap, options: ImportOptions) -> list[FingertipsLink]:
    if options.series is None:
        return shipped_fingertips_links()
    measure = next((m for m in roadmap.measures if m.series_by_id(options.series)), None)
    if measure is None:
        return []
    indicator_column = next((c for c in frame.columns if c.replace(" ", "").lower() == "indicatorid"), None)
    if indicator_column is None:
        return []
    indicators = frame[indicator_column].astype(str).str.strip().unique().tolist()
    return [FingertipsLink(str(i), options.series, measure.id, options.sex, options.age) for i in indicators]


def _chunks(plan: ObservationPlan) -> Iterator[ObservationPlan]:
    for start in range(0, max(len(plan.new), len(plan.changed)), CHUNK):
        yield ObservationPlan(
            new=plan.new.iloc[start : start + CHUNK],
            changed=plan.changed.iloc[start : start + CHUNK],
            unchanged=0,
            kept=0,
        )
