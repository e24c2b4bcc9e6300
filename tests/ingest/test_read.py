from __future__ import annotations

import pytest

from ingest.errors import IngestError
from ingest.read import read_bytes, read_path, sniff
from ingest.records import document_id

from .conftest import ARTICLE_1, REAL, REAL_DOCX, make_docx


@pytest.mark.parametrize(
    ("data", "ctype", "fmt"),
    [
        (b"%PDF-1.7\n...", None, "pdf"),
        (ARTICLE_1.encode(), None, "html"),
        (b"<tbody><tr><td><p>a</p><p>b</p></td></tr></tbody>", None, "html"),
        ("<p>一段</p>".encode(), "text/html; charset=utf-8", "html"),
        ("到2027年，达到150家。".encode(), None, "txt"),
        ("到2027年 <5% 的企业。".encode(), "text/plain", "txt"),
    ],
)
def test_sniff(data: bytes, ctype, fmt: str) -> None:
    assert sniff(data, ctype) == fmt


def test_sniff_docx_and_other_zip() -> None:
    assert sniff(make_docx(["一段"])) == "docx"
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(IngestError) as err:
        sniff(buf.getvalue())
    assert err.value.code == "unsupported"


def test_html_in_txt_with_provenance() -> None:
    path = REAL / "16_state-council-agri-machinery-equipment-industry-guideline-2018.txt"
    doc = read_path(path)
    assert doc.id == document_id(path.read_bytes())
    assert doc.format == "html"
    assert doc.title == "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见"
    assert (doc.doc_number, doc.issuer, doc.date, doc.region, doc.kind) == (
        "国发〔2018〕42号",
        "国务院",
        "2018-12-21",
        "全国",
        "policy",
    )
    assert not doc.text.startswith("# source")


def test_notice_with_attached_plan_signature_in_the_middle() -> None:
    doc = read_path(REAL / "17_state-council-zero-waste-city-pilot-plan-2018.txt")
    assert (doc.issuer, doc.date, doc.doc_number) == ("国务院办公厅", "2018-12-29", "国办发〔2018〕128号")


@pytest.mark.parametrize(
    ("name", "date", "precision"),
    [
        ("01_gov-work-report-national-2014.txt", "2014-01-01", "year"),
        ("07_gov-work-report-national-2023.txt", "2023-03-05", "day"),
        ("12_gov-work-report-anhui-2025.txt", "2025-01-20", "day"),
    ],
)
def test_real_reports(name: str, date: str, precision: str) -> None:
    doc = read_path(REAL / name)
    assert doc.format == "txt" and doc.kind == "policy"
    assert doc.date == date and doc.meta["date_precision"] == precision
    assert doc.title and doc.title.endswith("政府工作报告")
    assert doc.region in ("全国", "安徽省")


def test_real_docx_document() -> None:
    doc = read_path(REAL_DOCX / "2025-guangxi-gov-work-report.docx")
    assert doc.format == "docx"
    assert (doc.title, doc.region, doc.date) == ("2025年广西政府工作报告", "广西壮族自治区", "2025-01-13")
    assert doc.headings and all(0 <= h.start < h.end <= len(doc.text) for h in doc.headings)


def test_headings_point_into_text() -> None:
    doc = read_bytes(ARTICLE_1.encode(), "http://x/a.html")
    assert [doc.text[h.start : h.end] for h in doc.headings][:2] == [
        "宁波市人民政府关于印发宁波市制造业绿色化改造行动方案的通知",
        "一、总体要求",
    ]
    assert doc.period is None  # the notice itself has no period in its title
    assert doc.doc_number == "甬政发〔2023〕43号"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \n\t ", "empty"),
        (b"# source: x | T | 2020\n", "empty"),
        (
            b"<html><body><div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>",
            "html.no_text",
        ),
        (b"PK\x03\x04broken", "docx.corrupt"),
        (b"\x00\x01\x02\x03" * 100, "unsupported"),
    ],
)
def test_bad_input_codes(data: bytes, code: str) -> None:
    with pytest.raises(IngestError) as err:
        read_bytes(data, "bad")
    assert err.value.code == code
    assert err.value.source == "bad"


def test_too_large() -> None:
    with pytest.raises(IngestError) as err:
        read_bytes("正文。".encode() * 100, "big.txt", max_bytes=100)
    assert err.value.code == "too_large"


def test_read_path_missing(tmp_path) -> None:
    with pytest.raises(IngestError) as err:
        read_path(tmp_path / "nope.txt")
    assert err.value.code == "not_found"


def test_same_bytes_same_id(tmp_path) -> None:
    data = "各位代表：\n现在，我代表国务院。".encode()
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_bytes(data)
    assert read_path(tmp_path / "a.txt").id == read_path(tmp_path / "b.txt").id


def test_old_office_file_says_to_save_it_as_docx() -> None:
    # before: "binary data that is not PDF, DOCX or HTML", no hint for the common .doc/.wps download
    with pytest.raises(IngestError) as err:
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "通知.doc")
    assert err.value.code == "unsupported" and "save it as .docx" in err.value.message
