"""The layers of docs/architecture.md, checked over every import in thrive/ (nested ones too).

The core (framework, stats, assess, index, poverty, benefits) is pure; adapters point inward;
only the store builds queries; pages read the store through one facade and write through services.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "thrive"
CORE = ("framework", "stats", "assess", "index", "poverty", "benefits")
DATA_FILES = "datasets"
"""Shipped data files (thrive.datasets names their folder): any layer may read them."""
NOT_IN_THE_CORE = ("sqlalchemy", "alembic", "fastapi", "starlette", "jinja2", "typer", "uvicorn")
DEMO_COMMANDS = ("cli/better_off.py", "cli/poverty.py")
"""The `synthetic` commands that write demo files: they load thrive.demo inside the command only."""

WEB_WRITES_NOT_YET_IN_SERVICES: dict[str, str] = {}
"""Web modules allowed to import store modules other than thrive.store.reads, with the reason: none."""


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
    """`store` for thrive.store.schema; "" for thrive itself; None outside thrive."""
    parts = module.split(".")
    return (parts[1] if len(parts) > 1 else "") if parts[0] == "thrive" else None


@dataclass(frozen=True)
class Found:
    where: str
    package: str
    module: str
    names: tuple[str, ...]
    at_top: bool

    @property
    def target(self) -> str | None:
        return _thrive_package(self.module)

    def __str__(self) -> str:
        return f"{self.where} imports {self.module}"


def _found() -> Iterator[Found]:
    for path in _modules():
        for module, names, top in _imports(path):
            yield Found(_where(path), _package(path), module, names, top)


def _reaching_outside(packages: tuple[str, ...], may: tuple[str, ...]) -> list[str]:
    """Imports from these packages of any thrive package but themselves and `may`."""
    return [str(f) for f in _found() if f.package in packages and f.target not in (*packages, *may, None)]


def test_the_core_imports_nothing_outside_the_core() -> None:
    wrong = _reaching_outside(CORE, (DATA_FILES,))
    wrong += [str(f) for f in _found() if f.package in CORE and f.module.split(".")[0] in NOT_IN_THE_CORE]
    assert wrong == []


def test_data_reads_and_checks_and_writes_nothing() -> None:
    assert _reaching_outside(("data",), (*CORE, DATA_FILES)) == []


def test_the_store_imports_only_the_core() -> None:
    assert _reaching_outside(("store",), (*CORE, DATA_FILES)) == []


def test_presentation_imports_only_the_core() -> None:
    assert _reaching_outside(("presentation",), CORE) == []


def test_only_the_store_imports_the_schema() -> None:
    assert [str(f) for f in _found() if f.package != "store" and f.module == "thrive.store.schema"] == []


def test_only_the_store_builds_queries() -> None:
    """Outside the store, SQLAlchemy is only the type of an engine or a connection handed on."""
    wrong = [
        f"{f} {', '.join(f.names)}"
        for f in _found()
        if f.package != "store"
        and f.module.split(".")[0] == "sqlalchemy"
        and (f.module != "sqlalchemy" or not set(f.names) <= {"Engine", "Connection"})
    ]
    assert wrong == []


def test_services_never_import_an_edge() -> None:
    edges = ("web", "cli", "reports", "presentation", "demo")
    assert [str(f) for f in _found() if f.package == "services" and f.target in edges] == []


def test_reports_import_no_web_code() -> None:
    assert [str(f) for f in _found() if f.package == "reports" and f.target == "web"] == []


def test_nothing_real_imports_the_demo() -> None:
    wrong = [
        str(f)
        for f in _found()
        if f.package != "demo" and f.target == "demo" and (f.at_top or f.where not in DEMO_COMMANDS)
    ]
    assert wrong == []


def test_pages_read_the_store_only_through_its_read_facade() -> None:
    """A page or API module cannot reach a store writer: it reads through thrive.store.reads and
    writes through thrive.services."""
    wrong = {
        f.where
        for f in _found()
        if f.package == "web" and f.target == "store" and f.module not in ("thrive.store.reads", "thrive.store")
    }
    assert sorted(wrong) == sorted(WEB_WRITES_NOT_YET_IN_SERVICES)
