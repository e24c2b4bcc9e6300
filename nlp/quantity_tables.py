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


# A table typed as text lines with full-width bars: a header (often in brackets after its lead-in,
# 主要指标（指标名称｜2025年基期值｜2028年目标值｜属性）：) and rows such as
# 2. 关键工序数控化率｜64.5%｜75%｜预期性. A cell's column header dates it and says base or goal.
_BAR = "｜"
_BRACKETED = re.compile(r"[（(]([^（）()]*｜[^（）()]*)[)）]")
_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,2}\s*[．.、]|[（(]\d{1,2}[)）])\s*")
_BASE_WORDS = re.compile(r"基期|基准|现状|基数")


def _line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def bar_cell(text: str, pos: int) -> tuple[str, str] | None:
    """(row header, column header) of a number in a bar-separated text table, else None."""
    start, end = _line_at(text, pos)
    bars = text.count(_BAR, start, end)
    column = text.count(_BAR, start, pos)
    if bars < 2 or column == 0:
        return None
    header = None
    while start > 0:  # up through the block of bar lines to the header above its rows
        start, end = _line_at(text, start - 1)
        line = text[start:end]
        bracketed = _BRACKETED.search(line)
        if bracketed and bracketed.group(1).count(_BAR) == bars:
            header = bracketed.group(1)
            break
        if line.count(_BAR) != bars:
            break
        header = line
    if header is None:
        return None
    row_start, _ = _line_at(text, pos)
    row = text[row_start : text.find(_BAR, row_start)]
    return _ROW_NUMBER.sub("", row).strip(), header.split(_BAR)[column].strip()


def apply_bar_headers(text: str, quantities: list[Quantity]) -> None:
    """Year, kind and subject of the numbers in a bar-separated text table (see bar_cell)."""
    if _BAR not in text:
        return  # most texts have none: no per-number line search
    for q in quantities:
        cell = bar_cell(text, q.start)
        if cell is None:
            continue
        row, column = cell
        if row:
            q.subject, q.subject_start, q.subject_end = row, None, None
        year = _HEADER_YEAR.search(column)
        if _BASE_WORDS.search(column):
            q.kind, q.change = "actual", None
        elif _TARGET_WORDS.search(column):
            q.kind = "target"
        if year and (_BASE_WORDS.search(column) or _TARGET_WORDS.search(column)):
            q.year = int(year.group(1))
