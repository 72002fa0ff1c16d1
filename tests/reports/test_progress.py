"""`thrive report progress` as HTML and XLSX, on SQLite and PostgreSQL: complete, typed, reproducible."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.reports.conftest import enter_draft
from thrive.cli.app import app
from thrive.reports.html import render_html
from thrive.reports.output import ReportFormat, report_bytes
from thrive.reports.progress import progress_report
from thrive.services.assessment_runs import make_run
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.commentary import Section, write_commentary
from thrive.store.database import write_transaction
from thrive.store.observations import PUBLISHED, WORKING

runner = CliRunner()


def _rows(sheet: Worksheet) -> tuple[list[str], list[dict[str, object]]]:
    """The header row (the first with 'Outcome' or 'Band') and the rows under it, as dicts."""
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    start = next(i for i, row in enumerate(values) if row[0] in ("Priority", "Outcome", "Band", "Measure", "Line"))
    header = [str(cell) for cell in values[start]]
    table = [row for row in values[start + 1 :] if sum(c is not None for c in row) > 1]  # notes fill one cell
    rows: list[dict[str, object]] = [dict(zip(header, row, strict=True)) for row in table]
    return header, rows


def test_xlsx_has_a_sheet_per_table_with_numbers_as_numbers_and_units_in_the_headers(engine: Engine) -> None:
    run = make_run(engine, actor="test", view=PUBLISHED)
    report = progress_report(engine, year=2025, run_id=run.id, draft=False, actor="test")
    book = load_workbook(io.BytesIO(report_bytes(report, ReportFormat.XLSX)))
    assert book.sheetnames[:4] == ["Temperature checks", "FQOL bands", "FQOL lines", "Inclusive economy"]
    assert {"Appendix 1 - 2040 measures", "Chart figures", "About this report", "Strong, fair community"} <= set(
        book.sheetnames
    )
    header, rows = _rows(book["Appendix 1 - 2040 measures"])
    assert "Latest result (in the row's unit)" in header and "Unit" in header
    by_series = {row["Series"]: row for row in rows}
    assert len({row["Single measure"] for row in rows}) == 40
    # 003:674 and 003:675: destitution 9.9% in 2023; weekly wages £618.10.
    destitution = next(row for row in rows if row["Single measure"] == "% of households in destitution")
    assert destitution["Latest result (in the row's unit)"] == 9.9
    assert isinstance(destitution["Latest result (in the row's unit)"], float)
    assert destitution["Unit"] == "%"
    assert destitution["2027 milestone (in the row's unit)"] == 7.7
    wages = by_series["Average weekly wages"]
    assert wages["Latest result (in the row's unit)"] == 618.1
    assert wages["National average (in the row's unit)"] == 681.7
    assert wages["2040 target as published"] == "National average - £1157.69"
    bands_header, bands = _rows(book["FQOL bands"])
    assert "Households (number)" in bands_header and "Share of households (%)" in bands_header
    band_e = next(row for row in bands if row["Band"] == "E")
    assert band_e["Households (number)"] == 7814 and band_e["Share of households (%)"] == 9.9  # 003:354
    sheet = book["Appendix 1 - 2040 measures"]
    row = next(r for r in sheet.iter_rows() if r[2].value == "% of households in destitution")
    cell = row[header.index("Latest result (in the row's unit)")]
    assert cell.data_type == "n" and cell.number_format.endswith('"%"')
    assert book.properties.created == run.created_at.replace(tzinfo=None, microsecond=0)
    assert book.properties.modified == book.properties.created


def test_the_same_run_gives_byte_identical_html_and_xlsx(cli_env: str, engine: Engine, tmp_path: Path) -> None:
    run = make_run(engine, actor="test", view=PUBLISHED)
    made: dict[str, list[bytes]] = {"html": [], "xlsx": []}
    for attempt in range(2):
        for fmt, found in made.items():
            path = tmp_path / f"{attempt}.{fmt}"
            result = runner.invoke(
                app, ["report", "progress", "--year", "2025", "--format", fmt, "-o", str(path), "--run", str(run.id)]
            )
            assert result.exit_code == 0, result.output
            assert f"assessment run {run.id}" in result.output
            found.append(path.read_bytes())
    assert made["html"][0] == made["html"][1]
    assert made["xlsx"][0] == made["xlsx"][1]
    html = made["html"][0].decode()
    assert f"assessment run {run.id} of " in html and f"data version {run.data_version}" in html


def test_html_uses_the_website_templates_and_follows_the_published_order(engine: Engine) -> None:
    report = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")
    html = render_html(report)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en" class="govuk-template' in html
    assert "thrive-header__brand" in html and "govuk-table" in html and ".thrive-card" in html  # site CSS inlined
    assert '<script type="module"' not in html
    order = [
        'id="temperature-checks"',
        'id="poverty-bands"',
        'id="priority-economy"',
        'id="priority-health"',
        'id="priority-child-friendly"',
        'id="priority-net-zero"',
        'id="priority-fairness"',
        'id="appendix-1"',
        'id="appendix-2"',
        'id="appendix-3"',
        'id="appendix-4"',
        'id="about"',
    ]
    places = [html.index(anchor) for anchor in order]
    assert places == sorted(places)
    assert html.count("<svg") >= 30 and html.count("<title>") >= 30  # each chart has a text alternative
    assert "No commentary on progress has been published for this priority yet." in html


def test_a_run_made_when_none_exists_is_a_published_view_run(engine: Engine) -> None:
    report = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")
    again = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")
    assert report.run.view == PUBLISHED and again.run.id == report.run.id


def test_published_commentary_appears_under_its_priority_and_drafts_only_in_a_draft(engine: Engine) -> None:
    with write_transaction(engine) as connection:
        change = record_change_set(
            connection, ChangeSet("lead@luton.gov.uk", "Commentary for 2024/25", ChangeKind.PUBLICATION)
        )
        write_commentary(
            connection,
            "weekly-wages",
            "2024/25",
            Section.PROGRESS,
            "Wages rose by 10% in five years.",
            "published",
            change,
        )
        write_commentary(
            connection, "weekly-wages", "2024/25", Section.MORE_WORK, "The Vauxhall closure.", "draft", change
        )
        write_commentary(
            connection, "weekly-wages", "2026/27", Section.PROGRESS, "Too new for 2025.", "published", change
        )
    published = render_html(progress_report(engine, year=2025, run_id=None, draft=False, actor="test"))
    economy = published[published.index('id="priority-economy"') : published.index('id="priority-health"')]
    assert "Wages rose by 10% in five years." in economy
    assert "The Vauxhall closure." not in published and "Too new for 2025." not in published
    assert "No commentary on areas needing more work has been published for this priority yet." in economy
    draft = render_html(progress_report(engine, year=2025, run_id=None, draft=True, actor="test"))
    assert "The Vauxhall closure." in draft


def test_draft_uses_unpublished_figures_and_says_draft(engine: Engine) -> None:
    enter_draft(engine, [{"measure": "destitution", "area": "E06000032", "period": "2024", "value": 8.1}])
    published = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")
    draft = progress_report(engine, year=2025, run_id=None, draft=True, actor="test")
    assert published.run.view == PUBLISHED and draft.run.view == WORKING
    assert "8.1%" not in render_html(published)
    html = render_html(draft)
    assert "8.1%" in html and "<title>DRAFT: Luton 2040 Progress Report 2025" in html
    assert "DRAFT: this report includes figures and commentary that have not been published" in html
    book = load_workbook(io.BytesIO(report_bytes(draft, ReportFormat.XLSX)))
    for sheet in book.worksheets:
        assert str(sheet["A1"].value).startswith("DRAFT")
        assert sheet.oddHeader is not None and sheet.oddHeader.center.text == "DRAFT"


def test_a_working_view_run_needs_draft_and_an_unknown_run_is_refused(
    cli_env: str, engine: Engine, tmp_path: Path
) -> None:
    working = make_run(engine, actor="test", view=WORKING)
    out = tmp_path / "report.html"
    refused = runner.invoke(app, ["report", "progress", "--year", "2025", "-o", str(out), "--run", str(working.id)])
    assert refused.exit_code == 2
    assert "not published yet" in refused.output and "--draft" in refused.output
    missing = runner.invoke(app, ["report", "progress", "--year", "2025", "-o", str(out), "--run", "999"])
    assert missing.exit_code == 2 and "There is no assessment run 999" in missing.output
    early = runner.invoke(app, ["report", "progress", "--year", "1999", "-o", str(out)])
    assert early.exit_code == 2 and "enter a year from 2019 to 2040" in early.output
    draft = runner.invoke(
        app, ["report", "progress", "--year", "2025", "-o", str(out), "--run", str(working.id), "--draft"]
    )
    assert draft.exit_code == 0, draft.output
    assert "DRAFT" in out.read_text(encoding="utf-8")
