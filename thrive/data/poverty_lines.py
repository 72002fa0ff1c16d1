"""Read the band lines (datasets/luton2040/poverty/lines.yaml), checking them as they load.

A line may be given as a published total or as its components (the national MIS budget, the
local rent, the council tax and any adjustment), which must add up. Lines must fall from A/B
down to destitution, and every set must price its base type for every tenure.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from thrive.data.dataset import DatasetError
from thrive.datasets import dataset_path
from thrive.poverty.bands import LINES, TENURES, BandTenure
from thrive.poverty.lines import EquivalenceScale, HouseholdType, LineEntry, LineSet, LineTable, build_line_table

COMPONENTS = ("mis_budget", "rent", "council_tax", "adjustment")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Components(_Strict):
    mis_budget: float
    rent: float
    council_tax: float
    adjustment: float = 0.0

    @property
    def total(self) -> float:
        return self.mis_budget + self.rent + self.council_tax + self.adjustment


class _Entry(_Strict):
    household_type: str
    tenure: Literal["private_rent", "social_rent", "owner_occupied"]
    lines: dict[str, float] | None = None
    components: dict[str, _Components] | None = None
    same_as: Literal["private_rent", "social_rent"] | None = None
    refs: dict[str, str] = {}
    derivation: str

    @model_validator(mode="after")
    def _one_way_of_giving_lines(self) -> _Entry:
        given = [self.lines is not None, self.components is not None, self.same_as is not None]
        if sum(given) != 1:
            raise ValueError("give the lines one way: `lines`, `components` or `same_as`")
        named = self.lines if self.lines is not None else self.components
        if named is not None and set(named) != set(LINES):
            raise ValueError(f"give all four lines, {', '.join(LINES)}")
        return self


class _LineSet(_Strict):
    id: str
    valid_from: int
    title: str
    source: str
    valid_from_note: str = ""
    base: str
    entries: list[_Entry]


class _Type(_Strict):
    id: str
    label: str
    adults: int
    pensioners: int
    child_ages: list[int]


class _Scale(_Strict):
    name: str
    source: str
    first_adult: float
    other_person_14_or_over: float
    child_under_14: float


class _PensionAge(_Strict):
    value: int
    source: str


class _LinesFile(_Strict):
    pension_age: _PensionAge
    equivalence_scale: _Scale
    household_types: list[_Type]
    line_sets: list[_LineSet]


def load_line_table(path: Path | None = None) -> LineTable:
    path = path or dataset_path("luton2040") / "poverty" / "lines.yaml"
    try:
        raw = _LinesFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as error:
        first = error.errors()[0]
        place = ".".join(str(part) for part in first["loc"])
        raise DatasetError(f"{path.name}, {place}: {first['msg']}") from error
    types = tuple(
        HouseholdType(t.id, t.label, t.adults, t.pensioners, tuple(t.child_ages)) for t in raw.household_types
    )
    type_ids = {household_type.id for household_type in types}
    sets = tuple(_line_set(path, line_set, type_ids) for line_set in raw.line_sets)
    scale = EquivalenceScale(**raw.equivalence_scale.model_dump())
    return build_line_table(sets, types, scale, raw.pension_age.value)


def _line_set(path: Path, raw: _LineSet, type_ids: set[str]) -> LineSet:
    where = f"{path.name}, line set '{raw.id}'"
    given: dict[tuple[str, str], _Entry] = {}
    for entry in raw.entries:
        if entry.household_type not in type_ids:
            raise DatasetError(f"{where}: there is no household type '{entry.household_type}'")
        given[(entry.household_type, entry.tenure)] = entry
    entries = []
    for (type_id, tenure_word), entry in given.items():
        source = given.get((type_id, entry.same_as)) if entry.same_as else entry
        if source is None or source.same_as:
            raise DatasetError(f"{where}: {type_id} {tenure_word} copies {entry.same_as}, which is not priced")
        values = _values(source)
        _check_order(where, type_id, tenure_word, values)
        entries.append(
            LineEntry(
                household_type=type_id,
                tenure=BandTenure[tenure_word.upper()],
                lines=values,
                derivation=entry.derivation,
                refs=source.refs,
                components={name: part.model_dump() for name, part in (source.components or {}).items()},
            )
        )
    missing = [tenure.word for tenure in TENURES if (raw.base, tenure.word) not in given]
    if missing:
        raise DatasetError(f"{where}: the base type '{raw.base}' needs lines for {', '.join(missing)}")
    note = raw.valid_from_note
    return LineSet(raw.id, raw.valid_from, raw.title, raw.source, raw.base, tuple(entries), note)


def _values(entry: _Entry) -> dict[str, float]:
    if entry.lines is not None:
        return dict(entry.lines)
    assert entry.components is not None
    return {name: entry.components[name].total for name in LINES}


def _check_order(where: str, type_id: str, tenure: str, values: dict[str, float]) -> None:
    ordered = [values[name] for name in LINES]
    if any(upper < lower for upper, lower in pairwise(ordered)):
        raise DatasetError(f"{where}: the {type_id} {tenure} lines must fall from a_b to destitution")
