"""Copies of a stored text: documents.text_chars, sketch, duplicate_of (store/duplicates.py).

Documents stored before this revision get their sketch here, oldest first, so
a copy saved earlier points to the earliest stored original, as a new save
would.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from store import duplicates
from store.models import documents

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("text_chars", sa.Integer))
    op.add_column("documents", sa.Column("sketch", sa.JSON))
    op.add_column("documents", sa.Column("duplicate_of", sa.String(64)))
    op.create_index("ix_documents_text_chars", "documents", ["text_chars"])
    op.create_index("ix_documents_duplicate_of", "documents", ["duplicate_of"])
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    d = documents
    ids = conn.execute(sa.select(d.c.id).order_by(d.c.created_at, d.c.id)).scalars().all()
    for doc_id in ids:  # one text in memory at a time
        text = conn.execute(sa.select(d.c.text).where(d.c.id == doc_id)).scalar_one()
        chars, text_sketch = duplicates.fingerprint(text)
        original = duplicates.find_original(conn, text_sketch, chars)
        conn.execute(
            d.update()
            .where(d.c.id == doc_id)
            .values(text_chars=chars, sketch=text_sketch, duplicate_of=original)
        )


def downgrade() -> None:
    op.drop_index("ix_documents_duplicate_of", "documents")
    op.drop_index("ix_documents_text_chars", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("duplicate_of")
        batch.drop_column("sketch")
        batch.drop_column("text_chars")
