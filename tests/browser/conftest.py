"""Browser tests: the real `thrive serve` on a throwaway SQLite database, driven by Debian's Chromium.

The server runs as a subprocess, exactly as an officer would start it, so these tests cover the
command line, the ASGI app, the templates and the built assets together. Screenshots go to
THRIVE_SCREENSHOTS (artifacts/screenshots by default) so a reviewer can look at every page.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Generator, Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.browser.support import Account, Accounts, screenshot

CHROMIUM = Path(os.environ.get("THRIVE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
STARTUP_SECONDS = 120.0
THRIVE = [sys.executable, "-c", "from thrive.cli.app import main; main()"]
"""The `thrive` console script, run with this interpreter so it needs no PATH or installed script."""


ACCOUNTS = Accounts(
    admin=Account("admin@luton.gov.uk", "admin-password-for-tests", "admin"),
    editor=Account("editor@luton.gov.uk", "editor-password-for-tests", "editor", "inclusive-economy-board"),
    viewer=Account("viewer@luton.gov.uk", "viewer-password-for-tests", "viewer"),
)
"""The editor works for the inclusive economy board, which owns weekly-wages (measures.yaml `groups`)."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark everything under tests/browser `browser`, so `-m browser` or `-m 'not browser'` selects them."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_configure(config: pytest.Config) -> None:
    # Registered here because the suite runs with --strict-markers and pyproject.toml is shared.
    config.addinivalue_line("markers", "browser: drives the real site in Chromium (tests/browser)")


# ---------------------------------------------------------------- the live server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def run_thrive(env: dict[str, str], *args: str, stdin: str | None = None) -> None:
    """Run one `thrive` command against the test database, failing with its output if it fails."""
    done = subprocess.run(
        [*THRIVE, *args], env=env, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"thrive {' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


def _wait_until_answering(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Poll until the home page answers; fail fast, with the server's output, if it exits."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"thrive serve exited with {server.returncode}:\n{log.read_text(errors='replace')}")
        try:
            if httpx.get(url, timeout=30).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.25)
    raise RuntimeError(
        f"thrive serve did not answer within {STARTUP_SECONDS:.0f} s:\n{log.read_text(errors='replace')}"
    )


@pytest.fixture(scope="session")
def accounts() -> Accounts:
    """Emails and passwords of the admin, editor and viewer created on the live server's database."""
    return ACCOUNTS


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL (no trailing slash) of `thrive serve` on a fresh database with the Road Map loaded."""
    folder = tmp_path_factory.mktemp("live-server")
    env = server_environment(folder)
    run_thrive(env, "init")
    for account in ACCOUNTS.all():
        group = ["--group", account.group] if account.group else []
        run_thrive(
            env,
            "user",
            "add",
            account.email,
            "--role",
            account.role,
            *group,
            "--password-stdin",
            stdin=account.password,
        )
    yield from serve_thrive(folder, env)


def server_environment(folder: Path) -> dict[str, str]:
    """The environment for `thrive` commands and a server on a fresh SQLite database in `folder`."""
    return {
        **os.environ,
        "THRIVE_DATABASE_URL": f"sqlite:///{folder / 'thrive.db'}",
        "THRIVE_ACTOR": "browser-tests@luton.gov.uk",
    }


def serve_thrive(folder: Path, env: dict[str, str]) -> Iterator[str]:
    """Run `thrive serve` on a free port until the caller is done, yielding its base URL; its output goes
    to `folder/server.log`, shown if it fails to start."""
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = folder / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*THRIVE, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_answering(base_url + "/", server, log)
        yield base_url
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the session: launching it costs far more than a new context per test."""
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make system-deps` (never `playwright install`).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _context(browser: Browser, base_url: str, *, javascript: bool) -> BrowserContext:
    return browser.new_context(
        base_url=base_url,
        java_script_enabled=javascript,
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
        locale="en-GB",
    )


_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Remember whether a test failed, so its page fixture can keep a screenshot of the failure."""
    report = yield
    if report.when == "call" and report.failed:
        item.stash[_FAILED] = True
    return report


def open_page(browser: Browser, base_url: str, request: pytest.FixtureRequest, *, javascript: bool) -> Iterator[Page]:
    context = _context(browser, base_url, javascript=javascript)
    page = context.new_page()
    try:
        yield page
        if request.node.stash.get(_FAILED, False):
            screenshot(page, f"FAILED-{request.node.name}")
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser, live_server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser context (no cookies, no storage) for each test, with relative URLs on the live server."""
    yield from open_page(browser, live_server, request, javascript=True)


@pytest.fixture
def page_without_javascript(browser: Browser, live_server: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """As `page`, with JavaScript switched off: the site must work without it."""
    yield from open_page(browser, live_server, request, javascript=False)
