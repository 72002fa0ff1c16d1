"""The framework as YAML: the shipped one follows the SPI structure; mistakes name the field."""

from __future__ import annotations

import pytest

from thrive.data.index_framework import parse_framework, shipped_framework_path
from thrive.data.problems import ProblemsError


def test_shipped_framework_has_the_spi_3_dimensions_and_12_components_with_a_source_for_every_indicator() -> None:
    framework, sources, peer = parse_framework(shipped_framework_path().read_text(), "framework.yaml")
    assert [d.name for d in framework.dimensions] == ["Basic Human Needs", "Foundations of Wellbeing", "Opportunity"]
    assert len(framework.components) == 12
    assert all(i.source and i.geography for i in framework.indicators)
    real = [code for code, where in sources.items() if where != "synthetic"]
    assert len(real) == 5  # the IoD2019 domains; the rest are labelled synthetic
    assert all(i.synthetic == (sources[i.code] == "synthetic") for i in framework.indicators)
    assert peer == "iod2019:Income_Score"


def test_a_bound_on_the_wrong_side_names_the_indicator_field() -> None:
    text = shipped_framework_path().read_text().replace("utopia: 10, dystopia: 35", "utopia: 35, dystopia: 10", 1)
    with pytest.raises(ProblemsError) as raised:
        parse_framework(text, "framework.yaml")
    problem = raised.value.problems[0]
    assert problem.file == "framework.yaml"
    assert problem.column == "dimensions.0.components.0.indicators.0"
    assert "utopia must be the lower bound" in problem.message


def test_an_unknown_weighting_names_the_field_and_the_choices() -> None:
    text = shipped_framework_path().read_text().replace("weighting: pca", "weighting: guess", 1)
    with pytest.raises(ProblemsError) as raised:
        parse_framework(text, "framework.yaml")
    assert raised.value.problems[0].column == "weighting"
    assert "'equal', 'pca' or 'factor'" in raised.value.problems[0].message
