"""Starting the server (issue 17): `thrive serve` says it is ready only once it answers, public pages do not
wait for the calculator, and a calculation asked for while the calculator is still warming gets a 503
"starting up" answer with Retry-After, as a page and in the API, never a hang or a 500."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator

import httpx
import pytest

from tests.web.better_off_journey import answer_everything
from tests.web.conftest import running_app, serve
from thrive.store.database import make_engine
from thrive.store.migrate import upgrade
from thrive.web import better_off

PENSIONERS = {
    "tax_year": "2025-26",
    "adults": [{"age": 72, "pension_per_month": 650}, {"age": 70, "pension_per_month": 600}],
    "tenure": "OWNED_OUTRIGHT",
    "council_tax_per_year": 1500,
}
THRIVE = [sys.executable, "-c", "from thrive.cli.app import main; main()"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_says_ready_only_once_the_site_answers(database_url: str) -> None:
    upgrade(make_engine(database_url))
    port = _free_port()
    env = {**os.environ, "THRIVE_DATABASE_URL": database_url, "COLUMNS": "400"}  # Rich wraps at the width
    server = subprocess.Popen(
        [*THRIVE, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert server.stdout is not None
        lines = []
        for line in server.stdout:
            lines.append(line)
            if line.startswith("Thrive is ready"):
                break
        assert lines[0].startswith("Starting Thrive on 127.0.0.1:"), lines
        assert lines[-1].strip() == f"Thrive is ready at http://127.0.0.1:{port}/", lines
        # The moment it says so, a page answers, without waiting for Better Off's calculator.
        assert httpx.get(f"http://127.0.0.1:{port}/about-the-data", timeout=30).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def cold_calculator(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's calculator as it is before its background warm has finished."""
    monkeypatch.setattr(better_off, "_WARM", threading.Event())
    monkeypatch.setattr(better_off, "_CALCULATOR", [])
    monkeypatch.setattr(better_off, "_STARTED", [True])  # warming, not yet warm
    monkeypatch.setattr(better_off, "WAIT_SECONDS", 0.0)
    yield


def test_a_calculation_before_the_calculator_is_warm_asks_the_resident_to_try_again(
    database_url: str, cold_calculator: None
) -> None:
    with running_app(database_url) as app, serve(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        answers = answer_everything(client)
        page = client.post("/better-off/results", data=answers)
        api = client.post("/api/better-off/check", json=PENSIONERS)
    assert page.status_code == 503 and page.headers["retry-after"] == "5"
    assert "Starting up" in page.text and better_off.STARTING in page.text
    assert api.status_code == 503 and api.headers["retry-after"] == "5"
    assert api.json()["error"]["message"] == better_off.STARTING


def test_a_calculation_waiting_for_the_calculator_does_not_hold_up_other_pages(
    database_url: str, cold_calculator: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(better_off, "WAIT_SECONDS", 20.0)
    with running_app(database_url) as app, serve(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        answers = answer_everything(client)
        outcome: list[int] = []
        waiting = threading.Thread(
            target=lambda: outcome.append(httpx.post(f"{url}/better-off/results", data=answers, timeout=60).status_code)
        )
        waiting.start()
        page = client.get("/about-the-data")
        # The page answered while the calculation was still waiting: the wait is not on the event loop.
        assert page.status_code == 200 and waiting.is_alive()
        waiting.join()
    assert outcome == [503]
