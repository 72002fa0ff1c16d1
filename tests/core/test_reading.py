"""Gzipped CSV files read exactly as their plain text does, and workbooks too, each within a bound on
what they unpack to."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from thrive.data import reading
from thrive.data.problems import ProblemsError
from thrive.data.reading import read_table
from thrive.datasets import OPEN_DATA

SHIPPED = OPEN_DATA / "ons_explore_local_statistics" / "claimant_count_pct_16_64.csv.gz"


def test_a_shipped_csv_gz_reads_the_same_as_its_plain_csv(tmp_path: Path) -> None:
    plain = tmp_path / "claimant_count_pct_16_64.csv"
    plain.write_bytes(gzip.decompress(SHIPPED.read_bytes()))

    compressed = read_table(SHIPPED)

    pd.testing.assert_frame_equal(compressed, read_table(plain))
    assert len(compressed) == 8175  # the file's README: 8,175 rows of English areas
    assert compressed["areacd"].str.startswith("E").all()  # English areas only: no K0 (UK, GB) rows


def test_a_gzipped_csv_with_blank_lines_and_a_bom_keeps_its_row_numbers(tmp_path: Path) -> None:
    # The exact reader (blank lines kept, so problems name the spreadsheet's row) runs on unpacked text too.
    text = "\ufeffarea,value\nE06000032,1\n\nE92000001,2\n\n"
    plain = tmp_path / "figures.csv"
    plain.write_text(text, encoding="utf-8")
    packed = tmp_path / "figures.csv.gz"
    packed.write_bytes(gzip.compress(text.encode("utf-8")))

    pd.testing.assert_frame_equal(read_table(packed), read_table(plain))
    assert read_table(packed)["area"].tolist() == ["E06000032", "", "E92000001"]


def test_a_gzipped_file_that_unpacks_past_the_bound_is_refused_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reading.MAX_UNPACKED_BYTES == 200 * 1024 * 1024
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 1024 * 1024)  # 1 MB, so the test need not unpack 200
    bomb = tmp_path / "bomb.csv.gz"
    bomb.write_bytes(gzip.compress(b"area,value\n" + b"E06000032,1\n" * 100_000))  # 1.2 MB of text in 3 KB

    with pytest.raises(ProblemsError) as refused:
        read_table(bomb)

    (problem,) = refused.value.problems
    assert problem.file == "bomb.csv.gz"
    assert "unpacks to more than 1 MB" in problem.message


def test_a_file_named_gz_that_is_not_gzip_is_refused_naming_the_file(tmp_path: Path) -> None:
    fake = tmp_path / "figures.csv.gz"
    fake.write_text("area,value\nE06000032,1\n", encoding="utf-8")

    with pytest.raises(ProblemsError) as refused:
        read_table(fake)

    (problem,) = refused.value.problems
    assert problem.file == "figures.csv.gz"
    assert "not a readable gzip file" in problem.message


def _workbook_with_sheet(path: Path, sheet_xml: bytes) -> Path:
    """A real workbook (made by openpyxl) with its first sheet's XML replaced."""
    book = openpyxl.Workbook()
    book.worksheets[0]["A1"] = "measure"
    made = path.with_suffix(".made.xlsx")
    book.save(made)
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = sheet_xml if member.filename == "xl/worksheets/sheet1.xml" else source.read(member)
            target.writestr(member.filename, data)
    return path


SHEET = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_finding_2_a_workbook_that_unpacks_past_the_bound_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    # 110 MB of spaces inside the sheet's XML packs to about 100 KB: a zip bomb.
    bomb = SHEET + b" " * (110 * 1024 * 1024) + b"<sheetData/></worksheet>"
    path = _workbook_with_sheet(tmp_path / "bomb.xlsx", bomb)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(ProblemsError) as refused:
        read_table(path)
    [problem] = refused.value.problems
    assert problem.file == "bomb.xlsx"
    assert "unpacks to 110 MB, more than the 100 MB Thrive reads" in problem.message


def test_finding_2_a_sheet_of_more_cells_than_the_bound_is_refused_naming_the_row(tmp_path: Path) -> None:
    # 100,000 rows that each use column Z: 2.6 million cells, counting the empty ones, in 3 MB of XML.
    rows = b"".join(b'<row r="%d"><c r="Z%d"><v>1</v></c></row>' % (n, n) for n in range(1, 100_001))
    xml = SHEET + b'<dimension ref="A1:Z100000"/><sheetData>' + rows + b"</sheetData></worksheet>"
    path = _workbook_with_sheet(tmp_path / "wide.xlsx", xml)
    with pytest.raises(ProblemsError) as refused:
        read_table(path)
    [problem] = refused.value.problems
    assert problem.file == "wide.xlsx"
    assert problem.row == reading.MAX_WORKBOOK_CELLS // 26 + 1
    assert "more than 2,000,000 cells" in problem.message
