"""Open a PDF with pypdfium2 and read every character with its box and font.

pypdfium2 is ~15x faster than pdfminer-based extraction and keeps the
content order faithful; the layout work (lines, columns, furniture) is ours.
"""

from __future__ import annotations

import ctypes
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.errors import IngestError
from ingest.pdf_tables import has_ruling

# pdfium error codes from FPDF_GetLastError
_ERR_PASSWORD = 4
_ERR_FORMAT = 3
_ERR_FILE = 2
MAX_STREAM_BYTES = 256 * 1024 * 1024  # one inflated stream; a 300 dpi A4 RGB image is ~26 MB
_STREAM_RE = re.compile(rb"(?<!end)stream\r?\n")
_PIECE = 1 << 16
_MAX_TABLE_CHARS = 20000  # a page denser than this is not searched for tables


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float  # distance from the page top, PDF points
    bottom: float
    baseline: float
    size: float
    bold: bool
    red: bool


@dataclass
class PageChars:
    number: int  # 1-based
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    has_images: bool = False
    map_errors: int = 0  # glyphs without a Unicode mapping (CID garbage)
    ruled: bool = False  # enough ruling lines for a table grid (see pdf_tables)


def check_streams(data: bytes, source: str, limit: int = MAX_STREAM_BYTES) -> None:
    """Raise "pdf.bomb" when one Flate stream inflates past `limit` bytes.

    pdfium inflates a content stream whole, so a 1 MB file holding a 1 GB
    stream costs 2 GB of memory; each stream is inflated here first, in
    bounded pieces that are thrown away. Streams that are not Flate fail at
    their first bytes and cost nothing.
    """
    for m in _STREAM_RE.finditer(data):
        inflater = zlib.decompressobj()
        total, pos = 0, m.end()
        try:
            while pos < len(data) and not inflater.eof:
                piece = data[pos : pos + _PIECE]
                pos += _PIECE
                while piece:
                    total += len(inflater.decompress(piece, _PIECE * 16))
                    if total > limit:
                        raise IngestError(
                            "pdf.bomb", f"a compressed stream inflates to more than {limit} bytes", source
                        )
                    piece = inflater.unconsumed_tail
        except zlib.error:
            continue


def _sniff(data: bytes, source: str) -> None:
    """Reject what is plainly not a PDF before pdfium sees it."""
    if not data or not data.strip():
        raise IngestError("pdf.empty", "the file is empty", source)
    head = data[:1024].lstrip()
    if b"%PDF-" not in data[:1024]:
        what = "HTML" if head[:15].lower().startswith((b"<!doctype", b"<html", b"<?xml")) else "not a PDF"
        raise IngestError("pdf.corrupt", f"the file is {what} (no %PDF header)", source)
    if b"%%EOF" not in data[-2048:]:
        raise IngestError("pdf.corrupt", "the PDF is truncated (no %%EOF trailer)", source)


@contextmanager
def open_pdf(data: bytes, source: str, max_pages: int) -> Iterator[pdfium.PdfDocument]:
    """Open `data` as a PDF; raise IngestError with a stable code for bad input."""
    _sniff(data, source)
    check_streams(data, source)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == _ERR_PASSWORD:
            raise IngestError("pdf.encrypted", "the PDF is password-protected", source) from None
        raise IngestError("pdf.corrupt", f"the PDF cannot be read ({exc})", source) from None
    try:
        pages = len(doc)
        if pages == 0:
            raise IngestError("pdf.corrupt", "the PDF has no pages", source)
        if pages > max_pages:
            raise IngestError("pdf.too_many_pages", f"{pages} pages, more than the limit {max_pages}", source)
        yield doc
    finally:
        doc.close()


def _has_images(page: pdfium.PdfPage) -> bool:
    for _obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        return True
    return False


def read_page(doc: pdfium.PdfDocument, index: int) -> PageChars:
    """Characters of page `index` (0-based) in content order, pdfium's generated spaces left out."""
    page = doc[index]
    try:
        width, height = page.get_size()
        result = PageChars(index + 1, width, height)
        textpage = page.get_textpage()
        try:
            _read_chars(textpage, height, result)
        finally:
            textpage.close()
        if len(result.chars) < 10:
            result.has_images = _has_images(page)
        elif len(result.chars) < _MAX_TABLE_CHARS:
            result.ruled = has_ruling(page)
        return result
    finally:
        page.close()


def _read_chars(textpage: pdfium.PdfTextPage, height: float, out: PageChars) -> None:
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    tp = textpage.raw
    for i in range(pdfium_c.FPDFText_CountChars(tp)):
        if pdfium_c.FPDFText_IsGenerated(tp, i):
            continue
        code = pdfium_c.FPDFText_GetUnicode(tp, i)
        if pdfium_c.FPDFText_HasUnicodeMapError(tp, i) == 1:
            out.map_errors += 1
        if code in (0, 0xFFFE, 0xFFFF) or code < 32 and code not in (9, 10, 13):
            continue
        if code in (10, 13):
            continue
        pdfium_c.FPDFText_GetLooseCharBox(tp, i, rect)
        pdfium_c.FPDFText_GetCharOrigin(tp, i, ox, oy)
        pdfium_c.FPDFText_GetFillColor(tp, i, red, green, blue, alpha)
        size = pdfium_c.FPDFText_GetFontSize(tp, i)
        weight = pdfium_c.FPDFText_GetFontWeight(tp, i)
        is_red = red.value > 170 and green.value < 90 and blue.value < 90
        out.chars.append(
            Char(
                chr(code),
                rect.left,
                rect.right,
                height - rect.top,
                height - rect.bottom,
                height - oy.value,
                size,
                weight >= 600,
                is_red,
            )
        )
