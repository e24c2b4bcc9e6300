"""Metadata of news-like documents: datelines, sign-offs on one line, speech dates,
headlines and the kind of news that no reporter signs."""

from __future__ import annotations

import pytest

from ingest.metadata import extract_metadata
from ingest.text import parse

NOTICE = """关于组织申报2025年佛山市制造业数字化转型专项资金项目的通知
各区工业和信息化局，各有关单位：现将有关事项通知如下。
项目应于2024年1月1日至2025年6月30日期间完成建设，本办法自2025年1月1日起施行。
佛山市工业和信息化局 2025年6月20日"""


def test_sign_off_on_one_line_is_the_date_and_issuer() -> None:
    meta = extract_metadata(NOTICE)
    assert meta["date"] == "2025-06-20"  # not 2025-01-01 from the title, nor a date in the body
    assert meta["issuer"] == "佛山市工业和信息化局"
    assert meta["region"] == "佛山市"
    assert meta["kind"] == "policy"


def test_sign_off_with_the_public_note() -> None:
    text = "某某厅关于开展推荐工作的通知\n各市：正文。\n广西壮族自治区工业和信息化厅\n2025年4月18日（此件公开发布）"
    meta = extract_metadata(text)
    assert meta["date"] == "2025-04-18"
    assert meta["issuer"] == "广西壮族自治区工业和信息化厅"


def test_sign_off_line_needs_an_organ() -> None:
    text = "关于某某工作的通知\n正文。\n活动时间 2025年6月20日"
    assert extract_metadata(text)["date"] != "2025-06-20"


def test_speech_dated_under_its_title() -> None:
    text = (
        "在全市新兴产业发展推进大会上的讲话（摘要）\n市委书记 宋继华（2025年3月18日）\n"
        "今天召开全市新兴产业发展推进大会。过去一年，全市产值增长14.8%。"
    )
    meta = extract_metadata(text)
    assert meta["date"] == "2025-03-18"
    assert meta["title"] == "在全市新兴产业发展推进大会上的讲话（摘要）"
    assert meta["region"] is None  # 在全市 is no place


@pytest.mark.parametrize(
    ("lead", "date"),
    [
        ("本报讯（记者 王明）2025年3月18日，全市制造业大会召开，会议部署今年工作。", "2025-03-18"),
        ("新华社北京2025年3月18日电 工业和信息化部18日公布名单。", "2025-03-18"),
        # a month and day take the year of the event the sentence reports
        (
            "本报讯（记者 孟婉清）4月18日上午，滁州市2025年二季度重大项目集中开工活动在主会场举行。",
            "2025-04-18",
        ),
        # a year the day's report is about is not the year of the day
        ("本报讯（记者 王明）4月18日，市统计局发布2024年国民经济和社会发展统计公报。", None),
        ("本报讯（记者 王明）4月18日，2024年度全市表彰大会召开。", None),
        # a date inside the story, about an event, is not the article's
        ("本报讯（记者 王明）近日，记者获悉，新工厂将于2025年3月18日投产。", None),
    ],
)
def test_news_dateline(lead: str, date: str | None) -> None:
    meta = extract_metadata(f"某地新闻标题一则\n{lead}\n第二段。")
    assert meta["kind"] == "news"
    assert meta["date"] == date


@pytest.mark.parametrize(
    "text",
    [
        "全市工业技改现场推进会召开\n4月22日，全市工业技改现场推进会召开。\n会议要求，要抓好项目。",
        "破除“内卷”，让产业竞争回到创新赛道\n一段时间以来，竞争成为热议话题。\n“不是不想搞研发，是利润太薄。”\n他说。",
        "传统产业改造不是“二选一”\n正文一段。\n正文二段。\n（作者系华中产业发展研究院研究员）",
        "因地制宜，走好新质生产力发展之路\n——二论扎实推进现代化产业体系建设\n正文。",
        "产业快讯｜7月第一周重点产业动态\n【石化】一套装置开车成功。",
    ],
)
def test_news_without_a_reporter(text: str) -> None:
    assert extract_metadata(text)["kind"] == "news"


def test_plan_stays_policy_and_report_stays_other() -> None:
    assert extract_metadata("芜湖市“十五五”生态环境保护规划\n一、发展基础\n正文。")["kind"] == "policy"
    report = "长三角战略性新兴产业发展比较研究报告（摘要）\n某大学课题组\n正文。\n（执笔：林思远）"
    assert extract_metadata(report)["kind"] == "other"


def test_headline_is_the_title_of_news() -> None:
    meta = extract_metadata(
        "喜报丨青岛新增9家国家级制造业单项冠军\n近日，名单公布。\n来源：青岛市工业和信息化局"
    )
    assert meta["title"] == "喜报丨青岛新增9家国家级制造业单项冠军"
    assert meta["region"] == "青岛市"
    assert extract_metadata("绿色工厂降碳加速度\n——常州制造业绿色转型观察\n正文。")["title"] == (
        "绿色工厂降碳加速度——常州制造业绿色转型观察"
    )


def test_caption_is_no_headline() -> None:
    assert extract_metadata("健信核磁“1.5T免液\n超导磁体系统”成为首台产品。\n正文。")["title"] is None


def test_meeting_that_approves_several_policies_is_about_none() -> None:
    text = (
        "市政府召开第37次常务会议\n10月14日，市长主持召开常务会议。\n"
        "会议审议通过了《九江市工业园区提质增效三年行动方案（2025—2027年）》。\n"
        "会议审议通过了《九江市支持企业技术改造的若干措施》。"
    )
    meta = extract_metadata(text)
    assert "subject_title" not in meta["meta"] and meta["period"] is None
    # a short form of the first title (《行动方案》) is the same policy
    story = (
        "宁波制造新曲\n本报记者 殷聪\n近日，《宁波市行动方案（2023—2027年）》印发。\n《行动方案》提出目标。"
    )
    assert tuple(extract_metadata(story)["period"]) == (2023, 2027)


