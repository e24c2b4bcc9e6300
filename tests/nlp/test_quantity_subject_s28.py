"""Subjects read off the written gold sets in stop 28 (sentence -> raw -> expected subject)."""

from __future__ import annotations

import pytest

from ingest.read import read_bytes
from tests.nlp.test_quantities import by_raw, extract

CASES = [
    # the things counted after a threshold are those over it
    ("其中营业收入超10亿元企业7家，初步形成协同发展格局。", "7家", "营业收入超10亿元企业"),
    ("推动营业收入超百亿元企业达到18家，比上年增加3家。", "18家", "营业收入超百亿元企业"),
    ("推动营业收入超百亿元企业达到18家，比上年增加3家。", "3家", "营业收入超百亿元企业"),
    ("实施500万元以上技改项目1.2万个左右。", "1.2万个", "500万元以上技改项目"),
    ("年产值10亿元以上企业15家。", "15家", "年产值10亿元以上企业"),  # a guard: held before
    # a growth rate's comparison and how it is counted name nothing of their own
    ("贷款余额3.15万亿元，增长9.6%，增速比上月末回落0.2个百分点。", "0.2个百分点", "贷款余额增速"),
    ("民间投资同比下降0.3%，降幅比1—2月份收窄1.1个百分点。", "1.1个百分点", "民间投资"),
    (
        "全国居民人均可支配收入12600元，同比名义增长5.3%，扣除价格因素实际增长5.1%。",
        "5.3%",
        "居民人均可支配收入",
    ),
    (
        "全国居民人均可支配收入12600元，同比名义增长5.3%，扣除价格因素实际增长5.1%。",
        "5.1%",
        "居民人均可支配收入",
    ),
    # what an actor earns is the actor's
    ("泓江市新能源产业集群实现产值1260亿元。", "1260亿元", "泓江市新能源产业集群实现产值"),
    ("全市规上工业实现增加值1200亿元。", "1200亿元", "规上工业实现增加值"),
    # the investment of the projects just counted
    ("签约项目近500个、总投资超2600亿元。", "2600亿元", "签约项目总投资"),
    ("新开工亿元以上工业项目156个，计划总投资1180亿元。", "1180亿元", "新开工亿元以上工业项目总投资"),
    # a count's noun ends before the next count, and before what the counted things do
    ("15个主平台新承接产业转移项目约700个、总投资约3000亿元。", "15个", "主平台"),
    ("15个主平台新承接产业转移项目约700个、总投资约3000亿元。", "700个", "主平台新承接产业转移项目"),  # guard
]


@pytest.mark.parametrize(("text", "raw", "subject"), CASES)
def test_subject(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text))[raw].subject == subject


def test_a_threshold_with_a_comma_after_it_does_not_join_the_count() -> None:
    # a guard: held before
    # 产值超10亿元，企业7家: two clauses, the count is of its own noun
    assert by_raw(extract("产值超10亿元，企业7家。"))["7家"].subject == "企业"


# --- dev-6: prices per physical measure, and a past year's report ---------------------------------
@pytest.mark.parametrize(
    ("text", "raw", "unit", "subject"),
    [
        ("终端加氢价格控制在每公斤35元左右。", "35元", "元/公斤", "终端加氢价格"),
        ("燃料电池系统成本降至每千瓦1500元以下。", "1500元", "元/千瓦", "燃料电池系统成本"),
        ("按实际加氢量给予每公斤10元运营补贴。", "10元", "元/公斤", None),
        ("单位增加值能耗为0.48吨标准煤/万元。", "0.48吨标准煤/万元", "吨标准煤/万元", "单位增加值能耗"),
        # a count's 每 and a rent per area stay plain 元 (a guard: held before)
        ("每辆补贴3000元。", "3000元", "元", None),
        ("标准厂房月租金为每平方米12元至15元。", "12元至15元", "元", None),
    ],
)
def test_a_price_per_physical_measure(text: str, raw: str, unit: str, subject: str | None) -> None:
    q = by_raw(extract(text))[raw]
    assert q.unit == unit
    assert subject is None or q.subject == subject


