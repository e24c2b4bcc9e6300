"""Kinds, years and subjects read off the written gold sets in stop 29."""

from __future__ import annotations

import pytest

from ingest.read import read_bytes
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
    # --- dev-8
    # a ratio named bare after the amount it is taken of
    (
        "高技术制造业R&D经费412.6亿元，投入强度（与营业收入之比）为2.85%。",
        "2.85%",
        "高技术制造业R&D经费投入强度",
    ),
    # an aside on how the indicator is measured closes its name, and is not part of it
    ("R&D经费投入强度（与地区生产总值之比）为2.67%。", "2.67%", "R&D经费投入强度"),
    (
        "国家级服务型制造示范企业（平台、项目）达29个。",
        "29个",
        "国家级服务型制造示范企业（平台、项目）",
    ),  # a guard
    # a count merged into fewer keeps its noun
    ("开展化工园区整合提升，园区数量由5个优化调整为4个。", "5个", "园区数量"),
    ("开展化工园区整合提升，园区数量由5个优化调整为4个。", "4个", "园区数量"),
    ("2025年，全省共投入R&D经费1486.3亿元。", "1486.3亿元", "投入R&D经费"),
    # --- dev-9
    # a threshold's head after 的 is a share, not the indicator the threshold is on
    ("其中单户贷款金额1000万元以下的占比约七成。", "1000万元", "单户贷款金额"),
    ("其中单户贷款金额1000万元以下的占比约七成。", "七成", "单户贷款金额占比"),
    # a record set on a day: the indicator before the date
    (
        "全省最大用电负荷于8月5日创下6128万千瓦的历史新高，较上年最高负荷增加386万千瓦。",
        "6128万千瓦",
        "最大用电负荷",
    ),
    (
        "全省最大用电负荷于8月5日创下6128万千瓦的历史新高，较上年最高负荷增加386万千瓦。",
        "386万千瓦",
        "最大用电负荷",
    ),
    ("10月份全社会用电量同比增长5.9%，增速较9月份回落2.3个百分点。", "2.3个百分点", "全社会用电量增速"),
    # clauses joined by ； are one sentence: the next clause's bare change goes on measuring
    (
        "全省本外币各项贷款余额8.12万亿元，同比增长8.6%；较年初增加5236亿元，同比多增312亿元。",
        "5236亿元",
        "本外币各项贷款余额",
    ),
    (
        "全省本外币各项贷款余额8.12万亿元，同比增长8.6%；较年初增加5236亿元，同比多增312亿元。",
        "312亿元",
        "本外币各项贷款余额",
    ),
    # --- blind-8 (read after four held-out scorings)
    ("一般公共预算收入328.5亿元，增长4.2%，完成预算的100.6%。", "100.6%", "一般公共预算收入完成预算比例"),
    ("城镇新增就业6.12万人，完成年度计划5万人的122.4%。", "122.4%", "城镇新增就业完成年度计划比例"),
    ("自主品牌毛利率比代工高出10至15个百分点。", "10至15个百分点", "自主品牌毛利率"),
    (
        "今年一季度，全县织机平均开机率保持在85%左右，比去年同期高出6个百分点。",
        "6个百分点",
        "织机平均开机率",
    ),
    ("预算金额：1860万元", "1860万元", "预算金额"),
    ("年内计划完成投资62.3亿元。", "62.3亿元", "投资"),
]


@pytest.mark.parametrize(("text", "raw", "subject"), SUBJECTS)
def test_subject(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text, year=2026, kind="news"))[raw].subject == subject


