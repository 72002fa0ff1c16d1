"""Create or upgrade a database to the newest schema with Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, text

from thrive.store.database import is_sqlite, write_transaction

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


class MigrationError(RuntimeError):
    """A migration left rows that break a foreign key; nothing was committed."""


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision in one transaction.

    On SQLite, changing a column rebuilds its table, which SQLite allows only with foreign-key
    enforcement off (its documented procedure for schema changes); every key is checked again
    before the transaction commits.
    """
    config = alembic_config()
    with write_transaction(engine, bulk=True) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        if is_sqlite(connection):
            broken = connection.execute(text("PRAGMA foreign_key_check")).all()
            if broken:
                raise MigrationError(f"the upgrade would leave {len(broken)} row(s) with a broken reference")


def is_set_up(engine: Engine) -> bool:
    """Whether `thrive init` has made the tables in this database."""
    return inspect(engine).has_table("measure")
