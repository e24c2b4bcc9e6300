"""Numbers inside table cells: the row and column headers say what they measure.

Parsers write a table as one paragraph per row with tab-separated cells
(ingest/tables.py). A cell's number takes its subject from the row header and
column header, its unit from a header such as 增加值（亿元）, and its year and
kind from a column header such as 2025年目标.
"""

from __future__ import annotations

import re

from ingest.tables import cell_at
from nlp.numbers import NumberExpr, find_numbers
from nlp.records import Quantity

_HEADER_UNIT = re.compile(r"[（(]\s*([^（）()\d]{1,6})\s*[)）]\s*$")
_HEADER_YEAR = re.compile(r"((?:19|20)\d\d)年?")
_TARGET_WORDS = re.compile(r"目标|预期|规划|预计|力争")


def header_unit(*headers: str) -> str | None:
    """The unit a header states in brackets (亿元 in 规模以上工业增加值（亿元）)."""
    for header in headers:
        m = _HEADER_UNIT.search(header)
        if m and find_numbers("1" + m.group(1)):
            return m.group(1)
    return None


def cell_numbers(text: str, numbers: list[NumberExpr]) -> list[NumberExpr]:
    """Bare numbers that fill a table cell whose header states their unit, as quantities."""
    out = []
    for n in numbers:
        if n.role != "bare" or n.unit is not None:
            continue
        cell = cell_at(text, n.start)
        if cell is None or cell.row == 0 or cell.column == 0:
            continue
        unit = header_unit(cell.column_header, cell.row_header)
        scaled = find_numbers(n.raw + unit) if unit else []
        if scaled and scaled[0].role == "quantity":
            s = scaled[0]
            out.append(
                NumberExpr(n.start, n.end, n.raw, s.value, None, s.unit, "eq", None, "quantity", n.value)
            )
    return out


def apply_cell_headers(text: str, quantities: list[Quantity], doc_year: int | None) -> None:
    """Subject, year and kind of every quantity that sits in a table's data cell."""
    for q in quantities:
        cell = cell_at(text, q.start)
        if cell is None or cell.row == 0 or cell.column == 0:
            continue
        q.subject = " ".join(p for p in (cell.row_header, cell.column_header) if p) or q.subject
        q.subject_start = q.subject_end = None
        year = _HEADER_YEAR.search(cell.column_header)
        if year:
            q.year = int(year.group(1))
        if _TARGET_WORDS.search(cell.column_header) or (year and doc_year and q.year and q.year > doc_year):
            q.kind = "target"
        elif year and doc_year and q.year and q.year < doc_year:
            q.kind = "actual"
