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


def test_a_ranking_colours_each_place_against_england_and_says_so_in_its_table(
    open_data_client: httpx.Client,
) -> None:
    # ONS APS 2023 (shipped): Blackpool 20.6% (16.2 to 25.1) and Milton Keynes 7.6% (4.9 to 10.3) against
    # England's 11.6%: England lies outside both intervals, so one is worse and the other better (lower is
    # better). Luton's 14.7% is the Road Map's printed figure, which has no interval: not compared.
    page = open_data_client.get("/measures/smoking").text
    compared = dict(
        re.findall(
            r'<td class="govuk-table__cell">([^<]+)</td>\s*<td[^>]*numeric">[^<]+</td>\s*<td class="govuk-table__cell">([^<]+)</td>',
            page,
        )
    )
    assert compared["Blackpool"] == "Worse than England (95%)"
    assert compared["Milton Keynes"] == "Better than England (95%)"
    assert "Luton</strong></td>" in page and "Not compared (no interval)" in page
    assert re.search(r"Against England: \d+ better than England \(95%\), \d+ similar to England, \d+ worse", page)
    assert page.count('<th scope="col" class="govuk-table__header">Compared with England</th>') >= 2
