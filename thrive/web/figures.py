"""Figures as the pages show them: values with their intervals and flags in words, places over time, rankings.

Measure pages and indicator pages read observations in the same frame (thrive.store.observations),
so they share one way to word a figure, one chart of Luton, England and the region over time, and
one ranking of places. Every chart comes with a text summary and a table of the same figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from thrive.assess.benchmark import EAST_OF_ENGLAND
from thrive.framework import PeriodError, PeriodKind, Polarity, parse_period
from thrive.framework.area import ENGLAND, LUTON
from thrive.framework.units import format_value, unit_name
from thrive.presentation.charts import (
    COMPARED_FILLS,
    ENGLAND_STYLE,
    LABELLED_BARS,
    LUTON_STYLE,
    REGION_STYLE,
    Bar,
    Line,
    Style,
    axis_note,
    line_chart,
    ranked_bar_chart,
    starts_at_zero,
)
from thrive.presentation.templating import long_date

FLAG_WORDS = {
    "suppressed": "not published (suppressed by the publisher)",
    "low_reliability": "low reliability",
    "provisional": "provisional",
    "estimated": "estimated",
    "not_comparable": "not comparable with earlier periods",
    "break_in_series": "break in series",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    style: Style


LUTON_PLACE = Place(LUTON, "Luton", LUTON_STYLE)
ENGLAND_PLACE = Place(ENGLAND, "England", ENGLAND_STYLE)
REGION_PLACE = Place(EAST_OF_ENGLAND, "East of England", REGION_STYLE)
HOME_PLACES = (LUTON_PLACE, ENGLAND_PLACE, REGION_PLACE)
"""The places a page shows over time; every other authority appears in rankings and downloads."""


def axis_label(unit: str) -> str:
    return unit_name(unit)


def period_ticks(rows: Sequence[Mapping[str, Any]]) -> list[tuple[float, str]]:
    """Where each figure sits on the time axis, and its period as the page prints it ("2019/20")."""
    return [(year_of(r), period_text(r)) for r in rows]


def number(value: Any) -> float | None:
    """A stored number as a page or JSON carries it: missing (NaN or None) becomes None."""
    if value is None:
        return None
    try:
        as_float = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(as_float) else as_float


def value_text(value: Any, unit: str) -> str:
    found = number(value)
    return "no figure" if found is None else format_value(found, unit)


def interval_text(lower: Any, upper: Any, unit: str) -> str:
    """A 95% interval as it reads best: "53.2 to 60.7 years", "12.1 to 17.3%", "£320.00 to £370.00"."""
    low, high = number(lower), number(upper)
    if low is None or high is None:
        return ""
    first, last = format_value(low, unit), format_value(high, unit)
    suffix = re.search(r"[^\d]*$", first)
    unit_words = suffix.group(0) if suffix else ""
    if unit_words and last.endswith(unit_words):
        first = first[: -len(unit_words)]
    return f"{first} to {last}"


def flags_text(row: Mapping[str, Any]) -> str:
    """The publisher's flags on a figure, in words: "not published (suppressed by the publisher)"."""
    return "; ".join(words for flag, words in FLAG_WORDS.items() if bool(row.get(flag)))


def period_label_text(label: str) -> str:
    """A period label for reading: a date (an annual survey's reference day) is written out, and a
    spreadsheet's date or month ("8/1/2024", "Sep-24") reads as GOV.UK writes it ("August 2024")."""
    if ISO_DATE.match(label):
        return long_date(date.fromisoformat(label))
    try:
        period = parse_period(label)
    except PeriodError:
        return label
    return period.display if period.kind in (PeriodKind.SNAPSHOT, PeriodKind.MONTH) else label


def period_text(row: Mapping[str, Any]) -> str:
    return period_label_text(str(row["period_label"]))


def when_text(row: Mapping[str, Any]) -> str:
    """ "in 2023", "in 2022-24", or "on 30 April 2025" for a figure dated to a day."""
    preposition = "on" if ISO_DATE.match(str(row["period_label"])) else "in"
    return f"{preposition} {period_text(row)}"


def year_of(row: Mapping[str, Any]) -> float:
    """The middle of a figure's period as a decimal year: where a chart draws it."""
    start, end = pd.Timestamp(row["period_start"]), pd.Timestamp(row["period_end"])
    middle = start + (end - start) / 2
    return float(middle.year + (middle.day_of_year - 1) / 365.25)


def in_order(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["period_end", "period_start"], kind="stable")


def place_rows(frame: pd.DataFrame, code: str) -> list[dict[str, Any]]:
    """One place's figures of one series, oldest first."""
    return [
        {str(k): v for k, v in row.items()}
        for row in in_order(frame[frame["area_code"] == code]).to_dict(orient="records")
    ]


def place_line(rows: Sequence[Mapping[str, Any]], label: str, style: Style) -> Line:
    """A place's figures as a chart line, with its intervals (a suppressed figure leaves a gap)."""
    values = [number(r["value"]) for r in rows]
    lower = [number(r["lower_ci"]) for r in rows]
    upper = [number(r["upper_ci"]) for r in rows]
    return Line(
        label,
        [year_of(r) for r in rows],
        [math.nan if v is None else v for v in values],
        style,
        lower=[math.nan if v is None else v for v in lower],
        upper=[math.nan if v is None else v for v in upper],
    )


def has_intervals(frame: pd.DataFrame) -> bool:
    return bool((frame["lower_ci"].notna() & frame["upper_ci"].notna()).any())


