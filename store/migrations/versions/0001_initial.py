"""Initial schema: documents, sentences, labels, quantities, term counts, jobs.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_SENTENCE_FK = (["document_id", "sentence_index"], ["sentences.document_id", "sentences.index"])


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("issuer", sa.Text),
        sa.Column("doc_number", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("year", sa.Integer),
        sa.Column("region", sa.Text),
        sa.Column("period_start", sa.Integer),
        sa.Column("period_end", sa.Integer),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("page_spans", sa.JSON, nullable=False),
        sa.Column("headings", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("problems", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_documents_year", "documents", ["year"])
    op.create_index("ix_documents_date_id", "documents", ["date", "id"])
    op.create_table(
        "sentences",
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("index", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer, nullable=False),
        sa.Column("heading", sa.Boolean, nullable=False),
    )
    op.create_table(
        "sentence_labels",
        sa.Column("document_id", sa.String(64), primary_key=True),
        sa.Column("sentence_index", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("taxonomy", sa.String(16), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("score", sa.Double, nullable=False),
        sa.ForeignKeyConstraint(*_SENTENCE_FK, ondelete="CASCADE"),
    )
    op.create_index("ix_sentence_labels_label", "sentence_labels", ["taxonomy", "label"])
    op.create_table(
        "quantities",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("sentence_index", sa.Integer, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value", sa.Double, nullable=False),
        sa.Column("value_max", sa.Double),
        sa.Column("unit", sa.Text),
        sa.Column("comparator", sa.String(8), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("change", sa.String(8)),
        sa.Column("year", sa.Integer),
        sa.Column("subject", sa.Text),
        sa.Column("subject_start", sa.Integer),
        sa.Column("subject_end", sa.Integer),
        sa.Column("region", sa.Text),
        sa.ForeignKeyConstraint(*_SENTENCE_FK, ondelete="CASCADE"),
        sa.UniqueConstraint("document_id", "position", name="uq_quantities_document_position"),
    )
    op.create_index("ix_quantities_kind_year", "quantities", ["kind", "year"])
    op.create_table(
        "term_counts",
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("term", sa.Text, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
    )
    op.create_index("ix_term_counts_term", "term_counts", ["term"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("document_id", sa.String(64)),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("jobs", "term_counts", "quantities", "sentence_labels", "sentences", "documents"):
        op.drop_table(table)
