"""The Document record: what ingest produces and every later stage reads.

Text is cleaned once here; everything downstream points into `Document.text`
with character offsets instead of copying strings.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, Field

DocumentKind = Literal["policy", "news", "other"]
SourceFormat = Literal["pdf", "html", "docx", "txt"]


class Problem(BaseModel):
    """Something that went wrong with part of a document but did not stop it."""

    code: str  # stable, machine-readable: "pdf.cid_garbage", "pdf.ocr_failed", ...
    message: str
    page: int | None = None


class PageSpan(BaseModel):
    """Where one source page lies in the cleaned text (1-based page number)."""

    number: int
    start: int
    end: int
    ocr: bool = False  # text of this page came from OCR


class Span(BaseModel):
    start: int
    end: int


class Document(BaseModel):
    id: str  # sha256 of the source bytes
    source: str  # path or URL it came from
    format: SourceFormat
    title: str | None = None
    kind: DocumentKind = "other"
    issuer: str | None = None  # 发文机关
    doc_number: str | None = None  # 发文字号
    date: str | None = None  # YYYY-MM-DD (成文日期 or publication date)
    region: str | None = None
    period: tuple[int, int] | None = None  # plan period, e.g. (2023, 2027)
    text: str  # cleaned text: paragraphs separated by "\n"
    page_spans: list[PageSpan] = Field(default_factory=list)  # empty for formats without pages
    headings: list[Span] = Field(default_factory=list)  # spans the parser knows are headings
    meta: dict[str, Any] = Field(default_factory=dict)  # 主送机关, 印发日期, 附件, outlet, author, ...
    problems: list[Problem] = Field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.page_spans) or 1

    def page_at(self, offset: int) -> int:
        """1-based page holding the character at `offset` (1 for page-less formats)."""
        for span in self.page_spans:
            if span.start <= offset < span.end:
                return span.number
        return self.page_spans[-1].number if self.page_spans else 1

    def header(self) -> dict[str, Any]:
        """The `document` object of the public analysis record (SCHEMA.md)."""
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "kind": self.kind,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "date": self.date,
            "region": self.region,
            "period": list(self.period) if self.period else None,
            "pages": self.pages,
            "format": self.format,
            "meta": self.meta,
            "ocr_pages": [p.number for p in self.page_spans if p.ocr],
            "problems": [p.model_dump() for p in self.problems],
        }


def document_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
