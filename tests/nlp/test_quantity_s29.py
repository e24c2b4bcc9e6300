"""Kinds, years and subjects read off the written gold sets in stop 29."""

from __future__ import annotations

import pytest

from tests.nlp.test_quantities import by_raw, extract

PLAN = {"year": 2026, "kind": "policy", "period": (2026, 2030)}


def test_how_things_stand_now_is_a_fact_in_a_plan() -> None:
    text = "答：目前，我国电动机保有量约32亿千瓦，年耗电量约6.1万亿千瓦时。"
    q = by_raw(extract(text, **PLAN))
    assert q["32亿千瓦"].kind == "actual" and q["6.1万亿千瓦时"].kind == "actual"
    goal = by_raw(extract("目前，全市正加快推进，力争到2028年产值突破500亿元。", **PLAN))
    assert (goal["500亿元"].kind, goal["500亿元"].year) == ("target", 2028)  # a guard


SUBJECTS = [
    # what is left before the number after the previous one is no subject: the same indicator goes on
    ("农村快递单件配送成本由过去的2.5元左右降至1.2元，降幅超过五成。", "1.2元", "农村快递单件配送成本"),
    ("农村快递单件配送成本由过去的2.5元左右降至1.2元，降幅超过五成。", "五成", "农村快递单件配送成本"),
    (
        "全社会研发经费投入强度提高到2.86%，距规划目标（3%）尚差0.14个百分点。",
        "0.14个百分点",
        "全社会研发经费投入强度",
    ),
    ("高新技术企业数量由2020年的612家增加到1580家，实现翻一番以上。", "翻一番", "高新技术企业数量"),
    ("单位地区生产总值能耗累计下降14.2%，超额完成省下达的13.5%的目标任务。", "13.5%", "单位地区生产总值能耗"),
    ("地区生产总值年均增长6.3%，规划目标为年均增长6.5%左右。", "6.5%", "地区生产总值"),
    ("地区生产总值达到4012亿元，按可比价计算年均增长6.3%。", "6.3%", "地区生产总值"),
    ("三省区新型储能装机均超过1000万千瓦，合计约占全国的38%。", "38%", "三省区新型储能装机占全国"),
    # a verb of aim or a pronoun before the number is not the indicator
    ("模具产业集群产值去年达到312亿元，三年后剑指450亿元。", "450亿元", "模具产业集群产值"),
    ("前三季度外贸进出口突破1.2万亿元，同比增6.8%。", "6.8%", "外贸进出口"),
    ("“我们投资3800万元实施余热回收改造。”", "3800万元", "投资"),
    # a cap per station after the support it limits
    (
        "按实际加氢量给予每公斤10元运营补贴，每站每年最高不超过100万元。",
        "100万元",
        "运营补贴",
    ),
    # members of a set named before 中, told apart by their state
    (
        "《纲要》确定的186个重大项目中，已竣工121个，在建52个，尚有13个项目未开工。",
        "121个",
        "已竣工的重大项目",
    ),
    ("《纲要》确定的186个重大项目中，已竣工121个，在建52个，尚有13个项目未开工。", "52个", "在建的重大项目"),
    ("《纲要》确定的186个重大项目中，已竣工121个，在建52个，尚有13个项目未开工。", "13个", "项目未开工"),
    ("28项主要指标中，22项已完成或超额完成，4项基本完成，2项未完成。", "4项", "基本完成的主要指标"),
    ("28项主要指标中，22项已完成或超额完成，4项基本完成，2项未完成。", "2项", "未完成的主要指标"),
]


@pytest.mark.parametrize(("text", "raw", "subject"), SUBJECTS)
def test_subject(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text, year=2026, kind="news"))[raw].subject == subject
