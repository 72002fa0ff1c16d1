"""`thrive index compute` and `thrive index show`: the Thriving People Index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from thrive.cli.context import console, engine, errors, print_json
from thrive.data.index_framework import shipped_framework_path
from thrive.data.problems import ProblemsError
from thrive.framework.area import LUTON
from thrive.services.index_runs import compute_and_store
from thrive.store.changes import default_actor
from thrive.store.database import read_connection
from thrive.store.index_runs import latest_index_run

app = typer.Typer(help="The Thriving People Index for Luton and its wards.", no_args_is_help=True)


@app.command("compute")
def compute(
    framework: Path = typer.Option(None, "--framework", help="A framework YAML file (default: the shipped one)."),
    draws: int = typer.Option(1000, "--draws", min=0, help="Monte Carlo draws for the intervals."),
    reason: str = typer.Option(None, "--reason", help="Why, kept with the run."),
    as_json: bool = typer.Option(False, "--json", help="Print the run as JSON."),
) -> None:
    """Score Luton, its wards and its LSOAs for every year with data, and keep the run with its framework version.

    LSOAs are scored once IoD2019 File 9 has been imported with `thrive deprivation import`."""
    path = framework or shipped_framework_path()
    with console.status("Scoring the wards and LSOAs and running the Monte Carlo draws…"):
        try:
            run = compute_and_store(engine(), path, draws=draws, actor=default_actor(), reason=reason)
        except ProblemsError as error:
            errors.print(f"[bold red]Nothing was computed.[/bold red] {len(error.problems)} problem(s):")
            for problem in error.problems:
                errors.print(f"  {problem}", markup=False, highlight=False)
            raise typer.Exit(1) from None
    if as_json:
        print_json({"run": run.run_id, "framework_version": run.framework_version, **run.results})
        return
    console.print(f"Index run {run.run_id} with framework version {run.framework_version}.")
    lsoa = run.results["lsoa"]
    if lsoa is None:
        console.print(
            "No LSOAs were scored. To score Luton's LSOAs, import IoD2019 File 9 first: thrive deprivation import "
            "File_2_IoD2019_Domains_of_Deprivation.csv File_9_IoD2019_Transformed_Scores.csv --release 2019",
            markup=False,
        )
    else:
        count = len(next(iter(run.results["years"].values()))["lsoas"])
        console.print(f"{count} LSOAs scored from {', '.join(lsoa['files'])}.", markup=False)
    if run.results["synthetic_indicators"]:
        console.print(
            f"SYNTHETIC: {len(run.results['synthetic_indicators'])} indicators use synthetic demonstration values."
        )


@app.command("show")
def show(
    area: str = typer.Option(None, "--area", help=f"One area: {LUTON}, a ward code or an LSOA (2011) code."),
    year: str = typer.Option(None, "--year", help="The year (default: the newest)."),
    as_json: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """The newest index run: scores, ranks and intervals."""
    with read_connection(engine()) as connection:
        run = latest_index_run(connection)
    if run is None:
        errors.print("The index has not been computed yet. Run 'thrive index compute'.")
        raise typer.Exit(1)
    results = run["results"]
    chosen = year or max(results["years"])
    if chosen not in results["years"]:
        errors.print(f"There are no results for {chosen}. Choose one of {', '.join(results['years'])}.")
        raise typer.Exit(1)
    areas = results["years"][chosen]["areas"]
    lsoas = results["years"][chosen].get("lsoas", [])
    if area is not None:
        areas = [a for a in areas + lsoas if a["code"] == area]
        if not areas:
            scored = "a Luton ward code or an LSOA (2011) code" if lsoas else "a Luton ward code"
            hint = "" if lsoas else " No LSOAs are scored yet: import IoD2019 File 9 and compute the index again."
            errors.print(f"There is no area '{area}' in the index. Use {LUTON} or {scored}.{hint}")
            raise typer.Exit(1)
    if as_json:
        print_json(
            {
                "run": run["run"],
                "framework_version": run["framework_version"],
                "year": chosen,
                "synthetic_indicators": results["synthetic_indicators"],
                "areas": areas,
            }
        )
        return
    table = Table(title=f"{results['framework']['name']} {chosen} (run {run['run']})")
    among = (
        len(lsoas)
        if areas[0]["kind"] == "lsoa"
        else sum(a["kind"] == "ward" for a in results["years"][chosen]["areas"])
    )
    for column in ("Area", "Score", "95% interval", f"Rank of {among}", "Rank interval"):
        table.add_column(column)
    ward_names = {a["code"]: a["name"] for a in results["years"][chosen]["areas"]}
    for a in areas:
        table.add_row(
            f"{a['name']} ({ward_names[a['ward']]})" if "ward" in a else a["name"],
            _figure(a["index"]),
            _pair(a.get("interval")),
            str(a["rank"] or "–"),
            _pair(a.get("rank_interval")),
        )
    console.print(table)
    if results["synthetic_indicators"]:
        console.print("SYNTHETIC: these scores include synthetic demonstration values (see About the data).")


def _figure(value: Any) -> str:
    return "–" if value is None else f"{value:.1f}"


def _pair(pair: list[Any] | None) -> str:
    if not pair or pair[0] is None:
        return "–"
    return f"{pair[0]:g} to {pair[1]:g}"
