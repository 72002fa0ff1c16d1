"""What every command shares: the console and the database engine."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console
from sqlalchemy import Engine

from thrive.framework.strict_json import strict_dumps
from thrive.services.errors import NotAllowed, NotFound, Problems, ServiceError, Stale
from thrive.store.database import database_url, make_engine
from thrive.store.migrate import is_set_up

console = Console()
errors = Console(stderr=True)


def engine() -> Engine:
    """The database every command but `init` works on; it must have been set up."""
    db = make_engine()
    if not is_set_up(db):
        errors.print(f"The database at {safe_url(database_url())} has not been set up yet. Run 'thrive init' first.")
        raise typer.Exit(2)
    return db


def safe_url(url: str) -> str:
    """The database URL without any password, for printing."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


def print_json(data: Any) -> None:
    """Plain JSON on stdout, for other tools to read (no colours, no wrapping)."""
    sys.stdout.write(strict_dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


EXIT_CODES: dict[type[ServiceError], int] = {Problems: 1, NotFound: 3, NotAllowed: 4, Stale: 5}
"""How a use-case's refusal ends a command (2 is the usage error the command line itself gives)."""


@contextmanager
def refusals() -> Iterator[None]:
    """Print a use-case's refusal and its problems, and leave with the refusal's exit code."""
    try:
        yield
    except ServiceError as error:
        errors.print(error.message, markup=False, highlight=False)
        for problem in error.problems if isinstance(error, Problems) else []:
            errors.print(f"  {problem}", markup=False, highlight=False)
        code = next(code for kind, code in EXIT_CODES.items() if isinstance(error, kind))
        raise typer.Exit(code) from None