# --- dev-8: holiday news, interim reports, bulletins and audit reports, units as written ---------
HOLIDAY = (
    "中秋国庆假期我省接待游客超1.1亿人次\n"
    "来源：南岭日报 2026-10-08\n"
    "本报讯 记者10月8日从省文化和旅游厅获悉，2026年中秋、国庆假期共10天，全省累计接待游客11236.5万人次，"
    "按可比口径同比增长6.2%，恢复至2019年同期的118.6%。\n"
    "假期全省接待过夜游客2876万人次，占游客总量的25.6%。\n"
)
INTERIM = (
    "恒锂新能半年报：上半年营收236.8亿元\n"
    "来源：证券时报网 2026-08-28\n"
    "8月27日晚间，恒锂新能披露2026年半年度报告。报告期内，公司实现营业收入236.8亿元，同比增长18.4%。\n"
    "盈利能力持续改善。公司净利率约为9%。截至报告期末，公司累计拥有授权专利2136项，其中发明专利612项。"
    "报告期末公司存货余额增至68.3亿元。\n"
)
ECO_BULLETIN = (
    "2025年临川市生态环境状况公报（摘要）\n\n"
    "一、大气环境\n\n"
    "全市森林覆盖率为63.2%。全市划定生态保护红线面积1826平方千米。城市区域声环境昼间平均等效声级为53.6分贝。\n\n"
    "二、2026年主要目标\n\n"
    "2026年，全市细颗粒物（PM2.5）年平均浓度控制在26.5微克/立方米以内，环境空气质量优良天数比率达到90%以上。\n"
)
AUDIT = (
    "关于2025年度县本级预算执行和其他财政收支的审计工作报告\n\n"
    "——2026年8月26日在青溪县人民代表大会常务委员会会议上\n\n"
    "全县一般公共预算收入完成18.62亿元，同比增长5.3%。\n\n"
    "截至2026年6月底，上年度审计工作报告反映的87个问题，已整改到位79个，整改率90.8%。"
    "通过调整账目等方式整改问题金额1.35亿元。\n\n"
    "（一）加强预算刚性约束。2026年一般性支出压减比例不低于5%，年初项目预算执行率力争达到90%以上。\n"
)


def test_a_holidays_figures_are_facts_of_its_year(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(HOLIDAY.encode(), "news.txt")).quantities)
    assert (q["11236.5万人次"].kind, q["11236.5万人次"].year) == ("actual", 2026)
    assert (q["118.6%"].kind, q["118.6%"].year) == ("actual", 2026)  # 2019 is the base compared with
    assert (q["2876万人次"].kind, q["2876万人次"].year) == ("actual", 2026)


def test_an_interim_report_dates_the_storys_figures(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(INTERIM.encode(), "news.txt")).quantities)
    assert (q["9%"].kind, q["9%"].year) == ("actual", 2026)
    assert (q["612项"].kind, q["612项"].year) == ("actual", 2026)  # 截至报告期末 is no plan's end
    assert q["68.3亿元"].kind == "actual"


def test_an_environment_bulletin_reports_facts_and_sets_goals_ahead(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(ECO_BULLETIN.encode(), "bulletin.txt")).quantities)
    assert (q["63.2%"].kind, q["63.2%"].year) == ("actual", 2025)
    assert (q["1826平方千米"].unit, q["53.6分贝"].unit) == ("平方千米", "分贝")  # as written
    assert (q["26.5微克/立方米"].kind, q["26.5微克/立方米"].year) == ("target", 2026)
    assert (q["90%"].kind, q["90%"].year) == ("target", 2026)


def test_an_audit_report_reports_its_year_and_its_followup(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(AUDIT.encode(), "audit.txt")).quantities)
    assert (q["18.62亿元"].kind, q["18.62亿元"].year) == ("actual", 2025)
    assert (q["90.8%"].kind, q["90.8%"].year) == ("actual", 2026)  # 截至2026年6月底
    assert (q["1.35亿元"].kind, q["1.35亿元"].year) == ("actual", 2026)  # the same paragraph
    assert (q["5%"].kind, q["5%"].year) == ("target", 2026)
    assert q["90%"].kind == "target"  # 力争


@pytest.mark.parametrize(
    ("text", "raw", "unit"),
    [
        ("按节能量每吨标准煤200元给予奖励。", "200元", "元/吨标准煤"),
        ("拟以总股本14.05亿股为基数。", "14.05亿股", "股"),
        ("全年开行海铁联运班列近1700班。", "1700班", "班"),
        ("城市区域声环境昼间平均等效声级为53.6分贝。", "53.6分贝", "分贝"),
    ],
)
def test_units_of_dev_8(text: str, raw: str, unit: str) -> None:
    assert by_raw(extract(text, year=2026, kind="news"))[raw].unit == unit


def test_shift_work_is_no_count_of_trains() -> None:
    assert extract("工人两班倒还忙不过来。", year=2026, kind="news") == []


