"""The single writer of a local batch: each chunk, with its ledger rows, in one transaction.

Documents are written in input order by one process, so the ids the store gives (a second
``x.txt`` from another folder becomes ``x-<hash>``) and the article a copy is attached to come
out the same in every run. Because the ledger rows of a chunk commit together with its
documents, a run killed at any point has either all of a chunk or none of it: a rerun skips
exactly what was committed. One document that cannot be stored is rolled back to its savepoint
and reported; the rest of its chunk is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from eventwire.batch.options import BatchOptions
from eventwire.batch.worker import Outcome, make_signer
from eventwire.errors import EventwireError
from eventwire.store import SqlStore, StoreError
from eventwire.store import batchlog as log
from eventwire.store.queries import find_stored
from eventwire.store.rows import content_hash
from eventwire.store.sql import reason
from eventwire.store.writes import save_document

T = TypeVar("T")
REJECTED = "rejected"
FAILED = "failed"
COPY = "copy"


class Writer:
    """Keeps coded documents, copies and the ledger; holds the near-duplicate index."""

    def __init__(self, store: SqlStore, options: BatchOptions) -> None:
        self.store = store
        self.index: Any = make_signer(options)
        self.scheme = scheme_of(self.index) if self.index is not None else ""
        if options.restart:
            self.transaction(log.forget_results)
        if self.index is not None:
            self._load_signatures()

    def transaction(self, fn: Callable[[Connection], T]) -> T:
        """``fn`` in one write transaction (SQLite: ``BEGIN IMMEDIATE``)."""
        try:
            with self.store.engine.connect() as conn:
                conn.execution_options(sqlite_begin="IMMEDIATE")
                with conn.begin():
                    return fn(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot write to {self.store.url}: {reason(exc)}") from exc

    def read(self, fn: Callable[[Connection], T]) -> T:
        """``fn`` in a read transaction: no write lock, so planning never waits for writing."""
        try:
            with self.store.engine.connect() as conn, conn.begin():
                return fn(conn)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read {self.store.url}: {reason(exc)}") from exc

    def done(self, keys: list[str]) -> set[str]:
        if not keys:
            return set()
        return self.read(lambda conn: log.done_units(conn, keys))

    def ledger(self, keys: list[str]) -> list[log.LedgerRow]:
        return self.read(lambda conn: list(log.ledger_rows(conn, keys))) if keys else []

    def write(self, outcomes: Iterable[Outcome]) -> list[log.LedgerRow]:
        """Store one chunk; the index learns its new articles only once they are committed."""
        added: list[str] = []
        now = dt.datetime.now(dt.UTC)

        def chunk(conn: Connection) -> list[log.LedgerRow]:
            rows = [self._one(conn, o, now, added) for o in outcomes]
            log.record_results(conn, rows, now)
            return rows

        try:
            return self.transaction(chunk)
        except BaseException:
            for document_id in added:
                self.index.remove(document_id)
            raise

    def _one(self, conn: Connection, o: Outcome, now: dt.datetime,
             added: list[str]) -> log.LedgerRow:
        if o.document is None:
            return log.LedgerRow(o.unit, o.seq, o.name, REJECTED, reason=o.reason)
        try:
            with conn.begin_nested():
                status, document_id, new = self._keep(conn, o, now)
        except (EventwireError, SQLAlchemyError) as exc:
            problem = reason(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
            return log.LedgerRow(o.unit, o.seq, o.name, FAILED, reason=f"not stored: {problem}")
        if new and o.signature is not None:
            self.index.add_signature(document_id, o.signature)
            added.append(document_id)
        return log.LedgerRow(o.unit, o.seq, o.name, status, document_id)

    def _keep(self, conn: Connection, o: Outcome, now: dt.datetime) -> tuple[str, str, bool]:
        """(status, document id, whether the index gets a new signature)."""
        doc = o.document
        assert doc is not None
        digest = content_hash(doc.text)
        if self.index is not None and find_stored(conn, doc.url, digest) is None:
            known = log.find_copy(conn, doc.url, digest)
            if known is not None:
                return COPY, known, False
            if o.signature is not None:
                matches = self.index.find_signature(as_array(o.signature))
                if matches:
                    article, similarity = matches[0]
                    log.save_copy(conn, article, doc, digest, similarity, o.name, now)
                    return COPY, article, False
        result = save_document(conn, doc, now=now)
        new = result.status != "unchanged" and self.index is not None
        if new and o.signature is not None:
            log.save_signature(conn, result.document_id, self.scheme, o.signature)
        return result.status, result.document_id, new

    def _load_signatures(self) -> None:
        """Sign articles stored without a signature, then index every stored article."""
        def sign(conn: Connection) -> None:
            for document_id, text in list(log.unsigned_documents(conn, self.scheme)):
                signature = self.index.signature_bytes(text)
                if signature is not None:
                    log.save_signature(conn, document_id, self.scheme, signature)

        self.transaction(sign)
        for document_id, signature in self.transaction(
                lambda conn: list(log.signatures(conn, self.scheme))):
            self.index.add_signature(document_id, signature)


def scheme_of(index: Any) -> str:
    """Which signatures are comparable: the MinHash scheme and every option that shapes one."""
    o = index.options
    return f"minhash/{index.scheme}/{o.num_perm}/{o.shingle_words}/{o.seed}"


def as_array(signature: bytes) -> Any:
    import numpy as np

    return np.frombuffer(signature, dtype="<u8").astype(np.uint64)
