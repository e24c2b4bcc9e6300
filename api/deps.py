"""What routes depend on: the app's services, the API key check and the repeated 404 lookups."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request

from api.errors import ApiError
from api.jobs import JobRunner, LazyPipeline
from api.settings import Settings
from nlp.records import Analysis
from store.db import Store
from store.queries import MAX_LIMIT, ids_with_prefix


@dataclass
class Services:
    """Everything the app owns for its lifetime, built by the lifespan in api.app."""

    settings: Settings
    store: Store
    pipeline: LazyPipeline
    runner: JobRunner


def get_services(request: Request) -> Services:
    return request.app.state.services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_settings_dep(services: ServicesDep) -> Settings:
    return services.settings


def get_store(services: ServicesDep) -> Store:
    return services.store


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[Store, Depends(get_store)]


def require_api_key(
    settings: SettingsDep, x_api_key: Annotated[str | None, Header(include_in_schema=False)] = None
) -> None:
    """401 without a key, 403 with a wrong one; open when no key is configured."""
    if settings.api_key is None:
        return
    if not x_api_key:
        raise ApiError(401, "unauthorized", "missing X-API-Key header")
    if not secrets.compare_digest(x_api_key.encode(), settings.api_key.encode()):
        raise ApiError(403, "forbidden", "wrong API key")


def page_limit(note: str = "") -> Any:
    """The `limit` query parameter of every list endpoint: bounded by the store's MAX_LIMIT, which
    every paged query checks too, so the API, the store and the OpenAPI page say the same number."""
    return Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}. {note}".strip())


ID_LENGTH = 64  # a document id is the sha256 of its bytes in hex


def full_document_id(doc_id: str, store: Store) -> str:
    """The whole id of the one document whose id starts with `doc_id`.

    People copy the 12-character ids the CLI prints; 404 when none matches, 409 when several do.
    """
    if len(doc_id) >= ID_LENGTH:
        return doc_id
    with store.engine.connect() as conn:
        found = ids_with_prefix(conn, doc_id.lower())
    if not found:
        raise ApiError(404, "not_found", f"no document {doc_id}")
    if len(found) > 1:
        raise ApiError(
            409, "ambiguous", f"several documents have ids starting with {doc_id}: give more characters"
        )
    return found[0]


def analysis_or_404(doc_id: str, store: StoreDep) -> Analysis:
    analysis = store.get_analysis(full_document_id(doc_id, store))
    if analysis is None:
        raise ApiError(404, "not_found", f"no document {doc_id}")
    return analysis


def job_or_404(job_id: str, store: StoreDep) -> dict[str, Any]:
    job = store.get_job(job_id)
    if job is None:
        raise ApiError(404, "not_found", f"no job {job_id}")
    return job


AnalysisDep = Annotated[Analysis, Depends(analysis_or_404)]
JobDep = Annotated[dict, Depends(job_or_404)]
