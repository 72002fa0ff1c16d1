"""What a figure may be before it is stored: finite, within its unit's usual range, in a real period.

Every door (an import file, the entry form, the API) applies the same bounds, so a figure that
cannot be a percentage, a period that has not begun, or a number so large that every
calculation built on it overflows, never reaches the published pages. The values are policy
and live in figure-bounds.yaml with the reason for each.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class UnitRange:
    """The usual range of one unit; a figure outside it needs an outlier reason."""

    lowest: float
    highest: float
    why: str

    def words(self) -> str:
        return f"{self.lowest:,g} to {self.highest:,g}"


@dataclass(frozen=True)
class FigureBounds:
    largest: float
    """No figure bigger than this is stored, whatever the reason given."""
    smallest: float
    """A non-zero figure smaller than this is a slip."""
    units: Mapping[str, UnitRange]
    lowest_count: float
    earliest_year: int
    text_lengths: Mapping[str, int]

    def range_of(self, unit: str) -> UnitRange:
        """A unit with no range of its own is bounded only by `largest`."""
        return self.units.get(unit) or UnitRange(-self.largest, self.largest, "no range is set for this unit")

    def period_problem(self, start: date, today: date) -> str | None:
        """Why a period cannot hold a figure yet (or ever), in words; None if it can."""
        if start.year < self.earliest_year:
            return f"it starts in {start.year}, before {self.earliest_year}. Check the year."
        if start > today:
            return (
                f"it starts on {start.day} {start:%B %Y}, which has not begun. Check the year, "
                "and write it in full (like Feb-1999) if it has two digits."
            )
        return None
