"""GET /quantities: search extracted quantities; a page of JSON or a whole export file."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import StoreDep
from api.export import MEDIA_TYPES, export
from api.queries import all_quantities, quantity_page, quantity_query

router = APIRouter(tags=["quantities"])


@router.get(
    "/quantities",
    summary="Quantities matching every given filter; format=csv|xlsx|parquet exports all matches from `cursor` on",
)
def list_quantities(
    store: StoreDep,
    kind: Literal["target", "actual"] | None = None,
    year: int | None = None,
    cluster: str | None = None,
    theme: Literal["green", "new", "high-end"] | None = None,
    region: str | None = None,
    q: str | None = None,
    unit: str | None = None,
    include_duplicates: Annotated[
        bool, Query(description="Also copies of stored texts (the same report stored from another file).")
    ] = False,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    format: Literal["json", "csv", "xlsx", "parquet"] = "json",
) -> Any:
    query = quantity_query(
        kind=kind, year=year, cluster=cluster, theme=theme, region=region, q=q, unit=unit,
        include_duplicates=include_duplicates,
    )  # fmt: skip
    if format == "json":
        items, next_cursor = quantity_page(store, query, cursor, limit)
        return {"items": items, "next": next_cursor}
    data = export(all_quantities(store, query, cursor), format)
    disposition = f'attachment; filename="quantities.{format}"'
    return Response(data, media_type=MEDIA_TYPES[format], headers={"Content-Disposition": disposition})
