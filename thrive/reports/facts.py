"""What a run knew and said about each measure, gathered for the reports to lay out.

Nothing here judges: statuses, trends, benchmarks and their reasons are copied from the run's
results, and the figures and targets from the run's snapshot. The wording of milestones and
targets follows `thrive measures --json` (thrive.publishing.shapes), so a report and the
command line print the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from thrive.assess.model import status_words
from thrive.framework import Measure, Observation, Target
from thrive.framework.area import ENGLAND, LUTON
from thrive.framework.units import format_value, with_unit
from thrive.publishing.shapes import measure_summary
from thrive.reports.source import ReportSource
from thrive.store.commentary import Commentary, Section

MILESTONE_YEARS = (2027, 2031, 2035)
TARGET_YEAR = 2040


@dataclass(frozen=True)
class Point:
    """One figure, placed in time by the middle of its period (as the assessment places it)."""

    period: str
    """The period as people read it (August 2024 for a monthly figure's date)."""
    label: str
    """The period's label as published (8/1/2024), which the run's reasons use."""
    year: float
    end: str
    value: float

    def text(self, unit: str) -> str:
        return format_value(self.value, unit)


@dataclass(frozen=True)
class SeriesFacts:
    id: str
    label: str
    unit: str
    luton: tuple[Point, ...]
    england: tuple[Point, ...]
    targets: dict[int, Target]
    judged: dict[str, Any]
    """The run's result for this series: progress, trend and benchmark, with their reasons."""

    @property
    def latest(self) -> Point | None:
        return self.luton[-1] if self.luton else None

    @property
    def national(self) -> Point | None:
        return self.england[-1] if self.england else None

    @property
    def progress(self) -> dict[str, Any]:
        found: dict[str, Any] = self.judged.get("progress") or {}
        return found

    @property
    def status(self) -> str:
        return str(self.progress.get("status", "not_assessable"))

    @property
    def trend(self) -> str:
        return str((self.judged.get("trend") or {}).get("judgement", "Not assessable"))

    @property
    def comparisons(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = (self.judged.get("benchmark") or {}).get("comparisons") or []
        return found

    def england_comparison(self) -> dict[str, Any] | None:
        return next((c for c in self.comparisons if c.get("comparator") == ENGLAND), None)


@dataclass(frozen=True)
class MeasureFacts:
    id: str
    priority: str
    outcome: str
    wording: str
    short: str
    unit: str
    frequency: str
    headline: bool
    groups: tuple[str, ...]
    definition: str
    source: str
    notes: tuple[tuple[str, str | None], ...]
    published_trend: str | None
    series: tuple[SeriesFacts, ...]
    judged: dict[str, Any]
    """The run's result for the measure: status, reason, trend, trend_reason, benchmark."""
    summary: dict[str, Any]
    """The `thrive measures --json` item, built from the run's snapshot."""
    commentary: tuple[Commentary, ...] = field(default=())

    @property
    def status(self) -> str:
        return str(self.judged.get("status", "not_assessable"))

    @property
    def status_words(self) -> str:
        return status_words(self.status)

    @property
    def reason(self) -> str:
        return str(self.judged.get("reason", ""))

    @property
    def trend(self) -> str:
        return str(self.judged.get("trend", "Not assessable"))

    @property
    def trend_reason(self) -> str:
        return str(self.judged.get("trend_reason", ""))

    @property
    def benchmark(self) -> str:
        return str(self.judged.get("benchmark", ""))

    @property
    def many_series(self) -> bool:
        return len(self.series) > 1

    def target_text(self, year: int) -> str:
        """The published wording of a milestone or the 2040 target, as `thrive measures` prints it."""
        found = self.summary["target_2040"] if year == TARGET_YEAR else self.summary["milestones"].get(str(year))
        if not found:
            return ""
        return with_unit(str(found["text"]), self.series[0].unit) if self.series else str(found["text"])

    def latest_text(self, *, with_period: bool = True) -> str:
        """Each series' newest Luton figure, like "9.9% (2023)"; "No figure yet" when there is none."""
        parts = []
        for series in self.series:
            latest = series.latest
            if latest is None:
                continue
            text = latest.text(series.unit) + (f" ({latest.period})" if with_period else "")
            parts.append(f"{series.label}: {text}" if self.many_series else text)
        return "; ".join(parts) if parts else "No figure yet"

    def commentary_for(self, section: Section) -> list[Commentary]:
        return [c for c in self.commentary if c.section is section]


def _point(observation: Observation) -> Point:
    period = observation.period
    assert observation.value is not None
    return Point(period.display, period.label, period.year, period.end.isoformat(), observation.value)


def _by_area(observations: tuple[Observation, ...]) -> dict[tuple[str, str], list[Observation]]:
    """Figures per (series, area), oldest first: ordered by period end, then start, as `latest_by_series` does."""
    found: dict[tuple[str, str], list[Observation]] = {}
    ordered = sorted(observations, key=lambda o: (o.period.end, o.period.start))
    for observation in ordered:
        if observation.value is not None:
            found.setdefault((observation.series_id, observation.area_code), []).append(observation)
    return found


def gather(source: ReportSource, commentary: tuple[Commentary, ...] | None = None) -> list[MeasureFacts]:
    """Every measure the run assessed, in Road Map order, with its figures, targets and judgements."""
    figures = _by_area(source.observations)
    judged = {item["measure"]: item for item in source.run.results}
    notes_by_measure: dict[str, list[Commentary]] = {}
    for note in source.commentary if commentary is None else commentary:
        notes_by_measure.setdefault(note.measure_id, []).append(note)
    latest = {
        key[0]: {"value": points[-1].value, "period": points[-1].period.label}
        for key, points in figures.items()
        if key[1] == LUTON
    }
    out = []
    for measure in source.roadmap.measures:
        if measure.id not in judged:
            continue
        out.append(_facts(source, measure, figures, judged[measure.id], latest, notes_by_measure.get(measure.id, [])))
    return out


def _facts(
    source: ReportSource,
    measure: Measure,
    figures: dict[tuple[str, str], list[Observation]],
    judged: dict[str, Any],
    latest: dict[str, dict[str, Any]],
    commentary: list[Commentary],
) -> MeasureFacts:
    described = source.described(measure.id)
    series_results = {s["series_id"]: s for s in judged.get("series", [])}
    targets = source.roadmap.targets_for(measure.id)
    series = tuple(
        SeriesFacts(
            id=s.id,
            label=s.label,
            unit=s.unit,
            luton=tuple(_point(o) for o in figures.get((s.id, LUTON), [])),
            england=tuple(_point(o) for o in figures.get((s.id, ENGLAND), [])),
            targets={t.year: t for t in targets if t.series_id == s.id},
            judged=series_results.get(s.id, {}),
        )
        for s in measure.series
    )
    short = described.priority_table.get("measure", measure.wording) if described else measure.wording
    return MeasureFacts(
        id=measure.id,
        priority=measure.priority,
        outcome=measure.outcome.text,
        wording=measure.wording,
        short=short,
        unit=measure.series[0].unit if measure.series else measure.unit,
        frequency=measure.frequency.value,
        headline=measure.headline,
        groups=described.groups if described else (),
        definition=described.definition if described else "",
        source=described.source if described else "",
        notes=tuple((n.text, n.ref) for n in described.notes) if described else (),
        published_trend=measure.published_trend,
        series=series,
        judged=judged,
        summary=measure_summary(measure, source.roadmap, latest),
        commentary=tuple(commentary),
    )
