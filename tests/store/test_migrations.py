"""The Alembic migrations build exactly the schema the code describes, on both databases (apart from the
search engine's own objects, which differ by database and which the schema names)."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine

from thrive.store.schema import metadata, search_engine_object


def _described(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    return not search_engine_object(name, type_)


def test_migrated_database_matches_the_schema(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _described})
        differences = compare_metadata(context, metadata)
    assert differences == []
