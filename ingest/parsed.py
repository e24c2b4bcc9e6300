"""What a format parser returns before metadata and ids are added."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest.records import PageSpan, Problem, Span


@dataclass
class ParsedText:
    text: str  # cleaned text, paragraphs separated by "\n"
    page_spans: list[PageSpan] = field(default_factory=list)
    headings: list[Span] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # what the format itself says: title (HTML <title>, DOCX core props), date, author, outlet ...
    hints: dict[str, Any] = field(default_factory=dict)
