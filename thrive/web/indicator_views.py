"""View models for the indicator pages: the catalogue, one indicator's page and its downloads.

An indicator is an official statistic as its publisher defines it. Its page says what it is in
words (no codes), how the Road Map uses it, and shows Luton against England and the region and
against every English unitary and upper-tier authority.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import pandas as pd

from thrive.assess.benchmark import COUNTS
from thrive.assess.ranking import ordinal
from thrive.data.safe_cells import neutralise_frame
from thrive.framework import Indicator, IndicatorLink
from thrive.framework.area import ENGLAND, LUTON
from thrive.framework.observation import FLAGS, NUMBERS
from thrive.framework.units import unit_of
from thrive.store.reads import Coverage
from thrive.web.figures import (
    in_order,
    number,
    order_of,
    over_time,
    period_label_text,
    ranking,
    shared_ranks,
    value_text,
)
from thrive.web.site import PublicSnapshot
from thrive.web.views import short_wording

POLARITY_WORDS = {
    "higher_is_better": "Higher",
    "lower_is_better": "Lower",
    "no_judgement": "Neither: a higher or lower figure is not in itself better or worse",
}
PERIOD_WORDS = {
    "calendar_year": "Calendar years (January to December)",
    "financial_year": "Financial years (April to March)",
    "academic_year": "Academic years (September to August)",
    "rolling": "Several years together, such as 2022 to 2024",
    "quarter": "Quarters of a year",
    "month": "Months",
    "snapshot": "A single day each year, such as a survey's reference date",
}
DOWNLOAD_COLUMNS = [
    "indicator",
    "area",
    "area_name",
    "period",
    "period_kind",
    "period_start",
    "period_end",
    *NUMBERS,
    *FLAGS,
    "source",
    "note",
]


def metadata(found: Indicator) -> dict[str, Any]:
    """The indicator as its publisher describes it, for the API and the JSON download."""
    return {**asdict(found), "polarity": found.polarity.value}


def unit_words(unit: str) -> str:
    return unit_of(unit).words


def uses(snapshot: PublicSnapshot, links: Sequence[IndicatorLink]) -> list[dict[str, Any]]:
    """The Road Map measures these links feed or inform, with the match in words and why."""
    owners = {s.id: (m, s) for m in snapshot.roadmap.measures for s in m.series}
    out = []
    for link in links:
        if link.series_id not in owners:
            continue
        measure, series = owners[link.series_id]
        out.append(
            {
                "measure": measure.id,
                "measure_name": short_wording(measure),
                "series": series.label,
                "several_series": len(measure.series) > 1,
                "match": link.match.label,
                "note": link.note,
            }
        )
    return out


def links_of(snapshot: PublicSnapshot, indicator_id: str) -> list[IndicatorLink]:
    return [link for link in snapshot.roadmap.links if link.indicator_id == indicator_id]


def periods_text(coverage: Coverage | None) -> str:
    if coverage is None or coverage.first_period is None or coverage.last_period is None:
        return "No figures yet"
    first, last = period_label_text(coverage.first_period), period_label_text(coverage.last_period)
    return first if first == last else f"{first} to {last}"


def catalogue(snapshot: PublicSnapshot, coverage: dict[str, Coverage]) -> list[dict[str, Any]]:
    """Every indicator held, in title order, as the catalogue's table shows it."""
    return [
        {
            "id": found.id,
            "title": found.title,
            "definition": found.definition,
            "publisher": found.publisher,
            "unit": unit_words(found.unit),
            "periods": periods_text(coverage.get(found.id)),
            "areas": coverage[found.id].areas if found.id in coverage else 0,
            "uses": uses(snapshot, links_of(snapshot, found.id)),
        }
        for found in snapshot.indicators.values()
    ]


def matches(found: Indicator, words: Sequence[str]) -> bool:
    """Every word in the title or definition, as the site search matches measures."""
    haystack = f"{found.title} {found.definition}".lower()
    return all(word in haystack for word in words)


def about(found: Indicator) -> list[dict[str, Any]]:
    """The indicator's metadata as summary list rows, in words."""
    rows = [
        ("Definition", {"text": found.definition}),
        ("What it measures", {"text": unit_words(found.unit)}),
        ("Better is", {"text": POLARITY_WORDS[found.polarity.value]}),
        ("Periods", {"text": PERIOD_WORDS.get(found.period_type, found.period_type.replace("_", " "))}),
        ("Source", {"text": found.source}),
        ("Publisher", {"text": found.publisher}),
        ("Licence", {"text": found.licence}),
    ]
    if found.url:
        rows.append(("Publisher’s page", {"html": _link(found.url, f"{found.title} on the publisher’s website")}))
    if found.caveats:
        rows.append(("Caveats", {"text": found.caveats}))
    return [{"key": {"text": key}, "value": value} for key, value in rows]


