"""A small chart per series for the printed reports: Luton's figures against the Road Map path and England.

It is the website's chart (thrive.presentation.charts.line_figure: the value axis from zero where the
unit starts there, periods labelled as published, the legend below the plot) at the size of a printed
column, as SVG so it prints sharply; each line has its own marker and dash, so nothing depends on
colour alone. Every chart carries a text alternative (its SVG title, which WeasyPrint uses as
the PDF figure's alternate text) and sits beside a table of the same figures.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from thrive.framework.units import format_value
from thrive.presentation.charts import (
    ENGLAND_STYLE,
    LUTON_STYLE,
    PATH_STYLE,
    Line,
    Margins,
    axis_note,
    line_figure,
    starts_at_zero,
)
from thrive.reports.facts import SeriesFacts
from thrive.reports.units import axis_label

WIDTH_INCHES = 3.7
HEIGHT_INCHES = 2.4
TEXT_POINTS = 7
"""A column of the printed page holds a chart 3.7 inches wide: the site's chart, with print-sized text."""
MARGINS = Margins(left=0.17, right=0.98, top=0.97, bottom=0.27)
"""Room for the value axis's label and numbers on the left and, below, the period labels and the legend."""


@dataclass(frozen=True)
class ChartRow:
    """One row of the table beside a chart."""

    period: str
    luton: str
    england: str
    path: str


@dataclass(frozen=True)
class Chart:
    title: str
    summary: str
    svg: str
    rows: tuple[ChartRow, ...]


def path_points(series: SeriesFacts) -> list[tuple[float, float, str]]:
    """The Road Map path as the assessment draws it: from the baseline through each numeric milestone to 2040.

    Milestones sit at the middle of their year (ASSESSMENT.md, "The path"); the baseline is the
    one the run used, or Luton's first figure when the run had none.
    """
    progress = series.progress
    start = next((p for p in series.luton if p.label == progress.get("baseline_period")), None)
    if start is None and series.luton:
        start = series.luton[0]
    points = [(start.year, start.value, "baseline")] if start else []
    for year in sorted(series.targets):
        target = series.targets[year]
        if target.value is not None:
            points.append((year + 0.5, float(target.value), target.text))
    return points


def summary(series: SeriesFacts) -> str:
    """The chart in words: every figure drawn, then the path."""
    luton = "; ".join(f"{p.text(series.unit)} in {p.period}" for p in series.luton) or "no figures yet"
    parts = [f"Luton: {luton}."]
    if series.england:
        parts.append("England: " + "; ".join(f"{p.text(series.unit)} in {p.period}" for p in series.england) + ".")
    path = path_points(series)
    steps = [f"{format_value(value, series.unit)} by {int(year)}" for year, value, what in path if what != "baseline"]
    parts.append(f"Road Map path: {'; '.join(steps)}." if steps else "No numeric milestones to draw a path.")
    return " ".join(parts)


def table_rows(series: SeriesFacts) -> tuple[ChartRow, ...]:
    """The figures in the chart, oldest first, then each milestone and the 2040 target as published."""
    periods: dict[str, list[str]] = {}
    years: dict[str, float] = {}
    for column, points in ((0, series.luton), (1, series.england)):
        for point in points:
            cells = periods.setdefault(point.period, ["", ""])
            cells[column] = point.text(series.unit)
            years[point.period] = min(years.get(point.period, point.year), point.year)
    baseline = series.progress.get("baseline_period")
    rows = [
        ChartRow(period, cells[0], cells[1], "Baseline" if period == baseline else "")
        for period, cells in sorted(periods.items(), key=lambda item: years[item[0]])
    ]
    for year in sorted(series.targets):
        kind = "target" if year == 2040 else "milestone"
        rows.append(ChartRow(f"{year} {kind}", "", "", series.targets[year].text))
    return tuple(rows)


def chart(series: SeriesFacts, name: str) -> Chart | None:
    """The chart for one series, or None when Luton has no figure to draw: the website's chart
    (thrive.presentation.charts.line_figure, with its axis and period rules) at the size of a column."""
    if not series.luton:
        return None
    title = f"{name}: Luton against the Road Map path"
    words = summary(series) + axis_note(series.unit)
    path = path_points(series)
    lines = [
        Line("Luton", [p.year for p in series.luton], [p.value for p in series.luton], LUTON_STYLE),
        Line("England", [p.year for p in series.england], [p.value for p in series.england], ENGLAND_STYLE),
    ]
    if len(path) > 1:
        lines.append(Line("Road Map path", [p[0] for p in path], [p[1] for p in path], PATH_STYLE))
    figure = line_figure(
        lines,
        unit_label=axis_label(series.unit),
        zero_based=starts_at_zero(series.unit),
        ticks=[
            *((p.year, p.period) for p in (*series.luton, *series.england)),
            *((year, str(int(year))) for year, _, what in path if what != "baseline"),
        ],
        size=(WIDTH_INCHES, HEIGHT_INCHES),
        text_points=TEXT_POINTS,
        margins=MARGINS,
    )
    figure.patch.set_visible(False)
    return Chart(title, words, _svg(figure, f"{title}. {words}", f"chart-{series.id}"), table_rows(series))


def _without_bare_groups(svg: str) -> str:
    """Drop <g> wrappers that carry nothing (no style, clip or transform): fewer nodes for WeasyPrint to lay out."""
    out: list[str] = []
    keep: list[bool] = []
    position = 0
    for match in re.finditer(r"<g(\s[^>]*)?>|</g>", svg):
        out.append(svg[position : match.start()])
        position = match.end()
        if match.group(0) == "</g>":
            if keep.pop():
                out.append("</g>")
        else:
            kept = bool((match.group(1) or "").strip())
            keep.append(kept)
            if kept:
                out.append(match.group(0))
    out.append(svg[position:])
    return "".join(out)


def _svg(figure: Figure, text: str, prefix: str) -> str:
    """The figure as inline SVG: its title is the text alternative, and nothing in it varies between runs.

    matplotlib names the parts of every chart alike (figure_1, axes_1, ...), so on a page of
    many charts the names clash. Names nothing refers to are dropped; the rest get `prefix`.
    """
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    # A style sheet in every chart makes WeasyPrint cascade it over every node; round joins are not worth it.
    svg = re.sub(r"\s*<defs>\s*<style[^>]*>[^<]*</style>\s*</defs>", "", svg, count=1)
    used = set(re.findall(r'(?:url\(#|href="#)([^")]+)', svg))
    svg = re.sub(r' id="([^"]+)"', lambda m: f' id="{prefix}-{m.group(1)}"' if m.group(1) in used else "", svg)
    svg = re.sub(r'(url\(#|href="#)([^")]+)', lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    svg = re.sub(r">\s+<", "><", _without_bare_groups(svg))
    safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    label = '<svg role="img" focusable="false" aria-label="' + safe.replace('"', "&quot;") + '" '
    svg = svg.replace("<svg ", label, 1)
    return re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + "<title>" + safe + "</title>", svg, count=1)
