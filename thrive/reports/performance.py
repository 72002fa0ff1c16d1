"""The quarterly Corporate Performance Report: exceptions first, then what changed since last quarter.

Exceptions are the run's own judgements (off track, getting worse, worse than England) plus
figures not updated when due (due.yaml). Changes compare this run with the newest run made on
or before the end of the previous quarter, grouped by owning partnership group. Which group
owns which outcome is a proposal (DATA-NOTES.md, G), and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Engine

from thrive.assess.model import status_words
from thrive.framework.period import PeriodError, PeriodKind, parse_period
from thrive.presentation.templating import long_date
from thrive.reports.document import Report, RunLine
from thrive.reports.errors import ReportError
from thrive.reports.facts import MeasureFacts, SeriesFacts, gather
from thrive.reports.outcomes import about_table
from thrive.reports.quality import due_rule_lines, overdue
from thrive.reports.source import ReportSource, choose_run, open_source, previous_run
from thrive.reports.tables import UNIT_COLUMN, Cell, Column, DataTable, Kind
from thrive.reports.units import unit_name
from thrive.store.assessments import AssessmentRun

OFF_TRACK = "off-track"
GETTING_WORSE = "getting-worse"
WORSE_THAN_ENGLAND = "worse-than-england"
NOT_UPDATED = "not-updated"
NO_GROUP = "No partnership group proposed"


@dataclass(frozen=True)
class Quarter:
    label: str
    start: date
    end: date

    @property
    def previous_end(self) -> date:
        return self.start - timedelta(days=1)

    @property
    def months(self) -> str:
        return f"{self.start:%B} to {self.end:%B %Y}"


def quarter(label: str) -> Quarter:
    """A calendar quarter such as 2025Q3 (July to September 2025)."""
    try:
        period = parse_period(label)
    except PeriodError:
        period = None
    if period is None or period.kind is not PeriodKind.QUARTER:
        raise ReportError(f"--quarter: enter a quarter like 2025Q3. '{label}' is not a quarter.")
    return Quarter(period.canonical, period.start, period.end)


@dataclass(frozen=True)
class Flag:
    """One measure (or one series of it) that needs attention, and why."""

    measure: MeasureFacts
    series: SeriesFacts | None
    reason: str
    new: bool
    detail: str = ""

    @property
    def name(self) -> str:
        if self.series is not None and self.measure.many_series:
            return f"{self.measure.short} ({self.series.label})"
        return self.measure.short

    @property
    def latest(self) -> str:
        series = self.series or self.measure.series[0]
        point = series.latest
        return f"{point.text(series.unit)} ({point.period})" if point else "No figure yet"


@dataclass(frozen=True)
class ExceptionList:
    anchor: str
    heading: str
    explanation: str
    rows: list[Flag]


@dataclass(frozen=True)
class Change:
    measure: MeasureFacts
    lines: list[str]


@dataclass(frozen=True)
class GroupChanges:
    name: str
    confirmed_note: str
    changes: list[Change] = field(default_factory=list)


def _series_keys(measures: list[MeasureFacts], test: str, at: date) -> set[tuple[str, str]]:
    return {(m.id, s.id) for m, s, _ in _matches(measures, test, at)}


def _matches(measures: list[MeasureFacts], test: str, at: date) -> list[tuple[MeasureFacts, SeriesFacts, str]]:
    """(measure, series, reason) for every series in one exception category, in Road Map order."""
    found = []
    for m in measures:
        if test == NOT_UPDATED:
            late = overdue(m, at)
            if late is not None:
                found.append((m, m.series[0], late.reason()))
            continue
        for s in m.series:
            if test == OFF_TRACK and s.status == "off_track":
                found.append((m, s, str(s.progress.get("reason", ""))))
            elif test == GETTING_WORSE and s.trend == "Getting worse":
                found.append((m, s, str((s.judged.get("trend") or {}).get("reason", ""))))
            elif test == WORSE_THAN_ENGLAND:
                comparison = s.england_comparison()
                if comparison is not None and comparison.get("comparison") == "worse":
                    found.append((m, s, f"{comparison['reason']} ({comparison.get('method', '')})"))
    return found


CATEGORIES = (
    (OFF_TRACK, "Off track", "Further behind the Road Map path than the assessment rules allow."),
    (GETTING_WORSE, "Getting worse", "The assessment finds the figures moving the wrong way."),
    (
        WORSE_THAN_ENGLAND,
        "Worse than England",
        "Luton's latest figure compared with England's for the same period. The method says whether it is a "
        "significance test: most Road Map measures have no confidence interval, so most comparisons are not.",
    ),
    (
        NOT_UPDATED,
        "Data not updated when due",
        "The newest figure is older than its frequency allows at the end of the quarter (see 'How figures fall due').",
    ),
)


def exception_lists(
    measures: list[MeasureFacts], before: list[MeasureFacts] | None, at: date, before_at: date
) -> list[ExceptionList]:
    """Each category's exceptions: those new since last quarter first, then the rest in Road Map order."""
    out = []
    for test, heading, explanation in CATEGORIES:
        previous = _series_keys(before, test, before_at) if before is not None else None
        rows = [
            Flag(m, s, reason, previous is not None and (m.id, s.id) not in previous)
            for m, s, reason in _matches(measures, test, at)
        ]
        rows.sort(key=lambda row: not row.new)
        out.append(ExceptionList(test, heading, explanation, rows))
    return out


