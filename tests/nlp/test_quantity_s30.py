"""Kinds, years and subjects read off the written gold sets in stop 30."""

from __future__ import annotations

import pytest

from ingest.metadata import extract_metadata
from ingest.read import read_bytes
from tests.nlp.test_quantities import by_raw, extract

PLAN = {"year": 2026, "kind": "policy", "period": (2026, 2030)}
NEWS = {"year": 2027, "kind": "news"}

ROW = (
    "1.地区生产总值：2025年61280亿元，2030年80000亿元以上，年均增长5.5%左右，预期性。"
    "\n14.设区市细颗粒物（PM2.5）平均浓度：2025年29.5微克/立方米，2030年27微克/立方米以下，约束性。"
    "\n12.单位地区生产总值能源消耗降低：“十四五”时期累计降低14.5%，2030年较2025年累计降低13%左右，约束性。"
    "\n5.居民人均可支配收入增长：2025年5.4%，2030年与经济增长同步，预期性。"
)


@pytest.mark.parametrize(
    ("raw", "subject", "kind", "year"),
    [
        ("61280亿元", "地区生产总值", "actual", 2025),
        ("80000亿元", "地区生产总值", "target", 2030),
        ("5.5%", "地区生产总值", "target", 2030),
        ("29.5微克/立方米", "设区市细颗粒物（PM2.5）平均浓度", "actual", 2025),
        ("27微克/立方米", "设区市细颗粒物（PM2.5）平均浓度", "target", 2030),
        ("14.5%", "单位地区生产总值能源消耗降低", "actual", None),
        ("13%", "单位地区生产总值能源消耗降低", "target", 2030),
    ],
)
def test_rows_of_an_indicator_table_whose_columns_are_years(raw: str, subject: str, kind: str, year) -> None:
    q = by_raw(extract(ROW, **PLAN))[raw]
    assert (q.subject, q.kind, q.year) == (subject, kind, year)


def test_a_growth_row_gives_its_values_a_change() -> None:
    q = by_raw(extract(ROW, **PLAN))["5.4%"]
    assert (q.subject, q.change) == ("居民人均可支配收入增长", "increase")


def test_a_speaker_or_a_heading_is_no_indicator_row() -> None:
    q = by_raw(extract("记者：今年以来，全市工业增加值增长6.5%，其中高技术制造业增长12%。", **NEWS))
    assert q["6.5%"].subject == "工业增加值"
    goals = by_raw(extract("主要目标：2025年61280亿元，2030年80000亿元以上。", **PLAN))
    assert goals["80000亿元"].subject != "主要目标"


def test_production_and_sales_split_under_fenbie() -> None:
    text = "1—11月，汽车产销分别完成3168.4万辆和3175.9万辆，同比分别增长3.6%和4.1%。"
    q = by_raw(extract(text, **NEWS))
    assert [q[r].subject for r in ("3168.4万辆", "3175.9万辆", "3.6%", "4.1%")] == [
        "汽车产量",
        "汽车销量",
        "汽车产量",
        "汽车销量",
    ]


def test_a_listed_subject_is_not_split_as_a_pair_word() -> None:
    q = by_raw(extract("高新技术企业、科技型中小企业数量分别达到500家和800家。", **PLAN))
    assert (q["500家"].subject, q["800家"].subject) == ("高新技术企业数量", "科技型中小企业数量")


def test_items_of_one_frame_share_the_head_after_the_last() -> None:
    q = by_raw(extract("第一档、第二档、第三档地区省级分担比例分别为70%、50%、30%。", **PLAN))
    assert q["50%"].subject == "第二档地区省级分担比例"


def test_a_part_of_the_period_measures_the_indicator_before() -> None:
    text = "2026年全市地区生产总值8426.7亿元，比上年增长5.8%，高于全省0.3个百分点。其中四季度增长6.1%，比三季度加快0.4个百分点。"
    assert by_raw(extract(text, **NEWS))["6.1%"].subject == "地区生产总值"
    other = by_raw(extract("全市地区生产总值增长5.8%。四季度增长6.1%。", **NEWS))  # without 其中: a guard
    assert other["6.1%"].subject is None


