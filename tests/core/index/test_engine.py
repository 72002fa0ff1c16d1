"""The index engine against published Social Progress Index scores and hand-worked examples."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from tests.conftest import FIXTURES
from thrive.index.framework import Component, Dimension, IndexFramework, Indicator, Transform, Weighting
from thrive.index.imputation import impute_by_regression
from thrive.index.peers import STRENGTH, WEAKNESS, peer_groups, strengths_and_weaknesses
from thrive.index.quality import cronbach_alpha, kaiser_meyer_olkin
from thrive.index.scoring import aggregate, dimensions_from_components, rescaled, transformed
from thrive.index.uncertainty import MonteCarloSettings, monte_carlo, ranks
from thrive.index.weighting import first_component_loadings, indicator_weights, one_factor_loadings

SPI_2022 = FIXTURES / "spi_global_2022_scores" / "social_progress_index_2022_scores_clean.csv"
SPI_COMPONENTS = {
    "Basic Human Needs": ["Nutrition and Basic Medical Care", "Water and Sanitation", "Shelter", "Personal Safety"],
    "Foundations of Wellbeing": [
        "Access to Basic Knowledge",
        "Access to Information and Communications",
        "Health and Wellness",
        "Environmental Quality",
    ],
    "Opportunity": ["Personal Rights", "Personal Freedom and Choice", "Inclusiveness", "Access to Advanced Education"],
}


def _indicator(code: str, **kw: object) -> Indicator:
    base: dict[str, object] = {
        "name": code,
        "unit": "percent",
        "higher_is_better": True,
        "source": "test",
        "geography": "ward",
        "utopia": 100.0,
        "dystopia": 0.0,
    }
    base.update(kw)
    return Indicator(code, **base)  # type: ignore[arg-type]


def _framework(components: dict[str, dict[str, list[Indicator]]], **kw: object) -> IndexFramework:
    settings: dict[str, object] = {"weighting": Weighting.EQUAL, "imputation_cap": 0.5}
    settings.update(kw)
    return IndexFramework(
        "test",
        "Test",
        1,
        dimensions=tuple(
            Dimension(d, d, tuple(Component(c, c, tuple(i)) for c, i in comps.items()))
            for d, comps in components.items()
        ),
        **settings,  # type: ignore[arg-type]
    )


def test_spi_2022_dimensions_and_overall_scores_come_from_the_published_components_within_001() -> None:
    # Social Progress Imperative, 2022 Social Progress Index: 169 countries' component, dimension and overall scores.
    published = pd.read_csv(SPI_2022)
    framework = _framework({d: {c: [_indicator(c)] for c in comps} for d, comps in SPI_COMPONENTS.items()})
    components = published[[c for comps in SPI_COMPONENTS.values() for c in comps]].to_numpy(dtype=float)

    scores = dimensions_from_components(framework, components)

    assert len(published) == 169
    assert np.abs(scores.dimensions - published[list(SPI_COMPONENTS)].to_numpy()).max() < 0.01
    assert np.abs(scores.index - published["Social Progress Score"].to_numpy()).max() < 0.01
    norway = published.index[published["Country"] == "Norway"][0]
    assert scores.index[norway] == pytest.approx(90.74, abs=0.01)


def test_component_score_worked_by_hand_with_the_spi_formulas() -> None:
    # 2020 Social Progress Index Methodology Summary (Stern, Krylova and Harmacek), "Indicator Transformations",
    # "Standardization" ((X - worst) / (best - worst) x 100, held within the bounds) and "Component Scores"
    # (sum of weight x indicator). The inputs below are illustrative, not the report's: no SPI methodology report
    # found here publishes a component worked through with its indicators, bounds and weights. Worked by hand:
    #   undernourishment 10% (best 2.5, worst 60):   (10 - 60) / (2.5 - 60) x 100 = 86.9565
    #   child deaths 20 per 1,000, logged (best 2, worst 200): (ln 20 - ln 200) / (ln 2 - ln 200) x 100 = 50
    #   electricity 95%, capped at 90 (best 100, worst 0): 90
    #   component = 0.3 x 86.9565 + 0.3 x 50 + 0.4 x 90 = 77.0870
    # Second area: undernourishment 70% is beyond the worst case, so it is held at 0; child deaths 2 -> 100;
    # electricity 45% -> 45; component = 0 + 30 + 18 = 48.
    framework = _framework(
        {
            "basic": {
                "nutrition": [
                    _indicator("undernourishment", higher_is_better=False, utopia=2.5, dystopia=60.0, weight=0.3),
                    _indicator(
                        "child-deaths",
                        higher_is_better=False,
                        utopia=2.0,
                        dystopia=200.0,
                        transform=Transform.LOG,
                        weight=0.3,
                    ),
                    _indicator("electricity", transform=Transform.CAP, cap=90.0, weight=0.4),
                ]
            }
        }
    )
    values = np.array([[10.0, 20.0, 95.0], [70.0, 2.0, 45.0]])
    utopia, dystopia = framework.bounds()
    values, utopia, dystopia = transformed(framework, values, utopia, dystopia)
    indicators = rescaled(values, utopia, dystopia)
    weights = indicator_weights(framework, indicators)

    scores = aggregate(framework, indicators, weights)

    assert indicators[0] == pytest.approx([86.9565, 50.0, 90.0], abs=1e-4)
    assert scores.components[:, 0] == pytest.approx([77.0870, 48.0], abs=1e-4)
    assert scores.index == pytest.approx([77.0870, 48.0], abs=1e-4)


def test_pca_weights_follow_the_first_component_and_sum_to_one() -> None:
    # Two indicators correlated r = 0.6: eigenvalues 1.6 and 0.4, first eigenvector (1, 1)/sqrt 2, so equal weights;
    # loadings sqrt(1.6)/sqrt(2) = 0.8944 each (by hand).
    corr = np.array([[1.0, 0.6], [0.6, 1.0]])
    assert first_component_loadings(corr) == pytest.approx([0.8944, 0.8944], abs=1e-4)
    # One factor, two indicators at r = 0.6: communalities settle at 0.6, loadings sqrt(0.6) = 0.7746.
    assert one_factor_loadings(corr) == pytest.approx([0.7746, 0.7746], abs=1e-3)
    framework = _framework({"d": {"c": [_indicator("a"), _indicator("b"), _indicator("c")]}}, weighting=Weighting.PCA)
    rng = np.random.default_rng(1)
    base = rng.uniform(0, 100, 50)
    data = np.column_stack([base, base + rng.normal(0, 5, 50), rng.uniform(0, 100, 50)])
    weights = indicator_weights(framework, data)
    assert weights.sum() == pytest.approx(1.0)
    assert weights[2] < weights[0] and weights[2] < weights[1]


def test_missing_value_is_imputed_by_regression_on_the_other_indicators_and_not_above_the_cap() -> None:
    # b = 2a + 10 exactly, so regression on the mean of the others (a, c) gives a fitted value that is exact
    # when c = a: an area with a = c = 20 and b missing gets b = 50.
    framework = _framework({"d": {"c": [_indicator("a"), _indicator("b"), _indicator("c")]}}, imputation_cap=0.34)
    a = np.array([10.0, 20.0, 30.0, 40.0, 20.0, 30.0])
    b = 2 * a + 10
    b[4] = np.nan
    scores = np.column_stack([a, b, a])
    scores[5, 0] = np.nan
    scores[5, 1] = np.nan  # two of three missing: above the one-third cap, so nothing is imputed

    result = impute_by_regression(framework, scores)

    assert result.scores[4, 1] == pytest.approx(50.0)
    assert result.imputed[4, 1]
    assert np.isnan(result.scores[5, 0]) and np.isnan(result.scores[5, 1])
    assert np.isnan(aggregate(framework, result.scores, np.full(3, 1 / 3)).components[5, 0])


def test_cronbach_alpha_and_kmo_worked_by_hand() -> None:
    # Items (1,2,3,4) and (2,4,6,8): variances 1.667 and 6.667, total (3,6,9,12) variance 15;
    # alpha = 2/1 x (1 - 8.333/15) = 0.8889 (Cronbach 1951). With two indicators the partial correlation
    # equals minus the correlation, so KMO = r^2 / (r^2 + r^2) = 0.5 (Kaiser 1974).
    block = np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0], [4.0, 8.0]])
    assert cronbach_alpha(block) == pytest.approx(0.8889, abs=1e-4)
    assert kaiser_meyer_olkin(np.array([[1.0, 0.6], [0.6, 1.0]])) == pytest.approx(0.5)


def test_strengths_and_weaknesses_against_the_median_and_average_absolute_deviation_of_peers() -> None:
    # Peers of area 0 (similarity 0) are areas 1-3; their scores 40, 50, 60: median 50, mean |dev| 6.67.
    # Area 0 at 70 > 56.67: a strength. At 45: within; at 40: below 43.33, a weakness.
    similarity = np.array([0.0, 1.0, 2.0, 3.0, 10.0])
    peers = peer_groups(similarity, size=3)
    assert sorted(peers[0].tolist()) == [1, 2, 3]
    for score, verdict in ((70.0, STRENGTH), (45.0, 0), (40.0, WEAKNESS)):
        scores = np.array([[score], [40.0], [50.0], [60.0], [0.0]])
        assert strengths_and_weaknesses(scores, peers)[0, 0] == verdict


def test_monte_carlo_gives_intervals_around_the_score_and_says_what_drives_them() -> None:
    framework = _framework({"d": {"c": [_indicator("a"), _indicator("b")]}, "e": {"f": [_indicator("g")]}})
    rng = np.random.default_rng(3)
    values = rng.uniform(10, 90, (30, 3))
    values[0, 1] = np.nan
    utopia, dystopia = framework.bounds()
    imputation = impute_by_regression(framework, rescaled(values, utopia, dystopia))
    weights = np.array([0.5, 0.5, 1.0])
    point = aggregate(framework, imputation.scores, weights).index

    found = monte_carlo(framework, values, utopia, dystopia, imputation, weights, MonteCarloSettings(draws=400, seed=5))

    assert np.all(found.score_low <= point + 1e-9) and np.all(point <= found.score_high + 1e-9)
    assert np.all(found.rank_low <= ranks(point)) and np.all(ranks(point) <= found.rank_high)
    assert sum(found.drivers.values()) == pytest.approx(1.0)
    assert found.drivers["bounds"] > 0 and found.drivers["weights"] > 0
