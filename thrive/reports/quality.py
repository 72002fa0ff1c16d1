"""Data-quality issues a partnership group can act on: no figure, an overdue figure, no judgement, no target.

Whether a figure is overdue follows due.yaml (a measure's frequency, and time to publish).
The rest is the assessment run's own word: a measure it could not assess, or whose target
is not set, is listed with the run's reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from thrive.framework.grammar import capitalised, indefinite
from thrive.reports.due import due_by, due_rules
from thrive.reports.facts import MeasureFacts, Point

NO_DATA = "No data"
OVERDUE = "Not updated when due"
NOT_ASSESSABLE = "Not assessable"
TARGET_NOT_SET = "Target not set"
NOTE = "Note on the figures"


@dataclass(frozen=True)
class Overdue:
    period: str
    period_end: date
    due_by: date
    frequency: str

    def reason(self) -> str:
        return (
            f"The newest figure is for {self.period}, which ended on {_day(self.period_end)}. "
            f"{capitalised(indefinite(self.frequency.replace('_', ' ')))} measure's next figure was due by "
            f"{_day(self.due_by)}."
        )


@dataclass(frozen=True)
class Issue:
    measure: MeasureFacts
    kind: str
    reason: str
    action: str


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def newest_figure(m: MeasureFacts) -> Point | None:
    """The measure's newest Luton figure: its first series speaks for it, as in the assessment."""
    for series in m.series:
        if series.latest is not None:
            return series.latest
    return None


def overdue(m: MeasureFacts, at: date) -> Overdue | None:
    """Whether the measure's newest figure is older than due.yaml allows, at date `at`."""
    latest = newest_figure(m)
    if latest is None:
        return None
    end = date.fromisoformat(latest.end)
    deadline = due_by(m.frequency, end)
    if deadline is None or at <= deadline:
        return None
    return Overdue(latest.period, end, deadline, m.frequency)


def issues(m: MeasureFacts, at: date) -> list[Issue]:
    """Everything about one measure's data that its group needs to act on, most pressing first."""
    found = []
    if newest_figure(m) is None:
        found.append(
            Issue(
                m,
                NO_DATA,
                "No figure for Luton has been recorded for this measure.",
                "Find the figure and its source, then import it or enter it in the officer workspace.",
            )
        )
    late = overdue(m, at)
    if late is not None:
        found.append(Issue(m, OVERDUE, late.reason(), "Check whether a newer figure has been published, and add it."))
    if m.status == "not_assessable":
        found.append(Issue(m, NOT_ASSESSABLE, m.reason, "Add the figures or comparators the reason asks for."))
    if m.status == "target_not_set":
        found.append(Issue(m, TARGET_NOT_SET, m.reason, "Agree the milestones and the 2040 target, and record them."))
    for text, ref in m.notes:
        found.append(Issue(m, NOTE, text + (f" ({ref})" if ref else ""), "Bear this in mind when reading the figures."))
    return found


def due_rule_lines() -> list[str]:
    return [rule.describe() for rule in due_rules().values()]
