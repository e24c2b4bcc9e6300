"""Fixtures for the API and CLI tests: a tmp SQLite file per test, one Pipeline per session."""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette prefers httpx2 for its test client; httpx (installed) still works.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from typer.testing import CliRunner

from api import batch
from api.settings import ENV_PREFIX, Settings, get_settings
from tests.api.pdfs import chinese_pdf


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No POLICYSCOPE_* from the developer's shell, and no cached settings across tests."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIX):
            monkeypatch.delenv(name)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from nlp.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def make_client(db_url: str, pipeline: Any) -> Iterator[Callable[..., TestClient]]:
    """Build a started TestClient with setting overrides; all are closed at teardown."""
    clients: list[TestClient] = []

    from api.app import create_app

    def build(**overrides: Any) -> TestClient:
        settings = Settings(db=db_url, workers=1, **overrides)
        client = TestClient(create_app(settings, pipeline_factory=lambda: pipeline))
        client.__enter__()
        clients.append(client)
        return client

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture(scope="session")
def pdf_bytes() -> bytes:
    return chinese_pdf()


def wait_job(client: TestClient, job_id: str, timeout: float = 30.0) -> dict[str, Any]:
    """Poll GET /jobs/{id} until it is done or failed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']} after {timeout}s")


def upload(client: TestClient, data: bytes, name: str = "plan.pdf", **kwargs: Any) -> Any:
    return client.post("/documents", files={"file": (name, data, "application/pdf")}, **kwargs)


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, pipeline, db_url: str) -> CliRunner:
    """A runner on a tmp database whose commands reuse the session's Pipeline."""
    monkeypatch.setattr(batch, "worker_pipeline", lambda taxonomy: pipeline)
    monkeypatch.setenv("POLICYSCOPE_DB", db_url)
    return CliRunner()
