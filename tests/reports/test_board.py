"""`thrive report board GROUP`: a group's outcomes, reasons, commentary and the data issues it should act on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.reports.conftest import enter_draft, flat, pdf_text, save_pages
from thrive.cli.app import app
from thrive.reports.board import board_report
from thrive.reports.html import render_html
from thrive.reports.output import ReportFormat, write_report
from thrive.store.changes import ChangeKind, ChangeSet, record_change_set
from thrive.store.commentary import Section, write_commentary
from thrive.store.database import write_transaction

runner = CliRunner()


def test_board_report_lists_its_outcomes_and_the_data_issues_to_act_on(engine: Engine) -> None:
    with write_transaction(engine) as connection:
        change = record_change_set(connection, ChangeSet("lead@luton.gov.uk", "Commentary", ChangeKind.PUBLICATION))
        text = "Footfall counters are being replaced."
        write_commentary(connection, "town-centre-footfall", "2024/25", Section.MORE_WORK, text, "published", change)
    html = render_html(board_report(engine, group="place-board", run_id=None, draft=False, actor="test"))
    assert "Place Board: board report" in html
    assert "is a proposal for the council to confirm" in html
    for outcome in ("The town centre meets the needs of residents and attracts visitors", "A clean and tidy town"):
        assert outcome in html
    assert "Healthy life expectancy" not in html  # another group's outcome
    issues = html[html.index('id="data-issues"') : html.index('id="each-measure"')]
    assert "No data" in issues and "No figure for Luton has been recorded" in issues  # developments
    assert "Target not set" in issues and "Awaiting new dataset" in issues  # town centre footfall (003:678)
    assert "Not assessable" in issues
    assert "Not updated when due" in issues
    assert "Footfall counters are being replaced." in html
    assert "Notes on the figures" in html


def test_an_unknown_group_lists_the_groups_there_are(cli_env: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "board", "no-such-board", "-o", str(tmp_path / "b.html")])
    assert result.exit_code == 2
    assert "There is no partnership group 'no-such-board'" in result.output
    assert "inclusive-economy-board" in result.output
    xlsx = runner.invoke(app, ["report", "board", "place-board", "--format", "xlsx", "-o", str(tmp_path / "b.xlsx")])
    assert xlsx.exit_code == 2 and "html or pdf" in xlsx.output


def test_a_draft_board_pdf_says_draft_on_every_page(sqlite_engine: Engine, tmp_path: Path) -> None:
    enter_draft(sqlite_engine, [{"measure": "weekly-wages", "area": "E06000032", "period": "2024", "value": 640.0}])
    report = board_report(sqlite_engine, group="inclusive-economy-board", run_id=None, draft=True, actor="test")
    path = write_report(report, ReportFormat.PDF, tmp_path / "board.pdf")
    pages = pdf_text(path).split("\f")[:-1]
    assert len(pages) > 3
    assert all("DRAFT" in page for page in pages)
    assert "£640.00" in flat("".join(pages))
    save_pages(path, "board-inclusive-economy-board-draft")
    # The same run makes the same PDF, byte for byte.
    remade = board_report(sqlite_engine, group="inclusive-economy-board", run_id=report.run.id, draft=True, actor="x")
    again = write_report(remade, ReportFormat.PDF, tmp_path / "again.pdf")
    assert again.read_bytes() == path.read_bytes()
