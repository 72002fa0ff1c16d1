"""`thrive poverty`: classify households into bands A–E, summarise, publish, and make test data.

Household files are read on this machine and never stored: only figures that have passed
disclosure control reach the database, and no message repeats a household's id.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from thrive.cli.context import console, engine, errors, print_json, refusals
from thrive.data.dataset import load_dataset
from thrive.data.disclosure_rules import load_disclosure_rules
from thrive.data.households import HouseholdFile, read_households, ward_lookup
from thrive.data.poverty_lines import load_line_table
from thrive.data.problems import ProblemsError
from thrive.poverty.bands import BANDS
from thrive.poverty.lines import LineTable
from thrive.poverty.run import ModelRun, run_model
from thrive.poverty.summary import Distribution, distributions
from thrive.services.poverty_publication import publish_model_run
from thrive.services.rights import command_line
from thrive.store.changes import default_actor
from thrive.store.poverty import poverty_runs, run_figures

app = typer.Typer(help="Luton's Minimum Income Standard bands A–E and the destitution measure.", no_args_is_help=True)
SYNTHETIC_BANNER = "SYNTHETIC DATA: made-up households for testing, not official figures."


def _load(path: Path, table: LineTable) -> tuple[HouseholdFile, ModelRun]:
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=errors) as progress:
        task = progress.add_task(f"Reading {path.name}", total=None)
        try:
            households = read_households(path, ward_lookup(load_dataset("luton2040").roadmap.areas), table.pension_age)
        except ProblemsError as error:
            progress.stop()
            for problem in error.problems:
                errors.print(str(problem), markup=False, soft_wrap=True)
            errors.print("Nothing was classified. Fix the file and try again.")
            raise typer.Exit(1) from error
        progress.update(task, description=f"Classifying {len(households.households):,} household-years")
        try:
            run = run_model(households.households, households.wards, table, load_disclosure_rules())
        except LookupError as error:
            progress.stop()
            errors.print(f"{path.name}, column 'year': {error}")
            raise typer.Exit(1) from error
    if households.synthetic:
        errors.print(SYNTHETIC_BANNER)
    return households, run


def classify(
    path: Path = typer.Argument(..., help="A household file (CSV, XLSX or JSON); see the README for its columns."),
    output: Path = typer.Option(None, "--output", "-o", help="Where to write each household's band (CSV)."),
) -> None:
    """Put every household-year in band A to E and write the bands next to the ids, on this machine."""
    table = load_line_table()
    households, run = _load(path, table)
    target = output or path.with_name(f"{path.stem}.bands.csv")
    result = run.classification
    letters = np.array([band.name for band in BANDS] + [""])  # code -1 (not classified) takes the last
    type_ids = np.array([household_type.id for household_type in table.types])
    pd.DataFrame(
        {
            "household_id": households.ids,
            "year": households.households.year,
            "band": letters[result.band],
            "household_type": type_ids[result.household_type],
            "tenure_assumed": result.tenure_assumed,
            "costs_unknown": result.costs_unknown,
            "synthetic": "yes" if households.synthetic else "",
        }
    ).to_csv(target, index=False)
    console.print(f"Wrote the band of {len(households.households):,} household-years to {target}.")
    _print(distributions(run.figures), f"{path.name}, after disclosure control")


def summarise(
    path: Path = typer.Argument(None, help="A household file. Leave out to show the distributions in the database."),
    year: int = typer.Option(None, "--year", help="Only this year."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Households in each band, after disclosure control; without a file, the stored distributions."""
    if path is not None:
        households, run = _load(path, load_line_table())
        shown = [d for d in distributions(run.figures) if year is None or d.year == year]
        if as_json:
            print_json(
                {"source": path.name, "synthetic": households.synthetic, "distributions": [d.to_dict() for d in shown]}
            )
        else:
            _print(shown, path.name)
        return
    db = engine()
    runs = []
    for stored in poverty_runs(db):
        shown = [d for d in distributions(run_figures(db, stored.id)) if year is None or d.year == year]
        if shown:
            runs.append((stored, shown))
    if as_json:
        print_json(
            {
                "runs": [
                    {
                        "id": stored.id,
                        "kind": stored.kind,
                        "title": stored.title,
                        "source": stored.source,
                        "synthetic": stored.synthetic,
                        "distributions": [d.to_dict() for d in shown],
                    }
                    for stored, shown in runs
                ]
            }
        )
        return
    if not runs:
        console.print("No band distributions are stored yet. Run 'thrive init', or publish a model run.")
    for stored, shown in runs:
        label = f"{stored.title} ({stored.source})" + (" SYNTHETIC" if stored.synthetic else "")
        _print(shown, label)