REPORT = (
    "恒拓精密2025年净利润增长21.6%\n"
    "来源：证券时报网 2026-03-28　记者 孙立\n"
    "3月27日晚，恒拓精密发布2025年年度报告。报告期内，公司实现营业收入86.42亿元，同比增长14.3%。\n"
    "分业务看，公司海外业务收入12.9亿元，同比增长近五成。\n"
)
BULLETIN = (
    "云港市海洋生产总值首破2000亿元\n"
    "来源：云港日报 2026-04-12\n"
    "本报讯 4月10日，云港市海洋发展局发布《2025年云港市海洋经济统计公报》。数据显示，2025年全市海洋生产总值达到2036亿元。\n"
    "港口生产稳中有升。全年全市港口货物吞吐量完成3.62亿吨，同比增长4.3%。\n"
)


def test_a_past_years_report_dates_the_storys_undated_figures(pipeline) -> None:
    firm = by_raw(pipeline.analyse(read_bytes(REPORT.encode(), "news.txt")).quantities)
    assert firm["12.9亿元"].year == 2025 and firm["12.9亿元"].kind == "actual"
    assert firm["21.6%"].year == 2025  # the headline: a past year's results
    sea = by_raw(pipeline.analyse(read_bytes(BULLETIN.encode(), "news.txt")).quantities)
    assert sea["3.62亿吨"].year == 2025 and sea["4.3%"].year == 2025


# --- dev-6: a distance that is an indicator, units as written, gaps to another indicator --------
def test_a_radius_held_to_a_limit_is_a_quantity() -> None:
    q = by_raw(extract("加氢站供氢半径控制在150公里以内。"))["150公里"]
    assert (q.value, q.unit, q.comparator, q.subject) == (150, "公里", "le", "加氢站供氢半径")
    assert "50公里" not in by_raw(extract("周边50公里范围内有三个港口。"))  # a guard: held before


def test_a_container_count_keeps_its_unit_as_written() -> None:
    assert by_raw(extract("集装箱吞吐量达到586万标箱。"))["586万标箱"].unit == "标箱"
    assert by_raw(extract("吞吐量1035万标准箱。"))["1035万标准箱"].unit == "标准箱"  # a guard


@pytest.mark.parametrize(
    ("text", "raw", "change", "subject"),
    [
        (
            "海洋生产总值同比增长7.8%，高于全市地区生产总值增速1.6个百分点。",
            "1.6个百分点",
            None,
            "海洋生产总值",
        ),
        (
            "农村居民人均可支配收入增长6.7%，增速比城镇居民高2.4个百分点。",
            "2.4个百分点",
            None,
            "农村居民人均可支配收入增速",
        ),
        ("县域经济增速高于全省经济增速0.4个百分点。", "0.4个百分点", None, "县域经济增速"),
        # over time it is a change (guards: held before)
        (
            "煤炭消费比重下降8.1个百分点，清洁能源消费比重提高6.3个百分点。",
            "8.1个百分点",
            "decrease",
            "煤炭消费比重",
        ),
        ("研发投入强度比上年高0.2个百分点。", "0.2个百分点", "increase", "研发投入强度"),
    ],
)
def test_a_gap_to_another_indicator_is_no_change(
    text: str, raw: str, change: str | None, subject: str
) -> None:
    q = by_raw(extract(text))[raw]
    assert (q.change, q.subject) == (change, subject)


def test_no_lower_than_is_a_bound_not_a_gap() -> None:
    q = by_raw(extract("特困人员基本生活标准不低于当地最低生活保障标准的1.6倍。"))["1.6倍"]
    assert q.subject.startswith("特困人员基本生活标准") and not q.subject.endswith("不")


# --- dev-6: a bar-separated indicator table written as text, and who a support is for --------------
BAR_TABLE = (
    "一、主要目标\n"
    "主要指标（指标名称｜2025年基期值｜2028年目标值｜属性）：\n"
    "1. 规上工业企业数字化改造覆盖率｜72%｜100%｜约束性\n"
    "2. 省级以上智能工厂数量｜126家｜300家以上｜预期性\n"
)


def test_a_bar_table_dates_its_base_and_goal_columns() -> None:
    q = by_raw(extract(BAR_TABLE, year=2026, kind="policy", period=(2026, 2028)))
    assert (q["72%"].kind, q["72%"].year, q["72%"].subject) == (
        "actual",
        2025,
        "规上工业企业数字化改造覆盖率",
    )
    assert (q["100%"].kind, q["100%"].year) == ("target", 2028)
    assert (q["126家"].kind, q["126家"].year, q["126家"].subject) == ("actual", 2025, "省级以上智能工厂数量")
    assert (q["300家"].kind, q["300家"].year, q["300家"].comparator) == ("target", 2028, "ge")


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        (
            "（一）对企业实施的智能化改造项目，设备投资额在500万元以上的，按投资额的15%给予补助。",
            "15%",
            "企业实施的智能化改造项目补助比例",
        ),
        (
            "（四）中小企业购买数字化转型服务的，按服务合同金额的30%给予补贴，单家企业每年最高补贴20万元。",
            "30%",
            "中小企业购买数字化转型服务补贴比例",
        ),
        (
            "（三）对新获评国家级跨行业跨领域工业互联网平台的企业，给予最高500万元奖励。",
            "500万元",
            "新获评国家级跨行业跨领域工业互联网平台的企业奖励",
        ),  # a long name with no word edge stays whole
    ],
)
def test_a_support_names_its_recipient_after_a_numbered_heading(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text, year=2026, kind="policy", period=(2026, 2028)))[raw].subject == subject


