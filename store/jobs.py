"""Ingestion jobs: a row per submitted source, its status and outcome."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from store.models import jobs

JOB_STATUSES = ("queued", "running", "done", "failed")


def iso(value: datetime | None) -> str | None:
    """ISO 8601 in UTC; SQLite hands back naive datetimes that were stored as UTC."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()


def create_job(conn: sa.Connection, source: str) -> str:
    job_id = str(uuid.uuid4())
    now = datetime.now(UTC)
    conn.execute(
        jobs.insert().values(id=job_id, status="queued", source=source, created_at=now, updated_at=now)
    )
    return job_id


def update_job(
    conn: sa.Connection, job_id: str, status: str, error: str | None = None, document_id: str | None = None
) -> None:
    if status not in JOB_STATUSES:
        raise ValueError(f"unknown job status {status!r}; expected one of {', '.join(JOB_STATUSES)}")
    values: dict[str, Any] = {"status": status, "error": error, "updated_at": datetime.now(UTC)}
    if document_id is not None:
        values["document_id"] = document_id
    result = conn.execute(jobs.update().where(jobs.c.id == job_id).values(**values))
    if result.rowcount == 0:
        raise KeyError(job_id)


def get_job(conn: sa.Connection, job_id: str) -> dict[str, Any] | None:
    row = conn.execute(sa.select(jobs).where(jobs.c.id == job_id)).mappings().first()
    if row is None:
        return None
    job = dict(row)
    job["created_at"], job["updated_at"] = iso(row["created_at"]), iso(row["updated_at"])
    return job
