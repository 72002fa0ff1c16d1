"""The cited lines of a shipped council document, for the public source pages.

Every "<document>:<line>" ref in the dataset counts lines of the plain-text copy of the published
PDF in datasets/<name>/documents/. A source page shows the lines a ref cites, with a few either side.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from thrive.datasets import dataset_path
from thrive.framework.dataset import Document

CONTEXT = 3
"""Lines shown before and after the cited ones, so the passage reads in its place."""
MAX_CITED = 200
"""The longest passage a ref may cite: every ref in the dataset is shorter, and a page stays readable."""


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    cited: bool


@cache
def _lines(dataset: str, file: str) -> tuple[str, ...]:
    text = (dataset_path(dataset) / "documents" / file).read_text(encoding="utf-8")
    return tuple(text.splitlines())


def passage(document: Document, first: int, last: int, dataset: str = "luton2040") -> list[Line] | None:
    """Lines `first` to `last` (1-based) with their context, or None if the document has no such lines."""
    lines = _lines(dataset, document.file)
    if not 1 <= first <= last <= len(lines) or last - first + 1 > MAX_CITED:
        return None
    start, end = max(1, first - CONTEXT), min(len(lines), last + CONTEXT)
    return [Line(n, lines[n - 1], first <= n <= last) for n in range(start, end + 1)]
