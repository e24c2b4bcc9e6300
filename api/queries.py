"""Quantity and sentence queries shared by the HTTP API and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from store.db import QuantityQuery, SentenceQuery, Store

EXPORT_PAGE = 500

Fetch = Callable[[str | None], tuple[list[dict[str, Any]], str | None]]


def quantity_query(**filters: Any) -> QuantityQuery:
    """A store query from the given filters; None means "any"."""
    return QuantityQuery(**{k: v for k, v in filters.items() if v is not None})


def quantity_page(
    store: Store, query: QuantityQuery, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    return store.query_quantities(query, cursor=cursor, limit=limit)


def all_quantities(store: Store, query: QuantityQuery, cursor: str | None = None) -> Iterator[dict[str, Any]]:
    """Every match from `cursor` on, fetched page by page."""
    return _every(lambda c: store.query_quantities(query, cursor=c, limit=EXPORT_PAGE), cursor)


def sentence_query(**filters: Any) -> SentenceQuery:
    """A store query from the given filters; None means "any"."""
    return SentenceQuery(**{k: v for k, v in filters.items() if v is not None})


def sentence_page(
    store: Store, query: SentenceQuery, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    return store.query_sentences(query, cursor=cursor, limit=limit)


def all_sentences(store: Store, query: SentenceQuery, cursor: str | None = None) -> Iterator[dict[str, Any]]:
    """Every match from `cursor` on, fetched page by page."""
    return _every(lambda c: store.query_sentences(query, cursor=c, limit=EXPORT_PAGE), cursor)


def _every(fetch: Fetch, cursor: str | None) -> Iterator[dict[str, Any]]:
    while True:
        items, cursor = fetch(cursor)
        yield from items
        if not cursor:
            return
