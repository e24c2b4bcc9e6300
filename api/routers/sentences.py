"""GET /sentences: search labelled sentences; a page of JSON or a whole CSV export."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep, full_document_id, page_limit
from api.export import MEDIA_TYPES, SENTENCE_COLUMNS, export
from api.queries import all_sentences, check_cluster, sentence_page, sentence_query

router = APIRouter(tags=["sentences"])


@router.get(
    "/sentences",
    summary="Sentences matching every given filter, with scored labels; format=csv exports all matches",
    description="format=csv exports every match from `cursor` on (from the first without one) in one file "
    "and ignores `limit`; it starts with a UTF-8 byte order mark for Excel.",
)
def list_sentences(
    store: StoreDep,
    settings: SettingsDep,
    cluster: Annotated[
        str | None, Query(description="A cluster label of the server's taxonomy (422 when unknown).")
    ] = None,
    theme: Literal["green", "new", "high-end"] | None = None,
    min_score: Annotated[
        float | None,
        Query(ge=0, le=1, description="Lowest score of the cluster/theme label; needs one of them."),
    ] = None,
    region: str | None = None,
    year: Annotated[int | None, Query(description="The document's year.")] = None,
    kind: Literal["policy", "news", "other"] | None = None,
    q: str | None = None,
    document_id: Annotated[
        str | None,
        Query(description="A document id, or its unique start (the 12 characters the CLI prints)."),
    ] = None,
    headings: bool = False,
    include_duplicates: Annotated[
        bool, Query(description="Also copies of stored texts (the same report stored from another file).")
    ] = False,
    cursor: str | None = None,
    limit: Annotated[int, page_limit("For format=json; CSV ignores it.")] = 100,
    format: Literal["json", "csv"] = "json",
) -> Any:
    check_cluster(cluster, settings.taxonomy)
    if document_id:  # as /documents/{id}: a short id must not silently match nothing
        document_id = full_document_id(document_id, store)
    query = sentence_query(
        cluster=cluster, theme=theme, min_score=min_score, region=region, year=year, kind=kind, q=q,
        document_id=document_id, headings=headings, include_duplicates=include_duplicates,
    )  # fmt: skip
    if format == "json":
        items, next_cursor = sentence_page(store, query, cursor, limit)
        return {"items": items, "next": next_cursor}
    data = export(all_sentences(store, query, cursor), format, SENTENCE_COLUMNS)
    disposition = 'attachment; filename="sentences.csv"'
    return Response(data, media_type=MEDIA_TYPES[format], headers={"Content-Disposition": disposition})
