"""Charts as SVG, drawn with matplotlib: series over time against England and the path, and rankings of places.

Every chart also has a text summary and a data table beside it on the page, so nothing is
lost without the picture. Colours are from the Okabe-Ito palette, safe for colour blindness.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from thrive.framework.units import unit_of

LUTON_COLOUR = "#0072B2"
ENGLAND_COLOUR = "#E69F00"
PATH_COLOUR = "#009E73"
REGION_COLOUR = "#D55E00"
OTHER_COLOUR = "#8C8C8C"
"""A neutral grey (3.4:1 on white) for places that are not the point of a chart: the rest of a ranking."""
TEXT_POINTS = 11
"""Chart text in points at the drawn size: 14.7 CSS pixels, and at least 14 where a phone scrolls the chart
at its narrowest (28rem) rather than shrinking it."""
plt.rcParams.update(
    {"font.family": "DejaVu Sans", "font.size": TEXT_POINTS, "svg.fonttype": "none", "svg.hashsalt": "thrive"}
)


@dataclass(frozen=True)
class Style:
    """How a line is drawn: a colour, and a marker and dash of its own, so no line depends on colour alone."""

    colour: str
    marker: str
    linestyle: str


LUTON_STYLE = Style(LUTON_COLOUR, "o", "-")
ENGLAND_STYLE = Style(ENGLAND_COLOUR, "s", "--")
REGION_STYLE = Style(REGION_COLOUR, "^", ":")
PATH_STYLE = Style(PATH_COLOUR, "D", "-.")


@dataclass(frozen=True)
class Line:
    """One line of a chart. A NaN value leaves a gap; `lower` and `upper` are its 95% confidence
    interval where the publisher gives one (NaN where a point has none)."""

    label: str
    years: list[float]
    values: list[float]
    style: Style = LUTON_STYLE
    lower: list[float] | None = None
    upper: list[float] | None = None

    @property
    def intervals(self) -> list[tuple[float, float, float, float]]:
        """(year, value, lower, upper) for every point with a whole interval."""
        if self.lower is None or self.upper is None:
            return []
        points = zip(self.years, self.values, self.lower, self.upper, strict=True)
        return [p for p in points if all(math.isfinite(x) for x in p)]


MOST_TICKS = 6
"""Period labels on the time axis: more would overprint each other at this size; the table gives every one."""


@dataclass(frozen=True)
class Margins:
    """Where the plot sits in its figure, as shares of its width and height (matplotlib's subplots_adjust);
    the legend goes in the space below `bottom`."""

    left: float
    right: float
    top: float
    bottom: float


def starts_at_zero(unit: str) -> bool:
    """A chart's value axis starts at zero when the unit cannot go below it (percentages, counts, rates,
    money), so a small change is never drawn as a steep climb; years are the exception (Unit.zero_axis)."""
    found = unit_of(unit)
    return found.lower == 0 and found.zero_axis


def axis_note(unit: str) -> str:
    """What a chart's summary says when its value axis does not start at zero, and why."""
    if starts_at_zero(unit):
        return ""
    return " The value axis does not start at zero, so that a small change shows; the table gives every figure."


def line_chart(
    title: str,
    lines: list[Line],
    *,
    unit_label: str,
    zero_based: bool = False,
    ticks: list[tuple[float, str]] | None = None,
    width: float = 4.8,
    height: float = 3.2,
) -> str:
    """An SVG chart; `title` becomes its accessible name (line_figure draws it)."""
    return _svg(
        line_figure(lines, unit_label=unit_label, zero_based=zero_based, ticks=ticks, size=(width, height)), title
    )


