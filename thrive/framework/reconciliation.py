"""How the council's published figures and the official series that feeds them are combined.

Where an official series is the same statistic as a Road Map series (an exact link), its
figures extend the Road Map series: every period and area the council did not publish is
added, with its source. Where the council did publish a figure and the official one differs by
more than the council's own rounding, the link's decision says which stands (DATA-NOTES K):
the council's, or the official one, which then becomes a new revision so the printed figure is
kept in the history with its document reference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class Prefer(StrEnum):
    OFFICIAL = "official"
    COUNCIL = "council"


@dataclass(frozen=True)
class Reconciliation:
    """An exact link's decision for figures both sources give: which stands, and why."""

    series_id: str
    indicator_id: str
    prefer: Prefer
    why: str
    overrides: Mapping[tuple[str, str], tuple[Prefer, str]] = field(default_factory=dict, hash=False, compare=False)
    """Decisions for single figures, by (area code, period label as stored)."""

    def decision(self, area_code: str, period_label: str) -> tuple[Prefer, str]:
        return self.overrides.get((area_code, period_label), (self.prefer, self.why))


def agrees(council: float, official: float) -> bool:
    """Whether the official figure rounds to the council's, at the precision the council printed.

    The Progress Report prints 0.13% where DfE publishes 0.13371%, and 45 where DfE publishes
    44.5: the same statistic, rounded. Half a unit of the council's last printed digit is allowed.
    """
    exponent = Decimal(repr(council)).normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return abs(council - official) <= 0.5 * 10.0**-places + 1e-12
