"""Read a CSV or XLSX file into a table of text cells, refusing files that are not tables.

Everything stays text here; validation decides what each cell means, so it can say which
cell was wrong and why. A CSV or JSON file may come gzipped (`.csv.gz`), as the open data
Thrive ships does; it is unpacked in memory, up to a bound.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from pyarrow.lib import ArrowInvalid

from thrive.data.problems import Problem, ProblemsError

FIRST_DATA_ROW = 2
"""Rows are numbered as a spreadsheet shows them: the header is row 1."""

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""The most a gzipped file may unpack to (200 MB): far above any table Thrive reads, and a
refusal, not an exhausted memory, for a file built to expand without end."""

MAX_WORKBOOK_BYTES = 100 * 1024 * 1024
"""The most an XLSX workbook's parts may unpack to (100 MB), checked before openpyxl opens it: a
workbook is a zip file, and a small one can be built to unpack to gigabytes."""

MAX_WORKBOOK_CELLS = 2_000_000
"""The most cells Thrive reads from a workbook's first sheet, counted as they are read: a sheet can
declare a million rows of empty cells in a few bytes."""

_PANDAS_BAD_LINE = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def read_table(path: Path) -> pd.DataFrame:
    name = path.name
    if not path.is_file():
        raise ProblemsError([Problem(name, None, None, "the file does not exist. Check the path and try again.")])
    suffix = Path(name[: -len(".gz")]).suffix.lower() if _gzipped(path) else path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        if _gzipped(path):
            message = "an XLSX workbook is compressed already. Upload it without gzip."
            raise ProblemsError([Problem(name, None, None, message)])
        frame = _read_xlsx(path)
    elif suffix == ".json":
        frame = _read_json(path)
    else:
        frame = _read_csv(path)
    if frame.empty:
        raise ProblemsError(
            [Problem(name, 2, None, "the file has a header row but no data rows. Add at least one row.")]
        )
    return frame


def _gzipped(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _file_bytes(path: Path) -> bytes:
    """The file's bytes, unpacked if it is gzipped; more than MAX_UNPACKED_BYTES is refused."""
    if not _gzipped(path):
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as stream:
            data = stream.read(MAX_UNPACKED_BYTES + 1)
    except (OSError, EOFError, zlib.error) as error:
        message = f"the file is not a readable gzip file ({error}). Unpack it, or export it again."
        raise ProblemsError([Problem(path.name, None, None, message)]) from None
    if len(data) > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // (1024 * 1024)
        message = f"the file unpacks to more than {limit} MB, more than Thrive reads. Split it into smaller files."
        raise ProblemsError([Problem(path.name, None, None, message)])
    return data


def _decode(path: Path) -> bytes:
    """The file's bytes, once they are known to be UTF-8 text."""
    data = _file_bytes(path)
    if not data.strip():
        raise ProblemsError([Problem(path.name, 1, None, "the file is empty. Row 1 should be the header.")])
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"the file is not UTF-8 text (byte {error.start + 1} cannot be read). Save it as 'CSV UTF-8' and try again."
        )
        raise ProblemsError([Problem(path.name, line, _column_at(data, error.start), message)]) from None
    return data.removeprefix(b"\xef\xbb\xbf")


def _column_at(data: bytes, offset: int) -> str | None:
    """The header name above a byte, when the header itself is readable text."""
    try:
        header = data[: data.index(b"\n")].decode("utf-8-sig").rstrip("\r").split(",")
    except (ValueError, UnicodeDecodeError):
        return None
    line_start = data.rfind(b"\n", 0, offset) + 1
    index = data[line_start:offset].count(b",")
    return header[index].strip() if index < len(header) else None


def _read_csv(path: Path) -> pd.DataFrame:
    data = _decode(path)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise ProblemsError(
            [Problem(path.name, line, None, "the file holds binary data, not CSV text. Export it again as CSV.")]
        )
    frame = _parse_fast(data) if b"\n\n" not in data and b"\n\r\n" not in data else None
    if frame is None:
        frame = _parse_exact(data, path.name)
    frame.columns = [str(c).strip() for c in frame.columns]
    blank = (frame == "").all(axis=1).to_numpy()
    keep = len(blank) - int(blank[::-1].argmin()) if not blank.all() else 0
    return frame.iloc[:keep]


