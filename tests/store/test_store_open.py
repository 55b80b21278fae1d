"""Opening a store: what targets mean, SQLite settings, migrations, and errors that name it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from store_corpus import corpus

from eventwire.store import StoreError, open_store
from eventwire.store.migrate import head_revision
from eventwire.store.schema import metadata

TABLES = {"documents", "actors", "events", "event_actors", "quotes", "timex", "places",
          "alembic_version"}


@pytest.mark.parametrize("as_target", [
    lambda p: str(p), lambda p: p, lambda p: f"sqlite:///{p}",
], ids=["path-string", "path", "sqlite-url"])
def test_store_open_sqlite_targets_name_one_file(tmp_path, as_target):
    path = tmp_path / "x.db"
    with open_store(as_target(path)) as store:
        store.save(corpus()[0])
        assert store.url == str(path)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert tables >= TABLES


def test_store_open_sqlite_uses_wal_and_foreign_keys(tmp_path):
    with open_store(tmp_path / "x.db") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_store_open_again_keeps_the_data(tmp_path):
    with open_store(tmp_path / "x.db") as store:
        store.save(corpus()[0])
    with open_store(tmp_path / "x.db", create=False) as store:
        assert store.count() == 1
        assert store.save(corpus()[0]).status == "unchanged"


def test_store_open_migrates_to_the_newest_revision(store):
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()


def test_store_migrations_build_exactly_the_schema_the_code_queries(store):
    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_store_foreign_keys_cascade_on_delete(store):
    store.save(corpus()[0])
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM documents"))
    assert store.stats() == dict.fromkeys(store.stats(), 0)


def _folder(tmp_path: Path) -> str:
    return str(tmp_path)


def _missing_folder(tmp_path: Path) -> str:
    return str(tmp_path / "no" / "such" / "x.db")


def _not_a_database(tmp_path: Path) -> str:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    return str(path)


@pytest.mark.parametrize(("target", "create", "message"), [
    (_folder, True, "is a folder"),
    (_missing_folder, True, "does not exist"),
    (_not_a_database, True, "not a database"),
    (lambda p: str(p / "missing.db"), False, "no such file"),
    (lambda p: "mysql://u@localhost/db", True, "unsupported database"),
    (lambda p: "postgresql://u@host:notaport/db", True, "cannot read the database URL"),
    (lambda p: "postgresql://nobody@127.0.0.1:1/none?connect_timeout=3", True,
     "cannot open database postgresql"),
], ids=["folder", "missing-folder", "not-a-database", "missing-file-read-only",
        "unsupported-scheme", "bad-url", "postgres-unreachable"])
def test_store_open_errors_name_the_database(tmp_path, target, create, message):
    where = target(tmp_path)
    with pytest.raises(StoreError, match=message) as info:
        open_store(where, create=create)
    if "://" not in where:
        assert where in str(info.value)


def test_store_open_refuses_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "x.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer version"):
        open_store(path)


def test_store_open_postgres_url_without_driver_uses_psycopg():
    from eventwire.store.engine import make_engine

    engine, where = make_engine("postgresql://u:secret@db.example/events")
    assert engine.dialect.driver == "psycopg"
    assert "secret" not in where and "***" in where
    engine.dispose()
