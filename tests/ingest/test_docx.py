from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from ingest import docx as docx_parser
from ingest.errors import IngestError
from ingest.read import read_bytes
from ingest.tables import cell_subject

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


def _zip_bomb(megabytes: int) -> bytes:
    """A zip holding word/document.xml that inflates to `megabytes` MB of spaces."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        chunk = b" " * (1 << 20)
        for _ in range(megabytes):
            member.write(chunk)
    return out.getvalue()


def test_zip_bomb_is_refused_before_inflating() -> None:
    bomb = _zip_bomb(210)
    assert len(bomb) < 2 << 20
    started = time.monotonic()
    with pytest.raises(IngestError) as err:
        read_bytes(bomb, "bomb.docx")
    assert err.value.code == "docx.bomb"
    assert time.monotonic() - started < 1.0


def test_merged_and_empty_cells_keep_columns_aligned() -> None:
    document = docx.Document()
    grid = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["指标", "2025年", "2027年"], ["绿色工厂（家）", "", "150"], ["合计", "", ""]]):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    grid.cell(2, 1).merge(grid.cell(2, 2)).text = "见附表"
    out = io.BytesIO()
    document.save(out)
    parsed = docx_parser.parse(out.getvalue(), "t.docx")
    assert parsed.text.split("\n") == ["指标\t2025年\t2027年", "绿色工厂（家）\t\t150", "合计\t见附表"]
    assert cell_subject(parsed.text, parsed.text.index("150")) == "绿色工厂（家） 2027年"
