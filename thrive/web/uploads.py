"""Uploaded files of figures: where they wait between preview and confirm, and where they are read.

A file is read in a worker process, never in the server: a slow or hostile workbook costs that
process its time and memory (both capped), while the server goes on answering everyone else. The
file waits in a folder of its own until the officer confirms the preview; every other path (a
problem, a refusal, an error) deletes it at once, and a sweep removes any left by a preview never
confirmed once it is older than KEPT.
"""

from __future__ import annotations

import re
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as WorkerTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from thrive.data.problems import Problem, ProblemsError
from thrive.data.reading import read_table

FOLDER = Path(tempfile.gettempdir()) / "thrive-uploads"
KEPT = 60 * 60
"""Seconds an unconfirmed preview's file is kept: long enough to read the preview and confirm."""

READ_SECONDS = 120
"""The longest a worker may take to read one file before it is stopped."""

WORKER_MEMORY = 3 * 1024**3
"""The address space a worker may use (3 GiB): a file that needs more is refused, not the server."""

ACCEPTED = (".csv", ".xlsx", ".xlsm", ".json", ".csv.gz", ".json.gz")
_SAFE = re.compile(r"[^A-Za-z0-9 ._()-]")
MAX_NAME = 100


class UploadNameError(ValueError):
    """The file's name cannot be kept: the message says what to do."""


def safe_name(given: str) -> str:
    """The name a file is kept and reported under: the last part of what the browser sent, in safe
    characters and at most MAX_NAME long, ending in one of the accepted kinds."""
    name = _SAFE.sub("_", given.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    kind = next((k for k in ACCEPTED if name.lower().endswith(k)), None)
    if kind is None:
        raise UploadNameError("Choose a CSV or XLSX file: its name should end .csv or .xlsx")
    stem = name[: -len(kind)].strip(" .") or "upload"
    return stem[: MAX_NAME - len(kind)] + name[-len(kind) :]


@contextmanager
def waiting_file(name: str) -> Iterator[Path]:
    """A new folder for one upload, and the path its file is written to. If anything goes wrong
    before the caller hands the file on (`keep`), the folder is deleted."""
    sweep()
    FOLDER.mkdir(mode=0o700, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=FOLDER))
    try:
        yield folder / name
    except BaseException:
        discard(folder / name)
        raise


def discard(path: Path) -> None:
    shutil.rmtree(path.parent, ignore_errors=True)


def waiting(token: str) -> Path | None:
    """The file a preview's hidden `upload` field names, if it is still waiting (and inside FOLDER)."""
    path = (FOLDER / token).resolve()
    inside = FOLDER.resolve() in path.parents and path.parent.parent == FOLDER.resolve()
    return path if inside and path.is_file() else None


def token_for(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def sweep(now: float | None = None) -> int:
    """Delete upload folders older than KEPT; how many went."""
    if not FOLDER.is_dir():
        return 0
    cutoff = (now or time.time()) - KEPT
    gone = 0
    for folder in FOLDER.glob("upload-*"):
        try:
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                gone += 1
        except FileNotFoundError:
            continue
    return gone


class TableReader:
    """One worker process that reads uploaded tables; a worker that overruns is stopped and replaced.

    One per server process (TABLES), however many applications it serves, started at the first upload."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _worker(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"), initializer=_capped)
            return self._pool

    def read(self, path: Path) -> pd.DataFrame:
        pool = self._worker()
        future = pool.submit(read_table, path)
        try:
            return future.result(timeout=READ_SECONDS)
        except WorkerTimeout:
            self._stop(pool)
            message = f"the file took longer than {READ_SECONDS} seconds to read. Split it into smaller files."
            raise ProblemsError([Problem(path.name, None, None, message)]) from None
        except (MemoryError, BrokenProcessPool):
            self._stop(pool)
            message = "the file needs more memory to read than Thrive allows. Split it into smaller files."
            raise ProblemsError([Problem(path.name, None, None, message)]) from None

    def _stop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
            pool.shutdown(wait=False, cancel_futures=True)
            if self._pool is pool:
                self._pool = None

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


def _capped() -> None:
    """In the worker: cap its address space, so a file built to exhaust memory fails there."""
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))


TABLES = TableReader()
