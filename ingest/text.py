"""Plain-text parser: decode (UTF-8 or GB18030), normalise lines, read the provenance line.

The corpus convention puts a first line ``# source: WHERE | TITLE | YEAR`` in
front of a text; it is metadata, not content, so it becomes hints and leaves
the text.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.clean import join_wrapped_captions, rejoin_lines, split_captions
from ingest.errors import IngestError
from ingest.parsed import ParsedText
from ingest.records import Span

PROVENANCE_PREFIX = b"# source:"
# Zero-width characters carry no text; a line holding only one (wikisource
# page-join marker) sits inside a paragraph, so its neighbours are joined.
_ZW_JOIN = re.compile(r"(?<=[^\n])\n[ \t]*\u200b[ \t]*\n(?=[^\n])")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# A sub- or superscript set on its own line by a web page's markup: M\n2\n增长 → M2增长.
_SUBSCRIPT = re.compile(r"(?<=[A-Za-z])\n(\d{1,2}(?:\.\d)?)\n(?=[^\n])")  # PM\n2.5\n
_LINE_SPACE = re.compile(r"^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$")
# Licence boilerplate that wikisource appends after the last paragraph.
_FOOTER_STARTS = ("本作品是中华人民共和国的", "本作品在全世界都属于公有领域", "Public domain")
_FOOTER_WINDOW = 4000
# Numbered heading lines of 公文 and reports: 一、 （一） 第一章 第二部分.
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|"
    r"第[一二三四五六七八九十百零〇]{1,4}[章节篇部分编]{1,2}[\s　]?)"
)
_HEADING_MAX = 40
# Text copied out of a PDF is hard-wrapped: most lines stop mid-sentence.
_OPEN_END = "。！？；：!?;…”』」）)"
# A line that stops inside a sentence (a clause after its last full stop, no end mark):
# 在他们看来，宁波传统制造 / 业占比仍然较重。 — a stray break in a pasted article.
_OPEN_CLAUSE = re.compile(r"[，、,]([^。！？；：!?;…]*)$")
# A line that opens a news story never continues the line above (a headline with commas)
# …, and neither does a source, byline or date line under a headline (来源：江海日报 2026-10-16)
_STORY_LEAD = re.compile(
    r"(?:本报讯|本报记者|新华社|中新社|中新网|人民网|央视网|[（(【]?记者|"
    r"(?:来源|作者|编辑|责任编辑|通讯员|发布时间|发布日期|日期|时间)\s*[:：]|(?:19|20)\d\d[-/年.]\d)"
)
_WRAPPED_SHARE = 0.5
_WRAPPED_WIDTH = 0.7  # a wrapped line fills most of the typical (90th percentile) line width
_WRAPPED_MIN_LINES = 8


def split_provenance(data: bytes) -> tuple[dict[str, Any], bytes]:
    """Take a leading ``# source: … | TITLE | YEAR`` line off `data`, returning its hints."""
    if not data.lstrip(b"\xef\xbb\xbf").startswith(PROVENANCE_PREFIX):
        return {}, data
    body = data.lstrip(b"\xef\xbb\xbf")
    first, _, rest = body.partition(b"\n")
    line = decode(first, "provenance").strip()
    hints: dict[str, Any] = {}
    parts = [p.strip() for p in line[len("# source:") :].rsplit(" | ", 2)]
    hints["provenance"] = parts[0]
    if len(parts) >= 2 and parts[1]:
        hints["title"] = parts[1]
    if len(parts) == 3 and re.fullmatch(r"(19|20)\d\d", parts[2]):
        hints["year"] = int(parts[2])
    return hints, rest


def decode(data: bytes, source: str) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030; raise "decode" when none fits."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return _big5_instead(data, text) if encoding == "gb18030" else text
    raise IngestError("decode", "text is neither UTF-8 nor GB18030", source)


