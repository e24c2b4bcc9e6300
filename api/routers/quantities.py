"""GET /quantities: search extracted quantities; a page of JSON or a whole export file."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep, page_limit
from api.export import MEDIA_TYPES, export
from api.queries import all_quantities, check_cluster, quantity_page, quantity_query

router = APIRouter(tags=["quantities"])

EXPORT_NOTE = (
    "format=csv|xlsx|parquet exports every match from `cursor` on (from the first without one) "
    "in one file and ignores `limit`; CSV starts with a UTF-8 byte order mark for Excel."
)


@router.get(
    "/quantities",
    summary="Quantities matching every given filter; format=csv|xlsx|parquet exports all matches",
    description=EXPORT_NOTE,
)
def list_quantities(
    store: StoreDep,
    settings: SettingsDep,
    kind: Literal["target", "actual"] | None = None,
    year: int | None = None,
    cluster: Annotated[
        str | None, Query(description="A cluster label of the server's taxonomy (422 when unknown).")
    ] = None,
    theme: Literal["green", "new", "high-end"] | None = None,
    region: str | None = None,
    q: str | None = None,
    unit: str | None = None,
    comparator: Literal["eq", "gt", "ge", "lt", "le", "approx", "range"] | None = None,
    min_value: Annotated[
        float | None, Query(description="Lowest value in base units (a range's lower bound); pair with unit.")
    ] = None,
    max_value: Annotated[
        float | None,
        Query(description="Highest value in base units (a range's lower bound); pair with unit."),
    ] = None,
    include_duplicates: Annotated[
        bool, Query(description="Also copies of stored texts (the same report stored from another file).")
    ] = False,
    cursor: str | None = None,
    limit: Annotated[int, page_limit("For format=json; exports ignore it.")] = 100,
    format: Literal["json", "csv", "xlsx", "parquet"] = "json",
) -> Any:
    check_cluster(cluster, settings.taxonomy)
    query = quantity_query(
        kind=kind, year=year, cluster=cluster, theme=theme, region=region, q=q, unit=unit,
        comparator=comparator, min_value=min_value, max_value=max_value,
        include_duplicates=include_duplicates,
    )  # fmt: skip
    if format == "json":
        items, next_cursor = quantity_page(store, query, cursor, limit)
        return {"items": items, "next": next_cursor}
    data = export(all_quantities(store, query, cursor), format)
    disposition = f'attachment; filename="quantities.{format}"'
    return Response(data, media_type=MEDIA_TYPES[format], headers={"Content-Disposition": disposition})