def line_figure(
    lines: list[Line],
    *,
    unit_label: str,
    zero_based: bool = False,
    ticks: list[tuple[float, str]] | None = None,
    size: tuple[float, float] = (4.8, 3.2),
    text_points: float = TEXT_POINTS,
    margins: Margins | None = None,
) -> Figure:
    """Series over time, as the site and the printed reports both draw them. Confidence intervals are
    drawn as error bars in their line's colour, so each interval sits on its own line's marker.

    `zero_based` starts the value axis at zero (for figures that cannot be negative, so a small change is
    not drawn as a steep climb). `ticks` labels the time axis with the periods as the page prints them
    ("2019/20"), never as decimal years. The legend sits below the plot, where it cannot cover a line.
    A printed report draws smaller (`size`, `text_points`): the same chart at the size of its column, and
    with fixed `margins` where its labels are known to fit (a third of the drawing time of the
    constrained layout the site uses, over the sixty charts of a Progress Report)."""
    width, _ = size
    with plt.rc_context({"font.size": text_points}):
        figure, axes = plt.subplots(figsize=size, layout=None if margins else "constrained")
        drawn = [line for line in lines if line.years]
        for line in drawn:
            style = line.style
            axes.plot(
                line.years,
                line.values,
                color=style.colour,
                marker=style.marker,
                markersize=5 * text_points / TEXT_POINTS,
                linestyle=style.linestyle,
                label=line.label,
            )
            _draw_intervals(axes, line)
        axes.set_ylabel(unit_label)
        if zero_based:
            axes.set_ylim(bottom=0)
        if ticks:
            shown = _thinned(sorted(set(ticks)), width, text_points)
            axes.set_xticks([x for x, _ in shown], [label for _, label in shown])
        else:
            axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=MOST_TICKS))
        axes.yaxis.set_major_formatter(FuncFormatter(_short_number))
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", alpha=0.3)
        if margins:
            figure.subplots_adjust(left=margins.left, right=margins.right, top=margins.top, bottom=margins.bottom)
        if drawn and margins:
            figure.legend(frameon=False, loc="lower center", ncol=min(len(drawn), 3))
        elif drawn:
            figure.legend(frameon=False, loc="outside lower center", ncol=min(len(drawn), 3))
    return figure


def _short_number(value: float, _position: int | None = None) -> str:
    """A value-axis label of a few characters: 13.6m, 6,600, 0.69 (never matplotlib's "1e7" offset)."""
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:,.4g}m"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:.4g}"


def _thinned(ticks: list[tuple[float, str]], width: float, text_points: float) -> list[tuple[float, str]]:
    """The labels that fit side by side on the time axis, latest first, then every earlier one that
    leaves room for its own label and its neighbour's, so no two overprint."""
    span = (ticks[-1][0] - ticks[0][0]) or 1.0
    # A character is about 0.62 of the font size wide; the axis is about 80% of the figure's width.
    per_character = span * 0.62 * text_points / (0.8 * width * 72)
    kept = [ticks[-1]]
    for tick in reversed(ticks[:-1]):
        room = (len(tick[1]) + len(kept[-1][1])) / 2 + 1.5
        if kept[-1][0] - tick[0] >= room * per_character and len(kept) < MOST_TICKS:
            kept.append(tick)
    return kept[::-1]


def _draw_intervals(axes: Axes, line: Line) -> None:
    points = line.intervals
    if not points:
        return
    years, values, lower, upper = (list(column) for column in zip(*points, strict=True))
    below = [v - low for v, low in zip(values, lower, strict=True)]
    above = [high - v for v, high in zip(values, upper, strict=True)]
    axes.errorbar(
        years, values, yerr=[below, above], fmt="none", ecolor=line.style.colour, elinewidth=1, capsize=2.5, alpha=0.8
    )


@dataclass(frozen=True)
class Bar:
    """One place in a ranking: its name, its value and the value as the page prints it."""

    label: str
    value: float
    text: str
    highlight: bool = False
    compared: str | None = None
    """Against England by Fingertips' test (thrive.stats.Comparison's values), where the ranking has it."""


COMPARED_FILLS = {
    "better": ("#00703c", "Better than England (95%)"),
    "similar": ("#ffdd00", "Similar to England"),
    "worse": ("#d4351c", "Worse than England (95%)"),
    "higher": ("#1d70b8", "Higher than England (95%)"),
    "lower": ("#5694ca", "Lower than England (95%)"),
    "not_compared": ("#ffffff", "Not compared (no interval)"),
}
"""Fingertips' colours for a ranking compared with England, in GOV.UK's palette; every bar also has a dark
outline (so a pale fill still stands out from the page) and the table beside it says the same in words."""
OUTLINE = "#0b0c0c"

LABELLED_BARS = 30
"""Up to this many places, every bar is named; a longer ranking names only the highlighted place."""


