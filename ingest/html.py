"""HTML parser: main text via trafilatura, with a tag-stripping fallback for fragments.

Government and news pages carry navigation, breadcrumbs, related links and ICP
footers; trafilatura removes most of it and a line filter takes the rest.
Crawled fragments (a bare ``<tbody>`` of the article) have no page around
them, so when trafilatura keeps clearly less than a plain walk of the
fragment's blocks, the plain walk wins.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ingest.clean import split_captions
from ingest.errors import IngestError
from ingest.parsed import ParsedText
from ingest.records import Problem, Span
from ingest.tables import CELL_SEP
from ingest.text import decode, normalise_lines, pattern_headings

_LEAF_BLOCKS = {"head", "p", "item", "row", "quote", "code", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4"}
_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select"]
_FALLBACK_BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}
_FURNITURE_CLASS = re.compile(
    r"nav|menu|footer|breadcrumb|crumb|share|related|sidebar|copyright|toolbar", re.I
)
# Page furniture that survives extraction; matched against short lines only.
_FURNITURE_LINE = re.compile(
    r"ICP备|ICP证|公网安备|版权所有|Copyright|©|网站标识码|主办单位|承办单位|当前位置|您现在的位置|"
    r"^首页\s*[>»/]|分享到|打印本页|关闭窗口|【\s*字体|字号[:：]\s*[大中小]|扫一扫|^相关链接|^上一篇|^下一篇|"
    r"^(?:首页|返回首页|返回顶部|返回|更多|打印|关闭|收藏|登录|注册|English)$"
)
_FURNITURE_MAX = 80
# News bylines: metadata (outlet, author, date), not article text.
_BYLINE_MAX = 100
_FIELD_SPLIT = re.compile(r"\s{2,}|\u3000+|\s*[|｜]\s*")
_BYLINE_FIELD = re.compile(
    r"^(?:来源|稿源|作者|文|发布时间|发布日期|更新时间|时间|日期|责任编辑|编辑|审核|校对|浏览次数|阅读|点击)\s*[:：]"
)
_NAME = r"[\u4e00-\u9fa5]{2,4}(?:[\s、，]+[\u4e00-\u9fa5]{2,4})*"
_NAMES_ONLY = re.compile(rf"^(?:本报)?(?:见习)?记者[\s:：]*{_NAME}(?:\s*(?:通讯员|实习生)[\s:：]*{_NAME})*$")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\s-\s|\|| — )\s*")
_FRAGMENT_KEEP = 0.8  # trafilatura must keep this share of a fragment's text


def _charset(data: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", data[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None


def decode_html(data: bytes, source: str) -> str:
    charset = _charset(data)
    if charset and charset not in ("utf-8", "utf8"):
        try:
            return data.decode("gb18030" if charset in ("gb2312", "gbk") else charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, source)


def _is_fragment(markup: str) -> bool:
    return not re.search(r"<(html|body)\b", markup[:5000], re.I)


def _block_text(el: etree._Element) -> str:
    if el.tag in ("row", "tr"):
        cells = [" ".join("".join(c.itertext()).split()) for c in el if isinstance(c.tag, str)]
        while cells and not cells[-1]:
            cells.pop()
        return CELL_SEP.join(cells)  # empty cells kept so columns line up (ingest.tables)
    parts: list[str] = [el.text or ""]
    for child in el:
        parts.append("\n" if child.tag in ("lb", "br") else "".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_bold_only(el: etree._Element) -> bool:
    """A paragraph whose whole text is bold: a heading set in running text."""
    if (el.text or "").strip():
        return False
    children = [c for c in el if isinstance(c.tag, str)]
    if not children or any((c.tail or "").strip() for c in children):
        return False
    return all(c.tag in ("hi", "b", "strong") and c.get("rend", "#b") == "#b" for c in children)


def _walk_blocks(root: etree._Element) -> list[tuple[str, bool]]:
    """(line, is_heading) for each outermost text block of trafilatura's body."""
    out: list[tuple[str, bool]] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _LEAF_BLOCKS:
            continue
        if any(a.tag in _LEAF_BLOCKS for a in el.iterancestors()):
            continue
        heading = el.tag == "head" or el.tag in _HEADING_TAGS or _is_bold_only(el)
        out.append((_block_text(el), heading))
    return out


