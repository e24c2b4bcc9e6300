"""GET /trends: how often terms occur, per year, month, region or kind; as JSON or a chart."""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import StoreDep
from api.errors import ApiError

router = APIRouter(tags=["trends"])

CHART_TYPES = {"png": "image/png", "svg": "image/svg+xml"}
TERM_SEPARATORS = re.compile(r"[,，、]")


def parse_terms(terms: str) -> list[str]:
    """'a,b，c' -> ['a', 'b', 'c'] without blanks or repeats, in the order given."""
    out = list(dict.fromkeys(t.strip() for t in TERM_SEPARATORS.split(terms) if t.strip()))
    if not out:
        raise ApiError(400, "bad_request", "terms: give at least one term, separated by commas")
    return out


@router.get("/trends", summary="Series per term (exact substring counts); format=png|svg renders a chart")
def get_trends(
    store: StoreDep,
    terms: str,
    by: Literal["year", "month", "region", "kind"] = "year",
    format: Literal["json", "png", "svg"] = "json",
) -> Any:
    wanted = parse_terms(terms)
    from reports.charts import render  # matplotlib: imported on first use, not at startup
    from reports.trends import trend_series

    trend = trend_series(store, wanted, by)
    if format == "json":
        return trend
    return Response(render(trend, format), media_type=CHART_TYPES[format])
