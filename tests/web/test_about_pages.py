"""About the data (issue 17): an index page, the method on a page of its own, and one page per group of
decisions, each with a contents list whose links land on its sections; search leads to a decision."""

from __future__ import annotations

import re

import httpx

from tests.web.helpers import visible_text
from thrive.datasets import dataset_path

NOTES = (dataset_path("luton2040") / "DATA-NOTES.md").read_text(encoding="utf-8")
GROUPS = re.findall(r"^## ([A-Z])\. ", NOTES, flags=re.MULTILINE)


def test_the_index_lists_the_method_and_every_group_of_decisions(client: httpx.Client) -> None:
    page = client.get("/about-the-data")
    assert page.status_code == 200
    assert len(GROUPS) == 12  # A to L
    for letter in GROUPS:
        assert f'href="/about-the-data/{letter.lower()}"' in page.text
    assert 'href="/about-the-data/how-we-judge-progress"' in page.text
    assert "Deprivation and the Thriving People Index" in page.text and "(issue 7)" not in page.text


def test_a_group_page_has_a_contents_list_whose_links_land_on_its_sections(client: httpx.Client) -> None:
    page = client.get("/about-the-data/i")
    anchors = re.findall(r'<a class="govuk-link" href="#([a-z0-9-]+)">', page.text)
    assert len(anchors) == len(re.findall(r"^### ", NOTES.split("## I. ")[1].split("\n## ")[0], flags=re.MULTILINE))
    for anchor in anchors:
        assert f'id="{anchor}"' in page.text
    assert "I7. No synthetic ranking is published" in visible_text(page.text)


def test_the_method_page_reads_in_words_and_an_unknown_group_is_not_found(client: httpx.Client) -> None:
    text = visible_text(client.get("/about-the-data/how-we-judge-progress").text)
    assert "Progress: on track for the milestones?" in text
    assert ".yaml" not in text and "on_track_tolerance" not in text
    assert client.get("/about-the-data/z").status_code == 404


def test_search_leads_to_the_decision_itself(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "synthetic ranking"})
    assert 'href="/about-the-data/i#i7-no-synthetic-ranking-is-published"' in page.text
