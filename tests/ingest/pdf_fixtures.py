"""Build test PDFs with reportlab, each with the text it must give back.

A tiny line-breaker lays Chinese paragraphs out the way print does (first-line
indent of two characters, lines broken mid-sentence), so the parser has to
re-join lines, read columns in order and drop page furniture.
"""

from __future__ import annotations

import difflib
import io
import re
import zlib
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib.colors import black, red
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

WQY_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4 = (595.28, 841.89)

SENTENCES = [
    "到2027年，全市规模以上工业增加值年均增长8%左右，培育国家级绿色工厂150家以上。",
    "加快推进绿色石化、高端装备、新型功能材料等产业集群建设，打造具有国际竞争力的先进制造业基地。",
    "实施制造业数字化改造三年行动，新增智能工厂和数字化车间200个，工业互联网平台普及率达到60%。",
    "强化企业创新主体地位，规模以上工业企业研发经费支出占营业收入比重提高到2.5%。",
    "深入推进能源结构调整，单位地区生产总值能耗下降13.5%，可再生能源装机容量突破1000万千瓦。",
    "完善产业链供应链协同机制，支持龙头企业牵头组建创新联合体，带动上下游中小企业专精特新发展。",
    "优化营商环境，落实减税降费政策，全年为市场主体减负超过300亿元。",
    "加强要素保障，新增建设用地优先支持重大产业项目，年度安排专项资金不少于50亿元。",
]


@dataclass
class Fixture:
    data: bytes
    paragraphs: list[str]  # the expected cleaned paragraphs, in order
    headings: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # text that must not appear in the body
    captions: list[str] = field(default_factory=list)  # must be paragraphs of their own

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@cache
def wqy_font() -> str:
    pdfmetrics.registerFont(TTFont("WQY", WQY_PATH, subfontIndex=0))
    return "WQY"


@cache
def song_font() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def body_text(start: int, count: int) -> str:
    return "".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(count))


def wrap(text: str, font: str, size: float, width: float, indent: float = 0.0) -> list[str]:
    """Break `text` into lines no wider than `width` (the first one `indent` narrower)."""
    lines: list[str] = []
    line = ""
    room = width - indent
    for ch in text:
        if line and pdfmetrics.stringWidth(line + ch, font, size) > room:
            lines.append(line)
            line, room = "", width
        line += ch
    if line:
        lines.append(line)
    return lines


class Writer:
    """Writes paragraphs top-down in a column box and starts new pages as needed."""

    def __init__(self, canvas: Canvas, font: str, size: float = 14.0, on_page=None) -> None:
        self.c, self.font, self.size = canvas, font, size
        self.left, self.right, self.top, self.bottom = 80.0, A4[0] - 80.0, 90.0, A4[1] - 90.0
        self.y = self.top
        self.on_page = on_page
        self.page = 1
        if on_page:
            on_page(canvas, 1)

    def new_page(self) -> None:
        self.c.showPage()
        self.page += 1
        self.y = self.top
        if self.on_page:
            self.on_page(self.c, self.page)

    def line(
        self, text: str, x: float, size: float | None = None, font: str | None = None, color=black
    ) -> None:
        size = size or self.size
        if self.y + size > self.bottom:
            self.new_page()
        self.c.setFillColor(color)
        self.c.setFont(font or self.font, size)
        self.c.drawString(x, A4[1] - self.y - size, text)
        self.c.setFillColor(black)
        self.y += size * 1.6

    def paragraph(self, text: str, indent: bool = True) -> None:
        ind = 2 * self.size if indent else 0.0
        for k, ln in enumerate(wrap(text, self.font, self.size, self.right - self.left, ind)):
            self.line(ln, self.left + (ind if k == 0 else 0))

    def centred(self, text: str, size: float, color=black, font: str | None = None) -> None:
        w = pdfmetrics.stringWidth(text, font or self.font, size)
        self.line(text, (self.left + self.right - w) / 2, size, font, color)


def _pdf(build) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    build(c)
    c.save()
    return buf.getvalue()


