"""GET /jobs/{job_id}: the status of a background upload."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel

from api.deps import JobDep, StoreDep

router = APIRouter(tags=["jobs"])


class JobOut(BaseModel):
    job_id: str
    status: Literal["queued", "running", "done", "failed"]
    error: str | None = None
    document_id: str | None = None
    source: str | None = None
    created_at: str | None = None
    updated_at: str | None = None
    duplicate_of: str | None = None  # done, and the text repeats this stored original's


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job: JobDep, store: StoreDep) -> dict[str, Any]:
    done = job["status"] == "done" and job.get("document_id")
    copy_of = store.duplicate_of(job["document_id"]) if done else None
    return {**job, "job_id": job.get("job_id") or job.get("id"), "duplicate_of": copy_of}