def test_how_a_figure_is_converted_is_no_indicator() -> None:
    text = "按常住人口计算，全市人均地区生产总值达到13.9万元，按年平均汇率折算约为1.95万美元。"
    assert by_raw(extract(text, **NEWS))["1.95万美元"].subject == "人均地区生产总值"


def test_a_from_to_pair_with_zengzhi_keeps_its_indicator() -> None:
    text = "高新技术企业由2020年的6100家增至2025年的1.52万家，增长近1.5倍。"
    assert by_raw(extract(text, **PLAN))["1.52万家"].subject == "高新技术企业"


def test_a_press_conference_is_dated_by_its_lead() -> None:
    text = (
        "国务院新闻办公室就“推动制造业高质量发展”举行新闻发布会（文字实录摘编）\n\n"
        "国务院新闻办公室于2026年9月17日（星期四）上午10时举行新闻发布会，请工业和信息化部副部长介绍有关情况。\n"
    )
    assert extract_metadata(text, {})["date"] == "2026-09-17"


# --- dev-12


def test_a_statistics_flash_report_holds_facts_of_its_year() -> None:
    text = "海澄省2025年医疗保障事业发展统计快报\n\n全年全省生育保险参保人数1204.6万人，比上年增长2.6%。"
    q = by_raw(extract(text, year=2026, kind="policy", title="海澄省2025年医疗保障事业发展统计快报"))
    assert (q["1204.6万人"].kind, q["1204.6万人"].year) == ("actual", 2025)


def test_a_funds_accounts_are_no_support_and_siblings_share_an_owner() -> None:
    text = "职工基本医疗保险基金收入1247.3亿元，增长6.1%；支出1036.9亿元，增长7.9%；年末累计结存1184.3亿元。"
    q = by_raw(extract(text, year=2026, kind="news"))
    assert q["1247.3亿元"].kind == "actual"
    assert q["1036.9亿元"].subject == "职工基本医疗保险基金支出"
    assert q["7.9%"].subject == "职工基本医疗保险基金支出"
    assert q["1184.3亿元"].subject == "职工基本医疗保险基金累计结存"
    plain = by_raw(extract("全年进口1200亿元，出口800亿元。", year=2026, kind="news"))
    assert plain["800亿元"].subject == "出口"  # no owner named: nothing to share


def test_zai_of_zaizhi_is_part_of_the_word() -> None:
    q = by_raw(
        extract("在职工医保参保人数中，在职职工1162.4万人，退休职工424.8万人。", year=2026, kind="news")
    )
    assert q["1162.4万人"].subject == "在职职工"


def test_a_year_that_defines_what_is_counted_is_no_time() -> None:
    text = "——2028年，基本完成2000年底前建成的需改造老旧小区改造任务，累计改造老化管网1000公里以上。"
    q = by_raw(extract(text, year=2026, kind="policy", period=(2026, 2028)))
    assert (q["1000公里"].kind, q["1000公里"].year) == ("target", 2028)


def test_undated_measures_run_to_the_last_horizon_of_a_long_goals_section() -> None:
    text = (
        "一、发展目标\n到2027年，接待国内游客突破8亿人次；接待入境游客400万人次以上；"
        "文化及相关产业增加值达到1400亿元；新增5A级旅游景区2家。\n"
        "到2030年，接待国内游客达到10亿人次左右。\n二、重点任务\n"
        "（一）扩大文旅消费。每年举办文旅消费季活动不少于200场。"
    )
    q = by_raw(extract(text, year=2026, kind="policy"))
    assert (q["200场"].kind, q["200场"].year) == ("target", 2030)