# --- dev-9: a year-end meeting reviews its own year and plans the next -------------------------
YEAR_END = (
    "市委经济工作会议召开\n"
    "来源：嘉源日报 2026-12-23\n"
    "本报讯 12月21日至22日，市委经济工作会议召开。会议总结2026年经济工作，部署2027年经济工作。\n"
    "会议指出，今年是“十五五”开局之年。预计全年地区生产总值增长6%左右，总量突破2600亿元；"
    "城乡居民收入比缩小到1.68:1。\n"
    "会议强调，做好明年经济工作，要坚持以项目论英雄。全年实施重大项目300个以上，完成投资超过800亿元。\n"
)


def test_a_year_end_meeting_reviews_its_year_and_plans_the_next(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(YEAR_END.encode(), "news.txt")).quantities)
    assert (q["6%"].kind, q["6%"].year) == ("actual", 2026)  # 预计全年 in December: an estimate
    assert (q["2600亿元"].kind, q["2600亿元"].year) == ("actual", 2026)
    assert (q["300个"].kind, q["300个"].year) == ("target", 2027)
    assert (q["800亿元"].kind, q["800亿元"].year) == ("target", 2027)


@pytest.mark.parametrize(
    ("text", "raw", "unit", "change", "subject"),
    [
        (
            "新发放企业贷款加权平均利率为3.21%，同比下降28个基点。",
            "28个基点",
            "基点",
            "decrease",
            "新发放企业贷款加权平均利率",
        ),
        (
            "力争单车用铝量由目前的约190公斤提高到250公斤。",
            "250公斤",
            "公斤",
            None,
            "单车用铝量",
        ),  # as written
        ("前三季度人民币贷款增加3120亿元，同比多增312亿元。", "312亿元", "元", "increase", "人民币贷款"),
        ("制造业PMI回升0.8个百分点。", "0.8个百分点", "百分点", "increase", "制造业PMI"),
        ("民间投资增速回升至1.2%。", "1.2%", "%", None, "民间投资增速"),  # a level
    ],
)
def test_units_and_changes_of_dev_9(text: str, raw: str, unit: str, change: str | None, subject: str) -> None:
    q = by_raw(extract(text, year=2026, kind="news"))[raw]
    assert (q.unit, q.change, q.subject) == (unit, change, subject)


GUIDELINE = (
    "国务院关于进一步扩大服务消费的意见\n"
    "国发〔2026〕12号\n"
    "一、总体要求\n"
    "主要目标是：到2027年，服务消费规模稳步扩大，居民人均服务性消费支出年均增长6%以上；"
    "服务业增加值比重稳步提高。到2030年，服务消费占居民消费比重超过五成。\n"
    "二、重点任务\n"
    "（一）培育文旅消费。建设10个左右世界级旅游度假区。\n"
    "国务院\n2026年6月12日\n"
)


def test_undated_measures_run_to_the_plans_last_horizon(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(GUIDELINE.encode(), "opinion.txt")).quantities)
    assert (q["6%"].kind, q["6%"].year) == ("target", 2027)
    assert (q["五成"].kind, q["五成"].year) == ("target", 2030)
    assert (q["10个"].kind, q["10个"].year) == ("target", 2030)


@pytest.mark.parametrize(
    ("text", "raw", "unit", "comparator"),
    [
        ("为全县1.6万名义务教育阶段学生提供课后服务。", "1.6万名", "名", "eq"),  # 名义务, not 名义
        ("为3家乡镇卫生院配备设备。", "3家", "家", "eq"),  # 家乡镇, not 家乡
        ("高新技术企业数量翻了一番还多。", "翻了一番", "倍", "gt"),
        ("产值增长一倍有余。", "一倍", "倍", "gt"),
    ],
)
def test_measure_words_and_comparators_of_dev_9(text: str, raw: str, unit: str, comparator: str) -> None:
    q = by_raw(extract(text, year=2026, kind="news"))[raw]
    assert (q.unit, q.comparator) == (unit, comparator)


def test_nominal_growth_is_no_count_of_people() -> None:
    assert [q.raw for q in extract("同比名义增长5.3%。", year=2026, kind="news")] == ["5.3%"]


