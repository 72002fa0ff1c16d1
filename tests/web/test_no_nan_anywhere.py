"""No NaN anywhere (issue 16): every public page, every API response and every `--json` output,
on a database with the shipped Road Map and open data, on SQLite and on PostgreSQL. No public page's
prose shows a slug, a file name or a dataset ref either (issue 17).

A missing figure or text is None inside Thrive, null in JSON and words ("Not recorded") on a
page; never the "nan" pandas prints, nor "None" or "null" leaking into a sentence.
"""

from __future__ import annotations

import json
import re
from collections import deque
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlparse

import httpx
import pytest
from typer.testing import CliRunner

from thrive.cli.app import app as cli
from thrive.data.dataset import load_dataset
from thrive.datasets import dataset_path
from thrive.framework.strict_json import strict_dumps
from thrive.framework.units import UNITS
from thrive.presentation.citations import load_wording

LEAKS = re.compile(r"(?<![\"“'])\b(nan|NaN|None|null)\b(?![\"”'])")
"""A leaked missing value; a word in quotation marks is the data notes naming an input ("NaN" is refused)."""
SKIPPED = ("/workspace", "/api", "/static", "/better-off/cases", "/docs", "/redoc", "/openapi")
"""Signed-in pages, the API (tested as JSON below), assets and API documentation."""
MOST_PAGES = 1500
INTERNAL = re.compile(r"\b\d{3}:\d+|\b[\w-]+\.(?:ya?ml|csv|md|py|gz|json|xlsx)\b|DATA-NOTES")
"""A dataset ref ("003:354") or one of the dataset's file names: words for analysts, not for the public
(issue 17). A source page cites lines by number in prose, never in this form."""
QUOTING_PAGES = re.compile(r"^/(about-the-data/[a-z]$|sources/)")
"""The data notes' group pages, which still quote the dataset's files by name (an editorial job left
open), and the source pages, which quote the council's documents word for word."""
HIDDEN = ("script", "style", "code")


class _Page(HTMLParser):
    """The prose a reader sees and the links to follow. Scripts and styles are not seen; code spans
    quote files literally (the data notes quote `as_at: null` from a YAML file), so they are not prose."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.text.append(data)


def _strict(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"bare {constant} in JSON")

    return json.loads(text, parse_constant=refuse)


def _internal(href: str) -> str | None:
    link = urldefrag(href)[0]
    parsed = urlparse(link)
    if parsed.scheme or parsed.netloc or not parsed.path.startswith("/"):
        return None
    if parsed.path.startswith(SKIPPED) or "/download." in parsed.path or parsed.path.endswith((".csv", ".xlsx")):
        return None
    return link


def _record_names() -> re.Pattern[str]:
    """Every id and code of the shipped Road Map that joins words with - or _: a slug on a page."""
    roadmap = load_dataset().roadmap
    names = {m.id for m in roadmap.measures} | {s.id for s in roadmap.all_series()}
    names |= {g.code for g in roadmap.groups} | {p.code for p in roadmap.priorities} | set(UNITS)
    names -= load_wording(dataset_path("luton2040") / "public-wording.yaml").ordinary_words
    joined = sorted((n for n in names if "-" in n or "_" in n), key=len, reverse=True)
    return re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, joined)) + r")(?![\w/-])")


def test_no_public_page_shows_nan_none_null_a_slug_a_file_name_or_a_ref(open_data_client: httpx.Client) -> None:
    seen: set[str] = {"/"}
    queue = deque(["/"])
    leaks: list[str] = []
    slugs = _record_names()
    while queue:
        path = queue.popleft()
        page = open_data_client.get(path)
        assert page.status_code == 200, f"{path}: {page.status_code}"
        if "text/html" not in page.headers.get("content-type", ""):
            continue
        parsed = _Page()
        parsed.feed(page.text)
        visible = " ".join(" ".join(parsed.text).split())
        leaks += [f"{path}: …{visible[max(0, m.start() - 60) : m.end() + 20]}…" for m in LEAKS.finditer(visible)]
        if not QUOTING_PAGES.match(path):
            for pattern in (INTERNAL, slugs):
                leaks += [
                    f"{path}: …{visible[max(0, m.start() - 60) : m.end() + 20]}…" for m in pattern.finditer(visible)
                ]
        for href in parsed.links:
            link = _internal(href)
            if link is not None and link not in seen and len(seen) < MOST_PAGES:
                seen.add(link)
                queue.append(link)
    assert len(seen) > 100, "the crawl should reach every measure, indicator, area and priority page"
    assert not leaks, "\n".join(leaks[:20])


def _api_paths(client: httpx.Client) -> list[str]:
    """Every public API read, with each collection's items filled in from the collection itself."""

    def items(path: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = _strict(client.get(path, params={"limit": 500}).text)["items"]
        return found

    measures = items("/api/measures")
    paths = ["/api/measures", "/api/observations", "/api/assessments", "/api/areas", "/api/groups"]
    paths += ["/api/indicators", "/api/poverty/runs"]
    for m in measures:
        paths += [f"/api/measures/{m['id']}", f"/api/measures/{m['id']}/series", f"/api/assessments/{m['id']}"]
        paths += [f"/api/measures/{m['id']}/revisions"]
        listed = _strict(client.get(f"/api/measures/{m['id']}/series").text)
        for series in listed["items"] if isinstance(listed, dict) else listed:
            paths.append(f"/api/measures/{m['id']}/series/{series['id']}")
        paths.append(f"/api/observations?measure={m['id']}&limit=500")
    paths += [f"/api/areas/{a['code']}" for a in items("/api/areas")[:50]]
    paths += [f"/api/groups/{g['code']}" for g in items("/api/groups")]
    paths += [f"/api/indicators/{i['id']}" for i in items("/api/indicators")]
    paths += [f"/api/poverty/runs/{r['id']}" for r in items("/api/poverty/runs")]
    return paths


def test_every_api_response_is_strict_json_without_nan(open_data_client: httpx.Client) -> None:
    paths = _api_paths(open_data_client)
    assert len(paths) > 150
    for path in paths:
        response = open_data_client.get(path)
        assert response.status_code == 200, f"{path}: {response.status_code} {response.text[:200]}"
        _strict(response.text)


def _cli_json_commands(runner: CliRunner) -> list[list[str]]:
    measures = _strict(runner.invoke(cli, ["measures", "--json"]).stdout)
    commands = [["measures", "--json"], ["measures", "--json", "--headline"], ["assess", "--json"]]
    commands += [["indicators", "--json"], ["index", "show", "--json"], ["poverty", "lines", "--json"]]
    commands += [["deprivation", "summary", "--release", "2019", "--json"]]
    commands += [["deprivation", "summary", "--release", "2025", "--json"]]
    commands += [["show", m["id"], "--json"] for m in measures]
    return commands


def test_every_cli_json_output_is_strict_json_without_nan(open_data_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THRIVE_DATABASE_URL", open_data_url)
    runner = CliRunner()
    commands = _cli_json_commands(runner)
    assert len(commands) > 40
    for command in commands:
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, f"thrive {' '.join(command)}: {result.output[-400:]}"
        _strict(result.stdout)


def test_thrive_show_json_writes_missing_figures_as_null_never_bare_nan() -> None:
    written = strict_dumps({"value": float("nan"), "upper": float("inf"), "items": [1.5, float("nan")]})
    assert _strict(written) == {"value": None, "upper": None, "items": [1.5, None]}