def ranked_bar_chart(
    title: str, bars: list[Bar], *, unit_label: str, reference: tuple[str, float] | None = None
) -> str:
    """Places in rank order, first at the top, the highlighted one (Luton) in colour, hatched and named.

    A long ranking (every upper-tier authority) is drawn as thin unnamed bars in a narrow figure,
    so it fits a phone's width at a readable size; the table beside it names every place. `reference` is a line across
    the bars, such as England's value.
    """
    labelled = len(bars) <= LABELLED_BARS
    height = 0.9 + (0.26 if labelled else 0.035) * len(bars)
    figure, axes = plt.subplots(figsize=(5.6 if labelled else 3.6, height))
    positions = list(range(len(bars)))
    compared = any(b.compared not in (None, "not_compared") for b in bars)
    fills = [COMPARED_FILLS[b.compared or "not_compared"][0] if compared else OTHER_COLOUR for b in bars]
    drawn = axes.barh(
        positions,
        [b.value for b in bars],
        color=fills,
        edgecolor=OUTLINE if compared else "none",
        linewidth=0.5 if compared and labelled else 0,
        height=0.7 if labelled else 0.9,
    )
    for i, bar in enumerate(bars):
        if bar.highlight:
            # Thin bars would hide it: a long ranking draws the highlighted place three rows deep. Compared
            # with England it keeps its comparison's colour, hatched; otherwise it is drawn in Luton's colour.
            axes.barh(
                [i],
                [bar.value],
                color=fills[i] if compared else LUTON_COLOUR,
                hatch="///",
                edgecolor=OUTLINE if compared else "#ffffff",
                linewidth=1.2 if compared else 0,
                height=0.7 if labelled else 3.0,
            )
    axes.invert_yaxis()
    shown = [i for i, b in enumerate(bars) if labelled or b.highlight]
    axes.set_yticks(shown, [f"{bars[i].label} ({bars[i].text})" if not labelled else bars[i].label for i in shown])
    for tick, i in zip(axes.get_yticklabels(), shown, strict=True):
        if bars[i].highlight:
            tick.set_fontweight("bold")
    if labelled:
        axes.bar_label(drawn, labels=[b.text for b in bars], padding=3, fontsize=7)
    axes.tick_params(axis="y", length=0, labelsize=8)
    handles: list[Artist] = []
    if reference is not None:
        handles.append(axes.axvline(reference[1], color=OUTLINE, linestyle="--", linewidth=1.2, label=reference[0]))
    if compared:
        kinds = {b.compared or "not_compared" for b in bars}
        handles += [
            Patch(facecolor=fill, edgecolor=OUTLINE, linewidth=0.5, label=words)
            for found, (fill, words) in COMPARED_FILLS.items()
            if found in kinds
        ]
    if handles:
        axes.legend(
            handles=handles,
            frameon=False,
            fontsize=8,
            loc="lower center",
            bbox_to_anchor=(0.5, 1.0),
            ncols=2 if compared else 1,
        )
    axes.set_xlabel(unit_label)
    axes.margins(x=0.12 if labelled else 0.02, y=0.01)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x", alpha=0.3)
    figure.tight_layout()
    return _svg(figure, title)


def sparkline(title: str, years: list[float], values: list[float]) -> str:
    figure, axes = plt.subplots(figsize=(1.8, 0.5))
    axes.plot(years, values, color=LUTON_COLOUR, marker="o", markersize=2.5, linewidth=1.5)
    axes.axis("off")
    figure.tight_layout(pad=0.1)
    return _svg(figure, title)


def _svg(figure: Figure, title: str) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    safe = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    svg = re.sub(
        r"<svg ", '<svg role="img" focusable="false" aria-label="' + safe.replace('"', "&quot;") + '" ', svg, count=1
    )
    return re.sub(r"(<svg[^>]*>)", r"\1<title>" + safe + "</title>", svg, count=1)


@dataclass(frozen=True)
class Stack:
    label: str
    values: list[float]
    colour: str


def stacked_bar_chart(title: str, categories: list[str], stacks: list[Stack], *, unit_label: str) -> str:
    """Bars made of parts that add up to a whole, such as the share of households in each band."""
    figure, axes = plt.subplots(figsize=(6.4, 0.6 + 0.45 * max(len(categories), 2)))
    left = [0.0] * len(categories)
    for stack in stacks:
        axes.barh(categories, stack.values, left=left, color=stack.colour, label=stack.label, height=0.6)
        left = [start + value for start, value in zip(left, stack.values, strict=True)]
    axes.invert_yaxis()
    axes.set_xlabel(unit_label)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(frameon=False, fontsize=7, ncol=min(len(stacks), 3), loc="upper center", bbox_to_anchor=(0.5, -0.35))
    figure.tight_layout()
    return _svg(figure, title)
