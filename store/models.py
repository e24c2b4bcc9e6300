"""Table definitions: the current schema, as SQLAlchemy Core tables.

Alembic migrations in store/migrations build this schema; a test checks that
the migrated database and these tables agree. Sentence text is never stored:
a sentence is (start, end) into `documents.text`.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # sha256 of the source bytes
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("format", sa.String(8), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("issuer", sa.Text),
    sa.Column("doc_number", sa.Text),
    sa.Column("date", sa.String(10)),  # YYYY-MM-DD
    sa.Column("year", sa.Integer),  # from date, for grouping
    sa.Column("region", sa.Text),
    sa.Column("period_start", sa.Integer),
    sa.Column("period_end", sa.Integer),
    sa.Column("pages", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),  # cleaned text; every offset points into it
    sa.Column("page_spans", sa.JSON, nullable=False),
    sa.Column("headings", sa.JSON, nullable=False),
    sa.Column("meta", sa.JSON, nullable=False),
    sa.Column("problems", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    # copies of a stored text (store/duplicates.py): left out of queries and trends
    sa.Column("text_chars", sa.Integer),  # CJK characters, letters and digits of the text
    sa.Column("sketch", sa.JSON),  # bottom-k MinHash of the text's windows
    sa.Column("duplicate_of", sa.String(64)),  # id of the stored original, or null
    sa.Index("ix_documents_year", "year"),
    sa.Index("ix_documents_text_chars", "text_chars"),
    sa.Index("ix_documents_duplicate_of", "duplicate_of"),
    sa.Index("ix_documents_date_id", "date", "id"),
)

sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column(
        "document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("index", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("page", sa.Integer, nullable=False),
    sa.Column("heading", sa.Boolean, nullable=False),
)

sentence_labels = sa.Table(
    "sentence_labels",
    metadata,
    sa.Column("document_id", sa.String(64), primary_key=True),
    sa.Column("sentence_index", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("taxonomy", sa.String(16), primary_key=True),  # "cluster" | "theme"
    sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),  # order in the record
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("score", sa.Double, nullable=False),
    sa.ForeignKeyConstraint(
        ["document_id", "sentence_index"],
        ["sentences.document_id", "sentences.index"],
        ondelete="CASCADE",
    ),
    sa.Index("ix_sentence_labels_label", "taxonomy", "label"),
)

quantities = sa.Table(
    "quantities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(64), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),  # order in the record
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),  # == documents.text[start:end], kept for querying
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
    sa.ForeignKeyConstraint(
        ["document_id", "sentence_index"],
        ["sentences.document_id", "sentences.index"],
        ondelete="CASCADE",
    ),
    sa.UniqueConstraint("document_id", "position", name="uq_quantities_document_position"),
    sa.Index("ix_quantities_kind_year", "kind", "year"),
)

term_counts = sa.Table(
    "term_counts",
    metadata,
    sa.Column(
        "document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("term", sa.Text, primary_key=True),
    sa.Column("count", sa.Integer, nullable=False),
    sa.Index("ix_term_counts_term", "term"),
)

jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),  # uuid4
    sa.Column("status", sa.String(8), nullable=False),  # queued | running | done | failed
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("document_id", sa.String(64)),  # no FK: a job may name a document before it is saved
    sa.Column("error", sa.Text),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
