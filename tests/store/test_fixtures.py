from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.store import factory


def test_postgres_tests_skip_with_a_reason_only_without_binaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYSCOPE_TEST_PG_URL", raising=False)
    monkeypatch.setattr(factory, "postgres_bin_present", lambda: False)
    config = SimpleNamespace(stash=pytest.Stash())
    with pytest.raises(pytest.skip.Exception, match="no PostgreSQL binaries"):
        factory.pg_server_url(config)


def test_an_explicit_server_url_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYSCOPE_TEST_PG_URL", "postgresql+psycopg://u@db:5432/x")
    monkeypatch.setattr(factory, "postgres_bin_present", lambda: False)
    assert factory.pg_server_url(SimpleNamespace(stash=pytest.Stash())) == "postgresql+psycopg://u@db:5432/x"
