"""The published tables beside the figures, as flat rows for the downloads: the Road Map's targets,
the published judgements, deprivation by area and by LSOA, and how the Thriving People Index is made.

Each is what a page shows, in a shape an analyst can load: one row per thing, codes beside names,
and the document each target comes from cited by its title. They are built from what the published
snapshot and the stored runs already hold, so a download never says more than the pages do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from thrive.assess.model import Status
from thrive.framework import RoadMap
from thrive.framework.area import ENGLAND
from thrive.framework.units import unit_name
from thrive.index.deprivation import DECILES

RANK = "rank"
"""A rank comparison's comparator (thrive.assess.benchmark); the others are areas."""
REGION_CODE = "E12"
"""English regions' GSS prefix: a measure is compared with one region (the East of England, or London where the
document compares with it)."""


def target_rows(roadmap: RoadMap, cited_as: Callable[[str | None], str | None]) -> pd.DataFrame:
    """Every milestone and 2040 target: the wording as published, the number it compares with where
    the wording gives one, and the document it comes from."""
    rows = []
    for measure in roadmap.measures:
        for target in roadmap.targets_for(measure.id):
            series = measure.series_by_id(target.series_id) or measure.series[0]
            rows.append(
                {
                    "measure": measure.id,
                    "measure_name": measure.wording,
                    "series": series.id,
                    "series_name": series.label,
                    "year": target.year,
                    "kind": "2040 target" if target.year == 2040 else "milestone",
                    "target": target.text,
                    "value": target.value,
                    "unit": unit_name(series.unit),
                    "source": cited_as(target.ref),
                    "ref": target.ref,
                }
            )
    return pd.DataFrame(rows)


def judgement_rows(
    roadmap: RoadMap, assessments: Mapping[str, Mapping[str, Any]], run: Mapping[str, Any] | None
) -> pd.DataFrame:
    """The published judgement of every series: progress, trend and benchmarks in the words the pages
    use, each with its reason, and when the run that made them was made."""
    priorities = {p.code: p.name for p in roadmap.priorities}
    made = None if run is None else pd.Timestamp(run["created_at"]).isoformat(timespec="seconds")
    rows = []
    for measure in roadmap.measures:
        judged = assessments.get(measure.id)
        for series in [] if judged is None else judged["series"]:
            progress, trend = series["progress"], series["trend"]
            found = series["benchmark"]["comparisons"]
            england = next((c for c in found if c["comparator"] == ENGLAND), None)
            region = next((c for c in found if str(c["comparator"]).startswith(REGION_CODE)), None)
            rows.append(
                {
                    "priority": priorities.get(measure.priority, measure.priority),
                    "measure": measure.id,
                    "measure_name": measure.wording,
                    "series": series["series_id"],
                    "series_name": series["series_label"],
                    "status": Status(progress["status"]).words,
                    "status_reason": progress["reason"],
                    "baseline": progress.get("baseline"),
                    "baseline_period": progress.get("baseline_period"),
                    "latest": progress.get("latest"),
                    "latest_period": progress.get("latest_period"),
                    "expected_by_now": _rounded(progress.get("expected")),
                    "trend": trend["judgement"],
                    "trend_method": trend["method"],
                    "trend_p_value": trend.get("p_value"),
                    "trend_reason": trend["reason"],
                    "compared_with_england": None if england is None else england["comparison"],
                    "england_value": None if england is None else england.get("comparator_value"),
                    "region": None if region is None else region["comparator_name"],
                    "compared_with_region": None if region is None else region["comparison"],
                    "region_value": None if region is None else region.get("comparator_value"),
                    "ranks": "; ".join(_rank_words(c) for c in found if c["comparator"] == RANK) or None,
                    "benchmark_reason": series["benchmark"]["reason"],
                    "judged_on": made,
                }
            )
    return pd.DataFrame(rows)


def _rank_words(comparison: Mapping[str, Any]) -> str:
    """ "4 of 16 among Luton's statistical neighbours (quartile 1)", as the measure page ranks it."""
    place = f"{comparison['rank']} of {comparison['of']}" if comparison.get("rank") else "not ranked"
    return f"{place} among {comparison['comparator_name']} ({comparison['comparison']})"


def _rounded(value: float | None) -> float | None:
    """A derived value (the path's expected figure) without float noise such as 641.7950000000001."""
    return None if value is None else round(float(value), 4)


def deprivation_rows(releases: Mapping[int, Mapping[str, Any]]) -> pd.DataFrame:
    """Luton's and each ward's counts in every release held: LSOAs in each national IMD decile, the
    most deprived 10%, and the 20:20 index of income deprivation."""
    rows = []
    for release in sorted(releases):
        summary = releases[release]["summary"]
        for area in [summary["luton"], *summary["wards"]]:
            pair = area["twenty_twenty"]
            rows.append(
                {
                    "release": f"IoD{area['release']}",
                    "area": area["area"],
                    "area_name": area["name"],
                    "lsoas": area["lsoas"],
                    "most_deprived_10_percent": area["most_deprived_10_percent"],
                    **{f"imd_decile_{d}": area["imd_deciles"][str(d)] for d in DECILES},
                    "income_most_deprived_20_percent": pair["most_deprived_20_percent"],
                    "income_least_deprived_20_percent": pair["least_deprived_20_percent"],
                    "twenty_twenty": pair["text"],
                }
            )
    return pd.DataFrame(rows)


def lsoa_decile_rows(
    releases: Mapping[int, Mapping[str, Any]], wards: Mapping[int, Mapping[str, str | None]]
) -> pd.DataFrame:
    """Each LSOA's national IMD decile in each release that kept them, with the ward it lies in."""
    rows = [
        {
            "release": f"IoD{release}",
            "lsoa": code,
            "ward_name": wards.get(release, {}).get(code),
            "imd_decile": decile,
        }
        for release in sorted(releases)
        for code, decile in sorted((releases[release]["summary"].get("lsoa_deciles") or {}).items())
    ]
    return pd.DataFrame(rows, columns=["release", "lsoa", "ward_name", "imd_decile"])


INDEX_INDICATOR_COLUMNS = ("indicator", "indicator_name", "data", "source", "weight")


def index_indicator_rows(results: Mapping[str, Any] | None) -> pd.DataFrame:
    """The Thriving People Index's indicators as its newest run used them (none before a run): each
    one's source, its weight, and whether it is real or a synthetic demonstration value."""
    if results is None:
        return pd.DataFrame(columns=list(INDEX_INDICATOR_COLUMNS))
    weights = results["weights"]
    return pd.DataFrame(
        [
            {
                "indicator": code,
                "indicator_name": about["name"],
                "data": "synthetic (demonstration only)" if about["synthetic"] else "real",
                "source": about["source"],
                "weight": weights.get(code),
            }
            for code, about in results["names"]["indicators"].items()
        ]
    )
