"""`thrive import` and `thrive export`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from thrive.cli.context import console, engine, errors, print_json
from thrive.publishing.shapes import ExportFormat, template_frame, write_export
from thrive.services.imports import ImportFormat, ImportOptions, ImportResult, import_file
from thrive.store.changes import default_actor
from thrive.store.database import read_connection

SHOWN_PROBLEMS = 200


class _RichProgress:
    """Progress bar for large files; small files finish before it is worth drawing."""

    def __init__(self, progress: Progress):
        self._progress = progress
        self._task: object | None = None

    def start(self, description: str, total: int) -> None:
        self._task = self._progress.add_task(description, total=total)

    def advance(self, amount: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, amount)  # type: ignore[arg-type]


def import_command(
    path: Path = typer.Argument(..., help="A CSV, XLSX or JSON file."),
    fmt: ImportFormat = typer.Option(
        ImportFormat.TEMPLATE,
        "--format",
        help="template, fingertips, ons (ONS Explore Local Statistics) or dfe (DfE LAIT or EES layout).",
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change and write nothing."),
    reason: str = typer.Option(None, "--reason", help="Why the figures changed, kept with every revision."),
    series: str = typer.Option(None, "--series", help="Fingertips: put every row into this series."),
    sex: str = typer.Option(None, "--sex", help="Fingertips: keep only rows for this sex, such as Persons."),
    age: str = typer.Option(None, "--age", help="Fingertips: keep only rows for this age group, such as 'All ages'."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Import observations. Every row is checked first; if any row is wrong, nothing is written."""
    options = ImportOptions(fmt, dry_run, default_actor(), reason, series, sex, age)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    )
    with progress:
        result = import_file(engine(), path, options, _RichProgress(progress))
    if as_json:
        print_json(_result_json(result))
    else:
        _print_result(result)
    if not result.ok:
        raise typer.Exit(1)


def _result_json(result: ImportResult) -> dict[str, object]:
    return {
        "file": result.file,
        "ok": result.ok,
        "dry_run": result.dry_run,
        "rows": result.rows,
        "added": result.added,
        "revised": result.revised,
        "unchanged": result.unchanged,
        "skipped": result.skipped,
        "change_set": result.change_set_id,
        "indicators": result.indicators,
        "new_indicators": result.new_indicators,
        "road_map_figures": result.road_map_figures,
        "problems": [p.to_dict() for p in result.problems],
    }


def _print_result(result: ImportResult) -> None:
    if not result.ok:
        errors.print(f"[bold red]Nothing was imported.[/bold red] {len(result.problems)} problem(s) in {result.file}:")
        for problem in result.problems[:SHOWN_PROBLEMS]:
            errors.print(f"  {problem}", markup=False, highlight=False)
        if len(result.problems) > SHOWN_PROBLEMS:
            errors.print(f"  … and {len(result.problems) - SHOWN_PROBLEMS} more. Use --json to list them all.")
        return
    verb = "Would add" if result.dry_run else "Added"
    console.print(
        f"{verb} {result.added} figure(s), {'would revise' if result.dry_run else 'revised'} {result.revised}; "
        f"{result.unchanged} unchanged ({result.rows} rows in {result.file})."
    )
    for reason, count in result.skipped.items():
        console.print(f"Set aside {count} {reason}.")
    if result.indicators:
        new = f", {len(result.new_indicators)} of them new" if result.new_indicators else ""
        console.print(f"The file holds {len(result.indicators)} indicator(s){new}.")
    if result.road_map_figures:
        console.print(f"{result.road_map_figures} official figure(s) written to the Road Map series they feed.")
    if result.dry_run and result.plan is not None and not result.plan.changed.empty:
        table = Table(title="Figures that would change")
        for column in ("Series", "Area", "Period", "Now", "Would be"):
            table.add_column(column)
        for row in result.plan.changed.head(50).to_dict(orient="records"):
            table.add_row(
                str(row["series_id"]),
                str(row["area_code"]),
                str(row["period_label"]),
                f"{row['value_before']:g}",
                f"{row['value']:g}",
            )
        console.print(table)


def export_command(
    path: Path = typer.Argument(..., help="Where to write the file."),
    fmt: ExportFormat = typer.Option(
        None, "--format", help="csv, xlsx, json or parquet (default: from the file name)."
    ),
) -> None:
    """Export every current observation in the import template format."""
    chosen = fmt or _format_from_suffix(path)
    with read_connection(engine()) as connection:
        frame = template_frame(connection)
    write_export(frame, path, chosen)
    console.print(f"Wrote {len(frame)} observations to {path}.")


def _format_from_suffix(path: Path) -> ExportFormat:
    suffix = path.suffix.lower().lstrip(".")
    try:
        return ExportFormat(suffix)
    except ValueError:
        errors.print(f"Say which format to write: '{path.name}' does not end in .csv, .xlsx or .json.")
        raise typer.Exit(2) from None
