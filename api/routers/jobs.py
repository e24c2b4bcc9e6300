"""GET /jobs/{job_id}: the status of a background upload."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import JobDep

router = APIRouter(tags=["jobs"])


class JobOut(BaseModel):
    job_id: str
    status: Literal["queued", "running", "done", "failed"]
    error: str | None = None
    document_id: str | None = None
    source: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job: JobDep) -> dict[str, Any]:
    return {**job, "job_id": job.get("job_id") or job.get("id")}
