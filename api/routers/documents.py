"""Documents: upload (file or URL) for background analysis, list, and read one analysis record."""

from __future__ import annotations

from functools import partial
from pathlib import PurePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ValidationError
from starlette.datastructures import UploadFile

from api.deps import AnalysisDep, Services, ServicesDep, StoreDep, page_limit, require_api_key
from api.errors import ApiError
from api.fetch import fetch_url
from api.settings import Settings
from ingest.read import read_bytes
from ingest.records import document_id
from nlp.taxonomy import list_taxonomies

router = APIRouter(tags=["documents"])

CHUNK = 1 << 20
MULTIPART_SLACK = 64 * 1024  # room for multipart boundaries and headers around the file


class UrlIn(BaseModel):
    url: str


class Accepted(BaseModel):
    document_id: str
    job_id: str


class DocumentPage(BaseModel):
    items: list[dict[str, Any]]
    next: str | None


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "application/json": {"schema": UrlIn.model_json_schema()},
        },
    }
}


@router.post(
    "/documents",
    status_code=202,
    response_model=Accepted,
    dependencies=[Depends(require_api_key)],
    openapi_extra=UPLOAD_BODY,
    summary="Upload a document (multipart `file`) or name one by URL (JSON {url}) for analysis",
)
async def upload(
    request: Request,
    services: ServicesDep,
    taxonomy: Annotated[
        str | None, Query(description="Cluster taxonomy to label with (default: the server's setting).")
    ] = None,
) -> dict[str, str]:
    if taxonomy is not None and taxonomy not in list_taxonomies():
        raise ApiError(
            422, "invalid", f"taxonomy: unknown {taxonomy!r} (known: {', '.join(list_taxonomies())})"
        )
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        data, source, file_type = await _read_upload(request, services.settings)
    elif content_type.startswith("application/json"):
        url = await _read_url(request)
        data, file_type = await run_in_threadpool(fetch_url, url, services.settings)
        source = url
    else:
        raise ApiError(
            415,
            "unsupported_media_type",
            'send multipart/form-data with a `file` field, or JSON {"url": ...}',
        )
    return await run_in_threadpool(_accept, services, data, source, file_type, taxonomy)


def _accept(
    services: Services, data: bytes, source: str, content_type: str | None, taxonomy: str | None
) -> dict[str, str]:
    """Hash first: bytes already stored get a finished job and no second copy."""
    doc_id = document_id(data)
    store = services.store
    job_id = store.create_job(source)
    if store.has_document(doc_id):
        stored = store.taxonomy_of(doc_id)
        if taxonomy is not None and stored is not None and stored.split()[0] != taxonomy:
            # the stored labels are not what was asked for; saying "done" would hand them over
            store.update_job(job_id, "failed", error=f"already stored, labelled with {stored}")
            raise ApiError(
                409,
                "conflict",
                f"this document is already stored, labelled with taxonomy {stored}, not {taxonomy}",
            )
        store.update_job(job_id, "done", document_id=doc_id)
    else:
        limit = services.settings.max_upload_bytes
        load = partial(read_bytes, data, source, content_type, max_bytes=limit)
        services.runner.submit(job_id, load, taxonomy)
    return {"document_id": doc_id, "job_id": job_id}


async def _read_upload(request: Request, settings: Settings) -> tuple[bytes, str, str | None]:
    limit = settings.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + MULTIPART_SLACK:
        raise ApiError(413, "too_large", f"upload larger than {limit} bytes")
    form = await request.form(max_files=1, max_fields=10)
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ApiError(422, "invalid", "file: a multipart field named `file` is required")
        data = await _read_limited(upload, limit)
        name = PurePath(upload.filename or "upload").name or "upload"
        return data, name, upload.content_type
    finally:
        await form.close()


async def _read_limited(upload: UploadFile, limit: int) -> bytes:
    chunks, size = [], 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"upload larger than {limit} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    if not data.strip():
        raise ApiError(400, "empty", "the uploaded file is empty")
    return data


async def _read_url(request: Request) -> str:
    try:
        return UrlIn.model_validate_json(await request.body()).url
    except ValidationError as exc:
        raise ApiError(422, "invalid", 'body must be JSON {"url": "http(s)://..."}') from exc


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    store: StoreDep,
    q: str | None = None,
    region: str | None = None,
    kind: Literal["policy", "news", "other"] | None = None,
    include_duplicates: Annotated[
        bool, Query(description="Also copies of stored texts (the same report stored from another file).")
    ] = False,
    cursor: str | None = None,
    limit: Annotated[int, page_limit()] = 50,
) -> dict[str, Any]:
    items, next_cursor = store.list_documents(
        q=q, region=region, kind=kind, cursor=cursor, limit=limit, include_duplicates=include_duplicates
    )
    return {"items": items, "next": next_cursor}


@router.get(
    "/documents/{doc_id}", summary="The analysis record of one document (same shape as analyse --json)"
)
def get_document(analysis: AnalysisDep, store: StoreDep) -> dict[str, Any]:
    record = analysis.to_record()
    # an extra field of the record: the stored original whose text this document repeats
    record["document"]["duplicate_of"] = store.duplicate_of(analysis.document.id)
    return record
