"""Places, named by their GSS codes, and the groups of places a value is judged against."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class AreaType(StrEnum):
    COUNTRY = "country"
    REGION = "region"
    LOCAL_AUTHORITY = "local_authority"
    WARD = "ward"
    MSOA = "msoa"
    LSOA = "lsoa"


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    type: AreaType
    parent: str | None = None
    vintage: str | None = None

    @property
    def upper_tier(self) -> bool:
        """A unitary, metropolitan district, London borough or county council: the authorities that
        run children's services and public health, and so the set national league tables rank."""
        return self.type is AreaType.LOCAL_AUTHORITY and self.code[:3] in UPPER_TIER_PREFIXES


UPPER_TIER_PREFIXES = ("E06", "E08", "E09", "E10")
"""GSS entity codes: E06 unitary authorities, E08 metropolitan districts, E09 London boroughs,
E10 counties (E07, the districts within counties, are lower tier)."""
ENGLAND = "E92000001"
LUTON = "E06000032"


@dataclass(frozen=True)
class ComparatorModel:
    """One published version of a set of neighbours, such as DfE's statistical neighbours of April 2021.

    Neighbour lists are kept for every area the model covers, in the publisher's order (closest
    first). A figure is compared with the model that was in force when the figure's period ended.
    """

    code: str
    name: str
    publisher: str
    in_force_from: date | None = None
    """None for an undated model, which is used for figures of every period."""
    in_force_to: date | None = None
    neighbours: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    source: str | None = None
    licence: str | None = None
    note: str | None = None

    def in_force_on(self, day: date) -> bool:
        started = self.in_force_from is None or self.in_force_from <= day
        return started and (self.in_force_to is None or day < self.in_force_to)


@dataclass(frozen=True)
class ComparatorGroup:
    """England, the region, statistical neighbours: a named set of areas to compare with.

    A fixed group lists its `members`. A group defined by a neighbour model (statistical
    neighbours) has `models`, one per published version, and its members depend on the area
    and on the date.
    """

    code: str
    name: str
    members: tuple[str, ...] = ()
    note: str | None = None
    ref: str | None = None
    models: tuple[ComparatorModel, ...] = ()

    def model_on(self, day: date) -> ComparatorModel | None:
        """The newest version in force on a day: the one a figure for a period ending then is ranked in."""
        found = [m for m in self.models if m.in_force_on(day)]
        return max(found, key=lambda m: m.in_force_from or date.min) if found else None

    def members_for(self, area_code: str, day: date) -> tuple[ComparatorModel | None, tuple[str, ...]]:
        """The area itself and its neighbours in the model in force on `day` (or the fixed members)."""
        if not self.models:
            return None, self.members
        model = self.model_on(day)
        if model is None or area_code not in model.neighbours:
            return model, ()
        return model, (area_code, *model.neighbours[area_code])