def _fallback_blocks(markup: str) -> list[tuple[str, bool]]:
    """Plain walk: drop scripts and furniture containers, break lines at block tags."""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for el in list(root.iter(*_DROP_TAGS)):
        el.drop_tree()
    for el in list(root.iter()):
        furniture = isinstance(el.tag, str) and _FURNITURE_CLASS.search(
            f"{el.get('class', '')} {el.get('id', '')}"
        )
        if furniture and el.getparent() is not None:
            el.drop_tree()
    for el in root.iter():  # source newlines inside a block are just spaces
        el.text = el.text.replace("\n", " ") if el.text else el.text
        el.tail = el.tail.replace("\n", " ") if el.tail else el.tail
    for br in list(root.iter("br")):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _FALLBACK_BLOCKS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = "".join(root.itertext()).split("\n")
    return [(line, False) for line in lines]


def byline_fields(line: str) -> list[str] | None:
    """The fields of a news byline (来源：X  作者：Y  发布时间：Z, or 记者 X 通讯员 Y), else None."""
    if len(line) > _BYLINE_MAX:
        return None
    fields = [f for f in _FIELD_SPLIT.split(line) if f]
    if any(_BYLINE_FIELD.match(f) for f in fields) or _NAMES_ONLY.match(line):
        return fields
    return None


def _assemble(blocks: list[tuple[str, bool]], bylines: list[str] | None = None) -> tuple[str, list[Span]]:
    """Text and heading spans; byline fields go to `bylines` instead of the text."""
    lines: list[str] = []
    heads: list[Span] = []
    offset = 0
    for raw, heading in blocks:
        for line in (p for ln in normalise_lines(raw).split("\n") for p in split_captions(ln)):
            if not line or (len(line) <= _FURNITURE_MAX and _FURNITURE_LINE.search(line)):
                continue
            fields = byline_fields(line)
            if fields is not None and not heading:
                if bylines is not None:
                    bylines += fields
                continue
            if heading:
                heads.append(Span(start=offset, end=offset + len(line)))
            lines.append(line)
            offset += len(line) + 1
    return "\n".join(lines), heads


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    first = _TITLE_SPLIT.split(title.strip())[0]
    return first if len(first) >= 6 else title.strip()


def _meta_content(markup: str, names: tuple[str, ...]) -> str | None:
    head = markup[:20000]
    for name in names:
        for m in re.finditer(
            rf"<meta\b[^>]*(?:name|property)\s*=\s*[\"']{re.escape(name)}[\"'][^>]*>", head, re.I
        ):
            value = re.search(r"content\s*=\s*[\"']([^\"']+)", m.group(0), re.I)
            if value and value.group(1).strip():
                return value.group(1).strip()
    return None


def _hints(doc: Any, markup: str) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    if doc is None:
        return hints
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", markup, re.I | re.S)
    h1_text = " ".join(re.sub(r"<[^>]+>", "", h1.group(1)).split()) if h1 else ""
    title = h1_text or _clean_title(doc.title)
    if title:
        hints["title"] = title
    if not _is_fragment(markup) and doc.date:
        hints["date"] = doc.date
    author = doc.author or _meta_content(markup, ("author", "article:author", "byline"))
    if author:
        hints["author"] = author
    if doc.sitename:
        hints["outlet"] = doc.sitename
    return hints


def _extract(markup: str) -> Any:
    return trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_formatting=True,
        include_tables=True,
        include_comments=False,
        favor_recall=True,
        # dates from markup only: a year guessed from the running text is not a publication date
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def parse(data: bytes, source: str) -> ParsedText:
    markup = decode_html(data, source)
    if not markup.strip():
        raise IngestError("empty", "empty HTML document", source)
    doc = _extract(markup)
    bylines: list[str] = []
    body = doc.body if doc is not None else None
    text, heads = _assemble(_walk_blocks(body), bylines) if body is not None else ("", [])
    problems: list[Problem] = []
    fragment = _is_fragment(markup)
    if fragment or not text:
        plain_bylines: list[str] = []
        plain, plain_heads = _assemble(_fallback_blocks(markup), plain_bylines)
        if len(text) < _FRAGMENT_KEEP * len(plain):
            text, heads, bylines = plain, plain_heads, plain_bylines
            if not fragment:  # a whole page: the stripped text may still hold page furniture
                problems.append(
                    Problem(code="html.fallback", message="main-text extraction failed; tags stripped")
                )
    if not text.strip():
        raise IngestError("html.no_text", "the HTML page holds no text", source)
    known = {(s.start, s.end) for s in heads}
    heads += [s for s in pattern_headings(text) if (s.start, s.end) not in known]
    heads.sort(key=lambda s: s.start)
    hints = _hints(doc, markup)
    if bylines:
        hints["byline"] = bylines
    return ParsedText(text=text, headings=heads, problems=problems, hints=hints)
