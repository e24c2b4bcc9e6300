from __future__ import annotations

import pytest

from ingest.metadata import extract_metadata
from ingest.metadata_dates import find_period, five_year_period, parse_date
from ingest.metadata_regions import region_of

GONGWEN = """宁波市人民政府文件
甬政发〔2023〕43号
宁波市人民政府关于印发宁波市加快打造
“361”万亿级产业集群行动方案的通知
各区（县、市）人民政府，市直及部省属驻甬各单位：
现将《宁波市加快打造“361”万亿级产业集群行动方案（2023—2027年）》印发给你们，请认真组织实施。
附件：1.重点任务分解表
2.产业集群名单
宁波市人民政府
2023年7月4日
宁波市人民政府办公厅 2023年7月6日印发"""


def test_gongwen_header_and_signature() -> None:
    meta = extract_metadata(GONGWEN, {})
    assert meta["title"] == "宁波市人民政府关于印发宁波市加快打造“361”万亿级产业集群行动方案的通知"
    assert meta["doc_number"] == "甬政发〔2023〕43号"
    assert meta["issuer"] == "宁波市人民政府"
    assert meta["date"] == "2023-07-04"
    assert meta["region"] == "宁波市"
    assert meta["kind"] == "policy"
    assert meta["meta"]["主送机关"] == "各区（县、市）人民政府，市直及部省属驻甬各单位"
    assert meta["meta"]["印发日期"] == "2023-07-06"
    assert meta["meta"]["附件"] == ["重点任务分解表", "产业集群名单"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("国发〔2018〕42号", "国发〔2018〕42号"),
        ("国办发[2018]128号", "国办发〔2018〕128号"),
        ("甬政发（2023）43号", "甬政发〔2023〕43号"),
        ("浙政办发【2021】7号", "浙政办发〔2021〕7号"),
    ],
)
def test_doc_number_brackets(line: str, expected: str) -> None:
    assert extract_metadata(f"关于某事的通知\n{line}\n正文。", {})["doc_number"] == expected


def test_chinese_numeral_signature_date_and_national_region() -> None:
    text = (
        "国务院关于推进某项工作的意见\n各省、自治区、直辖市人民政府：\n正文。\n国务院\n二〇一八年十二月十二日"
    )
    meta = extract_metadata(text, {})
    assert (meta["issuer"], meta["date"], meta["region"]) == ("国务院", "2018-12-12", "全国")


def test_report_title_gives_region_issuer_and_session_date() -> None:
    text = "2025年安徽省政府工作报告\n来源：省政府政策研究室\n2025年1月20日在安徽省第十四届人民代表大会第三次会议上\n各位代表："
    meta = extract_metadata(text, {})
    assert meta["title"] == "2025年安徽省政府工作报告"
    assert (meta["region"], meta["issuer"], meta["kind"]) == ("安徽省", "安徽省人民政府", "policy")
    assert meta["date"] == "2025-01-20" and meta["meta"]["date_precision"] == "day"
    assert "主送机关" not in meta["meta"]


def test_year_only_date_is_marked() -> None:
    meta = extract_metadata(
        "各位代表：\n现在，我代表国务院。", {"title": "2025年中华人民共和国国务院政府工作报告"}
    )
    assert meta["date"] == "2025-01-01"
    assert meta["meta"]["date_precision"] == "year"
    assert meta["region"] == "全国"


def test_hint_date_beats_year_in_title() -> None:
    meta = extract_metadata("正文。", {"title": "2025年工作要点", "date": "2025-03-02"})
    assert meta["date"] == "2025-03-02"


def test_news_article() -> None:
    text = (
        "宁波新能源汽车产量突破70万辆\n来源：宁波日报\n发布时间：2023-08-02 09:30\n"
        "近日，随着《宁波市加快打造“361”万亿级产业集群行动方案（2023—2027年）》的正式印发，宁波制造迎来调整。\n"
        "记者 殷聪 通讯员 王明"
    )
    meta = extract_metadata(text, {})
    assert meta["kind"] == "news"
    assert meta["meta"]["author"] == "殷聪"
    assert meta["meta"]["outlet"] == "宁波日报"
    assert meta["date"] == "2023-08-02"
    assert meta["period"] == (2023, 2027)
    assert meta["region"] == "宁波市"


def test_other_when_nothing_is_stated() -> None:
    meta = extract_metadata("今天天气很好。\n我们去公园散步。", {})
    assert meta["kind"] == "other"
    assert meta["title"] is None and meta["date"] is None and meta["region"] is None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("宁波市加快打造“361”万亿级产业集群行动方案（2023—2027年）", (2023, 2027)),
        ("浙江省2021—2025年发展规划", (2021, 2025)),
        ("宁波市“十四五”制造业高质量发展规划", (2021, 2025)),
        ("“十三五”国家战略性新兴产业发展规划", (2016, 2020)),
        ("2025年安徽省政府工作报告", None),
    ],
)
def test_period(text: str, period) -> None:
    assert find_period(text) == period