def _status(s: SeriesFacts) -> str:
    return status_words(s.status)


def _figure(s: SeriesFacts) -> str:
    point = s.latest
    return f"{point.text(s.unit)} for {point.period}" if point else "no figure"


def changes(measures: list[MeasureFacts], before: list[MeasureFacts]) -> dict[str, Change]:
    """What changed for each measure between the two runs, in words."""
    earlier = {m.id: m for m in before}
    out = {}
    for m in measures:
        old = earlier.get(m.id)
        if old is None:
            out[m.id] = Change(m, ["Newly assessed this quarter."])
            continue
        lines = []
        old_series = {s.id: s for s in old.series}
        for s in m.series:
            was = old_series.get(s.id)
            if was is None:
                continue
            prefix = f"{s.label}: " if m.many_series else ""
            if (was.latest is None) != (s.latest is None) or (
                s.latest is not None
                and was.latest is not None
                and (s.latest.value, s.latest.period) != (was.latest.value, was.latest.period)
            ):
                lines.append(f"{prefix}New figure: {_figure(s)} (was {_figure(was)}).")
            if s.status != was.status:
                lines.append(f"{prefix}Status: {_status(was)} to {_status(s)}. {s.progress.get('reason', '')}")
            if s.trend != was.trend:
                lines.append(f"{prefix}Trend: {was.trend} to {s.trend}.")
            now, then = s.england_comparison(), was.england_comparison()
            now_word = (now or {}).get("comparison")
            then_word = (then or {}).get("comparison")
            if now_word != then_word:
                lines.append(
                    f"{prefix}Compared with England: {then_word or 'no comparison'} to {now_word or 'no comparison'}."
                )
        if lines:
            out[m.id] = Change(m, lines)
    return out


def grouped(source: ReportSource, found: dict[str, Change], measures: list[MeasureFacts]) -> list[GroupChanges]:
    """Changes under each owning partnership group (a measure owned by two groups shows under both)."""
    groups = sorted(source.metadata.groups, key=lambda g: g.name)
    out = []
    for group in groups:
        mine = [found[m.id] for m in measures if group.code in m.groups and m.id in found]
        if mine:
            note = "" if group.confirmed else " (the group itself is not confirmed)"
            out.append(GroupChanges(group.name, note, mine))
    orphans = [found[m.id] for m in measures if not m.groups and m.id in found]
    if orphans:
        out.append(GroupChanges(NO_GROUP, "", orphans))
    return out


