"""Row and column headers of a number in a tab-separated table."""

from __future__ import annotations

import pytest

from ingest.tables import cell_at, cell_subject

TEXT = "前言段落。\n指标\t2022年\t2025年\n绿色工厂（家）\t60\t100\n能耗下降（%）\t\t13.5\n结语。\n孤立\t一行"


@pytest.mark.parametrize(
    ("needle", "subject"),
    [
        ("60", "绿色工厂（家） 2022年"),
        ("100", "绿色工厂（家） 2025年"),
        ("13.5", "能耗下降（%） 2025年"),
    ],
)
def test_cell_subject(needle: str, subject: str) -> None:
    assert cell_subject(TEXT, TEXT.index(needle)) == subject


def test_not_a_data_cell() -> None:
    assert cell_subject(TEXT, TEXT.index("2022")) is None  # header row
    assert cell_subject(TEXT, TEXT.index("绿色工厂")) is None  # row header
    assert cell_at(TEXT, TEXT.index("前言")) is None
    assert cell_at(TEXT, TEXT.index("一行")) is None  # a single tabbed line is no table
    assert cell_at(TEXT, len(TEXT)) is None


def test_cell_position() -> None:
    cell = cell_at(TEXT, TEXT.index("13.5"))
    assert cell is not None and (cell.row, cell.column) == (2, 2)
