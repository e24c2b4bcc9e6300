"""ingest.pdf.parse on PDFs built with reportlab, each with its ground truth."""

from __future__ import annotations

import pytest

from ingest import pdf_tables
from ingest.pdf import parse
from ingest.tables import cell_subject
from tests.ingest import pdf_fixtures as fx

BUILDERS = {
    "gongwen": fx.gongwen,
    "multipage": fx.multipage,
    "newspaper": fx.newspaper,
    "faux_bold": fx.faux_bold,
    "table": fx.table,
    "grid_table": fx.grid_table,
}


@pytest.fixture(scope="module", params=sorted(BUILDERS))
def case(request):
    fixture = BUILDERS[request.param]()
    return fixture, parse(fixture.data, f"{request.param}.pdf")


def test_character_fidelity(case):
    fixture, parsed = case
    assert fx.fidelity(fixture.text, parsed.text) >= 0.995


def test_paragraphs_are_rejoined_exactly(case):
    fixture, parsed = case
    assert parsed.text.split("\n") == fixture.paragraphs


def test_headings_are_reported(case):
    fixture, parsed = case
    found = [parsed.text[h.start : h.end] for h in parsed.headings]
    assert found == fixture.headings


def test_page_spans_tile_the_text(case):
    _, parsed = case
    spans = parsed.page_spans
    assert spans[0].start == 0 and spans[-1].end == len(parsed.text)
    assert all(a.end == b.start for a, b in zip(spans, spans[1:], strict=False))
    assert [s.number for s in spans] == list(range(1, len(spans) + 1))
    assert not parsed.problems


def test_fidelity_helper_detects_loss():
    assert fx.fidelity("一二三四五六七八九十", "一二三四五六七八九十") == 1.0
    assert fx.fidelity("一二三四五六七八九十", "一二三四五七八九十") == pytest.approx(0.9)


def test_page_numbers_and_running_header_removed():
    fixture = fx.multipage(pages=3)
    parsed = parse(fixture.data, "m.pdf")
    assert len(parsed.page_spans) >= 3
    assert "宁波市经济和信息化局" not in parsed.text
    assert "—" not in parsed.text
    assert parsed.hints["printed_page_numbers"] == {n: n for n in range(1, len(parsed.page_spans) + 1)}


@pytest.mark.parametrize("style", ["- {n} -", "第{n}页", "{n}/{total}", "第{n}页 共{total}页"])
def test_page_number_styles(style):
    fixture = fx.multipage(pages=2, page_style=style)
    parsed = parse(fixture.data, "m.pdf")
    assert parsed.text.split("\n") == fixture.paragraphs


def test_paragraph_runs_across_page_break():
    fixture = fx.multipage(pages=3)
    parsed = parse(fixture.data, "m.pdf")
    # some paragraph starts on one page and ends on the next: a span boundary inside it
    cuts = [s.start for s in parsed.page_spans[1:]]
    assert any(parsed.text[c - 1] != "\n" for c in cuts)


def test_gongwen_header_lines_and_hints():
    fixture = fx.gongwen()
    parsed = parse(fixture.data, "g.pdf")
    lines = parsed.text.split("\n")
    assert lines[:4] == fixture.paragraphs[:4]
    assert parsed.hints["red_header"] == "宁波市人民政府文件"
    assert parsed.hints["title"] == fixture.paragraphs[2]


def test_two_columns_read_in_order_with_caption_apart():
    fixture = fx.newspaper()
    parsed = parse(fixture.data, "n.pdf")
    paras = parsed.text.split("\n")
    assert "（受访者供图）" in paras
    assert parsed.text.index(fixture.paragraphs[1]) < parsed.text.index(fixture.paragraphs[-1])
    assert parsed.hints["title"] == fixture.paragraphs[0]


def test_faux_bold_not_doubled():
    fixture = fx.faux_bold()
    parsed = parse(fixture.data, "b.pdf")
    assert parsed.text.split("\n")[0] == "关于加快发展先进制造业的实施意见"


def test_table_rows_keep_cells():
    parsed = parse(fx.table().data, "t.pdf")
    rows = [p for p in parsed.text.split("\n") if "\t" in p]
    assert rows == ["\t".join(r) for r in fx.TABLE]


def test_ruled_grid_uses_pdfplumber_cells():
    """Wrapped row headers, an empty cell and narrow gaps: only the ruling lines tell the cells."""
    fixture = fx.grid_table()
    parsed = parse(fixture.data, "grid.pdf")
    assert parsed.text.split("\n") == fixture.paragraphs
    offset = parsed.text.index("6500")
    assert cell_subject(parsed.text, offset) == "规模以上工业增加值（亿元） 2025年目标"
    assert cell_subject(parsed.text, parsed.text.index("\t150") + 1) == "国家级绿色工厂（家） 2027年目标"


def test_grid_search_only_on_ruled_pages(monkeypatch):
    """pdfplumber is not opened for pages without ruling lines (the speed goal depends on it)."""
    calls = []
    monkeypatch.setattr(pdf_tables.GridFinder, "grids", lambda self, i: calls.append(i) or [])
    parse(fx.multipage(pages=2).data, "m.pdf")
    parse(fx.newspaper().data, "n.pdf")  # a photo frame is not a grid
    parse(fx.table().data, "t.pdf")  # horizontal rules only: the gap heuristic reads it
    assert calls == []
    parse(fx.grid_table().data, "g.pdf")
    assert calls == [0]
