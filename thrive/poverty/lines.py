"""Band lines for each year, household type and tenure, and the equivalence method that derives
the lines of household types the council has not priced from the type it has.

The method: a household's lines are its reference lines scaled by the ratio of its equivalence
scale to the reference composition's. The reference is the type's own priced entry when there
is one, otherwise the line set's base type. So a couple with two children aged 3 and 7 gets the
published lines exactly, and a single working-age adult gets them times 1.0 / 2.1.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from thrive.poverty.bands import LINES, TENURES, BandTenure

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class EquivalenceScale:
    name: str
    source: str
    first_adult: float
    other_person_14_or_over: float
    child_under_14: float

    def of(
        self, adults: npt.ArrayLike, children_14_or_over: npt.ArrayLike, children_under_14: npt.ArrayLike
    ) -> FloatArray:
        extra = np.asarray(adults, dtype=np.float64) - 1 + np.asarray(children_14_or_over, dtype=np.float64)
        return (
            self.first_adult
            + self.other_person_14_or_over * extra
            + self.child_under_14 * np.asarray(children_under_14, dtype=np.float64)
        )


@dataclass(frozen=True)
class HouseholdType:
    id: str
    label: str
    adults: int
    pensioners: int
    child_ages: tuple[int, ...]

    def scale(self, equivalence: EquivalenceScale) -> float:
        over = sum(1 for age in self.child_ages if age >= 14)
        return float(equivalence.of(self.adults, over, len(self.child_ages) - over))


@dataclass(frozen=True)
class LineEntry:
    """The four lines for one household type and tenure, with how they were derived."""

    household_type: str
    tenure: BandTenure
    lines: Mapping[str, float]
    derivation: str
    refs: Mapping[str, str] = field(default_factory=dict)
    components: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    derived: bool = False


@dataclass(frozen=True)
class LineSet:
    id: str
    valid_from: int
    title: str
    source: str
    base: str
    entries: tuple[LineEntry, ...]
    note: str = ""

    def entry(self, household_type: str, tenure: BandTenure) -> LineEntry | None:
        for entry in self.entries:
            if entry.household_type == household_type and entry.tenure == tenure:
                return entry
        return None


@dataclass(frozen=True)
class LineTable:
    """Every line set, with the reference lines each household type is scaled from."""

    sets: tuple[LineSet, ...]
    types: tuple[HouseholdType, ...]
    equivalence: EquivalenceScale
    pension_age: int
    reference_lines: FloatArray = field(repr=False)  # [set, type, tenure, line]
    reference_scales: FloatArray = field(repr=False)  # [set, type]

    @property
    def valid_from(self) -> npt.NDArray[np.int64]:
        return np.array([line_set.valid_from for line_set in self.sets], dtype=np.int64)

    def type_index(self, type_id: str) -> int:
        return [household_type.id for household_type in self.types].index(type_id)

    def set_for(self, year: int) -> LineSet:
        index = int(np.searchsorted(self.valid_from, year, side="right")) - 1
        if index < 0:
            raise LookupError(
                f"No band lines apply to {year}: the earliest set applies from {self.sets[0].valid_from}."
            )
        return self.sets[index]

    def lines_for(self, year: int) -> list[LineEntry]:
        """The lines of every household type and tenure in force in a year, derived or priced."""
        line_set = self.set_for(year)
        set_index = self.sets.index(line_set)
        rows = []
        for type_index, household_type in enumerate(self.types):
            for tenure in TENURES:
                priced = line_set.entry(household_type.id, tenure)
                if priced is not None:
                    rows.append(priced)
                    continue
                values = self.reference_lines[set_index, type_index, tenure.value]
                base_scale = self.types[self.type_index(line_set.base)].scale(self.equivalence)
                rows.append(
                    LineEntry(
                        household_type=household_type.id,
                        tenure=tenure,
                        lines=dict(zip(LINES, (float(round(value)) for value in values), strict=True)),
                        derivation=(
                            f"Derived: the {line_set.base} lines × {household_type.scale(self.equivalence):g} / "
                            f"{base_scale:g} ({self.equivalence.name})."
                        ),
                        derived=True,
                    )
                )
        return rows


def build_line_table(
    sets: Sequence[LineSet], types: Sequence[HouseholdType], equivalence: EquivalenceScale, pension_age: int
) -> LineTable:
    """Work out the reference lines for every set, type and tenure once, for vectorised lookup."""
    ordered = tuple(sorted(sets, key=lambda line_set: line_set.valid_from))
    type_ids = [household_type.id for household_type in types]
    lines = np.zeros((len(ordered), len(types), len(TENURES), len(LINES)))
    scales = np.zeros((len(ordered), len(types)))
    for set_index, line_set in enumerate(ordered):
        base_scale = types[type_ids.index(line_set.base)].scale(equivalence)
        for type_index, household_type in enumerate(types):
            own = [line_set.entry(household_type.id, tenure) for tenure in TENURES]
            if all(entry is not None for entry in own):
                scales[set_index, type_index] = household_type.scale(equivalence)
                for tenure, entry in zip(TENURES, own, strict=True):
                    assert entry is not None
                    lines[set_index, type_index, tenure.value] = [entry.lines[name] for name in LINES]
            else:
                scale = household_type.scale(equivalence)
                scales[set_index, type_index] = scale
                for tenure in TENURES:
                    base = line_set.entry(line_set.base, tenure)
                    assert base is not None
                    lines[set_index, type_index, tenure.value] = [
                        base.lines[name] * scale / base_scale for name in LINES
                    ]
    return LineTable(ordered, tuple(types), equivalence, pension_age, lines, scales)
