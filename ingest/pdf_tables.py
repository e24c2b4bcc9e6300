"""Ruled tables: pdfplumber finds the cell grid, our pypdfium2 characters fill it.

pdfplumber's `find_tables` reads ruling lines and rectangles into cells,
merged and empty cells included, far better than gaps between characters do.
It is ~10x slower than the text path, so it runs only on pages whose drawing
has enough horizontal and vertical rules to hold a grid (counted cheaply with
pdfium while the page is open anyway). The cell text comes from the same
de-duplicated pdfium characters as the rest of the page, so faux bold and
spacing are handled once.

A table row becomes one line whose cells are joined by a tab ("指标\\t2025年"):
whitespace, so character fidelity is untouched, and the same separator the
HTML and DOCX parsers use. `ingest.tables.cell_headers` recovers a number's
row and column headers from that form.
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.clean import normalize_spaces

if TYPE_CHECKING:
    from ingest.pdf_chars import Char

_THIN = 3.0  # a path this thin is a rule
_MIN_RULE = 10.0  # and at least this long
_MIN_H, _MIN_V = 3, 2  # a grid needs this many horizontal and vertical rules
_MAX_OBJECTS = 20000  # pages drawn with more objects than this are not inspected

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom (from the page top)


@dataclass
class Grid:
    bbox: BBox
    rows: list[list[BBox | None]]  # None: the cell is covered by a merged neighbour


def has_ruling(page: pdfium.PdfPage) -> bool:
    """Enough straight rules (or boxes) on the page to hold a table grid."""
    raw = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    if count > _MAX_OBJECTS:
        return False
    left, bottom, right, top = (pdfium_c.FS_FLOAT() for _ in range(4))
    h = v = 0
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        w, ht = right.value - left.value, top.value - bottom.value
        if ht <= _THIN and w >= _MIN_RULE:
            h += 1
        elif w <= _THIN and ht >= _MIN_RULE:
            v += 1
        elif w >= _MIN_RULE and ht >= _MIN_RULE:
            # a box, or one path drawing a whole grid: pdfplumber decides
            segments = pdfium_c.FPDFPath_CountSegments(obj)
            h, v = h + max(2, segments // 4), v + max(2, segments // 4)
        if h >= _MIN_H and v >= _MIN_V and h + v >= 6:
            return True
    return False


class GridFinder:
    """Grids of a document's pages; pdfplumber opens the file only when a page needs it."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._pdf: Any = None

    def grids(self, index: int) -> list[Grid]:
        if self._pdf is None:
            import pdfplumber  # imported on first use: pdfminer is slow to import

            self._pdf = pdfplumber.open(io.BytesIO(self._data))
        return find_grids(self._pdf.pages[index])

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def find_grids(page: Any) -> list[Grid]:
    """Tables of at least two rows and two columns drawn with ruling lines."""
    out: list[Grid] = []
    try:
        tables = page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
    except Exception:  # noqa: BLE001 - pdfminer on odd drawings: the text path still works
        return out
    for table in tables:
        rows = [list(row.cells) for row in table.rows]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            out.append(Grid(tuple(table.bbox), rows))  # type: ignore[arg-type]
    return out


def _inside(c: Char, box: BBox) -> bool:
    x, y = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def split_chars(chars: list[Char], grids: list[Grid]) -> tuple[list[Char], list[list[Char]]]:
    """Characters outside every table, and those inside each table."""
    outside: list[Char] = []
    inside: list[list[Char]] = [[] for _ in grids]
    for c in chars:
        for k, g in enumerate(grids):
            if _inside(c, g.bbox):
                inside[k].append(c)
                break
        else:
            outside.append(c)
    return outside, inside


def _cell_text(chars: list[Char], join_lines: Callable[[list[list[Char]]], list[str]]) -> str:
    if not chars:
        return ""
    return normalize_spaces("".join(join_lines(_lines(chars))))


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Lines of a cell, top to bottom, each left to right."""
    rows: list[list[Char]] = []
    for c in sorted(chars, key=lambda ch: (ch.baseline, ch.x0)):
        if rows and abs(c.baseline - rows[-1][0].baseline) <= 0.35 * max(c.size, 1.0):
            rows[-1].append(c)
        else:
            rows.append([c])
    return [sorted(r, key=lambda ch: ch.x0) for r in rows]


@dataclass
class TableRow:
    cells: list[str]
    chars: list[Char]
    top: float
    bottom: float

    @property
    def size(self) -> float:
        return statistics.median(c.size for c in self.chars) if self.chars else 10.0


def grid_rows(
    grid: Grid, chars: list[Char], join_lines: Callable[[list[list[Char]]], list[str]]
) -> list[TableRow]:
    """Rows of cell texts; a merged cell's text sits in its first column, the rest are empty."""
    out: list[TableRow] = []
    for row in grid.rows:
        boxes = [b for b in row if b is not None]
        if not boxes:
            continue
        cells: list[str] = []
        used: list[Char] = []
        for box in row:
            mine = [c for c in chars if box is not None and _inside(c, box)]
            used += mine
            cells.append(_cell_text(mine, join_lines))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
            out.append(TableRow(cells, used, top, bottom))
    return out
