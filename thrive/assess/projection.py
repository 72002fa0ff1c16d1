"""Where the recent trend leads, and only where the figures can say.

Method (ASSESSMENT.md, "Projection"): an ordinary least-squares line through the last
`trend_points` comparable figures (since any break in series, of the series' own frequency),
with a t prediction interval at `projection_confidence`. A projection is made only from at
least `projection_min_points` such figures, only to years after the latest figure, and is
clipped to the unit's possible range (0 to 100% for a percentage; never below zero for a
count). When the interval lies on both sides of a milestone, the projection says it is too
early to say whether the milestone will be met, rather than quote a number as if it were known.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import stats

from thrive.assess.model import Projection
from thrive.assess.trajectory import milestone_year
from thrive.framework.units import Unit

METHOD = "ordinary least-squares line with a t prediction interval"


@dataclass(frozen=True)
class Line:
    """A fitted line and what it needs to give an interval anywhere."""

    slope: float
    intercept: float
    residual: float
    """The residual standard error, on n - 2 degrees of freedom."""
    x: tuple[float, ...]

    def at(self, year: float) -> float:
        return self.intercept + self.slope * year

    def margin(self, year: float, confidence: float) -> float:
        x = np.asarray(self.x)
        n = len(x)
        spread = math.sqrt(1 + 1 / n + (year - x.mean()) ** 2 / float(np.sum((x - x.mean()) ** 2)))
        return float(stats.t.ppf(0.5 + confidence / 2, n - 2)) * self.residual * spread


def fit_line(years: Sequence[float], values: Sequence[float]) -> Line | None:
    """Least squares through the points; None with fewer than three distinct years (no interval then)."""
    if len(years) < 3 or len(set(years)) < 3:
        return None
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    fit = stats.linregress(x, y)
    slope, intercept = float(fit.slope), float(fit.intercept)
    residual = float(np.sqrt(np.sum((y - (intercept + slope * x)) ** 2) / (len(x) - 2)))
    return Line(slope, intercept, residual, tuple(float(v) for v in x))


def project(line: Line, to_years: Sequence[int], after: float, confidence: float, unit: Unit) -> tuple[Projection, ...]:
    """The line at each year after `after` (the latest figure's mid-year), clipped to the unit's range."""
    out = []
    for year in to_years:
        at = milestone_year(year)
        if at <= after:
            continue
        value, margin = line.at(at), line.margin(at, confidence)
        out.append(Projection(year, unit.clip(value), unit.clip(value - margin), unit.clip(value + margin)))
    return tuple(out)


def year_reached(line: Line, goal: float, after: float, confidence: float, last: int = 2040) -> int | None:
    """The first whole year after `after` by which the whole prediction interval is past `goal`, up to `last`.

    None when the interval does not clear the goal by then: a year is only quoted when the
    figures are clear about it, and never a year already past.
    """
    rising = line.slope > 0
    for year in range(math.floor(after) + 1, last + 1):
        at = milestone_year(year)
        value, margin = line.at(at), line.margin(at, confidence)
        if (value - margin >= goal) if rising else (value + margin <= goal):
            return year
    return None
