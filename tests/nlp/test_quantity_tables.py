"""Numbers in table cells take subject, unit, year and kind from the row and column headers."""

from __future__ import annotations

from nlp.quantities import DocContext, extract_quantities
from nlp.quantity_tables import header_unit
from nlp.records import Sentence

TABLE = (
    "主要指标如下。\n"
    "指标\t2022年\t2025年目标\n"
    "规模以上工业增加值（亿元）\t5200\t6500\n"
    "研发投入强度\t2.5%\t3%\n"
)


def sentences(text: str) -> list[Sentence]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line:
            out.append(Sentence(index=len(out), text=line, start=pos, end=pos + len(line)))
        pos += len(line) + 1
    return out


def test_header_unit() -> None:
    assert header_unit("规模以上工业增加值（亿元）") == "亿元"
    assert header_unit("研发投入强度") is None
    assert header_unit("指标（2025年）") is None


def test_cells_take_headers_unit_year_and_kind() -> None:
    found = extract_quantities(TABLE, sentences(TABLE), DocContext(year=2023, kind="policy"))
    got = {(q.raw, q.value, q.unit, q.kind, q.year, q.subject) for q in found}
    assert got == {
        ("5200", 5.2e11, "元", "actual", 2022, "规模以上工业增加值（亿元） 2022年"),
        ("6500", 6.5e11, "元", "target", 2025, "规模以上工业增加值（亿元） 2025年目标"),
        ("2.5%", 2.5, "%", "actual", 2022, "研发投入强度 2022年"),
        ("3%", 3, "%", "target", 2025, "研发投入强度 2025年目标"),
    }
    for q in found:
        assert TABLE[q.start : q.end] == q.raw


def test_bare_numbers_outside_tables_stay_out() -> None:
    text = "规模以上工业增加值（亿元）\t5200\n"
    assert extract_quantities(text, sentences(text), DocContext(year=2023)) == []
