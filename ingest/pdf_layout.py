"""Characters -> text lines in reading order: de-duplication, lines, cells, columns.

A two-column page is read column by column when an empty vertical gutter runs
between two blocks of lines that fill their columns (tables do not: their
cells are short and ragged, so they stay rows).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

from ingest.clean import is_cjk
from ingest.pdf_chars import Char, PageChars
from ingest.pdf_tables import Grid, TableRow, grid_rows, split_chars
from ingest.tables import CELL_SEP


@dataclass
class Segment:
    chars: list[Char]
    x0: float = 0.0
    x1: float = 0.0

    def __post_init__(self) -> None:
        self.x0 = self.chars[0].x0
        self.x1 = max(c.x1 for c in self.chars)

    def text(self) -> str:
        out: list[str] = []
        prev: Char | None = None
        for c in self.chars:
            # a visible gap between two Latin/digit runs is a word space the PDF did not draw
            if (
                prev is not None
                and c.x0 - prev.x1 > 0.25 * c.size
                and not (is_cjk(prev.text) or is_cjk(c.text))
                and prev.text != " "
                and c.text != " "
            ):
                out.append(" ")
            out.append(c.text)
            prev = c
        return "".join(out)


@dataclass
class PdfLine:
    """One visual line (or a column's part of it) with the geometry paragraph rules need."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    red: bool
    cells: list[str] = field(default_factory=list)  # >1 when the line is a table row
    ruled: bool = False  # a row of a ruled table (pdf_tables): cells are certain
    col_x0: float = 0.0  # the text column this line sits in
    col_x1: float = 0.0


def dedupe_chars(chars: list[Char]) -> list[Char]:
    """Drop faux-bold copies: the same glyph drawn again within ~1pt; the survivor is bold."""
    seen: dict[tuple[str, int], list[Char]] = {}
    out: list[Char] = []
    for c in chars:
        tol = min(1.5, 0.2 * c.size) if c.size else 1.0
        row = round(c.baseline)
        dup = None
        for key in ((c.text, row - 1), (c.text, row), (c.text, row + 1)):
            for other in seen.get(key, ()):
                if abs(other.x0 - c.x0) <= tol and abs(other.baseline - c.baseline) <= tol:
                    dup = other
                    break
            if dup:
                break
        if dup is not None and c.x1 - c.x0 <= 1.5 * max(c.size, 1.0):
            # (a glyph wider than 1.5 em, such as a two-em dash, may map to two identical chars)
            dup.bold = True
            continue
        seen.setdefault((c.text, row), []).append(c)
        out.append(c)
    return out


def _group_rows(chars: list[Char]) -> list[list[Char]]:
    """Chars sharing a baseline (within a third of the font size) form one row."""
    rows: list[list[Char]] = []
    anchor = 0.0
    for c in sorted(chars, key=lambda ch: (ch.baseline, ch.x0)):
        if rows and abs(c.baseline - anchor) <= 0.35 * max(c.size, 1.0):
            rows[-1].append(c)
        else:
            rows.append([c])
            anchor = c.baseline
    return [sorted(r, key=lambda ch: ch.x0) for r in rows]


def _split_segments(row: list[Char]) -> list[Segment]:
    """Split a row where the gap is wider than one em: gutters and table cell borders."""
    row = [c for c in row if not c.text.isspace()]  # spaces (also U+3000 indents) never decide
    if not row:
        return []
    segs: list[list[Char]] = [[row[0]]]
    last_x1 = row[0].x1
    for c in row[1:]:
        if c.x0 - last_x1 > 1.0 * max(c.size, 6.0):
            segs.append([c])
        else:
            segs[-1].append(c)
        last_x1 = max(last_x1, c.x1)
    return [Segment(s) for s in segs]


@dataclass
class _Row:
    segs: list[Segment]
    top: float
    bottom: float


def _rows(chars: list[Char]) -> list[_Row]:
    out = []
    for row in _group_rows(chars):
        segs = _split_segments(row)
        if segs:
            out.append(_Row(segs, min(c.top for c in row), max(c.bottom for c in row)))
    return out


def _find_gutter(rows: list[_Row], left: float, right: float) -> tuple[float, float] | None:
    """The widest x band in the middle of the text area crossed by the fewest segments."""
    span = right - left
    if span <= 0:
        return None
    lo, hi = int(left + 0.3 * span), int(left + 0.7 * span)
    counts = [0] * (hi - lo + 2)  # difference array over integer x positions
    for r in rows:
        for s in r.segs:
            a, b = max(lo, math.floor(s.x0 - 1) + 1), min(hi, math.ceil(s.x1 + 1) - 1)
            if a <= b:
                counts[a - lo] += 1
                counts[b - lo + 1] -= 1
    best: tuple[int, int, int] | None = None  # (crossings, -width, start)
    run_start, level, prev = lo, 0, None
    for x in range(lo, hi + 2):
        if x <= hi:
            level += counts[x - lo]
        if prev is not None and (x > hi or level != prev):
            cand = (prev, -(x - 1 - run_start), run_start)
            if best is None or cand < best:
                best = cand
            run_start = x
        prev = level
    if best is None or best[0] > len(rows) // 2:
        return None
    return float(best[2]), float(best[2] - best[1])


def _fills(parts: list[list[Segment]], edge: float, size: float, right: bool) -> bool:
    """Most lines of a real column reach its edge and carry many characters."""
    if len(parts) < 3:
        return False
    ends = [p[-1].x1 for p in parts]
    full = sum(1 for e in ends if edge - e < 2.0 * size)
    lengths = [sum(len(s.chars) for s in p) for p in parts]
    return full >= 0.6 * len(parts) and statistics.median(lengths) >= 8


def _split_block(block: list[_Row], g0: float, g1: float, left: float, right: float) -> list[_Row] | None:
    """Reading order of a run of rows not crossing the gutter, if it is really two columns."""
    lparts = [[s for s in r.segs if s.x1 <= g0 + 1] for r in block]
    rparts = [[s for s in r.segs if s.x0 >= g1 - 1] for r in block]
    lrows = [_Row(p, r.top, r.bottom) for p, r in zip(lparts, block, strict=True) if p]
    rrows = [_Row(p, r.top, r.bottom) for p, r in zip(rparts, block, strict=True) if p]
    sizes = [c.size for r in block for s in r.segs for c in s.chars]
    size = statistics.median(sizes) if sizes else 10.0
    left_edge = max((p[-1].x1 for p in lparts if p), default=g0)
    if not (
        _fills([r.segs for r in lrows], left_edge, size, False)
        and _fills([r.segs for r in rrows], right, size, True)
    ):
        return None
    return lrows + rrows


def _text_box(rows: list[_Row]) -> tuple[float, float]:
    x0s = sorted(s.x0 for r in rows for s in r.segs)
    x1s = sorted(s.x1 for r in rows for s in r.segs)
    return x0s[0], x1s[-1]


def _make_line(row: _Row, col_x0: float, col_x1: float) -> PdfLine:
    chars = [c for s in row.segs for c in s.chars]
    texts = [s.text() for s in row.segs]
    sizes = [c.size for c in chars]
    return PdfLine(
        text=" ".join(texts),
        x0=row.segs[0].x0,
        x1=row.segs[-1].x1,
        top=row.top,
        bottom=row.bottom,
        size=statistics.median(sizes),
        bold=sum(c.bold for c in chars) > 0.8 * len(chars),
        red=sum(c.red for c in chars) > 0.5 * len(chars),
        cells=texts if len(texts) > 1 else [],
        col_x0=col_x0,
        col_x1=col_x1,
    )


def _cell_lines(lines: list[list[Char]]) -> list[str]:
    return [Segment(ln).text() for ln in lines]


def _table_line(row: TableRow, left: float, right: float) -> PdfLine:
    return PdfLine(
        text=CELL_SEP.join(row.cells),
        x0=left,
        x1=right,
        top=row.top,
        bottom=row.bottom,
        size=row.size,
        bold=False,
        red=False,
        cells=row.cells,
        col_x0=left,
        col_x1=right,
        ruled=True,
    )


def page_lines(page: PageChars, grids: list[Grid] | None = None) -> list[PdfLine]:
    """Lines of one page in reading order (columns read one after the other).

    Ruled tables (`grids`, from pdf_tables) become one line per row, placed
    where the table starts among the other lines.
    """
    chars = [c for c in dedupe_chars(page.chars) if c.x1 > 0 and c.x0 < page.width]
    if not grids:
        return _flow_lines(_rows(chars))
    outside, inside = split_chars(chars, grids)
    lines = _flow_lines(_rows(outside))
    for grid, mine in sorted(zip(grids, inside, strict=True), key=lambda gi: gi[0].bbox[1]):
        rows = [_table_line(r, grid.bbox[0], grid.bbox[2]) for r in grid_rows(grid, mine, _cell_lines)]
        at = next((i for i, ln in enumerate(lines) if ln.top >= grid.bbox[1]), len(lines))
        lines[at:at] = rows
    return lines


def _flow_lines(rows: list[_Row]) -> list[PdfLine]:
    if not rows:
        return []
    left, right = _text_box(rows)
    gutter = _find_gutter(rows, left, right) if len(rows) >= 6 else None
    if gutter is None:
        return [_make_line(r, left, right) for r in rows]
    g0, g1 = gutter
    out: list[PdfLine] = []
    block: list[_Row] = []

    def flush() -> None:
        ordered = _split_block(block, g0, g1, left, right) if len(block) >= 3 else None
        if ordered is None:
            out.extend(_make_line(r, left, right) for r in block)
        else:
            out.extend(
                _make_line(r, left, g0) if r.segs[-1].x1 <= g0 + 1 else _make_line(r, g1, right)
                for r in ordered
            )
        block.clear()

    for r in rows:
        if any(s.x0 - 1 < (g0 + g1) / 2 < s.x1 + 1 for s in r.segs):
            flush()
            out.append(_make_line(r, left, right))
        else:
            block.append(r)
    flush()
    return out
