"""The layers of docs/architecture.md, checked over every import in thrive/ (nested ones too).

The core (framework, stats, assess, index, poverty, benefits) is pure; adapters point inward;
only the store builds queries; pages read the store through one facade and write through services.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "thrive"
CORE = ("framework", "stats", "assess", "index", "poverty", "benefits")
DATA_FILES = "datasets"
"""Shipped data files (thrive.datasets names their folder): any layer may read them."""
NOT_IN_THE_CORE = ("sqlalchemy", "alembic", "fastapi", "starlette", "jinja2", "typer", "uvicorn")
DEMO_COMMANDS = ("cli/better_off.py", "cli/poverty.py")
"""The `synthetic` commands that write demo files: they load thrive.demo inside the command only."""

WEB_WRITES_NOT_YET_IN_SERVICES = {
    "web/workspace.py": "the review flow and commentary, moving to services/review with issue 14's services work",
    "web/api/review.py": "the API's review flow, moving to the same service as the workspace's",
    "web/api/entry.py": "entering results through the API, moving to services/results",
    "web/site.py": "makes an assessment run when a GET finds it stale; runs move to publish time",
    "web/better_off_adviser.py": "saves Better Off cases and outcomes, moving to services/better_off_cases",
}
"""Web modules that still import store modules other than thrive.store.reads, each for a write that
another branch of issue 14 moves into thrive.services. Empty this after that merge."""


def _modules() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def _where(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@cache
def _imports(path: Path) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """(module, names, at module level) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found: list[tuple[str, tuple[str, ...], bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, (), id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = tuple(alias.name for alias in node.names)
            # `from thrive.store import schema` imports the module thrive.store.schema
            modules = [f"{node.module}.{name}" for name in names if _is_module(f"{node.module}.{name}")]
            found += [(module, (), id(node) in top) for module in modules]
            if len(modules) < len(names):
                found.append((node.module, names, id(node) in top))
    return tuple(found)


def _is_module(dotted: str) -> bool:
    parts = dotted.split(".")
    if parts[0] != "thrive":
        return False
    place = ROOT.joinpath(*parts[1:])
    return place.with_suffix(".py").is_file() or (place / "__init__.py").is_file()


def _package(path: Path) -> str:
    return _where(path).split("/")[0].removesuffix(".py")


def _thrive_package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "thrive" and len(parts) > 1 else None


def test_the_core_imports_nothing_outside_the_core() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) in CORE
        for module, _, _ in _imports(path)
        if (_thrive_package(module) not in (*CORE, DATA_FILES, None))
        or (module.split(".")[0] == "thrive" and _thrive_package(module) is None)
        or module.split(".")[0] in NOT_IN_THE_CORE
    ]
    assert wrong == []


def test_only_the_store_imports_the_schema() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) != "store"
        for module, _, _ in _imports(path)
        if module == "thrive.store.schema"
    ]
    assert wrong == []


def test_only_the_store_builds_queries() -> None:
    """Outside the store, SQLAlchemy is only the type of an engine or a connection handed on."""
    wrong = [
        f"{_where(path)} imports {module} {', '.join(names)}"
        for path in _modules()
        if _package(path) != "store"
        for module, names, _ in _imports(path)
        if module.split(".")[0] == "sqlalchemy"
        and (module != "sqlalchemy" or not set(names) <= {"Engine", "Connection"})
    ]
    assert wrong == []


def test_data_reads_and_checks_and_writes_nothing() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) == "data"
        for module, _, _ in _imports(path)
        if _thrive_package(module) not in (*CORE, DATA_FILES, "data", None)
    ]
    assert wrong == []


def test_the_store_imports_only_the_core() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) == "store"
        for module, _, _ in _imports(path)
        if _thrive_package(module) not in (*CORE, DATA_FILES, "store", None)
    ]
    assert wrong == []


def test_services_never_import_an_edge() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) == "services"
        for module, _, _ in _imports(path)
        if _thrive_package(module) in ("web", "cli", "reports", "presentation", "demo")
    ]
    assert wrong == []


def test_nothing_real_imports_the_demo() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) != "demo"
        for module, _, top in _imports(path)
        if _thrive_package(module) == "demo" and (top or _where(path) not in DEMO_COMMANDS)
    ]
    assert wrong == []


def test_reports_and_presentation_import_no_web_code() -> None:
    wrong = [
        f"{_where(path)} imports {module}"
        for path in _modules()
        if _package(path) in ("reports", "presentation")
        for module, _, _ in _imports(path)
        if _thrive_package(module) == "web"
        or (_package(path) == "presentation" and _thrive_package(module) not in (*CORE, "presentation", None))
    ]
    assert wrong == []


def test_pages_read_the_store_only_through_its_read_facade() -> None:
    """A page or API module cannot reach a store writer: it reads through thrive.store.reads and
    writes through thrive.services."""
    wrong = sorted(
        {
            _where(path)
            for path in _modules()
            if _package(path) == "web"
            for module, _, _ in _imports(path)
            if module.startswith("thrive.store") and module != "thrive.store.reads"
        }
    )
    assert wrong == sorted(WEB_WRITES_NOT_YET_IN_SERVICES)
