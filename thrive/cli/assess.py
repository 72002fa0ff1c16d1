"""`thrive assess`: on track, trend and benchmark for every measure, with reasons."""

from __future__ import annotations

from datetime import date

import typer
from rich.table import Table

from thrive.assess.model import MeasureAssessment
from thrive.cli.context import console, engine, errors, print_json
from thrive.services.assessment_runs import make_run
from thrive.store.assessments import AssessmentRun, load_run
from thrive.store.changes import default_actor
from thrive.store.database import read_connection


def assess(
    as_json: bool = typer.Option(False, "--json", help="Print JSON (the shape is documented in the README)."),
    as_of: str = typer.Option(
        None, "--as-of", help="Use only figures for periods that had ended by this date (YYYY-MM-DD)."
    ),
    measure: list[str] = typer.Option(None, "--measure", help="Assess only this measure (repeatable)."),
    run: int = typer.Option(None, "--run", help="Show a stored run instead of making a new one."),
    as_table: bool = typer.Option(
        False,
        "--table",
        help="Every measure and series, read end to end: status, trend, benchmark and projection sentences.",
    ),
) -> None:
    """Assess every measure: status against its milestones, trend and benchmark, each with its reason."""
    db = engine()
    if run is not None:
        with read_connection(db) as connection:
            stored = load_run(connection, run)
        if stored is None:
            errors.print(f"There is no assessment run {run}.")
            raise typer.Exit(2)
    else:
        stored = make_run(db, actor=default_actor(), as_of=_date(as_of), measure_ids=measure or None)
    if as_json:
        print_json({"run": stored.header(), "assessments": stored.results})
        return
    if as_table:
        _print_sentences(stored)
        return
    _print(stored)


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.print(f"--as-of: enter a date like 2024-01-01. '{text}' is not a date.")
        raise typer.Exit(2) from None


NOT_PROJECTED = "Not projected: no numeric milestone to project to."


def _print_sentences(stored: AssessmentRun) -> None:
    """Plain text, one block per measure and one per series, for reading aloud in committee."""
    lines = [_title(stored), ""]
    for item in stored.results:
        judged = MeasureAssessment.from_dict(item)
        star = "★ " if judged.headline else ""
        lines.append(f"{star}{judged.measure_id}: {judged.status.words}")
        lines.append(f"  Measure: {judged.reason}")
        for series in judged.series:
            lines += [
                f"  - {series.series_label}",
                f"    Status ({series.progress.status.words}): {series.progress.reason}",
                f"    Trend ({series.trend.judgement.value}): {series.trend.reason}",
                f"    Benchmark: {series.benchmark.reason}",
                f"    Projection: {series.progress.projection_reason or NOT_PROJECTED}",
            ]
        lines.append("")
    console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)


def _title(stored: AssessmentRun) -> str:
    as_of = f", as of {stored.as_of.isoformat()}" if stored.as_of else ""
    return f"Assessment run {stored.id} ({stored.created_at:%d %B %Y %H:%M}{as_of}, data version {stored.data_version})"


def _print(stored: AssessmentRun) -> None:
    table = Table(title=_title(stored))
    for column in ("Measure", "Status", "Trend", "Reason", "Benchmark"):
        table.add_column(column, overflow="fold")
    for item in stored.results:
        judged = MeasureAssessment.from_dict(item)
        deciding = judged.deciding
        table.add_row(
            ("★ " if judged.headline else "") + judged.measure_id,
            judged.status.words,
            deciding.trend.judgement.value,
            judged.reason,
            deciding.benchmark.reason,
        )
    console.print(table)