# --- dev-7: news of a work report, and this year's month in news ----------------------------------
REPORT_NEWS = (
    "青溪县十九届人大六次会议开幕\n"
    "来源：青溪融媒 2026-01-09\n"
    "本报讯 1月8日上午，青溪县第十九届人民代表大会第六次会议开幕。县长代表县人民政府作政府工作报告。\n"
    "报告指出，过去一年，全县经济运行稳中有进。全县地区生产总值完成386.2亿元，同比增长6.1%。\n"
    "报告提出，2026年是“十五五”开局之年，今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右；"
    "城镇新增就业5000人以上。\n"
    "报告明确，今年将继续办好十件民生实事：新改建农村公路120公里。\n"
)


def test_news_of_a_work_report_follows_the_reports_parts(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(REPORT_NEWS.encode(), "news.txt")).quantities)
    assert (q["386.2亿元"].kind, q["386.2亿元"].year) == ("actual", 2025)
    assert (q["6.1%"].kind, q["6.1%"].year) == ("actual", 2025)
    assert (q["6%"].kind, q["6%"].year) == ("target", 2026)
    assert (q["5000人"].kind, q["5000人"].year) == ("target", 2026)
    assert (q["120公里"].kind, q["120公里"].year) == ("target", 2026)


def test_this_years_month_in_news_is_a_fact() -> None:
    text = "乘联会发布数据显示，2026年10月，全国新能源乘用车市场零售128.6万辆，同比增长8.4%。"
    q = by_raw(extract(text, year=2026, kind="news"))
    assert (q["128.6万辆"].kind, q["128.6万辆"].year) == ("actual", 2026)
    assert q["8.4%"].kind == "actual"
    goal = by_raw(extract("2026年，全市力争新能源汽车产量达到50万辆。", year=2026, kind="news"))
    assert goal["50万辆"].kind == "target"  # a guard: a goal in news stays one
    bare = by_raw(extract("2026年，全省规上工业增加值增长6%以上。", year=2026, kind="news"))
    assert bare["6%"].kind == "target"  # a bare current year opens a goal, only a month of it a fact


PROJECT_NEWS = (
    "恒拓精密2025年净利润增长21.6%\n"
    "来源：证券时报网 2026-03-28\n"
    "3月27日晚，恒拓精密发布2025年年度报告。报告期内，公司实现营业收入86.42亿元。\n"
    "同日，公司公告拟在江州经济技术开发区投资建设高端数控机床智能制造基地项目。项目计划总投资38亿元，"
    "规划用地约520亩。一期预计于2027年6月建成投产，二期计划2029年全面达产。项目达产后，预计可实现年销售收入约60亿元。\n"
    "截至2026年2月末，公司在手订单金额约41亿元，较上年同期增长近三成。\n"
)


def test_a_planned_project_in_news_holds_goals_due_when_it_is_complete(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(PROJECT_NEWS.encode(), "news.txt")).quantities)
    for raw in ("38亿元", "520亩", "60亿元"):
        assert (q[raw].kind, q[raw].year) == ("target", 2029), raw
    assert q["41亿元"].kind == "actual"  # a guard: the order book is a fact (held before)
    assert (q["86.42亿元"].kind, q["86.42亿元"].year) == ("actual", 2025)


NOTICE = (
    "南湖省商务厅关于2025年度全省开发区综合发展水平考核评价结果的通报\n"
    "南商开发〔2026〕21号\n"
    "各设区市商务局：\n"
    "省商务厅对全省96个省级以上开发区2025年度综合发展水平进行了考核评价。\n"
    "根据考核结果，对综合排名前10位的省级开发区，每个给予500万元奖励。\n"
    "2026年，各开发区要力争全省开发区规上工业营业收入增长6%以上。\n"
    "南湖省商务厅\n2026年3月2日\n"
)


