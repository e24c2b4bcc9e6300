"""Metadata the third written gold round (stop 27) found missing: a bare 政府工作报告 placed by
its session line, ISO dates on a 来源 line, headlines that open with 上半年我市, validity periods
of policy measures, and a Q&A's subtitle (texts written for these tests)."""

from __future__ import annotations

import pytest

from ingest.metadata import extract_metadata

REPORT = """政府工作报告（摘要）
——2026年1月20日在河北省第十四届人民代表大会第五次会议上
河北省省长　王某某
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。"""


def test_a_bare_work_report_is_placed_by_its_session_line() -> None:
    meta = extract_metadata(REPORT)
    assert meta["title"] == "政府工作报告（摘要）"
    assert (meta["kind"], meta["region"], meta["issuer"]) == ("policy", "河北省", "河北省人民政府")
    assert meta["date"] == "2026-01-20"


def test_the_national_report_is_placed_by_the_national_congress() -> None:
    meta = extract_metadata(
        "政府工作报告\n\n——2022年3月5日在第十三届全国人民代表大会第五次会议上\n\n各位代表："
    )
    assert (meta["region"], meta["issuer"]) == ("全国", "国务院")


NEWS = """上半年我市规上工业增加值同比增长7.8%

来源：滨江日报　2026-07-18

本报讯（记者　刘晓燕）7月17日，记者从市统计局获悉，今年上半年，全市规模以上工业增加值同比增长7.8%。"""


def test_an_iso_date_on_the_source_line_is_the_publication_date() -> None:
    meta = extract_metadata(NEWS)
    assert meta["date"] == "2026-07-18" and meta["kind"] == "news"


@pytest.mark.parametrize("headline", ["上半年我市规上工业增加值同比增长7.8%", "今年我省外贸进出口增长5%"])
def test_we_and_a_period_opening_a_headline_are_no_region(headline: str) -> None:
    assert extract_metadata(headline + "\n\n本报讯 记者从市统计局获悉。")["region"] is None


MEASURES = """滨江市人民政府办公室关于印发滨江市支持生物医药产业高质量发展若干政策措施的通知
滨政办发〔2026〕12号
各区人民政府，市政府各部门：
对首次在境内外证券交易所上市的企业，给予一次性上市奖励800万元。
本措施自印发之日起施行，有效期至2028年12月31日。
滨江市人民政府办公室
2026年3月20日"""


def test_policy_measures_run_for_their_validity() -> None:
    assert extract_metadata(MEASURES)["period"] == (2026, 2028)
    three_years = MEASURES.replace("有效期至2028年12月31日", "有效期三年")
    assert extract_metadata(three_years)["period"] == (2026, 2028)
    assert extract_metadata(MEASURES.replace("，有效期至2028年12月31日", ""))["period"] is None


def test_a_qa_subtitle_joins_its_headline() -> None:
    text = (
        "打造更具竞争力的先进制造业集群\n"
        "——省工业和信息化厅负责人就《江苏省先进制造业集群培育提升行动方案（2026—2028年）》答记者问\n\n"
        "来源：江苏省工业和信息化厅　2026-05-10\n\n问：《方案》出台的背景是什么？"
    )
    meta = extract_metadata(text)
    assert meta["title"].startswith("打造更具竞争力的先进制造业集群——省工业和信息化厅负责人就")
    assert meta["period"] == (2026, 2028) and meta["date"] == "2026-05-10"


def test_a_source_line_may_name_the_reporter_after_its_date() -> None:
    text = "华澜新能源拟52亿元加码储能电池\n\n来源：东方财经网　2026-04-12　记者 陈晓璐\n\n4月11日晚间，华澜新能源发布公告称。"
    assert extract_metadata(text)["date"] == "2026-04-12"


def test_a_certificates_validity_is_not_the_documents() -> None:
    text = MEASURES.replace(
        "本措施自印发之日起施行，有效期至2028年12月31日。", "省级专精特新中小企业认定有效期为3年。"
    )
    assert extract_metadata(text)["period"] is None


@pytest.mark.parametrize(
    ("source", "date", "precision"),
    [
        ("https://www.gov.cn/xinwen/2026-04/16/content_6912345.htm", "2026-04-16", "day"),
        ("/data/t20260416_5512.html", "2026-04-16", "day"),
        ("downloads/nbs-q1-2026-economy.txt", "2026-01-01", "year"),
    ],
)
def test_a_text_with_no_year_takes_its_names_date(source: str, date: str, precision: str) -> None:
    text = "一季度国民经济起步平稳\n\n新华社北京4月16日电 国家统计局16日发布数据。"
    meta = extract_metadata(text, {"source": source})
    assert (meta["date"], meta["meta"]["date_precision"]) == (date, precision)
    assert (
        extract_metadata(text, {"source": "/data/2024/report.txt"})["date"] is None
    )  # a folder's year is not


def test_a_years_work_points_are_that_years_plan() -> None:
    title = "临江市经济和信息化局关于印发《临江市2026年工业和信息化工作要点》的通知\n临经信〔2026〕15号\n"
    assert extract_metadata(title + "各区经济和信息化局：\n现将工作要点印发给你们。")["period"] == (
        2026,
        2026,
    )


def test_a_years_livelihood_projects_are_that_years_plan() -> None:
    title = "青溪县人民政府关于印发2026年十件民生实事项目的通知\n青政发〔2026〕3号\n"
    assert extract_metadata(title + "各乡镇人民政府：\n现将项目印发给你们。")["period"] == (2026, 2026)
