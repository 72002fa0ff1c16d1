"""Department for Education statistics in their two long layouts, whichever measures they hold.

- **LAIT** (the Local Authority Interactive Tool's long table): one row per measure, area and
  period, with `measure_code`, `period`, `ons_code` (or `new_la_code`) and `value`.
- **Explore education statistics** (the EES open-data layout): `time_period` and
  `time_identifier`, `geographic_level` with the codes for each level (`country_code`,
  `region_code`, `new_la_code`), filter columns (such as `population_type`) and one column per
  indicator (such as `children_count`, `rate_per_10000`). Each indicator column, for each
  combination of filter values, is one Thrive indicator.

DfE writes `c` (confidential), `x` (not available), `z` (not applicable), `low` and, in LAIT, `-`
for figures it does not show: they are kept as suppressed figures, never as numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import partial

import numpy as np
import pandas as pd

from thrive.data.official import (
    GSS_CODE,
    LOW_RELIABILITY_MARKERS,
    SUPPRESSED_MARKERS,
    IndicatorNotes,
    IndicatorRows,
    RowChunk,
    area_type_of,
    described,
    indicator_id,
    marker_note,
    per_value,
    unit_of,
    with_breaks,
)
from thrive.data.problems import Problem
from thrive.data.reading import FIRST_DATA_ROW
from thrive.framework import Area, Indicator, PeriodKind, Polarity

PUBLISHER = "Department for Education"
LICENCE = "Open Government Licence v3.0"
LAIT_SOURCE = "DfE Local Authority Interactive Tool (LAIT)"
EES_SOURCE = "DfE explore education statistics"

_LAIT = {
    "measurecode": "measure",
    "measureshort": "measure",
    "measuredescription": "description",
    "period": "period",
    "year": "period",
    "onscode": "area",
    "newlacode": "area",
    "areaname": "area_name",
    "laname": "area_name",
    "value": "value",
}
EES_STANDARD = {
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
    "lad_code",
    "lad_name",
}
_LEVEL_CODE = {"national": "country_code", "regional": "region_code", "local authority": "new_la_code"}
_LEVEL_NAME = {"national": "country_name", "regional": "region_name", "local authority": "la_name"}
_TIME_IDENTIFIERS = {
    "academic year": PeriodKind.ACADEMIC_YEAR,
    "financial year": PeriodKind.FINANCIAL_YEAR,
    "reporting year": PeriodKind.FINANCIAL_YEAR,
    "calendar year": PeriodKind.CALENDAR_YEAR,
}
"""EES time identifiers Thrive reads. A DfE "reporting year" (children's social care) is the year
to 31 March, so it is read as the financial year ending then."""
_SIX_DIGITS = re.compile(r"^(\d{4})(\d{2})$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE]-?\d+)?$")


def _key(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def dfe_rows(frame: pd.DataFrame, file: str, catalogue: Mapping[str, IndicatorNotes]) -> IndicatorRows:
    """Either layout: EES when the file has `time_period` and `geographic_level`, LAIT otherwise."""
    columns = {c.strip().lower() for c in frame.columns}
    if {"time_period", "geographic_level"} <= columns:
        return _ees_rows(frame, file, catalogue)
    return _lait_rows(frame, file, catalogue)


# ---------------------------------------------------------------- shared


def _marked(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which cells are withheld or unreliable, and the numbers left to store."""
    text = values.astype(str).str.strip()
    lower = text.str.lower()
    withheld = lower.isin(SUPPRESSED_MARKERS).to_numpy()
    unreliable = lower.isin(LOW_RELIABILITY_MARKERS).to_numpy()
    numbers = np.where(withheld | unreliable, "", text.to_numpy(dtype=object))
    return withheld | unreliable, unreliable, numbers


def _label(label: str, kind: PeriodKind | None) -> str:
    """A DfE period as Thrive writes it: LAIT's `2024` for an academic measure is the year 2023/24.

    DfE names a school or financial year by the calendar year it ends in (LAIT) or by six digits
    (`202324`, EES); both become `2023/24`. A label already written as `2023/24` is kept.
    """
    text = label.strip()
    if match := _SIX_DIGITS.match(text):
        return f"{match.group(1)}/{match.group(2)}"
    if kind in (PeriodKind.ACADEMIC_YEAR, PeriodKind.FINANCIAL_YEAR) and re.fullmatch(r"\d{4}", text):
        end = int(text)
        return f"{end - 1}/{end % 100:02d}"
    return text


def _frame(
    ids: np.ndarray,
    areas: np.ndarray,
    periods: np.ndarray,
    kinds: np.ndarray,
    values: pd.Series,
    sources: np.ndarray,
) -> pd.DataFrame:
    withheld, unreliable, numbers = _marked(values)
    notes = np.where(withheld, per_value(values.astype(str).str.strip(), marker_note), "")
    return pd.DataFrame(
        {
            "series": ids,
            "area": areas,
            "period": periods,
            "period_kind": kinds,
            "value": numbers,
            "suppressed": np.where(withheld, "yes", ""),
            "low_reliability": np.where(unreliable, "yes", ""),
            "source": sources,
            "note": notes,
        }
    )


def _areas(codes: pd.Series, names: pd.Series) -> list[Area]:
    first = pd.DataFrame({"code": codes.to_numpy(), "name": names.to_numpy()}).drop_duplicates("code")
    out = []
    for code, name in zip(first["code"], first["name"], strict=True):
        kind = area_type_of(str(code))
        if kind is not None:
            out.append(Area(str(code), str(name) if str(name) not in ("", "nan") else str(code), kind))
    return out


# ---------------------------------------------------------------- LAIT


def _lait_rows(frame: pd.DataFrame, file: str, catalogue: Mapping[str, IndicatorNotes]) -> IndicatorRows:
    renames: dict[str, str] = {}
    for column in frame.columns:
        ours = _LAIT.get(_key(column))
        if ours is not None and ours not in renames.values():
            renames[column] = ours
    labels = {ours: original for original, ours in renames.items()}
    missing = [c for c in ("measure", "period", "area", "value") if c not in labels]
    if missing:
        names = {"measure": "'measure_code'", "area": "'ons_code' or 'new_la_code'"}
        wanted = ", ".join(names.get(c, f"'{c}'") for c in missing)
        return IndicatorRows.refused(
            Problem(
                file,
                1,
                None,
                f"this is not a DfE file Thrive reads: it has no {wanted} column "
                "(LAIT long layout), nor 'time_period' and 'geographic_level' (explore education statistics).",
            )
        )
    data = frame.rename(columns=renames)[list(renames.values())].copy()
    for column in data.columns:
        data[column] = data[column].astype(str).str.strip()
    for optional in ("description", "area_name"):
        if optional not in data:
            data[optional] = ""
    rows = np.arange(len(data)) + FIRST_DATA_ROW
    # Rows with no ONS code (areas before a reorganisation, such as pre-2019 Dorset) cannot be placed.
    placed = (data["area"] != "").to_numpy() & (data["area"].str.lower() != "nan").to_numpy()
    skipped = (
        {"rows with no ONS area code (areas that no longer exist)": int((~placed).sum())} if (~placed).any() else {}
    )

    ids = per_value(data["measure"], lambda code: indicator_id("dfe", code))
    kinds_by_id = {i: _kind_of(catalogue, i) for i in set(ids.tolist())}
    kinds = np.array([kinds_by_id[i] for i in ids.tolist()], dtype=object)
    # Without the catalogue's word, a two-year label is DfE's usual school year (2015/16).
    two_year = data["period"].str.fullmatch(r"\d{4}/\d{2}").to_numpy()
    kinds = np.where((kinds == "") & two_year, PeriodKind.ACADEMIC_YEAR.value, kinds)
    periods = np.array(
        [_label(p, PeriodKind(k) if k else None) for p, k in zip(data["period"], kinds, strict=True)], dtype=object
    )
    named = data["description"].where(data["description"] != "", data["measure"])
    sources = (LAIT_SOURCE + ": " + named).to_numpy(dtype=object)
    out = _frame(ids, data["area"].to_numpy(), periods, kinds, data["value"], sources)
    out = with_breaks(out.assign(period=data["period"].to_numpy()), catalogue).assign(period=periods)
    indicators = []
    for identity, position in pd.Series(range(len(ids)), index=ids).groupby(level=0).first().items():
        row = data.iloc[int(position)]
        found = Indicator(
            id=str(identity),
            title=str(row["description"]) or str(row["measure"]),
            definition=f"{row['description'] or row['measure']} (LAIT measure {row['measure']}), as DfE publishes it.",
            unit=unit_of(str(row["description"])),
            polarity=Polarity.NO_JUDGEMENT,
            period_type=kinds_by_id[identity] or PeriodKind.CALENDAR_YEAR.value,
            source=f"{LAIT_SOURCE}: {row['measure']}",
            publisher=PUBLISHER,
            licence=LICENCE,
        )
        indicators.append(described(found, catalogue))
    return IndicatorRows(
        [RowChunk(out[placed].reset_index(drop=True), rows[placed], labels)],
        indicators,
        _areas(data.loc[placed, "area"], data.loc[placed, "area_name"]),
        skipped,
        [],
    )


def _kind_of(catalogue: Mapping[str, IndicatorNotes], identity: str) -> str:
    """The period type the catalogue gives a LAIT measure ('' when unknown: the label says it)."""
    known = catalogue.get(identity)
    return known.indicator.period_type if known else ""


# ---------------------------------------------------------------- explore education statistics


def _ees_rows(frame: pd.DataFrame, file: str, catalogue: Mapping[str, IndicatorNotes]) -> IndicatorRows:
    data = frame.copy()
    data.columns = [str(c).strip().lower() for c in data.columns]
    for column in data.columns:
        data[column] = data[column].astype(str).str.strip()
    rows = np.arange(len(data)) + FIRST_DATA_ROW
    problems: list[Problem] = []

    level = data["geographic_level"].str.lower()
    codes = pd.Series("", index=data.index, dtype=object)
    names = pd.Series("", index=data.index, dtype=object)
    for name, column in _LEVEL_CODE.items():
        if column in data:
            here = level == name
            codes[here] = data.loc[here, column]
            names[here] = data.loc[here, _LEVEL_NAME[name]] if _LEVEL_NAME[name] in data else ""
    known_level = level.isin(list(_LEVEL_CODE)).to_numpy()
    skipped = {}
    if (~known_level).any():
        skipped["rows for geographic levels Thrive does not hold (such as parliamentary constituencies)"] = int(
            (~known_level).sum()
        )
    for i in np.flatnonzero(known_level & ~codes.str.match(GSS_CODE).to_numpy()).tolist():
        column = _LEVEL_CODE[str(level.iat[i])]
        problems.append(
            Problem(file, int(rows[i]), column, f"'{codes.iat[i]}' is not a GSS area code, like E06000032.")
        )
    # A region code of a kind Thrive does not hold (DfE's Inner and Outer London, E13) is set aside.
    placeable = pd.notna(per_value(codes, area_type_of))
    other_kind = known_level & codes.str.match(GSS_CODE).to_numpy() & ~placeable
    if other_kind.any():
        skipped["rows for areas of a kind Thrive does not hold (such as Inner and Outer London)"] = int(
            other_kind.sum()
        )
    known_level = known_level & ~other_kind

    identifier = data.get("time_identifier", pd.Series("", index=data.index)).str.lower()
    kind_values = np.array(
        [_TIME_IDENTIFIERS[t].value if t in _TIME_IDENTIFIERS else "" for t in identifier.tolist()], dtype=object
    )
    for i in np.flatnonzero(known_level & (kind_values == "")).tolist():
        problems.append(
            Problem(
                file,
                int(rows[i]),
                "time_identifier",
                f"'{data['time_identifier'].iat[i]}' is a time identifier Thrive does not read yet. "
                "Use files by academic, financial, reporting or calendar year.",
            )
        )
    periods = np.array(
        [_label(p, PeriodKind(k) if k else None) for p, k in zip(data["time_period"], kind_values, strict=True)],
        dtype=object,
    )

    extra = [c for c in data.columns if c not in EES_STANDARD]
    indicators_columns = [c for c in extra if _is_indicator(data[c])]
    filters = [c for c in extra if c not in indicators_columns]
    if not indicators_columns:
        return IndicatorRows.refused(
            Problem(file, 1, None, "no column holds figures: an indicator column has numbers (or DfE's markers).")
        )
    filter_text = data[filters].agg(" ".join, axis=1) if filters else pd.Series("", index=data.index)
    chunks = []
    indicators: dict[str, Indicator] = {}
    labels = {"period": "time_period", "period_kind": "time_identifier"}
    area_column = str(level[known_level].map(_LEVEL_CODE).mode().iat[0]) if known_level.any() else "new_la_code"
    for column in indicators_columns:
        depends = _varies_with_filters(data, codes, column, filters)
        conditions = filter_text if depends else pd.Series("", index=data.index)
        ids = per_value(conditions, partial(indicator_id, "dfe", column))
        sources = per_value(conditions, partial(_source, column))
        part = with_breaks(_frame(ids, codes.to_numpy(), periods, kind_values, data[column], sources), catalogue)
        # A column that does not vary with the filters (a population estimate) is one indicator, once.
        once = known_level & ~pd.DataFrame({"i": ids, "a": codes, "p": periods}).duplicated().to_numpy()
        chunks.append(
            RowChunk(part[once].reset_index(drop=True), rows[once], {**labels, "value": column, "area": area_column})
        )
        first = pd.Series(range(len(ids)), index=ids).groupby(level=0).first()
        for identity, position in first.items():
            title = _title(column, str(conditions.iat[int(position)]))
            found = Indicator(
                id=str(identity),
                title=title,
                definition=f"{title}, from {file} ({EES_SOURCE}).",
                unit=unit_of(column),
                polarity=Polarity.NO_JUDGEMENT,
                period_type=kind_values[int(position)] or "unknown",
                source=f"{EES_SOURCE}: {column}",
                publisher=PUBLISHER,
                licence=LICENCE,
            )
            indicators[str(identity)] = described(found, catalogue)
    return IndicatorRows(
        chunks,
        list(indicators.values()),
        _areas(codes[known_level], names[known_level]),
        skipped,
        problems,
    )


def _title(column: str, condition: str) -> str:
    """An EES indicator as a reader names it: its column in words, and the filter values it depends on."""
    return column.replace("_", " ").capitalize() + (f": {condition}" if condition else "")


def _source(column: str, condition: str) -> str:
    return f"{EES_SOURCE}: {_title(column, condition)}"


def _varies_with_filters(data: pd.DataFrame, codes: pd.Series, column: str, filters: list[str]) -> bool:
    """Whether a column's figures differ between filter values for the same area and period."""
    if not filters:
        return False
    distinct = data.assign(_area=codes).groupby(["_area", "time_period"])[column].nunique()
    return bool((distinct > 1).any())


def _is_indicator(column: pd.Series) -> bool:
    """A column of figures: at least one number, and nothing but numbers, markers and blanks."""
    values = column[column != ""]
    lower = values.str.lower()
    numeric = values.str.match(_NUMBER)
    markers = lower.isin(SUPPRESSED_MARKERS | LOW_RELIABILITY_MARKERS)
    return bool(numeric.any()) and bool((numeric | markers).all())
