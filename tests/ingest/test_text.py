from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest import text
from ingest.errors import IngestError

from .conftest import REAL


def test_utf8_with_bom_and_crlf_blank_runs() -> None:
    parsed = text.parse("\ufeff第一段。\r\n\r\n\r\n\u3000\u3000第二段。\r\n".encode(), "a.txt")
    assert parsed.text == "第一段。\n第二段。"


def test_gb18030_is_detected() -> None:
    parsed = text.parse("到2027年，绿色工厂达到150家。".encode("gb18030"), "gb.txt")
    assert parsed.text == "到2027年，绿色工厂达到150家。"


def test_provenance_line_becomes_hints() -> None:
    data = "# source: somewhere (x | y) | 2025年安徽省政府工作报告 | 2025\n各位代表：\n".encode()
    parsed = text.parse(data, "p.txt")
    assert parsed.hints["title"] == "2025年安徽省政府工作报告"
    assert parsed.hints["year"] == 2025
    assert parsed.hints["provenance"] == "somewhere (x | y)"
    assert parsed.text == "各位代表："


def test_zero_width_page_marker_joins_the_paragraph() -> None:
    parsed = text.parse("交出一份人\n\u200b\n民满意的答卷。\n\n\n\u200b\n各位代表！".encode(), "z.txt")
    assert parsed.text == "交出一份人民满意的答卷。\n各位代表！"


def test_wikisource_licence_footer_is_cut() -> None:
    body = "正文最后一句。\n" + "本作品是中华人民共和国的\n法律\n、\n法规\nPublic domain\nfalse\n"
    assert text.parse(body.encode(), "w.txt").text == "正文最后一句。"


def test_numbered_headings_are_whole_short_lines() -> None:
    parsed = text.parse(
        "一、总体要求\n（一）指导思想。以习近平…为指导。\n（二）发展目标。\n到2025年。".encode(), "h.txt"
    )
    heads = [parsed.text[s.start : s.end] for s in parsed.headings]
    assert heads == ["一、总体要求", "（二）发展目标。"]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"# source: x | T | 2020\n"])
def test_empty_text_raises(data: bytes) -> None:
    with pytest.raises(IngestError) as err:
        text.parse(data, "e.txt")
    assert err.value.code == "empty"


def test_binary_is_unsupported() -> None:
    with pytest.raises(IngestError) as err:
        text.parse(b"\x00\x01\x02binary\x00" * 50, "b.bin")
    assert err.value.code == "unsupported"


def test_undecodable_raises_decode() -> None:
    with pytest.raises(IngestError) as err:
        text.decode(b"\xff\xff\xff\xfe\x80", "bad.txt")
    assert err.value.code == "decode"


def test_real_national_report_keeps_text_and_drops_furniture() -> None:
    parsed = text.parse((REAL / "05_gov-work-report-national-2021.txt").read_bytes(), "05.txt")
    assert "交出一份人民满意、世界瞩目" in parsed.text
    assert "\u200b" not in parsed.text and "Public domain" not in parsed.text
    assert "\n\n" not in parsed.text
    assert parsed.hints["year"] == 2021


@given(st.text(alphabet=st.sampled_from(list("一、（）。政府\n\r \u3000\u200b\ufeffab1")), max_size=200))
def test_normalise_lines_invariants(raw: str) -> None:
    out = text.normalise_lines(raw)
    assert text.normalise_lines(out) == out  # idempotent
    assert "\r" not in out and "\u200b" not in out and "\n\n" not in out
    assert all(line == line.strip() and line for line in out.split("\n")) or out == ""
    for span in text.pattern_headings(out):
        assert 0 <= span.start < span.end <= len(out)
        assert "\n" not in out[span.start : span.end]


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    wrapped = (
        "一、总体要求\n"
        "到2027年，全市累计培育国家级绿色\n工厂150家，规上工业单位增加值能\n耗下降13.5%，数字经济核心产业增\n"
        "加值占比达到15%以上，新能源汽车\n产量达到150万辆，产业链本地配套\n率明显提升，形成一批具有国际竞争\n力的先进制造业集群。\n"
        "二、主要任务\n推进重点行业节能降碳改造，建设一\n批零碳工厂和绿色园区。"
    )
    parsed = text.parse(wrapped.encode(), "w.txt")
    lines = parsed.text.split("\n")
    assert lines[0] == "一、总体要求" and lines[2] == "二、主要任务"
    assert lines[1].startswith("到2027年，全市累计培育国家级绿色工厂150家") and lines[1].endswith(
        "先进制造业集群。"
    )
    assert parsed.hints["rejoined_lines"] is True


