"""Fused events: reports of one real-world event across documents, and syndicated copies.

Revision ID: 0002
Revises: 0001
Created: 2025-01-02

Written out in full, like 0001: a migration records the schema at its revision.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# Not used below: importing it registers the fusion tables on the store's shared metadata,
# so that whoever opens a store (which loads this file) compares and autogenerates against
# the full schema, not only the document tables that schema.py defines.
import eventwire.store.fusion_schema  # noqa: F401

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "fused_events",
        sa.Column("id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("mode", sa.Text(), nullable=True),
        sa.Column("quad", sa.Integer(), nullable=True),
        sa.Column("intensity", sa.Float(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("place", _json(), nullable=True),
        sa.Column("first_published", sa.Date(), nullable=True),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("stories", sa.Integer(), nullable=False),
        sa.Column("state_media_only", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extra", _json(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fused_events"),
    )
    op.create_index("ix_fused_events_type", "fused_events", ["type"])
    op.create_index("ix_fused_events_date_start", "fused_events", ["date_start"])

    op.create_table(
        "fused_reports",
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("fused_id", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("swapped", sa.Boolean(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("report", _json(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", "event_id", name="pk_fused_reports"),
        sa.ForeignKeyConstraint(["fused_id"], ["fused_events.id"], ondelete="CASCADE",
                                name="fk_fused_reports_fused_events"),
        sa.ForeignKeyConstraint(["document_id", "event_id"],
                                ["events.document_id", "events.event_id"], ondelete="CASCADE",
                                name="fk_fused_reports_events"),
    )
    op.create_index("ix_fused_reports_fused_id", "fused_reports", ["fused_id"])

    op.create_table(
        "fused_actors",
        sa.Column("fused_id", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("kb_id", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("search", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("fused_id", "role", "position", name="pk_fused_actors"),
        sa.ForeignKeyConstraint(["fused_id"], ["fused_events.id"], ondelete="CASCADE",
                                name="fk_fused_actors_fused_events"),
    )
    op.create_index("ix_fused_actors_kb_id", "fused_actors", ["kb_id"])
    op.create_index("ix_fused_actors_country", "fused_actors", ["country"])

    op.create_table(
        "fused_documents",
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("copy_of", sa.Text(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("scheme", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_fused_documents"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_fused_documents_documents"),
    )
    op.create_index("ix_fused_documents_copy_of", "fused_documents", ["copy_of"])


def downgrade() -> None:
    for table in ("fused_documents", "fused_actors", "fused_reports", "fused_events"):
        op.drop_table(table)