def test_last_years_whole_as_a_base_dates_nothing() -> None:
    text = "1—10月，全省绿电交易电量76.5亿千瓦时，是去年全年的两倍多。"
    assert by_raw(extract(text, year=2026, kind="news"))["两倍"].year == 2026


# --- blind-8 (read after four held-out scorings): tenders, plans met, people counted with 个 ------


def test_units_comparators_and_years_of_blind_8() -> None:
    q = by_raw(extract("过去一条生产线要60多个工人，现在只要35个人。", year=2026, kind="news"))
    assert (q["60多个"].unit, q["35个"].unit) == ("人", "人")
    assert by_raw(extract("最高限价：1838.6万元", year=2026, kind="news"))["1838.6万元"].comparator == "le"
    gap = by_raw(extract("开机率85%左右，比去年同期高出6个百分点。", year=2026, kind="news"))["6个百分点"]
    assert gap.change == "increase"
    assert by_raw(extract("年内计划完成投资62.3亿元。", year=2026, kind="news"))["62.3亿元"].year == 2026
    tax = by_raw(extract("个人所得税起征点提高到5000元。", year=2026, kind="news"))
    assert list(tax) == ["5000元"]


def test_a_tender_notice_is_a_policy_text() -> None:
    from ingest.metadata import extract_metadata

    meta = extract_metadata(
        "江州市智能制造公共服务平台建设项目公开招标公告\n\n一、项目基本情况\n预算金额：1860万元\n"
    )
    assert meta["kind"] == "policy"


# --- dev-10: a year-end summary, per-head awards, policies named by their articles ---------------
ZONE_REVIEW = (
    "临江高新区2026年营业收入突破4000亿元 明年力争再上新台阶\n"
    "来源：临江日报 2026-12-28\n"
    "本报讯 12月26日，临江高新区召开2026年度工作总结暨2027年工作部署会。2026年，高新区预计实现营业收入4120亿元，"
    "同比增长11.3%。\n"
    "会议明确，2027年高新区营业收入力争达到4600亿元，增长11%以上；新增高新技术企业300家以上。\n"
)


def test_a_year_end_work_summary_reviews_its_year(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(ZONE_REVIEW.encode(), "news.txt")).quantities)
    assert (q["4000亿元"].kind, q["4000亿元"].year) == ("actual", 2026)  # the headline
    assert (q["4120亿元"].kind, q["4120亿元"].year) == ("actual", 2026)
    assert (q["4600亿元"].kind, q["4600亿元"].year) == ("target", 2027)
    assert (q["300家"].kind, q["300家"].year) == ("target", 2027)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("每引进1人给予中介机构10万元奖励。", ["10万元"]),  # the unit an award is paid for
        ("每新增1家规上企业奖励10万元。", ["10万元"]),
        ("每年增加10亿元。", ["10亿元"]),  # a guard: 每年 is a rate's period
        ("“高新人才20条”全年兑现各类人才奖补资金3.6亿元。", ["3.6亿元"]),  # a policy's name
        ("出台《人才新政30条》。", []),
        ("浇灌面积超过2100万亩次。", ["2100万亩次"]),
    ],
)
def test_numbers_that_are_not_quantities_of_dev_10(text: str, kept: list[str]) -> None:
    assert [q.raw for q in extract(text, year=2026, kind="news")] == kept


GRAIN = (
    "河南粮食总产量再创历史新高 全年达1347.6亿斤\n"
    "来源：河南农村报 2026-12-15\n"
    "本报讯 12月13日，国家统计局河南调查总队发布2026年全省粮食生产数据。数据显示，2026年河南粮食总产量达到1347.6亿斤，"
    "增长1.5%。\n"
    "分季看，全年夏粮产量761.2亿斤，比上年增长0.9%。\n"
)
CARBON = (
    "广东碳市场2025年成交额首破30亿元\n"
    "来源：南粤环境报 2026-03-17\n"
    "本报讯 3月16日，省生态环境厅发布《广东省碳排放权交易市场2025年度运行报告》。报告显示，配额累计成交量4850万吨。\n"
    "挂牌点选成交量2150万吨，占总成交量的44.2%。\n"
)
HALF_YEAR = (
    "上半年全省经济运行稳中向好\n"
    "来源：东川日报 2026-07-18\n"
    "本报讯 7月17日，省统计局发布2026年上半年全省经济运行数据。上半年，全省地区生产总值增长5.6%。\n"
    "下半年，要为实现全年地区生产总值增长5.5%左右的预期目标打下坚实基础。\n"
)


