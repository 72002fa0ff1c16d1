"""The `thrive` command and its sub-commands."""

from __future__ import annotations

import typer

from thrive.cli import (
    assess,
    better_off,
    deprivation,
    index,
    indicators,
    poverty,
    reports,
    roadmap,
    setup,
    transfer,
    web,
)

app = typer.Typer(
    help="Thrive: the Luton 2040 outcomes observatory.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("init")(setup.init)
app.command("measures")(roadmap.measures)
app.command("show")(roadmap.show)
app.command("indicators")(indicators.indicators)
app.command("import")(transfer.import_command)
app.command("export")(transfer.export_command)
app.command("assess")(assess.assess)
app.command("serve")(web.serve)
app.add_typer(web.users, name="user")
app.add_typer(reports.app, name="report")
app.add_typer(deprivation.app, name="deprivation")
app.add_typer(index.app, name="index")
app.add_typer(poverty.app, name="poverty")
app.add_typer(better_off.app, name="better-off")


def main() -> None:
    app()
