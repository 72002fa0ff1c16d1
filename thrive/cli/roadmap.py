"""`thrive measures` and `thrive show`: the Road Map as tables or JSON."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from thrive.cli.context import console, engine, errors, print_json
from thrive.framework.units import format_value
from thrive.publishing.shapes import latest_by_series, measure_detail, measure_summary
from thrive.store.database import read_connection
from thrive.store.framework_store import read_roadmap
from thrive.store.history import observation_history, target_history
from thrive.store.observations import current_observations


def _text(target: dict[str, Any] | None) -> str:
    return "" if target is None else str(target["text"])


def measures(
    as_json: bool = typer.Option(False, "--json", help="Print JSON (the shape is documented in the README)."),
    headline: bool = typer.Option(False, "--headline", help="Only the six headline measures."),
) -> None:
    """List the Road Map: every measure with its latest result, milestones and 2040 target."""
    with read_connection(engine()) as connection:
        roadmap = read_roadmap(connection)
        latest = latest_by_series(current_observations(connection))
    items = [measure_summary(m, roadmap, latest) for m in roadmap.measures if m.headline or not headline]
    if as_json:
        print_json(items)
        return
    names = {p.code: p.name for p in roadmap.priorities}
    table = Table(title="Luton 2040 Road Map" + (": headline measures" if headline else ""), show_lines=False)
    for column in ("Priority", "Measure", "Latest", "2027 milestone", "2040 target", "Published trend"):
        table.add_column(column, overflow="fold")
    short = {m.id: m.priority_table.get("measure", m.wording) for m in roadmap.measures}
    for item in items:
        latest = item["latest"]
        latest_text = "" if not latest else f"{format_value(latest['value'], item['unit'])} ({latest['period']})"
        table.add_row(
            names.get(item["priority"], item["priority"]),
            ("★ " if item["headline"] else "") + short[item["id"]],
            latest_text,
            _text(item["milestones"].get("2027")),
            _text(item["target_2040"]),
            item["published_trend"] or "",
        )
    console.print(table)


def show(
    measure_id: str = typer.Argument(..., metavar="ID", help="The measure id, such as destitution."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show one measure: its series, every observation and the revision history."""
    with read_connection(engine()) as connection:
        roadmap = read_roadmap(connection)
        try:
            measure = roadmap.measure(measure_id)
        except KeyError:
            errors.print(f"'{measure_id}' is not a measure. Run 'thrive measures' to see the ids.")
            raise typer.Exit(2) from None
        series_ids = [s.id for s in measure.series]
        detail = measure_detail(
            measure,
            roadmap,
            current_observations(connection, series_ids),
            observation_history(connection, series_ids),
            target_history(connection, measure_id),
        )
    if as_json:
        print_json(detail)
        return
    console.print(f"[bold]{detail['measure']}[/bold]  ({detail['id']})")
    console.print(f"Outcome: {detail['outcome']}")
    console.print(f"Definition: {detail['definition']}")
    console.print(f"Source: {detail['source']}")
    for series in detail["series"]:
        table = Table(title=f"{series['label']} ({series['unit']})")
        for column in ("Area", "Period", "Value", "Flags", "Source"):
            table.add_column(column, overflow="fold")
        for obs in series["observations"]:
            table.add_row(obs["area"], obs["period"], f"{obs['value']:g}", ", ".join(obs["flags"]), obs["ref"] or "")
        console.print(table)
    targets = Table(title="Milestones and target")
    for column in ("Year", "Series", "Published wording", "Kind"):
        targets.add_column(column, overflow="fold")
    for target in detail["targets"]:
        targets.add_row(str(target["year"]), target["series"], target["text"], target["kind"])
    console.print(targets)
    history = Table(title="Revision history")
    for column in ("When", "Who", "What", "Before", "After", "Why"):
        history.add_column(column, overflow="fold")
    for change in detail["history"]["observations"]:
        before = "" if change["before"] is None else f"{change['before']['value']}"
        history.add_row(
            change["when"][:19],
            change["who"],
            f"{change['series']} {change['area']} {change['period']}",
            before,
            f"{change['after']['value']}",
            change["why"],
        )
    for change in detail["history"]["targets"]:
        before = "" if change["before"] is None else change["before"]["text"]
        history.add_row(
            change["when"][:19],
            change["who"],
            f"{change['series']} {change['year']} target",
            before,
            change["after"]["text"],
            change["why"],
        )
    console.print(history)