def publish(
    path: Path = typer.Argument(..., help="A household file (CSV, XLSX or JSON)."),
    reason: str = typer.Option(None, "--reason", help="Why this run is published; kept with the revision."),
    synthetic: bool = typer.Option(False, "--synthetic", help="Confirm that a synthetic test file may be published."),
) -> None:
    """Classify, protect and store the figures, and write the destitution measure for each year."""
    households, run = _load(path, load_line_table())
    if households.synthetic and not synthetic:
        errors.print(
            f"{path.name} is marked synthetic. Publishing it would put made-up figures in the Road Map. "
            "Add --synthetic if this is a test database."
        )
        raise typer.Exit(1)
    user = command_line(default_actor())
    with refusals():
        publication = publish_model_run(
            engine(), user, run, source=path.name, synthetic=households.synthetic, reason=reason or ""
        )
    for year, value in publication.headline.items():
        console.print(f"% of households in destitution, {year}: {value:.1f}%")
    console.print(f"Published model run {publication.run_id} (change set {publication.change_set_id}).")


def synthetic(
    output: Path = typer.Argument(..., help="Where to write the synthetic household file (CSV)."),
    households: int = typer.Option(20_000, "--households", min=10, help="Households in the panel."),
    first_year: int = typer.Option(2022, "--first-year"),
    last_year: int = typer.Option(2025, "--last-year"),
    seed: int = typer.Option(2040, "--seed"),
) -> None:
    """Write a made-up household panel, labelled synthetic, and its known answer (OUTPUT.answer.json)."""
    from thrive.demo.poverty_panel import synthetic_panel  # noqa: PLC0415 (demo data, loaded only here)

    table = load_line_table()
    areas = sorted(ward_lookup(load_dataset("luton2040").roadmap.areas).items())
    frame, known = synthetic_panel(table, areas, households, tuple(range(first_year, last_year + 1)), seed)
    frame.to_csv(output, index=False)
    answer = output.with_name(f"{output.stem}.answer.json")
    answer.write_text(json.dumps(known.to_dict(), indent=2) + "\n", encoding="utf-8")
    console.print(f"Wrote {len(frame):,} synthetic household-years to {output} and the known answer to {answer}.")


def lines(
    year: int = typer.Option(2024, "--year", help="The year whose lines to show."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """The band lines in force in a year for every household type and tenure, and how each was derived."""
    table = load_line_table()
    try:
        entries = table.lines_for(year)
    except LookupError as error:
        errors.print(f"--year: {error}")
        raise typer.Exit(1) from error
    line_set = table.set_for(year)
    if as_json:
        print_json(
            {
                "year": year,
                "line_set": line_set.id,
                "source": line_set.source,
                "lines": [
                    {
                        "household_type": entry.household_type,
                        "tenure": entry.tenure.word,
                        **entry.lines,
                        "derived": entry.derived,
                        "derivation": entry.derivation,
                        "refs": dict(entry.refs),
                    }
                    for entry in entries
                ],
            }
        )
        return
    shown = Table(title=f"Band lines in force in {year}: {line_set.title} ({line_set.source})")
    for column in ("Household type", "Tenure", "A/B", "FQOL", "Basic needs", "Destitution*", "How"):
        shown.add_column(column)
    for entry in entries:
        values = [f"£{entry.lines[name]:,.0f}" for name in ("a_b", "fqol", "basic_needs", "destitution")]
        shown.add_row(entry.household_type, entry.tenure.word, *values, "derived" if entry.derived else "published")
    console.print(shown)
    console.print("* The destitution line is compared with income left after housing costs, council tax and debts.")


def _print(shown: list[Distribution], label: str) -> None:
    for distribution in shown:
        table = Table(title=f"{label}: {distribution.year}, {_count(distribution.households)} households")
        for column in ("Band", "Households", "%"):
            table.add_column(column)
        for share in (*distribution.bands, *distribution.below_lines):
            name = share.label if share in distribution.bands else f"Below the {share.label}"
            table.add_row(name, _count(share.households), "" if share.percent is None else f"{share.percent:.1f}")
        console.print(table)


def _count(value: float | None) -> str:
    return "[hidden]" if value is None else f"{value:,.0f}"


app.command("classify")(classify)
app.command("summarise")(summarise)
app.command("publish")(publish)
app.command("synthetic")(synthetic)
app.command("lines")(lines)
