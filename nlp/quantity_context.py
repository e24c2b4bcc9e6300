"""Target or actual, which year, and whether a number is the size of a change.

Three layers decide kind and year, nearest first: the words of the clause
and sentence (到2027年, 力争, 已, 去年), the paragraph or section the sentence
sits in (a work report's 工作回顾 vs 今年 sections, 过去一年), and the
document (a plan's period end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp.number_roles import plan_period_end
from nlp.numerals import NumeralError, parse_chinese_number

_YEAR = r"((?:19|20)\d\d|二〇[一二三四五六七八九〇]{2})"
_DUE_YEAR = re.compile(
    rf"(?:到|至|于|在|截止|截至|力争|争取|确保|预计|目标|展望)?{_YEAR}年(?:底|末)?(?:前|以前|左右)?"
)
_LEAD_DUE = re.compile(rf"(?<![排延])(?:到|至){_YEAR}年(?:底|末)?(?:前)?[，,：:]")
# 是去年同期的2.3倍, 是去年全年的两倍多: a base
_THIS_OR_LAST = re.compile(
    r"(?<![比较同与])(?:今年|去年|明年)(?!同期|全年的)|(?<![\d一二三四五六七八九十两])年内"
)
# news: figures compared with the same period a year before are of the reporting year
_SAME_PERIOD = re.compile(r"同比|同期|环比")
# a part of the current year named without the year (news: 1-10月, 前三季度, 截至9月底)
_IN_YEAR = re.compile(
    r"(?<![年\d])\d{1,2}月|前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个月|[一二三四]季度|上半年|下半年|年初以来"
)
# 今年发展主要预期目标是：… / 主要预期目标为：… (not 把年度主要预期目标作为…)
_TARGETS_STATED = re.compile(r"[^，。；]{0,16}?主要预期目标(?:建议)?(?:是|为|：|:)")
# a part of a named year: 2026年10月, 2026年1—9月, 2026年上半年, 2026年一季度
# a holiday's figures (2026年中秋、国庆假期, 春节黄金周) are a period of the year, like a month
_HOLIDAY = r"(?:(?:春节|元旦|清明|五一|劳动节|端午|中秋|国庆)节?[、和与]?){1,2}(?:小长假|长假|假期|黄金周)"
_YEAR_PART = re.compile(
    rf"(?:19|20)\d\d年(?:\d{{1,2}}(?:[—\-–~至]\d{{1,2}})?月|[一二三四]季度|前三季度|[上下]半年|{_HOLIDAY})"
)
# the goal an evaluation cites, right before its value (not a gap to it: 高出规划目标1.4个百分点)
_GOAL_BEFORE = re.compile(
    r"(?:目标值?|规划总?投资)(?:为|是)?(?:年均)?(?:增长|达到|下降|提高到|控制在)?[（(]?约?$"
)
_GAP_TO_GOAL = re.compile(r"(?:高出|超出|超过|高于|低于|距|比)(?:规划|年度)?目标$")
# how a story quotes a report or a meeting before its part (报告指出，… / 会议提出，… / 报告部署了…)
_REPORTED = re.compile(
    r"^\s*(?:报告|会议|讲话)(?:还|也)?(?:指出|提出|明确|强调|显示|要求|回顾了|部署了|总结了)[，,：:]?\s*"
)
_FROM_TO = re.compile(r"(?<!不)[到至]|[为成](?![了])")  # 从2020年的不到5万辆: 不到 is a comparator
_BASELINE = re.compile(r"(?:较|比|与|同|相比|相较|对比)$")
_RELATIVE = re.compile(
    r"([一二两三四五六七八九十\d]{1,3})年(?:后|内|之内|以后|时间)|(?:未来|今后)([一二两三四五六七八九十\d]{1,3})年"
)
_PLAN = re.compile(r"十[一二三四五六七八九]五|第十[一二三四五六七八九]个五年")
# 将 as 把 (将6颗卫星送入预定轨道, 将大模型接入平台) reports an act, not a future
_FUTURE_JIANG = (
    r"将(?!近|[\d一二两三四五六七八九十百千万]+(?:颗|个|家|台|项|条|座|架|艘|批|名|款|套)"
    r"|[^，,；;。]{1,12}?(?:送入|送上|接入|纳入|列入|列为|作为|视为|认定为|转化为|转变为|整合为|合并为|融入|嵌入|写入|载入|"
    r"授权给|转让给|出售给|交给)"
    r"|[^，,；;。]{1,14}?(?<![为除])了)"  # 将导入周期缩短了35%: a done act
)
# 争取 strives (争取实现…), but 共争取中央预算内投资…资金48.7亿元 reports money secured
_STRIVE = r"(?<![共累计已])争取(?!到|中央|上级|国家|省级|省里|各类|各级|专项|资金|政策性|超长期)"
_TARGET_CUE = re.compile(
    rf"力争|确保|目标|预期|计划|规划|{_FUTURE_JIANG}|"
    rf"要|拟(?!认定|入选|推荐|命名|授予|列入)|{_STRIVE}|预计|努力|期末|以后|届时|达到.{{0,6}}以上|推动|力求|打造|培育|建成|新建|建设|实现|"
    r"达产后|投产后"
)
_STRONG_TARGET = re.compile(
    rf"力争|确保|目标|预期|计划(?!总投资)|拟(?!认定|入选|推荐|命名|授予|列入)|{_STRIVE}|预计|努力|届时|(?<!报告)期末|{_FUTURE_JIANG}|有望|"
    # a task set in a meeting or speech: 要加快…，年内新建公共充电桩2000个 (not 要求, 要素, 主要)
    r"(?:^|[，,；;：:])\s*(?:今年|全年|明年)?(?:还|更|就|都)?要(?![求素闻点件害])|"
    r"(?:建成|达产|投产|投运|满产|达效|完工|竣工|落地|运营)(?:后|以后)|"
    r"(?:方案|规划|意见|措施|行动|政策)(?:还|同时|进一步)?(?:提出|明确|要求)|"  # news: 方案同时提出，全市…
    r"据测算[^。]*?(?:可|将|有望)"  # 据测算，相关政策可带动社会资本投入超过5000亿元: a projection
)
_ACTUAL_CUE = re.compile(
    r"已|超(?:过)?序时进度|截至|截止|(?<![比较同与])去年|上年末|过去|实现了|累计.{0,8}达|以来|达到了|完成了|增长了|下降了|共有|(?<![人户口])拥有(?![量率])|位列|成为|"
    r"首次(?![^，,；;。]{0,16}的)|"  # not 对首次入选的给予…: a condition of an award
    r"(?:我国|全国|全省|全市|全区|我省|我市|我区)现?有(?!望|序|效|力)|"  # 我国有2.9亿在校学生: a stock
    # a part of the year already reported (跨境电商进出口前10个月达到2.38万亿元)
    r"(?<![到至])前(?:[一二三四五六七八九十]|1[0-1]|[1-9])个月|(?<![到至])\d{1,2}[—\-–~至]\d{1,2}月份?"
)
# the background a plan or an explainer gives before its measures (近年来，…2023年…突破7000亿元),
# and the weaknesses it admits (但也要看到，…仍存在…：仅占全省的不到8%)
_BACKGROUND = re.compile(
    r"近年来|据统计|据测算(?![^。]*?(?:可|将|有望|预计|带动))|也要(?:清醒)?看到|(?:还|仍)(?:然)?存在|"
    r"^(?:答[：:])?\s*(?:目前|当前|现阶段)[，,]?"  # 目前，我国电动机保有量约32亿千瓦: how things stand
)  # (据测算，…可带动社会资本投入超过5000亿元 is a projection)
_PAST_YEAR_LEAD = re.compile(r"^(?:\s*[（(]?[一二三四五六七八九十]+[、）)])?\s*过去一年|^去年")
_PAST_SPAN_LEAD = re.compile(
    r"^(?:\s*[（(]?[一二三四五六七八九十]+[、）)])?\s*(?:过去[二两三四五六七八九十]年|过去[五十]年|.{0,4}以来)"
)
_THIS_YEAR_LEAD = re.compile(r"今年(?!以来|上半年|前)|明年|主要预期目标|预期目标")
_SUB_HEADING = re.compile(r"\s*(?:[（(—\d①-⑳]|第)")
_SEVERAL_YEARS = re.compile(r"[二两三四五六七八九十]年|以来")
_REVIEW_HEADING = re.compile(r"回顾|过去")
# any document: a part that reviews (一、发展基础, 一、2024年主要工作回顾) or one that plans with
# its year (二、2025年工作安排, （一）2025年发展目标)
_BASIS_HEADING = re.compile(
    r"发展基础|现实基础|工作基础|基础条件|发展现状|产业现状|现状[与和及]|成效|取得的成绩|回顾|总结|"
    r"存在的(?:主要)?问题|问题[与和及]不足|困难[与和及]问题|短板[与和及]不足|"
    r"面临的?形势|发展形势|形势[与和]|发展环境|机遇[与和]挑战"
)
_FORWARD_HEADING = re.compile(r"建议|下一步|展望|思路|打算|十[五六七]五")
_AHEAD_HEADING = re.compile(r"目标|任务|安排|计划|打算|思路|要求|举措|措施|部署|重点工作|路径|保障|展望")
# 五、优化产业发展环境 is a task, not a review of the 发展环境
_TASK_HEADING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．])?\s*"
    r"(?:优化|营造|改善|打造|推动|推进|加快|强化|提升|完善|构建|建设|深化|做强|壮大|培育|实施)"
)
_TOP_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章部篇节])")
# “十四五”期间 / “十四五”以来 in a later plan: a span already over
_PLAN_SPAN_AFTER = re.compile(r"[”\"]?(?:规划)?(?:期间|以来|时期)")
_PLAN_HEADING = re.compile(r"今年|明年|下半年|四季度|总体要求|目标|任务|建议|政策取向|重点工作|部署|工作安排")

_INCREASE = re.compile(
    r"(?:增长|增加|提高|提升|上升|上涨|增产|扩大|涨幅|增幅|增速|增长率|上调|增收|拉动|翻|(?:同比|环比)增|回升|多增|"
    r"(?:增速|速度)[^，,；;。]{0,8}加快)$"
)
_DECREASE = re.compile(
    r"(?:下降|降低|减少|降幅|下调|下跌|下滑|压减|压降|精简|缩小|减排|缩减|压缩|回落|少增|削减|减|缩短|节约|节省|节能|减重|降价幅度|(?<![升下])降)$"
)
# a count of people changed by a verb that names them first: 减少农村贫困人口1000万
_VERB_NOUN = re.compile(r"(增加|减少)[^，,；;。、\d到至]{0,6}(?:人口|人数|群众|人员)$")
# a reduction named before what it reduces: 每年减少二氧化碳排放约50万吨, 节约标准煤6万吨
_CUT_NOUN = re.compile(
    r"(?:减少|节约|节省|削减|压减|缩短|压缩)[^，,；;。、\d到至比较]{1,8}?(?:约|近|超过|逾)?$"
)
_CUT_SHARE = re.compile(r"降低[^，,；;。、\d到至比较]{1,8}?(?:约|近|超过|逾)?$")  # 降低企业用能成本10%
_SPREAD = re.compile(r"(?:增长|下降|亏损)面(?:达到?|为|是)?$")
_PACE = re.compile(r"(?:加快|提速|扩大|放缓|回落|收窄|减缓)$")
_THAN = re.compile(r"(?:比|较)[^，,；;。比较]{0,8}([高低多少])(?:出|了)?$")  # 比去年预算低, 比去年同期高出
# a percentage-point gap: to another indicator or place (no change), or to an earlier time (a change)
_ABOVE_OTHER = re.compile(
    r"(?:(?<!不)(?:高于|低于)|高出|低出|快于|慢于|(?<!占)比(?![重率例值])|较)([^，,；;。比较]{1,16}?)(?:[高低快慢])?$"
)  # not 比重/比率/占比: 煤炭消费比重下降8.1个百分点 is a change
_TIME_BASE = re.compile(
    r"上年|去年|前年|同期|上[月届期]|上季度|年初|年末|上半年|[一二三四]?季度|[\d一二三四五六七八九十]+月|(?:19|20)\d\d年|此前|以前|原来|过去|"
    r"改造前|预算|计划|[\d一二三四五六七八九十两]*年前|初期|末期|今年|明年|“?十[一二三四五六七八九]五”?末"
)
_PEER_BASE = re.compile(r"全国|全省|全市|全区|全县|平均|同行|同类")
_LEVEL = re.compile(r"(?:到|至|为|达到|达|在|成|是|占|有)$")
_STRIP = re.compile(
    r"(?:超过|突破|超出|超|逾|不少于|不低于|至少|不超过|不到|低于|约|近|将近|接近|大约|分别|年均|平均|实际|同比|均|累计|了|已|再|共|比上年|以上|左右)$"
)
_RATE_AFTER = re.compile(r"(?:以上|左右|以内|上下)?(?:的)?(增长|增速|增幅|涨幅|下降|降幅)(?![率到至为])")
_RATE_NOUN_END = re.compile(r"(?:涨幅|增幅|增速|增长率|增长速度|降幅|下降率)$")
_GROWTH_GOAL = re.compile(r"增长(?:预期)?目标$")
_HOLD = re.compile(r"(?:控制|保持|稳定|调控)$")
_NOUN_RATE = re.compile(r"(?:增长|增速|涨幅|增幅)[^的]*$")  # not 对经济增长的贡献率
_NOUN_FALL = re.compile(r"(?:降幅|下降率)[^的]*$")


@dataclass
class Section:
    """What the surrounding text says about numbers: kind and year by default."""

    kind: str | None = None
    year: int | None = None
    # set by a heading that opens a review part (一、发展基础); the next top heading ends it
    review: bool = False
    # a notice of results (…考核评价结果的通报): its figures are facts, the rewards it grants are goals
    decision: bool = False
    # an evaluation of a finished plan (…规划纲要实施情况的总结评估报告): facts, and the plan's goals it cites
    evaluation: bool = False
    # a past year's bulletin or audit report (…统计公报, …审计工作报告): facts, and the goals it sets ahead
    bulletin: bool = False


def relative_year(sentence: str, base: int | None) -> int | None:
    """四年后 / 三年内 / 未来五年 against the document's year."""
    if base is None:
        return None
    m = _RELATIVE.search(sentence)
    if not m:
        return None
    try:
        years = int(parse_chinese_number(m.group(1) or m.group(2)))
    except NumeralError:
        return None
    # 四年后 counts from the document's year; 未来五年 / 三年内 include it
    return base + years if m.group().endswith(("后", "以后")) else base + years - 1