def gongwen() -> Fixture:
    """A 公文 page: red issuer header, 发文字号, two-line title, 主送机关, body, signature."""
    font = wqy_font()
    header, number = "宁波市人民政府文件", "甬政发〔2023〕55号"
    title1 = "宁波市人民政府关于印发宁波市加快打造万亿级"
    title2 = "产业集群行动方案的通知"
    to = "各区（县、市）人民政府，市直及部省属驻甬各单位："
    body = [body_text(0, 3), body_text(3, 2)]
    sign, date = "宁波市人民政府", "2023年7月20日"

    def build(c: Canvas) -> None:
        w = Writer(c, font)
        w.centred(header, 30, red)
        w.y += 10
        w.centred(number, 14)
        c.setStrokeColor(red)
        c.line(w.left, A4[1] - w.y, w.right, A4[1] - w.y)
        w.y += 20
        w.centred(title1, 20)
        w.centred(title2, 20)
        w.y += 10
        w.paragraph(to, indent=False)
        for p in body:
            w.paragraph(p)
        w.y += 20
        for t in (sign, date):
            tw = pdfmetrics.stringWidth(t, font, 14)
            w.line(t, w.right - tw - 28, 14)

    return Fixture(
        _pdf(build),
        [header, number, title1 + title2, to, *body, sign, date],
        headings=[title1 + title2],
    )


