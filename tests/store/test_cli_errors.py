"""Finding 7 of the hardening review: the command line names the file it could not use, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _thrive(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from thrive.cli.app import main; main()", *args]
    env = {**os.environ, "THRIVE_DATABASE_URL": url}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)


def test_finding_7_an_unwritable_export_names_the_file_in_one_line(cli_env: str, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "figures.csv"
    result = _thrive("export", str(target), url=cli_env)
    assert result.returncode == 2
    assert result.stderr.strip() == f"thrive: {target}: No such file or directory. Nothing was changed."
    assert "Traceback" not in result.stderr + result.stdout


def test_finding_7_an_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = _thrive("measures", url="postgresql://nobody@127.0.0.1:9/thrive")
    assert result.returncode == 2
    assert result.stderr.startswith("thrive: the database could not be used")
    assert "Traceback" not in result.stderr
