"""Kind and year from the part of a document a number sits in, and from cues a review found missing."""

from __future__ import annotations

import pytest

from tests.nlp.test_quantities import by_raw, extract

PLAN = (
    "某市制造业高质量发展规划（2026—2030年）\n"
    "一、发展基础\n"
    "（一）产业规模持续壮大\n"
    "龙头带动作用明显，培育产值超20亿元企业5家，全市拥有国家级专精特新“小巨人”企业9家。\n"
    "“十四五”期间，全市工业增加值年均增长6.8%。\n"
    "二、发展目标\n"
    "国家级绿色工厂累计达到15家，培育产值超50亿元企业8家。\n"
)


def plan_quantities() -> dict:
    return by_raw(extract(PLAN, kind="policy", year=2026, period=(2026, 2030)))


@pytest.mark.parametrize(
    ("raw", "kind", "year"),
    [
        ("5家", "actual", None),  # under 一、发展基础, a subheading does not end the part
        ("9家", "actual", None),
        ("6.8%", "actual", None),  # “十四五”期间 in a 十五五 plan is over
        ("15家", "target", 2030),  # the next top heading ends the review; 累计达到 among goals
        ("8家", "target", 2030),
    ],
)
def test_a_plan_reviews_its_base_before_its_goals(raw: str, kind: str, year: int | None) -> None:
    q = plan_quantities()[raw]
    assert (q.kind, q.year) == (kind, year)


SUMMARY = (
    "某高新区2024年工作总结和2025年工作安排\n"
    "一、2024年主要工作回顾\n"
    "（一）主要经济指标稳中有进\n"
    "全年完成地区生产总值312.6亿元，同比增长6.8%。\n"
    "（二）招商引资成效明显\n"
    "全年新签约项目46个。\n"
    "二、2025年工作安排\n"
    "（一）2025年发展目标\n"
    "地区生产总值增长7%左右，高新技术企业达到260家。\n"
)


@pytest.mark.parametrize(
    ("raw", "kind", "year"),
    [
        ("312.6亿元", "actual", 2024),
        ("6.8%", "actual", 2024),
        ("46个", "actual", 2024),  # （二）招商引资成效明显 is a sub-part of the review
        ("7%", "target", 2025),
        ("260家", "target", 2025),
    ],
)
def test_a_heading_with_its_year_governs_its_part_without_a_document_date(
    raw: str, kind: str, year: int
) -> None:
    q = by_raw(extract(SUMMARY, year=None, kind="other"))[raw]
    assert (q.kind, q.year) == (kind, year)


@pytest.mark.parametrize(
    ("text", "raw", "kind"),
    [
        ("要组建技改诊断服务队，今年完成诊断企业300家以上。", "300家", "target"),  # a task set in a meeting
        ("会议强调，要加快充电设施建设，年内新建公共充电桩2000个。", "2000个", "target"),
        ("主要产品产量占全球比重超过六成。", "六成", "actual"),  # 主要 is no task
        ("火箭成功发射，将6颗遥感卫星送入预定轨道，卫星总重1.2吨。", "1.2吨", "actual"),  # 将 as 把
        ("技改完成后，公司棒材产能将翻一番。", "翻一番", "target"),
        ("成都已将政务大模型接入平台，办件准确率达到92%。", "92%", "actual"),
        ("该工厂将新车型导入周期缩短了35%。", "35%", "actual"),
        ("该区将新建标准厂房40万平方米。", "40万平方米", "target"),  # 将 as will
        ("项目全部投运后每年可提供绿电约1.8亿千瓦时。", "1.8亿千瓦时", "target"),
    ],
)
def test_news_cues_for_target_and_act(text: str, raw: str, kind: str) -> None:
    assert by_raw(extract(text, kind="news"))[raw].kind == kind


def test_an_award_condition_is_no_fact_in_a_plan() -> None:
    text = "对首次入选的企业给予最高100万元奖励。"
    q = by_raw(extract(text, kind="policy", year=2025, period=(2025, 2027)))["100万元"]
    assert (q.kind, q.year) == ("target", 2027)


