"""The annual Luton 2040 Progress Report, in the published 2025 report's order (document 003).

The six temperature checks (003:356-362); the Financial Quality of Life band table
(003:345-354); a section per priority with "Progress" and "Areas needing more work", the
outcome table and a chart per measure; Appendix 1, every measure with every column
(003:669-717); then the data notes and sources. Statuses, trends and reasons are the run's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine

from thrive.datasets import dataset_path
from thrive.presentation.templating import long_date
from thrive.reports.bands import BandTable, newest_band_table
from thrive.reports.commentary import newest_period
from thrive.reports.document import Report, RunLine
from thrive.reports.errors import ReportError
from thrive.reports.facts import TARGET_YEAR, MeasureFacts, gather
from thrive.reports.index_section import ANCHOR as INDEX_ANCHOR
from thrive.reports.index_section import HEADING as INDEX_HEADING
from thrive.reports.index_section import IndexSection, index_section
from thrive.reports.markdown import govuk_markdown
from thrive.reports.outcomes import (
    MeasureItem,
    about_table,
    appendix_row,
    appendix_table,
    figures_table,
    measure_item,
    outcome_table,
)
from thrive.reports.source import ReportSource, choose_run, open_source
from thrive.reports.tables import Cell, Column, DataTable, Kind
from thrive.store.commentary import Section
from thrive.store.database import read_connection
from thrive.store.framework_store import read_documents

LAYOUT = Path(__file__).with_name("progress.yaml")
FIRST_YEAR = 2019
"""The Road Map's baseline year (Appendix 1, "Baseline 2019", 003:673)."""


@cache
def headline_order() -> tuple[str, ...]:
    data: dict[str, Any] = yaml.safe_load(LAYOUT.read_text(encoding="utf-8"))
    return tuple(data["headline_order"])


@dataclass(frozen=True)
class PrioritySection:
    code: str
    name: str
    summary: str
    progress: list[dict[str, str]]
    more_work: list[dict[str, str]]
    measures: list[MeasureFacts]
    items: list[MeasureItem]

    @property
    def anchor(self) -> str:
        return f"priority-{self.code}"


def progress_report(engine: Engine, *, year: int, run_id: int | None, draft: bool, actor: str) -> Report:
    if not FIRST_YEAR <= year <= TARGET_YEAR:
        raise ReportError(
            f"--year: enter a year from {FIRST_YEAR} to {TARGET_YEAR}, like 2025. {year} is outside the Road Map."
        )
    run = choose_run(engine, run_id, draft=draft, actor=actor)
    source = open_source(engine, run, draft=draft)
    with read_connection(engine) as connection:
        documents = read_documents(connection)
    return build_progress(source, year=year, documents=documents, index=index_section(engine, source.run.data_version))


def headline(measures: list[MeasureFacts]) -> list[MeasureFacts]:
    """The temperature checks in the published order; any other headline measure follows."""
    by_id = {m.id: m for m in measures}
    ordered = [by_id[i] for i in headline_order() if i in by_id and by_id[i].headline]
    return ordered + [m for m in measures if m.headline and m not in ordered]


def _notes(measures: list[MeasureFacts], section: Section) -> list[dict[str, str]]:
    return [
        {"measure": m.short, "period": note.period, "text": note.text}
        for m in measures
        for note in m.commentary_for(section)
    ]


def sections(source: ReportSource, measures: list[MeasureFacts]) -> list[PrioritySection]:
    """One section per priority that has measures, in the report's order (priorities.yaml `ordinal`)."""
    out = []
    known = {p.code for p in source.metadata.priorities}
    for priority in source.metadata.priorities:
        mine = [m for m in measures if m.priority == priority.code]
        if mine:
            out.append(
                PrioritySection(
                    priority.code,
                    priority.name,
                    priority.summary,
                    _notes(mine, Section.PROGRESS),
                    _notes(mine, Section.MORE_WORK),
                    mine,
                    [measure_item(m) for m in mine],
                )
            )
    for code in dict.fromkeys(m.priority for m in measures if m.priority not in known):
        mine = [m for m in measures if m.priority == code]
        out.append(
            PrioritySection(
                code,
                code,
                "",
                _notes(mine, Section.PROGRESS),
                _notes(mine, Section.MORE_WORK),
                mine,
                [measure_item(m) for m in mine],
            )
        )
    return out