def test_a_results_notice_reports_facts_and_grants_rewards(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(NOTICE.encode(), "notice.txt")).quantities)
    assert (q["96个"].kind, q["96个"].year) == ("actual", 2025)
    assert q["500万元"].kind == "target"
    assert (q["6%"].kind, q["6%"].year) == ("target", 2026)


def test_a_spacing_held_to_a_limit_is_a_quantity() -> None:
    q = by_raw(extract("主要物流通道加氢站平均间距控制在150公里以内。"))
    assert q["150公里"].comparator == "le"


def test_a_paragraph_opening_with_qizhong_details_the_year_before() -> None:
    text = (
        "2025年，全市产业集群实现规上工业总产值1.86万亿元，比2022年增加3330亿元。\n"
        "其中，绿色石化、汽车及零部件两大集群产值分别达到5860亿元、5130亿元。\n"
    )
    q = by_raw(extract(text, year=2026, kind="news"))
    assert (q["5860亿元"].year, q["5130亿元"].year) == (2025, 2025)


def test_shares_a_sector_contributes_are_named_by_the_whole() -> None:
    text = "民营经济是我县经济发展的主体力量，贡献了全县60%以上的税收、70%以上的地区生产总值和80%以上的城镇劳动就业。"
    q = by_raw(extract(text))
    assert [q[r].subject for r in ("60%", "70%", "80%")] == [
        "全县税收比重",
        "全县地区生产总值比重",
        "全县城镇劳动就业比重",
    ]
    named = by_raw(extract("全省开发区贡献了全省62.3%的规上工业营业收入。"))["62.3%"]
    assert named.subject == "开发区贡献全省规上工业营业收入比重"


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        ("营业收入超百亿元企业由2022年的19家增至31家。", "19家", "营业收入超百亿元企业"),
        ("海外营销服务网点由2022年末的11个增加到2025年末的26个。", "26个", "海外营销服务网点"),
        ("绿色石化集群产值确保达到7000亿元、冲刺8000亿元。", "8000亿元", "绿色石化集群产值"),
        ("恒拓精密股价报49.02元，当日上涨2.37%。", "2.37%", "恒拓精密股价"),
    ],
)
def test_from_to_counts_and_effort_words_leave_the_indicator(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text))[raw].subject == subject


def test_progress_against_a_goal_and_forecasts_in_news() -> None:
    q = by_raw(
        extract("云途汽车1—10月累计交付31.6万辆，已完成全年35万辆目标的九成以上。", year=2026, kind="news")
    )
    assert (q["35万辆"].kind, q["35万辆"].year) == ("target", 2026)
    assert q["九成"].kind == "actual"
    f = by_raw(extract("他预计，11月新能源乘用车零售约135万辆。", year=2026, kind="news"))
    assert (f["135万辆"].kind, f["135万辆"].year) == ("target", 2026)
    cut = by_raw(extract("当月宣布降价的新能源车型达到31款，平均降价幅度约1.4万元。", year=2026, kind="news"))
    assert cut["1.4万元"].change == "decrease"


def test_prices_per_volume_and_working_days() -> None:
    assert by_raw(extract("工业天然气价格3.2元/立方米。"))["3.2元/立方米"].unit == "元/立方米"
    q = by_raw(extract("政策兑现平均时间压缩至15个工作日以内。"))["15个工作日"]
    assert (q.unit, q.comparator, q.subject) == ("工作日", "le", "政策兑现平均时间")


def test_a_standing_word_after_the_last_figure_does_not_undate_them(pipeline) -> None:
    text = (
        "2025年我国汽车产销量双双突破3400万辆\n"
        "来源：经济日报 2026-01-15\n"
        "本报北京1月14日讯 中国汽车工业协会14日发布数据显示，2025年我国汽车产销分别完成3450.2万辆和3438.6万辆。\n"
        "分车型看，乘用车产销分别完成2990万辆和2978万辆；商用车产销分别完成460.2万辆和460.6万辆，"
        "同比分别增长5.1%和5.4%，结束了此前连续两年的下滑态势。\n"
    )
    q = by_raw(pipeline.analyse(read_bytes(text.encode(), "news.txt")).quantities)
    assert (q["460.2万辆"].year, q["5.1%"].year) == (2025, 2025)