def _year_value(raw: str) -> int:
    return int(parse_chinese_number(raw))


def _closed_aside(left: str, pos: int) -> bool:
    """Inside a parenthesis that closes before the number: （2024年增长5.4%）, 一般公共预算收入…"""
    opened = max(left.rfind("（", 0, pos), left.rfind("(", 0, pos))
    closed = max(left.rfind("）", 0, pos), left.rfind(")", 0, pos))
    return opened > closed and ("）" in left[pos:] or ")" in left[pos:])


# a year that defines what is counted: 2000年底前建成的老旧小区, 2020年以前出生的
_BUILT_BEFORE = re.compile(r"[^，,；;。]{0,6}?(?:建成|建设|建造|竣工|出生|登记|注册|投运|投用|成立)的")


def explicit_year(left: str) -> tuple[int | None, bool]:
    """The last year named before the number, and whether it is a due date (到2027年).

    A baseline year (较2020年, 比2020年) or a span's start (2013年以来) is not the year a
    number describes.
    """
    last = None
    for m in _DUE_YEAR.finditer(left):
        if left.startswith("以来", m.end()):
            continue  # 2013年以来: where a span starts, not the year a number describes
        if left[: m.start(1)].endswith(("排到", "排至", "延到", "延至")):
            continue  # 手持订单已排到2027年: how far an order book reaches, not a due date
        before, after = left[: m.start(1)], left[m.end() :]
        if before.endswith(("从", "由")) and _FROM_TO.search(after):
            continue  # 从2020年的18%提高到52%: the 52% is not of 2020
        if before.endswith(("是", "为", "相当于", "恢复至", "恢复到")) and after.startswith(("的", "同期的")):
            continue  # 分别是2014年的2.6倍, 恢复至2019年同期的118.6%: the year compared with
        if before.endswith("在") and re.match(r"的?基础上", after):
            continue  # 在2020年基础上翻一番: the base of a multiple
        if _BUILT_BEFORE.match(after):
            continue  # 2000年底前建成的老旧小区: which things, not when
        if not _BASELINE.search(left, max(0, m.start() - 3), m.start()) and not _closed_aside(
            left, m.start()
        ):
            last = m
    if last is None:
        return None, False
    due = last.group().startswith(
        ("到", "至", "力争", "争取", "确保", "预计", "目标", "展望")
    ) or last.group().endswith("前")
    if due and left.startswith("的", last.end()) and not last.group().endswith("前"):
        due = False  # 由2020年的3753亿元增加到2025年的5600亿元: the level of that year, not a deadline
    return _year_value(last.group(1)), due


