"""The printed reports draw the website's charts (issue 17, 2): one chart module, so the Progress Report
has the site's honest axes: a percentage's value axis starts at zero, and a chart whose axis does not
(a score) says so in its text; the time axis reads as the periods are published, never in decimal
years; and the legend names only what is drawn (no "Road Map path" where there is none)."""

from __future__ import annotations

import re

from sqlalchemy import Engine

from thrive.reports.html import render_html
from thrive.reports.progress import progress_report
from thrive.services.assessment_runs import make_run
from thrive.store.observations import PUBLISHED


def _charts(engine: Engine) -> dict[str, str]:
    run = make_run(engine, actor="test", view=PUBLISHED)
    html = render_html(progress_report(engine, year=2025, run_id=run.id, draft=False, actor="test"))
    found = re.findall(r'<svg role="img" focusable="false" aria-label="([^"]+)".*?</svg>', html, flags=re.S)
    svgs = re.findall(r'<svg role="img".*?</svg>', html, flags=re.S)
    return dict(zip(found, svgs, strict=True))


def _texts(svg: str) -> list[str]:
    return [t.strip() for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg) if t.strip()]


def test_the_progress_reports_charts_have_the_sites_axes(sqlite_engine: Engine) -> None:
    charts = _charts(sqlite_engine)
    destitution = next(svg for label, svg in charts.items() if label.startswith("% of households in destitution:"))
    texts = _texts(destitution)
    assert "0" in texts and {"2027", "2031", "2035", "2040"} <= set(texts)  # from zero, to each milestone
    gcse = next(label for label in charts if label.startswith("GCSE results (average attainment 8 score)"))
    assert "The value axis does not start at zero" in gcse
    for svg in charts.values():
        assert not any(re.fullmatch(r"\d{4}\.\d+", t) for t in _texts(svg)), "a decimal year on a time axis"
    without_path = [svg for svg in charts.values() if "Road Map path" not in _texts(svg)]
    assert without_path, "a series with no numeric milestone has no path in its legend"
