"""Read a shipped dataset folder (see docs/dataset-format.md) into domain objects.

The YAML is checked with Pydantic first, so a mistake in a data file is reported with
its file and the entry that holds it, before anything reaches the store.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any, Literal, Self

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from thrive.datasets import dataset_path
from thrive.framework import (
    Area,
    AreaType,
    ComparatorGroup,
    IndicatorLink,
    Match,
    Measure,
    Observation,
    ObservationFlag,
    Outcome,
    PartnershipGroup,
    PeriodError,
    Polarity,
    Priority,
    RoadMap,
    Series,
    Target,
    TargetSpec,
    parse_period,
)
from thrive.framework.dataset import Dataset, Document
from thrive.framework.reconciliation import Prefer, Reconciliation
from thrive.framework.roadmap import Frequency, Note


class DatasetError(ValueError):
    """A shipped data file is wrong; the message names the file and the entry."""


class _Model(BaseModel):
    """Unknown keys are refused (they are usually typos), except provenance: `note` and any `*_ref`."""

    model_config = ConfigDict(extra="allow", frozen=True)

    @model_validator(mode="after")
    def _only_provenance_extras(self) -> Self:
        unknown = [key for key in self.model_extra or {} if key != "note" and not key.endswith("_ref")]
        if unknown:
            raise ValueError(f"unknown field(s): {', '.join(unknown)}")
        return self


class DocumentEntry(_Model):
    id: str
    file: str
    title: str
    publisher: str | None = None
    published: str | int | None = None
    cited_as: str | None = None


class PriorityEntry(_Model):
    code: str
    name: str
    ordinal: int
    summary: str = ""
    ref: str | None = None


class GroupEntry(_Model):
    code: str
    name: str
    confirmed: bool = True
    note: str | None = None
    ref: str | None = None


class NoteEntry(_Model):
    text: str
    ref: str | None = None


class ObservationEntry(_Model):
    area: str
    period: str
    covers: str | None = None
    """The span the figure covers, where the printed label is ambiguous: a school year printed `2019`
    covers 2018/19. The figure is stored under the span, so it lines up with the official series and
    reads like it; its note keeps the label as printed."""
    value: float
    numerator: float | None = None
    denominator: float | None = None
    lower_ci: float | None = None
    upper_ci: float | None = None
    flags: list[ObservationFlag] = Field(default_factory=list)
    role: Literal["baseline", "latest", "national", "comparator", "other"] = "other"
    note: str | None = None
    ref: str | None = None


class SeriesEntry(_Model):
    id: str
    label: str
    unit: str
    observations: list[ObservationEntry] = Field(default_factory=list)


class TargetEntry(BaseModel):
    """Structured fields vary by kind, so they are checked by TargetSpec rather than here."""

    model_config = ConfigDict(extra="allow", frozen=True)
    year: int
    text: str
    kind: str
    series: str | None = None
    ref: str | None = None
    note: str | None = None


class MeasureEntry(_Model):
    id: str
    priority: str
    ordinal: int
    outcome: str
    measure: str
    outcome_ref: str | None = None
    priority_table: dict[str, Any] | None = None
    headline: bool = False
    headline_table: dict[str, Any] | None = None
    unit: str
    polarity: Polarity
    frequency: Frequency
    definition: str
    source: str
    groups: list[str]
    groups_ref: str | None = None
    series: list[SeriesEntry]
    targets: list[TargetEntry] = Field(default_factory=list)
    notes: list[NoteEntry] = Field(default_factory=list)


class ComparatorEntry(_Model):
    code: str
    name: str
    members: list[str] = Field(default_factory=list)
    note: str | None = None
    ref: str | None = None


class _Override(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    area: str
    period: str
    prefer: Prefer
    why: str


class _Link(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    series: str
    indicator: str
    match: Match
    note: str
    ref: str | None = None
    prefer: Prefer | None = None
    why: str | None = None
    overrides: list[_Override] = Field(default_factory=list)

    @model_validator(mode="after")
    def _exact_links_decide(self) -> _Link:
        """An exact link feeds the Road Map series, so it must say which figure stands where the two differ."""
        if self.match is Match.EXACT and (self.prefer is None or not self.why):
            raise ValueError("an exact link needs 'prefer' (official or council) and 'why'")
        if self.match is not Match.EXACT and (self.prefer or self.overrides):
            raise ValueError("only an exact link feeds the Road Map series, so only it has 'prefer' and 'overrides'")
        return self


def _link_entries(path: Path) -> list[_Link]:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    out = []
    for index, item in enumerate(raw, start=1):
        try:
            out.append(_Link.model_validate(item))
        except ValidationError as error:
            raise DatasetError(f"{path.name}, entry {index} ({item.get('series')}): {error}") from error
    return out


@cache
def shipped_links(dataset: str = "luton2040") -> tuple[tuple[IndicatorLink, ...], tuple[Reconciliation, ...]]:
    """The Road Map's links to official indicators and the decisions of its exact ones; read once per process."""
    path = dataset_path(dataset) / "indicator_links.yaml"
    if not path.is_file():
        return (), ()
    entries = _link_entries(path)
    links = tuple(IndicatorLink(e.series, e.indicator, e.match, e.note, e.ref) for e in entries)
    decisions = tuple(
        Reconciliation(
            e.series,
            e.indicator,
            e.prefer,
            e.why or "",
            {(o.area, o.period): (o.prefer, o.why) for o in e.overrides},
        )
        for e in entries
        if e.prefer is not None
    )
    return links, decisions


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=yaml.CSafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise DatasetError(f"{path.name}: cannot be read: {error}") from error


