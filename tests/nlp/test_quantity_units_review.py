"""Units, comparators and changes a review of news and plans found wrong (stop 26)."""

from __future__ import annotations

import pytest

from tests.nlp.test_quantities import by_raw, extract


@pytest.mark.parametrize(
    ("text", "raw", "value", "unit", "comparator"),
    [
        # a metric prefix stays part of the unit as written (stop 27: every written gold set keeps it)
        ("签署了200MWh电网侧储能项目合作协议。", "200MWh", 200, "MWh", "eq"),
        ("新型储能装机达到3吉瓦时。", "3吉瓦时", 3, "吉瓦时", "eq"),
        ("算力规模达到500PFlops。", "500PFlops", 500, "PFLOPS", "eq"),
        ("算力总规模超过15EFLOPS。", "15EFLOPS", 15, "EFLOPS", "gt"),
        ("新增装机3.2亿千瓦。", "3.2亿千瓦", 3.2e8, "千瓦", "eq"),  # a Chinese magnitude is taken out
        ("出口带宽达到50Tbps。", "50Tbps", 50, "Tbps", "eq"),
        ("公司股价收报38.66元/股。", "38.66元/股", 38.66, "元/股", "eq"),
        ("电芯售价降至0.3元/瓦时左右。", "0.3元/瓦时", 0.3, "元/瓦时", "approx"),
        (
            "煤电机组平均供电煤耗降至295克标准煤/千瓦时以下。",
            "295克标准煤/千瓦时",
            295,
            "克标准煤/千瓦时",
            "le",
        ),
        ("转向架年产能提升至1500台套。", "1500台套", 1500, "台套", "eq"),
        ("化工集中区等4家园区入选。", "4家", 4, "家", "eq"),  # 家园区 is no 家园
        ("培育2至3家具有全球影响力的企业。", "2至3家", 2, "家", "range"),  # 家具有 is no 家具
        ("大模型已在20多家电子制造企业落地。", "20多家", 20, "家", "gt"),  # 家电子 is no 家电
        ("群众对质量工作满意度达到85分以上。", "85分", 85, "分", "ge"),
        ("票价598元起。", "598元", 598, "元", "ge"),
        ("名义产能已超过全球年需求的1.5倍。", "1.5倍", 1.5, "倍", "gt"),
        ("长三角约为成渝的4.5倍。", "4.5倍", 4.5, "倍", "approx"),
        ("研发经费投入强度约为3.3%。", "3.3%", 3.3, "%", "approx"),
        ("大会现场还集中签约了21个制造业项目。", "21个", 21, "个", "eq"),  # 签约了 is no 约
        ("新出让工业用地容积率原则上不低于1.5。", "1.5", 1.5, None, "ge"),
        ("道路交通指数从6.32下降至6.08。", "6.08", 6.08, None, "eq"),
    ],
)
def test_units_and_comparators(text: str, raw: str, value: float, unit: str | None, comparator: str) -> None:
    q = by_raw(extract(text))[raw]
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)


def test_a_rule_of_thumb_or_a_conjunction_is_no_part_of_the_subject() -> None:
    assert by_raw(extract("新出让工业用地容积率原则上不低于1.5。"))["1.5"].subject == "新出让工业用地容积率"
    assert by_raw(extract("产能将翻番，并力争海外收入占比提高到30%。"))["30%"].subject == "海外收入占比"
    assert by_raw(extract("并购项目10个。"))["10个"].subject == "并购项目"  # 并购 is a word


@pytest.mark.parametrize(
    "text",
    [
        "也没有一成不变的产业路径。",
        "应当打破“新”与“旧”的二元分割。",
        "工程师们正在对一架五座原型机进行系留测试。",
        "发电时间10至15分钟。",
        "一台单机容量20兆瓦的海上风电机组下线。",  # a product's rating
        "该机组叶轮直径达到260米。",
        "冠军产品为时速350公里动车组转向架。",
    ],
)
def test_idioms_and_seats_are_no_quantities(text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "raw", "change"),
    [
        ("缩短产品开发周期30%以上。", "30%", "decrease"),
        ("压缩审批时限30%以上。", "30%", "decrease"),
        ("降低企业用能成本10%。", "10%", "decrease"),
        ("降低利息负担1.2万亿元。", "1.2万亿元", None),  # relief given, a level (gold convention)
        ("三天接待了200多批客户，比去年多了一倍。", "一倍", "increase"),
    ],
)
def test_changes(text: str, raw: str, change: str | None) -> None:
    assert by_raw(extract(text))[raw].change == change


@pytest.mark.parametrize(
    ("text", "raw", "subject", "change"),
    [
        (
            "规模以上工业增加值同比增长6.2%，比上半年加快0.2个百分点。",
            "0.2个百分点",
            "规模以上工业增加值",
            "increase",
        ),
        ("城镇化率达到68.5%，比上年末提高0.8个百分点。", "0.8个百分点", "城镇化率", "increase"),
        ("实际使用外资12亿美元，是上年的1.5倍。", "1.5倍", "实际使用外资", None),
        ("长三角制造业增加值约9.8万亿元，是京津冀的3.2倍。", "3.2倍", "长三角制造业增加值", None),
        ("引进亿元以上项目57个，比上年多11个。", "11个", "亿元以上项目", "increase"),
        ("工业增加值增长5.1%，增速比一季度回落0.5个百分点。", "0.5个百分点", None, "decrease"),
    ],
)
def test_a_comparison_measures_the_indicator_before_its_base(
    text: str, raw: str, subject: str | None, change: str | None
) -> None:
    q = by_raw(extract(text))[raw]
    assert q.change == change
    if subject is not None:
        assert q.subject == subject


def test_a_three_part_structure_is_no_ratio_and_a_two_part_one_is() -> None:
    assert extract("三次产业结构为3.9:49.6:46.5。") == []  # 三次产业 is the three sectors
    assert [(q.value, q.unit) for q in extract("师生比达到1:12.5。")] == [(12.5, "ratio")]
    assert [(q.value, q.unit) for q in extract("城乡居民收入比为1.58。")] == [(1.58, None)]


def test_traditional_script_numbers_keep_their_spelling() -> None:
    found = by_raw(extract("到2027年，新能源汽車產量達到70萬輛，產業規模突破2000億元。"))
    assert (found["70萬輛"].value, found["70萬輛"].unit) == (700000, "辆")
    assert (found["2000億元"].value, found["2000億元"].comparator) == (2e11, "gt")
