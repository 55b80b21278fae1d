"""Every change to the store, each a function of one connection inside one transaction.

The store runs them through a single writer path (``SqlStore._write``), so a document and its
actors, events and quotes are replaced together or not at all.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, delete, select

from eventwire.model import Document
from eventwire.store import schema
from eventwire.store.base import SaveResult
from eventwire.store.queries import find_stored
from eventwire.store.rows import check_ids, child_rows, content_hash, document_row

D = schema.documents
CHILDREN = (schema.event_actors, schema.events, schema.actors, schema.quotes, schema.timex,
            schema.places)


def save_document(conn: Connection, doc: Document, *, force: bool = False,
                  now: dt.datetime | None = None) -> SaveResult:
    """Insert a new document, replace one whose text changed, or leave an identical one alone.

    A document is the stored one with the same URL, else the one with the same text.
    """
    check_ids(doc)
    now = now or dt.datetime.now(dt.UTC)
    digest = content_hash(doc.text)
    found = find_stored(conn, doc.url, digest)
    if found is None:
        document_id = _free_id(conn, doc.id or "document", digest)
        conn.execute(D.insert().values(document_row(doc, document_id, digest, now)))
        _insert_children(conn, doc, document_id)
        return SaveResult(document_id, "inserted")
    if found.content_hash == digest and not force:
        return SaveResult(found.id, "unchanged")
    row = document_row(doc, found.id, digest, now)
    row["ingested_at"] = found.ingested_at
    row["url"] = row["url"] or found.url
    del row["id"]
    conn.execute(D.update().where(D.c.id == found.id).values(row))
    _delete_children(conn, found.id)
    _insert_children(conn, doc, found.id)
    return SaveResult(found.id, "updated")


def delete_document(conn: Connection, document_id: str) -> bool:
    _delete_children(conn, document_id)
    return conn.execute(delete(D).where(D.c.id == document_id)).rowcount > 0


def _free_id(conn: Connection, wanted: str, digest: str) -> str:
    """The document's own id, or, when another text has it, the id plus a piece of the hash."""
    candidates = [wanted, f"{wanted}-{digest[:8]}"]
    candidates += [f"{wanted}-{digest[:8]}-{n}" for n in range(2, 100)]
    taken = set(conn.scalars(select(D.c.id).where(D.c.id.in_(candidates))))
    return next(c for c in candidates if c not in taken)


def _delete_children(conn: Connection, document_id: str) -> None:
    for table in CHILDREN:
        conn.execute(delete(table).where(table.c.document_id == document_id))


def _insert_children(conn: Connection, doc: Document, document_id: str) -> None:
    for table, rows in child_rows(doc, document_id).items():
        if rows:
            conn.execute(table.insert(), rows)
