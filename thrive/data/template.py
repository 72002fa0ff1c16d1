"""Thrive's own import template: one row per observation.

The columns are documented in docs/import-template.md with an example file. Validation
is vectorised, so a million rows are checked in seconds, and each problem names the row
and column and says how to put it right.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from thrive.data.bounds import load_bounds
from thrive.data.problems import Problem
from thrive.data.reading import FIRST_DATA_ROW
from thrive.data.safe_cells import restore
from thrive.framework import PeriodError, PeriodKind, RoadMap, parse_period
from thrive.framework.bounds import FigureBounds, UnitRange
from thrive.framework.observation import BATCH_COLUMNS, FLAGS, KEY, NUMBERS, TEXTS

TEMPLATE_COLUMNS = [
    "measure",
    "series",
    "area",
    "period",
    "period_kind",
    "value",
    "numerator",
    "denominator",
    "lower_ci",
    "upper_ci",
    *FLAGS,
    *TEXTS,
    "ref",
    "outlier_reason",
]
REQUIRED_COLUMNS = ["measure", "area", "period", "value"]
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}
OUTLIER_MARK = "Outside the usual range: "
"""How a figure's note keeps the reason it was accepted outside its unit's usual range."""
_THOUSANDS = re.compile(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")


@dataclass(frozen=True)
class ValidationContext:
    """What a file is checked against: the measures, their series and units, the known areas and the bounds."""

    series_by_measure: Mapping[str, tuple[str, ...]]
    year_span_by_measure: Mapping[str, PeriodKind]
    areas: frozenset[str]
    unit_by_series: Mapping[str, str] = field(default_factory=dict)
    bounds: FigureBounds = field(default_factory=load_bounds)
    today: date = field(default_factory=date.today)
    """A period must have begun by this day to hold a figure."""

    @classmethod
    def from_roadmap(cls, roadmap: RoadMap) -> ValidationContext:
        return cls(
            series_by_measure={m.id: tuple(s.id for s in m.series) for m in roadmap.measures},
            year_span_by_measure={m.id: m.frequency.year_span for m in roadmap.measures},
            areas=frozenset(a.code for a in roadmap.areas),
            unit_by_series={s.id: s.unit for s in roadmap.all_series()},
        )

    @classmethod
    def for_indicators(cls, areas: frozenset[str], units: Mapping[str, str]) -> ValidationContext:
        """Rows an official-statistics reader has tied to indicators: only the areas and units matter."""
        return cls(series_by_measure={}, year_span_by_measure={}, areas=areas, unit_by_series=units)


@dataclass
class _Checker:
    file: str
    rows: np.ndarray
    labels: Mapping[str, str]
    problems: list[Problem] = field(default_factory=list)

    def flag(self, mask: np.ndarray, column: str, message: Callable[[int], str]) -> None:
        for index in np.flatnonzero(mask):
            self.problems.append(
                Problem(self.file, int(self.rows[index]), self.labels.get(column, column), message(int(index)))
            )


@dataclass(frozen=True)
class _Distinct:
    """A text column as codes into its distinct values: a million rows hold only a few hundred.

    Each check runs once per distinct value and is spread back to the rows by the codes.
    """

    codes: npt.NDArray[np.intp]
    uniques: npt.NDArray[np.object_]

    @classmethod
    def of(cls, frame: pd.DataFrame, column: str) -> _Distinct:
        if column not in frame.columns:
            return cls(np.zeros(len(frame), dtype=np.intp), np.array([""], dtype=object))
        codes, uniques = pd.factorize(frame[column])
        return cls(codes, np.array([str(u).strip() for u in uniques], dtype=object))

    @property
    def values(self) -> npt.NDArray[np.object_]:
        return self.uniques[self.codes]

    def test(self, predicate: Callable[[str], bool]) -> npt.NDArray[np.bool_]:
        verdicts: npt.NDArray[np.bool_] = np.array([predicate(u) for u in self.uniques], dtype=bool)
        return verdicts[self.codes]

    def mapped(self, function: Callable[[str], object]) -> npt.NDArray[np.object_]:
        results: npt.NDArray[np.object_] = np.array([function(u) for u in self.uniques] + [None], dtype=object)
        return results[:-1][self.codes]

    def text(self, index: int) -> str:
        return str(self.uniques[self.codes[index]])


def _numbers(
    frame: pd.DataFrame, column: str, checker: _Checker, *, required: bool, optional: np.ndarray | None = None
) -> np.ndarray:
    """Plain decimal numbers: no %, no £, no 'n/a'; thousands commas are accepted.

    A required column may be empty on the rows `optional` marks (a suppressed figure has no number).
    """
    if column not in frame.columns:
        return np.full(len(frame), np.nan)
    text = frame[column].astype(str).str.strip()
    blank = (text == "").to_numpy()
    values = _cast_numbers(text.where(~blank, None))
    if values is None:
        values = np.array([_one_number(t) for t in text.tolist()], dtype=float)
    bad = ~blank & ~np.isfinite(values)
    checker.flag(bad, column, lambda i: f"enter a number, like 9.9. '{text.iat[i]}' is not a number.")
    if required:
        needed = blank if optional is None else blank & ~optional
        checker.flag(needed, column, lambda i: "enter a number, like 9.9. This cell is empty.")
    values[bad] = np.nan
    return values


def _cast_numbers(text: pd.Series) -> np.ndarray | None:
    """Arrow's strict number parser, for the common case of a clean column."""
    try:
        parsed = pc.cast(pa.array(text, type=pa.string()), pa.float64())
    except pa.ArrowInvalid:
        return None
    return np.array(parsed.to_numpy(zero_copy_only=False), dtype=float)


