from __future__ import annotations

import pytest

from ingest import docx as docx_parser
from ingest.errors import IngestError

from .conftest import REAL_DOCX, make_docx


def test_paragraphs_tables_and_headings() -> None:
    data = make_docx(
        ["各区县人民政府：", "一、总体要求", "到2027年，绿色工厂达到150家。"],
        title="关于推进绿色制造的通知",
        heading="关于推进绿色制造的通知",
        table=[["指标", "2027年"], ["绿色工厂", "150家"]],
    )
    parsed = docx_parser.parse(data, "t.docx")
    lines = parsed.text.split("\n")
    assert lines == [
        "关于推进绿色制造的通知",
        "各区县人民政府：",
        "一、总体要求",
        "到2027年，绿色工厂达到150家。",
        "指标\t2027年",
        "绿色工厂\t150家",
    ]
    heads = [parsed.text[s.start : s.end] for s in parsed.headings]
    assert heads == ["关于推进绿色制造的通知", "一、总体要求"]
    assert parsed.hints["title"] == "关于推进绿色制造的通知"


@pytest.mark.parametrize("data", [b"PK\x03\x04 not really a zip", b"PK\x03\x04" + b"\x00" * 100])
def test_corrupt_docx_raises(data: bytes) -> None:
    with pytest.raises(IngestError) as err:
        docx_parser.parse(data, "bad.docx")
    assert err.value.code == "docx.corrupt"


def test_empty_docx_raises_empty() -> None:
    with pytest.raises(IngestError) as err:
        docx_parser.parse(make_docx([]), "e.docx")
    assert err.value.code == "empty"


@pytest.mark.parametrize("path", sorted(REAL_DOCX.glob("*.docx")), ids=lambda p: p.stem)
def test_real_docx_reports(path) -> None:
    parsed = docx_parser.parse(path.read_bytes(), path.name)
    lines = parsed.text.split("\n")
    assert lines[0].startswith("2025年") and lines[0].endswith("政府工作报告")
    assert len(parsed.text) > 9000
    assert any(parsed.text[s.start : s.end].startswith("一、") for s in parsed.headings)
    assert "file_date" in parsed.hints
