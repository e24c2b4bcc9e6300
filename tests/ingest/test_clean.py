"""Line re-joining, spacing and heading helpers shared by the parsers."""

from __future__ import annotations

import pytest

from ingest.clean import (
    Line,
    build_paragraphs,
    cjk_share,
    is_caption,
    is_heading_text,
    normalize_spaces,
    rejoin_lines,
)
from ingest.pdf_furniture import page_number


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("2025 年全省 GDP 增长 5.8 %", "2025年全省GDP增长5.8 %"),
        ("“ 十四五 ” 规划", "“十四五”规划"),
        ("Made in China 2025", "Made in China 2025"),
        ("  新增  200 家  ", "新增200家"),
    ],
)
def test_normalize_spaces(raw, clean):
    assert normalize_spaces(raw) == clean


@pytest.mark.parametrize(
    "text", ["一、总体要求", "（三）推进绿色低碳发展", "第一章 总则", "第三节", "1. 主要目标", "附件2："]
)
def test_heading_text(text):
    assert is_heading_text(text)


@pytest.mark.parametrize(
    "text", ["11.1%，快递业务量突破60亿件", "2.6万家。", "一是奋力拼经济，", "到2027年，全市"]
)
def test_not_heading_text(text):
    assert not is_heading_text(text)


@pytest.mark.parametrize("text", ["（受访者供图）", "(记者 张三 摄)", "（资料图）", "图1 宁波舟山港"])
def test_caption(text):
    assert is_caption(text)


def test_not_caption():
    assert not is_caption("（一）推进绿色低碳发展")


@pytest.mark.parametrize(
    ("text", "n"), [("— 3 —", 3), ("- 12 -", 12), ("第3页", 3), ("3/12", 3), ("第 4 页 共 9 页", 4)]
)
def test_page_number(text, n):
    assert page_number(text) == n


def test_page_number_rejects_body():
    assert page_number("2025年") is None and page_number("3.5%") is None


def test_rejoin_plain_lines_by_width():
    lines = [
        "一、总体要求",
        "到2027年，全市规模以上工业增加值年均增长8%左右，",
        "培育国家级绿色工厂150家以上，新增智能工厂200个。",
        "加快推进绿色石化、高端装备等产业集群建设，打造",
        "先进制造业基地。",
        "（受访者供图）",
    ]
    assert rejoin_lines(lines) == [
        "一、总体要求",
        "到2027年，全市规模以上工业增加值年均增长8%左右，培育国家级绿色工厂150家以上，新增智能工厂200个。",
        "加快推进绿色石化、高端装备等产业集群建设，打造先进制造业基地。",
        "（受访者供图）",
    ]


def test_rejoin_with_geometry_uses_indent():
    lines = [
        Line("培育国家级绿色工厂150家以上。", fills=True, indent=True),
        Line("新增智能工厂200个，", fills=True),  # a sentence ended at the line end: same paragraph
        Line("打造先进制造业基地。", fills=False),
        Line("第二段开始，", fills=True, indent=True),
        Line("结束。", fills=False),
    ]
    paras = build_paragraphs(lines)
    assert [p.text for p in paras] == [
        "培育国家级绿色工厂150家以上。新增智能工厂200个，打造先进制造业基地。",
        "第二段开始，结束。",
    ]
    assert not any(p.heading for p in paras)


def test_rejoin_keeps_headings_and_verbatim_rows():
    lines = [
        Line("关于加快发展先进制造业的实施意见", fills=False, heading=True),
        Line("指标 | 2027年", fills=False, own=True, verbatim=True),
        Line("产值 | 8000", fills=False, own=True, verbatim=True),
    ]
    paras = build_paragraphs(lines)
    assert [(p.text, p.heading) for p in paras] == [
        ("关于加快发展先进制造业的实施意见", True),
        ("指标 | 2027年", False),
        ("产值 | 8000", False),
    ]


def test_english_words_keep_a_space_numbers_do_not():
    assert rejoin_lines(
        [Line("the Made in", fills=True), Line("China plan 15", fills=True), Line("0 items", fills=False)]
    ) == ["the Made in China plan 150 items"]


def test_cjk_share():
    assert cjk_share("绿色 ab") == 0.5
    assert cjk_share("") == 0.0
