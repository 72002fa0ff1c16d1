"""Source pages (issue 17): the passage of a council document that a public page cites, so a reader
can check a figure against its words; bad line ranges are a 404, never a 500."""

from __future__ import annotations

import httpx
import pytest

from thrive.data.documents import MAX_CITED

DESTITUTION_LINE = "7,814 Luton households below Destitution threshold 9.9% in Destitution"
"""003_bc953ebea818b0e7.txt line 354: the band table the destitution measure cites."""


def test_a_measure_page_links_its_definition_to_the_cited_line(client: httpx.Client) -> None:
    page = client.get("/measures/destitution")
    assert 'href="/sources/003/354">Luton 2040 Progress Report 2025</a>' in page.text
    assert "003:354" not in page.text


def test_the_source_page_shows_the_cited_line_marked_with_its_context(client: httpx.Client) -> None:
    page = client.get("/sources/003/354")
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-xl">Luton 2040 Progress Report 2025</h1>' in page.text
    assert f"<mark>Destitution\tE\t{DESTITUTION_LINE}" in page.text
    assert '<li value="351">' in page.text and '<li value="357">' in page.text
    assert page.text.count("<mark>") == 1


def test_a_range_marks_every_cited_line(client: httpx.Client) -> None:
    page = client.get("/sources/003/406-414")
    assert page.status_code == 200
    assert page.text.count("<mark>") == 9


MISSING = ["/sources/009/1", "/sources/003/0", "/sources/003/731", "/sources/003/20-10", "/sources/003/x"]
"""No such document, line 0, past the last of 730 lines, backwards, not a number."""


@pytest.mark.parametrize("path", [*MISSING, f"/sources/003/1-{MAX_CITED + 1}", "/sources/003/99999999999"])
def test_a_source_that_does_not_exist_is_a_404(client: httpx.Client, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert "Page not found" in page.text