def multipage(pages: int = 3, page_style: str = "— {n} —") -> Fixture:
    """Paragraphs flowing over pages with a running header and page numbers (STSong-Light)."""
    font = song_font()
    running = "宁波市经济和信息化局"
    paras = [body_text(i, 4 + i % 3) for i in range(pages * 4)]
    heads = ["一、总体要求", "二、主要任务"]

    def furniture(c: Canvas, n: int) -> None:
        c.setFont(font, 10)
        c.drawCentredString(A4[0] / 2, A4[1] - 50, running)
        c.setFont(font, 12)
        c.drawCentredString(A4[0] / 2, 45, page_style.format(n=n, total=pages))

    expected: list[str] = []

    def build(c: Canvas) -> None:
        w = Writer(c, font, on_page=furniture)
        for i, p in enumerate(paras):
            if i % 4 == 0:
                h = heads[(i // 4) % 2]
                w.line(h, w.left + 28, 14)
                expected.append(h)
            w.paragraph(p)
            expected.append(p)

    data = _pdf(build)
    return Fixture(data, expected, headings=[h for h in expected if h in heads], furniture=[running])


def newspaper() -> Fixture:
    """Headline across the page, then two columns; a photo caption in the left column."""
    font = wqy_font()
    headline = "我市先进制造业集群建设取得新进展"
    caption = "（受访者供图）"
    left = [body_text(0, 3), body_text(3, 2)]
    right = [body_text(5, 3), body_text(1, 2)]

    def build(c: Canvas) -> None:
        w = Writer(c, font, size=11)
        w.centred(headline, 24)
        w.y += 10
        top = w.y
        mid = (w.left + w.right) / 2
        w.right = mid - 12
        for p in left[:1]:
            w.paragraph(p)
        c.rect(w.left, A4[1] - w.y - 90, w.right - w.left, 80)  # the photo
        w.y += 95
        w.centred(caption, 9)
        for p in left[1:]:
            w.paragraph(p)
        w.left, w.right, w.y = mid + 12, A4[0] - 80, top
        for p in right:
            w.paragraph(p)

    return Fixture(
        _pdf(build), [headline, left[0], caption, *left[1:], *right], [headline], captions=[caption]
    )


def faux_bold() -> Fixture:
    """A title drawn twice, 0.4pt apart, as word processors fake bold."""
    font = wqy_font()
    title = "关于加快发展先进制造业的实施意见"
    body = [body_text(2, 3), body_text(6, 2)]

    def build(c: Canvas) -> None:
        w = Writer(c, font)
        tw = pdfmetrics.stringWidth(title, font, 20)
        x = (w.left + w.right - tw) / 2
        c.setFont(font, 20)
        for dx in (0.0, 0.4):
            c.drawString(x + dx, A4[1] - w.y - 20, title)
        w.y += 40
        for p in body:
            w.paragraph(p)

    return Fixture(_pdf(build), [title, *body], [title])


TABLE = [
    ["指标", "2022年", "2025年", "2027年"],
    ["规上工业增加值（亿元）", "5200", "6500", "8000"],
    ["国家级绿色工厂（家）", "60", "100", "150"],
    ["研发经费占比（%）", "2.1", "2.3", "2.5"],
]


def table() -> Fixture:
    """A ruled table between two paragraphs; each row must stay one paragraph."""
    font = wqy_font()
    before, after = body_text(0, 2), body_text(4, 2)
    cols = [80, 260, 345, 430, 515]

    def build(c: Canvas) -> None:
        w = Writer(c, font)
        w.paragraph(before)
        w.y += 10
        c.setFont(font, 12)
        for row in TABLE:
            y = A4[1] - w.y
            c.line(cols[0], y, cols[-1], y)
            for x, cell in zip(cols, row, strict=False):
                c.drawString(x + 4, y - 17, cell)
            w.y += 24
        c.line(cols[0], A4[1] - w.y, cols[-1], A4[1] - w.y)
        w.y += 14
        w.paragraph(after)

    rows = ["\t".join(r) for r in TABLE]
    return Fixture(_pdf(build), [before, *rows, after])


def strip_to_unicode(data: bytes) -> bytes:
    """Break the fonts' ToUnicode maps (same length, offsets stay valid): CID garbage."""
    return data.replace(b"/ToUnicode", b"/ToUnicodX")


def image_page(fixture: Fixture, dpi: int = 200) -> bytes:
    """The fixture's first page rendered to an image and wrapped in a PDF with no text layer."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    doc = pdfium.PdfDocument(fixture.data)
    try:
        image = doc[0].render(scale=dpi / 72).to_pil()
    finally:
        doc.close()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.save()
    return buf.getvalue()


def fidelity(expected: str, actual: str) -> float:
    """Share of characters in common, in order, whitespace ignored (1.0 = identical).

    Paragraphs are aligned first, then characters inside differing runs, so
    long texts stay fast.
    """
    a = [re.sub(r"\s+", "", x) for x in expected.splitlines()]
    b = [re.sub(r"\s+", "", x) for x in actual.splitlines()]
    a, b = [x for x in a if x], [x for x in b if x]
    total = max(sum(map(len, a)), sum(map(len, b)))
    if not total:
        return 1.0
    same = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            same += sum(len(x) for x in a[i1:i2])
            continue
        x, y = "".join(a[i1:i2]), "".join(b[j1:j2])
        if x and y:
            same += sum(
                m.size for m in difflib.SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
            )
    return same / total


GRID = [
    ["指标", "2022年", "2025年目标", "2027年目标"],
    ["规模以上工业增加值（亿元）", "5200", "6500", "8000"],
    ["国家级绿色工厂（家）", "60", "", "150"],
    ["研发经费支出占营业收入比重（%）", "2.1", "2.3", "2.5"],
]


def grid_table() -> Fixture:
    """A fully ruled grid: a row header wraps onto two lines, one cell is empty, gaps are narrow."""
    font = wqy_font()
    before, after = body_text(1, 2), body_text(5, 2)
    cols = [80, 200, 270, 350, 430]
    size = 11.0

    def build(c: Canvas) -> None:
        w = Writer(c, font)
        w.paragraph(before)
        w.y += 10
        top = w.y
        c.setFont(font, size)
        for row in GRID:
            lines = wrap(row[0], font, size, cols[1] - cols[0] - 6)
            height = 8 + 15 * len(lines)
            for k, ln in enumerate(lines):
                c.drawString(cols[0] + 3, A4[1] - w.y - 15 * (k + 1), ln)
            for x, cell in zip(cols[1:], row[1:], strict=False):
                c.drawString(x + 3, A4[1] - w.y - 15, cell)
            w.y += height
            c.line(cols[0], A4[1] - w.y, cols[-1], A4[1] - w.y)
        c.line(cols[0], A4[1] - top, cols[-1], A4[1] - top)
        for x in cols:
            c.line(x, A4[1] - top, x, A4[1] - w.y)
        w.y += 14
        w.paragraph(after)

    return Fixture(_pdf(build), [before, *("\t".join(r) for r in GRID), after])


def raw_pdf(pages: int = 1, content: bytes = b"", *, flate: bool = False) -> bytes:
    """A minimal PDF written by hand: `pages` pages sharing one content stream (cheap at any size)."""
    dictionary = b"<< /Length %d%s >>" % (len(content), b" /Filter /FlateDecode" if flate else b"")
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        dictionary + b"\nstream\n" + content + b"\nendstream",
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, obj in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def flate_bomb(megabytes: int) -> bytes:
    """Spaces that inflate to `megabytes` MB, compressed to ~1/1000 of that."""
    packer = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()
