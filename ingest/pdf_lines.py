"""PDF lines -> `clean.Line`s: what geometry says about paragraph breaks and headings."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.clean import Line, is_caption, normalize_spaces
from ingest.pdf_layout import PdfLine
from ingest.tables import CELL_SEP

_BIG = 1.15  # a font this much larger than the body is a heading
_DOC_NUMBER_RE = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")


@dataclass(frozen=True)
class LineTag:
    page: int  # 1-based page the line came from
    pdf: PdfLine | None = None  # None for OCR lines


def body_size(pages: list[list[PdfLine]]) -> float:
    """The most common font size, weighted by characters."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _table_rows(lines: list[PdfLine]) -> set[int]:
    """Lines with several cells next to another such line form a table."""
    multi = [len(ln.cells) > 1 and min(len(c) for c in ln.cells) > 1 for ln in lines]
    return {
        i
        for i, m in enumerate(multi)
        if m and ((i > 0 and multi[i - 1]) or (i + 1 < len(multi) and multi[i + 1]))
    } | {i for i, ln in enumerate(lines) if ln.ruled}


def _centred(ln: PdfLine, size: float) -> bool:
    left, right = ln.x0 - ln.col_x0, ln.col_x1 - ln.x1
    return left > 2 * size and right > 2 * size and abs(left - right) < 2.5 * size


def page_to_lines(lines: list[PdfLine], page: int, body: float) -> list[Line]:
    """Features for one page's lines in reading order."""
    table = _table_rows(lines)
    out: list[Line] = []
    for i, ln in enumerate(lines):
        size = max(ln.size, 1.0)
        tag = LineTag(page, ln)
        if i in table:
            text = CELL_SEP.join(normalize_spaces(c) for c in (ln.cells or [ln.text]))
            out.append(Line(text, fills=False, own=True, verbatim=True, tag=tag))
            continue
        text = ln.text
        fills = ln.col_x1 - ln.x1 < 1.5 * size
        centred = not fills and _centred(ln, size)
        short = len(text) <= 40
        caption = is_caption(text)
        big = ln.size >= _BIG * body and len(text) <= 60
        plain = caption or ln.red or bool(_DOC_NUMBER_RE.search(text))
        heading = not plain and (big or (ln.bold and not fills and short) or (centred and short))
        out.append(
            Line(
                text,
                fills=fills,
                indent=ln.x0 - ln.col_x0 > 1.0 * size and not centred,
                heading=heading,
                own=caption or ln.red or centred,
                tag=tag,
            )
        )
    _mark_wrapped_titles(out)
    return out


def _mark_wrapped_titles(lines: list[Line]) -> None:
    """A wide centred or large line followed by one of the same font is a title that wrapped."""
    for a, b in zip(lines, lines[1:], strict=False):
        pa, pb = a.tag.pdf, b.tag.pdf  # type: ignore[union-attr,attr-defined]
        if pa is None or pb is None or a.verbatim or b.verbatim or not (a.heading and b.heading):
            continue
        width = pa.col_x1 - pa.col_x0
        same_font = abs(pa.size - pb.size) < 0.5 and pa.red == pb.red
        gap_ok = pb.top - pa.bottom < 1.2 * pa.size
        if same_font and gap_ok and pa.x1 - pa.x0 >= 0.6 * width and not a.text.rstrip().endswith("。"):
            a.join_next = True


def title_hints(lines: list[PdfLine], body: float) -> dict[str, str]:
    """Red header (issuer) and the largest-font line(s) of page 1 as the title, when clear."""
    hints: dict[str, str] = {}
    red = [ln for ln in lines if ln.red]
    if red:
        hints["red_header"] = normalize_spaces("".join(ln.text for ln in red[:2]))
    rest = [ln for ln in lines if not ln.red and len(ln.text.strip()) > 1]
    if not rest:
        return hints
    top = max(ln.size for ln in rest)
    if top < _BIG * body:
        return hints
    idx = [i for i, ln in enumerate(rest) if abs(ln.size - top) < 0.5]
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
    title = normalize_spaces("".join(rest[i].text for i in run))
    if len(title) <= 120:
        hints["title"] = title
    return hints
