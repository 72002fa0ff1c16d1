"""A model run, from household records to the figures Thrive may publish.

Everything leaving this module has passed disclosure control: the band tables by ward and by
household type are protected together (they share Luton's band totals), and the children,
persistence and transition tables each on their own. The household records stay behind.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from thrive.framework.area import LUTON
from thrive.poverty.aggregate import BandCounts, count_bands
from thrive.poverty.bands import BANDS
from thrive.poverty.classify import Classification, classify
from thrive.poverty.disclosure import (
    DisclosureRules,
    ProtectedTable,
    protect_table,
    protect_tables_sharing_column_totals,
)
from thrive.poverty.households import Households
from thrive.poverty.lines import LineTable
from thrive.poverty.persistence import persistence, transitions

TOTAL = "total"
BAND_KEYS = tuple(band.name for band in BANDS)


@dataclass(frozen=True)
class Figure:
    """One published cell: `value` is None where disclosure control hid it; `ref` cites the
    document line for the council's own tables."""

    year: int
    breakdown: str
    row_key: str
    column_key: str
    value: float | None
    suppressed: bool
    ref: str | None = None


@dataclass(frozen=True)
class ModelRun:
    classification: Classification
    figures: tuple[Figure, ...]
    years: tuple[int, ...]
    line_set: str
    rules: DisclosureRules

    def destitution_share(self, year: int) -> tuple[float, float, float] | None:
        """The headline: % of households in band E, from the published counts (value, E, all)."""
        found = {
            f.column_key: f.value
            for f in self.figures
            if f.year == year and f.breakdown == "ward" and f.row_key == LUTON and f.column_key in ("E", TOTAL)
        }
        destitute, everyone = found.get("E"), found.get(TOTAL)
        if destitute is None or not everyone:
            return None
        return round(100 * destitute / everyone, 1), destitute, everyone


def run_model(households: Households, wards: tuple[str, ...], table: LineTable, rules: DisclosureRules) -> ModelRun:
    result = classify(households, table)
    type_ids = tuple(household_type.id for household_type in table.types)
    figures: list[Figure] = []
    for counts in count_bands(households, result, len(wards), len(type_ids)):
        figures += _band_tables(counts, wards, type_ids, rules)
    if np.unique(households.year).size > 1:
        followed = persistence(households, result)
        stayed = protect_table(
            np.array([followed.persistent, followed.households_followed - followed.persistent]), rules
        )
        figures += _figures(
            followed.last_year, "persistence", stayed, ("more_than_two_years", "other"), ("households",)
        )
        for moved in transitions(households, result):
            figures += _figures(moved.year, "transitions", protect_table(moved.counts, rules), BAND_KEYS, BAND_KEYS)
    years = tuple(int(year) for year in np.unique(households.year))
    line_set = table.set_for(years[-1]).id
    return ModelRun(result, tuple(figures), years, line_set, rules)


def _band_tables(
    counts: BandCounts, wards: tuple[str, ...], type_ids: tuple[str, ...], rules: DisclosureRules
) -> list[Figure]:
    by_ward, by_type = protect_tables_sharing_column_totals([counts.by_ward, counts.by_type], rules)
    children = protect_table(counts.children_in_poverty_by_ward, rules)
    unclassified = protect_table(np.array([counts.unclassified]), rules)
    return [
        *_figures(counts.year, "ward", by_ward, wards, BAND_KEYS),
        *_figures(counts.year, "household_type", by_type, type_ids, BAND_KEYS),
        *_figures(counts.year, "children_in_poverty", children, wards, ("D_E",)),
        _figure(counts.year, "unclassified", LUTON, "households", unclassified.total, unclassified.total_suppressed),
    ]


def _figures(
    year: int, breakdown: str, table: ProtectedTable, rows: tuple[str, ...], columns: tuple[str, ...]
) -> list[Figure]:
    """The cells and the margins, with Luton as the row of column totals."""
    figures = []
    for r, row in enumerate(rows):
        for c, column in enumerate(columns):
            figures.append(_figure(year, breakdown, row, column, table.cells[r, c], table.suppressed[r, c]))
        figures.append(_figure(year, breakdown, row, TOTAL, table.row_totals[r], table.row_totals_suppressed[r]))
    for c, column in enumerate(columns):
        figures.append(
            _figure(year, breakdown, LUTON, column, table.column_totals[c], table.column_totals_suppressed[c])
        )
    figures.append(_figure(year, breakdown, LUTON, TOTAL, table.total, table.total_suppressed))
    return figures


def _figure(year: int, breakdown: str, row: str, column: str, value: float, hidden: bool | np.bool_) -> Figure:
    return Figure(year, breakdown, row, column, None if bool(hidden) else float(value), bool(hidden))
