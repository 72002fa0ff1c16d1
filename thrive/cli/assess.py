"""`thrive assess`: on track, trend and benchmark for every measure, with reasons."""

from __future__ import annotations

from datetime import date

import typer
from rich.table import Table

from thrive.assess.model import status_words
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
    _print(stored)


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        errors.print(f"--as-of: enter a date like 2024-01-01. '{text}' is not a date.")
        raise typer.Exit(2) from None


def _print(stored: AssessmentRun) -> None:
    as_of = f", as of {stored.as_of.isoformat()}" if stored.as_of else ""
    made = f"{stored.created_at:%d %b %Y %H:%M}"
    table = Table(title=f"Assessment run {stored.id} ({made}{as_of}, data version {stored.data_version})")
    for column in ("Measure", "Status", "Trend", "Reason", "Benchmark"):
        table.add_column(column, overflow="fold")
    for item in stored.results:
        table.add_row(
            ("★ " if item["headline"] else "") + item["measure"],
            status_words(item["status"]),
            item["trend"],
            item["reason"],
            item["benchmark"],
        )
    console.print(table)
