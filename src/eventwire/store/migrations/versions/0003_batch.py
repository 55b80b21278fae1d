"""Batch runs: the ledger of finished inputs, syndicated copies and MinHash signatures.

Revision ID: 0003
Revises: 0002
Created: 2025-01-03

Written out in full, like 0001 and 0002: a migration records the schema at its revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# Not used below: importing it registers the batch tables on the store's shared metadata, so
# that whoever opens a store compares and autogenerates against the full schema.
import eventwire.store.batchlog  # noqa: F401

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch_results",
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("unit", "seq", name="pk_batch_results"),
    )

    op.create_table(
        "document_copies",
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("copy_key", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("lang", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("input", sa.Text(), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("document_id", "copy_key", name="pk_document_copies"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_document_copies_documents"),
    )
    op.create_index("ix_document_copies_content_hash", "document_copies", ["content_hash"])
    op.create_index("ix_document_copies_url", "document_copies", ["url"])

    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.Text(), nullable=False),
        sa.Column("scheme", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_signatures"),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE",
                                name="fk_document_signatures_documents"),
    )


def downgrade() -> None:
    for table in ("document_signatures", "document_copies", "batch_results"):
        op.drop_table(table)
