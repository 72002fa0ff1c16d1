"""The `thrive` command and its sub-commands."""

from __future__ import annotations

import os
import sys

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
from thrive.store.database import DatabaseUnavailable

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


UNEXPECTED = 70
"""The exit code for a fault in Thrive itself (EX_SOFTWARE); a refusal of bad input exits 1 or 2."""


def main() -> None:
    """Run the command; a file or database that cannot be reached is named in one line, never a traceback.

    A fault Thrive did not expect is reported as a bug, without a traceback (THRIVE_DEBUG=1 shows
    it): every write is one transaction, so nothing was half changed.
    """
    try:
        app()
    except OSError as error:
        place = error.filename or "a file"
        sys.stderr.write(f"thrive: {place}: {error.strerror or error}. Nothing was changed.\n")
        sys.exit(2)
    except DatabaseUnavailable as error:
        sys.stderr.write(f"thrive: the database could not be used ({error.orig}). Nothing was changed.\n")
        sys.exit(2)
    except Exception:
        if os.environ.get("THRIVE_DEBUG"):
            raise
        sys.stderr.write(
            "thrive: something went wrong that Thrive did not expect. Nothing was changed. "
            "Run again with THRIVE_DEBUG=1 to see the details, and report them.\n"
        )
        sys.exit(UNEXPECTED)
