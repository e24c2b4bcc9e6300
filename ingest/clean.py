"""Text clean-up shared by the parsers: spaces, headings, captions, paragraph re-joining.

Every extractor breaks lines mid-sentence (about 60% of PDF lines), so lines
are re-joined into paragraphs here. A parser that knows geometry passes
`Line` objects (fills the width? indented? heading?); one that only has text
passes strings and the width is guessed from the typical line length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# CJK ideographs, CJK punctuation, full-width forms
_CJK_RE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2018-\u201d\u2026]")
_SPACE_CJK_RE = re.compile(
    r"(?<=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026])[ \t\u00a0\u3000]+"
    r"|[ \t\u00a0\u3000]+(?=[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026])"
)
_MULTISPACE_RE = re.compile(r"[ \t\u00a0]{2,}")

# the end of a sentence or clause: a line ending here may end its paragraph
END_PUNCT = "。！？；：!?;…”』」）)"
_HEADING_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节篇部分条]"
    r"|[一二三四五六七八九十]+、"
    r"|[（(][一二三四五六七八九十]+[）)]"
    r"|附件\s*\d*\s*[:：]?\s*$"
    r"|\d{1,2}(?:[、．]|\.(?!\d))\s*\S"
    r"|[（(]\d{1,2}[）)])"
)
_CAPTION_RE = re.compile(
    r"^\s*(?:[（(][^（）()]{0,24}(?:供图|摄|摄影|图片来源[^）)]*|资料图|制图|绘图)[）)]"
    r"|(?:图|表)\s*\d+[.:：、\s].{0,40})\s*$"
)


# a photo credit that ends a caption: （受访者供图） (记者 张三 摄) （资料图片）
_CREDIT_RE = re.compile(
    r"[（(][^（）()\n]{0,24}?(?:供图|资料图片?|图片来源[^（）()\n]{0,20}|制图|绘图"
    r"|(?:\s|记者|通讯员|新华社|本报)[^（）()\n]{0,12}摄(?:影)?)[）)]"
)
_CAPTION_START_RE = re.compile(r"(?<=[。！？!?])\s*(?=图为|[▲▼△▶◀])")


def split_captions(line: str) -> list[str]:
    """Take captions out of a running line: break after a photo credit that text follows,
    and before a 图为/▲ caption that follows a sentence and ends with a credit."""
    out: list[str] = []
    rest = line
    for m in list(_CREDIT_RE.finditer(line)):
        end = m.end() - (len(line) - len(rest))
        head, tail = rest[:end], rest[end:]
        if tail.strip() and tail.strip()[0] not in "，。；、,;":
            out.append(head)
            rest = tail
    out.append(rest)
    final: list[str] = []
    for piece in out:
        cut = [m.start() for m in _CAPTION_START_RE.finditer(piece)]
        if cut and _CREDIT_RE.search(piece[cut[-1] :]) and piece.rstrip().endswith(("）", ")")):
            final += [piece[: cut[-1]], piece[cut[-1] :]]
        else:
            final.append(piece)
    return [p.strip() for p in final if p.strip()]


_NARROW = 20  # a caption set in a narrow box beside a photo wraps at about this width


def join_wrapped_captions(lines: list[str]) -> list[str]:
    """A run of short unfinished lines ending in a line with a photo credit is one caption."""
    out: list[str] = []
    run: list[str] = []
    for line in lines:
        narrow = len(line) <= _NARROW
        if narrow and _CREDIT_RE.search(line) and line.rstrip().endswith(("）", ")")):
            out.append("".join([*run, line]) if run else line)
            run = []
        elif narrow and not line.rstrip().endswith(tuple(END_PUNCT)):
            run.append(line)
        else:
            out += run
            run = []
            out.append(line)
    return out + run


def is_cjk(ch: str) -> bool:
    return bool(_CJK_RE.match(ch))


def cjk_share(text: str) -> float:
    """Share of CJK characters among the non-space characters of `text`."""
    chars = [c for c in text if not c.isspace()]
    return sum(1 for c in chars if is_cjk(c)) / len(chars) if chars else 0.0


def normalize_spaces(text: str) -> str:
    """Remove spaces next to CJK text ("2025 年" -> "2025年"); collapse runs of spaces."""
    text = _SPACE_CJK_RE.sub("", text)
    return _MULTISPACE_RE.sub(" ", text).strip()


def is_heading_text(text: str) -> bool:
    """A numbered heading (一、 （一） 第一章 1.) that is short enough to be a heading line."""
    t = text.strip()
    return bool(_HEADING_RE.match(t)) and len(t) <= 40 and not t.endswith(("，", "、", ","))


def is_caption(text: str) -> bool:
    """A photo or figure credit such as （受访者供图） or (记者 张三 摄)."""
    return bool(_CAPTION_RE.match(text.strip()))


@dataclass
class Line:
    """One source line and what the parser knows about its layout."""

    text: str
    fills: bool | None = None  # reaches the right edge of its column (None: unknown)
    indent: bool = False  # starts to the right of the column's left edge
    heading: bool = False  # font, weight or centring say heading
    own: bool = False  # must stay a paragraph of its own (caption, table row, title)
    join_next: bool = False  # glue to the next line even if it does not fill (wrapped title)
    verbatim: bool = False  # text is final (a table row): no re-spacing
    tag: object = None  # carried through for the caller (page number, ...)


@dataclass
class Paragraph:
    text: str
    heading: bool = False
    lines: list[Line] | None = None


def _guess_fills(lines: list[Line]) -> None:
    """Without geometry, a line "fills" when it is about as long as the typical full line."""
    lengths = sorted(len(ln.text.strip()) for ln in lines if ln.fills is None and ln.text.strip())
    if not lengths:
        return
    full = lengths[int(0.8 * (len(lengths) - 1))]
    for ln in lines:
        if ln.fills is None:
            ln.fills = full >= 10 and len(ln.text.strip()) >= 0.85 * full


def _starts_paragraph(ln: Line) -> bool:
    return ln.indent or ln.heading or ln.own or is_heading_text(ln.text) or is_caption(ln.text)


def _ends_paragraph(ln: Line, indents: bool) -> bool:
    t = ln.text.rstrip()
    if ln.join_next:
        return False
    if ln.heading or ln.own or is_caption(t) or not ln.fills:
        return True
    if is_heading_text(t) and not ln.fills:
        return True
    return not indents and t.endswith(tuple(END_PUNCT))


def build_paragraphs(lines: Sequence[str | Line]) -> list[Paragraph]:
    """Re-join broken lines; headings, captions and table rows stay paragraphs of their own.

    When the source marks paragraphs by a first-line indent, a full line that
    ends a sentence still continues unless the next line is indented.
    """
    items = [ln if isinstance(ln, Line) else Line(ln) for ln in lines]
    items = [ln for ln in items if ln.text.strip()]
    _guess_fills(items)
    indents = sum(ln.indent for ln in items) >= max(2, 0.03 * len(items))
    paras: list[Paragraph] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            if len(current) == 1 and current[0].verbatim:
                text = current[0].text.strip()
            else:
                text = normalize_spaces(_join([ln.text for ln in current]))
            heading = all(ln.heading or is_heading_text(ln.text) for ln in current) and not any(
                ln.own and not ln.heading for ln in current
            )
            if text:
                paras.append(Paragraph(text, heading, list(current)))
            current.clear()

    for ln in items:
        if current and (
            _ends_paragraph(current[-1], indents) or (_starts_paragraph(ln) and not current[-1].join_next)
        ):
            flush()
        current.append(ln)
    flush()
    return paras


def _join(parts: list[str]) -> str:
    """Join line texts; a space only between two Latin words."""
    out = parts[0].strip()
    for p in parts[1:]:
        p = p.strip()
        words = out and p and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum()
        if words and not (out[-1].isdigit() and p[0].isdigit()):  # a number broken at the line end
            out += " " + p
        else:
            out += p
    return out


def rejoin_lines(lines: Sequence[str | Line]) -> list[str]:
    """Paragraph texts from broken lines (see `build_paragraphs`)."""
    return [p.text for p in build_paragraphs(lines)]
