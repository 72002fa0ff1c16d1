"""One series' figures, arranged for judging: Luton's own over time, and its comparators'."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from thrive.assess.frequency import FigureFrequency, same_frequency
from thrive.framework import Measure, Observation, ObservationFlag, Series
from thrive.framework.area import LUTON


@dataclass(frozen=True)
class SeriesHistory:
    measure: Measure
    series: Series
    points: tuple[Observation, ...]
    """Luton's figures, oldest first."""
    others: Mapping[str, tuple[Observation, ...]]
    """Every other area's figures by GSS code, oldest first."""

    @classmethod
    def build(cls, measure: Measure, series: Series, observations: Sequence[Observation]) -> SeriesHistory:
        mine = sorted(
            (o for o in observations if o.series_id == series.id), key=lambda o: (o.period.end, o.period.start)
        )
        others: dict[str, list[Observation]] = {}
        for o in mine:
            if o.area_code != LUTON:
                others.setdefault(o.area_code, []).append(o)
        return cls(
            measure,
            series,
            tuple(o for o in mine if o.area_code == LUTON and o.value is not None),
            {code: tuple(found) for code, found in others.items()},
        )

    @property
    def latest(self) -> Observation | None:
        return self.points[-1] if self.points else None

    @property
    def since_break(self) -> tuple[Observation, ...]:
        """Luton's figures from the newest break in series on: the ones that compare like with like."""
        starts = [i for i, o in enumerate(self.points) if ObservationFlag.BREAK_IN_SERIES in o.flags]
        return self.points[starts[-1] :] if starts else self.points

    @property
    def comparable(self) -> tuple[Observation, ...]:
        """Figures since the newest break in series, of the series' own frequency: what a trend or
        a projection may use (see thrive.assess.frequency)."""
        return same_frequency(self.since_break)[0]

    @property
    def frequency(self) -> FigureFrequency | None:
        return same_frequency(self.since_break)[1]

    @property
    def left_out(self) -> tuple[Observation, ...]:
        """Figures since the break that are of another frequency, so not used for trend or projection."""
        kept = set(map(id, self.comparable))
        return tuple(o for o in self.since_break if id(o) not in kept)

    @property
    def break_in_series(self) -> Observation | None:
        """The figure that starts the newest break in series, when there are figures before it."""
        since = self.since_break
        return since[0] if len(since) < len(self.points) else None

    def break_explanation(self) -> str | None:
        """What a reader must know before comparing across the break, in the figure's own note."""
        found = self.break_in_series
        if found is None:
            return None
        said = (
            f"The {found.period.display} figure starts a break in series "
            "and does not compare directly with earlier ones."
        )
        return f"{said} {found.note}" if found.note else said

    def baseline(self, baseline_year: int) -> Observation | None:
        """The Road Map's baseline: the newest figure for a period ending by the baseline year, else the earliest."""
        before = [o for o in self.points if o.period.end.year <= baseline_year]
        if before:
            return before[-1]
        return self.points[0] if self.points else None

    def comparator_at(self, area_code: str, like: Observation) -> Observation | None:
        """The comparator's figure for the same period as `like`."""
        return next((o for o in self.others.get(area_code, ()) if o.period.key == like.period.key), None)

    def comparator_latest(self, area_code: str) -> Observation | None:
        found = self.others.get(area_code, ())
        return found[-1] if found else None
