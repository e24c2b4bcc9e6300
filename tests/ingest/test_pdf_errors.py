"""Bad input gives a clear IngestError; garbled pages are flagged, never passed on."""

from __future__ import annotations

import io
import random
import time

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen.canvas import Canvas

from ingest import pdf, pdf_chars
from ingest.errors import IngestError
from ingest.read import read_bytes
from tests.ingest import pdf_fixtures as fx


def _encrypted(user: str) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, encrypt=pdfencrypt.StandardEncryption(user, "owner"))
    c.setFont(fx.wqy_font(), 12)
    c.drawString(100, 700, "加快推进绿色石化产业集群建设。")
    c.save()
    return buf.getvalue()


def _blank_pages(n: int) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf)
    for _ in range(n):
        c.showPage()
    c.save()
    return buf.getvalue()


GOOD = fx.faux_bold().data
BAD = {
    "empty": (b"", "pdf.empty"),
    "whitespace": (b"  \n", "pdf.empty"),
    "html": (b"<!DOCTYPE html><html><body><p>not a pdf</p></body></html>", "pdf.corrupt"),
    "text": ("这不是PDF文件".encode(), "pdf.corrupt"),
    "random": (random.Random(7).randbytes(4096), "pdf.corrupt"),
    "truncated": (GOOD[: len(GOOD) // 2], "pdf.corrupt"),
    "header_then_junk": (b"%PDF-1.7\n" + random.Random(8).randbytes(2048) + b"\n%%EOF\n", "pdf.corrupt"),
    "encrypted": (_encrypted("secret"), "pdf.encrypted"),
    "blank": (_blank_pages(2), "pdf.no_text"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_raises_stable_code(name):
    data, code = BAD[name]
    with pytest.raises(IngestError) as err:
        pdf.parse(data, f"{name}.pdf")
    assert err.value.code == code
    assert err.value.source == f"{name}.pdf"


def test_page_limit():
    with pytest.raises(IngestError) as err:
        pdf.parse(_blank_pages(5), "x.pdf", max_pages=3)
    assert err.value.code == "pdf.too_many_pages"


def test_owner_password_only_is_readable():
    assert pdf.parse(_encrypted(""), "x.pdf").text == "加快推进绿色石化产业集群建设。"


def test_cid_garbage_flagged_and_dropped_without_ocr():
    broken = fx.strip_to_unicode(fx.faux_bold().data)
    with pytest.raises(IngestError) as err:
        pdf.parse(broken, "x.pdf", ocr=False)
    assert err.value.code == "pdf.no_text"
    assert "pdf.cid_garbage" in err.value.message and "pdf.ocr_unavailable" in err.value.message


def test_ocr_unavailable_is_a_problem_not_a_crash(monkeypatch):
    monkeypatch.setattr(pdf, "tesseract_path", lambda: None)
    good = fx.gongwen()
    scanned = fx.image_page(good, dpi=50)
    data = _merge(good.data, scanned)
    parsed = pdf.parse(data, "x.pdf")
    codes = [(p.code, p.page) for p in parsed.problems]
    assert codes == [("pdf.no_text_layer", 2), ("pdf.ocr_unavailable", 2)]
    assert parsed.text == good.text
    assert [s.ocr for s in parsed.page_spans] == [False, False]


def _merge(*pdfs: bytes) -> bytes:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for data in pdfs:
        src = pdfium.PdfDocument(data)
        out.import_pages(src)
        src.close()
    buf = io.BytesIO()
    out.save(buf)
    out.close()
    return buf.getvalue()


def test_quality_flags():
    from ingest.pdf_quality import page_problems

    junk = "ÄÅÇÉ ÑÖÜ áàâä ãåçé èêëí ìîïñ óòôö õúùû" * 2
    assert [p.code for p in page_problems(3, junk, 0, False, doc_cjk=0.9)] == ["pdf.low_cjk"]
    assert page_problems(3, junk, 0, False, doc_cjk=0.05) == []  # an English document is fine
    assert [p.code for p in page_problems(1, "加快(cid:12)(cid:13)(cid:14)", 0, False, 0.9)] == [
        "pdf.cid_garbage"
    ]
    assert [p.code for p in page_problems(1, "绿色\ufffd\ufffd\ufffd工厂", 0, False, 0.9)] == [
        "pdf.cid_garbage"
    ]
    assert [p.code for p in page_problems(2, "", 0, True, 0.9)] == ["pdf.no_text_layer"]
    assert page_problems(2, "", 0, False, 0.9) == []  # a blank page is not a scan


def test_decompression_bomb_is_refused_quickly():
    bomb = fx.raw_pdf(1, fx.flate_bomb(300), flate=True)  # 1.4 MB that inflates to 300 MB
    started = time.monotonic()
    with pytest.raises(IngestError) as err:
        pdf.parse(bomb, "bomb.pdf")
    assert err.value.code == "pdf.bomb"
    assert time.monotonic() - started < 2.0


def test_ordinary_flate_streams_pass_the_bomb_check():
    pdf_chars.check_streams(fx.gongwen().data, "g.pdf")  # no exception
    with pytest.raises(IngestError):
        pdf_chars.check_streams(fx.raw_pdf(1, fx.flate_bomb(3), flate=True), "b.pdf", limit=2 << 20)


def test_five_thousand_pages_fail_fast_with_a_clear_error():
    data = fx.raw_pdf(5000, b"BT /F1 12 Tf 72 720 Td (x) Tj ET")
    started = time.monotonic()
    with pytest.raises(IngestError) as err:
        read_bytes(data, "huge.pdf")
    assert err.value.code == "pdf.too_many_pages" and "5000" in err.value.message
    assert time.monotonic() - started < 2.0


def test_pdf_that_is_really_html():
    html = "<!DOCTYPE html><html><body><p>加快推进绿色石化产业集群建设。</p></body></html>".encode()
    with pytest.raises(IngestError) as err:
        pdf.parse(html, "fake.pdf")
    assert err.value.code == "pdf.corrupt" and "HTML" in err.value.message
    # read_bytes believes the bytes, not the declared type
    assert read_bytes(html, "fake.pdf", "application/pdf").format == "html"
