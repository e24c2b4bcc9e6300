"""Quantity rows out as csv, json, xlsx or parquet (shared by the API and the CLI).

Items are the store's query dicts; label lists are flattened to "a;b" so every
format holds one flat row per quantity, columns in a stable order.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

FORMATS = ("json", "csv", "xlsx", "parquet")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
# Leading columns in this order; any further keys the store adds follow, sorted.
COLUMNS = (
    "document_id", "source", "title", "region", "page", "sentence_index", "sentence",
    "raw", "start", "end", "value", "value_max", "unit", "comparator", "kind", "change",
    "year", "subject", "clusters", "themes",
)  # fmt: skip


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(v["label"] if isinstance(v, dict) and "label" in v else str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def columns_for(items: list[dict[str, Any]]) -> list[str]:
    keys = {k for item in items for k in item}
    return [c for c in COLUMNS if c in keys] + sorted(keys - set(COLUMNS))


def flat_rows(items: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]]]:
    cols = columns_for(items)
    return cols, [[_cell(item.get(c)) for c in cols] for item in items]


def to_csv(items: list[dict[str, Any]]) -> bytes:
    cols, rows = flat_rows(items)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(cols)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def to_json(items: list[dict[str, Any]]) -> bytes:
    return json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(items: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("quantities")
    cols, rows = flat_rows(items)
    sheet.append(cols)
    for row in rows:
        sheet.append(row)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def to_parquet(items: list[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols, rows = flat_rows(items)
    table = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(cols)})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def export(items: Iterable[dict[str, Any]], fmt: str) -> bytes:
    """`items` in format `fmt` (one of FORMATS) as bytes."""
    writers = {"json": to_json, "csv": to_csv, "xlsx": to_xlsx, "parquet": to_parquet}
    return writers[fmt](list(items))
