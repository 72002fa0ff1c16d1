"""A spine chart row, as OHID Fingertips draws its area profiles: one indicator's spread across England's
authorities, England at the centre, and the area as a marker coloured by its comparison with England.

England sits at the centre; the scale each side is the larger of England's distance to the lowest and
to the highest authority, so every authority fits and England stays central. Where higher is better
the best authorities are on the right; where lower is better the scale is turned round, so right is
always better. The light bar runs from the lowest authority to the highest, the dark one over the
middle half (25th to 75th percentile).
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import escape

WIDTH = 240
HEIGHT = 22
CENTRE = WIDTH / 2
REACH = WIDTH / 2 - 10
"""Half the drawn width, leaving room for the marker at either end."""
FILLS = {
    "better": "#00703c",
    "similar": "#ffdd00",
    "worse": "#d4351c",
    "higher": "#5694ca",
    "lower": "#5694ca",
    "not_compared": "#ffffff",
}
"""GOV.UK green, yellow and red for better, similar and worse (blue where higher is neither); white where
no interval allows a comparison. The table beside says each in words, so nothing rests on colour."""


@dataclass(frozen=True)
class SpineRow:
    area: float
    england: float
    lowest: float
    lower_quartile: float
    upper_quartile: float
    highest: float
    right_is_higher: bool
    """False where lower is better, so that right is always better."""
    verdict: str


def position(row: SpineRow, value: float) -> float:
    """Where a value is drawn, in the SVG's x units."""
    half = max(row.england - row.lowest, row.highest - row.england) or 1.0
    offset = (value - row.england) / half * REACH
    return CENTRE + (offset if row.right_is_higher else -offset)


def spine_svg(row: SpineRow, label: str) -> str:
    """The row as a small SVG; `label` is its accessible name and says everything it shows."""
    low, high = sorted((position(row, row.lowest), position(row, row.highest)))
    q1, q3 = sorted((position(row, row.lower_quartile), position(row, row.upper_quartile)))
    x = position(row, row.area)
    name = escape(label)
    return (
        f'<svg class="thrive-spine" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img"'
        f' aria-label="{name}"><title>{name}</title>'
        f'<rect x="{low:.1f}" y="6" width="{high - low:.1f}" height="10" fill="#dbdad9"/>'
        f'<rect x="{q1:.1f}" y="6" width="{q3 - q1:.1f}" height="10" fill="#8c8c8c"/>'
        f'<line x1="{CENTRE}" y1="2" x2="{CENTRE}" y2="20" stroke="#0b0c0c" stroke-width="2"/>'
        f'<circle cx="{x:.1f}" cy="11" r="6" fill="{FILLS.get(row.verdict, "#ffffff")}" stroke="#0b0c0c"'
        ' stroke-width="1.5"/></svg>'
    )
