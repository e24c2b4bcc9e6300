"""Quantity and sentence queries shared by the HTTP API and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from nlp.taxonomy import list_taxonomies, load_taxonomy
from store.db import QuantityQuery, SentenceQuery, Store
from store.queries import InvalidQuery, check_sentence_query

EXPORT_PAGE = 500
COMPARATORS = ("eq", "gt", "ge", "lt", "le", "approx", "range")  # SCHEMA.md's vocabulary

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
    """A store query from the given filters; None means "any". InvalidQuery when they clash."""
    query = SentenceQuery(**{k: v for k, v in filters.items() if v is not None})
    check_sentence_query(query)  # now, so a usage error comes before opening the database
    return query


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


@lru_cache(maxsize=4)
def _cluster_labels(taxonomy: str) -> tuple[list[str], frozenset[str]]:
    """The taxonomy's cluster labels, and every label a stored sentence can carry.

    Uploads may pick any built-in taxonomy, so their labels are accepted too.
    """
    own = load_taxonomy(taxonomy).cluster_labels
    others = (label for name in list_taxonomies() for label in load_taxonomy(name).cluster_labels)
    return own, frozenset([*own, *others])


def check_cluster(label: str | None, taxonomy: str) -> None:
    """InvalidQuery for a cluster label no taxonomy has: it would silently match nothing."""
    if label is None:
        return
    own, known = _cluster_labels(taxonomy)
    if label not in known:
        raise InvalidQuery(f"cluster: unknown label {label!r} (taxonomy {taxonomy}: {', '.join(own)})")
