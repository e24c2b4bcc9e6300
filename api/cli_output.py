"""How the CLI shows things to people: summaries, tables, files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from api.export import SENTENCE_COLUMNS, columns_for, csv_safe, export, flat_cell
from nlp.records import Analysis

TABLE_COLUMNS = (
    "region",
    "year",
    "subject",
    "raw",
    "value",
    "unit",
    "comparator",
    "kind",
    "change",
    "title",
    "page",
)
SENTENCE_TABLE_COLUMNS = ("document_date", "document_region", "title", "page", "text", "clusters", "themes")
# A readable width when printing to a pipe or file (rich would assume 80 columns).
PIPE_WIDTH = 180


def output_console() -> Console:
    console = Console()
    return console if console.is_terminal else Console(width=PIPE_WIDTH)


def _cell(item: dict[str, Any], column: str) -> str:
    value = item.get(column)
    if column == "region":
        value = value or item.get("document_region")
    if value is None:
        return ""
    if isinstance(value, list):
        return flat_cell(value)
    if column == "value" and isinstance(value, float):
        return f"{value:,.10g}"
    return str(value)


def summary(analysis: Analysis) -> str:
    """A readable account of one document: header line, then its targets."""
    doc = analysis.document
    targets = [q for q in analysis.quantities if q.kind == "target"]
    lines = [
        f"{doc.title or doc.source}  [{doc.kind}, {doc.pages} pages, {len(analysis.sentences)} sentences, "
        f"{len(analysis.quantities)} quantities, {len(targets)} targets]  {doc.id[:12]}"
    ]
    for q in targets:
        page = (
            analysis.sentences[q.sentence_index].page if q.sentence_index < len(analysis.sentences) else "?"
        )
        bound = f"–{q.value_max:g}" if q.value_max is not None else ""
        lines.append(
            f"  {q.year or '----'}  {q.subject or '?'}: {q.raw} "
            f"({q.comparator} {q.value:g}{bound} {q.unit or ''}{', ' + q.change if q.change else ''})  p.{page}"
        )
    return "\n".join(lines)


def rich_table(items: list[dict[str, Any]], columns: list[str] | tuple[str, ...], title: str = "") -> Table:
    table = Table(title=title or None)
    for col in columns:
        table.add_column(col)
    for item in items:
        table.add_row(*(_cell(item, c) for c in columns))
    return table


def show_quantities(items: list[dict[str, Any]], fmt: str, out: Path | None, console: Console) -> None:
    """Write to `out`, or print: a table or text formats; binary formats need `out`."""
    if fmt == "table" and out is None:
        console.print(
            rich_table(items, [c for c in TABLE_COLUMNS if c in columns_for(items) or c == "region"])
        )
        return
    _write(export(items, "csv" if fmt == "table" else fmt), out, console)


def show_sentences(items: list[dict[str, Any]], fmt: str, out: Path | None, console: Console) -> None:
    """Write to `out`, or print: a table, CSV or JSON."""
    if fmt == "table" and out is None:
        console.print(rich_table(items, SENTENCE_TABLE_COLUMNS))
        return
    _write(export(items, "csv" if fmt == "table" else fmt, SENTENCE_COLUMNS), out, console)


def _write(data: bytes, out: Path | None, console: Console) -> None:
    if out is not None:
        out.write_bytes(data)
    else:
        # the CSV byte order mark is for spreadsheet programs opening a file; on a terminal or
        # a pipe it would only be an invisible character stuck to the first column's name
        console.file.write(data.decode("utf-8-sig"))


def trend_rows(trend: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """Trend dict (reports.trends) -> header and rows: one row per bucket, occurrences per term."""
    terms = list(trend["series"])
    header = [trend["by"], "documents", *terms]
    rows = []
    for i, bucket in enumerate(trend["buckets"]):
        label = "(unknown)" if bucket["bucket"] is None else bucket["bucket"]
        rows.append([label, bucket.get("documents"), *(trend["series"][t][i]["occurrences"] for t in terms)])
    return header, rows


def show_trend(trend: dict[str, Any], fmt: str, console: Console) -> None:
    if fmt == "json":
        console.file.write(json.dumps(trend, ensure_ascii=False) + "\n")
        return
    header, rows = trend_rows(trend)
    if fmt == "csv":
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([csv_safe(v) for v in row] for row in [header, *rows])
        console.file.write(buf.getvalue())
        return
    console.print(rich_table([dict(zip(header, r, strict=True)) for r in rows], header))
