"""A small chart per series for the printed reports: Luton's figures against the Road Map path and England.

Drawn with matplotlib as SVG, so it prints sharply at any size, in the website's Okabe-Ito
colours (thrive.presentation.charts); each line also has its own marker and dash, so nothing depends on
colour alone. Every chart carries a text alternative (its SVG title, which WeasyPrint uses as
the PDF figure's alternate text) and sits beside a table of the same figures.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from thrive.framework.units import format_value
from thrive.presentation.charts import ENGLAND_COLOUR, LUTON_COLOUR, PATH_COLOUR
from thrive.reports.facts import SeriesFacts
from thrive.reports.units import axis_label

WIDTH_INCHES = 3.7
HEIGHT_INCHES = 2.1


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
    """The chart for one series, or None when Luton has no figure to draw."""
    if not series.luton:
        return None
    title = f"{name}: Luton against the Road Map path"
    words = summary(series)
    figure, axes = plt.subplots(figsize=(WIDTH_INCHES, HEIGHT_INCHES))
    path = path_points(series)
    if len(path) > 1:
        axes.plot(
            [p[0] for p in path],
            [p[1] for p in path],
            color=PATH_COLOUR,
            linestyle=":",
            linewidth=1.6,
            marker="D",
            markersize=3.5,
            label="Road Map path",
        )
    if series.england:
        axes.plot(
            [p.year for p in series.england],
            [p.value for p in series.england],
            color=ENGLAND_COLOUR,
            linestyle="--",
            linewidth=1.4,
            marker="s",
            markersize=3.5,
            label="England",
        )
    axes.plot(
        [p.year for p in series.luton],
        [p.value for p in series.luton],
        color=LUTON_COLOUR,
        linewidth=2,
        marker="o",
        markersize=4,
        label="Luton",
    )
    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5))
    axes.yaxis.set_major_formatter(FuncFormatter(_short_number))
    axes.set_ylabel(axis_label(series.unit), fontsize=7)
    axes.tick_params(labelsize=7, bottom=False, left=False)
    figure.patch.set_visible(False)
    axes.patch.set_visible(False)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    axes.legend(frameon=False, fontsize=7, loc="best")
    # Fixed margins, not tight_layout: as good for labels this short, and it halves the drawing time.
    figure.subplots_adjust(left=0.16, right=0.98, top=0.97, bottom=0.12)
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


def _short_number(value: float, _position: int | None = None) -> str:
    """An axis label of a few characters: 13.6m, 6,600, 0.69."""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.4g}m"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.4g}"


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
