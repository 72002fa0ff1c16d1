"""Measure pages say only what is true (issue 17): the milestone path appears only where the Road
Map sets numeric milestones, a chart whose value axis does not start at zero says so, and the page says
when its figures were last updated and how often new ones come."""

from __future__ import annotations

import re

import httpx


def _charts(html: str) -> list[str]:
    return re.findall(r'<figure class="thrive-chart.*?</figure>', html, flags=re.S)


def test_the_milestone_path_is_drawn_only_where_the_road_map_sets_numeric_milestones(client: httpx.Client) -> None:
    # Destitution: the Road Map sets 7.7% by 2027, 5.1% by 2031, 2.6% by 2035 and 0% by 2040.
    (destitution,) = _charts(client.get("/measures/destitution").text)
    assert "Road Map path" in destitution and "7.7% by 2027" in destitution
    # GCSE attainment: milestones in words only ("6th out of 11 statistical neighbours").
    gcse = _charts(client.get("/measures/gcse-attainment").text)[0]
    assert "Road Map path" not in gcse.split("<figcaption")[0]
    assert "Road Map path: no numeric milestones" in gcse


def test_a_chart_says_when_its_value_axis_does_not_start_at_zero(client: httpx.Client) -> None:
    (destitution,) = _charts(client.get("/measures/destitution").text)
    years = _charts(client.get("/measures/healthy-life-expectancy").text)[0]
    assert "does not start at zero" not in destitution  # a percentage: the axis starts at zero
    assert "The value axis does not start at zero, so that a small change shows" in years


def test_a_measure_page_says_when_its_figures_were_last_updated_and_how_often_they_come(
    client: httpx.Client,
) -> None:
    text = re.sub(r"<[^>]+>", " ", client.get("/measures/healthy-life-expectancy").text)
    assert re.search(
        r"Figures last updated \d{1,2} [A-Z][a-z]+ 20\d\d\. New figures come once a year, each for three years together\.",
        text,
    )
