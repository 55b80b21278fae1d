"""From what a user types (``eventwire.db``, ``sqlite:///x.db``, ``postgresql://...``) to an
engine configured for safe concurrent use.

SQLite gets WAL (readers never block the writer), foreign keys (off by default in SQLite) and
transactions that really start with ``BEGIN``: Python's sqlite3 module otherwise opens them
lazily and commits before DDL, which breaks transactional migrations. Writers ask for
``BEGIN IMMEDIATE`` so two processes queue for the write lock instead of failing half-way.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from eventwire.store.base import StoreError

SUPPORTED = "a file path, sqlite:///FILE, sqlite:// (in memory) or postgresql://USER@HOST/DB"
_json = functools.partial(json.dumps, ensure_ascii=False)


def display(url: URL) -> str:
    """The URL with its password hidden, or the file path for SQLite files."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def make_engine(target: str | Path, *, create: bool = True) -> tuple[Engine, str]:
    """An engine for ``target`` and a name to use in messages; raises :class:`StoreError`."""
    url = _url(target)
    if url.get_backend_name() == "sqlite":
        return _sqlite(url, create=create), display(url)
    if url.get_backend_name() == "postgresql":
        return _postgres(url), display(url)
    raise StoreError(f"unsupported database {str(target)!r}; give {SUPPORTED}")


def _url(target: str | Path) -> URL:
    if isinstance(target, Path) or "://" not in target:
        return URL.create("sqlite", database=str(Path(target).expanduser()))
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        raise StoreError(f"cannot read the database URL {target!r}; give {SUPPORTED}") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite(url: URL, *, create: bool) -> Engine:
    memory = url.database in (None, "", ":memory:")
    if not memory:
        _check_file(Path(url.database or ""), create=create)
        engine = create_engine(url, json_serializer=_json, connect_args={"timeout": 30})
    else:
        # One connection shared by all users, or each would see its own empty database.
        engine = create_engine(url, json_serializer=_json, poolclass=StaticPool,
                               connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _check_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"cannot open database {path}: it is a folder, not a file")
    if not path.exists():
        if not create:
            raise StoreError(f"cannot open database {path}: no such file "
                             "(eventwire ingest creates it)")
        if not path.parent.is_dir():
            raise StoreError(f"cannot create database {path}: folder {path.parent} "
                             "does not exist")


def _postgres(url: URL) -> Engine:
    if url.get_driver_name() == "psycopg":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise StoreError("PostgreSQL needs the psycopg driver: "
                             "pip install 'eventwire[postgres]'") from None
    return create_engine(url, json_serializer=_json, pool_pre_ping=True)