def update_section(
    section: Section, text: str, heading: bool, doc_year: int | None, report: bool, year_end: bool = False
) -> Section:
    """Section state after reading a heading or a paragraph lead (过去一年…, 今年…).

    `year_end`: news of a meeting that sums up the document's own year (市委经济工作会议 in
    December), whose 今年 is the year reviewed and whose 明年 is the year planned."""
    if heading:
        year, due = explicit_year(text)
        if due and year is not None:  # （一）到2027年主要目标 governs what follows
            return Section("target", year)
        if not report or doc_year is None:
            return _part_heading(section, text, year, doc_year)
    if not report or doc_year is None:
        return section
    if not heading:
        # news of a work report: 报告指出，过去一年… / 报告提出，…今年…主要预期目标是: the report's part
        text = _REPORTED.sub("", text, count=1)
        if year_end and text.startswith(("今年", "一年来", "过去一年", f"{doc_year}年")):
            return Section("actual", doc_year)
        if year_end and (_NEXT_YEAR_LEAD.match(text) or text.startswith(f"{doc_year + 1}年")):
            return Section("target", doc_year + 1)
    if heading:
        year, _ = explicit_year(text)
        top = not _SUB_HEADING.match(text)  # （一）锚定目标攻坚 inside a review does not start a plan
        if year is not None and year < doc_year or top and _REVIEW_HEADING.search(text):
            if year is None and not _SEVERAL_YEARS.search(text):
                year = doc_year - 1  # 一、过去一年工作回顾 / 一、工作回顾
            return Section("actual", year if year is not None and year < doc_year else None)
        plans = _PLAN.findall(text)
        end = plan_period_end(plans[-1]) if plans and top else None
        if end is not None and end > doc_year:  # 二、“十四五”时期主要目标任务
            return Section("target", end)
        if year == doc_year or top and _PLAN_HEADING.search(text) or _THIS_YEAR_LEAD.search(text):
            return Section("target", doc_year)
        return section
    if _PAST_YEAR_LEAD.search(text) or text.startswith(
        (f"{doc_year - 1}年", "一年来", f"刚刚过去的{doc_year - 1}年", "刚刚过去的一年", "过去的一年")
    ):
        return Section("actual", doc_year - 1)
    if text.startswith(("今年以来", "年初以来", "今年上半年", "今年前三季度")):
        return Section("actual", doc_year, decision=section.decision)  # a mid-year report's own year so far
    if _PAST_SPAN_LEAD.search(text):
        return Section("actual", None)
    if text.startswith(("今年", "明年")) or _TARGETS_STATED.match(text) or _TARGETS_STATED.search(text[:60]):
        return Section("target", doc_year + (1 if text.startswith("明年") else 0))
    return section