def test_joint_issuers_in_the_title() -> None:
    meta = extract_metadata(
        "工业和信息化部 国家发展改革委 国务院国资委关于加快机械基础件产业高质量发展的实施方案\n正文。"
    )
    assert meta["issuer"] == "工业和信息化部 国家发展改革委 国务院国资委"
    assert meta["region"] == "全国"


def test_headline_with_a_comma_is_not_glued_to_the_lead() -> None:
    parsed = parse("破除“内卷”，让产业竞争回到创新赛道\n一段时间以来，竞争成为热议话题。\n".encode(), "x")
    assert parsed.text.split("\n")[0] == "破除“内卷”，让产业竞争回到创新赛道"


def test_a_clause_opening_with_a_date_is_no_dateline() -> None:
    meta = extract_metadata("某某工作情况\n截至6月30日，全市完成投资120亿元。\n正文。")
    assert (meta["kind"], meta["date"]) == ("other", None)


JOINT = (
    "工业和信息化部关于印发工业领域碳达峰实施方案的通知\n工信部节〔2022〕88号\n"
    "各省、自治区、直辖市工业和信息化主管部门：\n"
    "到2025年，规模以上工业单位增加值能耗较2020年下降13.5%。\n"
    "工业和信息化部\n国家发展改革委\n生态环境部\n2022年7月7日\n"
)


def test_a_joint_document_signs_one_organ_a_line() -> None:
    meta = extract_metadata(parse(JOINT.encode(), "joint.txt").text)
    assert meta["title"] == "工业和信息化部关于印发工业领域碳达峰实施方案的通知"
    assert meta["doc_number"] == "工信部节〔2022〕88号"
    assert meta["issuer"] == "工业和信息化部 国家发展改革委 生态环境部"
    assert meta["date"] == "2022-07-07"


def test_a_red_head_document_signs_with_the_date_alone() -> None:
    red = (
        "宁波市经济和信息化局文件\n甬经信（2023）15号\n关于公布2023年度宁波市绿色工厂名单的通知\n"
        "各区（县、市）经信局：\n全市新增绿色工厂35家。\n二〇二三年十二月五日\n"
    )
    meta = extract_metadata(parse(red.encode(), "red.txt").text)
    assert (meta["issuer"], meta["date"], meta["region"]) == ("宁波市经济和信息化局", "2023-12-05", "宁波市")


def test_a_headline_that_reports_a_plan_is_news() -> None:
    text = "宁波出台新能源汽车产业行动方案\n近日，宁波市印发《宁波市新能源汽车产业高质量发展行动方案（2024—2027年）》。"
    meta = extract_metadata(text, {"title": "宁波出台新能源汽车产业行动方案"})
    assert meta["kind"] == "news"
    notice = "关于印发宁波市新能源汽车产业行动方案的通知\n各区县（市）人民政府：\n现将方案印发给你们。"
    assert extract_metadata(notice)["kind"] == "policy"  # the policy's own title says 关于印发


def test_the_outlet_may_follow_a_date_on_one_byline_line() -> None:
    text = "新能源汽车产量创新高\n发布时间：2024-03-12 来源：宁波日报\n全市新能源汽车产量增长28.5%。"
    meta = extract_metadata(text)
    assert meta["kind"] == "news" and meta["meta"]["outlet"] == "宁波日报"


@pytest.mark.parametrize(
    ("text", "date", "outlet"),
    [
        (
            "恒锐智能：明年产能将翻番\n来源：中国证券报·中证网　2025年12月8日\n公司营收增长三成。",
            "2025-12-08",
            "中国证券报·中证网",
        ),
        (
            "签约仪式举行\n来源：安庆日报　记者　陈晓峰　2026年3月26日\n本报讯　3月25日上午，签约仪式举行。",
            "2026-03-26",
            "安庆日报",
        ),
        (
            "三大经济圈制造业比较\n文／宏观经济研究院　孙立群　2026年1月8日\n制造业是实体经济的根基。",
            "2026-01-08",
            None,
        ),
        (
            "工信部：前三季度工业增长6.2%\n新华社北京10月22日电（记者　李涛）工业和信息化部22日发布2025年前三季度工业发展情况。",
            "2025-10-22",
            None,
        ),
    ],
)
def test_news_dates_from_bylines_and_datelines(text: str, date: str, outlet: str | None) -> None:
    meta = extract_metadata(text)
    assert meta["date"] == date
    assert meta["meta"].get("outlet") == outlet


def test_a_bulletin_signed_under_its_title_and_a_fifteenth_plan_proposal() -> None:
    bulletin = "长兴县2025年国民经济和社会发展统计公报\n长兴县统计局　国家统计局长兴调查队\n2026年3月15日\n全年地区生产总值增长6.1%。"
    meta = extract_metadata(bulletin)
    assert (meta["date"], meta["region"]) == ("2026-03-15", "长兴县")
    proposal = "中共芜湖市委关于制定芜湖市国民经济和社会发展第十五个五年规划的建议\n全市上下要团结奋斗。"
    meta = extract_metadata(proposal)
    assert (meta["region"], meta["period"]) == ("芜湖市", (2026, 2030))


def test_a_headline_names_its_city_anywhere() -> None:
    meta = extract_metadata("前10月厦门外贸进出口同比增长6.8%\n来源：厦门日报\n今年前10个月，厦门外贸增长。")
    assert meta["region"] == "厦门市"
