"""What every command shares: the console and the database engine."""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.console import Console
from sqlalchemy import Engine, inspect

from thrive.framework.strict_json import strict_dumps
from thrive.store.database import database_url, make_engine

console = Console()
errors = Console(stderr=True)


def engine() -> Engine:
    """The database every command but `init` works on; it must have been set up."""
    db = make_engine()
    if not inspect(db).has_table("measure"):
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
