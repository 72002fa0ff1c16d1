"""`thrive indicators`: the official indicators Thrive holds, with their coverage and Road Map use."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from thrive.cli.context import console, engine, print_json
from thrive.store.database import read_connection
from thrive.store.framework_store import read_roadmap
from thrive.store.indicators import indicator_coverage, read_indicators


def indicators(
    as_json: bool = typer.Option(False, "--json", help="Print JSON (the shape is documented in the README)."),
    search: str = typer.Option(None, "--search", help="Only indicators whose title or definition has these words."),
) -> None:
    """List every indicator held: its publisher, unit, areas and periods, and the Road Map series it feeds."""
    with read_connection(engine()) as connection:
        found = read_indicators(connection)
        coverage = indicator_coverage(connection)
        roadmap = read_roadmap(connection)
    words = (search or "").lower().split()
    chosen = [i for i in found if all(w in f"{i.title} {i.definition}".lower() for w in words)]
    links: dict[str, list[dict[str, str]]] = {}
    for link in roadmap.links:
        links.setdefault(link.indicator_id, []).append({"series": link.series_id, "match": link.match.value})
    items: list[dict[str, Any]] = []
    for indicator in chosen:
        held = coverage.get(indicator.id)
        items.append(
            {
                "id": indicator.id,
                "title": indicator.title,
                "unit": indicator.unit,
                "polarity": indicator.polarity.value,
                "period_type": indicator.period_type,
                "publisher": indicator.publisher,
                "licence": indicator.licence,
                "source": indicator.source,
                "areas": 0 if held is None else held.areas,
                "figures": 0 if held is None else held.figures,
                "first_period": None if held is None else held.first_period,
                "last_period": None if held is None else held.last_period,
                "road_map": links.get(indicator.id, []),
            }
        )
    if as_json:
        print_json(items)
        return
    table = Table(title=f"Indicators held ({len(items)})")
    for column in ("Indicator", "Publisher", "Periods", "Areas", "Road Map"):
        table.add_column(column, overflow="fold")
    for item in items:
        periods = f"{item['first_period']} to {item['last_period']}" if item["first_period"] else ""
        uses = ", ".join(f"{u['series']} ({u['match']})" for u in item["road_map"])
        table.add_row(item["title"], item["publisher"], periods, str(item["areas"]), uses)
    console.print(table)
