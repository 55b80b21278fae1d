"""The first schema: documents and their actors, events, quotes, time expressions and places.

Revision ID: 0001
Revises:
Created: 2025-01-01

Written out in full rather than imported from ``schema.py``: a migration is a record of what
the schema was at this revision, and must not change when ``schema.py`` does.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _child(table: str, key: str, *columns: sa.Column[object]) -> None:
    """A table below ``documents``: (document_id, key) identifies a row, position keeps order."""
    op.create_table(
        table,
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column(key, sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *columns,
        sa.Column("extra", _json(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", key, name=f"pk_{table}"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name=f"fk_{table}_documents"),
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_key", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lang", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("published_from", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extra", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("url", name="uq_documents_url"),
    )
    op.create_index("ix_documents_content_hash", "documents", ["content_hash"])
    op.create_index("ix_documents_published", "documents", ["published"])

    _child(
        "actors", "actor_id",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("kb_id", sa.Text(), nullable=True),
        sa.Column("sector", sa.Text(), nullable=True),
        sa.Column("cameo", sa.Text(), nullable=True),
        sa.Column("wikidata", sa.Text(), nullable=True),
        sa.Column("state_media", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("mentions", _json(), nullable=False),
        sa.Column("search", sa.Text(), nullable=False),
    )
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_index("ix_actors_kb_id", "actors", ["kb_id"])

    _child(
        "events", "event_id",
        sa.Column("nonfactual", sa.Boolean(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("cameo", sa.Text(), nullable=True),
        sa.Column("quad", sa.Integer(), nullable=True),
        sa.Column("intensity", sa.Float(), nullable=True),
        sa.Column("source", _json(), nullable=False),
        sa.Column("target", _json(), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_text", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("place", _json(), nullable=True),
        sa.Column("reported_by", _json(), nullable=False),
        sa.Column("evidence", _json(), nullable=False),
        sa.Column("trigger", _json(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("factuality", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=True),
        sa.Column("search", sa.Text(), nullable=False),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_document_id", "events", ["document_id"])

    op.create_table(
        "event_actors",
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", "event_id", "role", "position",
                                name="pk_event_actors"),
        sa.ForeignKeyConstraint(["document_id", "event_id"],
                                ["events.document_id", "events.event_id"], ondelete="CASCADE",
                                name="fk_event_actors_events"),
    )
    op.create_index("ix_event_actors_document_id_actor_id", "event_actors",
                    ["document_id", "actor_id"])

    _child(
        "quotes", "quote_id",
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("attribution", sa.Text(), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("cue_span", _json(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("reported_by", _json(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=True),
    )
    _child(
        "timex", "timex_id",
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("granularity", sa.Text(), nullable=True),
        sa.Column("mod", sa.Text(), nullable=True),
        sa.Column("sentence", sa.Integer(), nullable=True),
    )
    _child(
        "places", "place_id",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("kb_id", sa.Text(), nullable=True),
        sa.Column("mentions", _json(), nullable=False),
    )


def downgrade() -> None:
    for table in ("places", "timex", "quotes", "event_actors", "events", "actors", "documents"):
        op.drop_table(table)