def _entries(path: Path, model: type[_Model] | type[TargetEntry]) -> list[Any]:
    raw = _read_yaml(path)
    if not isinstance(raw, list):
        raise DatasetError(f"{path.name}: expected a list of entries.")
    out = []
    for index, item in enumerate(raw, start=1):
        try:
            out.append(model.model_validate(item))
        except ValidationError as error:
            label = item.get("id") or item.get("code") if isinstance(item, dict) else None
            raise DatasetError(f"{path.name}, entry {index} ({label}): {error}") from error
    return out


def _read_areas(path: Path) -> tuple[Area, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Area(
                code=row["code"],
                name=row["name"],
                type=AreaType(row["type"]),
                parent=row["parent"] or None,
                vintage=row["vintage"] or None,
            )
            for row in csv.DictReader(handle)
        )


def luton_wards(name: str = "luton2040") -> list[str]:
    """Luton's ward codes, from the dataset's list of areas: the wards a caseload extract may name."""
    return sorted(a.code for a in _read_areas(dataset_path(name) / "areas.csv") if a.type is AreaType.WARD)


def _measure(entry: MeasureEntry) -> Measure:
    outcome = Outcome(entry.outcome, entry.priority, entry.ordinal, entry.outcome_ref)
    table = entry.priority_table or {}
    return Measure(
        id=entry.id,
        outcome=outcome,
        wording=entry.measure,
        unit=entry.unit,
        polarity=entry.polarity,
        frequency=entry.frequency,
        definition=entry.definition,
        source=entry.source,
        groups=tuple(entry.groups),
        headline=entry.headline,
        series=tuple(
            Series(s.id, entry.id, s.label, s.unit, ordinal) for ordinal, s in enumerate(entry.series, start=1)
        ),
        published_trend=str(table["trend"]) if table.get("trend") else None,
        priority_table={str(k): str(v) for k, v in table.items()},
        notes=tuple(Note(n.text, n.ref) for n in entry.notes),
        ownership_ref=entry.groups_ref,
    )


def _target(measure: MeasureEntry, entry: TargetEntry, where: str) -> Target:
    series_ids = [s.id for s in measure.series]
    series_id = entry.series or series_ids[0]
    if series_id not in series_ids:
        raise DatasetError(f"{where}: series '{series_id}' is not one of {series_ids}.")
    structured = {
        key: value for key, value in entry.model_dump().items() if key not in {"year", "text", "series", "ref", "note"}
    }
    try:
        spec = TargetSpec.from_dict(structured)
    except (KeyError, ValueError) as error:
        raise DatasetError(f"{where}: {error}") from error
    return Target(measure.id, series_id, entry.year, entry.text, spec, entry.ref, entry.note)


