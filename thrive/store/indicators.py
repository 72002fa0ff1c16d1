"""Indicators, the series that hold their figures, and their links to Road Map series.

An indicator's own series has the indicator's id and no measure. Indicators are reference
data like measures: an import adds the ones it brings and refreshes their metadata; their
figures always go through observation revisions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, String, cast, delete, func, insert, select, update

from thrive.framework import Indicator, IndicatorLink, Match, Polarity
from thrive.store.schema import indicator, indicator_link, observation_revision, series


def _row(found: Indicator) -> dict[str, object]:
    return {
        "id": found.id,
        "title": found.title,
        "definition": found.definition,
        "unit": found.unit,
        "polarity": found.polarity.value,
        "period_type": found.period_type,
        "source": found.source,
        "publisher": found.publisher,
        "licence": found.licence,
        "url": found.url,
        "caveats": found.caveats,
    }


def indicator_changes(
    connection: Connection, indicators: Sequence[Indicator]
) -> tuple[list[Indicator], list[Indicator]]:
    """Which of these indicators are new, and which known ones now carry different metadata."""
    stored = {found.id: found for found in read_indicators(connection, [i.id for i in indicators])}
    new = [i for i in indicators if i.id not in stored]
    changed = [i for i in indicators if i.id in stored and stored[i.id] != i]
    return new, changed


def record_indicators(
    connection: Connection, new: Sequence[Indicator], changed: Sequence[Indicator], change_set_id: int
) -> None:
    """Add new indicators with a series each; bring the metadata of changed ones up to date."""
    for found in changed:
        connection.execute(update(indicator).where(indicator.c.id == found.id).values(**_row(found)))
        connection.execute(update(series).where(series.c.id == found.id).values(label=found.title, unit=found.unit))
    for found in new:
        connection.execute(insert(indicator).values(**_row(found), change_set_id=change_set_id))
        connection.execute(
            insert(series).values(
                id=found.id, measure_id=None, indicator_id=found.id, label=found.title, unit=found.unit, ordinal=0
            )
        )


def read_indicators(connection: Connection, ids: Sequence[str] | None = None) -> list[Indicator]:
    query = select(indicator).order_by(indicator.c.title)
    if ids is not None:
        query = query.where(indicator.c.id.in_(list(ids)))
    return [
        Indicator(
            id=r.id,
            title=r.title,
            definition=r.definition,
            unit=r.unit,
            polarity=Polarity(r.polarity),
            period_type=r.period_type,
            source=r.source,
            publisher=r.publisher,
            licence=r.licence,
            url=r.url,
            caveats=r.caveats,
        )
        for r in connection.execute(query)
    ]


@dataclass(frozen=True)
class Coverage:
    """What an indicator holds: how many areas and which periods, for the catalogue."""

    indicator_id: str
    areas: int
    figures: int
    first_period: str | None
    last_period: str | None


def indicator_coverage(connection: Connection) -> dict[str, Coverage]:
    """Counts over every revision's key, one row per indicator (a revision never adds an area or period)."""
    revision = observation_revision
    keys = (
        select(
            revision.c.series_id,
            revision.c.area_code,
            revision.c.period_start,
            revision.c.period_end,
            func.max(revision.c.period_label).label("label"),
        )
        .join(series, series.c.id == revision.c.series_id)
        .where(series.c.indicator_id.is_not(None), revision.c.status == "published")
        .group_by(revision.c.series_id, revision.c.area_code, revision.c.period_start, revision.c.period_end)
        .subquery()
    )
    counts = select(
        keys.c.series_id,
        func.count(func.distinct(keys.c.area_code)).label("areas"),
        func.count().label("figures"),
        func.min(cast(keys.c.period_end, String)).label("first_end"),
        func.max(cast(keys.c.period_end, String)).label("last_end"),
    ).group_by(keys.c.series_id)
    out: dict[str, Coverage] = {}
    rows = connection.execute(counts).all()
    labels = {
        (r.series_id, str(r.period_end)): r.label
        for r in connection.execute(select(keys.c.series_id, keys.c.period_end, keys.c.label))
    }
    for r in rows:
        out[r.series_id] = Coverage(
            r.series_id,
            int(r.areas),
            int(r.figures),
            labels.get((r.series_id, r.first_end)),
            labels.get((r.series_id, r.last_end)),
        )
    return out


def sync_links(connection: Connection, links: Sequence[IndicatorLink]) -> int:
    """The shipped links replace the stored ones: they are the Road Map's own definition.

    A link to an indicator the store does not hold yet (before the open data is loaded) waits.
    """
    held = set(connection.execute(select(indicator.c.id)).scalars())
    measure_series = set(connection.execute(select(series.c.id).where(series.c.measure_id.is_not(None))).scalars())
    usable = [link for link in links if link.indicator_id in held and link.series_id in measure_series]
    connection.execute(delete(indicator_link))
    if usable:
        connection.execute(
            insert(indicator_link),
            [
                {
                    "series_id": link.series_id,
                    "indicator_id": link.indicator_id,
                    "match": link.match.value,
                    "note": link.note,
                    "ref": link.ref,
                }
                for link in usable
            ],
        )
    return len(usable)


def read_links(connection: Connection) -> tuple[IndicatorLink, ...]:
    return tuple(
        IndicatorLink(r.series_id, r.indicator_id, Match(r.match), r.note, r.ref)
        for r in connection.execute(
            select(indicator_link).order_by(indicator_link.c.series_id, indicator_link.c.indicator_id)
        )
    )


def series_ids(connection: Connection) -> set[str]:
    """Every series held: the Road Map's and each indicator's own."""
    return set(connection.execute(select(series.c.id)).scalars())


def indicator_title(connection: Connection, indicator_id: str) -> str | None:
    return connection.execute(select(indicator.c.title).where(indicator.c.id == indicator_id)).scalar()
