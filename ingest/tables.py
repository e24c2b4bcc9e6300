"""Tables in the cleaned text, and the headers of the cell a number sits in.

Every parser writes a table the same way: one paragraph per row, cells
joined by a tab, empty cells kept (so columns line up), the header row first:

    指标\t2022年\t2025年目标\t2027年目标
    规模以上工业增加值（亿元）\t5200\t6500\t8000

The text keeps exactly the characters of the table (a tab is whitespace), so
character fidelity does not suffer from repeated headers; the headers of a
cell are recovered here instead. A quantity extractor calls `cell_subject`
for a number's offset: "规模以上工业增加值（亿元） 2025年目标" for the 6500 above.
"""

from __future__ import annotations

from dataclasses import dataclass

CELL_SEP = "\t"


@dataclass(frozen=True)
class Cell:
    row_header: str  # first cell of the row
    column_header: str  # the header row's cell above ("" when that cell is empty)
    row: int  # 0 is the header row
    column: int  # 0 is the row-header column


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end


def _is_row(line: str) -> bool:
    return CELL_SEP in line.strip("\n")


def cell_at(text: str, offset: int) -> Cell | None:
    """The table cell holding `text[offset]`, or None when it is not inside a table of 2+ rows."""
    if not 0 <= offset < len(text):
        return None
    start, end = _line_bounds(text, offset)
    line = text[start:end]
    if not _is_row(line):
        return None
    head_start, row = start, 0
    while head_start > 0:  # walk up to the first row of this table
        prev_start, prev_end = _line_bounds(text, head_start - 1)
        if not _is_row(text[prev_start:prev_end]):
            break
        head_start, row = prev_start, row + 1
    below = end + 1 < len(text) and _is_row(text[end + 1 : _line_bounds(text, end + 1)[1]])
    if row == 0 and not below:
        return None  # a lone tabbed line is not a table
    header = text[head_start : _line_bounds(text, head_start)[1]].split(CELL_SEP)
    column = line[: offset - start].count(CELL_SEP)
    return Cell(
        row_header=line.split(CELL_SEP)[0].strip(),
        column_header=header[column].strip() if column < len(header) else "",
        row=row,
        column=column,
    )


def cell_subject(text: str, offset: int) -> str | None:
    """The subject "row header column header" of a data cell (row and column > 0), else None."""
    cell = cell_at(text, offset)
    if cell is None or cell.row == 0 or cell.column == 0:
        return None
    return " ".join(p for p in (cell.row_header, cell.column_header) if p) or None