def test_paragraph_per_line_text_is_left_alone() -> None:
    body = "\n".join(f"第{i}段的内容完整结束。" for i in range(12))
    assert text.parse(body.encode(), "p.txt").text == body


def test_captions_stay_apart_from_body() -> None:
    raw = (
        "健信核磁“1.5T免液\n超导磁体系统”成为宁\n波首个全球首台(套)产\n品。(受访者供图)\n"
        "这是对宁波现代化产业体系的畅想。（记者 张三 摄）记者从市经信局获悉，全市新增绿色工厂20家。\n"
        "全市已集聚整车企业8家。图为工人在车间内调试设备。（受访者供图）\n"
    )
    lines = text.parse(raw.encode(), "news.txt").text.split("\n")
    assert lines == [
        "健信核磁“1.5T免液超导磁体系统”成为宁波首个全球首台(套)产品。(受访者供图)",
        "这是对宁波现代化产业体系的畅想。（记者 张三 摄）",
        "记者从市经信局获悉，全市新增绿色工厂20家。",
        "全市已集聚整车企业8家。",
        "图为工人在车间内调试设备。（受访者供图）",
    ]


def test_subscript_on_its_own_line_is_joined() -> None:
    out = text.parse(
        "去年广义货币M\n2\n增长13.6%，符合调控要求。\n二氧化碳排放CO\n2\n下降。\n".encode(), "t.txt"
    ).text
    assert out.split("\n") == ["去年广义货币M2增长13.6%，符合调控要求。", "二氧化碳排放CO2下降。"]


def test_line_broken_inside_a_sentence_is_joined() -> None:
    raw = "一、总体要求\n\n在他们看来，宁波传统制造\n\n业占比仍然较重。新兴产业是关键。\n绿色发展\n下一段。\n".encode()
    lines = text.parse(raw, "t.txt").text.split("\n")
    assert lines == [
        "一、总体要求",
        "在他们看来，宁波传统制造业占比仍然较重。新兴产业是关键。",
        "绿色发展",
        "下一段。",
    ]


def test_heading_with_a_comma_is_not_joined_to_its_body() -> None:
    raw = "（一）坚持创新驱动，加快产业升级\n推动制造业高端化。\n".encode()
    assert text.parse(raw, "t.txt").text.split("\n") == [
        "（一）坚持创新驱动，加快产业升级",
        "推动制造业高端化。",
    ]


def test_decimal_subscript_on_its_own_line_is_joined() -> None:
    raw = "细颗粒物（PM\n2.5\n）平均浓度下降9.1%。\n".encode()
    assert text.parse(raw, "t.txt").text == "细颗粒物（PM2.5）平均浓度下降9.1%。"


def test_a_headline_with_a_comma_is_not_joined_to_the_story_lead() -> None:
    raw = "前5个月全省规上工业增加值增长8.9%，新能源汽车产量增长超七成\n本报讯（记者 方晓蕾）6月18日，省统计局发布数据。\n"
    assert text.parse(raw.encode(), "t.txt").text.split("\n") == [
        "前5个月全省规上工业增加值增长8.9%，新能源汽车产量增长超七成",
        "本报讯（记者 方晓蕾）6月18日，省统计局发布数据。",
    ]


def test_big5_is_not_read_as_gbk_garbage() -> None:
    traditional = (
        "到2027年，全市新能源汽車產量達到70萬輛，產業規模突破2000億元，培育國家級專精特新企業100家。"
    )
    assert text.decode(traditional.encode("big5"), "t.txt") == traditional
    simplified = "到2027年，全市新能源汽车产量达到70万辆，产业规模突破2000亿元，培育国家级专精特新企业100家。"
    assert text.decode(simplified.encode("gbk"), "s.txt") == simplified


def test_a_subheadline_with_a_comma_is_not_joined_to_its_source_line() -> None:
    raw = "江海港集团前三季度货物吞吐量突破6亿吨\n集装箱吞吐量同比增长8.3%，海铁联运量已超去年全年\n\n来源：江海日报 2026-10-16\n\n本报讯 正文。\n"
    lines = text.parse(raw.encode(), "x").text.split("\n")
    assert lines[1] == "集装箱吞吐量同比增长8.3%，海铁联运量已超去年全年"
    assert lines[2].startswith("来源")
