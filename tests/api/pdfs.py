"""Small Chinese PDFs built with reportlab for the API tests."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT = "WQYMicroHei"
HEADER = "宁波市人民政府文件"
TARGET = "到2027年，全市国家级绿色工厂达到150家。"

PAGE_ONE = [
    "宁波市推进制造业绿色化发展行动方案（2023—2027年）",
    "为深入贯彻落实党中央、国务院关于碳达峰碳中和的决策部署，",
    "加快推动我市制造业绿色低碳转型，制定本方案。",
    "一、总体要求",
    "坚持创新驱动、系统推进，构建绿色制造体系，推动绿色石化产业高质量发展。",
]
PAGE_TWO = [
    "二、主要目标",
    TARGET,
    "单位工业增加值能耗持续下降，绿色低碳产业规模不断壮大。",
]


def _register_font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))


def chinese_pdf(pages: list[list[str]] | None = None) -> bytes:
    """A PDF with a running header, “— N —” page numbers and the given lines per page."""
    _register_font()
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages or [PAGE_ONE, PAGE_TWO], start=1):
        pdf.setFont(FONT, 9)
        pdf.drawCentredString(width / 2, height - 40, HEADER)
        pdf.setFont(FONT, 12)
        y = height - 90
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 24
        pdf.setFont(FONT, 10)
        pdf.drawCentredString(width / 2, 40, f"— {number} —")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()
