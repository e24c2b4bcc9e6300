"""DOCX parser via python-docx: paragraphs and tables in body order, headings from styles or numbering."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.errors import IngestError
from ingest.parsed import ParsedText
from ingest.records import Span
from ingest.tables import CELL_SEP
from ingest.text import normalise_lines, pattern_headings

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10000
_HEADING_STYLE = re.compile(r"^(heading|标题|title)\s*\d*$", re.I)


def _blocks(document: DocxDocument) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in the order they appear in the body."""
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        seen: object = None
        for cell in row.cells:
            # a merged cell comes back once per grid column: its text once, then empty
            # cells, so the columns still line up with the header row (ingest.tables)
            cells.append("" if cell._tc is seen else " ".join(cell.text.split()))
            seen = cell._tc
        while cells and not cells[-1]:
            cells.pop()
        if any(cells):
            lines.append(CELL_SEP.join(cells))
    return lines


def _is_heading_style(paragraph: Paragraph) -> bool:
    try:
        name = paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError):
        return False
    return bool(_HEADING_STYLE.match(name or ""))


def _hints(document: DocxDocument) -> dict[str, Any]:
    props = document.core_properties
    hints: dict[str, Any] = {}
    if props.title and props.title.strip():
        hints["title"] = props.title.strip()
    # author and dates here describe the file (who saved it when), not the 公文.
    if props.author and props.author.strip():
        hints["file_author"] = props.author.strip()
    when = props.created or props.modified
    if when is not None:
        hints["file_date"] = when.date().isoformat()
    return hints


def _check_zip(data: bytes, source: str) -> None:
    """Refuse a zip bomb before python-docx inflates its parts into memory.

    The sizes come from the central directory; zipfile stops reading a member
    at its declared size, so a member cannot inflate past what is checked here.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise IngestError("docx.corrupt", f"cannot open the Word file: {exc}", source) from exc
    if len(members) > MAX_MEMBERS:
        raise IngestError("docx.bomb", f"{len(members)} parts, more than {MAX_MEMBERS}", source)
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise IngestError(
            "docx.bomb", f"the parts inflate to {total} bytes, more than {MAX_UNPACKED_BYTES}", source
        )


def _open(data: bytes, source: str) -> DocxDocument:
    _check_zip(data, source)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError("docx.corrupt", f"cannot open the Word file: {exc}", source) from exc
    except Exception as exc:  # lxml/xml errors from a damaged part
        raise IngestError("docx.corrupt", f"cannot read the Word file: {exc}", source) from exc


def parse(data: bytes, source: str) -> ParsedText:
    document = _open(data, source)
    lines: list[str] = []
    heads: list[Span] = []
    offset = 0
    for block in _blocks(document):
        if isinstance(block, Table):
            found, is_heading = _table_lines(block), False
        else:
            found, is_heading = normalise_lines(block.text).split("\n"), _is_heading_style(block)
        for line in (normalise_lines(x) for x in found):
            if not line:
                continue
            if is_heading:
                heads.append(Span(start=offset, end=offset + len(line)))
            lines.append(line)
            offset += len(line) + 1
    text = "\n".join(lines)
    if not text:
        raise IngestError("empty", "the Word file holds no text", source)
    known = {(s.start, s.end) for s in heads}
    heads += [s for s in pattern_headings(text) if (s.start, s.end) not in known]
    heads.sort(key=lambda s: s.start)
    return ParsedText(text=text, headings=heads, hints=_hints(document))
