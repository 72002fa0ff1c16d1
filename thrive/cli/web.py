"""`thrive serve` and `thrive user add|token`: run the site and manage officers' accounts."""

from __future__ import annotations

import sys
import threading
import time

import httpx
import typer
import uvicorn

from thrive.cli.context import console, engine, errors
from thrive.framework.access import Role
from thrive.services.accounts import UserError, create_account, issue_api_token, unlock_account
from thrive.store.changes import default_actor
from thrive.store.database import database_url

users = typer.Typer(help="Officers' accounts.", no_args_is_help=True)


READY_POLL_SECONDS = 0.2
HEALTHCHECK_SECONDS = 120
"""How long uvicorn's supervisor waits for a worker to answer its ping before killing it as hung.
Its default, 5 s, killed a worker reading a million published figures into its first snapshot (the
read holds the interpreter for tens of seconds), so every restart began the read again."""


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (use one per core for a shared deployment)."),
) -> None:
    """Serve the public site, the officer workspace and the API."""
    engine()  # refuse to start on a database that has not been set up
    console.print(f"Starting Thrive on {host}:{port} (database {database_url().split('@')[-1]})")
    address = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    threading.Thread(target=_say_when_ready, args=(address, f"http://{host}:{port}/"), daemon=True).start()
    uvicorn.run(
        "thrive.web.main:app",
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        timeout_worker_healthcheck=HEALTHCHECK_SECONDS,
    )


def _say_when_ready(address: str, shown: str) -> None:
    """Print "ready" only once the site answers a request, not when the process starts: loading can take
    seconds, and an officer told a page is there should find it there."""
    while True:
        try:
            httpx.head(address, timeout=READY_POLL_SECONDS)
        except httpx.HTTPError:
            time.sleep(READY_POLL_SECONDS)
            continue
        console.print(f"Thrive is ready at {shown}")
        return


@users.command("add")
def user_add(
    email: str = typer.Argument(..., help="The officer's email address; it is their sign-in name."),
    role: Role = typer.Option(..., "--role", help="admin, editor (a partnership group editor) or viewer."),
    group: str = typer.Option(None, "--group", help="The partnership group an editor works for."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
) -> None:
    """Create an officer's account. The password is asked for, never passed on the command line."""
    password = (
        sys.stdin.readline().rstrip("\n")
        if password_stdin
        else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    )
    try:
        user = create_account(engine(), email, password, role, group)
    except UserError as error:
        errors.print(str(error))
        raise typer.Exit(2) from None
    console.print(f"Created {user.email} ({user.role.value}{', ' + user.group_code if user.group_code else ''}).")


@users.command("unlock")
def user_unlock(email: str = typer.Argument(..., help="The officer's email address.")) -> None:
    """Let an officer sign in again now, after repeated wrong passwords made sign-in wait."""
    try:
        unlock_account(engine(), email, by=default_actor())
    except UserError as error:
        errors.print(str(error))
        raise typer.Exit(2) from None
    console.print(f"{email.strip().lower()} can sign in again now.")


@users.command("token")
def user_token(
    email: str = typer.Argument(..., help="Whose token."),
    name: str = typer.Option("API token", "--name", help="What the token is for."),
) -> None:
    """Issue a personal API token for writing through the API. It is shown once."""
    token = issue_api_token(engine(), email, name)
    if token is None:
        errors.print(f"There is no account for {email}.")
        raise typer.Exit(2)
    console.print(token)
