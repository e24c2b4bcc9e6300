"""extract_quantities: kind, change, year, subject; the seed gold; spans inside sentences."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.evaluate import evaluate
from nlp.quantities import DocContext, extract_quantities
from nlp.records import Quantity, Sentence

_SPLIT = re.compile(r"[^。！？；\n]+[。！？；]?")


def sentences_of(text: str) -> list[Sentence]:
    """A plain split on 。！？； and newlines (independent of nlp.sentences)."""
    out = []
    for m in _SPLIT.finditer(text):
        if m.group().strip():
            out.append(Sentence(index=len(out), text=m.group(), start=m.start(), end=m.end()))
    return out


def extract(text: str, **context) -> list[Quantity]:
    ctx = DocContext(**{"year": 2023, "kind": "news", **context})
    return extract_quantities(text, sentences_of(text), ctx)


def by_raw(quantities: list[Quantity]) -> dict[str, Quantity]:
    return {q.raw: q for q in quantities}


def test_seed_article_meets_the_bar(corpora) -> None:
    text = (corpora / "seed" / "ningbo-361-news.txt").read_text(encoding="utf-8")
    sents = sentences_of(text)
    ctx = DocContext(year=2023, period=(2023, 2027), region="宁波", kind="news", title=None)
    quantities = extract_quantities(text, sents, ctx)
    record = {
        "document": {"source": "ningbo-361-news.txt"},
        "sentences": [s.model_dump() for s in sents],
        "quantities": [q.model_dump() for q in quantities],
    }
    lines = (corpora / "gold" / "seed-quantities.jsonl").read_text(encoding="utf-8").splitlines()
    result = evaluate([record], [json.loads(line) for line in lines if line.strip()])
    assert not [p for p in result["problems"] if "MISSED" in p]
    assert result["quantities"][2] >= 0.95
    assert result["targets"][2] >= 0.95
    assert all(text[q.start : q.end] == q.raw for q in quantities)


def test_plan_targets_in_a_news_text() -> None:
    text = (
        "宁波力争到2025年实现新能源汽车产量超过70万辆，产业规模超过2000亿元，培育形成10个以上新能源整车品牌。"
    )
    q = by_raw(extract(text))
    assert (q["70万辆"].kind, q["70万辆"].year, q["70万辆"].comparator) == ("target", 2025, "gt")
    assert q["70万辆"].subject == "新能源汽车产量"
    assert q["10个"].subject == "新能源整车品牌"
    assert q["10个"].comparator == "ge"


def test_actual_figures_in_a_news_text() -> None:
    text = (
        "截至目前，宁波共拥有国家级绿色工厂71家。去年，一舟股份的年营收已超40亿元。工业用水量因此减少一半。"
    )
    q = by_raw(extract(text))
    assert (q["71家"].kind, q["71家"].subject) == ("actual", "国家级绿色工厂")
    assert (q["40亿元"].kind, q["40亿元"].comparator) == ("actual", "gt")
    assert (q["一半"].change, q["一半"].value, q["一半"].unit) == ("decrease", 50, "%")


def test_relative_year_against_the_document_year() -> None:
    [q] = extract("展望未来，四年后的宁波将形成数字产业、绿色石化等3个万亿级产业集群。")
    assert (q.kind, q.year, q.subject) == ("target", 2027, "万亿级产业集群")


def test_nested_qualifier_stays_in_the_subject() -> None:
    text = "力争到2027年，培育营业收入超千亿元的龙头企业10家以上，新增制造业上市企业50家以上。"
    q = by_raw(extract(text))
    assert q["10家"].subject == "营业收入超千亿元的龙头企业"
    assert q["50家"].subject == "新增制造业上市企业"
    assert q["千亿元"].value == 1e11 and q["千亿元"].comparator == "gt"
    assert {x.year for x in q.values()} == {2027}


@pytest.mark.parametrize(
    ("text", "raw", "change"),
    [
        ("全年国内生产总值增长3%。", "3%", "increase"),
        ("单位国内生产总值能耗降低13.5%。", "13.5%", "decrease"),
        ("比上年增加1800亿元。", "1800亿元", "increase"),
        ("重污染天数下降超过五成。", "五成", "decrease"),
        ("浴比降至1:6。", "1:6", None),
        ("城镇化率提高到60%。", "60%", None),
        ("城镇调查失业率达到5%。", "5%", None),
        ("新增上市企业50家。", "50家", None),
        ("居民消费价格涨幅3%左右。", "3%", "increase"),
        ("经济增长预期目标为5%左右。", "5%", "increase"),
        ("赤字率提高1个百分点。", "1个百分点", "increase"),
    ],
)
def test_change(text: str, raw: str, change: str | None) -> None:
    assert by_raw(extract(text))[raw].change == change


def test_list_distributes_subjects_and_change() -> None:
    q = extract("化学需氧量、氨氮排放总量分别下降8%、8%。")
    assert [(x.subject, x.change, x.value) for x in q] == [
        ("化学需氧量", "decrease", 8),
        ("氨氮排放总量", "decrease", 8),
    ]
    assert all(
        x.subject_start is not None
        and x.subject == "化学需氧量、氨氮排放总量分别下降8%、8%。"[x.subject_start : x.subject_end]
        for x in q
    )


REPORT = (
    "2025年政府工作报告\n"
    "一、2024年工作回顾\n"
    "过去一年，全省地区生产总值增长5.8%，规上工业增加值增长7%。\n"
    "二、2025年目标任务\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业65万人以上，"
    "城镇调查失业率5.5%以内，居民消费价格涨幅2%左右，单位地区生产总值能耗降低3%左右。\n"
    "到2027年，数字经济核心产业增加值占比提高到15%。\n"
)


def test_work_report_targets_and_actuals() -> None:
    found = extract(REPORT, year=2025, kind="policy", title="2025年政府工作报告")
    gdp = [q for q in found if q.subject == "地区生产总值"]
    assert [(q.value, q.kind, q.year, q.change) for q in gdp] == [
        (5.8, "actual", 2024, "increase"),
        (5.5, "target", 2025, "increase"),
    ]
    assert gdp[1].comparator == "approx"
    q = by_raw(found)
    assert (q["65万人"].kind, q["65万人"].comparator, q["65万人"].change) == ("target", "ge", None)
    assert (q["3%"].change, q["3%"].year) == ("decrease", 2025)
    assert (q["15%"].year, q["15%"].change) == (2027, None)


def test_plan_document_period_end_is_the_default_year() -> None:
    [q] = extract("培育国家级绿色工厂150家。", year=2023, kind="policy", period=(2023, 2027))
    assert (q.kind, q.year) == ("target", 2027)


def test_fourteenth_five_year_plan_sets_the_year() -> None:
    [q] = extract("“十四五”时期，全市新增光伏装机100万千瓦。", year=2022, kind="policy")
    assert (q.kind, q.year, q.value, q.unit) == ("target", 2025, 1e6, "千瓦")


def test_non_quantities_make_no_records() -> None:
    text = (
        "党的二十大报告提出，连续4年召开第19届会议，进入8月，《行动方案（2023—2027年）》印发，健信1.5T产品。"
    )
    assert extract(text) == []


_FRAGMENTS = [
    "产量超过70万辆", "，", "。", "增长5%左右", "到2027年", "一批企业", "；", "\n", "国家级绿色工厂150家",
    "二分之一", "1:6", "2倍至3倍", "减少一半", "连续4年", "第19届", "数十亿元", "、", "１２．５％",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=25))
def test_every_span_lies_inside_its_sentence(parts: list[str]) -> None:
    text = "".join(parts)
    sents = sentences_of(text)
    for q in extract_quantities(text, sents, DocContext(year=2023)):
        s = sents[q.sentence_index]
        assert s.start <= q.start < q.end <= s.end
        assert text[q.start : q.end] == q.raw
        if q.subject_start is not None:
            assert s.start <= q.subject_start < q.subject_end <= s.end
            assert text[q.subject_start : q.subject_end] == q.subject


def test_last_year_beside_this_years_target() -> None:
    text = (
        "今年主要预期目标是：地区生产总值增长5.5%左右（2024年增长5.4%），一般公共预算收入增长3%。"
        "主要预期目标：地区生产总值增长6%左右，去年为5.8%。"
    )
    found = extract(text, year=2025, kind="policy", title="2025年政府工作报告")
    assert [(q.raw, q.kind, q.year, q.change, q.subject) for q in found] == [
        ("5.5%", "target", 2025, "increase", "地区生产总值"),
        ("5.4%", "actual", 2024, "increase", "地区生产总值"),
        ("3%", "target", 2025, "increase", "一般公共预算收入"),
        ("6%", "target", 2025, "increase", "地区生产总值"),
        ("5.8%", "actual", 2024, "increase", "地区生产总值"),
    ]


def test_a_due_year_governs_the_rest_of_its_paragraph() -> None:
    text = "到2020年，农机总动力超过10亿千瓦。综合机械化率达到70%。\n目前已建成示范县50个。"
    q = by_raw(extract(text, year=2018, kind="policy"))
    assert (q["70%"].kind, q["70%"].year) == ("target", 2020)
    assert q["50个"].kind == "actual"


def test_news_actuals_take_the_year_they_name() -> None:
    q = by_raw(extract("今年1—6月，全市规上工业增加值同比增长8.2%。去年，全市GDP增长5.5%。", year=2024))
    assert (q["8.2%"].kind, q["8.2%"].year, q["8.2%"].change) == ("actual", 2024, "increase")
    assert (q["5.5%"].year, q["5.5%"].subject) == (2023, "GDP")


def test_counts_take_the_noun_after_a_verb() -> None:
    q = by_raw(extract("加快建设3个先行启动区，新增14家农业产业化国家重点龙头企业。"))
    assert q["3个"].subject == "先行启动区"
    assert q["14家"].subject == "农业产业化国家重点龙头企业"


def test_verbs_inside_a_noun_do_not_govern() -> None:
    text = "累计创建国家级夜间文旅消费集聚区15个，建成区绿化覆盖率达到42%。"
    q = by_raw(extract(text))
    assert q["15个"].subject == "国家级夜间文旅消费集聚区"  # 集聚 of 集聚区 is no verb
    assert q["42%"].subject == "建成区绿化覆盖率"


def test_counts_of_people_without_a_measure_word_are_people() -> None:
    text = "新增技能人才74万、专业人才8.1万，培养农村致富带头人3.07万，78万农牧户发展庭院经济。"
    q = by_raw(extract(text))
    assert [(q[r].value, q[r].unit) for r in ("74万", "8.1万", "3.07万", "78万")] == [
        (740000, "人"),
        (81000, "人"),
        (30700, "人"),
        (780000, "户"),
    ]


def test_a_verb_before_a_count_leaves_the_subject_to_its_object() -> None:
    q = by_raw(extract("今年再解决6000万农村人口的饮水安全问题，坚决守住18亿亩耕地红线。"))
    assert q["6000万"].subject.startswith("农村人口")
    assert q["18亿亩"].subject == "耕地红线"


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        ("经过反复权衡，把增长预期目标定在7.5%左右。", "7.5%", "增长预期目标"),
        ("把经济增长预期目标定为6%。", "6%", "经济增长"),
        ("财政赤字有所增加，但赤字率稳定在2.1%。", "2.1%", "赤字率"),
        ("中央财政赤字9500亿元，由中央代地方发债4000亿元。", "4000亿元", "中央代地方发债"),
        ("新建燃气管网1000公里和改造排水管网3000公里。", "3000公里", "改造排水管网"),
        ("和平区新增就业2万人。", "2万人", "和平区新增就业"),  # 和 of a name stays
    ],
)
def test_conjunctions_and_prepositions_open_no_subject(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text, year=2014))[raw].subject == subject


def test_a_verb_ending_in_ding_is_not_cut() -> None:
    # 定为 ends the name (把…定为6%), but 设定为 and 确定为 are whole verbs: no half of them stays
    assert not by_raw(extract("今年预期目标设定为5%左右。"))["5%"].subject.endswith("设")


def test_listed_rates_share_their_head() -> None:
    q = extract("花生种植、收获机械化率分别达到65%和55%。")
    assert [x.subject for x in q] == ["花生种植机械化率", "收获机械化率"]


def test_a_milestone_passed_is_not_the_subject() -> None:
    q = by_raw(
        extract(
            "全省地区生产总值连跨4个千亿台阶，2024年达到1.3万亿元。粮食总产量再上新台阶，突破1600亿斤大关。"
        )
    )
    assert q["4个"].subject == q["1.3万亿元"].subject == "地区生产总值"
    assert q["1600亿斤"].subject != "大关"


def test_a_review_section_stays_a_review() -> None:
    text = (
        "一、过去一年工作回顾\n把年度主要预期目标作为一个有机整体来把握。\n"
        "提前实施部分“十四五”规划重大工程项目，投放金融工具7400亿元。\n"
        "二、“十四五”时期主要目标任务\n全社会研发经费投入年均增长7%以上。\n"
    )
    q = by_raw(extract(text, year=2023, kind="policy", title="2023年政府工作报告"))
    assert (q["7400亿元"].kind, q["7400亿元"].year) == ("actual", 2022)
    assert (q["7%"].kind, q["7%"].year, q["7%"].comparator) == ("target", 2025, "ge")


# --- news-style sentences written for these rules (not taken from any corpus) ---
NEWS = [
    # text, raw, kind, year, change, comparator, region
    ("记者从市统计局获悉，今年前三季度，宁波实现地区生产总值12345亿元，同比增长5.6%。", "5.6%", "actual", 2024,
     "increase", "eq", "宁波市"),
    ("据海关统计，1-10月，我市外贸进出口总额达1.1万亿元，同比增长4.2%。", "1.1万亿元", "actual", 2024, None, "eq", None),
    ("“今年我们的目标是产值突破100亿元。”该企业负责人告诉记者。", "100亿元", "target", 2024, None, "gt", None),
    ("去年，青岛市新能源汽车产量达到25万辆，比上年增长38%。", "25万辆", "actual", 2023, None, "eq", "青岛市"),
    ("截至9月底，全市累计建成5G基站2.3万个。", "2.3万个", "actual", 2024, None, "eq", None),
    ("大连市提出，力争明年全市GDP增长6%左右。", "6%", "target", 2025, "increase", "approx", "大连市"),
    ("厦门市今年1-8月规上工业增加值增长7.1%。", "7.1%", "actual", 2024, "increase", "eq", "厦门市"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "raw", "kind", "year", "change", "comparator", "region"), NEWS)
def test_news_sentences(text, raw, kind, year, change, comparator, region) -> None:
    q = by_raw(extract(text, year=2024, kind="news"))[raw]
    assert (q.kind, q.year, q.change, q.comparator, q.region) == (kind, year, change, comparator, region)
    assert q.subject and not q.subject.startswith(("今年", "“", "青岛", "厦门", "宁波"))


@pytest.mark.parametrize(
    ("plan", "doc_year", "due"),
    [("十二五", 2011, 2015), ("十三五", 2016, 2020), ("十四五", 2021, 2025), ("十五五", 2026, 2030)],
)
def test_five_year_plans_give_their_end_year(plan: str, doc_year: int, due: int) -> None:
    q = extract(f"“{plan}”期间，全市规上工业增加值达到5000亿元。", year=doc_year, kind="policy")[0]
    assert (q.kind, q.year) == ("target", due)


def test_magnitude_counts_take_the_unit_of_their_head_noun() -> None:
    qs = by_raw(extract("1亿农村贫困人口实现脱贫，新增405万皖北群众喝上引调水，惠及30万农户。", year=2021))
    assert (qs["1亿"].unit, qs["1亿"].value, qs["1亿"].subject) == ("人", 1e8, "农村贫困人口")
    assert (qs["405万"].unit, qs["405万"].subject) == ("人", "皖北群众")
    assert qs["30万"].unit == "户"
    assert by_raw(extract("投资1亿建设人才公寓。"))["1亿"].unit == "元"  # money said without 元
    assert by_raw(extract("人均地区生产总值突破5万关口。"))["5万"].unit == "元"
    assert by_raw(extract("建成10万座公寓。"))["10万座"].unit == "座"


def test_any_noun_ending_in_ren_counts_people() -> None:
    qs = extract("帮助158万残疾人、120万困难群众解决就业。")
    assert [(q.raw, q.value, q.unit, q.subject) for q in qs] == [
        ("158万", 1580000, "人", "残疾人"),
        ("120万", 1200000, "人", "困难群众"),
    ]
    # each listed count takes its own people noun, not the list's first one
    qs = extract("全省有200万老年人、50万农民工、30万高校毕业生、12万退役军人、10万残疾人士。")
    assert [(q.unit, q.subject) for q in qs] == [
        ("人", "老年人"), ("人", "农民工"), ("人", "高校毕业生"), ("人", "退役军人"), ("人", "残疾人士"),
    ]  # fmt: skip
    qs = extract("帮扶100万贫困人口，培训50万劳动力，资助30万学生、20万儿童，惠及60万职工，引进3万人才。")
    assert [(q.unit, q.subject) for q in qs] == [
        ("人", "贫困人口"), ("人", "劳动力"), ("人", "学生"), ("人", "儿童"), ("人", "职工"), ("人", "人才"),
    ]  # fmt: skip
    assert by_raw(extract("帮助200名残疾人实现就业。"))["200名"].subject == "残疾人"


@pytest.mark.parametrize(
    ("text", "raw", "unit", "subject"),
    [
        ("投资1000万元人民币建设项目。", "1000万元人民币", "元", "投资"),
        ("接待游客15万人次。", "15万人次", "人次", "接待游客"),
        ("新建5G基站8万个。", "8万个", "个", "5G基站"),
        ("培育100家企业。", "100家", "家", "企业"),
        ("新增1万人工智能企业。", "1万", None, "人工智能企业"),  # 人 starts a longer word
        ("新增10万工业机器人。", "10万", None, "工业机器人"),  # a thing, not people
        ("惠及10万农村人居环境。", "10万", None, "惠及"),
        # a people noun after a measure word of things only modifies what is counted
        ("建设30所残疾人康复中心。", "30所", "所", "残疾人康复中心"),
        ("建设20个老年人日间照料中心。", "20个", "个", "老年人日间照料中心"),
        ("对40家学生集体用餐配送单位开展评估。", "40家", "家", "学生集体用餐配送单位"),
    ],
)
def test_nouns_that_are_not_people_keep_their_unit_and_subject(
    text: str, raw: str, unit: str | None, subject: str
) -> None:
    q = by_raw(extract(text))[raw]
    assert (q.unit, q.subject) == (unit, subject)


def test_listed_modifiers_share_the_head_noun() -> None:
    qs = extract(
        "第一、二、三产业增加值分别增长4%、5.3%、6.1%，城镇、农村居民人均可支配收入分别增长4.3%、6.2%。"
    )
    assert [q.subject for q in qs] == [
        "第一产业增加值", "二产业增加值", "三产业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入",
    ]  # fmt: skip
    qs = extract("规上工业增加值、社会消费品零售总额分别增长5%、6%。")
    assert [q.subject for q in qs] == ["规上工业增加值", "社会消费品零售总额"]


def test_respectively_refers_back_and_bare_numbers_borrow_the_unit() -> None:
    qs = extract("甲企业出口占比78.7%，乙产品出口占比62.6%，分别提高11.1、11.2个百分点。")
    assert [(q.raw, q.unit, q.change) for q in qs[2:]] == [
        ("11.1", "百分点", "increase"),
        ("11.2个百分点", "百分点", "increase"),
    ]
    assert [q.subject for q in qs[2:]] == [qs[0].subject, qs[1].subject]


def test_share_after_a_growth_keeps_the_indicator() -> None:
    qs = by_raw(extract("新能源汽车产量增长43%、占全国1/4。"))
    assert qs["1/4"].subject == "新能源汽车产量占全国" and qs["1/4"].change is None


@pytest.mark.parametrize(
    ("text", "raw", "change"),
    [
        ("规上工业增加值保持40%以上增长。", "40%", "increase"),
        ("居民消费价格涨幅控制在2%左右。", "2%", "increase"),
        ("城镇调查失业率控制在5.5%左右。", "5.5%", None),
        ("城镇化率提高到60%。", "60%", None),
    ],
)
def test_rate_words_around_the_number(text: str, raw: str, change: str | None) -> None:
    assert by_raw(extract(text))[raw].change == change


def test_a_due_year_ending_in_a_colon_governs_the_list_below() -> None:
    text = (
        "到2025年：\n数字经济增加值突破4万亿元。\n新能源汽车产量达到100万辆。\n二、重点任务\n建成基站1万个。"
    )
    qs = by_raw(extract(text, year=2022, kind="policy"))
    assert qs["4万亿元"].year == qs["100万辆"].year == 2025
    assert qs["1万个"].year is None


def test_a_plans_goal_year_covers_goals_without_a_year() -> None:
    text = "（四）试点目标。\n到2020年，系统构建指标体系。\n（五）试点范围。在全国选择10个左右城市开展试点。"
    q = extract(text, year=2018, kind="policy")[0]
    assert (q.raw, q.kind, q.year) == ("10个", "target", 2020)


def test_new_units() -> None:
    qs = by_raw(extract("PM2.5平均浓度35.2微克/立方米，中欧班列年开行突破万列。"))
    assert qs["35.2微克/立方米"].unit == "微克/立方米"
    assert (qs["万列"].value, qs["万列"].unit, qs["万列"].comparator) == (10000, "列", "gt")


@pytest.mark.parametrize(
    ("text", "raw", "change"),
    [
        ("今年增加2万个停车位。", "2万个", None),  # new items, like 新增
        ("扩大覆盖300万农村人口。", "300万", None),
        ("企业数量增加500家。", "500家", "increase"),  # the indicator is named before
        ("经费减少20%，15个部门实现零增长。", "15个", None),  # a comma joins only like numbers
        ("经费减少20%，支出减少15%。", "15%", "decrease"),
        ("融资平台数量压降30%。", "30%", "decrease"),
        ("审批事项精简40%。", "40%", "decrease"),
    ],
)
def test_change_of_counts_and_comma_lists(text: str, raw: str, change: str | None) -> None:
    assert by_raw(extract(text, kind="policy"))[raw].change == change


def test_the_start_of_a_change_is_a_baseline() -> None:
    q = by_raw(extract("到2030年，城镇化率从55%提高到60%。", kind="policy", year=2025))
    assert (q["55%"].kind, q["55%"].year) == ("actual", None)
    assert (q["60%"].kind, q["60%"].year) == ("target", 2030)


def test_a_count_of_people_takes_its_unit_from_the_indicator() -> None:
    q = by_raw(extract("入境游客人次由5000万增加到6000万。农村贫困人口减少1000多万。"))
    assert [q[r].unit for r in ("5000万", "6000万", "1000多万")] == ["人次", "人次", "人"]


def test_this_year_named_in_a_review_section() -> None:
    text = "一、过去一年工作回顾\n工业增加值增长6%，今年全省有20万高校毕业生。\n"
    q = by_raw(extract(text, year=2025, kind="policy", title="2025年政府工作报告"))
    assert (q["6%"].year, q["20万"].year) == (2024, 2025)


def test_a_bare_total_restates_the_previous_indicator() -> None:
    qs = by_raw(extract("新增新能源装机1258万千瓦、总量达到6437万千瓦。"))
    assert qs["6437万千瓦"].subject == "新能源装机总量"


def test_quarters_in_a_row_are_a_duration_not_a_count() -> None:
    assert "10个" not in by_raw(extract("连续10个季度保持在全国第一方阵。"))


def test_computing_power_in_p() -> None:
    q = by_raw(extract("建成智能算力规模24000P。"))["24000P"]
    assert (q.value, q.unit) == (24000, "P")


@pytest.mark.parametrize(
    ("text", "raw", "comparator", "subject"),
    [
        (
            "新建大型数据中心电能利用效率（PUE）控制在1.25以下。",
            "1.25",
            "le",
            "大型数据中心电能利用效率（PUE）",
        ),
        ("新建数据中心PUE值降至1.3以下。", "1.3", "le", "新建数据中心PUE值"),
        ("两化融合指数达到92。", "92", "eq", "两化融合指数"),
        ("居民收入基尼系数不高于0.4。", "0.4", "le", "居民收入基尼系数"),
    ],
)
def test_an_indicator_without_a_unit_keeps_its_level(
    text: str, raw: str, comparator: str, subject: str
) -> None:
    q = by_raw(extract(text))[raw]
    assert (q.unit, q.comparator, q.subject) == (None, comparator, subject)


@pytest.mark.parametrize(
    "text", ["发布3.0版数字化指数评价体系。", "指数基金规模排名第2。", "系数法测算，第1批。"]
)
def test_other_bare_numbers_near_an_index_stay_out(text: str) -> None:
    assert extract(text) == []


def test_a_bare_amount_after_a_verb_measures_the_noun_before_it() -> None:
    qs = by_raw(extract("300个省列重大项目累计完成投资2393.1亿元，新型储能累计建成并网近1000万千瓦。"))
    assert qs["2393.1亿元"].subject == "省列重大项目累计完成投资"
    assert qs["1000万千瓦"].subject == "新型储能累计建成并网"
    assert by_raw(extract("全年建成5G基站10万个。"))["10万个"].subject == "5G基站"


def test_a_span_start_is_not_the_year_described() -> None:
    q = by_raw(extract("2013年以来新增的涉税市场主体去年纳税达到4.76万亿元。", year=2022, kind="policy"))
    assert q["4.76万亿元"].year == 2021


def test_bare_magnitudes_with_a_comparator_are_amounts() -> None:
    qs = by_raw(extract("城镇老旧小区改造惠及近千万家庭，工业增加值跨过万亿元大关。"))
    assert (qs["千万"].value, qs["千万"].unit, qs["千万"].comparator) == (1e7, "户", "approx")
    assert (qs["万亿元"].value, qs["万亿元"].comparator) == (1e12, "gt")
    assert "亿" not in by_raw(extract("上亿市场主体承载着数亿人就业创业。"))
    assert "千亿" not in by_raw(extract("推动肉羊、玉米2个千亿级产业链提质增效。"))


def test_fourth_blind_round_rules() -> None:
    qs = by_raw(extract("日均新设企业由5千多户增加到1万6千多户。"))
    assert qs["5千多户"].subject == "日均新设企业" and qs["1万6千多户"].subject == "日均新设企业"
    assert "二元" not in by_raw(extract("城镇化是破除城乡二元结构的重要依托。"))
    assert (
        by_raw(extract("赤字率拟按2.6%安排，比去年预算低0.4个百分点。"))["0.4个百分点"].change == "decrease"
    )
    assert by_raw(extract("今年再减少农村贫困人口1000万人以上。"))["1000万人"].change == "decrease"
    assert by_raw(extract("新增停车位1万个，增加1万个停车位。"))["1万个"].change is None


def test_a_just_past_year_lead_gives_its_year() -> None:
    text = "刚刚过去的2017年，国内生产总值增长6.9%。"
    [q] = extract(text, year=2018, kind="policy", title="2018年政府工作报告")
    assert (q.kind, q.year) == ("actual", 2017)


def test_a_bare_amount_takes_the_industry_of_the_clause_before() -> None:
    q = by_raw(extract("全力推进棉花和纺织服装全产业链发展，产值超2200亿元。"))["2200亿元"]
    assert q.subject == "棉花和纺织服装全产业链产值"
    assert by_raw(extract("推动经济发展，产值超2200亿元。"))["2200亿元"].subject == "产值"


def test_fifth_blind_round_changes() -> None:
    assert by_raw(extract("消费对经济增长的贡献率达到66.4%。"))["66.4%"].change is None
    assert by_raw(extract("“十三五”时期经济年均增长保持在6.5%以上。"))["6.5%"].change == "increase"
    assert by_raw(extract("今年经济增长预期目标6.5%－7%。"))["6.5%－7%"].change == "increase"
    assert by_raw(extract("比重上升到50.5%。"))["50.5%"].change is None


def test_industry_section_rules() -> None:
    qs = by_raw(extract("园区规模工业增加值、税收增速分别高于全省2.2个和3.7个百分点。"))
    assert qs["2.2个"].unit == "百分点"
    q = by_raw(extract("全年接待游客超9亿人次，旅游收入破万亿。"))["万亿"]
    assert (q.value, q.unit, q.comparator, q.subject) == (1e12, "元", "gt", "旅游收入")
    assert by_raw(extract("打破3项世界纪录。"))["3项"].comparator == "eq"
    qs = by_raw(extract("规上工业增加值增长8.3%，高于全国2.5个百分点。"))
    assert qs["2.5个百分点"].subject == "规上工业增加值"


def test_the_rate_in_force_is_an_actual() -> None:
    qs = by_raw(extract("将制造业等行业现行16%的税率降至13%。", year=2019, kind="policy"))
    assert (qs["16%"].kind, qs["16%"].year) == ("actual", None)
    assert qs["13%"].kind == "target"


def test_cubic_metres_as_fang_and_upgraded_area() -> None:
    q = by_raw(extract("天然气产量370亿方，增长5%。"))["370亿方"]
    assert (q.value, q.unit) == (3.7e10, "立方米")
    assert by_raw(extract("高标准农田改造提升43万亩。"))["43万亩"].change is None


def test_a_total_after_a_counted_noun_takes_that_noun() -> None:
    qs = by_raw(
        extract("新增2个国家先进制造业集群、总数达3个，新增35家国家级专精特新“小巨人”企业、总数达270家。")
    )
    assert qs["3个"].subject == "国家先进制造业集群总数"
    assert qs["270家"].subject == "国家级专精特新“小巨人”企业总数"


@pytest.mark.parametrize(
    ("text", "raw", "value", "subject"),
    [
        ("吸引5万年轻人来甬就业。", "5万", 50000, "年轻人"),
        ("选拔3万多年轻干部。", "3万多", 30000, "年轻干部"),
        ("引进10万年轻人才。", "10万", 100000, "年轻人才"),
    ],
)
def test_a_count_in_wan_before_a_word_in_nian_is_no_span_of_years(
    text: str, raw: str, value: float, subject: str
) -> None:
    q = by_raw(extract(text))[raw]
    assert (q.value, q.unit, q.subject) == (value, "人", subject)


@pytest.mark.parametrize(
    "text", ["用5年时间实施三年行动，到2025年完成。", "距今1万年前，先民在此定居。", "连续4年保持增长。"]
)
def test_real_counts_of_years_stay_years(text: str) -> None:
    assert extract(text) == []


def test_a_verb_before_counted_people_is_not_their_subject() -> None:
    q = by_raw(extract("帮助残疾人158万。"))["158万"]
    assert (q.value, q.unit, q.subject) == (1580000, "人", "残疾人")  # as in 帮助158万残疾人
    assert by_raw(extract("惠及学生3400多万人次。"))["3400多万人次"].subject == "学生"
    assert by_raw(extract("安置分流职工110多万人。"))["110多万人"].subject == "分流职工"
    # kept: 新增 says which people are counted; the verb acts on things, not people
    assert by_raw(extract("新增技术人才19.1万人。"))["19.1万人"].subject == "新增技术人才"
    assert by_raw(extract("改造农村危房260万户。"))["260万户"].subject == "改造农村危房"
    assert by_raw(extract("资助款物4290.2万元。"))["4290.2万元"].subject == "资助款物"


def test_a_people_count_takes_its_unit_across_how_often_it_grows() -> None:
    q = by_raw(extract("60岁以上老年人平均每年新增30万。"))["30万"]
    assert (q.value, q.unit) == (300000, "人")
    assert by_raw(extract("农民工每月新增2万。"))["2万"].unit == "人"
    # unchanged: the noun before the growth words is no people noun, or a measure word is said
    assert by_raw(extract("老年人消费新增30万。"))["30万"].unit is None
    assert by_raw(extract("人才公寓新增30万。"))["30万"].unit is None
    assert by_raw(extract("平均每天新增1.2万户。"))["1.2万户"].unit == "户"


def test_a_stock_the_country_has_is_an_actual_even_among_goals() -> None:
    text = "今年发展的主要预期目标是：城镇新增就业1100万人以上。我国有2.9亿在校学生，要坚持把教育办好。"
    q = by_raw(extract(text, year=2022, kind="policy"))
    assert q["1100万人"].kind == "target"
    assert q["2.9亿"].kind == "actual"


def test_a_year_the_clause_names_outranks_the_review_section() -> None:
    text = (
        "过去五年，经济实力跃上新台阶。\n（四）坚持全面深化改革。\n国有企业效益明显好转，去年利润增长23.5%。"
    )
    q = by_raw(extract(text, year=2018, kind="policy", title="政府工作报告"))["23.5%"]
    assert (q.kind, q.year) == ("actual", 2017)  # the five-year review names no single year


@pytest.mark.parametrize(
    ("text", "raw", "change"),
    [("每年可减少二氧化碳排放约50万吨。", "50万吨", "decrease"), ("每年节约标准煤6万吨。", "6万吨", "decrease"),
     ("产品交付周期缩短了一半。", "一半", "decrease"), ("平均资费再降10%。", "10%", "decrease"),
     ("增速比上月加快1.4个百分点。", "1.4个百分点", "increase"), ("加快42个在建国道项目建设。", "42个", None),
     ("公交新能源车替代率达100%。", "100%", None)],
)  # fmt: skip
def test_reductions_named_before_their_object_and_faster_growth(
    text: str, raw: str, change: str | None
) -> None:
    assert by_raw(extract(text, year=2025))[raw].change == change


def test_jiang_jin_is_nearly_and_you_wang_is_a_goal() -> None:
    text = "去年产值提高了将近一倍。公司跨境电商销售额有望突破10亿元。"
    q = by_raw(extract(text, year=2024, kind="news"))
    assert (q["一倍"].kind, q["一倍"].comparator) == ("actual", "approx")
    assert q["10亿元"].kind == "target"


def test_an_order_book_reaching_a_year_is_no_due_date() -> None:
    text = "公司今年的手持订单已排到2027年，其中绿色动力船舶占比超过七成。"
    q = by_raw(extract(text, year=2024, kind="news"))["七成"]
    assert (q.kind, q.year) == ("actual", 2024)


def test_a_plan_stating_its_goals_in_a_news_story_gives_targets() -> None:
    text = "方案同时提出，全市规上工业增加值年均增长7%以上，高技术制造业增加值占规上工业比重达到15%。"
    q = by_raw(extract(text, year=2024, kind="news", period=(2024, 2027)))
    assert [(q[r].kind, q[r].year) for r in ("7%", "15%")] == [("target", 2027), ("target", 2027)]


def test_per_head_ownership_in_a_goal_is_no_actual_cue() -> None:
    text = "到2027年，每万人拥有5G基站数达到30个。"
    assert by_raw(extract(text, year=2024, kind="policy"))["30个"].kind == "target"


def test_a_statistical_bulletin_reports_actuals_of_its_title_year() -> None:
    text = "湖北省2024年国民经济和社会发展统计公报\n全省地区生产总值60012亿元，比上年增长5.8%。"
    title = "湖北省2024年国民经济和社会发展统计公报"
    q = by_raw(extract(text, year=2024, kind="policy", title=title))
    assert [(q[r].kind, q[r].year) for r in ("60012亿元", "5.8%")] == [("actual", 2024), ("actual", 2024)]


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [("培育营业收入超百亿元的龙头企业5家以上。", "百亿元", "营业收入"),
     ("新开工超过500万元的工业项目300个。", "500万元", "工业项目"),
     ("将制造业等行业现行16%的税率降至13%。", "16%", "制造业等行业")],
)  # fmt: skip
def test_a_threshold_before_a_counted_noun_measures_the_noun_before_it(
    text: str, raw: str, subject: str
) -> None:
    assert by_raw(extract(text, year=2024, kind="policy"))[raw].subject == subject


# Where a subject starts and ends: one group per rule, the group names the test case
_SUBJECT_GROUPS = {
    "a quoted name keeps its opening quote and a list mark goes": [
        ("“新三样”产品出口增长23.6%。", "23.6%", "“新三样”产品出口"),
        ("打造“数智工厂”5个。", "5个", "“数智工厂”"),
        ("全年争取“两重”“两新”超长期特别国债资金433亿元。", "433亿元", "“两重”“两新”超长期特别国债资金"),
        ("“十三五”时期经济年均增长保持在6.5%以上。", "6.5%", "“十三五”时期经济"),
        ("“力争到2027年国家级绿色工厂达到150家。", "150家", "国家级绿色工厂"),  # a quote that opens speech
        ("⑨改造城市危旧房5000套。", "5000套", "改造城市危旧房"),
    ],
    "adverbs of effort and enumerators are not part of a subject": [
        ("汽车产量继续保持3000万辆以上。", "3000万辆", "汽车产量"),
        ("每千人口护士数力争达到3.8人。", "3.8人", "每千人口护士数"),
        ("建设国家绿色智能计算产业先导区、力争产业规模突破3000亿元。", "3000亿元", "产业规模"),
        ("八是推动粮食作物完全成本保险覆盖率达到80%。", "80%", "粮食作物完全成本保险覆盖率"),
        ("推动可持续发展示范区达到5个。", "5个", "可持续发展示范区"),  # 可持续 is a name
    ],
    "a per head base and a list comma end no subject": [
        ("城乡居民基本医保财政补助标准提高到人均320元。", "320元", "城乡居民基本医保财政补助标准"),
        ("城乡居民基础养老金最低标准从每月70元提高到88元。", "70元", "城乡居民基础养老金最低标准"),
        ("重点高校招收贫困地区农村学生人数又增长10.5%。", "10.5%", "重点高校招收贫困地区农村学生人数"),
        ("总算力突破7000PF、增长34.6%。", "34.6%", "总算力突破7000PF"),
    ],
    "a verb with zhi before the number ends no subject": [
        ("农村自来水普及率提高至95%。", "95%", "农村自来水普及率"),
        ("国际航线恢复至120条。", "120条", "国际航线"),
        ("省重点实验室优化重组至150家。", "150家", "省重点实验室"),
        ("截至2024年底，国家级绿色工厂71家。", "71家", "国家级绿色工厂"),
    ],
    "adverbs end no subject and a bare rate restates the indicator": [
        ("全国排名有望上升3位。", "3位", "排名"),
        ("板材利用率也提高了15%。", "15%", "板材利用率"),
        ("核准在建抽水蓄能800万千瓦以上。", "800万千瓦", "核准在建抽水蓄能"),  # 蓄能 is a word
        ("社会消费品零售总额增长4.1%，增速高于全国0.6个百分点。", "0.6个百分点", "社会消费品零售总额增速"),
    ],
    "from clauses opening verbs and time words are not subject": [
        ("新能源汽车本地配套率已从2020年的不足30%提高到65%。", "30%", "新能源汽车本地配套率"),
        ("景区已开通低空旅游航线12条。", "12条", "低空旅游航线"),
        ("2013年以来新增的涉税市场主体去年纳税达到4.76万亿元。", "4.76万亿元", "新增的涉税市场主体去年纳税"),
        ("如今康赛妮的浴比降至1:6。", "1:6", "康赛妮的浴比"),
    ],
    "news subjects lose reductions years and earlier states": [
        ("货物通关时间压缩一半以上。", "一半", "货物通关时间"),
        ("能量密度比上一代提升了20%。", "20%", "能量密度"),
        ("固定资产投资今年要增长10%左右。", "10%", "固定资产投资"),
        ("对东盟进出口增长13.8%。", "13.8%", "对东盟进出口"),  # trade with: 对 stays
        ("保护修缮传统建筑1005栋。", "1005栋", "保护修缮传统建筑"),
        ("一台洗衣机由上千个零部件组成。", "千个", "零部件"),
    ],
    "a fund named after its amount is the subject": [
        ("设立20亿元产业发展基金。", "20亿元", "产业发展基金"),
        ("县里设立2亿元数字经济产业发展基金。", "2亿元", "数字经济产业发展基金"),
        ("全年固定资产投资1.2万亿元。", "1.2万亿元", "固定资产投资"),
    ],
}
SUBJECT_CASES = [pytest.param(*case, id=group) for group, cases in _SUBJECT_GROUPS.items() for case in cases]


@pytest.mark.parametrize(("text", "raw", "subject"), SUBJECT_CASES)
def test_subject_boundaries(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text, year=2025))[raw].subject == subject
