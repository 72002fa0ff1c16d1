"""`thrive init`: create or upgrade the database, load the Road Map and the open data shipped with it.

Either way it leaves an assessment run of the published figures, so the public pages have judgements to show.
"""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from thrive.cli.context import console, errors, safe_url
from thrive.data.dataset import load_dataset
from thrive.data.open_data import shipped_manifest
from thrive.services.assessment_runs import publish_run
from thrive.services.open_data import load_open_data
from thrive.store.changes import default_actor
from thrive.store.database import database_url, make_engine
from thrive.store.loading import load_dataset_into_store
from thrive.store.migrate import upgrade


class _Steps:
    """One overall bar for the steps, and one for the rows of the file being written."""

    def __init__(self, progress: Progress, steps: int):
        self._progress = progress
        self._overall = progress.add_task("Loading the open data", total=steps)
        self._rows: TaskID | None = None
        self._started = False

    def step(self, description: str) -> _Steps:
        if self._started:
            self._progress.advance(self._overall)
        self._started = True
        self._progress.update(self._overall, description=description)
        return self

    def start(self, description: str, total: int) -> None:
        if self._rows is not None:
            self._progress.remove_task(self._rows)
        self._rows = self._progress.add_task(f"  {description}", total=total)

    def advance(self, amount: int) -> None:
        if self._rows is not None:
            self._progress.advance(self._rows, amount)

    def finish(self) -> None:
        self._progress.update(self._overall, completed=self._progress.tasks[0].total)


def init(
    dataset: str = typer.Option("luton2040", help="The shipped dataset to load."),
    skip_open_data: bool = typer.Option(
        False,
        "--skip-open-data",
        help="Load only the Road Map, for a quick start: no official history, deprivation or index run.",
    ),
) -> None:
    """Create or upgrade the database and load the Luton 2040 Road Map and the open data. Safe to run again."""
    db = make_engine()
    upgrade(db)
    actor = f"thrive init ({default_actor()})"
    summary = load_dataset_into_store(db, load_dataset(dataset), actor=actor)
    console.print(f"Database ready: {safe_url(database_url())}")
    console.print(
        f"Dataset '{dataset}': {summary.observations_added} figures added, "
        f"{summary.observations_revised} updated, {summary.targets_revised} targets and milestones written, "
        f"{summary.observations_kept} newer figures kept as they are"
        + (f", {summary.observations_withdrawn} withdrawn." if summary.observations_withdrawn else ".")
    )
    if skip_open_data:
        publish_run(db, actor=actor)
        console.print("Open data not loaded (--skip-open-data). Run 'thrive init' again to load it.")
        return
    manifest = shipped_manifest()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=errors, transient=True) as progress:
        steps = _Steps(progress, len(manifest.files) + len(manifest.deprivation) + 2)
        loaded = load_open_data(db, steps, actor=actor, manifest=manifest)
        steps.finish()
    if loaded.problems:
        errors.print("[bold red]Some open data could not be loaded:[/bold red]")
        for problem in loaded.problems:
            errors.print(f"  {problem}", markup=False, highlight=False)
        raise typer.Exit(1)
    indicators = {i for r in loaded.files for i in r.indicators}
    road_map = sum(r.road_map_figures for r in loaded.files)
    console.print(
        f"Open data: {loaded.figures_added:,} official figures added for {len(indicators)} indicators "
        f"({road_map:,} of them extend Road Map series), {loaded.links} links to Road Map series, "
        f"{loaded.neighbour_models} neighbour model(s) updated."
    )
    for release in loaded.deprivation:
        if release.summary is not None:
            luton = release.summary["luton"]
            console.print(
                f"{release.summary['title']}: {luton['most_deprived_10_percent']} of Luton's {luton['lsoas']} LSOAs "
                "in England's 10% most deprived."
            )
    if loaded.index_run is not None:
        console.print(f"Thriving People Index: run {loaded.index_run} computed.")
