"""GET /health: the service is up and its database answers."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.errors import ApiError

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(store: StoreDep) -> dict[str, str]:
    try:
        await run_in_threadpool(store.list_documents, limit=1)
    except Exception as exc:  # a dead database is reported, not raised as a 500
        raise ApiError(503, "unavailable", f"database unavailable: {type(exc).__name__}") from exc
    return {"status": "ok"}