def _one_number(text: str) -> float:
    """The slow path, one cell at a time, only for a column that has a problem or thousands commas."""
    if not text:
        return np.nan
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    parsed = _cast_numbers(pd.Series([text], dtype=str))
    return np.nan if parsed is None else float(parsed[0])


def _flags(frame: pd.DataFrame, column: str, checker: _Checker) -> np.ndarray:
    cells = _Distinct.of(frame, column)
    yes = cells.test(lambda u: u.lower() in YES)
    bad = ~(yes | cells.test(lambda u: u.lower() in NO))
    checker.flag(bad, column, lambda i: f"enter yes or no (or leave it empty). '{cells.text(i)}' is neither.")
    return yes


def _read_period(
    label: str, requested: str, span: str, bounds: FigureBounds, today: date
) -> tuple[str, str, str, str, str]:
    """One distinct label: (kind, start, end, label to keep, problem).

    Dates typed as n/n/yyyy are read day first, as the UK writes them; one that could be read
    either way, or only the American way, is refused with the forms that are accepted.
    """
    try:
        if requested and requested not in set(PeriodKind):
            raise PeriodError(f"'{requested}' is not a period kind. Use one of: {', '.join(PeriodKind)}.")
        spans = (PeriodKind.ACADEMIC_YEAR, PeriodKind.FINANCIAL_YEAR)
        year_span = PeriodKind(requested) if requested in spans else PeriodKind(span)
        period = parse_period(label, year_span=year_span, day_first=True)
        if requested and period.kind.value != requested:
            readable = period.kind.value.replace("_", " ")
            raise PeriodError(f"'{label}' reads as a {readable}, not a {requested.replace('_', ' ')}.")
        if problem := bounds.period_problem(period.start, today):
            raise PeriodError(f"'{label}' cannot hold a figure: {problem}")
    except PeriodError as problem:
        return "", "", "", label, str(problem)
    return period.kind.value, period.start.isoformat(), period.end.isoformat(), period.label, ""


