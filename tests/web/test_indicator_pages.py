"""Indicator pages, and the comparison and provenance sections of measure pages, over a real server.

Every test runs on a database with all the shipped open data (official statistics for every
English authority), on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
import re

import httpx

from tests.web.helpers import LUTON, assert_plain_words, strict_json, visible_text

HLE_MALE = "ons-male-healthy-life-expectancy"
WEEKLY_PAY = "ons-gross-median-weekly-pay"
ATTAINMENT = "dfe-avg-attain8-score"
INDICATORS = 43
HOME_AREAS = {"Luton", "England", "East of England"}


def _page(client: httpx.Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def _section(html: str, heading: str, until: str) -> str:
    """The page from the h2 `heading` up to the h2 `until`."""
    start = html.index(f">{heading}</h2>")
    return html[start : html.rindex("<h2", start, html.index(f">{until}</h2>", start))]


def _rows(table_html: str) -> list[list[str]]:
    return [
        [visible_text(cell) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table_html, re.S)
    ]


def _table(html: str, caption: str) -> str:
    """The table whose caption starts with `caption`."""
    tables: list[str] = re.findall(r"<table.*?</table>", html, re.S)
    for table in tables:
        found = re.search(r"<caption[^>]*>(.*?)</caption>", table, re.S)
        if found and visible_text(found.group(1)).startswith(caption):
            return table
    raise AssertionError(f"no table captioned '{caption}'")


def _catalogue_row(html: str, title: str) -> list[str]:
    return next(row for row in _rows(html) if row and row[0] == title)


def test_the_catalogue_lists_every_indicator_with_its_publisher_periods_areas_and_road_map_use(
    open_data_client: httpx.Client,
) -> None:
    html = _page(open_data_client, "/indicators")
    text = visible_text(html)

    assert len(set(re.findall(r'href="/indicators/([^"/]+)"', html))) == INDICATORS
    pay = _catalogue_row(html, "Gross median weekly pay, all employee jobs, by place of residence")
    assert pay[1:5] == ["Office for National Statistics", "Pounds (£)", "16 April 2008 to 30 April 2025", "327"]
    assert "Proxy (a different basis)" in pay[5] and 'href="/measures/weekly-wages"' in html
    attainment = _catalogue_row(html, "Average Attainment 8 score per pupil")
    assert attainment[1] == "Department for Education" and "Exact match" in attainment[5]
    assert _catalogue_row(html, "Air pollution (Health Index)")[5] == "Not used by a measure"
    assert re.search(r'<a class="govuk-service-navigation__link" href="/indicators" aria-current="true">', html)
    assert_plain_words(text)


def test_the_catalogue_filters_by_words_and_publisher_with_a_plain_get(open_data_client: httpx.Client) -> None:
    by_words = visible_text(_page(open_data_client, "/indicators?q=weekly+pay"))
    assert "Gross median weekly pay" in by_words and "Average Attainment 8" not in by_words
    assert f"1 of {INDICATORS} indicators match" in by_words

    by_publisher = _page(open_data_client, "/indicators?publisher=Department+for+Education")
    assert "Average Attainment 8 score per pupil" in by_publisher and "Gross median weekly pay" not in by_publisher
    assert '<option value="Department for Education" selected>' in by_publisher

    nothing = visible_text(_page(open_data_client, "/indicators?q=no+such+statistic"))
    assert "No indicator matches" in nothing

    search = _page(open_data_client, "/search?q=attainment")
    assert f'href="/indicators/{ATTAINMENT}"' in search and 'href="/measures/gcse-attainment"' in search


def test_an_indicator_page_shows_its_metadata_use_luton_with_its_interval_and_every_authority(
    open_data_client: httpx.Client,
) -> None:
    html = _page(open_data_client, f"/indicators/{HLE_MALE}")
    text = visible_text(html)

    assert '<h1 class="govuk-heading-xl">Healthy life expectancy at birth, males</h1>' in html
    for key, value in [
        ("What it measures", "Years"),
        ("Better is", "Higher"),
        ("Periods", "Several years together, such as 2022 to 2024"),
        ("Publisher", "Office for National Statistics"),
        ("Licence", "Open Government Licence v3.0"),
    ]:
        assert f"{key} {value}" in text
    assert 'href="https://www.ons.gov.uk/explore-local-statistics/indicators/healthy-life-expectancy"' in html
    assert "Caveats Upper-tier authorities only." in text
    uses = _rows(_table(html, "Road Map measures this indicator feeds or informs"))
    assert uses[1][1] == "Exact match" and 'href="/measures/healthy-life-expectancy"' in html

    by_period = _rows(_table(html, "Healthy life expectancy at birth, males: Luton, England and the East of England"))
    assert by_period[0] == ["Period", "Luton", "England", "East of England"]
    assert by_period[-1] == [
        "2022-24",
        "56.9 years 95% confidence interval: 53.2 to 60.7 years",
        "60.9 years 95% confidence interval: 60.7 to 61.2 years",
        "62.3 years 95% confidence interval: 61.5 to 63.2 years",
    ]
    assert "Luton: 58.8 years in 2011-13, 56.9 years in 2022-24 (95% confidence interval 53.2 to 60.7 years)" in text

    ranked = _rows(_table(html, "English unitary and upper-tier authorities, 2022-24, best (highest) first"))
    assert ranked[0] == ["Rank", "Area", "Value"]
    assert ["120", "Luton", "56.9 years"] in ranked and len(ranked) - 1 == 151
    assert "Luton is 120th of 151 (best (highest) first) in 2022-24: 56.9 years." in text
    assert html.count("<svg") == 2
    assert_plain_words(text)


def test_an_indicator_page_words_suppressed_figures_and_an_unknown_indicator_is_not_found(
    open_data_client: httpx.Client,
) -> None:
    text = visible_text(_page(open_data_client, "/indicators/dfe-fsp-new-gooddev"))
    assert "Not published (suppressed by the publisher)" in text
    assert "Break in series" in text
    assert_plain_words(text)

    for path in ("/indicators/no-such-indicator", "/indicators/no-such-indicator/download.csv"):
        missing = open_data_client.get(path)
        assert missing.status_code == 404 and "Page not found" in missing.text
    assert open_data_client.get(f"/indicators/{HLE_MALE}/download.xlsx").status_code == 404


def test_downloads_hold_every_figure_for_every_area_in_csv_and_strict_json(open_data_client: httpx.Client) -> None:
    figures, areas = 5886, 327

    as_csv = open_data_client.get(f"/indicators/{WEEKLY_PAY}/download.csv")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.headers["content-disposition"] == f'attachment; filename="{WEEKLY_PAY}.csv"'
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == figures and len({r["area"] for r in rows}) == areas
    luton = [r for r in rows if r["area"] == LUTON]
    assert (luton[0]["period"], luton[0]["value"], luton[0]["area_name"]) == ("2008-04-16", "345.0", "Luton")
    suppressed = [r for r in rows if r["suppressed"] == "yes"]
    assert suppressed and all(r["value"] == "" for r in suppressed)

    as_json = strict_json(open_data_client.get(f"/indicators/{WEEKLY_PAY}/download.json"))
    assert as_json["indicator"]["title"].startswith("Gross median weekly pay")
    observations = as_json["observations"]
    assert len(observations) == figures and len({o["area"] for o in observations}) == areas
    hidden = [o for o in observations if o["suppressed"]]
    assert len(hidden) == len(suppressed) and all(o["value"] is None for o in hidden)
    assert json.dumps(as_json, allow_nan=False)

    tag = as_csv.headers["etag"]
    assert (
        open_data_client.get(f"/indicators/{WEEKLY_PAY}/download.csv", headers={"If-None-Match": tag}).status_code
        == 304
    )


def test_the_weekly_wages_page_shows_ons_pay_for_luton_and_england_from_2008_as_context(
    open_data_client: httpx.Client,
) -> None:
    html = _page(open_data_client, "/measures/weekly-wages")
    sources = _section(html, "Where the figures come from", "Changes to the published figures")
    text = visible_text(sources)

    assert f'href="/indicators/{WEEKLY_PAY}"' in sources
    assert "Match Proxy (a different basis)" in text
    assert "Publisher Office for National Statistics Licence Open Government Licence v3.0" in text
    assert "not the Road Map’s own figure" in text
    context = _rows(_table(sources, "Gross median weekly pay, all employee jobs, by place of residence: Luton and"))
    assert context[0] == ["Period", "Luton", "England"]
    assert context[1][0] == "16 April 2008" and context[1][1].startswith("£345.00")
    assert context[-1][0] == "30 April 2025" and context[-1][1].startswith("£585.90")
    assert "Luton: £345.00 on 16 April 2008, £585.90 on 30 April 2025" in text
    assert_plain_words(text)


def test_a_measure_page_table_shows_luton_england_and_the_region_only(open_data_client: httpx.Client) -> None:
    html = _page(open_data_client, "/measures/gcse-attainment")
    rows = _rows(_table(html, "Figures for average attainment 8 score"))
    assert {row[0] for row in rows[1:]} <= HOME_AREAS and {"Luton", "England"} <= {row[0] for row in rows[1:]}
    assert ["Luton", "2024/25", "45", "Department for Education: Average Attainment 8 score per pupil"] in rows
    assert_plain_words(visible_text(_table(html, "Figures for average attainment 8 score")))


def test_healthy_life_expectancy_draws_its_confidence_intervals(open_data_client: httpx.Client) -> None:
    html = _page(open_data_client, "/measures/healthy-life-expectancy")
    for label in ("males", "females"):
        table = _table(html, f"Figures for healthy life expectancy at birth, {label}")
        rows = _rows(table)
        assert rows[0] == ["Area", "Period", "Value", "95% confidence interval", "Source"]
        assert {row[0] for row in rows[1:]} == HOME_AREAS
    male = _rows(_table(html, "Figures for healthy life expectancy at birth, males"))
    latest = next(row for row in male if row[:2] == ["Luton", "2022-24"])
    assert latest[2:4] == ["56.9 years", "53.2 to 60.7 years"]
    charts = re.findall(r"<figure class=\"thrive-chart[^\"]*\">(.*?)</figure>", html, re.S)
    for label in ("males", "females"):
        chart = next(c for c in charts if f"<title>Healthy life expectancy at birth, {label}</title>" in c)
        assert "LineCollection" in chart  # matplotlib's group for the error bars
        assert "Vertical bars show 95% confidence intervals." in visible_text(chart)


def test_gcse_attainment_compares_luton_with_its_statistical_neighbours_named_in_the_model_used(
    open_data_client: httpx.Client,
) -> None:
    html = _page(open_data_client, "/measures/gcse-attainment")
    compares = _section(html, "How Luton compares", "Milestones and target")
    text = visible_text(compares)

    assert (
        "Similar to England: 45 against 46 in 2024/25; within 5% of it: no confidence interval is published, "
        "so this is the 5% band, not a significance test." in text
    )
    model = "DfE children's services statistical neighbours, May 2025 model"
    assert f"Ranked 7th of 11 among Luton's statistical neighbours ({model}) in 2024/25" in text
    members = re.search(rf"Luton's statistical neighbours in the {re.escape(model)}, closest first: ([^.]+)\.", text)
    assert members is not None
    named = members.group(1).split(", ")
    assert len(named) == 10 and {"Slough", "Peterborough", "Coventry"} <= set(named)
    ranked = _rows(_table(compares, f"Luton's statistical neighbours ({model}), 2024/25, best first"))
    assert ranked[0] == ["Rank", "Area", "Value"] and ["7", "Luton", "45"] in ranked and len(ranked) == 12
    assert "Among Luton's nearest neighbours" in text and "Among English unitary and upper-tier authorities" in text
    assert "Ranked 88th of 152 among English unitary and upper-tier authorities" in text
    assert compares.count("<svg") == 3
    assert_plain_words(text)