def test_this_years_data_released_in_december_are_facts(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(GRAIN.encode(), "news.txt")).quantities)
    assert (q["1347.6亿斤"].kind, q["1347.6亿斤"].year) == ("actual", 2026)
    assert (q["761.2亿斤"].kind, q["761.2亿斤"].year) == ("actual", 2026)
    carbon = by_raw(pipeline.analyse(read_bytes(CARBON.encode(), "news.txt")).quantities)
    assert (carbon["2150万吨"].kind, carbon["2150万吨"].year) == ("actual", 2025)  # 发布《…2025年度运行报告》
    half = by_raw(pipeline.analyse(read_bytes(HALF_YEAR.encode(), "news.txt")).quantities)
    assert (half["5.5%"].kind, half["5.5%"].year) == ("target", 2026)  # a guard: half a year is no year's end


def test_a_part_of_the_year_already_reported_is_a_fact() -> None:
    text = "二是加快培育外贸新动能，跨境电商进出口前10个月达到2.38万亿元，增长9.6%，全年有望突破2.8万亿元。"
    q = by_raw(extract(text, year=2026, kind="news"))
    assert (q["2.38万亿元"].kind, q["2.38万亿元"].year, q["2.38万亿元"].subject) == (
        "actual",
        2026,
        "跨境电商进出口",
    )
    assert (q["9.6%"].kind, q["9.6%"].year) == ("actual", 2026)
    assert q["2.8万亿元"].kind == "target"


def test_a_cap_per_item_and_a_years_budget_name_their_support() -> None:
    q = by_raw(extract("对在本市转化的，按成交额的10%给予奖励，单项最高200万元。", year=2026, kind="news"))
    assert q["200万元"].subject == q["10%"].subject.removesuffix("比例")
    budget = by_raw(extract("2026年度预算安排9.5亿元。", year=2026, kind="news"))
    assert budget["9.5亿元"].subject == "预算"  # not 度预算


def test_a_recovery_to_a_base_year_names_nothing() -> None:
    text = "国际及地区旅客吞吐量612.5万人次，恢复至2019年同期的118%。"
    q = by_raw(extract(text, year=2026, kind="news"))["118%"]
    assert (q.subject, q.year) == ("国际及地区旅客吞吐量", 2026)


# --- dev-11: gaps to an earlier time, falls, floors, a list item before a year ------------------
@pytest.mark.parametrize(
    ("text", "raw", "change"),
    [
        ("研发投入强度比“十四五”末提高0.07个百分点。", "0.07个百分点", "increase"),
        ("增速比今年提高0.2个百分点。", "0.2个百分点", "increase"),
        ("贷款平均利率较五年前下降1.5个百分点。", "1.5个百分点", "decrease"),
        ("核心产业增加值增长9.6%，高于同期地区生产总值增速4.2个百分点。", "4.2个百分点", None),  # a gap
        ("利润下跌两成以上。", "两成", "decrease"),
    ],
)
def test_changes_of_dev_11(text: str, raw: str, change: str | None) -> None:
    assert by_raw(extract(text, year=2026, kind="news"))[raw].change == change


def test_a_floor_and_a_list_item_of_dev_11() -> None:
    floor = by_raw(extract("首付比例最低可至15%。", year=2026, kind="news"))["15%"]
    assert (floor.comparator, floor.subject) == ("ge", "首付比例")
    assert extract("附件：1.2026年湖南省新能源汽车下乡活动参与车型目录", year=2026, kind="policy") == []


def test_a_pair_recovered_to_a_base_year_keeps_each_name() -> None:
    q = by_raw(
        extract("接待游客人次和旅游收入分别恢复至2019年同期的118.6%和109.3%。", year=2026, kind="news")
    )
    assert (q["118.6%"].subject, q["109.3%"].subject) == ("接待游客人次", "旅游收入")