def _part_heading(section: Section, text: str, year: int | None, doc_year: int | None) -> Section:
    """A heading outside work reports: a review part is actual, a planning part with its
    year is that year's target, and the next top heading after a review ends it."""
    ahead = _AHEAD_HEADING.search(text) or _TASK_HEADING.match(text)
    if section.evaluation and _FORWARD_HEADING.search(text):
        # 三、对“十五五”规划编制的建议 after an evaluation: proposals, due at the next plan's end
        plans = _PLAN.findall(text)
        return Section("target", plan_period_end(plans[-1]) if plans else year)
    if _BASIS_HEADING.search(text) and not ahead:
        if year is None and section.kind == "actual":
            return section  # （四）招商引资成效明显 inside 一、2024年主要工作回顾 keeps its year
        return Section(
            "actual", year if year is not None and (doc_year is None or year <= doc_year) else None, True
        )
    if ahead and year is not None and (doc_year is None or year >= doc_year):
        return Section("target", year)
    if section.review and _TOP_HEADING.match(text):
        return Section()
    return section


def _named_year(
    left: str, doc_year: int | None, news: bool = False, period_year: int | None = None
) -> int | None:
    """今年 / 去年 / 明年 named in a sentence, against the document's year; in news,
    a month or quarter with no year (1-10月, 前三季度) or a 同比 is the year the paragraph
    reports (`period_year`: 2025年，…；实际使用外资8.6亿美元，同比增长12.3%), else the document's."""
    if doc_year is None:
        return None
    named = _THIS_OR_LAST.findall(left)
    if named:  # the nearest one: 去年增长6%，今年…
        return doc_year + {"去年": -1, "明年": 1}.get(named[-1], 0)
    if news and (_IN_YEAR.search(left) or _SAME_PERIOD.search(left)):
        return period_year or doc_year
    return None


