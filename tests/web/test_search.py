"""Site search (issue 17) on each database's own full-text engine (SQLite FTS5, PostgreSQL tsvector):
stemming, the synonyms in search.yaml, wards, pages and indicators, and "did you mean" when nothing matches.
The six queries that used to find nothing each find what a resident meant."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.helpers import visible_text

EXPECTED = {
    "smokers": ('href="/measures/smoking"', "Smoking prevalence"),
    "unemployed": ('href="/measures/unemployment"', "Unemployment rate (claimant count)"),
    "destitute": ('href="/measures/destitution"', "% of households in destitution"),
    "Dallow": ('href="/areas/E05002198"', "Dallow"),
    "crime": ('href="/measures/feeling-safe"', "safety in Luton"),
    "Thriving People": ('href="/thriving-people-index"', "Thriving People Index"),
}
"""Each query with the link it must give and the words of that result. Dallow's code is from areas.csv."""


@pytest.mark.parametrize("query", list(EXPECTED))
def test_each_query_that_found_nothing_now_finds_what_a_resident_meant(client: httpx.Client, query: str) -> None:
    page = client.get("/search", params={"q": query})
    assert page.status_code == 200
    link, words = EXPECTED[query]
    assert link in page.text, f"{query!r} should lead to {link}"
    assert words in visible_text(page.text)


def test_results_are_grouped_measures_first_and_count_every_hit(client: httpx.Client) -> None:
    text = visible_text(client.get("/search", params={"q": "wages"}).text)
    count = int(re.search(r"(\d+) results? for ‘wages’", text).group(1))  # type: ignore[union-attr]
    assert count >= 2
    assert text.index("Road Map measures") < text.index("Decisions about the figures")
    assert "Average weekly wages in Luton" in text


def test_a_misspelling_finds_nothing_but_offers_the_word_it_meant(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "dalow"})
    text = visible_text(page.text)
    assert "0 results for ‘dalow’" in text
    assert re.search(r"Did you mean dallow ?\?", text) and 'href="/search?q=dallow"' in page.text


def test_stemming_matches_other_forms_of_a_word(client: httpx.Client) -> None:
    # "wage" and "wages" share a stem; the measure says "Average weekly wages in Luton".
    assert 'href="/measures/weekly-wages"' in client.get("/search", params={"q": "wage"}).text


@pytest.mark.parametrize("query", ['"', "AND OR NOT", "x* NEAR(y", "'; DROP TABLE search_entry; --", "é" * 300, ""])
def test_query_syntax_and_odd_input_are_only_words_never_an_error(client: httpx.Client, query: str) -> None:
    page = client.get("/search", params={"q": query})
    assert page.status_code == 200
    assert client.get("/search", params={"q": "Dallow"}).status_code == 200
