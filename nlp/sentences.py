"""Chinese sentence splitting over the cleaned text, by character offsets.

Paragraphs (lines) are always boundaries. Inside a paragraph a sentence ends
after 。！？；!? or an ellipsis; closing quotes and brackets that follow stay
with it. Headings and list items are their own units.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A sentence end, plus any closing quotes/brackets glued to it.
_END = re.compile(r"(?:[。！？；!?]+|…{1,2}|\.{3,6})[”’」』）)】》〕\"']*")
_PARAGRAPH = re.compile(r"[^\n]+")

_CN_NUM = "一二三四五六七八九十百零〇两"
# Outline markers by depth: 第一章 > 一、 > （一） > 1. > （1）/①. They open headings and list items.
_OUTLINE_LEVELS = (
    re.compile(rf"^第[{_CN_NUM}\d]+[章节条部分篇]"),
    re.compile(rf"^[{_CN_NUM}]+[、.．]"),
    re.compile(rf"^[（(][{_CN_NUM}]+[)）]"),
    re.compile(r"^\d{1,2}[、.．](?!\d)"),
    re.compile(r"^[（(]\d{1,2}[)）]|^[①-⑳]"),
)
_HEADING_MAX_CHARS = 40
# No real sentence is longer (the longest in the bundled reports has 428 characters); a
# run without 。 beyond it (a table flattened to one line, a pasted list) is cut after its
# last comma within the bound, so the work per sentence stays bounded.
MAX_SENTENCE_CHARS = 600
_SOFT_END = re.compile(r"[，,、：:]")
_FINAL_PUNCT = "。！？；!?：:，,"


def split_sentences(text: str, headings: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) for every sentence of `text`, in order.

    `headings` are spans the parser already knows to be headings (PDF font,
    DOCX style, HTML <h*>); other headings are recognised by their shape.
    """
    known = sorted(headings)
    out: list[tuple[int, int, bool]] = []
    for para in _PARAGRAPH.finditer(text):
        pieces = list(_paragraph_sentences(text, para.start(), para.end()))
        for i, (start, end) in enumerate(pieces):
            heading = _overlaps(known, start, end) or _looks_like_heading(text[start:end], len(pieces), i)
            out.append((start, end, heading))
    return out


def _paragraph_sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    for m in _END.finditer(text, start, end):
        yield from _bounded(text, pos, m.end())
        pos = m.end()
    yield from _bounded(text, pos, end)


def _bounded(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """The span as sentences of at most MAX_SENTENCE_CHARS, cut after a comma where one is."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(
            (m.end() for m in _SOFT_END.finditer(text, start + MAX_SENTENCE_CHARS // 2, limit)), default=limit
        )
        yield from _trimmed(text, start, cut)
        start = cut
    yield from _trimmed(text, start, end)


def _trimmed(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _looks_like_heading(sentence: str, sentences_in_paragraph: int, position: int) -> bool:
    """A short paragraph without closing punctuation, or a short enumerated lead-in."""
    if len(sentence) > _HEADING_MAX_CHARS:
        return False
    if sentences_in_paragraph == 1 and sentence[-1] not in _FINAL_PUNCT:
        return True
    # （一）坚持创新引领。… : the enumerated first sentence of a paragraph heads it.
    return position == 0 and sentences_in_paragraph > 1 and _enumerated(sentence)


def _enumerated(text: str) -> bool:
    return any(p.match(text.lstrip()) for p in _OUTLINE_LEVELS)


def heading_level(text: str) -> int:
    """Outline depth of a heading by its enumerator; unnumbered headings rank with 一、."""
    for level, pattern in enumerate(_OUTLINE_LEVELS):
        if pattern.match(text.lstrip()):
            return level
    return 1


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
