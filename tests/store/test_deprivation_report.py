"""The Progress Report's Thriving People Index and deprivation section, fixed to the report's run."""

from __future__ import annotations

import re

from sqlalchemy import Engine

from thrive.data.index_framework import shipped_framework_path
from thrive.datasets import OPEN_DATA
from thrive.reports.html import render_html
from thrive.reports.progress import progress_report
from thrive.services.deprivation_imports import import_deprivation
from thrive.services.index_runs import compute_and_store

IOD2019 = OPEN_DATA / "iod2019" / "File_2_IoD2019_Domains_of_Deprivation.csv.gz"
FILE_9 = OPEN_DATA / "iod2019" / "File_9_IoD2019_Transformed_Scores.csv.gz"
IOD2025 = OPEN_DATA / "iod2025" / "imd2025_england_lsoa21_humaniverse.csv.gz"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_progress_report_shows_both_releases_the_break_and_no_synthetic_index_ranking(engine: Engine) -> None:
    import_deprivation(engine, [IOD2019], 2019, actor="analyst@luton.gov.uk")
    import_deprivation(engine, [IOD2025], 2025, actor="analyst@luton.gov.uk")
    compute_and_store(engine, shipped_framework_path(), draws=20, actor="analyst@luton.gov.uk")

    report = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")
    text = _text(render_html(report))

    assert "Thriving People Index and deprivation" in text
    assert "English Indices of Deprivation 2019 (LSOA 2011) 121 4 10:34" in text  # 002:1224, 003:709
    assert "English Indices of Deprivation 2025 (LSOA 2021) 125 17 1:59" in text
    assert "Break in series in 2025." in text
    # 29 of 34 indicators synthetic: the report publishes no index score or rank (issue 17).
    assert "The index’s scores and ranks are not published yet: 29 of its 34 indicators" in text
    assert "Wards by Thriving People Index score" not in text and "Luton scores" not in text
    assert "Deprivation" in {t.sheet for t in report.tables}
    assert not {"Thriving People Index", "Index by LSOA"} & {t.sheet for t in report.tables}


def test_an_index_run_made_after_the_reports_run_does_not_change_that_report(engine: Engine) -> None:
    first = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")
    compute_and_store(engine, shipped_framework_path(), draws=20, actor="analyst@luton.gov.uk")

    again = progress_report(engine, year=2025, run_id=first.run.id, draft=False, actor="test")

    assert render_html(again) == render_html(first)
    assert "No deprivation release had been imported" in _text(render_html(again))


def test_progress_report_ranks_no_lsoa_while_the_index_is_experimental_even_with_file_9(engine: Engine) -> None:
    import_deprivation(engine, [IOD2019, FILE_9], 2019, actor="analyst@luton.gov.uk")
    compute_and_store(engine, shipped_framework_path(), draws=20, actor="analyst@luton.gov.uk")

    report = progress_report(engine, year=2025, run_id=None, draft=False, actor="test")

    assert "Index by LSOA" not in {t.sheet for t in report.tables}
    assert "are scored too" not in _text(render_html(report))