@pytest.mark.parametrize(
    ("text", "raw", "subject"),
    [
        ("1—6月，全省新设大项目43个，比去年同期多9个。", "9个", "新设大项目"),
        (
            "县乡市场新能源车零售同比增长19.7%，增速高出全国平均11.3个百分点。",
            "11.3个百分点",
            "县乡市场新能源车零售增速",
        ),
        (
            "新能源车在国内零售中的渗透率达到61.2%，连续8个月保持在55%以上。",
            "55%",
            "新能源车在国内零售中的渗透率",
        ),
        ("消费品以旧换新带动销售额317.5亿元。", "317.5亿元", "消费品以旧换新带动销售额"),
        ("实施消费品以旧换新行动，直接带动消费超330亿元。", "330亿元", "消费"),
    ],
)
def test_comparisons_durations_and_what_a_policy_drives(text: str, raw: str, subject: str) -> None:
    assert by_raw(extract(text))[raw].subject == subject


def test_a_gap_above_the_national_average_is_no_change() -> None:
    q = by_raw(extract("县乡市场新能源车零售同比增长19.7%，增速高出全国平均11.3个百分点。"))
    assert q["11.3个百分点"].change is None


# --- blind-6 (read after its held-out scoring): an evaluation report, a meeting that reviews a year --
EVALUATION = (
    "关于青岚市国民经济和社会发展第十四个五年规划纲要实施情况的总结评估报告\n"
    "市人民政府：\n"
    "一、总体实施情况\n"
    "全市地区生产总值由2020年的2856亿元增加到2025年的4012亿元，按可比价计算年均增长6.3%，规划目标为年均增长6.5%左右，属基本完成。"
    "人均地区生产总值达到11.2万元，超过规划目标（10.5万元）。数字经济核心产业增加值占地区生产总值比重达到11.4%，高出规划目标1.4个百分点。\n"
)


def test_an_evaluation_of_a_finished_plan_reports_facts_and_cites_its_goals() -> None:
    q = by_raw(extract(EVALUATION, year=2026, kind="policy", period=(2021, 2025),
                       title="关于青岚市国民经济和社会发展第十四个五年规划纲要实施情况的总结评估报告"))  # fmt: skip
    assert (q["6.3%"].kind, q["11.2万元"].kind, q["11.2万元"].year) == ("actual", "actual", 2025)
    assert (q["6.5%"].kind, q["10.5万元"].kind) == ("target", "target")
    assert q["1.4个百分点"].kind == "actual"  # a gap to the goal is a fact


MEETING = (
    "全省国资国企工作会议召开\n"
    "来源：东川日报 2026-01-29\n"
    "本报讯 1月28日，2026年全省国资国企工作会议在省城召开。会议总结2025年工作，部署2026年重点任务。\n"
    "布局结构调整取得新进展。省属企业全年完成固定资产投资1086亿元，其中战略性新兴产业投资412亿元。\n"
)


def test_a_meeting_that_reviews_a_year_dates_the_storys_figures(pipeline) -> None:
    q = by_raw(pipeline.analyse(read_bytes(MEETING.encode(), "news.txt")).quantities)
    assert (q["1086亿元"].kind, q["1086亿元"].year) == ("actual", 2025)


def test_ahead_of_schedule_is_a_fact() -> None:
    text = "1—9月，省重大项目累计完成投资3912亿元，完成年度计划的84.1%，超序时进度9.1个百分点。"
    q = by_raw(extract(text, year=2026, kind="news"))
    assert (q["84.1%"].kind, q["9.1个百分点"].kind) == ("actual", "actual")


def test_an_evaluations_proposals_are_goals_of_the_next_plan() -> None:
    text = EVALUATION + "三、对“十五五”规划编制的建议\n建议“十五五”时期全市地区生产总值年均增长5.5%左右。\n"
    q = by_raw(extract(text, year=2026, kind="policy", period=(2021, 2025),
                       title="关于青岚市国民经济和社会发展第十四个五年规划纲要实施情况的总结评估报告"))  # fmt: skip
    assert (q["5.5%"].kind, q["5.5%"].year) == ("target", 2030)


def test_progress_against_a_goal_lends_the_next_clause_no_goal() -> None:
    text = (
        "就业形势总体稳定，城镇新增就业41.2万人，完成全年65万人目标任务的63.4%；"
        "6月末，全省城镇调查失业率为5.1%，比5月末下降0.1个百分点。"
    )
    q = by_raw(extract(text, year=2026, kind="news"))
    assert (q["5.1%"].kind, q["0.1个百分点"].kind) == ("actual", "actual")
    assert q["65万人"].kind == "target"