def test_a_unit_an_award_is_paid_for_is_no_quantity() -> None:
    text = "对入境旅游组织成效突出的旅行社，按每接待1名入境过夜游客给予50元奖励。"
    assert "1名" not in by_raw(extract(text, year=2026, kind="policy"))


def test_news_of_a_years_report_released_dates_its_figures() -> None:
    text = (
        "鹭宁市发布2025年度科技成果转化报告\n\n来源：鹭宁日报　2026年5月12日\n\n"
        "本报讯 5月11日，鹭宁市科技局发布《鹭宁市科技成果转化年度报告（2025）》。\n\n"
        "从合同类型看，技术开发合同成交额248.3亿元，技术转让合同成交额57.6亿元。"
    )
    q = by_raw(extract(text, year=2026, kind="news", title="鹭宁市发布2025年度科技成果转化报告"))
    assert (q["248.3亿元"].kind, q["248.3亿元"].year) == ("actual", 2025)


# --- dev-13


def test_a_notice_of_results_has_its_title_read_under_joint_issuers() -> None:
    text = (
        "北垣省商务厅 北垣省发展和改革委员会 北垣省自然资源厅\n"
        "关于2025年度全省开发区综合发展水平考核评价结果的通报\n\n北商开发〔2026〕38号\n\n正文。"
    )
    assert extract_metadata(text, {})["title"] == "关于2025年度全省开发区综合发展水平考核评价结果的通报"


CENSUS = {"year": 2026, "kind": "policy", "title": "云川省2025年全省1%人口抽样调查主要数据公报"}


def test_the_value_compared_with_is_of_the_year_compared_with() -> None:
    text = (
        "全省常住人口为4386.52万人，与2020年第七次全国人口普查的4302.17万人相比，增加84.35万人。"
        "平均每个家庭户的人口为2.58人，比2020年的2.67人减少0.09人。"
    )
    q = by_raw(extract(text, **CENSUS))
    assert (q["4302.17万人"].year, q["4302.17万人"].subject) == (2020, "常住人口")
    assert (q["84.35万人"].year, q["84.35万人"].subject, q["84.35万人"].change) == (
        2025,
        "常住人口",
        "increase",
    )
    assert (q["2.67人"].year, q["2.67人"].subject) == (2020, "平均每个家庭户的人口")
    assert q["0.09人"].subject == "平均每个家庭户的人口"


def test_a_from_value_under_a_comparison_with_a_year_is_of_that_year() -> None:
    text = "与2020年相比，每10万人中拥有大学文化程度的由15467人上升为19662人。"
    q = by_raw(extract(text, **CENSUS))
    assert (q["15467人"].year, q["19662人"].year) == (2020, 2025)


def test_a_survey_named_by_its_share_is_no_quantity() -> None:
    raws = [q.raw for q in extract("我省开展了全省1%人口抽样调查，抽样比为1%。", **CENSUS)]
    assert raws == ["1%"]


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("一般社会投资项目压缩至40个工作日以内。", "40个工作日"),
        ("营业执照、公章刻制等事项1个工作日内办结。", "1个工作日"),
        ("单笔交易平均撮合时间从12天缩短至3天。", "12天"),
    ],
)
def test_a_service_time_limit_is_a_level(text: str, raw: str) -> None:
    assert raw in by_raw(extract(text, **PLAN))


def test_how_long_something_lasts_is_still_no_quantity() -> None:
    assert by_raw(extract("补贴期限为3个工作日，连续30天开展检查。", **PLAN)) == {}


def test_per_mille_is_kept_as_written() -> None:
    q = by_raw(extract("全市人口自然增长率为-0.68‰，森林火灾受害率控制在0.9‰以内。", **PLAN))
    assert (q["-0.68‰"].value, q["-0.68‰"].unit) == (-0.68, "‰")
    assert (q["0.9‰"].unit, q["0.9‰"].comparator) == ("‰", "le")


