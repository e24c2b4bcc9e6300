"""Quantity and sentence rows out as csv, json, xlsx or parquet (shared by the API and the CLI).

Items are the store's query dicts; label lists are flattened to "a;b" (names)
or "a:0.9;b:0.8" (scored labels) so every format holds one flat row per item,
columns in a stable order.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
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
SENTENCE_COLUMNS = (
    "document_id", "source", "title", "document_date", "document_kind", "document_region",
    "index", "page", "start", "end", "heading", "text", "clusters", "themes",
)  # fmt: skip
# Excel reads a UTF-8 CSV without a byte order mark as the local code page (GBK on Chinese
# Windows), turning every Chinese cell into mojibake.
CSV_BOM = "\ufeff"
# A text cell starting with one of these is run as a formula by spreadsheet programs; text from
# fetched web pages must not be able to put =HYPERLINK(...) into an analyst's sheet (OWASP CSV
# injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _label(value: Any) -> str:
    if isinstance(value, dict) and "label" in value:
        return f"{value['label']}:{value['score']}" if "score" in value else str(value["label"])
    return str(value)


def flat_cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(_label(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_safe(value: Any) -> Any:
    """`value`, with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def columns_for(items: list[dict[str, Any]], leading: Sequence[str] = COLUMNS) -> list[str]:
    if not items:  # no match is still a table: a header-less CSV or Parquet breaks the reader
        return list(leading)
    keys = {k for item in items for k in item}
    return [c for c in leading if c in keys] + sorted(keys - set(leading))


def flat_rows(
    items: list[dict[str, Any]], leading: Sequence[str] = COLUMNS
) -> tuple[list[str], list[list[Any]]]:
    cols = columns_for(items, leading)
    return cols, [[flat_cell(item.get(c)) for c in cols] for item in items]


def to_csv(items: list[dict[str, Any]], leading: Sequence[str] = COLUMNS) -> bytes:
    cols, rows = flat_rows(items, leading)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([csv_safe(c) for c in cols])
    writer.writerows([csv_safe(v) for v in row] for row in rows)
    return (CSV_BOM + buf.getvalue()).encode("utf-8")


def to_json(items: list[dict[str, Any]]) -> bytes:
    return json.dumps(items, ensure_ascii=False, indent=1).encode("utf-8")


def to_xlsx(items: list[dict[str, Any]], leading: Sequence[str] = COLUMNS) -> bytes:
    import xlsxwriter

    cols, rows = flat_rows(items, leading)
    buf = io.BytesIO()
    # text stays text: no formulas (a cell starting with "="), numbers or links read into strings
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(buf, options)
    sheet = book.add_worksheet("quantities")
    sheet.write_row(0, 0, cols)
    for r, row in enumerate(rows, start=1):
        sheet.write_row(r, 0, [_xml_safe(v) for v in row])
    book.close()
    return buf.getvalue()


# characters XML 1.0 cannot hold (a PDF's stray control bytes): dropped, or the sheet would not open
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_safe(value: Any) -> Any:
    return _NOT_XML.sub("", value) if isinstance(value, str) else value


def to_parquet(items: list[dict[str, Any]], leading: Sequence[str] = COLUMNS) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols, rows = flat_rows(items, leading)
    table = pa.table({c: pa.array([r[i] for r in rows]) for i, c in enumerate(cols)})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def export(items: Iterable[dict[str, Any]], fmt: str, leading: Sequence[str] = COLUMNS) -> bytes:
    """`items` in format `fmt` (one of FORMATS) as bytes; tabular formats start with the `leading` columns."""
    rows = list(items)
    if fmt == "json":
        return to_json(rows)
    writers = {"csv": to_csv, "xlsx": to_xlsx, "parquet": to_parquet}
    return writers[fmt](rows, leading)
