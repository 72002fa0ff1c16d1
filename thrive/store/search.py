"""The site search: one table of entries, indexed by each database's own full-text engine.

SQLite searches an FTS5 table with Porter stemming and ranks by BM25, titles weighted ten times
bodies; PostgreSQL searches a generated `tsvector` (English stemming, titles weighted A) and ranks by
`ts_rank`. Both take the same query: every word the reader typed must match, each word or any of its
synonyms (search.yaml). When nothing matches, the nearest words in the entries' titles are offered as
"did you mean".

The entries are derived from the shipped dataset, the areas and the open data, and rebuilt whole
whenever those load; they are not content, so rebuilding them records no change set and moves no
published version.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from sqlalchemy import Connection, bindparam, delete, insert, select, text

from thrive.datasets import dataset_path
from thrive.framework.area import LUTON, AreaType
from thrive.framework.data_notes import note_groups
from thrive.framework.dataset import Dataset
from thrive.store.schema import SEARCH_FTS, area, indicator, search_entry

MOST_WORDS = 10
"""A query is cut to its first ten words: no one types more, and each adds a clause."""
MOST_HITS = 50
WORD = re.compile(r"[a-z0-9]+")
NOTE_SUMMARY = "A decision about the figures, in About the data"


@dataclass(frozen=True)
class SearchEntry:
    kind: str
    """measure, priority, area, indicator, page or note: how the results page groups it."""
    title: str
    summary: str
    body: str
    href: str


@dataclass(frozen=True)
class SearchWords:
    synonyms: Mapping[str, tuple[str, ...]]
    pages: tuple[SearchEntry, ...]


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchEntry]
    suggestion: str | None
    """A query with the nearest known words, offered when nothing matched."""


@cache
def search_words(dataset: str = "luton2040") -> SearchWords:
    raw = yaml.safe_load((dataset_path(dataset) / "search.yaml").read_text(encoding="utf-8"))
    synonyms = {str(word).lower(): tuple(str(s).lower() for s in alts) for word, alts in raw["synonyms"].items()}
    pages = tuple(SearchEntry("page", p["title"], p["summary"], p["body"], p["href"]) for p in raw["pages"])
    return SearchWords(synonyms, pages)


# ---------------------------------------------------------------- building the entries


def _note_entries(notes: Path) -> list[SearchEntry]:
    """Each decision in the data notes as an entry that leads to its section of About the data."""
    return [
        SearchEntry("note", d.title, NOTE_SUMMARY, d.markdown, group.href(d))
        for group in note_groups(notes.read_text(encoding="utf-8"))
        for d in group.decisions
    ]


def _entries(connection: Connection, dataset: Dataset, words: SearchWords) -> list[SearchEntry]:
    roadmap = dataset.roadmap
    priorities = {p.code: p.name for p in roadmap.priorities}
    out = [
        SearchEntry(
            "measure",
            m.wording,
            f"Outcome: {m.outcome.text}",
            " ".join([m.outcome.text, m.definition, priorities.get(m.priority, ""), *(s.label for s in m.series)]),
            f"/measures/{m.id}",
        )
        for m in roadmap.measures
    ]
    out += [SearchEntry("priority", p.name, p.summary, p.summary, f"/priorities/{p.code}") for p in roadmap.priorities]
    # The areas with pages: Luton and its wards.
    places = connection.execute(
        select(area.c.code, area.c.name, area.c.type)
        .where((area.c.type == AreaType.WARD) | (area.c.code == LUTON))
        .order_by(area.c.code)
    )
    out += [
        SearchEntry("area", name, "Ward in Luton" if kind == AreaType.WARD else "The town", name, f"/areas/{code}")
        for code, name, kind in places
    ]
    found = connection.execute(
        select(indicator.c.id, indicator.c.title, indicator.c.definition, indicator.c.publisher).order_by(
            indicator.c.id
        )
    )
    out += [
        SearchEntry("indicator", title, publisher, f"{definition} {publisher}", f"/indicators/{code}")
        for code, title, definition, publisher in found
    ]
    return [*out, *words.pages, *_note_entries(dataset_path(dataset.name) / "DATA-NOTES.md")]


def rebuild_search_index(connection: Connection, dataset: Dataset) -> int:
    """Replace every entry with ones built from the dataset, the areas and the indicators as stored now,
    unless they are the same already."""
    entries = _entries(connection, dataset, search_words(dataset.name))
    columns = (
        search_entry.c.kind,
        search_entry.c.title,
        search_entry.c.summary,
        search_entry.c.body,
        search_entry.c.href,
    )
    stored = [SearchEntry(*row) for row in connection.execute(select(*columns).order_by(search_entry.c.id))]
    if stored == entries:  # loading the same data again changes nothing, not even the entries' ids
        return len(entries)
    connection.execute(delete(search_entry))
    if entries:
        connection.execute(insert(search_entry), [vars(e) for e in entries])
    if connection.dialect.name == "sqlite":
        connection.execute(text(f"INSERT INTO {SEARCH_FTS}({SEARCH_FTS}) VALUES ('rebuild')"))
    return len(entries)


# ---------------------------------------------------------------- searching


def _alternatives(query: str, synonyms: Mapping[str, tuple[str, ...]]) -> list[list[list[str]]]:
    """For each word typed, the word and its synonyms, each as the words of a phrase."""
    typed = WORD.findall(query.lower())[:MOST_WORDS]
    return [[[w], *(WORD.findall(s) for s in synonyms.get(w, ()))] for w in typed]


def _sqlite_match(alternatives: list[list[list[str]]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{" ".join(p)}"' for p in alts) + ")" for alts in alternatives)


def _postgres_query(alternatives: list[list[list[str]]]) -> str:
    return " & ".join("(" + " | ".join("(" + " <-> ".join(p) + ")" for p in alts) + ")" for alts in alternatives)


def _matching(connection: Connection, alternatives: list[list[list[str]]]) -> list[SearchEntry]:
    if connection.dialect.name == "sqlite":
        statement = text(
            f"SELECT e.kind, e.title, e.summary, e.body, e.href FROM {SEARCH_FTS} f"
            " JOIN search_entry e ON e.id = f.rowid"
            f" WHERE {SEARCH_FTS} MATCH :match ORDER BY bm25({SEARCH_FTS}, 10.0, 1.0), e.id LIMIT :most"
        ).bindparams(match=_sqlite_match(alternatives), most=MOST_HITS)
    else:
        statement = text(
            "SELECT kind, title, summary, body, href FROM search_entry, to_tsquery('english', :query) AS q"
            " WHERE document @@ q ORDER BY ts_rank(document, q) DESC, id LIMIT :most"
        ).bindparams(bindparam("query", _postgres_query(alternatives)), most=MOST_HITS)
    return [SearchEntry(*row) for row in connection.execute(statement)]


def _vocabulary(connection: Connection) -> set[str]:
    return {w for (title,) in connection.execute(select(search_entry.c.title)) for w in WORD.findall(title.lower())}


def search(connection: Connection, query: str, synonyms: Mapping[str, tuple[str, ...]]) -> SearchResult:
    """The entries matching every word of the query, best first; a suggestion when there are none."""
    alternatives = _alternatives(query, synonyms)
    if not alternatives:
        return SearchResult([], None)
    hits = _matching(connection, alternatives)
    if hits:
        return SearchResult(hits, None)
    return SearchResult([], _suggestion(connection, query, synonyms))


def _suggestion(connection: Connection, query: str, synonyms: Mapping[str, tuple[str, ...]]) -> str | None:
    vocabulary = sorted(_vocabulary(connection) | set(synonyms))
    typed = WORD.findall(query.lower())[:MOST_WORDS]
    nearest = [_nearest(w, vocabulary) for w in typed]
    if nearest == typed:
        return None
    corrected = " ".join(nearest)
    return corrected if _matching(connection, _alternatives(corrected, synonyms)) else None


def _nearest(word: str, vocabulary: list[str]) -> str:
    """The word itself if an entry's title uses it, else the closest title word (difflib, ratio 0.75 or more)."""
    if word in vocabulary:
        return word
    return next(iter(difflib.get_close_matches(word, vocabulary, 1, 0.75)), word)


def entries_by_kind(hits: Iterable[SearchEntry]) -> dict[str, list[SearchEntry]]:
    grouped: dict[str, list[SearchEntry]] = {}
    for hit in hits:
        grouped.setdefault(hit.kind, []).append(hit)
    return grouped
