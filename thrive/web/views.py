"""View models for the public pages, built from a PublicSnapshot: plain dicts the templates read."""

from __future__ import annotations

import re
from typing import Any

from thrive.assess.model import MeasureAssessment, Status, TrendJudgement
from thrive.framework import Indicator, Match, Measure
from thrive.framework.area import ENGLAND, LUTON
from thrive.framework.units import format_value, with_unit
from thrive.presentation.charts import (
    ENGLAND_STYLE,
    LUTON_STYLE,
    PATH_STYLE,
    Line,
    axis_note,
    line_chart,
    sparkline,
    starts_at_zero,
)
from thrive.publishing.shapes import latest_by_series, measure_summary
from thrive.web.figures import (
    HOME_PLACES,
    axis_label,
    flags_text,
    has_intervals,
    interval_text,
    number,
    period_text,
    period_ticks,
    place_line,
    place_rows,
    value_text,
    when_text,
    year_of,
)
from thrive.web.site import PublicSnapshot


def short_wording(measure: Measure) -> str:
    return measure.priority_table.get("measure", measure.wording)


def summaries(snapshot: PublicSnapshot) -> dict[str, dict[str, Any]]:
    latest = latest_by_series(snapshot.in_area(LUTON))
    out = {}
    for measure in snapshot.roadmap.measures:
        item = measure_summary(measure, snapshot.roadmap, latest)
        stored = snapshot.assessments.get(measure.id)
        judged = None if stored is None else MeasureAssessment.from_dict(stored)
        unit = measure.series[0].unit if measure.series else measure.unit
        item.update(
            short=short_wording(measure),
            unit=unit,
            status=(Status.NOT_ASSESSABLE if judged is None else judged.status).value,
            reason="" if judged is None else judged.reason,
            trend=(TrendJudgement.NOT_ASSESSABLE if judged is None else judged.deciding.trend.judgement).value,
            outcome=measure.outcome.text,
            milestone_2027=with_unit((item["milestones"].get("2027") or {}).get("text", ""), unit),
            target_2040=with_unit((item["target_2040"] or {}).get("text", ""), unit),
        )
        out[measure.id] = item
    return out


def card(snapshot: PublicSnapshot, item: dict[str, Any]) -> dict[str, Any]:
    measure = snapshot.roadmap.measure(item["id"])
    frame = snapshot.series_figures(measure.series[0].id)
    rows = [r for r in place_rows(frame, LUTON) if number(r["value"]) is not None]
    unit = measure.series[0].unit
    spark = ""
    summary = ""
    if len(rows) >= 2:
        spark = sparkline(
            f"{item['short']}: Luton over time", [year_of(r) for r in rows], [float(r["value"]) for r in rows]
        )
        summary = "; ".join(f"{value_text(r['value'], unit)} {when_text(r)}" for r in rows)
    return {**item, "sparkline": spark, "spark_summary": summary}


FILE_NAME = re.compile(r",?\s*[\w.-]+\.(?:csv|gz|xlsx|json|txt)\b,?")


def source_text(snapshot: PublicSnapshot, row: dict[str, Any], exact: Indicator | None) -> str:
    """Where a figure comes from, in words: the council document, or the official statistic it extends.

    Stored sources and refs name files and document lines for auditors; a reader gets the title.
    """
    document = snapshot.document_title(row.get("ref"))
    if document is not None:
        return document
    if exact is not None:
        return f"{exact.publisher}: {exact.title}"
    source = row.get("source")
    return FILE_NAME.sub("", source if isinstance(source, str) else "").strip(" ;,") or "Not recorded"


def _baseline(known: list[dict[str, Any]], progress: dict[str, Any]) -> dict[str, Any] | None:
    """Where the Road Map path starts: the baseline the assessment measured progress from.

    A series extended back with official history has figures long before the Road Map's
    baseline; the path still starts where the assessment says it does.
    """
    wanted = progress.get("baseline_period")
    found = next((r for r in known if r["period_label"] == wanted), None)
    return found or (known[0] if known else None)