def _common_share(text: str, encoding: str, lead: tuple[int, int]) -> float:
    """Share of the Han characters that are in `encoding`'s block of common characters (first
    byte within `lead`): GB2312 level 1 (B0–D7), Big5's frequent characters (A4–C6)."""
    han = [ch for ch in text[:5000] if "\u4e00" <= ch <= "\u9fff"]
    common = 0
    for ch in han:
        try:
            common += lead[0] <= ch.encode(encoding)[0] <= lead[1]
        except UnicodeEncodeError:
            continue
    return common / len(han) if han else 1.0


def _big5_instead(data: bytes, gb_text: str) -> str:
    """Big5 bytes also decode as GB18030, as rare characters and kana (萬輛 → 窾进): when the GB
    reading is mostly uncommon characters and the Big5 one mostly common, the file is Big5."""
    if _common_share(gb_text, "gb2312", (0xB0, 0xD7)) >= 0.6:
        return gb_text
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        return gb_text
    return big5 if _common_share(big5, "big5", (0xA4, 0xC6)) >= 0.9 else gb_text


def normalise_lines(text: str) -> str:
    """One paragraph a line: unify newlines, drop zero-width marks, trim lines, drop blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _ZW_JOIN.sub("", text)
    text = _ZERO_WIDTH.sub("", text)
    lines = (_LINE_SPACE.sub("", line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def strip_footer(text: str) -> str:
    """Cut known licence boilerplate that starts near the end of the text."""
    cut = len(text)
    tail_start = max(0, len(text) - _FOOTER_WINDOW)
    for marker in _FOOTER_STARTS:
        at = text.find("\n" + marker, tail_start)
        if at != -1:
            cut = min(cut, at)
    return text[:cut]


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the head: not a text file."""
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20


def pattern_headings(text: str) -> list[Span]:
    """Spans of whole lines that are numbered headings: short, at most one 。 and only at the end."""
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        body = line.rstrip("。")
        if len(line) <= _HEADING_MAX and _HEADING.match(line) and not re.search("[。！？；]", body):
            spans.append(Span(start=offset, end=offset + len(line)))
        offset += len(line) + 1
    return spans


def hard_wrapped(text: str) -> bool:
    """Most lines end without sentence punctuation at the full line width: lines are a
    layout, not paragraphs. Short open lines (a title, 发文字号, the signing 机关 one per
    line, a date) are what a 公文 looks like, not wrapping."""
    lines = text.split("\n")
    if len(lines) < _WRAPPED_MIN_LINES:
        return False
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    open_lines = sum(
        1 for line in lines if not line.endswith(tuple(_OPEN_END)) and len(line) >= _WRAPPED_WIDTH * width
    )
    return open_lines >= _WRAPPED_SHARE * len(lines)


def join_broken_sentences(lines: list[str]) -> list[str]:
    """Glue a line that breaks off mid-sentence to the next one (not headings, not hard-wrapped text)."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        broken = (
            prev
            and len(out) > 1  # the first line is the title or headline: 破除“内卷”，让产业竞争回到创新赛道
            and not prev.endswith(tuple(_OPEN_END))
            and _OPEN_CLAUSE.search(prev)
            and not _HEADING.match(prev)
            and not _HEADING.match(line)
            and not _STORY_LEAD.match(line)
            and "\u4e00" <= line[0] <= "\u9fff"
        )
        if broken:
            out[-1] = prev + line
        else:
            out.append(line)
    return out


def parse(data: bytes, source: str) -> ParsedText:
    hints, body = split_provenance(data)
    if looks_binary(body):
        raise IngestError("unsupported", "binary data that is not PDF, DOCX or HTML", source)
    text = _SUBSCRIPT.sub(r"\1", strip_footer(normalise_lines(decode(body, source))))
    if not text.strip():
        raise IngestError("empty", "no text in the file", source)
    if hard_wrapped(text):
        text = "\n".join(rejoin_lines(text.split("\n")))
        hints["rejoined_lines"] = True
    lines = join_wrapped_captions(join_broken_sentences(text.split("\n")))
    text = "\n".join(piece for line in lines for piece in split_captions(line))
    return ParsedText(text=text, headings=pattern_headings(text), hints=hints)
