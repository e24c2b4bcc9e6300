"""Pages without a usable text layer are OCRed with tesseract (chi_sim)."""

from __future__ import annotations

import shutil

import pytest

from ingest.ocr import fix_ocr_line
from ingest.pdf import parse
from tests.ingest import pdf_fixtures as fx

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def test_fix_ocr_line_restores_chinese_punctuation():
    assert fix_ocr_line("到 2027 年, 培育 绿色工厂 150 家.") == "到2027年，培育绿色工厂150家。"
    assert fix_ocr_line("增长 2.5%") == "增长2.5%"


@needs_tesseract
@pytest.mark.slow  # 6-12 s on two shared cores
def test_scanned_page_is_ocred():
    truth = fx.gongwen()
    parsed = parse(fx.image_page(truth), "scan.pdf")
    assert [p.code for p in parsed.problems] == ["pdf.no_text_layer"]
    assert parsed.page_spans[0].ocr
    assert fx.fidelity(truth.text, parsed.text) >= 0.95


@needs_tesseract
@pytest.mark.slow
def test_garbled_text_layer_is_replaced_by_ocr():
    truth = fx.faux_bold()
    parsed = parse(fx.strip_to_unicode(truth.data), "cid.pdf")
    assert [p.code for p in parsed.problems] == ["pdf.cid_garbage"]
    assert parsed.page_spans[0].ocr
    assert fx.fidelity(truth.text, parsed.text) >= 0.95