def charts(snapshot: PublicSnapshot, measure: Measure) -> list[dict[str, Any]]:
    """One chart per series: Luton and England with their 95% intervals, and the milestone path.

    The table beside it holds Luton's, England's and the East of England's figures; the other
    authorities' figures are in the comparison tables and the downloads.
    """
    exact = {
        link.series_id: snapshot.indicators.get(link.indicator_id)
        for link in snapshot.roadmap.links_for(measure)
        if link.match is Match.EXACT
    }
    judged = snapshot.assessments.get(measure.id, {"series": []})["series"]
    progress = {item["series_id"]: item["progress"] for item in judged}
    out = []
    for series in measure.series:
        frame = snapshot.series_figures(series.id)
        luton = place_rows(frame, LUTON)
        targets = sorted(
            (t.year + 0.5, t.value)
            for t in snapshot.roadmap.targets_for(measure.id)
            if t.series_id == series.id and t.value is not None
        )
        known = [r for r in luton if number(r["value"]) is not None]
        england = place_rows(frame, ENGLAND)
        ticks = [*period_ticks(luton), *period_ticks(england), *((year, str(int(year))) for year, _ in targets)]
        start = _baseline(known, progress.get(series.id, {}))
        # A path is drawn only where the Road Map sets numeric milestones, from the baseline where there is one.
        path = [(year_of(start), float(start["value"])), *targets] if start is not None and targets else targets
        lines = [place_line(luton, "Luton", LUTON_STYLE), place_line(england, "England", ENGLAND_STYLE)]
        if path:
            lines.append(Line("Road Map path", [p[0] for p in path], [float(p[1]) for p in path], PATH_STYLE))
        shown = frame[frame["area_code"].isin([p.code for p in HOME_PLACES])]
        rows = [
            {
                "area": place.name,
                "period": period_text(r),
                "value": value_text(r["value"], series.unit) if number(r["value"]) is not None else "",
                "interval": interval_text(r["lower_ci"], r["upper_ci"], series.unit),
                "flags": flags_text(r),
                "source": source_text(snapshot, r, exact.get(series.id)),
            }
            for place in HOME_PLACES
            for r in place_rows(shown, place.code)
        ]
        figures = "; ".join(f"{value_text(r['value'], series.unit)} {when_text(r)}" for r in known)
        milestones = "; ".join(f"{format_value(v, series.unit)} by {int(y)}" for y, v in targets)
        summary = f"Luton: {figures or 'no figures yet'}. Road Map path: {milestones or 'no numeric milestones'}."
        if has_intervals(shown[shown["area_code"].isin([LUTON, ENGLAND])]):
            summary += " Vertical bars show 95% confidence intervals."
        summary += axis_note(series.unit)
        title = series.label
        out.append(
            {
                "title": title,
                "unit": series.unit,
                "svg": line_chart(
                    title,
                    lines,
                    unit_label=axis_label(series.unit),
                    zero_based=starts_at_zero(series.unit),
                    ticks=ticks,
                ),
                "summary": summary,
                "intervals": has_intervals(shown),
                "rows": rows,
                "elsewhere": len(shown) < len(frame),
            }
        )
    return out


def band_tables(snapshot: PublicSnapshot) -> list[dict[str, Any]]:
    """The published Financial Quality of Life tables (fqol_bands.yaml), bands printed only together kept together."""
    out = []
    for table in snapshot.band_tables:
        if not table.get("total_households"):
            continue
        rows = []
        for combined in table.get("combined", []):
            rows.append(
                [
                    {"text": " and ".join(combined["bands"])},
                    {"text": f"{combined['households']:,}", "format": "numeric"},
                    {"text": f"{combined['percent']}%", "format": "numeric"},
                ]
            )
        for band in table["bands"]:
            if band.get("households") is None:
                continue
            rows.append(
                [
                    {"text": f"{band['band']}: {band['label']}"},
                    {"text": f"{band['households']:,}", "format": "numeric"},
                    {"text": f"{band['percent']}%", "format": "numeric"},
                ]
            )
        out.append({"caption": f"{table['title']} ({table['total_households']:,} households)", "rows": rows})
    return out
