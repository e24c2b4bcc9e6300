from __future__ import annotations

import pytest

from ingest import html
from ingest.errors import IngestError
from ingest.read import read_bytes
from ingest.tables import cell_subject
from ingest.text import split_provenance

from .conftest import ARTICLE_1, NEWS_PAGE, REAL


def _heads(parsed) -> list[str]:
    return [parsed.text[s.start : s.end] for s in parsed.headings]


def test_gov_page_main_text_without_furniture() -> None:
    parsed = html.parse(ARTICLE_1.encode(), "a.html")
    assert "甬政发〔2023〕43号" in parsed.text
    assert (
        "到2027年，全市累计培育国家级绿色工厂150家，规上工业单位增加值能耗下降13.5%。"
        in parsed.text.split("\n")
    )
    for junk in ("ICP备", "当前位置", "版权所有", "相关链接"):
        assert junk not in parsed.text
    assert parsed.hints["title"] == "宁波市人民政府关于印发宁波市制造业绿色化改造行动方案的通知"


def test_headings_from_tags_bold_and_numbering() -> None:
    parsed = html.parse(ARTICLE_1.encode(), "a.html")
    heads = _heads(parsed)
    assert "一、总体要求" in heads  # bold paragraph
    assert "二、主要任务" in heads  # <h2>
    assert all(parsed.text[s.start : s.end] == h for s, h in zip(parsed.headings, heads, strict=True))


def test_gb2312_page_is_decoded() -> None:
    page = '<html><head><meta charset="gb2312"><title>通知</title></head><body><p>这是一个测试段落，内容足够长以被保留下来。</p></body></html>'
    parsed = html.parse(page.encode("gb18030"), "g.html")
    assert "这是一个测试段落" in parsed.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>空</title></head><body><div class='nav'><a href='/'>首页</a></div></body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
    ],
)
def test_page_without_text_raises(page: str) -> None:
    with pytest.raises(IngestError) as err:
        html.parse(page.encode(), "n.html")
    assert err.value.code == "html.no_text"


def test_fragment_keeps_body_with_brs() -> None:
    fragment = "<tbody><tr><td><p>第一段内容。<br>第二行内容。</p><div>第三段</div></td></tr></tbody>"
    parsed = html.parse(fragment.encode(), "f.html")
    assert parsed.text.split("\n") == ["第一段内容。", "第二行内容。", "第三段"]


@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        (
            "16_state-council-agri-machinery-equipment-industry-guideline-2018.txt",
            "国务院关于加快推进农业机械化和",
            "（此件公开发布）",
        ),
        (
            "17_state-council-zero-waste-city-pilot-plan-2018.txt",
            "国务院办公厅关于印发“无废城市”建设",
            "充分发挥社会组织和公众监督作用。",
        ),
    ],
)
def test_real_gov_cn_fragments_keep_whole_body(name: str, first: str, last: str) -> None:
    _, body = split_provenance((REAL / name).read_bytes())
    parsed = html.parse(body, name)
    lines = parsed.text.split("\n")
    assert lines[0] == first
    assert lines[-1].endswith(last)
    assert "<" not in parsed.text and "&nbsp;" not in parsed.text
    assert len(parsed.text) > 6000
    assert "一、总体要求" in _heads(parsed)


def test_date_hint_from_markup_not_guessed_from_text() -> None:
    assert "date" not in html.parse(ARTICLE_1.encode(), "a.html").hints
    dated = ARTICLE_1.replace("</title>", '</title><meta name="PubDate" content="2023-07-10 09:00">')
    assert html.parse(dated.encode(), "a.html").hints["date"] == "2023-07-10"


def test_whole_page_fallback_is_flagged(monkeypatch) -> None:
    monkeypatch.setattr(html, "_extract", lambda markup: None)
    parsed = html.parse(ARTICLE_1.encode(), "a.html")
    assert [p.code for p in parsed.problems] == ["html.fallback"]
    assert "甬政发〔2023〕43号" in parsed.text
    assert "ICP备" not in parsed.text and "当前位置" not in parsed.text  # furniture containers dropped


def test_news_page_metadata_and_no_furniture() -> None:
    doc = read_bytes(NEWS_PAGE.encode(), "https://news.example.cn/a/1.html")
    assert doc.kind == "news"
    assert doc.title == "宁波前三季度新能源汽车产量突破70万辆"
    assert doc.date == "2024-10-28"
    assert doc.region == "宁波市"
    assert doc.meta["author"] == "殷聪"
    assert doc.meta["outlet"] == "宁波日报"  # the 来源 line beats the site's own name
    for furniture in (
        "首页",
        "当前位置",
        "分享到",
        "相关新闻",
        "ICP备",
        "公网安备",
        "版权所有",
        "责任编辑",
        "来源",
    ):
        assert furniture not in doc.text
    paras = doc.text.split("\n")
    assert paras[0].startswith("今年以来")
    assert "位于前湾新区的领克工厂生产线。（受访者供图）" in paras
    # a credit followed by body text is cut there: the next sentence starts clean
    assert "记者从市经信局获悉，全市已集聚新能源汽车整车企业8家。" in paras
    assert paras[-1] == "下一步，宁波将加快建设新能源汽车产业集群，力争2025年产值突破3000亿元。"


def test_html_table_keeps_empty_cells_aligned() -> None:
    page = (
        "<html><body><article><p>主要指标如下。</p><table><tr><td>指标</td><td>2025年</td><td>2027年</td></tr>"
        "<tr><td>绿色工厂（家）</td><td></td><td>150</td></tr></table></article></body></html>"
    )
    text = html.parse(page.encode(), "t.html").text
    assert "绿色工厂（家）\t\t150" in text.split("\n")
    assert cell_subject(text, text.index("150")) == "绿色工厂（家） 2027年"
