"""A report ready to render: its title, template and context, its tables, and the run it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from thrive.presentation.templating import long_date
from thrive.reports.tables import DataTable
from thrive.store.assessments import AssessmentRun
from thrive.store.observations import PUBLISHED


@dataclass(frozen=True)
class RunLine:
    """What every page's footer records: the run, its date and the data version it used."""

    id: int
    made: datetime
    data_version: int
    view: str
    as_of: str | None

    @classmethod
    def of(cls, run: AssessmentRun) -> RunLine:
        return cls(run.id, run.created_at, run.data_version, run.view, run.as_of.isoformat() if run.as_of else None)

    @property
    def figures(self) -> str:
        return "published figures" if self.view == PUBLISHED else "all figures, including unpublished drafts"

    @property
    def text(self) -> str:
        as_of = f", figures for periods ended by {self.as_of}" if self.as_of else ""
        return (
            f"assessment run {self.id} of {long_date(self.made)} "
            f"({self.figures}{as_of}), data version {self.data_version}"
        )


@dataclass(frozen=True)
class Report:
    kind: str
    """progress, performance or board: also the template's name."""
    title: str
    subtitle: str
    run: RunLine
    draft: bool
    context: dict[str, Any]
    tables: list[DataTable] = field(default_factory=list)
    contents: list[tuple[str, str]] = field(default_factory=list)
    """(anchor, heading) for the contents page, in order."""