def _journey(rows: Sequence[Mapping[str, Any]], name: str, unit: str) -> str:
    shown = [r for r in rows if number(r["value"]) is not None]
    if not shown:
        return f"{name}: no figures."
    first, last = shown[0], shown[-1]
    latest = f"{value_text(last['value'], unit)} {when_text(last)}"
    interval = interval_text(last["lower_ci"], last["upper_ci"], unit)
    if interval:
        latest += f" (95% confidence interval {interval})"
    if len(shown) == 1:
        return f"{name}: {latest}."
    return f"{name}: {value_text(first['value'], unit)} {when_text(first)}, {latest}."


def over_time(
    frame: pd.DataFrame,
    *,
    title: str,
    unit: str,
    places: Sequence[Place] = HOME_PLACES,
    size: tuple[float, float] = (6.4, 3.2),
) -> dict[str, Any]:
    """A chart of places over time with intervals where published, its summary and a table by period.

    The table has a column per place; each cell gives the value, its interval and any flag in words.
    """
    by_place = {p.code: place_rows(frame, p.code) for p in places}
    shown = [p for p in places if by_place[p.code]]
    lines = [place_line(by_place[p.code], p.name, p.style) for p in shown]
    intervals = has_intervals(frame[frame["area_code"].isin([p.code for p in shown])])
    summary = " ".join(_journey(by_place[p.code], p.name, unit) for p in shown)
    if intervals:
        summary += " Vertical bars show 95% confidence intervals."
    summary += axis_note(unit) if shown else ""
    periods: dict[tuple[str, str], dict[str, Any]] = {}
    for place in shown:
        for row in by_place[place.code]:
            key = (str(row["period_end"]), str(row["period_start"]))
            entry = periods.setdefault(key, {"period": period_text(row), "cells": {}})
            entry["cells"][place.code] = {
                "value": value_text(row["value"], unit) if number(row["value"]) is not None else "",
                "interval": interval_text(row["lower_ci"], row["upper_ci"], unit),
                "flags": flags_text(row),
            }
    rows = [
        {"period": entry["period"], "cells": [entry["cells"].get(p.code) for p in shown]}
        for _, entry in sorted(periods.items())
    ]
    return {
        "title": title,
        "svg": line_chart(
            title,
            lines,
            unit_label=axis_label(unit),
            zero_based=starts_at_zero(unit),
            ticks=[tick for p in shown for tick in period_ticks(by_place[p.code])],
            width=size[0],
            height=size[1],
        )
        if shown
        else "",
        "summary": summary,
        "intervals": intervals,
        "places": [p.name for p in shown],
        "rows": rows,
    }


def ranking(
    ranked: Sequence[tuple[str, float]],
    *,
    title: str,
    caption: str,
    unit: str,
    names: Mapping[str, str],
    lead: str,
    reference: tuple[str, float] | None = None,
    compared: Sequence[str] = (),
) -> dict[str, Any]:
    """Places in the order given (best or highest first), Luton highlighted: a chart, its summary and a table.

    Places with equal values share a rank, as the assessment ranks them. `lead` opens the summary
    (the assessment's own sentence on a measure page). `compared` is each place against England, as
    the assessment run compared them (Fingertips' test): the bars take its colours and the table its words.
    """
    against = list(compared) if len(compared) == len(ranked) else [None] * len(ranked)
    rows: list[dict[str, Any]] = [
        {
            "rank": rank,
            "code": code,
            "name": names.get(code, code),
            "value": value_text(value, unit),
            "luton": code == LUTON,
            "compared": None if found is None else COMPARED_FILLS[found][1],
        }
        for rank, (code, value), found in zip(shared_ranks(ranked), ranked, against, strict=True)
    ]
    bars = [
        Bar(r["name"], float(v), r["value"], r["luton"], found)
        for r, (_, v), found in zip(rows, ranked, against, strict=True)
    ]
    first, last = rows[0], rows[-1]
    summary = (
        f"{lead} {len(rows)} places: {first['name']} first ({first['value']}), {last['name']} last ({last['value']})."
    )
    judged = [f for f in against if f not in (None, "not_compared")]
    if judged:
        counts = {
            words: sum(1 for f in judged if COMPARED_FILLS[f][1] == words) for _, words in COMPARED_FILLS.values()
        }
        summary += " Against England: " + ", ".join(f"{n} {w[0].lower() + w[1:]}" for w, n in counts.items() if n) + "."
    return {
        "title": title,
        "caption": caption,
        "svg": ranked_bar_chart(title, bars, unit_label=axis_label(unit), reference=reference),
        "summary": summary,
        "rows": rows,
        "long": len(rows) > LABELLED_BARS,
        "compared": bool(judged),
    }


def shared_ranks(ranked: Sequence[tuple[str, float]]) -> list[int]:
    """Each place's rank in an ordered list: places with equal values share the better rank."""
    ranks: list[int] = []
    for position, (_, value) in enumerate(ranked):
        tied = position > 0 and ranked[position - 1][1] == value
        ranks.append(ranks[-1] if tied else position + 1)
    return ranks


def order_of(polarity: Polarity) -> tuple[bool, str]:
    """Whether higher values come first, and how the order reads, for a ranking by an indicator's polarity."""
    if polarity is Polarity.LOWER_IS_BETTER:
        return False, "best (lowest) first"
    if polarity is Polarity.HIGHER_IS_BETTER:
        return True, "best (highest) first"
    return True, "highest first (a higher figure is not in itself better)"
