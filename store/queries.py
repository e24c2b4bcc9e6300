"""Read queries for the API: document lists, quantity and sentence search, with keyset pagination.

A cursor is the sort key of the last item returned, JSON in URL-safe base64:
opaque to callers, stable under inserts, no OFFSET scans.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from nlp.records import plain_number
from store.codec import QUANTITY_FIELDS
from store.jobs import iso
from store.models import documents, quantities, sentence_labels, sentences

MAX_LIMIT = 1000


class InvalidCursor(ValueError):
    """A cursor string this store did not hand out."""


class InvalidQuery(ValueError):
    """Filters that make no sense together (the caller's mistake, not a store defect)."""


@dataclass(frozen=True)
class QuantityQuery:
    kind: str | None = None  # target | actual
    year: int | None = None  # the quantity's year
    cluster: str | None = None  # a cluster label of the sentence
    theme: str | None = None  # a theme label of the sentence
    region: str | None = None  # substring of the document's or the quantity's region
    q: str | None = None  # substring of the sentence text or the subject
    unit: str | None = None
    document_id: str | None = None
    include_duplicates: bool = False  # copies of stored texts are left out unless asked for
    comparator: str | None = None  # eq | gt | ge | lt | le | approx | range
    min_value: float | None = None  # value (a range's lower bound) is at least this
    max_value: float | None = None  # value (a range's lower bound) is at most this


@dataclass(frozen=True)
class SentenceQuery:
    cluster: str | None = None  # a cluster label of the sentence
    theme: str | None = None  # a theme label of the sentence
    min_score: float | None = None  # the cluster/theme label's score is at least this
    region: str | None = None  # substring of the document's region
    year: int | None = None  # the document's year
    kind: str | None = None  # the document's kind: policy | news | other
    q: str | None = None  # substring of the sentence text
    document_id: str | None = None
    headings: bool = False  # headings are left out unless asked for
    include_duplicates: bool = False  # copies of stored texts are left out unless asked for


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, ensure_ascii=False).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise InvalidCursor(f"invalid cursor {cursor!r}") from exc
    if not isinstance(key, list) or len(key) != size:
        raise InvalidCursor(f"invalid cursor {cursor!r}")
    return key


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def after(order: list[tuple[sa.ColumnElement[Any], bool]], key: list[Any]) -> sa.ColumnElement[bool]:
    """Rows strictly after `key` in `order` ((expression, descending) pairs; no NULLs)."""
    clauses = []
    for i, (expr, desc) in enumerate(order):
        equal = [e == v for (e, _), v in zip(order[:i], key[:i], strict=True)]
        clauses.append(sa.and_(*equal, expr < key[i] if desc else expr > key[i]))
    return sa.or_(*clauses)


def contains(expr: sa.ColumnElement[Any], needle: str) -> sa.ColumnElement[bool]:
    """Case-insensitive (ASCII) substring test that treats % and _ literally."""
    return sa.func.lower(sa.func.coalesce(expr, "")).contains(needle.lower(), autoescape=True)


def text_matcher(dialect: str, needle: str) -> Callable[[str | None], bool]:
    """Python's twin of `contains(expr, needle)` on a `dialect` database, for text cut out in Python.

    The SQL test lower()s the text and LIKEs the Python-lowered needle: SQLite's lower() and LIKE
    fold ASCII letters only, PostgreSQL's lower() folds every letter and its LIKE none.
    """
    wanted = needle.lower()
    if dialect == "sqlite":  # bytes.lower() folds ASCII only; UTF-8 multi-byte characters have no ASCII bytes
        return lambda text: wanted in (text or "").encode().lower().decode()
    # PostgreSQL maps one character to one (İ → i); Python's full mapping has İ → i + U+0307, the
    # only letter whose two mappings differ
    return lambda text: wanted in (text or "").replace("İ", "i").lower()


def _document_texts(conn: sa.Connection, ids: set[str]) -> dict[str, str]:
    d = documents
    return {doc: text for doc, text in conn.execute(sa.select(d.c.id, d.c.text).where(d.c.id.in_(ids)))}