def test_five_year_plans() -> None:
    assert five_year_period("二") is None
    assert five_year_period("十") == (2001, 2005)
    assert five_year_period("十五") == (2026, 2030)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2018年12月12日", "2018-12-12"),
        ("二〇一八年十二月十二日", "2018-12-12"),
        ("二○二三年七月四日", "2023-07-04"),
        ("二〇二一年三月三十一日", "2021-03-31"),
        ("2018年2月30日", None),
        ("发布时间：2023-07-10", "2023-07-10"),
    ],
)
def test_parse_date(text: str, iso) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("宁波市人民政府", "宁波市"),
        ("国务院", "全国"),
        ("国务院办公厅", "全国"),
        ("工业和信息化部", "全国"),
        ("2025年安徽省政府工作报告", "安徽省"),
        ("2025年广西政府工作报告", "广西壮族自治区"),
        ("浙江省杭州市人民政府", "杭州市"),
        ("关于印发“无废城市”建设试点工作方案的通知", None),
        ("盐城市人民政府关于加快新能源产业发展的意见", "盐城市"),  # a city whose name ends in 城
        ("中共芜湖市委", "芜湖市"),
        ("中共中央 国务院", "全国"),
        (None, None),
    ],
)
def test_region_of(name, region) -> None:
    assert region_of(name) == region


def test_news_headline_that_names_a_plan_is_still_news() -> None:
    text = "宁波出台新能源汽车产业发展规划\n本报讯（记者 殷聪 通讯员 王明）近日，宁波市印发新能源汽车产业发展规划，提出到2027年产量达到150万辆。"
    meta = extract_metadata(text, {"title": "宁波出台新能源汽车产业发展规划"})
    assert meta["kind"] == "news"
    assert meta["meta"]["author"] == "殷聪"


def test_joint_issuers_signature() -> None:
    text = "关于推动某产业高质量发展的指导意见\n各省、自治区、直辖市人民政府：\n正文。\n国家发展改革委　工业和信息化部\n2024年3月1日"
    meta = extract_metadata(text, {})
    assert meta["issuer"] == "国家发展改革委 工业和信息化部"
    assert (meta["region"], meta["date"]) == ("全国", "2024-03-01")


def test_period_line_under_the_title_and_forwarded_numbers() -> None:
    text = (
        "宁波市数字经济发展行动方案\n（2023—2027年）\n"
        "现将《国务院关于推进数字经济发展的意见》（国发〔2022〕5号）精神贯彻如下，请各地认真组织实施并抓好落实。\n正文。"
    )
    meta = extract_metadata(text, {})
    assert meta["title"] == "宁波市数字经济发展行动方案（2023—2027年）"
    assert meta["period"] == (2023, 2027)
    assert meta["doc_number"] is None  # the number of a document it cites is not its own


@pytest.mark.parametrize(
    ("text", "title", "kind", "date", "period"),
    [
        (
            "合肥市加快建设集成电路和数字经济产业集群行动方案（2024—2027年）\n为加快推动…，制定本方案。",
            "合肥市加快建设集成电路和数字经济产业集群行动方案（2024—2027年）", "policy", None, (2024, 2027),
        ),
        (
            "一图读懂丨《温州市中小企业数字化转型实施方案（2024—2026年）》\n近日，温州市人民政府办公室印发方案。",
            "一图读懂丨《温州市中小企业数字化转型实施方案（2024—2026年）》", "other", None, (2024, 2026),
        ),
        (
            "湖北省2024年国民经济和社会发展统计公报\n湖北省统计局\n2024年，全省经济运行总体平稳。",
            "湖北省2024年国民经济和社会发展统计公报", "policy", "2024-01-01", None,
        ),
        ("柳州市2025年政府工作报告（摘要）\n一、过去一年工作回顾", "柳州市2025年政府工作报告（摘要）", "policy", "2025-01-01", None),
    ],
)  # fmt: skip
def test_long_plan_titles_explainers_bulletins_and_mid_title_years(text, title, kind, date, period) -> None:
    meta = extract_metadata(text)
    assert (meta["title"], meta["kind"], meta["date"]) == (title, kind, date)
    assert (tuple(meta["period"]) if meta["period"] else None) == period


def test_a_years_campaign_notice_runs_over_that_year() -> None:
    meta = extract_metadata("关于开展2026年新能源汽车下乡活动的通知\n湘商消费〔2026〕15号\n正文。", {})
    assert meta["period"] == (2026, 2026)
