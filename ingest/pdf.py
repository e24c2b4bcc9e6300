"""PDF parser: bytes -> ParsedText (cleaned paragraphs, page spans, headings, problems).

Stages, each its own module: characters (pdf_chars, pypdfium2) -> lines in
reading order (pdf_layout) -> quality check and OCR of bad pages (pdf_quality,
ocr) -> page furniture removed (pdf_furniture) -> paragraphs (pdf_lines, clean).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium

from ingest.clean import Line, Paragraph, build_paragraphs, cjk_share, normalize_spaces
from ingest.errors import IngestError
from ingest.ocr import OcrError, ocr_page, tesseract_path
from ingest.parsed import ParsedText
from ingest.pdf_chars import PageChars, open_pdf, read_page
from ingest.pdf_furniture import page_number, remove_furniture
from ingest.pdf_layout import PdfLine, page_lines
from ingest.pdf_lines import LineTag, body_size, page_to_lines, title_hints
from ingest.pdf_quality import page_problems
from ingest.pdf_tables import GridFinder
from ingest.records import PageSpan, Problem, Span

DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_OCR_PAGES = 100
_OCR_CODES = {"pdf.no_text_layer", "pdf.cid_garbage", "pdf.low_cjk"}


@dataclass
class _Page:
    chars: PageChars
    lines: list[PdfLine]
    ocr_lines: list[str] | None = None
    problems: list[Problem] = field(default_factory=list)


def parse(
    data: bytes,
    source: str,
    *,
    max_pages: int = DEFAULT_MAX_PAGES,
    ocr: bool = True,
    max_ocr_pages: int = DEFAULT_MAX_OCR_PAGES,
) -> ParsedText:
    """Parse a PDF; raise IngestError ("pdf.empty", "pdf.corrupt", "pdf.encrypted",
    "pdf.too_many_pages", "pdf.no_text") for input that is not a readable PDF."""
    finder = GridFinder(data)
    try:
        with open_pdf(data, source, max_pages) as doc:
            pages = [_read(doc, i, finder) for i in range(len(doc))]
            _check_quality(pages)
            _ocr_bad_pages(doc, pages, ocr, max_ocr_pages)
    finally:
        finder.close()
    return _assemble(pages, source)


def _read(doc: pdfium.PdfDocument, index: int, finder: GridFinder) -> _Page:
    chars = read_page(doc, index)
    grids = finder.grids(index) if chars.ruled else []
    return _Page(chars, page_lines(chars, grids))


def _page_text(page: _Page) -> str:
    return "".join(ln.text for ln in page.lines)


def _check_quality(pages: list[_Page]) -> None:
    shares = sorted(cjk_share(_page_text(p)) for p in pages if _page_text(p).strip())
    doc_cjk = shares[int(0.75 * (len(shares) - 1))] if shares else 0.0
    for p in pages:
        c = p.chars
        p.problems = page_problems(c.number, _page_text(p), c.map_errors, c.has_images, doc_cjk)


def _ocr_bad_pages(doc: pdfium.PdfDocument, pages: list[_Page], enabled: bool, limit: int) -> None:
    """Re-read flagged pages with OCR; record why when that is not possible."""
    available = enabled and tesseract_path() is not None
    done = 0
    for p in pages:
        if not any(pr.code in _OCR_CODES for pr in p.problems):
            continue
        number = p.chars.number
        if not available:
            why = "OCR is disabled" if not enabled else "tesseract is not installed"
            p.problems.append(Problem(code="pdf.ocr_unavailable", message=why, page=number))
        elif done >= limit:
            p.problems.append(
                Problem(code="pdf.ocr_skipped", message=f"more than {limit} pages need OCR", page=number)
            )
        else:
            done += 1
            try:
                p.ocr_lines = ocr_page(doc, number - 1)
            except OcrError as exc:
                p.problems.append(Problem(code="pdf.ocr_failed", message=str(exc), page=number))
        if p.ocr_lines is None and any(pr.code == "pdf.cid_garbage" for pr in p.problems):
            p.lines = []  # garbled glyphs must not reach the tokenizer


def _ocr_lines(lines: list[str], page: int) -> list[Line]:
    """OCR lines without geometry; a page number line at either end is dropped."""
    if lines and page_number(lines[-1]) is not None:
        lines = lines[:-1]
    if lines and page_number(lines[0]) is not None:
        lines = lines[1:]
    return [Line(t, tag=LineTag(page)) for t in lines]


def _assemble(pages: list[_Page], source: str) -> ParsedText:
    text_pages = [p.lines if p.ocr_lines is None else [] for p in pages]
    kept, printed = remove_furniture(text_pages, [p.chars.height for p in pages])
    body = body_size(kept)
    lines: list[Line] = []
    for p, page_kept in zip(pages, kept, strict=True):
        n = p.chars.number
        lines += _ocr_lines(p.ocr_lines, n) if p.ocr_lines is not None else page_to_lines(page_kept, n, body)
    paras = build_paragraphs(lines)
    if not paras:
        codes = sorted({pr.code for p in pages for pr in p.problems})
        why = f" ({', '.join(codes)})" if codes else ""
        raise IngestError("pdf.no_text", f"no usable text in the PDF, even after OCR{why}", source)
    text, headings, starts = _join_paragraphs(paras)
    hints: dict[str, object] = dict(title_hints(kept[0], body)) if kept and kept[0] else {}
    if printed:
        hints["printed_page_numbers"] = printed
    return ParsedText(
        text=text,
        page_spans=_page_spans(pages, starts, len(text)),
        headings=headings,
        problems=[pr for p in pages for pr in p.problems],
        hints=hints,
    )


def _join_paragraphs(paras: list[Paragraph]) -> tuple[str, list[Span], dict[int, int]]:
    """The text, heading spans, and the offset where each page's first line starts."""
    parts: list[str] = []
    headings: list[Span] = []
    starts: dict[int, int] = {}
    pos = 0
    for para in paras:
        page_prev = None
        for k, ln in enumerate(para.lines or []):
            page = ln.tag.page  # type: ignore[union-attr,attr-defined]
            if page != page_prev and page not in starts:
                prefix = normalize_spaces("".join(x.text for x in (para.lines or [])[:k])) if k else ""
                starts[page] = pos + min(len(prefix), len(para.text))
            page_prev = page
        if para.heading:
            headings.append(Span(start=pos, end=pos + len(para.text)))
        parts.append(para.text)
        pos += len(para.text) + 1
    return "\n".join(parts), headings, starts


def _page_spans(pages: list[_Page], starts: dict[int, int], length: int) -> list[PageSpan]:
    """Spans that tile the text: a page runs from its first line to the next page's first line."""
    spans: list[PageSpan] = []
    numbers = [p.chars.number for p in pages]
    begin = [0] * len(numbers)
    nxt = length
    for i in range(len(numbers) - 1, -1, -1):
        begin[i] = starts.get(numbers[i], nxt)
        nxt = begin[i]
    begin[0] = 0
    for i, p in enumerate(pages):
        end = begin[i + 1] if i + 1 < len(pages) else length
        spans.append(
            PageSpan(
                number=p.chars.number, start=begin[i], end=max(end, begin[i]), ocr=p.ocr_lines is not None
            )
        )
    return spans
