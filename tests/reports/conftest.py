"""Reports read a store: the same SQLite/PostgreSQL fixtures as the store tests."""

from tests.store.conftest import store, url  # noqa: F401  (re-exported fixtures)
