"""documents, their events and the events' participants

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dedup_key", sa.String(length=300), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("published_at", sa.Date(), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("title", sa.String(length=1000), nullable=True),
        sa.Column("source", sa.String(length=255), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("extractor_version", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("dedup_key", name="uq_documents_dedup_key"),
        sa.UniqueConstraint("external_id", name="uq_documents_external_id"),
    )
    op.create_index("ix_documents_content_sha256", "documents", ["content_sha256"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("date_value", sa.String(length=64), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("data", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_events_document_id_documents", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_date_end", "events", ["date_end"])
    op.create_index("ix_events_date_start_id", "events", ["date_start", "id"])
    op.create_index("ix_events_document_id", "events", ["document_id"])
    op.create_index("ix_events_event_id", "events", ["event_id"])
    op.create_index("ix_events_type", "events", ["type"])

    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_pk", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("name_lower", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=3), nullable=True),
        sa.ForeignKeyConstraint(
            ["event_pk"], ["events.id"], name="fk_event_participants_event_pk_events", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_event_participants"),
    )
    op.create_index("ix_event_participants_country", "event_participants", ["country"])
    op.create_index("ix_event_participants_event_pk", "event_participants", ["event_pk"])
    op.create_index("ix_event_participants_name_lower", "event_participants", ["name_lower"])


def downgrade() -> None:
    # Dropping a table drops its indexes too.
    op.drop_table("event_participants")
    op.drop_table("events")
    op.drop_table("documents")
