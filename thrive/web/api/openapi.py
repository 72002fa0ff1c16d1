"""The OpenAPI document at /api/openapi.json describes the JSON API only.

The app also serves HTML pages and the workspace's forms; they are not part of the API's
contract, so their paths, and the schemas only they use, are left out of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from thrive.web.api.errors import API_PREFIX

DESCRIPTION = """\
Luton 2040 Road Map data: measures, their series and published observations, assessments,
areas, partnership groups and the revision history of published figures; and the official
indicators Thrive holds for every English area, with their figures.

Reads are public and show published figures only. Writes need a personal API token
(`Authorization: Bearer thr_…`) and follow the workspace's rules: figures are entered as
drafts, submitted for review, and published by a reviewer.

Every list is paged (`limit`, at most 500, and `offset`); every GET carries an ETag and
answers `If-None-Match` with 304; every error has the body
`{"error": {"status", "code", "message", "details"}}`.
"""
SCHEMA_REF = "#/components/schemas/"


def _refs(node: Any) -> set[str]:
    """Every schema name a part of the document points to."""
    if isinstance(node, dict):
        found = {node["$ref"].removeprefix(SCHEMA_REF)} if isinstance(node.get("$ref"), str) else set()
        for value in node.values():
            found |= _refs(value)
        return found
    if isinstance(node, list):
        found = set()
        for value in node:
            found |= _refs(value)
        return found
    return set()


def api_only(document: dict[str, Any]) -> dict[str, Any]:
    """The document with only /api paths, and only the schemas those paths reach."""
    paths = {p: v for p, v in document.get("paths", {}).items() if p.startswith(API_PREFIX + "/")}
    components = dict(document.get("components", {}))
    schemas: dict[str, Any] = components.get("schemas", {})
    reached: set[str] = set()
    waiting = _refs(paths) | _refs({k: v for k, v in components.items() if k != "schemas"})
    while waiting:
        name = waiting.pop()
        if name in reached or name not in schemas:
            continue
        reached.add(name)
        waiting |= _refs(schemas[name])
    components["schemas"] = {name: schemas[name] for name in sorted(reached)}
    return {**document, "paths": paths, "components": components}


def api_openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    """A replacement for `app.openapi`, built once on first use (every route is registered by then)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            full = get_openapi(title=app.title, version=app.version, description=DESCRIPTION, routes=app.routes)
            app.openapi_schema = api_only(full)
        return app.openapi_schema

    return openapi