def facts_year(lead: str, doc_year: int | None, reported: int | None = None) -> int | None:
    """The year a news paragraph's facts describe, named by its first sentence (2025年1—10月，
    全市进出口…, 今年前10个月, 1—10月): its later facts that name no year of their own (其中，
    出口…) describe it too. Not a due year (到2027年). Plans and reports leave such facts
    undated, as the gold does (a five-year review's stock has no single year).
    `reported`: the year the story reports (a past year's bulletin or annual report), which a
    bare 同比 or 全年 means rather than the year of publication."""
    year, due = explicit_year(lead)
    if year is not None:
        return year if not due and (doc_year is None or year <= doc_year) else None
    return _named_year(lead, doc_year, news=True, period_year=reported)


# 2025年，全市… / 2025年底，…: a year opening a sentence (not 2025年以来, 2025年前)
_OPENING_YEAR = re.compile(rf"^\s*(?:截至|截止)?{_YEAR}年([^，,。；;：:]{{0,8}})[，,]")
_NOT_OPENING = re.compile(r"以来|前|起|[到至]")
# the part of the year a statistics release covers (not a date: 4月18日, nor an event's 二季度 alone)
_RELEASE_PERIOD = re.compile(
    r"今年以来|年初以来|前[一二三四五六七八九十\d]{1,2}个?月|\d{1,2}[—\-–~至]\d{1,2}月|[一二三四]季度|前三季度|[上下]半年|"
    r"截至(?:(?:19|20)\d\d年)?\d{1,2}月(?:底|末)|" + _HOLIDAY  # 截至2026年6月底，全省发电装机容量…
)
# a past year's report released: a bulletin, a year's economic figures, a listed firm's annual report
_ANNUAL_RELEASE = re.compile(
    r"(?:发布|公布|披露|出炉)(?:[《“][^》”，。\d]{0,16}?)?((?:19|20)\d\d)年"
    r"(?:年度报告|年报|业绩快报|度[^》”，。]{0,16}?报告|[^》”，。]{0,16}?(?:统计公报|公报|经济运行|统计数据|生产数据|运行报告|运行情况))"
)
# a listed firm's interim report (披露2026年半年度报告): its figures are of that year
_INTERIM_RELEASE = re.compile(
    r"(?:发布|公布|披露)[^，。]{0,12}?((?:19|20)\d\d)年(?:半年度报告|半年报|第?[一三]季度报告|[一三]季报)"
)
# a meeting that reviews a past year (会议总结2025年工作，部署2026年重点任务)
# (or 召开2026年度工作总结暨2027年工作部署会)
_YEAR_SUMMED = re.compile(r"总结((?:19|20)\d\d)年度?(?:工作|经济|发展)|((?:19|20)\d\d)年度?工作总结")
_NEXT_YEAR_LEAD = re.compile(r"(?:做好|谋划|部署|抓好|推进)?明年")
_PART_OF_YEAR = re.compile(r"半年|季度|月")


def _reported_year(m: re.Match[str]) -> int:
    """The year a release or a summing-up names (either alternative's group)."""
    return int(next(g for g in m.groups() if g))


def sums_up_its_year(lead: str, doc_year: int | None) -> bool:
    """会议…总结2026年经济工作，部署2027年经济工作, published in 2026: a year-end meeting; or
    发布2026年全省粮食生产数据 in December: the year's own figures released before it ends."""
    if doc_year is None:
        return False
    summed = any(_reported_year(m) == doc_year for m in _YEAR_SUMMED.finditer(lead))
    return summed or any(
        int(m.group(1)) == doc_year and not _PART_OF_YEAR.search(m.group())
        for m in _ANNUAL_RELEASE.finditer(lead)
    )  # (not 发布2026年上半年全省经济运行数据: a part of the year, whose rest is still ahead)


_STATISTICS = re.compile(
    r"[全我][国省市区县]|统计局|调查队|经济运行|运行数据|海关"
)  # a region's figures, not a firm's
# a news figure that stands as it is now, or for years, belongs to no reporting period
_STANDING = re.compile(r"目前|当前|现有|近年来|多年来|以来|过去|此前|历年")


