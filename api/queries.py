"""Quantity queries shared by the HTTP API and the CLI."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from store.db import QuantityQuery, Store

EXPORT_PAGE = 500


def quantity_query(**filters: Any) -> QuantityQuery:
    """A store query from the given filters; None means "any"."""
    return QuantityQuery(**{k: v for k, v in filters.items() if v is not None})


def quantity_page(
    store: Store, query: QuantityQuery, cursor: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    return store.query_quantities(query, cursor=cursor, limit=limit)


def all_quantities(store: Store, query: QuantityQuery, cursor: str | None = None) -> Iterator[dict[str, Any]]:
    """Every match from `cursor` on, fetched page by page."""
    while True:
        items, cursor = store.query_quantities(query, cursor=cursor, limit=EXPORT_PAGE)
        yield from items
        if not cursor:
            return
