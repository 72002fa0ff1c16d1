"""Indicators: any official statistic Thrive holds, with what a reader needs to trust it.

The Road Map's measures are a curated set on top: each of their series may point at the
indicator that feeds it, and says how close the match is. A proxy or context indicator is
shown beside the council's figures, never in their place.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from thrive.framework.polarity import Polarity


class Match(StrEnum):
    EXACT = "exact"
    """The same statistic: its figures extend the Road Map series itself."""
    PROXY = "proxy"
    """A close statistic on another basis (residence- against workplace-based pay, a mean score
    against a share above a threshold): shown as a labelled context series."""
    CONTEXT = "context"
    """A related statistic that helps read the measure, not a stand-in for it."""

    @property
    def label(self) -> str:
        return {"exact": "Exact match", "proxy": "Proxy (a different basis)", "context": "Context only"}[self.value]


@dataclass(frozen=True)
class Indicator:
    """An official statistic as its publisher defines it; its figures live in a series of its own."""

    id: str
    title: str
    definition: str
    unit: str
    polarity: Polarity
    period_type: str
    source: str
    publisher: str
    licence: str
    url: str | None = None
    caveats: str | None = None


@dataclass(frozen=True)
class IndicatorLink:
    """How a Road Map series relates to an indicator: exact, proxy or context, and why."""

    series_id: str
    indicator_id: str
    match: Match
    note: str
    ref: str | None = None
