"""A small hand-built corpus: three documents with labelled sentences and quantities."""

from __future__ import annotations

from nlp.records import Analysis
from tests.store.factory import make_analysis


def ningbo_plan() -> Analysis:
    return make_analysis(
        "ningbo-plan",
        [
            ("宁波市绿色制造实施方案（2023—2027年）", [], []),
            ("到2027年，国家级绿色工厂达到150家，单位工业增加值能耗下降13.5%。", ["绿色石化"], ["green"]),
            (
                "新能源汽车产量突破70万辆，培育专精特新企业100%覆盖。",
                ["新能源", "高端装备"],
                ["new", "high-end"],
            ),
            ("2023年规上工业增加值增长5%左右。", [], []),
        ],
        [
            (
                1,
                "150家",
                {"value": 150, "unit": "家", "kind": "target", "year": 2027, "subject": "国家级绿色工厂"},
            ),
            (
                1,
                "13.5%",
                {
                    "value": 13.5,
                    "unit": "%",
                    "kind": "target",
                    "change": "decrease",
                    "year": 2027,
                    "subject": "单位工业增加值能耗",
                    "region": "宁波",
                },
            ),
            (
                2,
                "70万辆",
                {
                    "value": 700000,
                    "unit": "辆",
                    "comparator": "gt",
                    "kind": "target",
                    "year": 2027,
                    "subject": "新能源汽车产量",
                },
            ),
            (2, "100%", {"value": 100, "unit": "%", "kind": "target", "year": 2027}),
            (
                3,
                "5%",
                {
                    "value": 5,
                    "unit": "%",
                    "comparator": "approx",
                    "kind": "actual",
                    "change": "increase",
                    "year": 2023,
                    "subject": "规上工业增加值",
                },
            ),
        ],
        date="2023-06-01",
        pages=2,
    )


def national_report() -> Analysis:
    return make_analysis(
        "national-2024",
        [
            ("政府工作报告", [], []),
            ("大力推进现代化产业体系建设，加快发展新质生产力。新质生产力新质生产力。", ["未来智能"], ["new"]),
            ("国内生产总值增长5%左右，城镇新增就业1200万人以上。", [], []),
        ],
        [
            (
                2,
                "5%",
                {
                    "value": 5,
                    "unit": "%",
                    "comparator": "approx",
                    "kind": "target",
                    "change": "increase",
                    "year": 2024,
                    "subject": "国内生产总值",
                },
            ),
            (
                2,
                "1200万人",
                {
                    "value": 1.2e7,
                    "unit": "人",
                    "comparator": "ge",
                    "kind": "target",
                    "year": 2024,
                    "subject": "城镇新增就业",
                },
            ),
        ],
        date="2024-03-05",
        region=None,
        kind="other",
    )


def news_item() -> Analysis:
    return make_analysis(
        "news-undated",
        [
            ("宁波新闻", [], []),
            ("北仑区新增国家级绿色工厂12家，100%_达标。", ["绿色石化"], ["green"]),
        ],
        [
            (
                1,
                "12家",
                {"value": 12, "unit": "家", "kind": "actual", "subject": "绿色工厂数量", "region": "北仑"},
            )
        ],
        date=None,
        region="宁波市北仑区",
        kind="news",
    )


def corpus() -> list[Analysis]:
    return [ningbo_plan(), national_report(), news_item()]
