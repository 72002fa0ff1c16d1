"""The data notes (DATA-NOTES.md) as groups of decisions: the shape both the About the data pages and the
site search read, so a search result links to the very section a page shows.

A group is a `## A. Title` heading; each `### Title` inside it is one decision, with its anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GROUP = re.compile(r"^## ([A-Z])\. (.+)$", re.MULTILINE)
DECISION = re.compile(r"^### (.+)$", re.MULTILINE)
ISSUE_NUMBERS = re.compile(r"\s*\(issues? [\d, and]+\)")
"""'(issue 7)' after a heading: the project's own bookkeeping, not the reader's."""
CODE_SPAN = re.compile(r"\s*\(`[^`]*`\)")
"""'(`areas.csv`)' after a heading: the file a decision is about, which a reader does not need."""


@dataclass(frozen=True)
class Decision:
    anchor: str
    title: str
    markdown: str


@dataclass(frozen=True)
class Group:
    letter: str
    title: str
    introduction: str
    decisions: tuple[Decision, ...]

    @property
    def slug(self) -> str:
        return self.letter.lower()

    def href(self, decision: Decision | None = None) -> str:
        return f"/about-the-data/{self.slug}" + (f"#{decision.anchor}" if decision else "")


def _title(heading: str) -> str:
    return CODE_SPAN.sub("", ISSUE_NUMBERS.sub("", heading)).replace("`", "").strip()


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def note_groups(text: str) -> tuple[Group, ...]:
    """The notes' lettered groups, in order, each with its decisions."""
    parts = GROUP.split(text)  # [preamble, letter, title, body, letter, title, body, ...]
    groups = []
    for letter, title, body in zip(parts[1::3], parts[2::3], parts[3::3], strict=True):
        pieces = DECISION.split(body)  # [introduction, title, text, title, text, ...]
        decisions = tuple(
            Decision(_anchor(_title(heading)), _title(heading), markdown)
            for heading, markdown in zip(pieces[1::2], pieces[2::2], strict=True)
        )
        groups.append(Group(letter, _title(title), pieces[0], decisions))
    return tuple(groups)