def _periods(
    labels: _Distinct, kinds: _Distinct, spans: np.ndarray, checker: _Checker, bounds: FigureBounds, today: date
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Parse each distinct (label, kind, measure's year span) once.

    The label kept is the one as written, except an ISO 8601 period (2023-01-01/P1Y), which is
    kept the way the Road Map writes periods (2023).
    """
    span_codes, span_uniques = pd.factorize(spans)
    combined = (labels.codes * len(kinds.uniques) + kinds.codes) * len(span_uniques) + span_codes
    distinct, inverse = np.unique(combined, return_inverse=True)
    parsed = np.array(
        [
            _read_period(
                str(labels.uniques[code // len(span_uniques) // len(kinds.uniques)]),
                str(kinds.uniques[code // len(span_uniques) % len(kinds.uniques)]),
                str(span_uniques[code % len(span_uniques)]),
                bounds,
                today,
            )
            for code in distinct
        ],
        dtype=object,
    ).reshape(-1, 5)
    kind, start, end, label, error = (parsed[:, i][inverse] for i in range(5))
    bad = error != ""
    checker.flag(bad, "period", lambda i: str(error[i]))
    return kind, start, end, label, bad


def validate_template(
    frame: pd.DataFrame,
    file: str,
    context: ValidationContext,
    *,
    labels: Mapping[str, str] | None = None,
    rows: np.ndarray | None = None,
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check every row; return the batch to store and the problems (the batch is only valid if there are none).

    `labels` maps template column names to the names used in the file, and `rows` gives
    each row's number in the file, so that a problem in a Fingertips file names the
    Fingertips column and the row as the file numbers it.
    """
    labels = labels or {}
    rows = np.arange(len(frame)) + FIRST_DATA_ROW if rows is None else rows
    checker = _Checker(file, rows, labels)
    header_problems = _check_header(frame, file, labels, TEMPLATE_COLUMNS, REQUIRED_COLUMNS)
    if header_problems:
        return pd.DataFrame(columns=BATCH_COLUMNS), header_problems

    _flag_control_characters(frame, checker)
    measure = _Distinct.of(frame, "measure")
    known_measure = measure.test(lambda u: u in context.series_by_measure)
    checker.flag(
        measure.test(lambda u: u == ""),
        "measure",
        lambda i: "enter the measure id, like destitution. This cell is empty.",
    )
    checker.flag(
        ~known_measure & measure.test(lambda u: u != ""),
        "measure",
        lambda i: f"'{measure.text(i)}' is not a measure. Run 'thrive measures' to see the ids.",
    )
    series = _resolve_series(measure, _Distinct.of(frame, "series"), known_measure, context, checker)
    spans = measure.mapped(lambda u: context.year_span_by_measure.get(u, PeriodKind.FINANCIAL_YEAR).value)
    batch = _observation_batch(frame, checker, series, spans, context, known_measure & (series != ""))
    checker.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    return batch, checker.problems


def validate_indicator_rows(
    frame: pd.DataFrame,
    file: str,
    context: ValidationContext,
    *,
    labels: Mapping[str, str],
    rows: np.ndarray,
) -> tuple[pd.DataFrame, list[Problem]]:
    """The same checks for rows an official-statistics reader has already tied to an indicator's series.

    The reader names each row's series (the indicator's id) and its period kind, so only the
    cells themselves are checked here, with the file's own column names and row numbers;
    `context` gives the known areas and each indicator's unit.
    """
    checker = _Checker(file, rows, labels)
    _flag_control_characters(frame, checker)
    series = frame["series"].astype(str).to_numpy(dtype=object)
    spans = np.full(len(frame), PeriodKind.FINANCIAL_YEAR.value, dtype=object)
    batch = _observation_batch(frame, checker, series, spans, context, np.ones(len(frame), dtype=bool))
    checker.problems.sort(key=lambda p: (p.row or 0, p.column or ""))
    return batch, checker.problems


def _observation_batch(
    frame: pd.DataFrame,
    checker: _Checker,
    series: np.ndarray,
    spans: np.ndarray,
    context: ValidationContext,
    usable: np.ndarray,
) -> pd.DataFrame:
    """Every cell but the measure and series: area, period, numbers, flags, texts; repeats named."""
    areas, bounds = context.areas, context.bounds
    area = _Distinct.of(frame, "area")
    checker.flag(area.test(lambda u: u == ""), "area", lambda i: "enter the area's GSS code, like E06000032 for Luton.")
    checker.flag(
        area.test(lambda u: u != "" and u not in areas),
        "area",
        lambda i: f"'{area.text(i)}' is not an area Thrive knows. Use a GSS code, like E06000032 for Luton.",
    )

    kind, start, end, label, bad_period = _periods(
        _Distinct.of(frame, "period"), _Distinct.of(frame, "period_kind"), spans, checker, bounds, context.today
    )

    # Plain object columns: converting a million Python strings to Arrow costs more than it saves here.
    batch = pd.DataFrame(
        {
            "series_id": pd.Series(series, dtype=object),
            "area_code": pd.Series(area.values, dtype=object),
            "period_kind": pd.Series(kind, dtype=object),
            "period_start": pd.Series(start, dtype=object),
            "period_end": pd.Series(end, dtype=object),
            "period_label": pd.Series(label, dtype=object),
        }
    )
    for name in FLAGS:
        batch[name] = _flags(frame, name, checker)
    suppressed = batch["suppressed"].to_numpy(dtype=bool)
    for name in NUMBERS:
        batch[name] = _numbers(frame, name, checker, required=name == "value", optional=suppressed)
    checker.flag(
        suppressed & ~np.isnan(batch["value"].to_numpy(dtype=float)),
        "value",
        lambda i: "leave the value empty: this row says the figure is suppressed.",
    )
    texts = {name: _Distinct.of(frame, name) for name in [*TEXTS, "outlier_reason"]}
    for name, cells in texts.items():
        _flag_long_text(cells, name, bounds.text_lengths.get(name), checker)
    reason = texts["outlier_reason"].values
    units = pd.Series(series, dtype=object).map(context.unit_by_series).fillna("").to_numpy(dtype=object)
    outside = _flag_out_of_bounds(batch, units, reason != "", bounds, checker)
    for name in TEXTS:
        batch[name] = texts[name].mapped(lambda u: restore(u) or None)
    if outside.any():
        batch["note"] = _with_outlier_reasons(batch["note"].to_numpy(dtype=object), reason, outside)
    batch["ref"] = _refs(frame, checker.file, checker.rows)
    _flag_long_text(_Distinct.of(frame, "ref"), "ref", bounds.text_lengths.get("ref"), checker)

    inverted = batch["lower_ci"].to_numpy() > batch["upper_ci"].to_numpy()
    checker.flag(
        inverted, "lower_ci", lambda i: "the lower limit is above the upper limit. Swap them or check the figures."
    )
    _flag_repeats(batch, np.flatnonzero(usable & ~bad_period), checker)
    return batch[BATCH_COLUMNS]


def _flag_long_text(cells: _Distinct, column: str, limit: int | None, checker: _Checker) -> None:
    if limit is None:
        return
    checker.flag(
        cells.test(lambda u: len(u) > limit),
        column,
        lambda i: f"this text is {len(cells.text(i)):,} characters long; keep it to {limit:,} or fewer.",
    )


def _flag_out_of_bounds(
    batch: pd.DataFrame, units: np.ndarray, has_reason: np.ndarray, bounds: FigureBounds, checker: _Checker
) -> np.ndarray:
    """Flag figures outside what their unit allows; return the rows kept only because a reason was given.

    A value or limit outside its unit's usual range (a percentage below 0, say) is refused unless
    the row gives an outlier_reason. Nothing larger than `bounds.largest`, nor any non-zero figure
    smaller than `bounds.smallest`, is ever stored. Numerators and denominators are counts.
    """
    kept_by_reason = np.zeros(len(batch), dtype=bool)
    for name in NUMBERS:
        values = batch[name].to_numpy(dtype=float)
        kept_by_reason |= _flag_column_bounds(values, name, units, has_reason, bounds, checker)
    return kept_by_reason


def _flag_column_bounds(
    values: np.ndarray, name: str, units: np.ndarray, has_reason: np.ndarray, bounds: FigureBounds, checker: _Checker
) -> np.ndarray:
    size = np.abs(values)
    known = np.isfinite(values)
    checker.flag(
        known & (size > bounds.largest),
        name,
        lambda i: f"{values[i]:,g} is far too large to be a real figure (the limit is {bounds.largest:,g}).",
    )
    checker.flag(
        known & (size > 0) & (size < bounds.smallest),
        name,
        lambda i: f"{values[i]:g} is too small to be a real figure. Enter 0 if it is nothing.",
    )
    sane = known & (size <= bounds.largest)
    kept_by_reason = np.zeros(len(values), dtype=bool)
    if name in ("numerator", "denominator"):
        checker.flag(
            sane & (values < bounds.lowest_count),
            name,
            lambda i: f"{values[i]:,g} is below zero; a count of people or events cannot be.",
        )
        return kept_by_reason
    for unit in pd.unique(units[sane]):
        usual = bounds.range_of(str(unit))
        outside = sane & (units == unit) & ((values < usual.lowest) | (values > usual.highest))
        kept_by_reason |= outside & has_reason
        checker.flag(outside & ~has_reason, name, _outside_message(values, usual))
    return kept_by_reason


def _outside_message(values: np.ndarray, usual: UnitRange) -> Callable[[int], str]:
    return lambda i: (
        f"{values[i]:,g} is outside the usual range, {usual.words()}, because {usual.why}. "
        "Check the figure; if it is right, say why in the outlier_reason column."
    )


def _with_outlier_reasons(notes: np.ndarray, reasons: np.ndarray, outside: np.ndarray) -> np.ndarray:
    """The reason for a figure outside its usual range is kept with the figure, at the end of its note.

    A note that already ends with the reason (a file Thrive exported) is left as it is, so that
    export then import changes nothing.
    """
    marked = []
    for note, reason, out in zip(notes.tolist(), reasons.tolist(), outside.tolist(), strict=True):
        kept = OUTLIER_MARK + reason
        text = note if isinstance(note, str) else ""  # an empty note arrives as None or NaN
        if out and not text.endswith(kept):
            marked.append(f"{text} {kept}" if text else kept)
        else:
            marked.append(note)
    return np.array(marked, dtype=object)


def outlier_reason(note: object) -> str:
    """The reason a stored figure was accepted outside its unit's usual range, read back from its note."""
    text = note if isinstance(note, str) else ""
    return text.rpartition(OUTLIER_MARK)[2] if OUTLIER_MARK in text else ""


def _flag_control_characters(frame: pd.DataFrame, checker: _Checker) -> None:
    """A NUL byte cannot be stored (PostgreSQL refuses it) and is never meant: name the cell."""
    for column in frame.columns:
        if column in TEMPLATE_COLUMNS:
            bad = frame[column].astype(str).str.contains("\x00", regex=False).to_numpy(dtype=bool, na_value=False)
            checker.flag(
                bad,
                column,
                lambda i: "this cell holds an invisible control character (NUL). Delete it and type the text again.",
            )


def _refs(frame: pd.DataFrame, file: str, rows: np.ndarray) -> np.ndarray:
    """The file's own `ref` where given; otherwise the file and row the figure came from."""
    prefix = f"{file} row "
    default = np.array([prefix + str(row) for row in rows.tolist()], dtype=object)
    if "ref" not in frame.columns:
        return default
    given = frame["ref"].astype(str).str.strip().map(restore).to_numpy(dtype=object)
    return np.where(given != "", given, default)


def _flag_repeats(batch: pd.DataFrame, positions: np.ndarray, checker: _Checker) -> None:
    """Each row that repeats an earlier row's series, area and period names the row it repeats."""
    group = batch.iloc[positions].groupby(KEY, sort=False).ngroup().to_numpy()
    first = pd.Series(positions).groupby(group).transform("min").to_numpy()
    repeats = first != positions
    for position, original in zip(positions[repeats], first[repeats], strict=True):
        checker.problems.append(
            Problem(
                checker.file,
                int(checker.rows[position]),
                checker.labels.get("period", "period"),
                f"this row repeats row {checker.rows[original]}: same measure, series, area and period. Keep one.",
            )
        )


def _check_header(
    frame: pd.DataFrame, file: str, labels: Mapping[str, str], allowed: list[str], required: list[str]
) -> list[Problem]:
    columns = ", ".join(allowed)
    problems = [
        Problem(file, 1, column, f"'{column}' is not a template column. The columns are: {columns}.")
        for column in frame.columns
        if column not in allowed
    ]
    problems += [
        Problem(file, 1, labels.get(c, c), "this column is missing. Add it to the header row.")
        for c in required
        if c not in frame.columns
    ]
    duplicates = frame.columns[frame.columns.duplicated()].tolist()
    problems += [Problem(file, 1, c, "this column appears twice. Keep one.") for c in duplicates]
    return problems


def _resolve_series(
    measure: _Distinct, series: _Distinct, known_measure: np.ndarray, context: ValidationContext, checker: _Checker
) -> np.ndarray:
    """A measure with one series needs no series column; one with several must say which."""
    pairs = measure.codes * len(series.uniques) + series.codes
    distinct, inverse = np.unique(pairs, return_inverse=True)

    def resolve(code: int) -> tuple[str, str]:
        measure_id = str(measure.uniques[code // len(series.uniques)])
        series_id = str(series.uniques[code % len(series.uniques)])
        choices = context.series_by_measure.get(measure_id, ())
        if not series_id:
            return (choices[0], "") if len(choices) == 1 else ("", "several")
        return (series_id, "") if series_id in choices else ("", "unknown")

    resolved = np.array([resolve(int(code)) for code in distinct], dtype=object).reshape(-1, 2)
    chosen, problem = resolved[:, 0][inverse], resolved[:, 1][inverse]
    checker.flag(
        known_measure & (problem == "several"),
        "series",
        lambda i: (
            f"measure '{measure.text(i)}' has several series ({_series_list(context, measure.text(i))}); enter one."
        ),
    )
    checker.flag(
        known_measure & (problem == "unknown"),
        "series",
        lambda i: (
            f"'{series.text(i)}' is not a series of measure '{measure.text(i)}'. "
            f"Its series are: {_series_list(context, measure.text(i))}."
        ),
    )
    return np.where(known_measure, chosen, "").astype(object)


def _series_list(context: ValidationContext, measure_id: str) -> str:
    return ", ".join(context.series_by_measure[measure_id])
