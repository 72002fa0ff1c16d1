"""Compare two areas (issue 17): two authorities side by side on every statistic both have, by Fingertips'
test between two areas (different only where the 95% intervals do not overlap); the address is the choice."""

from __future__ import annotations

import re

import httpx

from tests.web.helpers import visible_text

BEDFORD = "E06000055"


def test_luton_and_bedford_side_by_side_with_their_intervals(open_data_client: httpx.Client) -> None:
    page = open_data_client.get("/compare", params={"first": "E06000032", "second": BEDFORD})
    assert page.status_code == 200
    text = visible_text(page.text)
    assert '<h1 class="govuk-heading-xl">Luton and Bedford</h1>' in page.text
    # Adults who smoke, 2023: Luton 14.7% (11.2 to 18.3%), Bedford 13.6% (7.6 to 19.7%): the intervals overlap.
    assert (
        "Adults who currently smoke cigarettes 2023 14.7% 95% confidence interval: 11.2 to 18.3% "
        "13.6% 95% confidence interval: 7.6 to 19.7% Similar"
    ) in text
    verdicts = re.findall(
        r'<td class="govuk-table__cell">(Better|Similar|Worse|Higher|Lower|Not compared)</td>', page.text
    )
    assert len(verdicts) > 10 and "Not compared" in verdicts
    assert '<option value="E06000055" selected>Bedford</option>' in page.text


def test_a_missing_or_repeated_second_area_is_asked_for_again(open_data_client: httpx.Client) -> None:
    for second in ("nowhere", "E06000032"):
        page = open_data_client.get("/compare", params={"first": "E06000032", "second": second})
        assert page.status_code == 200
        assert "Choose a second area that is not the first" in visible_text(page.text)
        assert "<table" not in page.text
    assert "Choose a second area" not in visible_text(open_data_client.get("/compare").text)