def cut_sentences(
    conn: sa.Connection, rows: list[dict[str, Any]], key: str, start: str, end: str
) -> list[dict[str, Any]]:
    """`rows` with `key` set to the text between their `start` and `end` offsets in their document.

    SQL substr(text, start + 1, n) walks a UTF-8 text from its first character for every row:
    quadratic in the rows of one long document (760k characters on one line: 5 s for an export of
    5,000). Each document's text is fetched once per batch instead, and sliced here.
    """
    if not rows:
        return rows
    texts = _document_texts(conn, {r["document_id"] for r in rows})
    for r in rows:
        r[key] = texts[r["document_id"]][r[start] : r[end]]
    return rows


# Completes a batch of result rows in Python (sentence texts) and keeps those a Python-side filter passes.
Finish = Callable[[sa.Connection, list[dict[str, Any]]], list[dict[str, Any]]]


def page(
    conn: sa.Connection,
    stmt: sa.Select,
    order: list[tuple[Any, bool]],
    cursor: str | None,
    limit: int,
    finish: Finish | None = None,
    *,
    drops: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    """Run `stmt` from `cursor` for `limit` rows; the sort key columns are labelled k0, k1, ...

    `finish` completes each batch of rows; when it `drops` rows the query has no LIMIT and is
    read batch by batch until `limit` rows (and one more, to know there is a next page) are kept.
    """
    check_limit(limit)
    if cursor:  # an empty cursor (?cursor=) is the first page, as a web form sends it
        stmt = stmt.where(after(order, decode_cursor(cursor, len(order))))
    stmt = stmt.add_columns(*(e.label(f"k{i}") for i, (e, _) in enumerate(order)))
    stmt = stmt.order_by(*(e.desc() if d else e.asc() for e, d in order))
    # with `drops`, read on batch by batch (a server-side cursor on PostgreSQL) until enough are kept
    stmt = stmt.execution_options(yield_per=limit + 1) if drops else stmt.limit(limit + 1)
    rows: list[dict[str, Any]] = []
    result = conn.execute(stmt)
    try:
        for batch in result.mappings().partitions(limit + 1):
            fetched = [dict(r) for r in batch]
            rows += finish(conn, fetched) if finish else fetched
            if len(rows) > limit:
                break
    finally:
        result.close()
    more = len(rows) > limit
    rows = rows[:limit]
    keys = [[r.pop(f"k{i}") for i in range(len(order))] for r in rows]
    return rows, encode_cursor(keys[-1]) if more else None


def list_documents(
    conn: sa.Connection,
    q: str | None = None,
    region: str | None = None,
    kind: str | None = None,
    cursor: str | None = None,
    limit: int = 50,
    include_duplicates: bool = False,
) -> tuple[list[dict[str, Any]], str | None]:
    """Documents newest first (undated last), filtered by title/text substring, region and kind.

    Copies of stored texts (`duplicate_of` set) are left out unless `include_duplicates`.
    """
    d = documents
    n_quantities = (
        sa.select(sa.func.count())
        .where(quantities.c.document_id == d.c.id)
        .scalar_subquery()
        .label("quantities")
    )
    stmt = sa.select(
        d.c.id, d.c.source, d.c.format, d.c.title, d.c.kind, d.c.issuer, d.c.doc_number, d.c.date,
        d.c.region, d.c.period_start, d.c.period_end, d.c.pages, d.c.created_at, d.c.duplicate_of,
        n_quantities,
    )  # fmt: skip
    if not include_duplicates:
        stmt = stmt.where(d.c.duplicate_of.is_(None))
    if q:
        stmt = stmt.where(sa.or_(contains(d.c.title, q), contains(d.c.text, q)))
    if region:
        stmt = stmt.where(contains(d.c.region, region))
    if kind:
        stmt = stmt.where(d.c.kind == kind)
    order = [(sa.func.coalesce(d.c.date, ""), True), (d.c.id, False)]
    rows, nxt = page(conn, stmt, order, cursor, limit)
    for r in rows:
        start, end = r.pop("period_start"), r.pop("period_end")
        r["period"] = [start, end] if start is not None else None
        r["created_at"] = iso(r["created_at"])
    return rows, nxt


def ids_with_prefix(conn: sa.Connection, prefix: str, limit: int = 2) -> list[str]:
    """Up to `limit` document ids starting with `prefix` (the short ids people copy from the CLI)."""
    d = documents
    stmt = sa.select(d.c.id).where(d.c.id.startswith(prefix, autoescape=True)).order_by(d.c.id).limit(limit)
    return list(conn.execute(stmt).scalars())


def _quantity_filters(query: QuantityQuery) -> list[sa.ColumnElement[bool]]:
    """Every filter but `q`, which tests the sentence text: _cut_and_match applies it."""
    qt, d = quantities, documents
    where: list[sa.ColumnElement[bool]] = []
    equal = (
        ("kind", query.kind),
        ("year", query.year),
        ("unit", query.unit),
        ("comparator", query.comparator),
    )
    for column, value in equal:
        if value is not None:
            where.append(qt.c[column] == value)
    if query.min_value is not None:
        where.append(qt.c.value >= query.min_value)
    if query.max_value is not None:
        where.append(qt.c.value <= query.max_value)
    if query.document_id:
        where.append(qt.c.document_id == query.document_id)
    elif not query.include_duplicates:
        where.append(d.c.duplicate_of.is_(None))
    if query.region:
        where.append(sa.or_(contains(d.c.region, query.region), contains(qt.c.region, query.region)))
    for taxonomy, label in (("cluster", query.cluster), ("theme", query.theme)):
        if label:
            where.append(_labelled(qt.c.document_id, qt.c.sentence_index, taxonomy, label))
    return where


def _labelled(
    document_id: sa.ColumnElement[str],
    sentence_index: sa.ColumnElement[int],
    taxonomy: str,
    label: str,
    min_score: float | None = None,
) -> sa.ColumnElement[bool]:
    """The sentence (document_id, sentence_index) carries `label` in `taxonomy`, scored >= min_score.

    A set membership test, not a correlated EXISTS: SQLite answered EXISTS by scanning every
    sentence carrying the label once per candidate sentence (0.9 s for a 100-row page of 34
    reports); the uncorrelated set is built once from the label index (ix_sentence_labels_label).
    """
    lab = sentence_labels
    where = [lab.c.taxonomy == taxonomy, lab.c.label == label]
    if min_score is not None:
        where.append(lab.c.score >= min_score)
    carrying = sa.select(lab.c.document_id, lab.c.sentence_index).where(*where)
    return sa.tuple_(document_id, sentence_index).in_(carrying)


def _document_columns() -> list[sa.ColumnElement[Any]]:
    """What a search result says about the document it comes from."""
    d = documents
    return [
        d.c.id.label("document_id"),
        d.c.source,
        d.c.title,
        d.c.date.label("document_date"),
        d.c.kind.label("document_kind"),
        d.c.region.label("document_region"),
    ]


def _cut_and_match(q: str | None, key: str, start: str, end: str, fields: tuple[str, ...]) -> Finish:
    """Cut each row's `key` text out of its document by its `start`/`end` offsets; with `q`, keep
    the rows where one of `fields` holds it (a quantity's sentence or subject, a sentence's text)."""

    def finish(conn: sa.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        cut_sentences(conn, rows, key, start, end)
        if not q:
            return rows
        has = text_matcher(conn.dialect.name, q)
        return [r for r in rows if any(has(r[f]) for f in fields)]

    return finish


def query_quantities(
    conn: sa.Connection, query: QuantityQuery, cursor: str | None = None, limit: int = 100
) -> tuple[list[dict[str, Any]], str | None]:
    """Quantities with their document and sentence, ordered by document date, document id, offset."""
    qt, d, s = quantities, documents, sentences
    stmt = (
        sa.select(
            *(qt.c[f] for f in QUANTITY_FIELDS),
            *_document_columns(),
            sa.null().label("sentence"),  # cut out in Python (cut_sentences); here for the key order
            s.c.page,
            s.c.start.label("sentence_start"),
            s.c.end.label("sentence_end"),
        )
        .select_from(qt.join(d, d.c.id == qt.c.document_id))
        .join(s, sa.and_(s.c.document_id == qt.c.document_id, s.c.index == qt.c.sentence_index))
        .where(*_quantity_filters(query))
    )
    order = [(sa.func.coalesce(d.c.date, ""), False), (d.c.id, False), (qt.c.start, False), (qt.c.id, False)]
    rows, nxt = page(
        conn,
        stmt,
        order,
        cursor,
        limit,
        _cut_and_match(query.q, "sentence", "sentence_start", "sentence_end", ("sentence", "subject")),
        drops=bool(query.q),
    )
    for row in rows:  # as analyse --json writes them: 8e11 is 800000000000, not 800000000000.0
        row["value"], row["value_max"] = plain_number(row["value"]), plain_number(row["value_max"])
    _attach_labels(conn, rows)
    return rows, nxt


def _labels_of(
    conn: sa.Connection, wanted: set[tuple[str, int]]
) -> dict[tuple[str, int, str], list[dict[str, Any]]]:
    """{(document id, sentence index, taxonomy): [{"label", "score"}, ...]} in stored position order."""
    found: dict[tuple[str, int, str], list[dict[str, Any]]] = {}
    if not wanted:
        return found
    lab = sentence_labels
    stmt = (
        sa.select(lab.c.document_id, lab.c.sentence_index, lab.c.taxonomy, lab.c.label, lab.c.score)
        .where(lab.c.document_id.in_({doc for doc, _ in wanted}))
        .where(lab.c.sentence_index.in_({idx for _, idx in wanted}))
        .order_by(lab.c.position)
    )
    for doc, idx, taxonomy, label, score in conn.execute(stmt):
        found.setdefault((doc, idx, taxonomy), []).append({"label": label, "score": score})
    return found


def _attach_labels(
    conn: sa.Connection,
    rows: list[dict[str, Any]],
    index_key: str = "sentence_index",
    *,
    scores: bool = False,
) -> None:
    """Add each row's sentence `clusters` and `themes`: label names, or {"label", "score"} with `scores`."""
    found = _labels_of(conn, {(r["document_id"], r[index_key]) for r in rows})
    for r in rows:
        for taxonomy, key in (("cluster", "clusters"), ("theme", "themes")):
            labels = found.get((r["document_id"], r[index_key], taxonomy), [])
            r[key] = labels if scores else [lab["label"] for lab in labels]


def _sentence_filters(query: SentenceQuery) -> list[sa.ColumnElement[bool]]:
    """Every filter but `q`, which tests the sentence text: _cut_and_match applies it."""
    s, d = sentences, documents
    where: list[sa.ColumnElement[bool]] = []
    if not query.headings:
        where.append(sa.not_(s.c.heading))
    for column, value in (("year", query.year), ("kind", query.kind), ("id", query.document_id)):
        if value is not None:
            where.append(d.c[column] == value)
    if query.document_id is None and not query.include_duplicates:
        where.append(d.c.duplicate_of.is_(None))
    if query.region:
        where.append(contains(d.c.region, query.region))
    for taxonomy, label in (("cluster", query.cluster), ("theme", query.theme)):
        if label:
            where.append(_labelled(s.c.document_id, s.c.index, taxonomy, label, query.min_score))
    return where


def check_sentence_query(query: SentenceQuery) -> None:
    # A score threshold on no label would silently be ignored: refuse it instead.
    if query.min_score is not None and not (query.cluster or query.theme):
        raise InvalidQuery("min_score needs a cluster or theme: it is the lowest score of those labels")


def query_sentences(
    conn: sa.Connection, query: SentenceQuery, cursor: str | None = None, limit: int = 100
) -> tuple[list[dict[str, Any]], str | None]:
    """Sentences with their document and scored labels, ordered by document date, document id, index."""
    check_sentence_query(query)
    d, s = documents, sentences
    stmt = (
        sa.select(
            *_document_columns(),
            s.c.index,
            s.c.page,
            s.c.start,
            s.c.end,
            sa.null().label("text"),  # cut out in Python (cut_sentences); here for the key order
            s.c.heading,
        )
        .select_from(s.join(d, d.c.id == s.c.document_id))
        .where(*_sentence_filters(query))
    )
    order = [(sa.func.coalesce(d.c.date, ""), False), (d.c.id, False), (s.c.index, False)]
    rows, nxt = page(
        conn,
        stmt,
        order,
        cursor,
        limit,
        _cut_and_match(query.q, "text", "start", "end", ("text",)),
        drops=bool(query.q),
    )
    _attach_labels(conn, rows, "index", scores=True)
    return rows, nxt
