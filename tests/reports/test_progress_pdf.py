"""The Progress Report as PDF: complete, tagged, and laid out as pages people can read.

The PDF takes seconds to make, so it is made once, on SQLite only; the same report's HTML and
XLSX are tested on both databases in test_progress.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from tests.reports.conftest import flat, pdf_objects, pdf_text, save_pages
from thrive.cli.app import app
from thrive.framework.units import format_value
from thrive.reports.output import ReportFormat, write_report
from thrive.reports.progress import progress_report
from thrive.services.assessment_runs import make_run
from thrive.store.observations import PUBLISHED

runner = CliRunner()


@dataclass(frozen=True)
class Made:
    path: Path
    text: str
    measures: list[dict[str, Any]]


@pytest.fixture(scope="module")
def made(sqlite_engine: Engine, sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> Made:
    run = make_run(sqlite_engine, actor="test", view=PUBLISHED)
    report = progress_report(sqlite_engine, year=2025, run_id=run.id, draft=False, actor="test")
    path = write_report(report, ReportFormat.PDF, tmp_path_factory.mktemp("pdf") / "progress-2025.pdf")
    listed = runner.invoke(app, ["measures", "--json"], env={"THRIVE_DATABASE_URL": sqlite_url})
    assert listed.exit_code == 0, listed.output
    return Made(path, pdf_text(path), json.loads(listed.stdout))


def _texts(target: dict[str, Any] | None) -> list[str]:
    """A milestone's published wording, series by series where a measure has several."""
    if not target:
        return []
    if "series" in target:
        return [item["text"] for item in target["series"].values()]
    return [target["text"]]


def test_pdf_has_every_outcome_with_its_published_latest_result_milestone_and_target(made: Made) -> None:
    text = flat(made.text)
    assert len(made.measures) == 40
    missing = []
    for item in made.measures:
        wanted = [item["outcome"], *_texts(item["milestones"].get("2027")), *_texts(item["target_2040"])]
        wanted += [format_value(s["latest"]["value"], s["unit"]) for s in item["series"] if s["latest"]]
        missing += [f"{item['id']}: {want!r}" for want in wanted if flat(want) not in text]
    assert not missing, missing
    # Published figures, as printed in the 2025 Progress Report (003:674, 003:675).
    assert "9.9%" in text and "£618.10" in text and "£723.09" in text


def test_pdf_follows_the_published_reports_order(made: Made) -> None:
    text = flat(made.text)
    headings = [
        "Our six temperature checks",
        "How many households are in poverty",
        "Inclusive economy",
        "Population wellbeing",
        "Child friendly Luton",
        "Net zero",
        "Strong, fair community",
        "Appendix 1: 2040 measures",
        "Appendix 2: Data notes and sources",
    ]
    body = text[text.index("About this report") + 1 :]  # after the contents page
    places = [body.index(heading) for heading in headings]
    assert places == sorted(places)
    # The band table (003:345-354): 7,814 households (9.9%) in destitution.
    assert "7,814" in body and "39,489" in body


def test_pdf_has_a_contents_page_page_numbers_running_headers_and_the_run_in_every_footer(made: Made) -> None:
    pages = made.text.split("\f")[:-1]
    assert len(pages) > 20
    contents = flat(pages[1])
    assert contents.startswith("Luton 2040 Progress Report 2025 Contents")
    assert re.search(r"Appendix 1: 2040 measures \.+ ?\d+", contents), contents
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in flat(page)
        assert "Made from assessment run" in flat(page)
        assert "data version" in flat(page)
    assert all("Luton 2040 Progress Report 2025" in flat(page) for page in pages)


def test_pdf_is_tagged_with_a_title_and_a_language(made: Made) -> None:
    objects = pdf_objects(made.path)
    assert b"/StructTreeRoot" in objects
    assert b"/MarkInfo <</Marked true>>" in objects or b"/Marked true" in objects
    assert b"/Lang (en)" in objects
    assert b"/Title (Luton 2040 Progress Report 2025" in objects
    assert b"/DisplayDocTitle true" in objects
    # Each chart is a figure whose alternate text is the chart in words.
    assert objects.count(b"/S /Figure") >= 30
    assert b"/Alt (% of households in destitution: Luton against the Road Map path." in objects


def test_pdf_pages_render_to_images_for_review(made: Made) -> None:
    pages = save_pages(made.path, "progress-2025")
    assert len(pages) == made.text.count("\f")
    assert all(page.stat().st_size > 1000 for page in pages)
