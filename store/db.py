"""`Store`: the one entry point to persistence (SQLite file or memory, PostgreSQL by URL).

Documents are saved whole or not at all, keyed by the sha256 of their source
bytes, so saving the same document twice changes nothing.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from nlp.records import Analysis
from store import codec, duplicates, jobs, queries, terms
from store.engine import make_engine, migrate
from store.models import documents, quantities, sentence_labels, sentences, term_counts
from store.queries import QuantityQuery, SentenceQuery


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- documents -----------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(documents.c.id).where(documents.c.id == doc_id)).first() is not None

    def save_analysis(self, analysis: Analysis, term_counts: dict[str, int] | None = None) -> bool:
        """Save in one transaction; False (and nothing changes) when the document is already stored."""
        codec.check_offsets(analysis)
        doc_id = analysis.document.id
        if self.has_document(doc_id):
            return False
        chars, text_sketch = duplicates.fingerprint(analysis.document.text)
        # looked up before the write transaction, so that one stays insert-only (no stale-read
        # conflicts between concurrent SQLite writers); `settle` below mends the copies saved
        # at the same instant, which miss each other here
        with self.engine.connect() as conn:
            original = duplicates.find_original(conn, text_sketch, chars)
            raws = [q.raw for q in analysis.quantities]
            revised = (
                original
                if original and duplicates.is_revision(conn, original, raws, analysis.document.date)
                else None
            )
        if revised:
            original = None  # a corrected version: it becomes the original, see below
        copy = {"text_chars": chars, "sketch": text_sketch, "duplicate_of": original}
        try:
            with self.engine.begin() as conn:
                _write(conn, analysis, term_counts or {}, copy)
        except IntegrityError:
            if self.has_document(doc_id):  # another writer saved the same bytes first
                return False
            raise
        if revised:
            duplicates.supersede(self.engine, revised, doc_id)
        elif original is None:
            duplicates.settle(self.engine, doc_id, text_sketch, chars)
        return True

    def taxonomy_of(self, doc_id: str) -> str | None:
        """The taxonomy ("name version") a stored document's sentences are labelled with."""
        with self.engine.connect() as conn:
            meta = conn.execute(
                sa.select(documents.c.meta).where(documents.c.id == doc_id)
            ).scalar_one_or_none()
        return (meta or {}).get("taxonomy")

    def duplicate_of(self, doc_id: str) -> str | None:
        """The id of the stored original this document's text repeats, or None."""
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(documents.c.duplicate_of).where(documents.c.id == doc_id)
            ).scalar_one_or_none()

    def get_analysis(self, doc_id: str) -> Analysis | None:
        with self.engine.connect() as conn:
            doc = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).mappings().first()
            if doc is None:
                return None
            sents = _rows(conn, sentences, sentences.c.document_id == doc_id, sentences.c.index)
            labels = _rows(
                conn, sentence_labels, sentence_labels.c.document_id == doc_id, sentence_labels.c.position
            )
            quants = _rows(conn, quantities, quantities.c.document_id == doc_id, quantities.c.position)
        return codec.build_analysis(doc, sents, labels, quants)

    def list_documents(
        self,
        q: str | None = None,
        region: str | None = None,
        kind: str | None = None,
        cursor: str | None = None,
        limit: int = 50,
        include_duplicates: bool = False,
    ) -> tuple[list[dict[str, Any]], str | None]:
        with self.engine.connect() as conn:
            return queries.list_documents(
                conn, q=q, region=region, kind=kind, cursor=cursor, limit=limit,
                include_duplicates=include_duplicates,
            )  # fmt: skip

    def query_quantities(
        self, query: QuantityQuery | None = None, cursor: str | None = None, limit: int = 100
    ) -> tuple[list[dict[str, Any]], str | None]:
        with self.engine.connect() as conn:
            return queries.query_quantities(conn, query or QuantityQuery(), cursor=cursor, limit=limit)

    def query_sentences(
        self, query: SentenceQuery | None = None, cursor: str | None = None, limit: int = 100
    ) -> tuple[list[dict[str, Any]], str | None]:
        """InvalidQuery (a ValueError) for min_score without a cluster or theme."""
        with self.engine.connect() as conn:
            return queries.query_sentences(conn, query or SentenceQuery(), cursor=cursor, limit=limit)

    # --- reports' raw data ---------------------------------------------------------

    def term_occurrences(self, terms_: list[str], by: str) -> dict[str, Any]:
        """{"buckets": {bucket: {documents, chars}}, "terms": {term: {bucket: {occurrences, documents}}}}."""
        with self.engine.connect() as conn:
            return {
                "buckets": terms.bucket_totals(conn, by),
                "terms": {t: terms.occurrences(conn, t, by) for t in terms_},
            }

    def term_count_totals(self, by: str) -> tuple[dict[Any, int], dict[tuple[str, Any], int]]:
        with self.engine.connect() as conn:
            return terms.term_count_totals(conn, by)

    # --- jobs ----------------------------------------------------------------------

    def create_job(self, source: str) -> str:
        with self.engine.begin() as conn:
            return jobs.create_job(conn, source)

    def update_job(
        self, job_id: str, status: str, error: str | None = None, document_id: str | None = None
    ) -> None:
        """Set a job's status (queued|running|done|failed); KeyError for an unknown job."""
        with self.engine.begin() as conn:
            jobs.update_job(conn, job_id, status, error=error, document_id=document_id)

    def get_job(self, job_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return jobs.get_job(conn, job_id)


def _rows(conn: sa.Connection, table: sa.Table, where: sa.ColumnElement[bool], *order: Any) -> list[Any]:
    return list(conn.execute(sa.select(table).where(where).order_by(*order)).mappings())


def _write(conn: sa.Connection, analysis: Analysis, counts: dict[str, int], copy: dict[str, Any]) -> None:
    """Insert every row of one analysis; the caller's transaction makes it all or nothing."""
    doc_id = analysis.document.id
    conn.execute(documents.insert(), {**codec.document_row(analysis.document), **copy})
    steps = (
        (sentences, lambda: codec.sentence_rows(doc_id, analysis.sentences)),
        (sentence_labels, lambda: codec.label_rows(doc_id, analysis.sentences)),
        (quantities, lambda: codec.quantity_rows(doc_id, analysis.quantities)),
        (term_counts, lambda: codec.term_rows(doc_id, counts)),
    )
    for table, rows in steps:
        batch = rows()  # built step by step, so a failure can strike after earlier inserts
        if batch:
            conn.execute(table.insert(), batch)
