"""Bring a database to the newest schema revision, in one transaction.

Opening a store calls :func:`upgrade`, so a user never runs a migration by hand. A database
already at the newest revision is only read, which keeps opening cheap and free of write locks.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, text

from eventwire.store.base import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str | None = None) -> Config:
    """An alembic configuration without an ini file: the scripts ship inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, where: str) -> None:
    """Apply the missing migrations; ``where`` names the database in error messages."""
    config = alembic_config()
    scripts = ScriptDirectory.from_config(config)
    current = current_revision(engine)
    if current == scripts.get_current_head():
        return
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreError(f"database {where} has schema revision {current!r}, which this "
                         "eventwire does not know: it was written by a newer version; "
                         "upgrade eventwire to read it")
    with engine.connect() as conn:
        conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if engine.dialect.name == "postgresql":
                # Two processes opening a fresh database: the second waits, then finds it done.
                conn.execute(text("SELECT pg_advisory_xact_lock(4242001)"))
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, "head")
            except CommandError as exc:
                raise StoreError(f"cannot migrate database {where}: {exc}") from exc
