"""Officers' commentary for a report: each measure's newest period, as it stood at the run's data version."""

from __future__ import annotations

from datetime import date

from thrive.framework.period import PeriodError, parse_period
from thrive.store.commentary import Commentary, Section


def _period_end(label: str) -> date | None:
    try:
        return parse_period(label).end
    except PeriodError:
        return None


def newest_period(commentary: tuple[Commentary, ...], *, ended_by: date | None = None) -> tuple[Commentary, ...]:
    """Each measure's commentary for its newest period, per section.

    With `ended_by`, only periods that had ended by then (a 2025 report does not print
    commentary written about 2026/27). A label Thrive cannot read as a period is kept, and
    counts as older than any it can.
    """
    chosen: dict[tuple[str, Section], tuple[date, Commentary]] = {}
    for note in commentary:
        end = _period_end(note.period)
        if ended_by is not None and end is not None and end > ended_by:
            continue
        key = (note.measure_id, note.section)
        rank = end or date.min
        if key not in chosen or rank >= chosen[key][0]:
            chosen[key] = (rank, note)
    return tuple(note for _, note in (chosen[key] for key in sorted(chosen)))
