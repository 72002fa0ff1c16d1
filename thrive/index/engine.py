"""Score every area and year with one framework: transform, rescale, impute, weight, aggregate,
check quality, judge strengths and weaknesses against peers, and measure uncertainty.

Weights are estimated once, on the first year, and then held, like the bounds: otherwise a score
could move because the weights moved rather than because the area did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from thrive.index.framework import IndexFramework
from thrive.index.imputation import Imputation, impute_by_regression
from thrive.index.peers import peer_groups, strengths_and_weaknesses
from thrive.index.quality import ComponentQuality, component_quality
from thrive.index.scoring import Scores, aggregate, rescaled, transformed
from thrive.index.uncertainty import MonteCarloSettings, Uncertainty, monte_carlo, ranks
from thrive.index.weighting import indicator_weights

VERDICTS = {1: "strength", 0: "neutral", -1: "weakness"}
RANKED = ("ward", "lsoa")
"""Kinds of area ranked among their own kind; Luton as a whole is scored but not ranked."""


@dataclass(frozen=True)
class IndexArea:
    """A place as the index scores it: the framework's Area plus the peer measure and a kind of its own."""

    code: str
    name: str
    kind: str
    similarity: float | None
    """The peer measure (income deprivation); None keeps the area out of peer groups (Luton as a whole)."""
    parent: str | None = None
    """The ward an LSOA lies in."""


@dataclass(frozen=True)
class YearResult:
    year: int
    scores: Scores
    imputation: Imputation
    quality: list[ComponentQuality]
    verdicts: np.ndarray
    uncertainty: Uncertainty | None


def score_year(
    framework: IndexFramework,
    values: np.ndarray,
    weights: np.ndarray | None,
    areas: Sequence[IndexArea],
    settings: MonteCarloSettings | None,
) -> tuple[YearResult, np.ndarray]:
    """One year's results, and the weights used (estimated here when `weights` is None)."""
    utopia, dystopia = framework.bounds()
    values, utopia, dystopia = transformed(framework, values, utopia, dystopia)
    observed = rescaled(values, utopia, dystopia)
    imputation = impute_by_regression(framework, observed)
    if weights is None:
        weights = indicator_weights(framework, imputation.scores)
    scores = aggregate(framework, imputation.scores, weights)
    uncertainty = (
        None
        if settings is None
        else monte_carlo(
            framework,
            values,
            utopia,
            dystopia,
            imputation,
            weights,
            settings,
            ranked=np.array([a.kind in RANKED for a in areas]),
        )
    )
    return (
        YearResult(
            0,
            scores,
            imputation,
            component_quality(framework, imputation.scores),
            _verdicts(scores, areas),
            uncertainty,
        ),
        weights,
    )


def _verdicts(scores: Scores, areas: Sequence[IndexArea]) -> np.ndarray:
    """Peers are chosen among the areas with a peer measure; the others get no verdict."""
    out = np.zeros(scores.components.shape, dtype=int)
    rows = np.array([a.similarity is not None for a in areas])
    if rows.sum() < 2:
        return out
    similarity = np.array([a.similarity for a in areas if a.similarity is not None], dtype=float)
    out[rows] = strengths_and_weaknesses(scores.components[rows], peer_groups(similarity))
    return out


def score_years(
    framework: IndexFramework,
    values_by_year: Mapping[int, np.ndarray],
    areas: Sequence[IndexArea],
    settings: MonteCarloSettings | None,
) -> tuple[dict[int, YearResult], np.ndarray]:
    weights: np.ndarray | None = None
    out = {}
    for year in sorted(values_by_year):
        result, weights = score_year(framework, values_by_year[year], weights, areas, settings)
        out[year] = replace(result, year=year)
    assert weights is not None
    return out, weights


def results_as_data(
    framework: IndexFramework,
    areas: Sequence[IndexArea],
    years: Mapping[int, YearResult],
    weights: np.ndarray,
) -> dict[str, Any]:
    """Plain data for the store, the pages and the CLI: every number rounded as published (2 dp)."""
    components = framework.components
    return {
        "framework": {"code": framework.code, "name": framework.name, "version": framework.version},
        "weighting": framework.weighting.value,
        "imputation_cap": framework.imputation_cap,
        "weights": {i.code: round(float(w), 4) for i, w in zip(framework.indicators, weights, strict=True)},
        "synthetic_indicators": [i.code for i in framework.indicators if i.synthetic],
        "names": {
            "dimensions": {d.code: d.name for d in framework.dimensions},
            "components": {c.code: c.name for c in components},
            "dimension_components": {d.code: [c.code for c in d.components] for d in framework.dimensions},
            "indicators": {
                i.code: {"name": i.name, "source": i.source, "synthetic": i.synthetic} for i in framework.indicators
            },
        },
        "years": {str(year): _year_data(framework, areas, result, components) for year, result in years.items()},
    }


def _number(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 2)


def _year_data(
    framework: IndexFramework, areas: Sequence[IndexArea], result: YearResult, components: Any
) -> dict[str, Any]:
    ranked = [i for i, a in enumerate(areas) if a.kind in RANKED]
    area_ranks = ranks(result.scores.index[ranked])
    rank_of = {areas[i].code: int(r) for i, r in zip(ranked, area_ranks, strict=True)}
    mc = result.uncertainty
    out_areas = []
    for row, area in enumerate(areas):
        item: dict[str, Any] = {
            "code": area.code,
            "name": area.name,
            "kind": area.kind,
            "index": _number(result.scores.index[row]),
            "rank": rank_of.get(area.code),
            "dimensions": {
                d.code: _number(result.scores.dimensions[row, j]) for j, d in enumerate(framework.dimensions)
            },
            "components": {
                c.code: {
                    "score": _number(result.scores.components[row, j]),
                    "verdict": VERDICTS[int(result.verdicts[row, j])] if area.similarity is not None else None,
                }
                for j, c in enumerate(components)
            },
            "imputed": [i.code for k, i in enumerate(framework.indicators) if result.imputation.imputed[row, k]],
        }
        if area.parent is not None:
            item["ward"] = area.parent
        if mc is not None:
            item["interval"] = [_number(mc.score_low[row]), _number(mc.score_high[row])]
        out_areas.append(item)
    if mc is not None:
        _rank_intervals(out_areas, areas, mc)
    return {
        "areas": out_areas,
        "quality": [
            {
                "component": q.component,
                "indicators": q.indicators,
                "cronbach_alpha": None if q.cronbach_alpha is None else round(q.cronbach_alpha, 3),
                "kmo": None if q.kmo is None else round(q.kmo, 3),
                "variance_explained": None if q.variance_explained is None else round(q.variance_explained, 3),
            }
            for q in result.quality
        ],
        "uncertainty": None
        if mc is None
        else {"draws": mc.draws, "drivers": {k: round(v, 3) for k, v in mc.drivers.items()}},
    }


def _rank_intervals(out_areas: list[dict[str, Any]], areas: Sequence[IndexArea], mc: Uncertainty) -> None:
    """Ranks are among areas of one kind: a ward's among Luton's wards, an LSOA's among Luton's LSOAs."""
    for row, area in enumerate(areas):
        if area.kind in RANKED:
            out_areas[row]["rank_interval"] = [int(mc.rank_low[row]), int(mc.rank_high[row])]
