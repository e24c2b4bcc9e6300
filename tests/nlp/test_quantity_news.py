"""Subjects and kinds in news-style text: counted nouns after measure words, 的-heads,
listed subjects, shared comparators, past reporting vs plans (sentences written for these tests)."""

from __future__ import annotations

import pytest

from nlp.evaluate import char_f1
from tests.nlp.test_quantities import by_raw, extract


def news(text: str, year: int = 2024) -> dict:
    return by_raw(extract(text, year=year, kind="news"))


# --- 1. the counted noun follows the measure word; the head after 的 -------------------------
@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        ("智能仓储系统可在60余个立体货架中自动调取物料。", "60余个", "立体货架"),
        ("全区已有300余家企业完成数字化改造。", "300余家", "企业"),
        ("本届展会吸引了800多家企业参展。", "800多家", "企业"),
        ("这条新产线仅用了老车间三分之一的面积。", "三分之一", "面积"),
        ("改造后的车间能达到过去1.5倍至2倍的产能。", "1.5倍至2倍", "产能"),
        ("新仓库的面积仅占老厂区五分之一。", "五分之一", "新仓库的面积"),
        ("确保3.6万户老旧小区改造顺利完成。", "3.6万户", "老旧小区改造"),
        ("目前，园区已集聚各类企业260余家。", "260余家", "各类企业"),
        ("今年选择20个左右有基础、有特色的乡镇开展试点。", "20个", "乡镇"),
    ],
)
def test_count_subject_follows_the_measure_word(text: str, raw: str, subject: str) -> None:
    assert news(text)[raw].subject == subject


def test_a_number_word_after_de_is_not_a_head() -> None:
    q = news("甲乙两个实验室、北京和上海的两个研发中心同时启用。")
    assert [x.subject for x in q.values()] == ["研发中心"]  # by_raw keeps the last 两个
    first = extract("甲乙两个实验室、北京和上海的两个研发中心同时启用。", kind="news")[0]
    assert first.subject == "实验室"


def test_rate_heads_after_de_keep_the_indicator_on_the_left() -> None:
    q = news("全市规上工业增加值保持8%左右的增速。")
    assert q["8%"].subject == "规上工业增加值"


# --- 2. lists of subjects, with or without 分别 ----------------------------------------------
def test_three_listed_subjects_take_the_numbers_in_turn() -> None:
    qs = extract(
        "钢材、水泥、平板玻璃产量达到120万吨、85万吨、3.2亿平方米，分别增长4.1%、2.6%、11.3%。", kind="news"
    )
    assert [q.subject for q in qs] == ["钢材产量", "水泥产量", "平板玻璃产量"] * 2
    assert [q.change for q in qs] == [None] * 3 + ["increase"] * 3


def test_list_without_a_matching_count_keeps_its_subject() -> None:
    qs = extract("汽车、家电出口额达到300亿元。", kind="news")
    assert [q.subject for q in qs] == ["汽车、家电出口额"]


# --- 3. a 左右/以上 after a pair covers both; 城乡 splits ---------------------------------------
def test_pair_shares_the_trailing_comparator_and_splits_chengxiang() -> None:
    qs = extract("今年城乡居民人均可支配收入分别增长4.5%和6%左右。", kind="news")
    assert [(q.comparator, q.subject) for q in qs] == [
        ("approx", "城镇居民人均可支配收入"),
        ("approx", "农村居民人均可支配收入"),
    ]
    qs = extract("基本养老、基本医疗保险参保率分别稳定在97%和96%以上。", kind="news")
    assert [q.comparator for q in qs] == ["ge", "ge"]


def test_a_comparator_after_a_listed_number_stays_its_own() -> None:
    qs = extract("城镇、农村居民人均可支配收入分别增长5%、6.5%左右。", kind="news")
    assert [q.comparator for q in qs] == ["eq", "approx"]


def test_pair_split_for_small_and_medium_enterprises() -> None:
    qs = extract("中小企业贷款余额分别增长12%和15%。", kind="news")
    assert [q.subject for q in qs] == ["中型企业贷款余额", "小型企业贷款余额"]


