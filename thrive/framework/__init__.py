"""The Luton 2040 outcomes framework as plain domain objects.

Nothing here imports a database, a web framework or a file format: the store and
the importers translate to and from these types.
"""

from thrive.framework.area import Area, AreaType, ComparatorGroup, ComparatorModel
from thrive.framework.indicator import Indicator, IndicatorLink, Match
from thrive.framework.observation import Observation, ObservationFlag
from thrive.framework.period import Period, PeriodError, PeriodKind, parse_period
from thrive.framework.roadmap import (
    Measure,
    Outcome,
    PartnershipGroup,
    Polarity,
    Priority,
    RoadMap,
    Series,
)
from thrive.framework.target import Target, TargetKind, TargetSpec

__all__ = [
    "Area",
    "AreaType",
    "ComparatorGroup",
    "ComparatorModel",
    "Indicator",
    "IndicatorLink",
    "Match",
    "Measure",
    "Observation",
    "ObservationFlag",
    "Outcome",
    "PartnershipGroup",
    "Period",
    "PeriodError",
    "PeriodKind",
    "Polarity",
    "Priority",
    "RoadMap",
    "Series",
    "Target",
    "TargetKind",
    "TargetSpec",
    "parse_period",
]
