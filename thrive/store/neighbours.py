"""Neighbour models: each published version of a comparator group, with every area's neighbours.

Like the framework tables, these are reference data: loading a model again replaces its lists
with the publisher's, and a model is never edited by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, delete, insert, select

from thrive.framework import ComparatorModel
from thrive.store.schema import comparator_model, comparator_neighbour


def sync_comparator_models(connection: Connection, group_code: str, models: Sequence[ComparatorModel]) -> None:
    for model in models:
        connection.execute(delete(comparator_neighbour).where(comparator_neighbour.c.model_code == model.code))
        connection.execute(delete(comparator_model).where(comparator_model.c.code == model.code))
        connection.execute(
            insert(comparator_model).values(
                code=model.code,
                group_code=group_code,
                name=model.name,
                publisher=model.publisher,
                in_force_from=model.in_force_from,
                in_force_to=model.in_force_to,
                source=model.source,
                licence=model.licence,
                note=model.note,
            )
        )
        rows = [
            {"model_code": model.code, "area_code": area, "neighbour_code": neighbour, "rank": rank}
            for area, neighbours in model.neighbours.items()
            for rank, neighbour in enumerate(neighbours, start=1)
        ]
        if rows:
            connection.execute(insert(comparator_neighbour), rows)


def read_comparator_models(connection: Connection) -> dict[str, tuple[ComparatorModel, ...]]:
    """Every group's models, oldest first, each with all its areas' neighbour lists."""
    lists: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for r in connection.execute(select(comparator_neighbour)):
        lists.setdefault(r.model_code, {}).setdefault(r.area_code, []).append((r.rank, r.neighbour_code))
    out: dict[str, list[ComparatorModel]] = {}
    for r in connection.execute(select(comparator_model).order_by(comparator_model.c.code)):
        neighbours = {area: tuple(code for _, code in sorted(found)) for area, found in lists.get(r.code, {}).items()}
        out.setdefault(r.group_code, []).append(
            ComparatorModel(
                r.code, r.name, r.publisher, r.in_force_from, r.in_force_to, neighbours, r.source, r.licence, r.note
            )
        )
    return {group: tuple(models) for group, models in out.items()}