def opening_year(sentence: str, doc_year: int | None) -> int | None:
    """2025年，全市数字经济规模达到…: a past year opening a sentence. The later sentences of its
    paragraph that name no year of their own (数字经济核心产业增加值突破1100亿元) describe it too."""
    m = _OPENING_YEAR.match(sentence)
    if not m or _NOT_OPENING.search(m.group(2)):
        return None
    year = _year_value(m.group(1))
    return year if doc_year is None or year <= doc_year else None


_YEAR_REVIEWED = re.compile(
    r"(?:^|[\s：:丨|]|^[^\s，。：:]{2,8}?)((?:19|20)\d\d)年(?:全年|度)?[^，。\s]{0,12}?"
    r"(?:产销|产量|销量|进出口|出口|经济|工业|投资|消费|增加值|生产总值|营业收入|营收|净利润|利润|业绩)"
)


def year_in_review(title: str, doc_year: int | None) -> int | None:
    """A news headline about a past year's figures (2025年我国汽车产销量双双突破3400万辆, published
    in 2026): the story's figures that name no period are that year's."""
    m = _YEAR_REVIEWED.search(title)
    if m is None or doc_year is None:
        return None
    year = int(m.group(1))
    return year if year < doc_year else None


def semicolon_year(sentence: str, doc_year: int | None, inherited: int | None) -> int | None:
    """The year a sentence ending in ； hands to the next: its clauses are one sentence to the
    reader (2025年全国…装机突破22亿千瓦；风电光伏发电量达到2.6万亿千瓦时，…). A run of ；
    keeps the year until a sentence ends with 。."""
    if not sentence.rstrip().endswith(("；", ";")):
        return None
    year, due = explicit_year(sentence)
    if year is None or due or (doc_year is not None and year > doc_year):
        return inherited
    return year


def story_year(lead: str, doc_year: int | None) -> int | None:
    """A news lead paragraph that reports a part of the year (今年上半年，…同比增长7.8%; 市统计局
    发布1—10月全市经济运行数据) opens a statistics release: its later figures that name no period
    (分门类看，采矿业…; 从主要产品看，…) describe that period too, as readers take them."""
    annual = _ANNUAL_RELEASE.search(lead) or _YEAR_SUMMED.search(lead)
    if annual is not None and doc_year is not None and _reported_year(annual) <= doc_year:
        return _reported_year(annual)  # 发布《2025年…统计公报》, 总结2026年经济工作: the year it reports
    interim = _INTERIM_RELEASE.search(lead)
    if interim is not None and (doc_year is None or int(interim.group(1)) <= doc_year):
        return int(interim.group(1))
    period = _RELEASE_PERIOD.search(lead)
    if period is None or not _STATISTICS.search(lead):
        return None
    year = facts_year(lead[: period.end()], doc_year)  # the year of that period, not of a later aside
    return year if year is None or doc_year is None or year <= doc_year else None


def background(sentence: str) -> bool:
    """近年来，我国…: the sentence opens the background a policy gives before its goals."""
    return bool(_BACKGROUND.search(sentence)) and not _STRONG_TARGET.search(sentence)


def standing(sentence: str) -> bool:
    """目前/现有/近年来 …: a figure that is no reporting period's."""
    return bool(_STANDING.search(sentence))


def paragraph_lead_year(sentence: str) -> int | None:
    """到2020年，…: a due year opening a paragraph governs its later sentences."""
    m = _LEAD_DUE.search(sentence)
    return _year_value(m.group(1)) if m else None


_ACCUMULATED = re.compile(r"累计.{0,8}达")


def _goal_context(section: Section, news: bool, period_end: int | None) -> bool:
    """Numbers here are goals unless the clause says otherwise: a target section, or a plan's body."""
    return section.kind == "target" or (section.kind is None and not news and period_end is not None)