def _link(url: str, text: str) -> str:
    safe = url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    words = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<a class="govuk-link" href="{safe}" rel="external">{words}</a>'


def upper_tier_ranking(snapshot: PublicSnapshot, found: Indicator, frame: pd.DataFrame) -> dict[str, Any] | None:
    """Every English unitary and upper-tier authority with a figure for the latest period, in order."""
    upper = {a.code for a in snapshot.roadmap.areas if a.upper_tier}
    held = frame[frame["area_code"].isin(upper) & frame["value"].notna()]
    if held.empty:
        return None
    latest = held.sort_values(["period_end", "period_start"]).iloc[-1]
    same = ["period_kind", "period_start", "period_end"]
    period = frame[(frame[same] == latest[same]).all(axis=1)]
    figures = period[period["area_code"].isin(upper) & period["value"].notna()]
    higher_first, order = order_of(found.polarity)
    names = snapshot.area_names
    ranked = sorted(
        ((str(code), float(value)) for code, value in zip(figures["area_code"], figures["value"], strict=True)),
        key=lambda pair: (-pair[1] if higher_first else pair[1], names.get(pair[0], pair[0])),
    )
    when = period_label_text(str(latest["period_label"]))
    luton = next(
        ((rank, v) for rank, (code, v) in zip(shared_ranks(ranked), ranked, strict=True) if code == LUTON), None
    )
    if luton is None:
        lead = f"Luton has no figure for {when}."
    else:
        rank, value = luton
        lead = f"Luton is {ordinal(rank)} of {len(ranked)} ({order}) in {when}: {value_text(value, found.unit)}."
    england = number(period.loc[period["area_code"] == ENGLAND, "value"].max())
    reference = None if england is None else (f"England: {value_text(england, found.unit)}", england)
    missing = sorted(names.get(code, code) for code in set(period["area_code"]) & upper - set(figures["area_code"]))
    view = ranking(
        ranked,
        title=f"{found.title}: every English unitary and upper-tier authority, {when}, {order}",
        caption=f"English unitary and upper-tier authorities, {when}, {order}",
        unit=found.unit,
        names=names,
        lead=lead,
        reference=reference,
    )
    return {**view, "period": when, "order": order, "missing": missing}


def indicator_view(snapshot: PublicSnapshot, found: Indicator, frame: pd.DataFrame) -> dict[str, Any]:
    """Everything the indicator's page shows."""
    ordered = in_order(frame)
    held = f"{len(frame):,} figures for {frame['area_code'].nunique():,} areas"
    if not ordered.empty:
        first, last = (period_label_text(str(ordered.iloc[i]["period_label"])) for i in (0, -1))
        held += f", {first}" if first == last else f", from {first} to {last}"
    return {
        "title": found.title,
        "section": "indicators",
        "indicator": found,
        "about": about(found),
        "uses": uses(snapshot, links_of(snapshot, found.id)),
        "held": held,
        "over_time": over_time(
            frame, title=f"{found.title}: Luton, England and the East of England over time", unit=found.unit
        ),
        # A count depends on how many people live in each place: never ranked, as the assessment never compares one.
        "ranking": None if found.unit in COUNTS else upper_tier_ranking(snapshot, found, frame),
        "count": found.unit in COUNTS,
    }


def download_frame(snapshot: PublicSnapshot, found: Indicator, frame: pd.DataFrame) -> pd.DataFrame:
    """Every figure for every area, ordered by area and period; a suppressed figure has no value and says so."""
    ordered = frame.sort_values(["area_code", "period_start", "period_end", "period_kind"], kind="stable")
    return pd.DataFrame(
        {
            "indicator": found.id,
            "area": ordered["area_code"],
            "area_name": ordered["area_code"].map(snapshot.area_names),
            "period": ordered["period_label"],
            "period_kind": ordered["period_kind"],
            "period_start": ordered["period_start"],
            "period_end": ordered["period_end"],
            **{name: ordered[name] for name in NUMBERS},
            **{name: ordered[name].astype(bool) for name in FLAGS},
            "source": ordered["source"],
            "note": ordered["note"],
        }
    )[DOWNLOAD_COLUMNS]


def download_csv(rows: pd.DataFrame) -> bytes:
    flags = {name: rows[name].map({True: "yes", False: "no"}) for name in FLAGS}
    return neutralise_frame(rows.assign(**flags)).to_csv(index=False, lineterminator="\n").encode("utf-8")


def download_json(found: Indicator, rows: pd.DataFrame) -> bytes:
    """Strict JSON: a missing number is null, never NaN, and the document says what the figures are."""
    records = [
        {key: (None if not isinstance(value, bool) and pd.isna(value) else value) for key, value in row.items()}
        for row in rows.to_dict(orient="records")
    ]
    document = {"indicator": metadata(found), "observations": records}
    return (json.dumps(document, indent=1, allow_nan=False) + "\n").encode("utf-8")
