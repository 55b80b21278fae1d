"""Tables and writes of the batch runner: its ledger, syndicated copies and MinHash signatures.

- ``batch_results``: one row per result of a finished input unit (a file, or one record of a
  large file), written in the same transaction as the documents of that unit. A unit with rows
  is done, so a batch killed at any moment and run again skips exactly the committed units:
  nothing is lost and nothing is written twice. Rejected inputs keep their reason here, so the
  report of a resumed run still lists the rejections of the run it continues.
- ``document_copies``: a syndicated copy of a stored article (same wire story under another
  outlet's headline, byline and links) is kept as a further source of that article, like a row
  of GDELT's Mentions table, instead of as a document whose events would count twice.
- ``document_signatures``: each stored article's MinHash signature, so a later or resumed run
  rebuilds its near-duplicate index without hashing the old texts again.

Created by migration ``0003``; a test compares the migrated database with these definitions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    Table,
    Text,
    delete,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from eventwire.model import Document
from eventwire.store.schema import documents, metadata

batch_results = Table(
    "batch_results", metadata,
    Column("unit", Text, primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("document_id", Text),
    Column("reason", Text),
    Column("finished_at", DateTime(timezone=True), nullable=False),
)

document_copies = Table(
    "document_copies", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("copy_key", Text, primary_key=True),
    Column("content_hash", Text, nullable=False, index=True),
    Column("url", Text, index=True),
    Column("source", Text),
    Column("title", Text),
    Column("lang", Text),
    Column("published", Date),
    Column("similarity", Float, nullable=False),
    Column("input", Text, nullable=False),
    Column("found_at", DateTime(timezone=True), nullable=False),
)

document_signatures = Table(
    "document_signatures", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("scheme", Text, nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

BATCH_TABLES = (batch_results, document_copies, document_signatures)
BR, DC, DS = batch_results, document_copies, document_signatures


@dataclass(frozen=True)
class LedgerRow:
    """One result of a finished unit: what became of it and, for a rejection, why."""

    unit: str
    seq: int
    name: str
    status: str
    document_id: str | None = None
    reason: str | None = None


def copy_key(doc: Document, digest: str) -> str:
    """A copy is the same copy again when its URL is, or (without a URL) its text."""
    return f"url:{doc.url}" if doc.url else f"text:{digest}"


def done_units(conn: Connection, units: Iterable[str]) -> set[str]:
    """Which of these units a previous run finished (their rows are committed)."""
    wanted = list(dict.fromkeys(units))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        part = wanted[start:start + 500]
        found.update(conn.scalars(select(BR.c.unit).where(BR.c.unit.in_(part)).distinct()))
    return found


def ledger_rows(conn: Connection, units: Iterable[str]) -> Iterator[LedgerRow]:
    """The recorded results of these units, in unit and result order."""
    wanted = list(dict.fromkeys(units))
    for start in range(0, len(wanted), 500):
        query = (select(BR.c.unit, BR.c.seq, BR.c.name, BR.c.status, BR.c.document_id,
                        BR.c.reason)
                 .where(BR.c.unit.in_(wanted[start:start + 500]))
                 .order_by(BR.c.unit, BR.c.seq))
        for row in conn.execute(query):
            yield LedgerRow(*row)


def record_results(conn: Connection, rows: Iterable[LedgerRow], now: dt.datetime) -> None:
    values = [{"unit": r.unit, "seq": r.seq, "name": r.name, "status": r.status,
               "document_id": r.document_id, "reason": r.reason, "finished_at": now}
              for r in rows]
    if values:
        conn.execute(BR.insert(), values)


def forget_results(conn: Connection) -> int:
    """Empty the ledger, so the next batch codes every input again."""
    return conn.execute(delete(BR)).rowcount


def find_copy(conn: Connection, url: str | None, digest: str) -> str | None:
    """The article a known copy with this URL or text belongs to."""
    condition = DC.c.content_hash == digest
    if url:
        condition = or_(condition, DC.c.url == url)
    return conn.scalars(select(DC.c.document_id).where(condition)
                        .order_by(DC.c.document_id).limit(1)).first()


def save_copy(conn: Connection, article_id: str, doc: Document, digest: str,
              similarity: float, name: str, now: dt.datetime) -> None:
    """Record ``doc`` as a further source of the stored article ``article_id``."""
    conn.execute(DC.insert().values(
        document_id=article_id, copy_key=copy_key(doc, digest), content_hash=digest,
        url=doc.url, source=doc.source, title=doc.title, lang=doc.lang,
        published=doc.published, similarity=similarity, input=name, found_at=now))


def save_signature(conn: Connection, document_id: str, scheme: str, signature: bytes) -> None:
    """Insert or replace an article's signature (a replaced text gets a new one)."""
    values = {"document_id": document_id, "scheme": scheme, "signature": signature}
    upsert = (pg_insert(DS) if conn.dialect.name == "postgresql" else sqlite_insert(DS))
    conn.execute(upsert.values(values).on_conflict_do_update(
        index_elements=[DS.c.document_id],
        set_={"scheme": scheme, "signature": signature}))


def signatures(conn: Connection, scheme: str) -> Iterator[tuple[str, bytes]]:
    """Every stored article's signature made with ``scheme``, in id order."""
    query = (select(DS.c.document_id, DS.c.signature).where(DS.c.scheme == scheme)
             .order_by(DS.c.document_id))
    for document_id, signature in conn.execute(query):
        yield str(document_id), bytes(signature)


def unsigned_documents(conn: Connection, scheme: str) -> Iterator[tuple[str, str]]:
    """(id, text) of stored articles without a signature of ``scheme`` (stored by ``ingest``,
    or under another scheme), so a batch can sign them before it looks for copies."""
    signed = select(DS.c.document_id).where(DS.c.scheme == scheme)
    query = (select(documents.c.id, documents.c.text)
             .where(documents.c.id.not_in(signed)).order_by(documents.c.id))
    for document_id, text in conn.execute(query):
        yield str(document_id), str(text)


def copies_of(conn: Connection, document_id: str) -> list[dict[str, object]]:
    """The further sources of one article, in the order they were found."""
    query = (select(DC).where(DC.c.document_id == document_id)
             .order_by(DC.c.found_at, DC.c.copy_key))
    return [dict(row) for row in conn.execute(query).mappings()]