def kind_and_year(
    sentence_left: str,
    clause_left: str,
    section: Section,
    doc_year: int | None,
    period_end: int | None,
    news: bool,
    lead_year: int | None = None,
    fact_year: int | None = None,
) -> tuple[str, int | None]:
    """Kind and year of a number, given the text of its sentence before it. `fact_year` is the
    year the paragraph's facts describe (2025年，全市…), when it names one."""
    year, due = explicit_year(sentence_left)
    rel = relative_year(sentence_left, doc_year)
    plan = _PLAN.search(sentence_left)
    if due and year is not None:
        return ("target" if doc_year is None or year >= doc_year else "actual"), year
    if rel is not None and rel > (doc_year or 0):
        return "target", rel
    if year is not None and doc_year is not None and year > doc_year and not _ACTUAL_CUE.search(clause_left):
        return "target", year  # 2027年高新区营业收入力争达到…, written in 2026: no fact yet
    if plan and doc_year is not None and _PLAN_SPAN_AFTER.match(sentence_left, plan.end()):
        end = plan_period_end(plan.group())
        if end is not None and end < doc_year:  # “十四五”期间，… in a 十五五 plan
            return "actual", year
    if section.evaluation and _GOAL_BEFORE.search(sentence_left) and not _GAP_TO_GOAL.search(sentence_left):
        return "target", section.year  # 规划目标为年均增长6.5%左右, 超过规划目标（10.5万元）: the plan's goal
    if section.decision and _STRONG_TARGET.search(sentence_left):  # a results notice's tasks ahead
        return "target", year if year is not None and year >= (doc_year or 0) else doc_year
    actual_cue = _ACTUAL_CUE.search(clause_left)
    ahead = (
        year is not None
        and doc_year is not None
        and year >= doc_year
        and not _ACTUAL_CUE.search(sentence_left)
    )
    if section.bulletin and (ahead or _STRONG_TARGET.search(clause_left)):
        return "target", year if year is not None else doc_year  # 2026年一般性支出压减比例不低于5%
    if actual_cue and _ACCUMULATED.fullmatch(actual_cue.group()) and _goal_context(section, news, period_end):
        actual_cue = _ACTUAL_CUE.search(clause_left, actual_cue.end())  # 绿色工厂累计达到15家 among goals
    if actual_cue is None and _BACKGROUND.search(sentence_left) and not _STRONG_TARGET.search(sentence_left):
        actual_cue = _BACKGROUND.search(sentence_left)
    if actual_cue and not _STRONG_TARGET.search(clause_left):
        if year is None:  # 今年/去年 in the clause outrank the section's year
            named = _named_year(clause_left, doc_year)
            if named is None and section.kind == "actual":
                named = section.year
            year = named or _named_year(sentence_left, doc_year, news, fact_year)
        return "actual", year
    if year is not None and doc_year is not None and year < doc_year:
        return "actual", year
    past = fact_year is not None and doc_year is not None and fact_year < doc_year
    past = past and _named_year(sentence_left, doc_year) is None  # 今年一季度，… names its own year
    if year is None and past and section.kind != "target" and not _STRONG_TARGET.search(sentence_left):
        # 2025年，…营业收入5.8万亿元；集聚规上工业企业2.1万家 in a plan's explainer
        return "actual", fact_year
    if year is None and lead_year is not None:
        return "target", lead_year
    if year is None and not news and section.kind is None:
        named = _named_year(sentence_left, doc_year)
        if named is not None and doc_year is not None and named >= doc_year:
            return "target", named  # 今年将启动…，计划新认定省级集群3个左右: not the plan's end year
    if (
        year is not None
        and doc_year is not None
        and year >= doc_year
        and not actual_cue
        and section.kind != "actual"
        and not (
            news
            and section.kind is None
            and _YEAR_PART.search(sentence_left)
            and not _STRONG_TARGET.search(sentence_left)
        )
    ):  # (news: 2026年10月，…零售128.6万辆 reports a month of this year; a bare 2026年 may open a goal)
        return "target", year  # 2026年是“十五五”开局之年，…主要预期目标是: the year named, not the plan's end
    if plan and section.kind != "actual":  # a review may name the plan it served
        end = plan_period_end(plan.group())
        if end is not None and (doc_year is None or end >= doc_year):
            return "target", end
    if section.kind is not None:  # 今年/去年 in the sentence outrank the section's year
        # (a bulletin's paragraph opened by 截至2026年6月底，… is of that year, not the bulletin's)
        return section.kind, year if year is not None else _named_year(sentence_left, doc_year) or (
            fact_year if section.bulletin else None
        ) or section.year
    if news and not _STRONG_TARGET.search(sentence_left):
        return "actual", year if year is not None else _named_year(sentence_left, doc_year, news, fact_year)
    if year is None and news:  # 力争明年…, “今年我们的目标是…”, 全年…预计在7.5%左右
        # …11月新能源乘用车零售约135万辆: a month or quarter of this year, as in the facts
        year = _named_year(sentence_left, doc_year, news=True) or (
            doc_year if "全年" in sentence_left else None
        )
    return "target", year if year is not None else period_end  # a policy text states goals


_FROM = re.compile(r"[从由][^，,；;。从由\d]{0,10}$")
_TO_AFTER = re.compile(
    r"(?:左右|以上|以下)?(?:的)?(?:提高|增加|增长|上升|提升|扩大|下降|降低|减少|缩小|缩短|压缩|压减|降|增)?(?:到|至)"
    r"|(?:左右|以上|以下)?(?:的)?(?:提高|增加|增长|上升|提升|扩大|下降|降低|减少|缩小)为"  # 由15467人上升为19662人
)


def baseline_year(clause_left: str, right: str) -> tuple[bool, int | None]:
    """城镇化率从60.2%提高到65%: the 从/由 end of a change is a baseline, an actual.

    Returns whether it is one and the year it describes when the clause names it.
    """
    if not (_FROM.search(clause_left) and _TO_AFTER.match(right)):
        return False, None
    year, _ = explicit_year(clause_left)
    return True, year


# 高于同期地区生产总值增速: another indicator of the same time, not an earlier time
_SAME_TIME_OTHER = re.compile(r"同期[^，,；;。]{2,}?(?:增速|增幅|水平)")


def _earlier_time(base: str) -> bool:
    """比去年同期, 比“十四五”末, 比今年: a time the indicator is compared with."""
    return bool(_TIME_BASE.search(base)) and not _SAME_TIME_OTHER.match(base)


