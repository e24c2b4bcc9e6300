"""Raw counts behind keyword trends: exact substring occurrences per bucket.

Counting is done in SQL with (length(text) - length(replace(text, term, ''))) / length(term),
which counts non-overlapping occurrences left to right exactly like Python's
str.count, on SQLite and PostgreSQL alike, and never depends on tokenisation.
Copies of a stored text (documents.duplicate_of) are left out, so a report
stored as DOCX and as PDF counts once.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from store.models import documents, term_counts

BUCKETS = ("year", "month", "region", "kind")
# a text stored twice (a report as DOCX and as PDF) is counted once: copies are left out
ORIGINALS = documents.c.duplicate_of.is_(None)


def bucket_expr(by: str) -> sa.ColumnElement[Any]:
    d = documents
    exprs: dict[str, sa.ColumnElement[Any]] = {
        "year": d.c.year,
        # a date known only to the year (stored as YYYY-01-01) has no month: not January
        "month": sa.case(
            (d.c.meta["date_precision"].as_string() == "year", sa.null()),
            else_=sa.func.substr(d.c.date, 1, 7),
        ),
        "region": d.c.region,
        "kind": d.c.kind,
    }
    if by not in exprs:
        raise ValueError(f"unknown bucket {by!r}; expected one of {', '.join(BUCKETS)}")
    return exprs[by]


def bucket_totals(conn: sa.Connection, by: str) -> dict[Any, dict[str, int]]:
    """Documents and characters of cleaned text per bucket (None = unknown)."""
    bucket = bucket_expr(by).label("bucket")
    stmt = (
        sa.select(bucket, sa.func.count(), sa.func.sum(sa.func.length(documents.c.text)))
        .where(ORIGINALS)
        .group_by(bucket)
    )
    return {b: {"documents": n, "chars": int(chars or 0)} for b, n, chars in conn.execute(stmt)}


def occurrences(conn: sa.Connection, term: str, by: str) -> dict[Any, dict[str, int]]:
    """Occurrences of `term` and documents containing it, per bucket (buckets without it omitted)."""
    if not term:
        raise ValueError("empty term")
    text = documents.c.text
    # length(term) is bound as a Python int: PostgreSQL cannot type length($1) of a bare parameter
    count = (sa.func.length(text) - sa.func.length(sa.func.replace(text, term, ""))) // len(term)
    # LIKE is a cheap prefilter (case-insensitive on SQLite); the exact count decides
    per_doc = (
        sa.select(bucket_expr(by).label("bucket"), count.label("n"))
        .where(ORIGINALS, text.contains(term, autoescape=True), count > 0)
        .subquery()
    )
    stmt = sa.select(per_doc.c.bucket, sa.func.sum(per_doc.c.n), sa.func.count()).group_by(per_doc.c.bucket)
    return {b: {"occurrences": int(n), "documents": docs} for b, n, docs in conn.execute(stmt)}


def term_count_totals(conn: sa.Connection, by: str) -> tuple[dict[Any, int], dict[tuple[str, Any], int]]:
    """From stored token counts: tokens per bucket, and count per (term, bucket)."""
    bucket = bucket_expr(by).label("bucket")
    joined = term_counts.join(documents, documents.c.id == term_counts.c.document_id)
    totals = (
        sa.select(bucket, sa.func.sum(term_counts.c.count))
        .select_from(joined)
        .where(ORIGINALS)
        .group_by(bucket)
    )
    per_term = (
        sa.select(term_counts.c.term, bucket, sa.func.sum(term_counts.c.count))
        .select_from(joined)
        .where(ORIGINALS)
        .group_by(term_counts.c.term, bucket)
    )
    tokens = {b: int(n) for b, n in conn.execute(totals)}
    counts = {(t, b): int(n) for t, b, n in conn.execute(per_term)}
    return tokens, counts
