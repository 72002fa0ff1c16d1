"""A board pack: one partnership group's outcomes, with trends, reasons, commentary and data issues to act on.

Which group owns which outcome is a proposal (DATA-NOTES.md, G); the pack says so on its
first page. Data-quality issues are judged at the run's date (or its as-of date): a measure
overdue then is overdue in the pack, whenever the pack is printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from thrive.framework import PartnershipGroup
from thrive.presentation.templating import long_date
from thrive.reports.commentary import newest_period
from thrive.reports.document import Report, RunLine
from thrive.reports.errors import ReportError
from thrive.reports.facts import MeasureFacts, gather
from thrive.reports.outcomes import MeasureItem, about_table, measure_item, outcome_table
from thrive.reports.quality import NOTE, Issue, due_rule_lines, issues
from thrive.reports.source import ReportSource, choose_run, open_source
from thrive.reports.tables import Cell, Column, DataTable
from thrive.store.commentary import Section


@dataclass(frozen=True)
class BoardMeasure:
    item: MeasureItem
    progress: list[dict[str, str]]
    more_work: list[dict[str, str]]
    issues: list[Issue]


def find_group(source: ReportSource, code: str) -> PartnershipGroup:
    for group in source.metadata.groups:
        if group.code == code:
            return group
    known = ", ".join(g.code for g in source.metadata.groups)
    raise ReportError(f"There is no partnership group '{code}'. Use one of: {known}.")


def board_report(engine: Engine, *, group: str, run_id: int | None, draft: bool, actor: str) -> Report:
    run = choose_run(engine, run_id, draft=draft, actor=actor)
    return build_board(open_source(engine, run, draft=draft), group)


def _notes(m: MeasureFacts, section: Section) -> list[dict[str, str]]:
    return [{"measure": m.short, "period": c.period, "text": c.text} for c in m.commentary_for(section)]


def build_board(source: ReportSource, code: str) -> Report:
    group = find_group(source, code)
    run = RunLine.of(source.run)
    at = source.run.as_of or source.run.created_at.date()
    measures = [m for m in gather(source, newest_period(source.commentary)) if group.code in m.groups]
    board = [
        BoardMeasure(measure_item(m), _notes(m, Section.PROGRESS), _notes(m, Section.MORE_WORK), issues(m, at))
        for m in measures
    ]
    actionable = [i for b in board for i in b.issues if i.kind != NOTE]
    title = f"{group.name}: board report"
    contents = [
        ("outcomes", "Our outcomes"),
        ("data-issues", "Data issues to act on"),
        *((f"measure-{m.id}", m.short) for m in measures),
        ("about", "About this report"),
    ]
    details: list[tuple[str, Cell]] = [
        ("Report", title + (" (DRAFT)" if source.draft else "")),
        ("Partnership group", f"{group.name} ({group.code})"),
        ("Assessment run", run.id),
        ("Run made", long_date(run.made)),
        ("Figures used", run.figures),
        ("Data version", run.data_version),
        ("Data issues judged at", at.isoformat()),
    ]
    issue_table = DataTable(
        "Data issues",
        "Data issues to act on",
        (
            Column("Measure", width=40),
            Column("Issue", width=20),
            Column("Reason", width=80),
            Column("What to do", width=50),
        ),
        tuple((i.measure.short, i.kind, i.reason, i.action) for b in board for i in b.issues),
    )
    return Report(
        kind="board",
        title=title,
        subtitle=f"The outcomes the {group.name} oversees: how each is doing, why, and what to do about the data.",
        run=run,
        draft=source.draft,
        context={
            "group": group,
            "measures": measures,
            "board": board,
            "actionable": actionable,
            "issues_at": long_date(source.run.created_at) if source.run.as_of is None else str(source.run.as_of),
            "due_rules": due_rule_lines(),
            "rules": [(name.replace("_", " "), str(value)) for name, value in sorted(source.run.rules.items())],
        },
        tables=[outcome_table("Outcomes", f"{group.name}: outcomes", measures), issue_table, about_table(details)],
        contents=contents,
    )
