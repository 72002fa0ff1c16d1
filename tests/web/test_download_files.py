"""Downloads made once per published version, as files every worker shares (issue 15, finding 11):
made by one worker however many ask together, never left half-written, swept when two versions old,
and sent as static files: ETag and 304, HEAD, and a range so a broken download can resume."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import Tokens
from tests.web.helpers import LUTON
from tests.web.test_safe_downloads import _publish
from thrive.web.download_files import download_file, downloads_folder

ALL = "/downloads/observations.csv"


def test_a_download_is_made_once_however_many_workers_ask_together(tmp_path: Path) -> None:
    made: list[int] = []

    def make() -> bytes:
        made.append(1)
        return b"measure,area\n"

    paths: list[Path] = []
    askers = [
        threading.Thread(target=lambda: paths.append(download_file(tmp_path, '"v1"', "all.csv", make)))
        for _ in range(8)
    ]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    assert len(made) == 1 and len(set(paths)) == 1 and paths[0].read_bytes() == b"measure,area\n"


def test_a_failed_build_leaves_no_file_behind(tmp_path: Path) -> None:
    def broken() -> bytes:
        raise RuntimeError("the export failed")

    with pytest.raises(RuntimeError):
        download_file(tmp_path, '"v1"', "all.csv", broken)
    assert not [p.name for p in (tmp_path / "v1").iterdir() if not p.name.endswith(".lock")]
    assert download_file(tmp_path, '"v1"', "all.csv", lambda: b"ok").read_bytes() == b"ok"


def test_a_download_being_made_holds_up_no_other_download(tmp_path: Path) -> None:
    started, release = threading.Event(), threading.Event()

    def slow() -> bytes:
        started.set()
        release.wait(30)
        return b"every figure"

    maker = threading.Thread(target=lambda: download_file(tmp_path, '"v1"', "all.csv", slow))
    maker.start()
    assert started.wait(30)
    try:
        # Made while the full download is still being made, by another thread of the same worker.
        assert download_file(tmp_path, '"v1"', "one-measure.csv", lambda: b"one").read_bytes() == b"one"
    finally:
        release.set()
        maker.join()
    assert (tmp_path / "v1" / "all.csv").read_bytes() == b"every figure"


def test_versions_older_than_the_one_before_are_swept(tmp_path: Path) -> None:
    for version in ("v1", "v2", "v3"):
        download_file(tmp_path, f'"{version}"', "all.csv", lambda: b"x")
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["v2", "v3"]


def test_each_database_has_a_folder_of_its_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THRIVE_DOWNLOADS_DIR", str(tmp_path))
    first, second = downloads_folder("sqlite:///a/thrive.db"), downloads_folder("sqlite:///b/thrive.db")
    assert first.parent == second.parent == tmp_path and first != second


def test_the_full_download_is_sent_as_a_file_with_head_ranges_and_304s(client: httpx.Client) -> None:
    whole = client.get(ALL)
    assert whole.status_code == 200 and whole.content.startswith(b"measure,series,area,period")
    etag = whole.headers["etag"]
    head = client.head(ALL)
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) == len(whole.content)
    part = client.get(ALL, headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == whole.content[100:200]
    assert client.get(ALL, headers={"If-None-Match": etag}).status_code == 304


def test_a_publication_makes_a_new_file_and_a_new_etag(client: httpx.Client, tokens: Tokens) -> None:
    before = client.get(ALL)
    _publish(client, tokens, {"area": LUTON, "period": "2024", "value": 640.2, "source": "ONS ASHE 2024"})
    after = client.get(ALL)
    assert after.headers["etag"] != before.headers["etag"]
    assert b"weekly-wages,weekly-wages,E06000032,2024," in after.content
    assert b"weekly-wages,weekly-wages,E06000032,2024," not in before.content