def test_money_secured_is_a_fact_and_striving_a_goal() -> None:
    got = by_raw(extract("今年以来，全省共争取中央预算内投资等资金48.7亿元。", year=2026, kind="news"))
    assert got["48.7亿元"].kind == "actual"
    goal = by_raw(extract("全年争取实现地区生产总值增长6%。", year=2026, kind="news"))
    assert goal["6%"].kind == "target"


def test_a_share_of_the_years_plan_is_progress() -> None:
    text = "截至9月底已开工项目152个、4.21万户，分别占年度计划的81.7%和66.8%；完成投资406.3亿元。"
    q = by_raw(extract(text, year=2026, kind="news"))
    assert (q["81.7%"].kind, q["81.7%"].subject) == ("actual", "已开工项目完成年度计划比例")
    assert q["406.3亿元"].kind == "actual"


def test_a_ministrys_notice_that_lists_enterprises_reports_results() -> None:
    text = (
        "中华人民共和国工业和信息化部公告\n\n2026年第31号\n\n一、本批公告企业情况\n"
        "本批共有46家企业的52个生产基地符合《规范条件》。连同前五批，符合《规范条件》的企业累计达到298家。"
    )
    q = by_raw(extract(text, year=2026, kind="policy", title="中华人民共和国工业和信息化部公告"))
    assert q["46家"].kind == "actual" and q["298家"].kind == "actual"
    assert "五批" not in q  # which batches, not how many
    rules = by_raw(extract("中华人民共和国工业和信息化部公告\n\n到2027年，培育企业100家。", year=2026, kind="policy",
                           title="中华人民共和国工业和信息化部公告"))  # fmt: skip
    assert rules["100家"].kind == "target"  # no list in it: a guard


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        (
            "对首次认定的国家级专精特新“小巨人”企业、省级专精特新中小企业，分别一次性奖励50万元、20万元。",
            ["国家级专精特新“小巨人”企业奖励", "省级专精特新中小企业奖励"],
        ),
        (
            "对A类、B类人才在我市首次购买商品住房的，分别给予200万元、100万元购房补贴。",
            ["A类人才购房补贴", "B类人才购房补贴"],
        ),
        (
            "对新评定的国家5A级旅游景区、国家级旅游度假区分别给予一次性奖励1000万元和500万元。",
            ["国家5A级旅游景区奖励", "国家级旅游度假区奖励"],
        ),
    ],
)
def test_each_listed_recipient_gets_its_own_award(text: str, subjects: list[str]) -> None:
    got = [q.subject for q in extract(text, **PLAN) if q.unit == "元"]
    assert got == subjects


def test_thresholds_listed_are_not_recipients() -> None:
    text = "对年营业收入首次突破10亿元、50亿元的制造业企业，分别给予50万元、100万元奖励。"
    q = by_raw(extract(text, **PLAN))
    assert q["50万元"].subject == q["100万元"].subject  # not split by the thresholds


def test_a_long_range_vision_is_not_the_plans_end() -> None:
    text = (
        "一、主要目标\n到2028年，生物制造产业规模突破1万亿元。\n到2035年，生物制造产业达到世界先进水平。\n"
        "二、重点任务\n（一）建设平台。建设国家级创新平台5个左右。"
    )
    q = by_raw(extract(text, year=2026, kind="policy"))
    assert (q["5个"].kind, q["5个"].year) == ("target", 2028)


# --- dev-14

H1 = "关于滇川省2026年上半年预算执行情况的报告"


def test_a_mid_year_execution_report_reports_its_year_and_plans_the_rest() -> None:
    text = (
        f"{H1}\n\n一、上半年预算执行情况\n\n今年以来，全省一般公共预算收入1586.4亿元，完成年初预算的52.6%。\n\n"
        "三、下半年工作安排\n\n（一）加强收入征管。确保全年一般公共预算收入增长4%左右。"
    )
    q = by_raw(extract(text, year=2026, kind="policy", title=H1))
    assert (q["1586.4亿元"].kind, q["1586.4亿元"].year) == ("actual", 2026)
    assert (q["4%"].kind, q["4%"].year) == ("target", 2026)


