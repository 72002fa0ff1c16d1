"""Public text as a reader would cite it: document refs become named links to the cited passage, and
the names of the dataset's own files and records become the words a resident would use.

The dataset's notes are written by analysts, for analysts: they cite "003:354", point at
"fqol_bands.yaml" and name series by id. A councillor quoting a page needs "Luton 2040 Progress Report
2025", with a link to the lines it rests on. The replacements for file names are kept as data
(public-wording.yaml) beside the notes that use them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from markupsafe import Markup, escape

from thrive.framework.dataset import Document

REF = re.compile(r"(?<![\w/:])(\d{3}):(\d+)(?:\s*[-\u2013]\s*(\d+))?(?![\w:])")
"""A dataset ref, "<document>:<line>" or "<document>:<first>-<last>", as documents.yaml defines it."""
CODE = re.compile(r"`([^`<>]+)`")
RECORD_NAME = re.compile(r"(?<![\w/#-])[a-z0-9]+(?:[-_][a-z0-9]+)+(?![\w/-])")
"""A name like `emissions-per-capita` or `gbp_million`: replaced where it names a record, kept otherwise."""


@dataclass(frozen=True)
class Wording:
    """A name internal to the dataset, what a public page says instead, and where that links."""

    internal: str
    reads: str
    href: str | None = None


@dataclass(frozen=True)
class PublicWording:
    replace: tuple[Wording, ...]
    ordinary_words: frozenset[str]
    """Record ids that are also ordinary English: left as words."""


def load_wording(path: Path) -> PublicWording:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return PublicWording(
        tuple(Wording(str(e["internal"]), str(e["reads"]), e.get("href")) for e in raw["replace"]),
        frozenset(str(w) for w in raw.get("ordinary_words", [])),
    )


def source_href(document: str, first: int, last: int | None = None) -> str:
    """The public page that shows the cited lines of a shipped document."""
    return f"/sources/{document}/{first}" + (f"-{last}" if last and last != first else "")


class PublicText:
    """Turns an analyst's note into text for the public pages: a filter for the site's templates."""

    def __init__(self, documents: Iterable[Document], names: Mapping[str, str], wording: PublicWording):
        self._documents = {d.id: d for d in documents}
        self._names = {key: name for key, name in names.items() if key not in wording.ordinary_words}
        # Longest first, so that "DATA-NOTES.md" is replaced before "DATA-NOTES".
        self._wording = sorted(wording.replace, key=lambda w: len(w.internal), reverse=True)

    def __call__(self, text: object) -> Markup:
        """Plain text (escaped here) as public HTML."""
        return Markup(self.html(str(escape("" if text is None else text))))

    def html(self, html: str) -> str:
        """Already-safe HTML (rendered Markdown) with its refs and internal names replaced."""
        html = REF.sub(self._cite, html)
        for word in self._wording:
            html = html.replace(word.internal, self._link(word.reads, word.href))
        html = CODE.sub(lambda m: self._names.get(m.group(1), m.group(1)), html)
        return RECORD_NAME.sub(lambda m: self._names.get(m.group(0), m.group(0)), html)

    def _cite(self, found: re.Match[str]) -> str:
        document = self._documents.get(found.group(1))
        if document is None:
            return found.group(0)
        last = int(found.group(3)) if found.group(3) else None
        return self._link(document.citation, source_href(document.id, int(found.group(2)), last))

    @staticmethod
    def _link(text: str, href: str | None) -> str:
        words = str(escape(text))
        return f'<a class="govuk-link" href="{escape(href)}">{words}</a>' if href else words
