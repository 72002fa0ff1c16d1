"""Where Luton ranks among a group of places for the same period: best first, ties sharing a place.

Used by rank targets ("top 3 out of 11 statistical neighbours") and by benchmarks. A group defined
by a neighbour model ranks each figure among the neighbours of the model in force when the
figure's period ended, and says which model that was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thrive.assess.history import SeriesHistory
from thrive.framework import ComparatorGroup, ComparatorModel, Observation, Polarity

MINIMUM_PLACES = 3
"""Fewer places than this make no ranking worth reporting."""


@dataclass(frozen=True)
class Ranking:
    rank: int
    of: int
    ranked: tuple[tuple[str, float], ...]
    """Every place with a figure, best first: (area code, value)."""
    model: ComparatorModel | None = None

    @property
    def quartile(self) -> int:
        return min(4, 1 + (self.rank - 1) * 4 // self.of)


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def rank_among(
    history: SeriesHistory,
    latest: Observation,
    members: Sequence[str],
    *,
    complete: bool = False,
    model: ComparatorModel | None = None,
) -> Ranking | None:
    """Luton's place among `members` with a figure for the same period as `latest`.

    With `complete`, every member must have a figure (a target "out of 11" needs all 11).
    """
    polarity = history.measure.polarity
    if latest.value is None or polarity is Polarity.NO_JUDGEMENT:
        return None
    figures = [(latest.area_code, float(latest.value))]
    for code in dict.fromkeys(members):
        if code == latest.area_code:
            continue
        found = history.comparator_at(code, latest)
        if found is not None and found.value is not None:
            figures.append((code, float(found.value)))
    wanted = len(set(members) | {latest.area_code})
    if len(figures) < MINIMUM_PLACES or (complete and len(figures) < wanted):
        return None
    higher_first = polarity is Polarity.HIGHER_IS_BETTER
    ranked = sorted(figures, key=lambda f: -f[1] if higher_first else f[1])
    better = sum(1 for _, v in figures if (v > latest.value if higher_first else v < latest.value))
    return Ranking(better + 1, len(figures), tuple(ranked), model)


def rank_in_group(
    history: SeriesHistory, latest: Observation, group: ComparatorGroup, *, complete: bool = False
) -> Ranking | None:
    model, members = group.members_for(latest.area_code, latest.period.end)
    if not members:
        return None
    return rank_among(history, latest, members, complete=complete, model=model)
