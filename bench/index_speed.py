"""Thriving People Index speed at national scale: every LSOA in England (33,755), 50 indicators in the
Social Progress Index's 3 dimensions and 12 components, 1,000 Monte Carlo draws.

Thrive's engine (thrive.index) does the whole job: transform, rescale, regression imputation of
2% missing values, PCA weights, scores, quality checks, peer strengths and weaknesses, and the
Monte Carlo intervals for score and rank with the one-at-a-time drivers (three more sets of a
quarter of the draws each). The baseline is the straightforward pandas way of one draw: rescale
the wide table, melt it long, merge the weights, group by area and component, then by dimension,
then rank. It is too slow to run 1,000 times, so it runs `--baseline-draws` draws in the same
process and its time is scaled by the number of draws (it is linear in them); its scores for the
unperturbed draw are checked against Thrive's. The data are SYNTHETIC.

    python bench/index_speed.py [--areas 33755] [--indicators 50] [--draws 1000] [--baseline-draws 3]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd

from thrive.index.engine import IndexArea, score_year
from thrive.index.framework import Component, Dimension, IndexFramework, Indicator, Weighting
from thrive.index.uncertainty import MonteCarloSettings

SPI = {
    "Basic Human Needs": ["Nutrition", "Water", "Shelter", "Safety"],
    "Foundations of Wellbeing": ["Knowledge", "Information", "Health", "Environment"],
    "Opportunity": ["Rights", "Freedom", "Inclusiveness", "Advanced education"],
}


def framework(indicators: int) -> IndexFramework:
    names = [c for comps in SPI.values() for c in comps]
    sizes = [indicators // len(names) + (1 if i < indicators % len(names) else 0) for i in range(len(names))]
    made = iter(range(indicators))
    components = {
        name: tuple(
            Indicator(
                f"i{k}", f"i{k}", "percent", k % 3 != 0, "synthetic", "lsoa", *((100.0, 0.0) if k % 3 else (0.0, 100.0))
            )
            for k in (next(made) for _ in range(size))
        )
        for name, size in zip(names, sizes, strict=True)
    }
    return IndexFramework(
        "bench",
        "Bench",
        1,
        Weighting.PCA,
        0.5,
        tuple(Dimension(d, d, tuple(Component(c, c, components[c]) for c in comps)) for d, comps in SPI.items()),
    )


def synthetic(areas: int, indicators: int, seed: int = 2040) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    latent = rng.uniform(0, 1, (areas, 1))
    values = np.clip(100 * (0.2 + 0.6 * latent) + rng.normal(0, 12, (areas, indicators)), 0, 100)
    values[:, 0::3] = 100 - values[:, 0::3]  # every third indicator: lower is better
    values[rng.uniform(size=values.shape) < 0.02] = np.nan
    return values, latent[:, 0]


def pandas_draw(
    fw: IndexFramework, wide: pd.DataFrame, utopia: pd.Series, dystopia: pd.Series, weights: pd.Series
) -> pd.Series:
    """One draw, the plain pandas way: long format, merge, two groupbys, rank."""
    scores = ((wide - dystopia) / (utopia - dystopia) * 100).clip(0, 100)
    long = scores.reset_index(names="area").melt(id_vars="area", var_name="indicator", value_name="score")
    lookup = pd.DataFrame(
        [
            {"indicator": i.code, "component": c.code, "dimension": d.code}
            for d in fw.dimensions
            for c in d.components
            for i in c.indicators
        ]
    )
    long = long.merge(lookup, on="indicator").merge(weights.rename("weight"), left_on="indicator", right_index=True)
    long["weighted"] = long["score"] * long["weight"]
    components = long.groupby(["area", "dimension", "component"])["weighted"].sum(min_count=1)
    dimensions = components.groupby(["area", "dimension"]).mean()
    index = dimensions.groupby("area").mean()
    return index.rank(ascending=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--areas", type=int, default=33_755)
    parser.add_argument("--indicators", type=int, default=50)
    parser.add_argument("--draws", type=int, default=1_000)
    parser.add_argument("--baseline-draws", type=int, default=3)
    args = parser.parse_args()

    fw = framework(args.indicators)
    values, latent = synthetic(args.areas, args.indicators)
    areas = [IndexArea(f"E01{n:06d}", f"LSOA {n}", "ward", float(s)) for n, s in enumerate(latent)]
    print(
        f"{args.areas:,} areas x {args.indicators} indicators (12 components), {args.draws:,} Monte Carlo draws "
        "plus 3 x a quarter for the drivers; SYNTHETIC data"
    )

    started = time.perf_counter()
    result, weights = score_year(fw, values, None, areas, MonteCarloSettings(draws=args.draws))
    thrive_seconds = time.perf_counter() - started
    assert result.uncertainty is not None

    codes = [i.code for i in fw.indicators]
    wide = pd.DataFrame(result.imputation.scores, columns=codes)  # imputed, already on 0-100
    identity = pd.Series(100.0, index=codes), pd.Series(0.0, index=codes)
    started = time.perf_counter()
    for _ in range(args.baseline_draws):
        pandas_ranks = pandas_draw(fw, wide, *identity, pd.Series(weights, index=codes))
    baseline_per_draw = (time.perf_counter() - started) / args.baseline_draws
    baseline_seconds = baseline_per_draw * args.draws * 1.75

    pandas_index = (
        wide.mul(weights).T.groupby(np.repeat(np.arange(12), [len(c.indicators) for c in fw.components])).sum().T
    )
    scored = ~np.isnan(result.scores.components)
    assert np.allclose(pandas_index.to_numpy()[scored], result.scores.components[scored])
    assert len(pandas_ranks) == args.areas

    print(
        f"Thrive:   {thrive_seconds:8.1f} s for the whole run "
        f"({thrive_seconds / (args.draws * 1.75) * 1000:.1f} ms a draw)"
    )
    print(
        f"pandas:   {baseline_seconds:8.1f} s for the same number of draws "
        f"({baseline_per_draw * 1000:.0f} ms a draw x {args.draws * 1.75:,.0f}; {args.baseline_draws} draws timed)"
    )
    print(
        f"ratio:    {baseline_seconds / thrive_seconds:8.1f}x faster; goal under 60 s on 2 cores: "
        f"{'met' if thrive_seconds < 60 else 'not met'}"
    )


if __name__ == "__main__":
    main()
