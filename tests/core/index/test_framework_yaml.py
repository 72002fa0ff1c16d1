"""The framework as YAML: the shipped one follows the SPI structure; mistakes name the field."""

from __future__ import annotations

import pytest

from thrive.data.index_framework import parse_framework, parse_lsoa_framework, shipped_framework_path
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


def test_at_lsoa_level_the_iod_indicators_are_file_9_scores_bounded_by_england_s_lsoas() -> None:
    level = parse_lsoa_framework(shipped_framework_path().read_text(), "framework.yaml")
    assert level is not None
    framework, sources, peer = level
    real = {i.code: i for i in framework.indicators if not i.synthetic}
    assert sorted(real) == [
        "barriers-housing",
        "crime-deprivation",
        "education-deprivation",
        "health-deprivation",
        "living-environment",
    ]
    # IoD2019 File 9: every domain's transformed score runs from 0.001 (least deprived LSOA in England) to 100.
    assert {(i.utopia, i.dystopia, i.geography) for i in real.values()} == {(0.001, 100.0, "lsoa")}
    assert sources["living-environment"] == "iod2019-lsoa:living_environment_transformed"
    assert sum(i.synthetic for i in framework.indicators) == 29
    assert peer == "iod2019-lsoa:income_transformed"


def test_a_real_indicator_without_an_lsoa_block_is_named_when_lsoas_are_scored() -> None:
    text = shipped_framework_path().read_text()
    start = text.index(', lsoa: {name: "Crime score')
    text = text[:start] + "}" + text[text.index("\n", start) :]
    parse_framework(text, "framework.yaml")  # the ward level does not need it
    with pytest.raises(ProblemsError) as raised:
        parse_lsoa_framework(text, "framework.yaml")
    assert raised.value.problems[0].column == "lsoa"
    assert "crime-deprivation" in raised.value.problems[0].message