@pytest.mark.parametrize(
    ("text", "raw", "year"),
    [
        ("本地配套率从2020年的18%提高到52%。", "52%", None),  # the from-year is the 18%'s
        ("本地配套率从2020年的18%提高到52%。", "18%", 2020),
        ("印染企业由2017年的112家整合为28家。", "28家", None),
        ("亩均税收41.3万元，分别是2014年的2.6倍。", "2.6倍", None),  # the year compared with
    ],
)
def test_a_baseline_year_stays_with_its_baseline(text: str, raw: str, year: int | None) -> None:
    assert by_raw(extract(text, kind="news", year=None))[raw].year == year


NEWS_STATS = (
    "前10月厦门外贸进出口同比增长6.8%\n"
    "2025年1—10月，厦门市货物贸易进出口7865.3亿元，同比增长6.8%。其中，出口4620.5亿元，增长9.2%。\n"
    "同期，外商投资企业进出口2380.6亿元，下降2.1%。电动汽车出口62.3亿元，是去年同期的2.3倍。\n"
    "截至目前，全市累计建成充电桩1.8万个。\n"
)


@pytest.mark.parametrize(
    ("raw", "year"),
    [
        ("4620.5亿元", 2025),  # 其中 … after the paragraph's 2025年1—10月
        ("9.2%", 2025),
        ("2380.6亿元", 2025),  # 同期: the reporting period
        ("2.3倍", 2025),  # 是去年同期的2.3倍: last year is the base, not the year
        ("1.8万个", None),  # a stock 截至目前 has no year of its own
    ],
)
def test_news_facts_take_the_year_of_their_reporting_period(raw: str, year: int | None) -> None:
    q = by_raw(extract(NEWS_STATS, kind="news", year=2025))[raw]
    assert (q.kind, q.year) == ("actual", year)


EXPLAINER = (
    "《宁波市推动制造业设备更新和技术改造若干措施》政策解读\n"
    "问：出台背景是什么？\n"
    "答：近年来，全市制造业规模持续扩大，2023年规上工业总产值突破2.2万亿元。\n"
    "问：对技改项目有哪些支持？\n"
    "答：对设备投资额在500万元以上的技改项目，按设备投资额的10%给予补助，最高不超过2000万元。\n"
)


@pytest.mark.parametrize(
    ("raw", "kind"), [("2.2万亿元", "actual"), ("10%", "target"), ("2000万元", "target")]
)
def test_an_explainer_restates_measures_as_goals_and_its_background_as_facts(raw: str, kind: str) -> None:
    title = "《宁波市推动制造业设备更新和技术改造若干措施》政策解读"
    q = by_raw(extract(EXPLAINER, kind="news", year=None, title=title))[raw]
    assert q.kind == kind


def test_a_news_story_headlined_as_a_reading_of_a_report_stays_news() -> None:
    text = "慈溪政府工作报告解读：家电之都瞄准“智造”升级\n“去年我们新上了两条全自动装配线，人均产出提高了近四成。”\n"
    q = by_raw(extract(text, kind="news", year=2025, title="慈溪政府工作报告解读：家电之都瞄准“智造”升级"))[
        "四成"
    ]
    assert q.kind == "actual"


@pytest.mark.parametrize(
    ("text", "raw", "kind", "year"),
    [
        ("展望2035年，人均地区生产总值在2020年基础上翻一番以上。", "翻一番", "target", 2035),
        ("每万人口高价值发明专利拥有量达到30件。", "30件", "target", 2030),  # 拥有量 names an indicator
        (
            "地区生产总值由2020年的3753亿元增加到2025年的5600亿元左右，年均增长6.5%以上。",
            "6.5%",
            "actual",
            2025,
        ),
    ],
)
def test_outlooks_bases_and_levels_of_a_named_year(text: str, raw: str, kind: str, year: int) -> None:
    q = by_raw(extract(text, kind="policy", year=2026, period=(2026, 2030)))[raw]
    assert (q.kind, q.year) == (kind, year)