# --- 4/5. news narrative: past reporting is actual, plans are targets with their year -----------
NEWS = [
    # text, raw, kind, year, change, comparator, gold subject (judged by character F1 >= 0.5)
    ("记者从市统计局获悉，今年1-8月，全市规上工业增加值同比增长7.3%。", "7.3%", "actual", 2024, "increase", "eq",
     "规上工业增加值"),
    ("据介绍，截至目前，北仑区已累计建成充电桩1.8万个。", "1.8万个", "actual", None, None, "eq", "充电桩"),
    ("今年以来，宁波舟山港集装箱吞吐量完成2650万标准箱，同比增长6.9%。", "2650万标准箱", "actual", 2024, None,
     "eq", "集装箱吞吐量"),
    ("今年以来，宁波舟山港集装箱吞吐量完成2650万标准箱，同比增长6.9%。", "6.9%", "actual", 2024, "increase",
     "eq", "集装箱吞吐量"),
    ("按照计划，到2027年，全市集成电路产业规模将突破1000亿元。", "1000亿元", "target", 2027, None, "gt",
     "集成电路产业规模"),
    ("预计到2026年，该基地年产值将达到80亿元左右。", "80亿元", "target", 2026, None, "approx", "基地年产值"),
    ("四年后，慈溪将建成20个以上未来工厂。", "20个", "target", 2028, None, "ge", "未来工厂"),
    ("明年，全市力争新增省级专精特新中小企业300家。", "300家", "target", 2025, None, "eq", "省级专精特新中小企业"),
    ("“今年我们的出口额增长了18%。”公司负责人告诉记者。", "18%", "actual", 2024, "increase", "eq", "出口额"),
    ("该企业力争今年底实现营收15亿元。", "15亿元", "target", 2024, None, "eq", "营收"),
    ("据了解，项目总投资约85亿元，建成后可实现年产值200亿元以上。", "200亿元", "target", None, None, "ge",
     "年产值"),
    ("据了解，项目总投资约85亿元，建成后可实现年产值200亿元以上。", "85亿元", "actual", None, None, "approx",
     "项目总投资"),
    ("去年，全市新能源汽车产量达到52.3万辆，比上年增长41%。", "52.3万辆", "actual", 2023, None, "eq",
     "新能源汽车产量"),
    ("今年底前，全市将新建公共充电桩8000个。", "8000个", "target", 2024, None, "eq", "公共充电桩"),
    ("目前，镇海区已集聚各类新材料企业180余家，从业人员超过3万人。", "3万人", "actual", None, None, "gt",
     "从业人员"),
    ("记者了解到，今年前三季度，余姚市光电产业产值达到420亿元，同比增长9.8%。", "9.8%", "actual", 2024,
     "increase", "eq", "光电产业产值"),
    ("达产后，该项目年产新能源汽车零部件600万套。", "600万套", "target", None, None, "eq", "新能源汽车零部件"),
    ("三年内，高新区将打造5个省级特色产业园。", "5个", "target", 2026, None, "eq", "省级特色产业园"),
    ("截至6月底，全市累计培育国家级绿色工厂85家，居全国城市前列。", "85家", "actual", 2024, None, "eq",
     "国家级绿色工厂"),
    ("该公司研发投入占营业收入的比重达到7.2%，比上年提高1.1个百分点。", "1.1个百分点", "actual", None, "increase",
     "eq", "研发投入占营业收入的比重"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "raw", "kind", "year", "change", "comparator", "subject"), NEWS)
def test_news_sentences(text, raw, kind, year, change, comparator, subject) -> None:
    q = news(text)[raw]
    assert (q.kind, q.year, q.change, q.comparator) == (kind, year, change, comparator)
    assert char_f1(q.subject or "", subject) >= 0.5, q.subject


@pytest.mark.parametrize(
    "text",
    [
        "第二十届宁波国际服装节于10月20日开幕。",
        "该公司推出的3.0T磁共振设备广受好评。",
        "企业已连续5年保持盈利。",
        "项目历时18个月建设完成。",
        "工作人员拨打12345热线反映问题。",
    ],
)
def test_names_dates_specs_and_durations_make_no_records(text: str) -> None:
    assert extract(text, kind="news") == []