def performance_report(engine: Engine, *, quarter_label: str, run_id: int | None, draft: bool, actor: str) -> Report:
    period = quarter(quarter_label)
    run = choose_run(engine, run_id, draft=draft, actor=actor)
    cutoff = datetime.combine(period.previous_end, time.max, tzinfo=UTC)
    before_run = previous_run(engine, run, cutoff)
    source = open_source(engine, run, draft=draft)
    before = open_source(engine, before_run, draft=draft) if before_run else None
    return build_performance(source, period, before, before_run)


def build_performance(
    source: ReportSource, period: Quarter, before: ReportSource | None, before_run: AssessmentRun | None
) -> Report:
    measures = gather(source)
    earlier = gather(before) if before is not None else None
    lists = exception_lists(measures, earlier, period.end, period.previous_end)
    found = changes(measures, earlier) if earlier is not None else {}
    by_group = grouped(source, found, measures)
    run = RunLine.of(source.run)
    previous = RunLine.of(before_run) if before_run else None
    title = f"Corporate Performance Report, {period.label}"
    contents = [(e.anchor, e.heading) for e in lists]
    contents += [
        ("changes", "Changes since last quarter"),
        ("due", "How figures fall due"),
        ("about", "About this report"),
    ]
    context = {
        "quarter": period,
        "exceptions": lists,
        "previous": previous,
        "previous_end": long_date(datetime.combine(period.previous_end, time())),
        "groups": by_group,
        "changed": len(found),
        "rules": [(name.replace("_", " "), str(value)) for name, value in sorted(source.run.rules.items())],
        "due_rules": due_rule_lines(),
    }
    details: list[tuple[str, Cell]] = [
        ("Report", title + (" (DRAFT)" if source.draft else "")),
        ("Quarter", f"{period.label} ({period.months})"),
        ("Assessment run", run.id),
        ("Run made", long_date(run.made)),
        ("Figures used", run.figures),
        ("Data version", run.data_version),
        ("Compared with run", previous.id if previous else "none"),
        ("Compared run made", long_date(previous.made) if previous else "no run made by the end of last quarter"),
    ]
    return Report(
        kind="performance",
        title=title,
        subtitle=f"Luton 2040 outcomes for {period.months}: exceptions first, then what changed since last quarter.",
        run=run,
        draft=source.draft,
        context=context,
        tables=[*(_exception_table(e) for e in lists), _changes_table(by_group), about_table(details)],
        contents=contents,
    )


def _exception_table(found: ExceptionList) -> DataTable:
    columns = (
        Column("Measure", width=40),
        Column("Outcome", width=40),
        UNIT_COLUMN,
        Column("Latest result", Kind.VALUE, width=14),
        Column("Latest result period", width=12),
        Column("New since last quarter", width=10),
        Column("Reason", width=80),
    )
    rows: list[tuple[Cell, ...]] = []
    for row in found.rows:
        series = row.series or row.measure.series[0]
        point = series.latest
        rows.append(
            (
                row.name,
                row.measure.outcome,
                unit_name(series.unit),
                point.value if point else None,
                point.period if point else None,
                "yes" if row.new else "no",
                row.reason,
            )
        )
    return DataTable(found.heading[:31], found.heading, columns, tuple(rows))


def _changes_table(groups: list[GroupChanges]) -> DataTable:
    rows: list[tuple[Cell, ...]] = [
        (group.name, change.measure.short, line)
        for group in groups
        for change in group.changes
        for line in change.lines
    ]
    return DataTable(
        "Changes since last quarter",
        "Changes since last quarter, by partnership group",
        (Column("Partnership group (proposed)", width=36), Column("Measure", width=40), Column("Change", width=90)),
        tuple(rows),
        notes=("Which partnership group owns which outcome is a proposal, not yet confirmed by the council.",),
    )
