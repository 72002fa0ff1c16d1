"""Luton's profile (issue 17): every statistic against England and England's unitary and upper-tier
authorities as a spine chart and table, compared by Fingertips' test on Luton's 95% interval."""

from __future__ import annotations

import re

import httpx

from tests.web.helpers import visible_text


def _row(html: str, title: str) -> str:
    rows: list[str] = re.findall(r"<tr class=\"govuk-table__row\">.*?</tr>", html, flags=re.S)
    (found,) = [r for r in rows if title in r]
    return found


def test_each_statistic_is_compared_with_england_by_luton_s_interval(open_data_client: httpx.Client) -> None:
    html = open_data_client.get("/profile").text
    # ONS/OHID: adults who smoke, Luton 14.7% (11.2 to 18.3%) in 2023, England 11.6%: inside the interval.
    smoking = visible_text(_row(html, "Adults who currently smoke cigarettes"))
    assert "14.7% 95% confidence interval: 11.2 to 18.3% 11.6% Similar" in smoking
    assert "Luton 14.7%, England 11.6%; similar to England." in smoking  # the spine's accessible name
    # ONS APS anxiety (lower is better), Luton 2.64 (2.26 to 3.02) in 2022/23, England 3.24: outside, and lower.
    anxiety = _row(html, "Anxiety, mean score out of 10")
    assert "2.64 95% confidence interval: 2.26 to 3.02 3.24 Better" in visible_text(anxiety)
    circle = re.search(r'<circle cx="([\d.]+)"', anxiety)
    assert circle is not None and float(circle.group(1)) > 120  # better is to the right
    assert 'fill="#00703c"' in anxiety


def test_the_summary_counts_the_rows_and_counts_are_left_out(open_data_client: httpx.Client) -> None:
    html = open_data_client.get("/profile").text
    rows = re.findall(r"<tr class=\"govuk-table__row\">\s*<th scope=\"row\"", html)
    verdicts = re.findall(r'<td class="govuk-table__cell">(Better|Similar|Worse|Higher|Lower|Not compared)</td>', html)
    assert len(rows) == len(verdicts) > 10
    text = visible_text(html)
    summary = re.search(
        r"Of (\d+) statistics, Luton is better than England on (\d+), similar on (\d+) and worse on (\d+)", text
    )
    assert summary is not None
    total, better, similar, worse = (int(g) for g in summary.groups())
    assert total == len(rows)
    assert (better, similar, worse) == tuple(verdicts.count(v) for v in ("Better", "Similar", "Worse"))
    # A count grows with the size of a place, so it is never compared: the rate per 10,000 is, the count is not.
    assert ">Children looked after on 31 March, rate per 10,000 children</a>" in html
    assert ">Children looked after on 31 March</a>" not in html
