"""Reports as XLSX with openpyxl: one sheet per table, numbers as numbers, units in the headers.

The workbook is the same bytes every time it is made from the same run: its created and
modified dates are the run's, and every part of the zip carries the run's date too.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from thrive.data.safe_cells import neutralise
from thrive.reports.tables import DataTable, Kind
from thrive.reports.units import UNIT_NAMES, number_format

BOLD = Font(bold=True)
DRAFT_FONT = Font(bold=True, color="D4351C", size=14)
WRAP = Alignment(wrap_text=True, vertical="top")


def workbook_bytes(tables: list[DataTable], *, title: str, made: datetime, footer: str, draft: bool = False) -> bytes:
    """The tables as an XLSX file; `made` (the run's date) stamps the workbook, `footer` every printed page."""
    book = Workbook()
    default = book.active
    if default is not None:
        book.remove(default)
    for table in tables:
        _sheet(book.create_sheet(table.sheet), table, footer=footer, draft=draft)
    stamp = made.replace(tzinfo=None, microsecond=0)
    book.properties.title = title
    book.properties.creator = "Thrive"
    book.properties.lastModifiedBy = "Thrive"
    book.properties.language = "en-GB"
    book.properties.created = stamp
    book.properties.modified = stamp
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _restamp(raw.getvalue(), stamp)


def _sheet(sheet: Worksheet, table: DataTable, *, footer: str, draft: bool) -> None:
    row = 1
    if draft:
        sheet.cell(row, 1, "DRAFT: includes figures and commentary not yet published").font = DRAFT_FONT
        row += 1
    sheet.cell(row, 1, table.title).font = Font(bold=True, size=14)
    row += 2
    header_row = row
    for index, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row, index, column.header)
        cell.font = BOLD
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    unit_at = table.unit_index
    for values in table.rows:
        row += 1
        row_unit = values[unit_at] if unit_at is not None else None
        for index, (column, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            cell = sheet.cell(row, index, neutralise(value))
            if isinstance(value, int | float) and not isinstance(value, bool):
                unit = column.unit if column.kind is Kind.NUMBER else _unit_code(row_unit)
                cell.number_format = number_format(unit)
            elif isinstance(value, str) and len(value) > column.width:
                cell.alignment = WRAP
    for note in table.notes:
        row += 2
        sheet.cell(row, 1, neutralise(note))
    sheet.freeze_panes = f"A{header_row + 1}"
    last_column = get_column_letter(len(table.columns))
    sheet.auto_filter.ref = f"A{header_row}:{last_column}{header_row + max(len(table.rows), 1)}"
    footer_item, header_item = sheet.oddFooter, sheet.oddHeader
    if footer_item is not None:
        footer_item.left.text = footer
        footer_item.right.text = "Page &P of &N"
    if draft and header_item is not None:
        header_item.center.text = "DRAFT"


def _unit_code(value: object) -> str | None:
    """The unit code behind a row's Unit cell ('%' back to 'percent'), for its number format."""
    if not isinstance(value, str):
        return None
    return next((code for code, name in UNIT_NAMES.items() if name == value), value)


def _restamp(data: bytes, stamp: datetime) -> bytes:
    """Rewrite the zip with every entry dated `stamp`, so the bytes do not depend on the clock."""
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
