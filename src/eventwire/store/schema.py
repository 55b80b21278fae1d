"""The tables, as SQLAlchemy Core objects the queries are built from.

Each table keeps the contract's fields in columns of the same name, so rows read like the JSON
output, plus derived columns that exist only to make filters fast and portable: ``search`` and
``source_key`` (case-folded names, evidence or outlet: ``lower()`` folds only ASCII in SQLite
and in PostgreSQL's C locale, and German names are not ASCII), ``date_start``/``date_end`` (the
day range an ISO date value covers) and ``event_actors`` (who takes part in which event, so
filters join instead of parsing JSON).

All strings are ``TEXT``: a length limit would only bite on PostgreSQL, on data SQLite took.
Model fields without a column of their own go to ``extra`` and come back on reading, so a field
added to the model later survives a round trip before a migration gives it a column.

The schema changes only through a migration in ``migrations/versions``; a test compares the
migrated database with these definitions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeEngine

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)


def json_type() -> TypeEngine[Any]:
    """JSON in SQLite, JSONB in PostgreSQL (indexable, compact)."""
    return JSON().with_variant(JSONB(), "postgresql")


def _document_fk() -> ForeignKey:
    return ForeignKey("documents.id", ondelete="CASCADE")


documents = Table(
    "documents", metadata,
    Column("id", Text, primary_key=True),
    Column("content_hash", Text, nullable=False, index=True),
    Column("url", Text, unique=True),
    Column("source", Text),
    Column("source_key", Text),
    Column("title", Text),
    Column("lang", Text),
    Column("published", Date, index=True),
    Column("published_from", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("extra", json_type(), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("document_id", Text, _document_fk(), primary_key=True),
    Column("actor_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("country", Text, index=True),
    Column("role", Text),
    Column("kb_id", Text, index=True),
    Column("sector", Text),
    Column("cameo", Text),
    Column("wikidata", Text),
    Column("state_media", Boolean, nullable=False),
    Column("confidence", Float),
    Column("mentions", json_type(), nullable=False),
    Column("search", Text, nullable=False),
    Column("extra", json_type(), nullable=False),
)

events = Table(
    "events", metadata,
    Column("document_id", Text, _document_fk(), primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("nonfactual", Boolean, nullable=False),
    Column("type", Text, nullable=False, index=True),
    Column("mode", Text),
    Column("cameo", Text),
    Column("quad", Integer),
    Column("intensity", Float),
    Column("source", json_type(), nullable=False),
    Column("target", json_type(), nullable=False),
    Column("date", Text),
    Column("date_text", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place", json_type()),
    Column("reported_by", json_type(), nullable=False),
    Column("evidence", json_type(), nullable=False),
    Column("trigger", json_type()),
    Column("confidence", Float),
    Column("factuality", Text, nullable=False),
    Column("sentence", Integer),
    Column("search", Text, nullable=False),
    Column("extra", json_type(), nullable=False),
    Index("ix_events_document_id", "document_id"),
    Index("ix_events_date_start", "date_start"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("document_id", Text, primary_key=True),
    Column("event_id", Text, primary_key=True),
    Column("role", Text, primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", Text, nullable=False),
    ForeignKeyConstraint(["document_id", "event_id"], ["events.document_id", "events.event_id"],
                         ondelete="CASCADE"),
    Index("ix_event_actors_document_id_actor_id", "document_id", "actor_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("document_id", Text, _document_fk(), primary_key=True),
    Column("quote_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("speaker", Text),
    Column("kind", Text, nullable=False),
    Column("attribution", Text),
    Column("cue", Text),
    Column("cue_span", json_type()),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("reported_by", json_type(), nullable=False),
    Column("sentence", Integer),
    Column("extra", json_type(), nullable=False),
)

timex = Table(
    "timex", metadata,
    Column("document_id", Text, _document_fk(), primary_key=True),
    Column("timex_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", Text),
    Column("type", Text, nullable=False),
    Column("granularity", Text),
    Column("mod", Text),
    Column("sentence", Integer),
    Column("extra", json_type(), nullable=False),
)

places = Table(
    "places", metadata,
    Column("document_id", Text, _document_fk(), primary_key=True),
    Column("place_id", Text, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("kb_id", Text),
    Column("mentions", json_type(), nullable=False),
    Column("extra", json_type(), nullable=False),
)
