"""Whole-product checks: bytes through ingest and nlp to records a user would act on."""

from __future__ import annotations

from ingest.read import read_bytes
from tests.ingest.pdf_fixtures import GRID, grid_table


def test_numbers_in_a_ruled_pdf_table_carry_their_row_and_column_headers(pipeline) -> None:
    analysis = pipeline.analyse(read_bytes(grid_table().data, "table.pdf"))
    text = analysis.document.text
    in_table = [q for q in analysis.quantities if "\t" in analysis.sentences[q.sentence_index].text]
    assert len(in_table) == sum(1 for row in GRID[1:] for cell in row[1:] if cell)
    headers = GRID[0]
    for q in in_table:
        assert text[q.start : q.end] == q.raw
        row = next(r for r in GRID[1:] if q.raw in r[1:])
        column = headers[row.index(q.raw)]
        assert q.subject == f"{row[0]} {column}".strip()


def test_gongwen_pdf_gives_every_metadata_field() -> None:
    from tests.ingest.pdf_fixtures import gongwen

    doc = read_bytes(gongwen().data, "gongwen.pdf")
    assert doc.format == "pdf" and doc.kind == "policy"
    assert doc.issuer == "宁波市人民政府"
    assert doc.doc_number == "甬政发〔2023〕55号"
    assert doc.title == "宁波市人民政府关于印发宁波市加快打造万亿级产业集群行动方案的通知"
    assert doc.meta["主送机关"] == "各区（县、市）人民政府，市直及部省属驻甬各单位"
    assert doc.date == "2023-07-20"
    assert doc.region == "宁波市"
    assert "宁波市人民政府文件" not in [doc.text[s.start : s.end] for s in doc.headings]
