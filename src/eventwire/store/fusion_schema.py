"""Tables of fused events, on the same metadata as the document tables.

- ``fused_events``: one row per real-world event, with its consensus type, mode, date, place
  and PLOVER scores, and counts of reports and of independent stories;
- ``fused_reports``: which stored event (document, event id) belongs to which fused event,
  with the report's features as JSON so an incremental run need not read the documents again;
  deleting or re-coding a document removes its reports here too (cascade);
- ``fused_actors``: the actors of each fused event per side, for dyad queries;
- ``fused_documents``: per document, the wire story it copies (syndication) and its MinHash
  signature, so later runs compare new documents without hashing old ones again.

Created by migration ``0002``; like ``schema.py`` these definitions are what a test compares
the migrated database with.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    LargeBinary,
    Table,
    Text,
)

from eventwire.store.schema import json_type, metadata


def _fused_fk() -> ForeignKey:
    return ForeignKey("fused_events.id", ondelete="CASCADE")


fused_events = Table(
    "fused_events", metadata,
    Column("id", Text, primary_key=True),
    Column("type", Text, nullable=False, index=True),
    Column("mode", Text),
    Column("quad", Integer),
    Column("intensity", Float),
    Column("date", Text),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("place", json_type()),
    Column("first_published", Date),
    Column("reports", Integer, nullable=False),
    Column("stories", Integer, nullable=False),
    Column("state_media_only", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("extra", json_type(), nullable=False),
)

fused_reports = Table(
    "fused_reports", metadata,
    Column("document_id", Text, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("fused_id", Text, _fused_fk(), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("swapped", Boolean, nullable=False),
    Column("published", Date),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("report", json_type(), nullable=False),
    ForeignKeyConstraint(["document_id", "event_id"], ["events.document_id", "events.event_id"],
                         ondelete="CASCADE"),
)

fused_actors = Table(
    "fused_actors", metadata,
    Column("fused_id", Text, _fused_fk(), primary_key=True),
    Column("role", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("kb_id", Text, index=True),
    Column("country", Text, index=True),
    Column("reports", Integer, nullable=False),
    Column("search", Text, nullable=False),
)

fused_documents = Table(
    "fused_documents", metadata,
    Column("document_id", Text, ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("content_hash", Text, nullable=False),
    Column("copy_of", Text, index=True),
    Column("similarity", Float),
    Column("signature", LargeBinary),
    Column("scheme", Text, nullable=False),
)

FUSION_TABLES = (fused_actors, fused_reports, fused_events, fused_documents)
"""Children first: the order in which to empty them."""