def change_of(left: str, unit: str | None, right: str = "") -> str | None:
    """increase/decrease when the number is the size of a change, else None (a level).

    `right` is the text after the number: 保持40%以上增长, 5%左右的增速.
    """
    after = _RATE_AFTER.match(right) if unit in ("%", "百分点", "倍") else None
    if after:
        return "decrease" if after.group(1) in ("下降", "降幅", "的降幅") else "increase"
    rest = left.rstrip()
    for _ in range(4):  # peel 超过, 分别, 年均 … between the verb and the number
        m = _STRIP.search(rest)
        if not m or not m.group():
            break
        rest = rest[: m.start()]
    if _SPREAD.search(rest):
        return None  # 增长面达74.3%: the share of branches that grew, a level
    other = _ABOVE_OTHER.search(rest) if unit == "百分点" else None
    if other and not _earlier_time(other.group(1)):
        return None  # 高于全市地区生产总值增速1.6个百分点, 比海洋生产总值高: a gap to another indicator
    if rest.endswith(("新增", "改造提升", "提质升级", "改造升级")):
        return None  # 新增50家; 高标准农田改造提升43万亩 counts what is upgraded
    if _INCREASE.search(rest):
        return "increase"
    if _DECREASE.search(rest):
        return "decrease"
    if (verb_noun := _VERB_NOUN.search(rest)) is not None:  # 再减少农村贫困人口1000万以上
        return "increase" if verb_noun.group(1) == "增加" else "decrease"
    if _CUT_NOUN.search(rest) or unit == "%" and _CUT_SHARE.search(rest):
        return "decrease"  # (降低…负担1.2万亿元 is relief given, a level, as the gold reads it)
    than = _THAN.search(rest)
    if than and _PEER_BASE.search(than.group()):
        return None  # 比全省高1.6个百分点: a gap to another place, not a change over time
    if than and (
        unit in ("%", "百分点", "倍") or than.group(1) in "多少"
    ):  # 比去年预算低0.4个百分点, 比上年多11个
        return "increase" if than.group(1) in "高多" else "decrease"
    if unit == "百分点" and (pace := _PACE.search(rest)):  # 比上半年加快0.2个百分点: a growth rate's change
        return "increase" if pace.group() in ("加快", "提速", "扩大") else "decrease"
    if unit == "%" and _GROWTH_GOAL.search(rest):
        return "increase"  # 经济增长预期目标6.5%－7%
    level = _LEVEL.search(rest)
    if level and unit == "%":
        before = rest[: level.start()]
        rate = _RATE_NOUN_END.search(_HOLD.sub("", before))  # 涨幅控制在2%左右: the size of a rise
        if rate is None and _HOLD.search(before) and _HOLD.sub("", before).endswith("增长"):
            return "increase"  # 年均增长保持在6.5%以上
        if rate:
            return "decrease" if rate.group() in ("降幅", "下降率") else "increase"
        if _INCREASE.search(before) or _DECREASE.search(before) or before.endswith(("控制", "保持", "稳定")):
            return None
        if _NOUN_RATE.search(before[-12:]):
            return "increase"
        if _NOUN_FALL.search(before[-12:]):
            return "decrease"
    return None


# news of a firm's or a region's planned project: 公司公告拟在…投资建设…项目 (not one signed, begun or done)
_PLANNED = re.compile(r"拟(?:在[^，。；]{0,24})?(?:投资|新建|扩建|建设|投建)")
_DONE_PROJECT = re.compile(r"已|开工|投产了|建成了|竣工|签约仪式|集中签约")
# the year it completes: 二期计划2029年全面达产, 预计2027年6月建成投产
_COMPLETES = re.compile(
    rf"{_YEAR}年(?:\d{{1,2}}月)?(?:底|末|前)?(?:全面|全部|正式|建成)?(?:建成|投产|达产|竣工|完工|投运)"
)
# a figure reported as it is (目前…已超过95%, 截至2026年2月末, 较上年同期): no part of the plan
_PROJECT_FACT = re.compile(r"已|截至|截止|目前|现有|去年|上年|同比|较上年|累计")


@dataclass(frozen=True)
class PlannedProject:
    """A news paragraph announces a project to be built; `due` is the year it completes, if named."""

    due: int | None


def planned_project(paragraph: str, doc_year: int | None) -> PlannedProject | None:
    """The planned project a news paragraph announces, else None."""
    if not _PLANNED.search(paragraph) or _DONE_PROJECT.search(paragraph):
        return None
    return PlannedProject(_last_completion(paragraph, doc_year))


def _last_completion(paragraph: str, doc_year: int | None) -> int | None:
    """The last year a paragraph says its project completes, not before the document's year."""
    years = [_year_value(m.group(1)) for m in _COMPLETES.finditer(paragraph)]
    due = [y for y in years if doc_year is None or y >= doc_year]
    return max(due) if due else None


# 三期全部达产后，基地将形成年产60万辆整车…: what a project gives once complete
_ONCE_COMPLETE = re.compile(r"(?:全部|全面)?(?:建成|达产|投产|满产)(?:后|以后)")


def completion_year(text: str, start: int, end: int, doc_year: int | None) -> int | None:
    """The year the figures of text[start:end] are due when that sentence tells what a project
    gives once complete (三期全部达产后…年产60万辆): the last completion year its paragraph names
    (三期计划于2030年建成)."""
    if not _ONCE_COMPLETE.search(text, start, end):
        return None
    stop = text.find("\n", start)
    return _last_completion(text[text.rfind("\n", 0, start) + 1 : len(text) if stop < 0 else stop], doc_year)


def project_fact(left: str) -> bool:
    """The text before a number in a planned project's paragraph reports a fact."""
    return bool(_PROJECT_FACT.search(left))