def _observations(measure: MeasureEntry, where: str) -> list[Observation]:
    frequency = Frequency(measure.frequency)
    out = []
    for series in measure.series:
        for entry in series.observations:
            try:
                period = parse_period(entry.covers or entry.period, year_span=frequency.year_span)
            except PeriodError as error:
                raise DatasetError(f"{where}, series '{series.id}', observation {entry.ref}: {error}") from error
            out.append(
                Observation(
                    series_id=series.id,
                    area_code=entry.area,
                    period=period,
                    value=entry.value,
                    numerator=entry.numerator,
                    denominator=entry.denominator,
                    lower_ci=entry.lower_ci,
                    upper_ci=entry.upper_ci,
                    flags=frozenset(entry.flags),
                    note=_printed_as(entry),
                    ref=entry.ref,
                )
            )
    return out


def _printed_as(entry: ObservationEntry) -> str | None:
    """The note, with the label the document printed where the figure is stored under the span it covers."""
    if entry.covers is None:
        return entry.note
    printed = f"The Road Map prints this period as '{entry.period}'."
    return f"{entry.note} {printed}" if entry.note else printed


def load_dataset(name: str = "luton2040") -> Dataset:
    folder = dataset_path(name)
    documents = [
        Document(d.id, d.file, d.title, d.publisher, None if d.published is None else str(d.published), d.cited_as)
        for d in _entries(folder / "documents.yaml", DocumentEntry)
    ]
    priorities = [
        Priority(p.code, p.name, p.ordinal, p.summary, p.ref)
        for p in _entries(folder / "priorities.yaml", PriorityEntry)
    ]
    groups = [
        PartnershipGroup(g.code, g.name, g.confirmed, g.note, g.ref)
        for g in _entries(folder / "groups.yaml", GroupEntry)
    ]
    comparators = [
        ComparatorGroup(c.code, c.name, tuple(c.members), c.note, c.ref)
        for c in _entries(folder / "comparators.yaml", ComparatorEntry)
    ]
    areas = _read_areas(folder / "areas.csv")
    entries: list[MeasureEntry] = _entries(folder / "measures.yaml", MeasureEntry)

    measures: list[Measure] = []
    targets: list[Target] = []
    observations: list[Observation] = []
    for entry in entries:
        where = f"measures.yaml, measure '{entry.id}'"
        measures.append(_measure(entry))
        targets.extend(_target(entry, t, f"{where}, {t.year} target") for t in entry.targets)
        observations.extend(_observations(entry, where))

    links, _ = shipped_links(name)
    roadmap = RoadMap(
        tuple(priorities), tuple(groups), tuple(measures), tuple(targets), areas, tuple(comparators), links
    )
    _check_references(roadmap, observations)
    bands_path = folder / "fqol_bands.yaml"
    band_tables = tuple(_read_yaml(bands_path) or ()) if bands_path.is_file() else ()
    return Dataset(name, roadmap, tuple(observations), tuple(documents), band_tables)


def _check_references(roadmap: RoadMap, observations: list[Observation]) -> None:
    """A dataset that names a group, priority or area it does not define is refused whole."""
    priorities = {p.code for p in roadmap.priorities}
    groups = {g.code for g in roadmap.groups}
    areas = {a.code for a in roadmap.areas}
    comparators = {c.code for c in roadmap.comparators} | areas
    problems = []
    seen_series: set[str] = set()
    for measure in roadmap.measures:
        if measure.priority not in priorities:
            problems.append(f"measure '{measure.id}' names unknown priority '{measure.priority}'")
        problems += [f"measure '{measure.id}' names unknown group '{g}'" for g in measure.groups if g not in groups]
        for series in measure.series:
            if series.id in seen_series:
                problems.append(f"series '{series.id}' is defined twice")
            seen_series.add(series.id)
    for target in roadmap.targets:
        specs = (target.spec, *target.spec.options)
        problems += [
            f"{target.measure_id} {target.year} target names unknown comparator '{s.comparator}'"
            for s in specs
            if s.comparator and s.comparator not in comparators
        ]
    problems += [
        f"observation for '{o.series_id}' names unknown area '{o.area_code}'"
        for o in observations
        if o.area_code not in areas
    ]
    if problems:
        raise DatasetError("measures.yaml: " + "; ".join(problems))
