"""`thrive deprivation import` and `thrive deprivation summary`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from thrive.cli.context import console, engine, errors, print_json
from thrive.data.incomes import read_income_distribution
from thrive.data.problems import ProblemsError
from thrive.framework.area import LUTON
from thrive.index.deprivation import DECILES
from thrive.index.inequality import METHOD as GINI_METHOD
from thrive.index.inequality import gini_coefficient
from thrive.services.deprivation_imports import import_deprivation
from thrive.store.changes import default_actor
from thrive.store.database import read_connection
from thrive.store.deprivation import latest_deprivation_releases

app = typer.Typer(help="The English Indices of Deprivation for Luton and its wards.", no_args_is_help=True)


@app.command("import")
def import_command(
    paths: list[Path] = typer.Argument(..., help="The release's LSOA files (CSV), such as IoD2019 Files 2 and 9."),
    release: int = typer.Option(..., "--release", help="Which release the files are: 2019 or 2025."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the counts and write nothing."),
    reason: str = typer.Option(None, "--reason", help="Why, kept with the revision."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Count Luton's LSOAs in a release and update the Road Map measure most-deprived-lsoas."""
    result = import_deprivation(engine(), paths, release, actor=default_actor(), reason=reason, dry_run=dry_run)
    if as_json:
        print_json(result.to_dict())
    elif not result.ok:
        errors.print(f"[bold red]Nothing was imported.[/bold red] {len(result.problems)} problem(s):")
        for problem in result.problems:
            errors.print(f"  {problem}", markup=False, highlight=False)
    else:
        assert result.summary is not None
        luton = result.summary["luton"]
        verb = "Would record" if dry_run else "Recorded"
        console.print(
            f"{verb} {luton['most_deprived_10_percent']} of Luton's {luton['lsoas']} LSOAs in England's 10% most "
            f"deprived ({result.summary['title']}): {result.added} new figure(s), {result.revised} revised."
        )
        if result.summary["break_in_series"]:
            console.print(f"Break in series: {result.summary['break_in_series']}")
    if not result.ok:
        raise typer.Exit(1)


@app.command("summary")
def summary(
    area: str = typer.Option(LUTON, "--area", help=f"Luton ({LUTON}) or a ward code (E05...)."),
    release: int = typer.Option(..., "--release", help="2019 or 2025."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Decile counts, the 20:20 index and the most-deprived-10% count for Luton or a ward."""
    with read_connection(engine()) as connection:
        stored = latest_deprivation_releases(connection).get(release)
    if stored is None:
        errors.print(
            f"The {release} release has not been imported. Run 'thrive deprivation import FILE --release {release}'."
        )
        raise typer.Exit(1)
    found = _area(stored["summary"], area)
    if found is None:
        errors.print(f"There is no {release} summary for '{area}'. Use {LUTON} or one of Luton's ward codes.")
        raise typer.Exit(1)
    if as_json:
        print_json(
            {**found, "title": stored["summary"]["title"], "break_in_series": stored["summary"]["break_in_series"]}
        )
        return
    console.print(f"{found['name']} ({found['area']}), {stored['summary']['title']}: {found['lsoas']} LSOAs")
    console.print(f"In England's 10% most deprived (IMD): {found['most_deprived_10_percent']}")
    pair = found["twenty_twenty"]
    console.print(
        f"20:20 index (income): {pair['text']} ({pair['least_deprived_20_percent']} in the least deprived 20%, "
        f"{pair['most_deprived_20_percent']} in the most deprived 20%)"
    )
    table = Table(title="LSOAs by national decile (1 = most deprived 10%)")
    table.add_column("Decile")
    table.add_column("IMD", justify="right")
    table.add_column("Income", justify="right")
    for d in DECILES:
        table.add_row(str(d), str(found["imd_deciles"][str(d)]), str(found["income_deciles"][str(d)]))
    console.print(table)


@app.command("gini")
def gini(
    path: Path = typer.Argument(..., help="A CSV or XLSX of incomes: one row per household, or per area."),
    income: str = typer.Option(..., "--income", help="The column of incomes."),
    weight: str = typer.Option(None, "--weight", help="The column of weights (households or people), if any."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """The Gini coefficient of an income distribution, with the method used."""
    try:
        incomes, weights = read_income_distribution(path, income, weight)
    except ProblemsError as error:
        errors.print(f"[bold red]No Gini coefficient.[/bold red] {len(error.problems)} problem(s):")
        for problem in error.problems:
            errors.print(f"  {problem}", markup=False, highlight=False)
        raise typer.Exit(1) from None
    value = gini_coefficient(incomes, weights)
    if as_json:
        print_json({"gini": round(value, 4), "rows": len(incomes), "file": path.name, "method": GINI_METHOD})
        return
    console.print(f"Gini coefficient: {value:.2f} ({len(incomes):,} rows of {path.name}).")
    console.print(GINI_METHOD)


def _area(summary: dict[str, Any], code: str) -> dict[str, Any] | None:
    if summary["luton"]["area"] == code:
        found: dict[str, Any] = summary["luton"]
        return found
    return next((w for w in summary["wards"] if w["area"] == code), None)
