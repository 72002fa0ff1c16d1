"""Downloads as files on disk, made once per published version and shared by every worker.

A full download of every area's figures runs to 150 MB at a million figures and takes about 20 s to
make. Kept in each worker's memory it was made once per worker, held twice over and lost on every
restart; as a file it is made once, by whichever worker is asked first (the others wait on its lock
and then read it), and sent from disk as a static file: with its ETag, a 304 for a client that holds
it, HEAD, and ranges so a broken download can resume.

A version's files live in a folder named after its ETag; when a newer version's first file is made,
folders older than the one before it are swept away (a request still reading the previous version
keeps its file). `THRIVE_DOWNLOADS_DIR` chooses the place; by default it is the user's cache folder,
one sub-folder per database, so two databases on one machine never share a file.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs

KEPT_VERSIONS = 2
"""The current version's folder and the one before it, which a download begun before a publication
may still be reading."""

_GUARD = threading.Lock()
_IN_PROCESS: dict[Path, threading.Lock] = {}
"""One lock per file being made: flock is held per open file, so a worker's threads also queue here;
a file being made never holds up another (a measure's CSV waits for no one's full download)."""


def downloads_folder(database_url: str) -> Path:
    """Where this database's downloads are kept (THRIVE_DOWNLOADS_DIR, or the user's cache folder)."""
    chosen = os.environ.get("THRIVE_DOWNLOADS_DIR")
    root = Path(chosen) if chosen else Path(platformdirs.user_cache_dir("thrive", appauthor=False)) / "downloads"
    return root / hashlib.sha256(database_url.encode()).hexdigest()[:16]


def download_file(folder: Path, etag: str, filename: str, make: Callable[[], bytes]) -> Path:
    """The file for this version, made now if no worker has made it yet.

    It is written to a temporary file and renamed into place, so a reader never sees half a file and
    a failed build leaves nothing behind."""
    version = folder / etag.strip('"')
    path = version / filename
    if path.exists():
        return path
    version.mkdir(parents=True, exist_ok=True)
    with _exclusive(version / f".{filename}.lock"):
        if path.exists():
            return path
        handle, temporary = tempfile.mkstemp(dir=version, prefix=".making-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(make())
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)
        _sweep(folder, keep=version)
    return path


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    with _GUARD:
        threads = _IN_PROCESS.setdefault(lock, threading.Lock())
    with threads, lock.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)


def _sweep(folder: Path, keep: Path) -> None:
    """Remove versions older than the newest KEPT_VERSIONS (by when each was made), never `keep`."""
    versions = sorted((p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [v for v in versions if v != keep][KEPT_VERSIONS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
        with _GUARD:
            for lock in [k for k in _IN_PROCESS if k.parent == old]:
                del _IN_PROCESS[lock]
