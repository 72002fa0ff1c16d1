"""`thrive better-off batch FILE` and `thrive better-off synthetic N PATH`: take-up targeting over a caseload."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thrive.cli.context import console, errors, print_json
from thrive.data.problems import ProblemsError

app = typer.Typer(help="Better Off Luton: benefit take-up targeting.", no_args_is_help=True)
SHOWN_PROBLEMS = 50


def _shown(value: float, money: bool = False) -> str:
    if math.isnan(value):
        return "[hidden]"
    return f"£{value:,.0f}" if money else f"{value:,.0f}"


@app.command("batch")
def batch(
    path: Path = typer.Argument(..., help="The caseload extract: CSV, XLSX or JSON, one household a row."),
    year: str = typer.Option(None, "--year", help="Tax year, like 2025-26 (default: the current one)."),
    workers: int = typer.Option(2, "--workers", help="Local processes (one per core)."),
    scheduler: str = typer.Option(
        None, "--scheduler", help="A Dask distributed scheduler address, like tcp://10.0.0.5:8786."
    ),
    at_least: float = typer.Option(52.0, "--at-least", help="Smallest entitlement worth contacting about, £ a year."),
    output: Path = typer.Option(None, "-o", "--output", help="Write the protected table as CSV or JSON."),
    targets: Path = typer.Option(
        None, "--targets", help="Write the households to contact (personal data, never publish)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the protected table as JSON."),
) -> None:
    """List households likely to be entitled to something they do not claim, by benefit and ward, with
    the estimated unclaimed income. Every published count passes disclosure control."""
    from thrive.benefits.batch import BENEFITS, run_batch  # noqa: PLC0415 (loads the rules engine)
    from thrive.benefits.local_rules import supported  # noqa: PLC0415
    from thrive.benefits.tax_year import TaxYear  # noqa: PLC0415
    from thrive.data.caseload import read_caseload  # noqa: PLC0415
    from thrive.data.dataset import luton_wards  # noqa: PLC0415
    from thrive.data.disclosure_rules import load_disclosure_rules  # noqa: PLC0415

    try:
        chosen = supported(TaxYear.parse(year) if year else TaxYear.current())
    except ValueError as bad_year:
        errors.print(f"--year: {bad_year}")
        raise typer.Exit(2) from None
    try:
        frame = read_caseload(path, set(luton_wards()))
    except ProblemsError as problems:
        for problem in problems.problems[:SHOWN_PROBLEMS]:
            errors.print(str(problem))
        errors.print(f"{len(problems.problems)} problem(s) found; nothing was run. Fix them and try again.")
        raise typer.Exit(1) from None
    synthetic = bool(frame["household_ref"].str.startswith("SYNTHETIC-").all())
    progress = Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=errors
    )
    with progress:
        task = progress.add_task(f"Households ({chosen.label})", total=len(frame))
        result = run_batch(
            frame,
            chosen,
            workers=workers,
            scheduler=scheduler,
            at_least=at_least,
            progress=lambda done: progress.advance(task, done),
        )
    protected = result.protected(load_disclosure_rules())
    names = [b.value for b in BENEFITS]
    table = {
        "tax_year": chosen.label,
        "households": result.households,
        "synthetic": synthetic,
        "disclosure": protected.counts.rules.describe(),
        "benefits": names,
        "wards": [
            {
                "ward_code": ward,
                "households": _number(protected.counts.row_totals[i]),
                "unclaimed_per_year": _number(protected.amounts.by_ward[i]),
                "by_benefit": {
                    names[j]: {
                        "households": _number(protected.counts.cells[i, j]),
                        "unclaimed_per_year": _number(protected.amounts.cells[i, j]),
                    }
                    for j in range(len(names))
                },
            }
            for i, ward in enumerate(result.wards)
        ],
        "by_benefit": {
            names[j]: {
                "households": _number(protected.counts.column_totals[j]),
                "unclaimed_per_year": _number(protected.amounts.by_benefit[j]),
            }
            for j in range(len(names))
        },
        "total_unclaimed_per_year": _number(protected.amounts.total),
    }
    if output is not None:
        _write(table, output)
    if targets is not None:
        result.targets.to_csv(targets, index=False)
        errors.print(
            f"Wrote {len(result.targets):,} households to contact to {targets}: personal data, do not publish."
        )
    if as_json:
        print_json(table)
        return
    if synthetic:
        console.print("[bold]SYNTHETIC caseload: made-up households, not Luton residents.[/bold]")
    summary = Table(title=f"Likely entitled but not claiming, {chosen.label} ({result.households:,} households)")
    summary.add_column("Benefit")
    summary.add_column("Households", justify="right")
    summary.add_column("Unclaimed a year", justify="right")
    for j, name in enumerate(names):
        summary.add_row(name, _shown(protected.counts.column_totals[j]), _shown(protected.amounts.by_benefit[j], True))
    summary.add_row(
        "All (counting a household once per benefit)",
        _shown(protected.counts.total),
        _shown(protected.amounts.total, True),
    )
    console.print(summary)
    wards = Table(title="By ward")
    wards.add_column("Ward")
    wards.add_column("Benefits not claimed", justify="right")
    wards.add_column("Unclaimed a year", justify="right")
    for i, ward in enumerate(result.wards):
        wards.add_row(ward, _shown(protected.counts.row_totals[i]), _shown(protected.amounts.by_ward[i], True))
    console.print(wards)
    console.print(protected.counts.rules.describe())


def _number(value: float) -> float | None:
    return None if np.isnan(value) else float(value)


def _write(table: dict[str, object], output: Path) -> None:
    if output.suffix.lower() == ".json":
        output.write_text(json.dumps(table, indent=2), encoding="utf-8")
        return
    lines = ["ward_code,benefit,households,unclaimed_per_year"]
    wards = table["wards"]
    assert isinstance(wards, list)
    for ward in wards:
        for benefit, cell in ward["by_benefit"].items():
            households = "" if cell["households"] is None else f"{cell['households']:.0f}"
            amount = "" if cell["unclaimed_per_year"] is None else f"{cell['unclaimed_per_year']:.0f}"
            lines.append(f"{ward['ward_code']},{benefit},{households},{amount}")
    output.write_text("\n".join(lines) + "\n", encoding="utf-8")


@app.command("synthetic")
def synthetic(
    households: int = typer.Argument(..., help="How many made-up households."),
    path: Path = typer.Argument(..., help="Where to write the CSV."),
    seed: int = typer.Option(2040, "--seed"),
) -> None:
    """Write a SYNTHETIC caseload extract in the batch format (for trying the batch, tests and benchmarks)."""
    from thrive.demo.caseload import synthetic_caseload  # noqa: PLC0415

    synthetic_caseload(households, seed).to_csv(path, index=False)
    console.print(f"Wrote {households:,} SYNTHETIC households to {path}.")