def _parse_fast(data: bytes) -> pd.DataFrame | None:
    """Arrow's multi-threaded reader; it skips blank lines, so it is used only on files without them.

    Any parse error falls back to the exact reader, which names the offending line.
    """
    try:
        return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, engine="pyarrow")
    except (ValueError, pd.errors.ParserError, ArrowInvalid):
        return None


def _parse_exact(data: bytes, name: str) -> pd.DataFrame:
    """The C reader, which keeps blank lines (so row numbers match the file) and reports bad lines."""
    try:
        return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=False)
    except pd.errors.EmptyDataError:
        raise ProblemsError([Problem(name, 1, None, "the file is empty. Row 1 should be the header.")]) from None
    except pd.errors.ParserError as error:
        match = _PANDAS_BAD_LINE.search(str(error))
        if match:
            expected, line, saw = (int(g) for g in match.groups())
            message = f"this row has {saw} cells but the header has {expected}. Check for a stray comma or quote."
            raise ProblemsError([Problem(name, line, None, message)]) from None
        raise ProblemsError([Problem(name, None, None, f"the file is not a readable CSV table ({error}).")]) from None


def _without_trailing_blank_rows(rows: list[list[str]]) -> list[list[str]]:
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        text = str(value.isoformat())
        return text[:10] if getattr(value, "hour", 0) == 0 else text
    return str(value)


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts would unpack past MAX_WORKBOOK_BYTES. The sizes a zip declares
    bound what Python's zipfile will unpack, so the declared total is a true ceiling."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # openpyxl names the fault next
    if unpacked > MAX_WORKBOOK_BYTES:
        limit = MAX_WORKBOOK_BYTES // (1024 * 1024)
        message = (
            f"the workbook unpacks to {unpacked / 1024**2:,.0f} MB, more than the {limit} MB Thrive reads. "
            "Save the figures as CSV, or split them into smaller workbooks."
        )
        raise ProblemsError([Problem(path.name, None, None, message)])


def _sheet_rows(sheet: Any, name: str) -> list[list[str]]:
    """The sheet's rows as text, stopping with a problem past MAX_WORKBOOK_CELLS."""
    rows: list[list[str]] = []
    cells = 0
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
        if cells > MAX_WORKBOOK_CELLS:
            message = (
                f"the first sheet has more than {MAX_WORKBOOK_CELLS:,} cells (counting empty ones up to its last "
                "used column), more than Thrive reads. Delete unused rows and columns, or save the figures as CSV."
            )
            raise ProblemsError([Problem(name, len(rows) + 1, None, message)])
        rows.append([_cell_text(v) for v in row])
    return rows


def _read_xlsx(path: Path) -> pd.DataFrame:
    _check_unpacked_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise ProblemsError(
            [Problem(path.name, None, None, f"the file is not a readable XLSX workbook ({error}).")]
        ) from None
    except Exception as error:  # zipfile and XML errors from a corrupt workbook
        raise ProblemsError(
            [Problem(path.name, None, None, f"the file is not a readable XLSX workbook ({type(error).__name__}).")]
        ) from None
    try:
        rows = _sheet_rows(workbook.worksheets[0], path.name)
    finally:
        workbook.close()
    rows = _without_trailing_blank_rows(rows)
    if not rows:
        raise ProblemsError([Problem(path.name, None, None, "the first sheet is empty. Put the header in row 1.")])
    header = [c.strip() for c in rows[0]]
    while header and not header[-1]:
        header.pop()
    body = [row[: len(header)] + [""] * (len(header) - len(row)) for row in rows[1:]]
    return pd.DataFrame(body, columns=header, dtype=str)


def _read_json(path: Path) -> pd.DataFrame:
    """The JSON export: `{"observations": [{column: value, ...}, ...]}`."""
    try:
        document = json.loads(_decode(path).decode("utf-8"))
    except json.JSONDecodeError as error:
        raise ProblemsError(
            [Problem(path.name, error.lineno, None, f"the file is not valid JSON ({error.msg}).")]
        ) from None
    records = document.get("observations") if isinstance(document, dict) else document
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise ProblemsError([Problem(path.name, None, None, "expected a list of observations under 'observations'.")])
    columns = list(dict.fromkeys(key for record in records for key in record))
    body = [[_json_text(record.get(c)) for c in columns] for record in records]
    return pd.DataFrame(body, columns=columns, dtype=str)


def _json_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return repr(value) if isinstance(value, float) else str(value)
