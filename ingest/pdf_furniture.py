"""Page furniture: page numbers and running headers/footers at the page edges.

Only lines at the top or bottom edge of a page are candidates, so body text
that happens to look like a number or repeats once is kept.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.pdf_layout import PdfLine

_DASH = r"[—\-–－‒―~·•\s]*"
_PAGE_NO_RES = (
    re.compile(rf"^{_DASH}(\d{{1,4}}){_DASH}$"),  # — 3 —, - 3 -, 3
    re.compile(r"^第\s*(\d{1,4})\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?$"),  # 第3页, 第3页 共12页
    re.compile(r"^(\d{1,4})\s*/\s*\d{1,4}$"),  # 3/12
    re.compile(r"^(?:page|p\.)\s*(\d{1,4})(?:\s*of\s*\d{1,4})?$", re.I),
)
_EDGE_SHARE = 0.12  # top/bottom share of the page height that may hold furniture
_EDGE_LINES = 2  # at most this many lines at each edge are looked at


def page_number(text: str) -> int | None:
    """The printed page number if `text` is nothing but a page number."""
    t = text.strip()
    for rx in _PAGE_NO_RES:
        m = rx.match(t)
        if m:
            return int(m.group(1))
    return None


def _key(text: str) -> str:
    """Running headers differ only in their numbers (chapter, page, date)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _edge_lines(lines: list[PdfLine], height: float) -> list[int]:
    """Indexes of lines at the top and bottom edges of a page (by position, not order)."""
    if not lines:
        return []
    by_top = sorted(range(len(lines)), key=lambda i: lines[i].top)
    top = [i for i in by_top[:_EDGE_LINES] if lines[i].bottom < _EDGE_SHARE * height]
    bottom = [i for i in by_top[-_EDGE_LINES:] if lines[i].top > (1 - _EDGE_SHARE) * height]
    return sorted(set(top + bottom))


def remove_furniture(
    pages: list[list[PdfLine]], heights: list[float]
) -> tuple[list[list[PdfLine]], dict[int, int]]:
    """Drop page numbers and running headers/footers; return the kept lines and printed numbers.

    `pages[i]` are the lines of page i+1 in reading order; the returned dict maps
    the 1-based page index to the page number printed on it.
    """
    edges = [_edge_lines(lines, h) for lines, h in zip(pages, heights, strict=True)]
    counts: Counter[str] = Counter()
    for lines, idx in zip(pages, edges, strict=True):
        counts.update({_key(lines[i].text) for i in idx})
    min_repeat = max(2, int(0.5 * len(pages) + 0.5)) if len(pages) >= 3 else 2
    printed: dict[int, int] = {}
    out: list[list[PdfLine]] = []
    for number, (lines, idx) in enumerate(zip(pages, edges, strict=True), start=1):
        drop = set()
        for i in idx:
            n = page_number(lines[i].text)
            if n is not None:
                printed[number] = n
                drop.add(i)
            elif len(pages) >= 2 and counts[_key(lines[i].text)] >= min_repeat:
                drop.add(i)
        out.append([ln for i, ln in enumerate(lines) if i not in drop])
    return out, printed
