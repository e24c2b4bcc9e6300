"""Bytes in, Document out: sniff the format, parse, read metadata.

Sniffing looks at the bytes first (PDF magic, a zip holding word/document.xml,
HTML tags) and at the declared content type second, because crawled HTML is
often saved as .txt and servers often mislabel attachments.
"""

from __future__ import annotations

import importlib
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from ingest.errors import IngestError
from ingest.metadata import extract_metadata
from ingest.parsed import ParsedText
from ingest.records import Document, SourceFormat, document_id
from ingest.text import split_provenance

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_HTML_TAGS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|tbody|tr|td|span|br|h[1-6]|article|section)\b",
    re.I,
)
_HTML_MIN_TAGS = 3
_PARSERS: dict[str, str] = {
    "pdf": "ingest.pdf",
    "docx": "ingest.docx",
    "html": "ingest.html",
    "txt": "ingest.text",
}


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return True  # a damaged zip that claims to be Word: let the DOCX parser say so


def _looks_html(data: bytes) -> bool:
    head = data[:65536]
    if re.match(rb"\s*(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)\b", head, re.I):
        return True
    return len(_HTML_TAGS.findall(head)) >= _HTML_MIN_TAGS


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of Word 97-2003, WPS and Excel files


def sniff(data: bytes, content_type: str | None = None) -> SourceFormat:
    """The format of `data`: "pdf", "docx", "html" or "txt"; raise "unsupported" for other binaries."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data) or "wordprocessingml" in kind:
            return "docx"
        raise IngestError("unsupported", "a zip archive that is not a Word document")
    if data.startswith(_OLE2):  # government sites still publish .doc/.wps: say what to do with one
        raise IngestError("unsupported", "an old Office file (.doc, .wps, .xls): save it as .docx or PDF")
    if _looks_html(data) or (kind in ("text/html", "application/xhtml+xml") and b"<" in data[:4096]):
        return "html"
    if kind == "application/pdf":
        raise IngestError("pdf.corrupt", "declared PDF without a PDF header")
    return "txt"


def parse_as(fmt: SourceFormat, data: bytes, source: str) -> ParsedText:
    """Run the parser for `fmt`; imported lazily so a missing parser fails only its format."""
    module = importlib.import_module(_PARSERS[fmt])
    parsed: ParsedText = module.parse(data, source)
    return parsed


def _check_size(data: bytes, source: str, max_bytes: int | None) -> None:
    if not data or not data.strip():
        raise IngestError("empty", "the source is empty", source)
    if max_bytes is not None and len(data) > max_bytes:
        raise IngestError("too_large", f"{len(data)} bytes is more than the limit of {max_bytes}", source)


def build_document(data: bytes, source: str, fmt: SourceFormat, parsed: ParsedText) -> Document:
    fields: dict[str, Any] = extract_metadata(parsed.text, {**parsed.hints, "source": source})
    return Document(
        id=document_id(data),
        source=source,
        format=fmt,
        title=fields["title"],
        kind=fields["kind"],
        issuer=fields["issuer"],
        doc_number=fields["doc_number"],
        date=fields["date"],
        region=fields["region"],
        period=fields["period"],
        text=parsed.text,
        page_spans=parsed.page_spans,
        headings=parsed.headings,
        meta=fields["meta"],
        problems=parsed.problems,
    )


def read_bytes(
    data: bytes,
    source: str,
    content_type: str | None = None,
    *,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Turn the bytes of one source into a Document; raise IngestError for bad input."""
    _check_size(data, source, max_bytes)
    hints, body = split_provenance(data)
    if not body.strip():
        raise IngestError("empty", "the source holds only a provenance line", source)
    try:
        fmt = sniff(body, content_type)
    except IngestError as exc:
        exc.source = exc.source or source
        raise
    parsed = parse_as(fmt, body, source)
    if not parsed.text.strip():
        raise IngestError("empty", "no text found", source)
    # Provenance names the document better than an HTML <title> does.
    parsed.hints = {**parsed.hints, **hints}
    return build_document(data, source, fmt, parsed)


def read_path(path: Path | str, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Document:
    """Read a file and turn it into a Document (source = the path as given)."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise IngestError("too_large", f"{size} bytes is more than the limit of {max_bytes}", str(path))
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError("not_found", "no such file", str(path)) from exc
    except IsADirectoryError as exc:
        raise IngestError("unsupported", "a folder, not a file", str(path)) from exc
    except PermissionError as exc:
        raise IngestError("unreadable", "permission denied", str(path)) from exc
    return read_bytes(data, str(path), max_bytes=max_bytes)
