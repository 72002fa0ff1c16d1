"""The policy behind every judgement, kept as data (datasets/<name>/assessment-rules.yaml).

Each number here changes what councillors are told, so it lives in a reviewed data file
with its reasoning, not in code; ASSESSMENT.md explains each one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AssessmentRules:
    on_track_tolerance: float
    """How far behind the path a figure may be and still be on track, as a share of the whole
    baseline-to-2040 distance (0.05: within 5% of the journey)."""

    change_threshold: float
    """Threshold rule for series too short for a test: a change smaller than this share of the
    earlier value is "No major change"."""

    similar_band: float
    """Benchmark without confidence intervals: within this share of the comparator's value is "Similar"."""

    fingertips_significance: float
    """Fingertips recent-trend significance level (0.002, the 99.8% level OHID uses)."""

    mann_kendall_significance: float
    mann_kendall_min_points: int
    trend_points: int
    """How many of the most recent points the trend tests and the projection use (Fingertips uses 5)."""

    projection_confidence: float
    """Confidence level of the interval around a projection."""

    projection_min_points: int = 5
    """The fewest comparable figures (since any break in series, of one frequency) a projection
    is made from. The default is only for replaying runs stored before the rule existed; the
    dataset's rules file always sets it."""
