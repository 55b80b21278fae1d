"""The :class:`~eventwire.store.base.Store` on SQLAlchemy Core, for SQLite and PostgreSQL.

Thin on purpose: each method opens a transaction and calls one function of ``writes`` or
``queries``. Reads run in a transaction too, so a page and its total see the same snapshot.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TypeVar

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from eventwire.model import Document
from eventwire.store import queries, writes
from eventwire.store.base import (
    ActorFilter,
    ActorRow,
    CountOptions,
    CountRow,
    DocumentFilter,
    DocumentNotFoundError,
    DocumentRow,
    EventFilter,
    EventRow,
    Page,
    SaveResult,
    Store,
    StoreError,
)
from eventwire.store.rows import content_hash

T = TypeVar("T")


def reason(exc: SQLAlchemyError) -> str:
    """The driver's own message, first line only (SQLAlchemy appends SQL and a link)."""
    orig = getattr(exc, "orig", None)
    return str(orig or exc).strip().splitlines()[0]


class SqlStore:
    """One database: a SQLite file (or memory) or a PostgreSQL database."""

    def __init__(self, engine: Engine, where: str) -> None:
        self._engine = engine
        self._where = where
        # One writer per process; across processes SQLite's BEGIN IMMEDIATE queues writers.
        self._write_lock = threading.Lock()
        # An in-memory SQLite database is one shared connection: readers must queue too.
        shared = isinstance(engine.pool, StaticPool)
        self._read_lock: AbstractContextManager[object] = (
            self._write_lock if shared else nullcontext())

    @property
    def url(self) -> str:
        return self._where

    @property
    def engine(self) -> Engine:
        return self._engine

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SqlStore({self._where!r})"

    def close(self) -> None:
        self._engine.dispose()

    def _write(self, fn: Callable[[Connection], T]) -> T:
        """Run ``fn`` in one write transaction; retry once when a concurrent writer won a race
        for the same URL or id (the retry then sees its row)."""
        for attempt in (1, 2):
            try:
                with self._write_lock, self._engine.connect() as conn:
                    conn.execution_options(sqlite_begin="IMMEDIATE")
                    with conn.begin():
                        if conn.dialect.name == "postgresql":
                            # one writer at a time across processes, as SQLite's BEGIN
                            # IMMEDIATE gives: "is it stored?" and "store it" cannot interleave
                            conn.execute(text("SELECT pg_advisory_xact_lock(4242002)"))
                        return fn(conn)
            except IntegrityError as exc:
                if attempt == 2:
                    raise StoreError(f"cannot write to {self._where}: {reason(exc)}") from exc
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot write to {self._where}: {reason(exc)}") from exc
        raise AssertionError("unreachable")

    def _read(self, fn: Callable[[Connection], T]) -> T:
        try:
            with self._read_lock, self._engine.connect() as conn, conn.begin():
                return fn(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read {self._where}: {reason(exc)}") from exc

    def save(self, doc: Document, *, force: bool = False) -> SaveResult:
        return self._write(lambda conn: writes.save_document(conn, doc, force=force))

    def unchanged_id(self, doc: Document) -> str | None:
        digest = content_hash(doc.text)
        found = self._read(lambda conn: queries.find_stored(conn, doc.url, digest))
        return found.id if found is not None and found.content_hash == digest else None

    def delete_document(self, document_id: str) -> bool:
        return self._write(lambda conn: writes.delete_document(conn, document_id))

    def get_document(self, document_id: str) -> Document:
        doc = self._read(lambda conn: queries.get_document(conn, document_id))
        if doc is None:
            raise DocumentNotFoundError(document_id)
        return doc

    def documents(self, filters: DocumentFilter | None = None, *, limit: int | None = 50,
                  offset: int = 0) -> Page[DocumentRow]:
        f = filters or DocumentFilter()
        return self._read(lambda conn: queries.documents(conn, f, limit, offset))

    def events(self, filters: EventFilter | None = None, *, limit: int | None = 50,
               offset: int = 0) -> Page[EventRow]:
        f = filters or EventFilter()
        return self._read(lambda conn: queries.events(conn, f, limit, offset))

    def actors(self, filters: ActorFilter | None = None, *, limit: int | None = 50,
               offset: int = 0) -> Page[ActorRow]:
        f = filters or ActorFilter()
        return self._read(lambda conn: queries.actors(conn, f, limit, offset))

    def dyad(self, a: str, b: str, options: CountOptions | None = None) -> list[CountRow]:
        opts = options or CountOptions()
        match_a, match_b = queries.actor_match(a), queries.actor_match(b)

        def both(conn: Connection) -> list[CountRow]:
            rows = [*queries.directed_counts(conn, match_a, match_b, opts, (a, b)),
                    *queries.directed_counts(conn, match_b, match_a, opts, (b, a))]
            return sorted(rows, key=lambda r: (r["period"], r["source"] != a, r["type"]))

        return self._read(both)

    def timeline(self, actor: str, options: CountOptions | None = None) -> list[CountRow]:
        opts = options or CountOptions()
        match = queries.actor_match(actor)

        def both(conn: Connection) -> list[CountRow]:
            rows = [*queries.directed_counts(conn, match, None, opts, (actor, "*")),
                    *queries.directed_counts(conn, None, match, opts, ("*", actor))]
            return sorted(rows, key=lambda r: (r["period"], r["source"] != actor, r["type"]))

        return self._read(both)

    def count(self) -> int:
        return self.stats()["documents"]

    def stats(self) -> dict[str, int]:
        return self._read(queries.row_counts)


def _conforms(store: SqlStore) -> Store:
    """Never called: mypy checks here that SqlStore implements the Store protocol."""
    return store
