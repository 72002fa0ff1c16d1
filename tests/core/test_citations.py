"""Public text as a reader would cite it (issue 17): refs become named links to the cited lines, the
dataset's file names become words, record ids become their names, and nothing else changes."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from thrive.datasets import dataset_path
from thrive.framework.dataset import Document
from thrive.presentation.citations import PublicText, PublicWording, Wording, load_wording

REPORT = Document("003", "003.txt", "Luton 2040 - Change Today: 2025 Progress Report (with Appendix 1)", None, None)
PLAN = Document("004", "004.txt", "Corporate Plan", None, None, cited_as="Luton Council Corporate Plan 2021-2023")
WORDING = PublicWording((Wording("DATA-NOTES.md", "About the data", "/about-the-data"),), frozenset({"net-zero"}))
TEXT = PublicText(
    [REPORT, PLAN],
    {"emissions-per-capita": "Greenhouse gas emissions per resident", "gbp_million": "£ million", "net-zero": "x"},
    WORDING,
)


def test_a_ref_becomes_a_link_to_the_cited_line_named_as_a_reader_cites_the_document() -> None:
    assert str(TEXT("essentials (003:354).")) == (
        'essentials (<a class="govuk-link" href="/sources/003/354">Luton 2040 - Change Today: 2025 Progress Report</a>).'
    )


def test_a_range_links_to_its_lines_and_a_short_name_is_used_where_the_dataset_gives_one() -> None:
    assert str(TEXT("table (004:12-20)")) == (
        'table (<a class="govuk-link" href="/sources/004/12-20">Luton Council Corporate Plan 2021-2023</a>)'
    )


def test_a_ref_to_a_document_the_dataset_does_not_hold_is_left_alone() -> None:
    assert str(TEXT("see 009:12")) == "see 009:12"


def test_file_names_and_record_ids_read_as_words_but_ordinary_phrases_stay() -> None:
    shown = str(TEXT("Split into emissions-per-capita (gbp_million) for a net-zero town. See DATA-NOTES.md."))
    assert shown == (
        "Split into Greenhouse gas emissions per resident (£ million) for a net-zero town. "
        'See <a class="govuk-link" href="/about-the-data">About the data</a>.'
    )


def test_a_backticked_code_loses_its_backticks() -> None:
    assert str(TEXT("Priority kept as `economy`; unit `gbp_million`.")) == "Priority kept as economy; unit £ million."


def test_the_shipped_wording_replaces_longer_names_first() -> None:
    shipped = load_wording(dataset_path("luton2040") / "public-wording.yaml")
    text = PublicText([], {}, shipped)
    assert "DATA-NOTES" not in str(text("See DATA-NOTES.md and DATA-NOTES K7."))
    assert ".md" not in str(text("See DATA-NOTES.md."))


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="`"), max_size=80))
def test_any_text_without_refs_names_or_backticks_is_only_escaped_so_a_note_can_never_inject_markup(text: str) -> None:
    plain = PublicText([], {}, PublicWording((), frozenset()))(text)
    assert str(plain) == str(escape(text))
