"""Charts as SVG, drawn with matplotlib: each series against its milestone path and England.

Every chart also has a text summary and a data table beside it on the page, so nothing is
lost without the picture. Colours are from the Okabe-Ito palette, safe for colour blindness.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

LUTON_COLOUR = "#0072B2"
ENGLAND_COLOUR = "#E69F00"
PATH_COLOUR = "#009E73"
plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none", "svg.hashsalt": "thrive"})


@dataclass(frozen=True)
class Line:
    label: str
    years: list[float]
    values: list[float]
    colour: str
    dashed: bool = False


def line_chart(title: str, lines: list[Line], *, unit_label: str, width: float = 6.4, height: float = 3.2) -> str:
    """An SVG chart; `title` becomes its accessible name."""
    figure, axes = plt.subplots(figsize=(width, height))
    for line in lines:
        if line.years:
            axes.plot(
                line.years,
                line.values,
                color=line.colour,
                marker="o",
                markersize=4,
                linestyle="--" if line.dashed else "-",
                label=line.label,
            )
    axes.set_ylabel(unit_label)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    if any(line.years for line in lines):
        axes.legend(frameon=False, fontsize=8)
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