def test_a_proposed_list_reports_results() -> None:
    title = "苍岭省工业和信息化厅关于2026年度苍岭省专精特新中小企业拟认定名单的公示"
    text = f"{title}\n\n经评审，拟认定苍岭华拓精密机械有限公司等628家企业为2026年度专精特新中小企业。"
    q = by_raw(extract(text, year=2026, kind="policy", title=title))
    assert (q["628家"].kind, q["628家"].year) == ("actual", 2026)


def test_progress_earlier_in_a_sentence_lends_the_rest_no_goal() -> None:
    text = "前三季度，全省城镇新增就业58.3万人，完成全年目标任务65万人的89.7%，同比多增1.6万人；失业人员再就业14.8万人。"
    q = by_raw(extract(text, year=2026, kind="news"))
    assert q["65万人"].kind == "target"
    assert [q[r].kind for r in ("89.7%", "1.6万人", "14.8万人")] == ["actual"] * 3


def test_a_release_as_of_a_months_end_dates_its_later_paragraphs(pipeline) -> None:
    text = (
        "西陵省电力装机突破1.2亿千瓦 新能源装机占比首次超过一半\n\n来源：西陵能源报　　2026年7月21日\n\n"
        "记者7月20日从西陵省能源局获悉，截至2026年6月底，全省发电装机容量达到12186万千瓦，同比增长13.7%。\n\n"
        "分地区看，青岭市新能源装机1826万千瓦，居全省首位。\n"
    )
    q = by_raw(pipeline.analyse(read_bytes(text.encode(), "news.txt")).quantities)
    assert (q["1826万千瓦"].kind, q["1826万千瓦"].year) == ("actual", 2026)


def test_what_a_project_gives_once_complete_is_due_at_its_last_phase(pipeline) -> None:
    text = (
        "澜驰汽车桐湾基地一期投产\n\n来源：楚原日报　　2026年9月23日\n\n"
        "9月22日上午，澜驰新能源汽车股份有限公司桐湾生产基地一期项目投产仪式举行。\n\n"
        "根据规划，项目二期计划于2027年3月开工、2028年底建成投产，投资112亿元；三期计划于2030年建成，投资90亿元。"
        "三期全部达产后，基地将形成年产60万辆整车的能力，年产值超过900亿元。\n"
    )
    q = by_raw(pipeline.analyse(read_bytes(text.encode(), "news.txt")).quantities)
    assert (q["60万辆"].kind, q["60万辆"].year) == ("target", 2030)
    assert q["900亿元"].year == 2030


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        (
            "1—10月，电动载人汽车、锂离子蓄电池和太阳能电池“新三样”产品合计出口312.6亿元。",
            "312.6亿元",
            "“新三样”产品合计出口",
        ),
        ("开展威海碳纤维、枣庄欣旺达等“源网荷储”一体化试点30个左右。", "30个", "“源网荷储”一体化试点"),
    ],
)
def test_a_list_named_by_its_own_quoted_label(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text, **NEWS))[raw].subject == subject


def test_a_quoted_word_inside_the_last_item_is_no_label() -> None:
    text = "高新技术企业、科技型企业、专精特新“小巨人”企业分别达到8837家、69820家、310家。"
    q = by_raw(extract(text, **NEWS))
    assert (q["8837家"].subject, q["310家"].subject) == ("高新技术企业", "专精特新“小巨人”企业")


def test_shares_under_fenbie_measure_the_indicators_listed_before() -> None:
    text = "技术开发合同成交额248.3亿元，技术转让合同成交额57.6亿元，分别占成交额的40.5%和9.4%。"
    q = by_raw(extract(text, **NEWS))
    assert (q["40.5%"].subject, q["9.4%"].subject) == ("技术开发合同成交额", "技术转让合同成交额")
