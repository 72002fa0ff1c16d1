"""`thrive report performance`: exceptions first, then changes since the previous quarter's run."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.reports.conftest import date_run, flat, pdf_text, save_pages
from thrive.cli.app import app
from thrive.reports.errors import ReportError
from thrive.reports.html import render_html
from thrive.reports.output import ReportFormat, report_bytes, write_report
from thrive.reports.performance import performance_report, quarter
from thrive.services.assessment_runs import make_run
from thrive.store.observations import PUBLISHED

runner = CliRunner()


def _import(tmp_path: Path, rows: str) -> None:
    path = tmp_path / "figures.csv"
    path.write_text("measure,area,period,value\n" + rows, encoding="utf-8")
    result = runner.invoke(app, ["import", str(path), "--reason", "New ASHE figure"])
    assert result.exit_code == 0, result.output


def test_a_measure_that_went_off_track_since_last_quarter_heads_the_report(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    # At the end of 2025Q2 weekly wages were on track (£618.10 in 2023 against a path needing £641.80, 003:675).
    before = make_run(engine, actor="test", view=PUBLISHED)
    date_run(engine, before.id, datetime(2025, 6, 20, 9, 0, tzinfo=UTC))
    assert next(r for r in before.results if r["measure"] == "weekly-wages")["status"] == "on_track"
    # A new 2024 figure of £600 puts it off track.
    _import(tmp_path, "weekly-wages,E06000032,2024,600\n")
    out = tmp_path / "performance.html"
    result = runner.invoke(app, ["report", "performance", "--quarter", "2025Q3", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")

    off_track = html[html.index('id="off-track"') : html.index('id="getting-worse"')]
    first_row = off_track[off_track.index("<tbody") :].split("</tr>")[0]
    assert "Average weekly wages in Luton" in first_row and "New this quarter" in first_row
    assert "Off track: £600 in 2024 against a path that needs" in first_row or "Off track: £600.00 in 2024" in first_row
    # Exceptions come first: every exception list is before the changes.
    assert html.index('id="off-track"') < html.index('id="not-updated"') < html.index('id="changes"')

    changes = html[html.index('id="changes"') : html.index('id="due"')]
    assert f"Compared with assessment run {before.id}" in changes
    economy = changes[changes.index("Inclusive Economy Board") :]
    assert "New figure: £600.00 for 2024 (was £618.10 for 2023)." in economy
    assert "Status: On track to Off track." in economy
    assert "is a proposal, not yet confirmed by the council" in changes


def test_without_an_earlier_run_the_report_says_there_is_nothing_to_compare(engine: Engine) -> None:
    report = performance_report(engine, quarter_label="2025Q3", run_id=None, draft=False, actor="test")
    html = render_html(report)
    assert "No assessment run was made on or before 30 June 2025" in html
    assert report.context["previous"] is None


def test_overdue_figures_follow_the_measure_frequency(engine: Engine) -> None:
    report = performance_report(engine, quarter_label="2025Q3", run_id=None, draft=False, actor="test")
    late = {row.measure.id: row for row in report.context["exceptions"][3].rows}
    # Annual, newest figure for 2023 (ended 31 December 2023): due by 30 June 2025, so overdue by 30 September 2025.
    assert "destitution" in late
    assert "was due by 30 June 2025" in late["destitution"].reason
    # Newest figure for 2024 (ended 31 December 2024): due by 30 June 2026, so not overdue yet.
    assert "retail-satisfaction" not in late
    # Ad hoc measures have no due date.
    assert all(row.measure.frequency != "ad_hoc" for row in late.values())


def test_performance_xlsx_has_a_sheet_per_exception_list(engine: Engine) -> None:
    report = performance_report(engine, quarter_label="2025Q3", run_id=None, draft=False, actor="test")
    book = load_workbook(io.BytesIO(report_bytes(report, ReportFormat.XLSX)))
    assert book.sheetnames[:4] == ["Off track", "Getting worse", "Worse than England", "Data not updated when due"]
    values = [
        row for row in book["Off track"].iter_rows(values_only=True) if row[0] == "% of households in destitution"
    ]
    assert values and values[0][3] == 9.9


def test_a_quarter_must_look_like_2025q3() -> None:
    assert quarter("2025Q3").end.isoformat() == "2025-09-30"
    with pytest.raises(ReportError, match="enter a quarter like 2025Q3"):
        quarter("2025")


def test_performance_pdf_has_the_run_in_every_footer(sqlite_engine: Engine, tmp_path: Path) -> None:
    report = performance_report(sqlite_engine, quarter_label="2025Q3", run_id=None, draft=False, actor="test")
    path = write_report(report, ReportFormat.PDF, tmp_path / "performance-2025Q3.pdf")
    pages = pdf_text(path).split("\f")[:-1]
    assert pages and all(f"assessment run {report.run.id} of " in flat(page) for page in pages)
    assert flat(pages[2]).find("Off track") < flat(pages[2]).find("% of households in destitution")
    save_pages(path, "performance-2025Q3")