def band_tables(bands: BandTable | None) -> list[DataTable]:
    if bands is None:
        return []
    return [
        DataTable(
            "FQOL bands",
            f"{bands.title} ({bands.total_households:,} households)",
            (
                Column("Band", width=8),
                Column("Financial Quality of Life band", width=36),
                Column("Households", Kind.NUMBER, "count", width=14),
                Column("Share of households", Kind.NUMBER, "percent", width=14),
                Column("Definition", width=80),
            ),
            tuple((b.bands, b.label, b.households, b.percent, b.definition) for b in bands.bands),
            notes=(f"Source: {bands.ref}. Bands A and B are published only together.",),
        ),
        DataTable(
            "FQOL lines",
            f"Households below each line, {bands.title.split(',')[-1].strip()}",
            (
                Column("Line", width=50),
                Column("Households below the line", Kind.NUMBER, "count", width=16),
                Column("Share of households below the line", Kind.NUMBER, "percent", width=16),
            ),
            tuple((line.line, line.households_below, line.percent_below) for line in bands.lines),
        ),
    ]


def _rules(source: ReportSource) -> list[tuple[str, str]]:
    return [(name.replace("_", " "), str(value)) for name, value in sorted(source.run.rules.items())]


def build_progress(
    source: ReportSource,
    *,
    year: int,
    documents: list[dict[str, Any]] | None = None,
    index: IndexSection | None = None,
) -> Report:
    commentary = newest_period(source.commentary, ended_by=date(year, 12, 31))
    measures = gather(source, commentary)
    checks = headline(measures)
    priority_sections = sections(source, measures)
    bands = newest_band_table()
    folder = dataset_path("luton2040")
    run = RunLine.of(source.run)
    priority_names = {p.code: p.name for p in source.metadata.priorities}
    contents = [
        ("temperature-checks", "Our six temperature checks"),
        ("poverty-bands", "How many households are in poverty"),
        *((s.anchor, s.name) for s in priority_sections),
        *([(INDEX_ANCHOR, INDEX_HEADING)] if index is not None else []),
        ("appendix-1", "Appendix 1: 2040 measures"),
        ("appendix-2", "Appendix 2: Data notes and sources"),
        ("appendix-3", "Appendix 3: How Thrive judges a measure"),
        ("appendix-4", "Appendix 4: Decisions about the figures"),
        ("about", "About this report"),
    ]
    details: list[tuple[str, Cell]] = [
        ("Report", f"Luton 2040 Progress Report {year}" + (" (DRAFT)" if source.draft else "")),
        ("Assessment run", run.id),
        ("Run made", long_date(run.made)),
        ("Figures used", run.figures),
        ("Data version", run.data_version),
        *_rules(source),
    ]
    tables = [
        outcome_table("Temperature checks", "Our six temperature checks", checks),
        *band_tables(bands),
        *(outcome_table(s.name[:31], s.name, s.measures) for s in priority_sections),
        *(index.tables() if index is not None else []),
        appendix_table(measures, priority_names),
        figures_table(measures),
        about_table(details),
    ]
    context = {
        "year": year,
        "checks": checks,
        "bands": bands,
        "sections": priority_sections,
        "appendix": [(s.name, [appendix_row(m) for m in s.measures]) for s in priority_sections],
        "measures": measures,
        "priority_names": priority_names,
        "group_names": {g.code: g.name for g in source.metadata.groups},
        "documents": documents or [],
        "method_html": govuk_markdown((folder / "ASSESSMENT.md").read_text(encoding="utf-8")),
        "notes_html": govuk_markdown((folder / "DATA-NOTES.md").read_text(encoding="utf-8")),
        "rules": _rules(source),
        "draft": source.draft,
        "index_section": index,
    }
    return Report(
        kind="progress",
        title=f"Luton 2040 Progress Report {year}",
        subtitle="Change today: how Luton is doing against the 40 outcomes of the Road Map to 2040.",
        run=run,
        draft=source.draft,
        context=context,
        tables=tables,
        contents=contents,
    )
