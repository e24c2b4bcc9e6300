"""Quantity records from a document's text: numbers with kind, change, year, subject and region.

`find_numbers` scans the whole text once; each quantity is placed in its
sentence, and the sentence and its section supply the rest
(`quantity_context`, `quantity_subject`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from ingest.metadata_regions import PROVINCES
from nlp.numbers import NumberExpr, find_numbers
from nlp.quantity_context import (
    PlannedProject,
    Section,
    background,
    baseline_year,
    change_of,
    completion_year,
    facts_year,
    kind_and_year,
    opening_year,
    paragraph_lead_year,
    planned_project,
    project_fact,
    semicolon_year,
    standing,
    story_year,
    sums_up_its_year,
    update_section,
    year_in_review,
)
from nlp.quantity_subject import (
    FUND_WORDS,
    THRESHOLD_END,
    clause_start,
    contribution_share,
    de_head,
    direct_noun,
    ends_with_action,
    fund_after,
    is_cap,
    is_support,
    left_subject,
    right_subject,
    skip_lead_in,
    state_in_set,
    support_rate,
    threshold_subject,
)
from nlp.quantity_support import is_money, name_support, support_measure
from nlp.quantity_tables import apply_bar_headers, apply_cell_headers, cell_numbers
from nlp.records import Comparator, Quantity, Sentence

# reports to a people's congress: a review of last year, then this year's plan (政府工作报告, and the
# 预算执行情况和预算草案 / 计划执行情况与计划草案 reports that accompany it)
_REPORT = re.compile(r"政府工作报告|(?:预算|计划)执行情况[^。\n]{0,30}的报告")
# a comparison with a year: 与2020年相比，…由15467人上升为19662人; 与2020年…的4302.17万人相比
_COMPARED_WITH = re.compile(r"(?:与|同)((?:19|20)\d\d)年(?:末|底)?(?:[^，,；;。]{0,16}?)?(?:相比|比较)")
_BASE_VALUE = re.compile(r"(?:与|同)((?:19|20)\d\d)年(?:末|底)?[^，,；;。]{0,20}?的?$")
_COMPARISON_END = re.compile(r"(?:相比|比较|减少|增加|提高|下降|增长|降低|上升|扩大|缩小)")
_BASE_OF_CHANGE = re.compile(r"(?:比|较)((?:19|20)\d\d)年(?:末|底)?的$")  # 比2020年的2.67人减少0.09人
# 其中四季度增长6.1%, 其中，12月份…: a part of the period the sentence before reported
_PART_OF_PERIOD = re.compile(
    r"\s*其中[，,]?\s*(?:[一二三四]季度|第[一二三四]季度|上半年|下半年|前三季度|\d{1,2}月份?|前\d{1,2}个月|\d{1,2}[—\-–]\d{1,2}月)"
)
_PERIOD_ONLY = re.compile(r"“?十[一二三四五六七八九]五”?(?:期间|时期|以来)?")
# 《…若干措施》政策解读, 一图读懂丨《…》, …答记者问 (not a news story headlined 政府工作报告解读：…)
# a left span that only names the base of a comparison (比上半年, 较上年末; 是京津冀的, 是十年前的)
_BASE_ONLY = re.compile(
    r"(?:比|较)[^，,；;。]{0,8}|(?:是|为|相当于|完成)[^，,；;。的]{1,8}"
    r"|(?:与|同)(?:19|20)\d\d年[^，,；;。]{0,20}"  # 与2020年第七次全国人口普查的4302.17万人相比
)  # 为预算的101.2%
_EXPLAINER = re.compile(r"解读$|^一图读懂|答记者问|问答$")
_BULLETIN = re.compile(
    r"公报|(?:统计|数据|业绩)快报|审计工作报告|审计结果公告"
)  # a past year's statistics, environment or audit
# a goal's value named inside a report of progress (完成全年35万辆目标的九成以上, 年度计划的85%)
_GOAL_AFTER = re.compile(r"(?:左右|以上)?的?(?:年度)?(?:目标|任务)(?:的|任务)")
# 完成全年65万人目标任务的, 分别占年度计划的81.7%: how much of a goal is done
_PROGRESS_LEAD = (
    r"(?:完成|(?:分别)?占)[^，,；;。]{0,24}?(?:目标|任务|计划)(?:任务)?(?:[^，,；;。的]{1,12})?的"
)
_SHARE_OF_GOAL = re.compile(_PROGRESS_LEAD + "$")
_WHOLE_YEAR = re.compile(r"全年|年度|今年")
_PROGRESS = re.compile(_PROGRESS_LEAD + "[^，,；;。]*")
# 关于…规划纲要实施情况的总结评估报告: an evaluation of a plan (when its period has ended)
_EVALUATION = re.compile(
    r"(?:实施情况|执行情况|完成情况)?[^。\n]{0,8}?(?:总结评估|终期评估|评估报告|总结报告)"
)
# 关于2025年度全省开发区综合发展水平考核评价结果的通报, …拟认定名单的公示, 2026年上半年预算执行情况的报告 (not one with next year's 草案):
# facts of the year the title names, and the rewards or tasks ahead it sets are goals
_RESULTS_NOTICE = re.compile(
    r"(?:19|20)\d\d年度?[^。\n]{0,40}?(?:(?:结果|情况)的通报|名单的(?:公示|公告|通知)|(?<!草案)执行情况的报告$)"
)
# 中华人民共和国工业和信息化部公告 (2026年第31号) that lists 本批 enterprises: its counts are results
_ORGAN_NOTICE = re.compile(r"[\u4e00-\u9fff]{2,30}公告")
_LIST_BODY = re.compile(r"本批|名单")
_HEADING_SHAPE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])")
_LIST_JOIN = re.compile(r"^[、和与及]$|^，?(?:分别|同比)?[、和与及]?$")
_VERBLESS = re.compile(r"[^，,；;。]{0,3}?[，,（(、]\s*(?:去年|上年|今年|(?:19|20)\d\d年|同期|全年)?[是为]?")
_CITIES = Path(__file__).resolve().parents[1] / "corpora" / "regions" / "cities.tsv"


def _city_names() -> dict[str, str]:
    """City name and short name -> full name (宁波 -> 宁波市), from corpora/regions/cities.tsv."""
    names: dict[str, str] = {}
    for line in _CITIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            city = line.split("\t")[0].strip()
            names[city] = city
            names.setdefault(city.removesuffix("市"), city)
    return names


# every province's and listed city's full and short name -> full name (江苏 -> 江苏省, 宁波 -> 宁波市);
# a province keeps its short name where a city shares it (吉林)
PROVINCE_NAMES = {name: full for full, shorts in PROVINCES.items() for name in (full, *shorts)}
PLACE_NAMES = MappingProxyType({**_city_names(), **PROVINCE_NAMES})
_PROVINCE = re.compile(r"\s*(" + "|".join(sorted(PLACE_NAMES, key=len, reverse=True)) + ")")
_PAIR = re.compile(r"[和与及]")
_ITEM_JOIN = re.compile(r"[、和与及]")
_NOT_COUNTS = {"%", "‰", "百分点", "元", "美元", "倍", "ratio", None}
_DIGIT = re.compile(r"[0-9０-９]")
_FUND = re.compile(rf"(?:{FUND_WORDS})$")
# measure words of things counted one by one; the noun right after them is what they count
_CLASSIFIERS = frozenset(
    "个家项座所台套辆名位款户件艘架处批种场张只头株棵块栋幢间支口宗笔份例起篇部盏根颗片条列"
)
# an item that already ends in an indicator word names its own indicator
_HAS_HEAD = re.compile(r"(?:值|额|量|率|重|比|数|入|资|费|价|积|度|口|出|长|速|耗|量|次)$")
_NUMBER_LIST = re.compile(r"[、和与及]|，?(?:分别|同比)?[、和]?")
_SCOPED_SUFFIX = re.compile(r"左右|上下|以上|以内|以下")
_PAIRED = {
    "城乡": ("城镇", "农村"),
    "中小": ("中型", "小型"),
    "大中": ("大型", "中型"),
    "产销量": ("产量", "销量"),  # 汽车产销分别完成3168.4万辆和3175.9万辆
    "产销": ("产量", "销量"),
}
# the head noun a listed last item shares with the items before it
_INDICATOR_HEAD = re.compile(
    r"(?:(?:居民|职工|农民)?(?:人均)?(?:可支配)?收入|产量|产值|增加值|销售额|销量|营业收入|营收|利润|"
    r"投资|出口额|进口额|进出口额|出口|进口|消费量|用量|排放量|吞吐量|装机容量|装机|面积|人数|数量|总量|规模|比重|占比|"
    r"机械化率|覆盖率|普及率|利用率|回收率|达标率|合格率|渗透率|占有率)$"
)
_ADDED = re.compile(r"(?:增加|提高|提升|扩大|减少|降低)了?(?:超过|超|近|约|逾)?$")
_PEOPLE = re.compile(
    r"(?:人次|人口|人数|群众|人员|学生|在校生|毕业生|农民工|劳动力|人才|技师|工程师|带头人|老年人|老人|残疾人|婴幼儿)$"
)
_HOUSEHOLDS = re.compile(r"(?:家庭|农户|住户)$")
# Indicators measured in money: a bare magnitude after them is yuan (人均地区生产总值突破5万关口).
_MONEY = re.compile(r"(?:生产总值|经济总量|GDP|产值|增加值|收入|营收|销售额|投资额?|收益)$")
# 60岁以上老年人平均每年新增30万: how often the indicator grows, between it and the count
_GROWTH_TAIL = re.compile(r"(?:平均|年均)?(?:每年|每月|每天|每日)?(?:新增|净增|增加)?$")
# an aside on how an indicator is measured or what it includes, closing its name
_HOW_MEASURED = re.compile(r"（(?:与|按|以|含|不含|包括)[^（）]*）$")
# 完成预算的100.6%, 完成年度计划5万人的122.4%: the share of a plan met
_DONE_SHARE = re.compile(
    r"(?:完成了?|(?:分别)?占)(?P<base>(?:年度|全年)?(?:计划|预算|目标)(?:任务)?)[^，,；;。]{0,10}?的$"
)
# the growth of the level just stated (…达到2.38万亿元，增长9.6%)
_GROWTH_OF_LEVEL = re.compile(r"[，,]\s*(?:同比|比上年|较上年)?(?:增长|下降|增加|减少|提高|降低)")
# a field label opening its line (预算金额：, 最高限价：)
_FIELD_LABEL = re.compile(r"([\u4e00-\u9fff]{2,10})[：:]")
# A bare head that restates the previous indicator: 新增装机1258万千瓦、总量达到6437万千瓦.
_BARE_HEAD = re.compile(r"(?:总量|总数|总额|总规模|规模|收益|投入强度)")
_PROJECT_MONEY = re.compile(r"(?:计划|协议)?(?:总投资|投资)")
_ADDED_PREFIX = re.compile(r"^(?:新增|新建|累计|实现)")
# 社会消费品零售总额增长4.1%，增速高于全国0.6个百分点: a rate or comparison with no indicator
# restates the one before it in the sentence
_RATE_RESTATED = re.compile(
    r"(?P<rate>增速|增幅|降幅|涨幅)?(?:环比|同比|比|较)?(?:上月|上年|去年|一季度|全国|全省|全市|全区|年初|上年同期|同期)?"
    r"(?:平均)?(?:水平)?(?:高|低|加快|放缓|回落|收窄)?"
)
# A bare amount head whose industry the clause before names: …全产业链发展，产值超2200亿元.
_TOPIC_HEAD = re.compile(r"(?:产值|营收|营业收入|增加值|产量|销售额|销售收入|出口额|总产值)")
_TOPIC_CLAUSE = re.compile(
    r"(?:推进|推动|发展|壮大|做强|做大|打造|培育|加快|促进)+(?P<topic>[^，,；;。、]{2,14}?(?:产业链|产业集群|产业|集群))"
    r"(?:高质量|加快|集群化|规模化|融合)?发展$"
)
_DOC_YEAR = re.compile(r"(?<![—\-至到~])((?:19|20)\d\d)年")


@dataclass
class DocContext:
    """What the document says about itself: its year, plan period, region, kind, title."""

    year: int | None = None
    period: tuple[int, int] | None = None
    region: str | None = None
    kind: str = "other"
    title: str | None = None


def extract_quantities(text: str, sentences: list[Sentence], context: DocContext) -> list[Quantity]:
    """Every quantity in `text`, each inside one of `sentences` (offsets into `text`)."""
    found = find_numbers(text)
    numbers = sorted(
        [n for n in found if n.role == "quantity"] + cell_numbers(text, found), key=lambda n: n.start
    )
    head = (context.title or "") + text[:1000]
    report = bool(_REPORT.search(head))
    # no date: a plan's first year, else a year in the title (never a period's end year)
    doc_year = context.year or (context.period[0] if context.period else _year_from(context.title or ""))
    period_end = context.period[1] if context.period else None
    # a plan's indicators run from the year before its period (由1380亿元增长到3000亿元 in a
    # 2026—2030 plan starts from 2025)
    plan_base = context.period[0] - 1 if context.period and not report and context.kind == "policy" else None
    # an explainer (政策解读, 一图读懂, 答记者问) restates a policy's measures and goals: policy text,
    # whatever outlet published it
    explainer = bool(_EXPLAINER.search(context.title or ""))
    news = not explainer and (
        context.kind == "news" or (context.kind != "policy" and not report and period_end is None)
    )
    if period_end is None and not report and not news:
        period_end = goal_year(sentences)  # （四）试点目标。到2020年，…: the plan's horizon
    # 2024年…统计公报: every figure is an actual of the year its title names
    bulletin = _BULLETIN.search(context.title or "")
    results = _RESULTS_NOTICE.search(context.title or "") or (
        _ORGAN_NOTICE.fullmatch(context.title or "") and _LIST_BODY.search(text, 0, 3000)
    )
    # an evaluation of a plan whose period has ended reports its facts, as of the plan's last year
    evaluation = bool(_EVALUATION.search(context.title or "")) and bool(
        period_end and doc_year and period_end < doc_year
    )
    if evaluation:
        section = Section("actual", period_end, evaluation=True)
    elif bulletin or results:
        section = Section(
            "actual", _year_from(context.title or ""), decision=bool(results), bulletin=not results
        )
    else:
        section = Section()
    out: list[Quantity] = []
    lead = _lead_paragraph(text, sentences) if news else []
    # news: a headline reports the lead's facts; a statistics release dates its later figures
    headline_year = facts_year(lead[0], doc_year) if lead else None
    release_year = story_year("".join(lead), doc_year) or (
        story_year(context.title or "", doc_year) or year_in_review(context.title or "", doc_year)
        if news
        else None
    )
    year_end = news and sums_up_its_year("".join(lead), doc_year)
    if year_end:
        section = Section("actual", doc_year)  # the year reviewed, until a paragraph turns to 明年
    i, lead_year, last_end, carry, fact_year, in_body = 0, None, 0, False, None, False
    project: PlannedProject | None = None  # the news paragraph announces a planned project
    clause_year: int | None = None  # the year a sentence ending in ； hands to the next one
    joined = ""  # the sentences before this one that end in ；, read as its start
    in_background = False  # a policy's paragraph that has opened its background (近年来，…)
    for sentence in sentences:
        heading = _is_heading(sentence)
        in_body = in_body or not heading
        if in_body or not news:  # a news headline (明确到2028年…) sets no section for the story
            section = update_section(section, sentence.text, heading, doc_year, report or year_end, year_end)
        if heading or "\n" in text[last_end : sentence.start] and not carry:
            lead_year, carry = None, False  # a new paragraph, unless a lead-in ending in ： governs a list
            clause_year, joined, in_background = None, "", False
            before_year: int | None = fact_year
            fact_year = facts_year(sentence.text, doc_year, release_year) if news and not heading else None
            if fact_year is None and not heading and sentence.text.lstrip().startswith("其中"):
                fact_year = before_year  # 其中，…集群产值分别达到…: the details of the paragraph before
            project = (
                planned_project(_paragraph(text, sentence.start), doc_year) if news and not heading else None
            )
            if news and not in_body:
                fact_year = headline_year
        if not heading and (opened := opening_year(sentence.text, doc_year)) is not None:
            fact_year = opened  # 2025年，全市…。数字经济核心产业增加值突破1100亿元
        if (year := paragraph_lead_year(sentence.text)) is not None:
            lead_year, carry = year, sentence.text.rstrip().endswith(("：", ":"))
        last_end = sentence.end
        while i < len(numbers) and numbers[i].start < sentence.start:
            i += 1
        mine: list[NumberExpr] = []
        while i < len(numbers) and numbers[i].end <= sentence.end:
            mine.append(numbers[i])
            i += 1
        # 目前/现有/近年来 figures stand outside the paragraph's year
        # (read up to its last number: …，结束了此前连续两年的下滑态势 does not make the figures standing)
        told = sentence.text[: mine[-1].end - sentence.start] if mine else sentence.text
        dated = None if standing(told) else (clause_year or fact_year)
        if dated is None and in_body and release_year is not None and not standing(told):
            dated = release_year
        # read as the background's continuation; progress against a goal in an earlier ；-clause
        # (…完成全年65万人目标任务的63.4%；) is a fact and lends the next clause no goal
        before = ("近年来，" if in_background else "") + _PROGRESS.sub("", joined)
        settings = (section, doc_year, period_end, news, context.region, lead_year, dated, plan_base, before)
        quantities = _sentence_quantities(text, sentence, mine, settings)
        if joined and out:
            _subject_across_semicolon(quantities, out[-1])
        elif out and out[-1].sentence_index == sentence.index - 1 and _PART_OF_PERIOD.match(sentence.text):
            _subject_of_part(quantities, out)
        if quantities:
            _sibling_heads(_last_sentence(out) + quantities if joined else quantities)
        if project is not None:
            _as_project_goals(quantities, sentence.text, sentence.start, project)
        elif news and quantities and (due := completion_year(text, sentence.start, sentence.end, doc_year)):
            for q in quantities:
                q.year = due if q.kind == "target" and q.year is None else q.year
        out.extend(quantities)
        clause_year = semicolon_year(sentence.text, doc_year, clause_year)
        # clauses joined by ； are one sentence to the reader: 中汽协预计，…；其中新能源汽车销量约1900万辆
        joined = joined + sentence.text if sentence.text.rstrip().endswith(("；", ";")) else ""
        in_background = in_background or (not news and not heading and background(sentence.text))
    apply_cell_headers(text, out, doc_year)
    apply_bar_headers(text, out)
    return out


def _subject_across_semicolon(quantities: list[Quantity], before: Quantity) -> None:
    """…贷款余额8.12万亿元，同比增长8.6%；较年初增加5236亿元: clauses joined by ； are one
    sentence to the reader, so numbers that open the next clause with no indicator of their
    own go on measuring the last one."""
    for q in quantities:
        if q.subject is not None or not before.subject:
            break
        q.subject, q.subject_start, q.subject_end = before.subject, None, None  # spans stay in their sentence


# heads whose owner a list of accounts names once: 基金收入1247.3亿元…；支出1036.9亿元
_SIBLING_HEADS = ("总收入", "总支出", "收入", "支出", "累计结存", "结存", "进口", "出口", "产量", "销量")
_BARE_SIBLING = re.compile(r"(?:年末|年底|当年|全年)?(" + "|".join(_SIBLING_HEADS) + ")")


def _last_sentence(out: list[Quantity]) -> list[Quantity]:
    """The quantities of the last sentence that has any (read from the end: out only grows)."""
    i = len(out)
    while i > 0 and out[i - 1].sentence_index == out[-1].sentence_index:
        i -= 1
    return out[i:]


def _sibling_heads(quantities: list[Quantity]) -> None:
    """职工基本医疗保险基金收入1247.3亿元，增长6.1%；支出1036.9亿元: a bare head after its sibling
    takes the sibling's owner (职工基本医疗保险基金支出)."""
    for i, q in enumerate(quantities):
        bare = _BARE_SIBLING.fullmatch(q.subject or "")
        if bare is None:
            continue
        for before in reversed(quantities[:i]):
            head = next((h for h in _SIBLING_HEADS if (before.subject or "").endswith(h)), None)
            owner = before.subject[: -len(head)] if head and before.subject else ""
            if head is not None and len(owner) >= 2 and not _BARE_SIBLING.fullmatch(before.subject or ""):
                q.subject, q.subject_start, q.subject_end = owner + bare.group(1), None, None
                break


def _subject_of_part(quantities: list[Quantity], out: list[Quantity]) -> None:
    """…地区生产总值…比上年增长5.8%。其中四季度增长6.1%: a part of the period just reported,
    with no indicator of its own, measures the previous sentence's indicator of the same unit."""
    last = out[-1].sentence_index
    for q in quantities:
        if q.subject is not None:
            break
        same = [o for o in out if o.sentence_index == last and o.unit == q.unit and o.subject]
        if not same:
            break
        q.subject, q.subject_start, q.subject_end = same[-1].subject, None, None


def _plan_met(s: str, cstart: int, pos: int, before: list[Quantity], offset: int) -> str | None:
    """一般公共预算收入328.5亿元，…，完成预算的100.6%: how much of its plan the indicator named
    before the clause met (一般公共预算收入完成预算比例)."""
    done = _DONE_SHARE.search(s, cstart, pos)
    met = next((o for o in reversed(before) if o.start - offset < cstart and o.subject), None)
    return f"{met.subject}完成{done.group('base')}比例" if done and met is not None else None


def _paragraph(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end]


def _as_project_goals(found: list[Quantity], sentence: str, offset: int, project: PlannedProject) -> None:
    """公司拟投资建设…项目。项目计划总投资38亿元…二期计划2029年全面达产: what the project will cost,
    produce and employ are goals due when it is complete, unless reported as done or dated."""
    for q in found:
        left = sentence[: q.start - offset]
        if q.kind == "actual" and not project_fact(left):
            q.kind, q.year = "target", project.due
        elif q.kind == "target" and q.year is None:
            q.year = project.due  # 项目达产后…年销售收入约60亿元: due when the project is complete


# a plan's indicator table written as text: 2．地区生产总值：基期值586亿元，目标值800亿元以上，预期性。
_INDICATOR_ROW = re.compile(
    r"\s*(?:\d{1,2}\s*[．.、]\s*)?((?:[^：:，,。；;（(）)]|（[^）]{1,12}）|\([^)]{1,12}\)){2,40}?)[：:]"
)
_ROW_LABEL = re.compile(r"(?:(基期值|基期|基准值|现状值)|(目标值|规划值|预期值))(?:为|是)?$")
# a row whose columns are years: 1.地区生产总值：2025年61280亿元，2030年80000亿元以上
_NOT_AN_INDICATOR = re.compile(
    r"(?:主要|总体|发展|预期|规划|工作|具体)?(?:目标|任务|指标|内容|措施|成效|情况|进展|安排)(?:任务)?"
)
_NUMBERED_ROW = re.compile(r"\s*\d{1,2}\s*[．.、]")
_ROW_YEAR = re.compile(r"\s*(?:19|20)\d\d年(?:底|末)?(?:为|是|达到)?")


def indicator_row(s: str, cstart: int, pos: int) -> tuple[str, tuple[int, int], str | None] | None:
    """("base", "goal", "year" or "other", the indicator's span, its change) when the number is a
    value of a row of an indicator table ("year": a column named by its year, whose kind and year
    the year itself decides; "other": any other clause of a numbered row, which only names the
    indicator where the clause names none); a growth indicator (地区生产总值增长) gives rates of
    increase."""
    row = _INDICATOR_ROW.match(s)
    if row is None or cstart < row.end():
        return None
    label = _ROW_LABEL.search(s, cstart, pos)
    column = "year" if label is None else "base" if label.group(1) else "goal"
    if label is None and not _ROW_YEAR.fullmatch(s, cstart, pos):
        if not _NUMBERED_ROW.match(s):
            return None
        column = "other"  # 12.能耗降低：“十四五”时期累计降低14.5%: still the row's indicator
    name = row.group(1)
    if _NOT_AN_INDICATOR.fullmatch(name):
        return None  # 主要目标：2025年…，2030年…: a heading, not a row
    change = None  # a growth indicator (地区生产总值增长) has rates of increase
    if name.endswith(("增长", "增速")):
        change = "increase"
    elif name.endswith(("下降", "降低")):
        change = "decrease"
    return column, row.span(1), change


# a story's furniture line before its lead: 来源：证券时报网 2026-03-28　记者 孙立
_BYLINE = re.compile(
    r"\s*(?:来源|稿源|作者|记者|编辑|责任编辑|发布时间|时间)\s*[：:]|\s*(?:19|20)\d\d[-/年.]\d{1,2}[-/月.]\d{1,2}日?\s*$"
)


def _lead_paragraph(text: str, sentences: list[Sentence]) -> list[str]:
    """The sentences of the first paragraph after the headline (a news story's lead)."""
    body = [s for s in sentences if not _is_heading(s) and not _BYLINE.match(s.text)]
    lead = body[:1]
    for before, sentence in zip(body, body[1:], strict=False):
        if "\n" in text[before.end : sentence.start]:
            break
        lead.append(sentence)
    return [s.text for s in lead]


# 营业收入超10亿元企业7家, 年产值亿元以上的项目12个: the things counted are those over the
# threshold just before them, so the threshold's indicator is part of their name
_THRESHOLD_GAP = re.compile(r"(?:以上|及以上)?的?")
_LEADING_VERB = re.compile(r"(?:实施|推动|培育|打造|引进|建设|支持|鼓励|建成|形成|拥有)")
_COUNTED_NOUN = re.compile(r"[\u4e00-\u9fff]{1,6}")


def _over_threshold(
    s: str, prev: Quantity, prev_end: int, span: tuple[int, int], offset: int
) -> tuple[int, int] | None:
    if prev.comparator not in ("gt", "ge") or prev.subject_start is None:
        return None
    if not _THRESHOLD_GAP.fullmatch(s, prev_end, span[0]) or not _COUNTED_NOUN.fullmatch(s, *span):
        return None
    start = prev.subject_start - offset
    verb = _LEADING_VERB.match(s, start, span[0])  # 实施500万元以上技改项目: the act is no part of the name
    start = verb.end() if verb else start
    return (start, span[1]) if 0 <= start < prev_end else None


_COUNT_WORD = re.compile(r"[一二两三四五六七八九十\d]")


def _trimmed(s: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the spaces at its ends (a headline's 集中签约项目32个 协议总投资268亿元)."""
    start, end = span
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    aside = s.rfind("（", start, end)
    if s.endswith("）", start, end) and aside - start >= 2 and _HOW_MEASURED.match(s, aside, end):
        end = aside  # R&D经费投入强度（与地区生产总值之比）: how the indicator is measured
    # 电动汽车、锂电池和太阳能电池“新三样”出口, 威海碳纤维、枣庄欣旺达等“源网荷储”一体化试点: the list's
    # own name (a count in quotes, or after 等), not 专精特新“小巨人”企业, one item of the list
    label, close = s.find("“", start, end), s.find("”", start, end)
    if (
        label > start
        and label < close
        and "、" in s[start:label]
        and (s[label - 1] == "等" or _COUNT_WORD.search(s, label, close))
    ):
        start = label
    return start, end


def _is_heading(sentence: Sentence) -> bool:
    return sentence.heading or bool(_HEADING_SHAPE.match(sentence.text) and len(sentence.text) < 40)


_PLAN_SPAN = 5  # years: a later horizon further out than this is a vision (到2035年), not the plan's end


def goal_year(sentences: list[Sentence]) -> int | None:
    """The due year of a plan's goals: 到2020年 right after the first 目标 that has one
    (（四）试点目标。到2020年，…), or the last of the horizons that follow it."""
    for i, sentence in enumerate(sentences):
        if "目标" in sentence.text:
            after = sentence.text.split("目标", 1)[1]
            if len(after) < 4 and i + 1 < len(sentences):
                after += sentences[i + 1].text
            year = paragraph_lead_year(after[:24])
            if year is None:
                continue
            # 主要目标是：到2027年，…。到2030年，…: the plan runs to its last horizon
            first = year
            for later in sentences[i + 1 : i + 12]:  # the goals paragraphs, their clauses split at ；
                if later.heading:
                    break
                further = paragraph_lead_year(later.text[:12])
                # (not a long-range vision: 到2028年… 到2035年… runs to 2028)
                if further is not None and further - first <= _PLAN_SPAN:
                    year = max(year, further)
            return year
    return None


def _year_from(head: str) -> int | None:
    """The latest year a title names (2024年工作总结和2025年工作安排 is written in 2025), not a
    period's end year."""
    years = [int(m.group(1)) for m in _DOC_YEAR.finditer(head)]
    return max(years) if years else None


def _sentence_quantities(
    text: str, sentence: Sentence, numbers: list[NumberExpr], settings: tuple
) -> list[Quantity]:
    if not numbers:
        return []
    section, doc_year, period_end, news, region, lead_year, fact_year, plan_base, before = settings
    s = text[sentence.start : sentence.end]
    out: list[Quantity] = []
    prev: Quantity | None = None
    prev_end = 0
    back: list[bool] = []  # inherited by a 分别 clause: 甲78.7%，乙62.6%，分别提高11.1、11.2个百分点
    members: tuple[str, str | None] | None = None  # 186个重大项目中，…: the set, and its measure word
    progress = "完成" in s or "占" in s  # (read once: most sentences report no progress)
    comparisons = list(_COMPARED_WITH.finditer(before + s)) if ("与" in s or "同" in s or before) else []
    for n in numbers:
        pos, end = n.start - sentence.start, n.end - sentence.start
        cstart = clause_start(s, pos)
        if prev is not None and prev_end > cstart and not s.startswith("的", prev_end):
            # the previous number ends the indicator's reach: 134.9万亿元、增长5%
            cstart = max(prev_end, s.rfind("、", prev_end, pos) + 1)
        gap = s[prev_end:pos] if prev is not None else None
        # 减少35%，31个省份…: a comma joins a list only of like numbers
        listed = (
            prev is not None
            and gap is not None
            and bool(_LIST_JOIN.match(gap))
            and ("，" not in gap or prev.unit == n.unit)
        )
        kind, year = kind_and_year(
            # (progress against a goal earlier in the sentence lends the later clauses no goal:
            # 完成全年目标任务65万人的89.7%，同比多增1.6万人)
            before + (_PROGRESS.sub("", s[:pos]) if progress else s[:pos]),
            s[cstart:pos],
            section,
            doc_year,
            period_end,
            news,
            lead_year,
            fact_year,
        )
        change = n.change or change_of(s[cstart:pos], n.unit, s[end : end + 8])
        if change and n.unit not in _NOT_COUNTS and _ADDED.search(s, cstart, pos) and direct_noun(s, end):
            change = None  # 增加1万个停车位, 提高6000万农村人口…: new or covered items counted, like 新增50家
        baseline, base_year = baseline_year(s[cstart:pos], s[end : end + 8])
        # 与2020年相比，…: where the changes start
        compared = next((m for m in comparisons if m.end() <= len(before) + pos), None)
        if baseline:  # 从8.7万元提高到12万元: where the change starts
            if base_year is None and compared is not None:
                base_year = int(compared.group(1))
            if base_year is None and section.kind != "actual":
                base_year = plan_base
            kind, year = "actual", base_year
        elif _COMPARISON_END.match(s, end) and (
            base := _BASE_VALUE.search(s, cstart, pos) or _BASE_OF_CHANGE.search(s, cstart, pos)
        ):
            kind, year = "actual", int(base.group(1))  # 与2020年第七次全国人口普查的4302.17万人相比
        elif s.endswith("现行", cstart, pos):
            kind, year = "actual", None  # 将现行16%的税率降至13%: the rate in force, not the goal
        if kind == "actual" and year is None and not baseline:
            year = fact_year  # 其中，出口4620.5亿元 after 2025年1—10月，全市进出口…
        if listed and prev is not None:
            change = change or prev.change
            kind, year = prev.kind, prev.year
        elif prev is not None and prev.kind == "actual" and _GROWTH_OF_LEVEL.fullmatch(s, prev_end, pos):
            # …前10个月达到2.38万亿元，增长9.6%: that level's growth (同比 may still date it)
            kind, year = prev.kind, prev.year if prev.year is not None else year
        span = _subject(s, cstart, pos, end, prev, n.unit)
        if isinstance(span, tuple) and prev is not None:
            span = _over_threshold(s, prev, prev_end, span, sentence.start) or span
        if support_measure(s, cstart, pos, end, n.unit) and (section.kind is None or section.decision):
            # a subsidy, award, cap or fund a policy offers is a commitment in any genre: in news,
            # a speech or a press conference too; due at the plan's end, else in the text's year
            if kind == "actual" and not baseline:
                kind, year = "target", year if year is not None and year >= (doc_year or 0) else None
            if kind == "target" and year is None:
                year = period_end or doc_year
        if _GOAL_AFTER.match(s, end):  # 已完成全年35万辆目标的九成以上: 35万辆 is the goal…
            kind, year = (
                "target",
                year if year is not None else (doc_year if _WHOLE_YEAR.search(s, cstart, pos) else None),
            )
        elif _SHARE_OF_GOAL.search(s, clause_start(s, pos), pos):  # …and 九成 is how much of it is done
            kind = "actual"
        row = indicator_row(s, cstart, pos)
        if row is not None and row[0] == "other":
            if not isinstance(span, tuple) and (prev is None or not prev.subject):
                span = row[1]
        elif row is not None:  # 2．地区生产总值：基期值586亿元，目标值800亿元以上: a table row as text
            label, span, change = row
            if label != "year":
                kind, year = ("actual", plan_base) if label == "base" else ("target", period_end or year)
            change = change if n.unit in _NOT_COUNTS else None
        q = Quantity(
            sentence_index=sentence.index,
            raw=n.raw,
            start=n.start,
            end=n.end,
            value=n.value,
            value_max=n.value_max,
            unit=n.unit,
            comparator=n.comparator,
            kind=kind,
            change=change,
            year=year,
            region=_region(s, cstart, region),
        )
        inherit = span == "inherit" and prev is not None
        back.append(inherit and (s[cstart:pos].startswith("分别") or listed and bool(back) and back[-1]))
        if span == "inherit" and prev is not None:
            q.subject, q.subject_start, q.subject_end = prev.subject, prev.subject_start, prev.subject_end
            if q.change is None and prev.unit == q.unit and _VERBLESS.fullmatch(s, prev_end, pos):
                q.change = prev.change  # 地区生产总值增长6%左右，去年为5.8%
        elif isinstance(span, tuple) and prev is not None and prev.subject and s.startswith("占", span[0]):
            q.subject = (
                prev.subject + s[span[0] : span[1]]
            )  # 产量增长43%、占全国1/4: the same indicator's share
        elif isinstance(span, tuple):
            place, bare = _PROVINCE.match(s, span[0], span[1]), _without_place(s, span)
            if place and bare[0] > span[0]:
                q.region = PLACE_NAMES[place.group(1)]
            span = _trimmed(s, bare)
            q.subject = s[span[0] : span[1]]
            q.subject_start, q.subject_end = sentence.start + span[0], sentence.start + span[1]
        if n.unit == "%" and (share := contribution_share(s, pos, end)) is not None:
            q.subject, q.subject_start, q.subject_end = share, None, None
        _complete_from_context(q, n, s, cstart, prev, s[prev_end:pos])
        if n.unit == "%" and (met := _plan_met(s, cstart, pos, out, sentence.start)) is not None:
            q.subject, q.subject_start, q.subject_end = met, None, None
        name_support(q, s, pos)
        if members is not None and n.unit == members[1] and (state := state_in_set(s, cstart, pos, end)):
            q.subject, q.subject_start, q.subject_end = f"{state}的{members[0]}", None, None
        elif q.subject and q.subject_end is not None and s.startswith("中，", q.subject_end - sentence.start):
            members = q.subject, n.unit
        if prev is not None and q.region == region and q.subject == prev.subject:
            q.region = prev.region  # the same indicator in the same place
        out.append(q)
        prev, prev_end = q, end
    _distribute(out, text)
    _respective_recipients(out, s, sentence.start)
    _respectively_back(out, back)
    _shared_comparator(out, text)
    _shared_points(out, text)
    return out


def _complete_from_context(
    q: Quantity, n: NumberExpr, s: str, cstart: int, prev: Quantity | None, gap: str
) -> None:
    """The parts of the subject and the unit that the number's own words leave unsaid."""
    if q.subject and _TOPIC_HEAD.fullmatch(q.subject) and (topic := _clause_topic(s, cstart)):
        q.subject = topic + q.subject  # 全力推进棉花和纺织服装全产业链发展，产值超2200亿元
    if (
        prev is not None
        and prev.subject
        and q.subject
        and _BARE_HEAD.fullmatch(q.subject)
        and gap.removeprefix(prev.subject).startswith(("、", "，"))  # …2个集群、总数达3个
    ):
        # 新增装机1258万千瓦、总量达到6437万千瓦: the total of 装机, not of the new part
        q.subject = _ADDED_PREFIX.sub("", prev.subject) + q.subject
    if (
        prev is not None
        and prev.subject
        and prev.subject.endswith("项目")
        and q.subject
        and _PROJECT_MONEY.fullmatch(q.subject)
        and gap.startswith(("、", "，"))
    ):
        q.subject = prev.subject + q.subject  # 招引…等项目605个、总投资1594亿元: the projects' investment
    restated = _RATE_RESTATED.fullmatch(q.subject) if q.subject else None
    if restated and prev is not None and prev.subject and prev.sentence_index == q.sentence_index:
        q.subject = _ADDED_PREFIX.sub("", prev.subject) + (restated.group("rate") or "")
    if q.unit is None and q.subject and (n.value != n.base or re.search("[万亿]", n.raw)):
        q.unit = _unit_of_subject(q.subject)  # 农村贫困人口减少1亿多, 出境旅游人次由8300万…


def _clause_topic(s: str, cstart: int) -> str | None:
    """The industry named by the clause just before `cstart` when it ends in …发展，."""
    if cstart < 2 or s[cstart - 1] not in "，,":
        return None
    m = _TOPIC_CLAUSE.search(s, 0, cstart - 1)
    return m.group("topic") if m else None


def _unit_of_subject(subject: str) -> str | None:
    """The unit a count of people or money leaves unsaid, from the indicator it measures."""
    subject = _GROWTH_TAIL.sub("", subject, count=1)  # the unit is the indicator's, not its growth's
    if _MONEY.search(subject):
        return "元"
    if _HOUSEHOLDS.search(subject):
        return "户"
    m = _PEOPLE.search(subject)
    return None if m is None else ("人次" if m.group() == "人次" else "人")


def _shared_points(quantities: list[Quantity], text: str) -> None:
    """分别高于全省2.2个和3.7个百分点: the first 个 is a percentage point too."""
    for a, b in zip(quantities, quantities[1:], strict=False):
        if (
            a.unit == "个"
            and b.unit == "百分点"
            and a.raw.endswith("个")
            and text[a.end : b.start] in ("和", "、")
        ):
            a.unit = "百分点"
            if a.change is None:  # 降幅分别收窄0.9个和1.2个百分点: read again as points
                left = re.split(r"[，,；;。]", text[max(0, a.start - 20) : a.start])[-1]
                points = change_of(left, "百分点")
                if points is not None:
                    a.change = "decrease" if points == "decrease" else "increase"
                    b.change = b.change or a.change


_LEADING_COMPARATOR = re.compile(
    r"分别[^，,；;。\d]{0,6}?(?:最高|最多|不超过|超过|突破|不低于|不少于|至少|达到|达)$"
)


def _shared_comparator(quantities: list[Quantity], text: str) -> None:
    """分别增长5%和7%左右: a 左右/以上/以内 after a pair joined by 和 covers both; 分别给予最高
    300万元、600万元、1000万元: a 最高/突破 right after 分别 covers the list it opens.

    A 、 list keeps its own trailing comparators (the gold reads 分别增长5%、6.5%左右 as 5% eq).
    """
    for i in range(len(quantities) - 2, -1, -1):
        a, b = quantities[i], quantities[i + 1]
        if (
            a.comparator == "eq"
            and b.comparator in ("approx", "ge", "le")
            and a.unit == b.unit
            and _SCOPED_SUFFIX.match(text, b.end)
            and text[a.end : b.start] in ("和", "与", "及", "至")
        ):
            a.comparator = b.comparator
    opened: Comparator | None = None  # the comparator a 分别最高 opened, while its list runs
    for i, q in enumerate(quantities):
        before = quantities[i - 1] if i else None
        joined = (
            before is not None
            and before.unit == q.unit
            and text[before.end : q.start] in ("、", "和", "与", "及")
        )
        if opened and joined and q.comparator == "eq":
            q.comparator = opened
        elif q.comparator in ("gt", "ge", "le", "lt") and _LEADING_COMPARATOR.search(
            text, max(0, q.start - 12), q.start
        ):
            opened = q.comparator
        else:
            opened = None


def _respectively_back(quantities: list[Quantity], back: list[bool]) -> None:
    """A run of k numbers after 分别 with no subject of its own measures the k quantities before it."""
    i = 0
    while i < len(quantities):
        j = i
        while j < len(quantities) and back[j]:
            j += 1
        k = j - i
        if k >= 2 and i >= k and not any(back[i - k : i]):
            earlier = quantities[i - k : i]
            if len({q.subject for q in earlier}) == k:
                for q, src in zip(quantities[i:j], earlier, strict=True):
                    q.subject, q.subject_start, q.subject_end = (
                        src.subject,
                        src.subject_start,
                        src.subject_end,
                    )
        i = max(j, i + 1)


def _without_place(s: str, span: tuple[int, int]) -> tuple[int, int]:
    """青岛市新能源汽车产量 -> 新能源汽车产量: the place is the record's region, not its indicator."""
    m = _PROVINCE.match(s, span[0], span[1])
    start = skip_lead_in(s, m.end(), span[1]) if m else span[0]
    return (start, span[1]) if span[1] - start >= 2 else span


def _region(s: str, cstart: int, default: str | None) -> str | None:
    """The document's region, unless the sentence or clause opens with a province or city
    (江苏地区生产总值…, 青岛市新能源汽车产量…)."""
    m = _PROVINCE.match(s, cstart) or _PROVINCE.match(s)
    return PLACE_NAMES[m.group(1)] if m else default


def _distribute(quantities: list[Quantity], text: str) -> None:
    """化学需氧量、氨氮排放总量分别下降8%、8%: the i-th number measures the i-th listed subject.

    A chain of k × n numbers over n listed subjects takes them in turn
    (原煤、原油、天然气产量达到…、…、…，分别增长…、…、…); a paired word splits in
    two under 分别 (城乡居民收入分别增长5%和7% -> 城镇…, 农村…).
    """
    i = 0
    while i < len(quantities):
        head = quantities[i]
        chain = [head]
        while (
            i + len(chain) < len(quantities)
            and quantities[i + len(chain)].subject_start == head.subject_start
        ):
            chain.append(quantities[i + len(chain)])
        i += len(chain)
        if len(chain) < 2 or head.subject_start is None or head.subject_end is None:
            continue
        subject = text[head.subject_start : head.subject_end]
        between = text[head.subject_end : chain[-1].start]
        # (not a listed subject: 高新技术企业、科技型中小企业数量 names its two already)
        if (
            "分别" in between
            and len(chain) % 2 == 0
            and "、" not in subject
            and (pair := _split_pair(subject))
        ):
            # …分别完成3168.4万辆和3175.9万辆，同比分别增长3.6%和4.1%: pairs in turn
            for k, q in enumerate(chain):
                q.subject, q.subject_start, q.subject_end = pair[k % 2], None, None
            continue
        items = subject.split("、")
        if len(items) == 1:  # 能耗和二氧化碳排放分别降低13.5%、18%
            items = _PAIR.split(subject, maxsplit=1)
        elif len(chain) % len(items) and "分别" in between:
            # 国家实验室、大科学装置和全国重点实验室数量分别是…的3倍、2.5倍和2.8倍: 和 ends the list
            items = _ITEM_JOIN.split(subject)
        listed = _NUMBER_LIST.fullmatch(text, head.end, chain[1].start) is not None
        if len(items) < 2 or not all(items) or len(chain) % len(items) or not ("分别" in between or listed):
            continue
        shared = _shared_head(items)
        starts = [head.subject_start + sum(len(x) + 1 for x in items[:k]) for k in range(len(items))]
        for k, q in enumerate(chain):
            item, pos = items[k % len(items)], starts[k % len(items)]
            q.subject, q.subject_start, q.subject_end = item, pos, pos + len(item)
            if shared and item != items[-1] and not _HAS_HEAD.search(item):
                q.subject, q.subject_start, q.subject_end = item + shared, None, None


# 对国家级…企业、省级…企业，分别一次性奖励50万元、20万元: each listed recipient its own award
_RESPECTIVE = re.compile(
    r"对(?:首次|新)?(?:认定|评定|获评|获批|入选|认证|引进)?的?(?P<who>[^，,。；;：:对]{2,60}?)的?"
    r"(?:[，,]\s*[^，,。；;]{0,16}?)?分别(?P<tail>[^。；;]*)"
)
_AMOUNT_IN = re.compile(r"\d+(?:\.\d+)?\s*[万亿]?(?:元|吨|人|家|个|%)")
_AWARD = re.compile(r"(?:购房|租房|生活|安家|运营|研发)?(?:奖励|补贴|补助|资助|奖补)")


def _respective_recipients(quantities: list[Quantity], s: str, offset: int) -> None:
    """对A、B，分别给予50万元、20万元奖励: the i-th amount rewards the i-th recipient (A奖励, B奖励);
    short items share the last one's head (对A类、B类人才… -> A类人才)."""
    if "分别" not in s or "对" not in s:
        return
    for m in _RESPECTIVE.finditer(s):
        # an item's condition is not its name: D类人才在我市首次购买商品住房 -> D类人才
        items = [re.split(r"(?<=..)(?:在|于)", x)[0] for x in re.split(r"、|和|及", m.group("who"))]
        award = _AWARD.search(m.group("tail"))
        if len(items) < 2 or award is None or any(_AMOUNT_IN.search(x) or not x for x in items):
            continue  # 对营业收入首次突破10亿元、50亿元的企业: thresholds, not recipients
        if any(len(x) <= 3 for x in items[:-1]) and len(items[-1]) > len(items[-2]) + 1:
            head = items[-1][len(items[-2]) :]  # A类、B类、D类人才: 人才; 进入Ⅰ期、Ⅱ期、Ⅲ期临床试验的…
            items = [x + head for x in items[:-1]] + [items[-1]]
        amounts = [
            q for q in quantities if m.start("tail") <= q.start - offset < m.end("tail") and is_money(q.unit)
        ]
        if len(amounts) != len(items):
            continue
        for q, who in zip(amounts, items, strict=True):
            q.subject, q.subject_start, q.subject_end = who + award.group(), None, None


def _split_pair(subject: str) -> tuple[str, str] | None:
    """城乡居民人均可支配收入 -> 城镇居民…, 农村居民…: a two-part word names two indicators."""
    for word, (a, b) in _PAIRED.items():
        at = subject.find(word)
        if at >= 0:
            rest = subject[at + len(word) :]
            return subject[:at] + a + rest, subject[:at] + b + rest
    return None


def _shared_head(items: list[str]) -> str | None:
    """城镇、农村居民人均可支配收入: the head noun the listed modifiers share, 居民人均可支配收入.

    The last item is modifier + head; its modifier ends where it repeats the
    previous item's ending (高新技术企业、科技型中小企业数量 -> 数量), else it is
    as long as a one- or two-character previous item (城镇、农村…; 第一、二、三产业).
    """
    last, before = items[-1], items[-2]
    named = _INDICATOR_HEAD.search(last)  # 原煤、原油、天然气产量 -> 产量
    if (
        named
        and named.start() >= 2
        and min(len(x) for x in items[:-1]) >= 2  # 第一、二、三产业增加值: one-character items
        and not any(before[-k:] in last for k in (2, 3) if len(before) >= k)
    ):
        return named.group()
    cut = len(before) if len(before) <= 2 else len(last)
    n = len(before)
    if len(last) > n + 1 and last[0] == before[0] and last[n - 1] == before[-1] and last[:n] != before:
        cut = n  # 第一档、第二档、第三档地区省级分担比例: items of one frame (第…档) before the head
    for k in range(min(len(before), len(last)), 1, -1):
        found = last.find(before[-k:])
        if found >= 0:
            cut = found + k
            break
    head = last[cut:]
    return head if len(head) >= 2 and len(last) > len(before) else None


# 突破1600亿斤大关, 连跨4个千亿台阶: the milestone passed, not the indicator that passed it
_MILESTONE = re.compile(r"(?:[百千万亿]+元?)?[新大]?(?:台阶|大关|关口)")


def _milestone(s: str, span: tuple[int, int]) -> bool:
    return bool(_MILESTONE.fullmatch(s, *span))


def _is_base(s: str, span: tuple[int, int]) -> bool:
    """比上半年 / 较上年末 before a change, 是上年 before 的N倍: the base of a comparison."""
    if not _BASE_ONLY.fullmatch(s, *span):
        return False
    return s[span[0]] in "比较" or s.startswith("的", span[1])


def _subject(
    s: str, cstart: int, pos: int, end: int, prev: Quantity | None, unit: str | None
) -> tuple[int, int] | str | None:
    """A span of `s`, or "inherit" (the previous number's subject: 、增长5%; 比上年提高1个百分点)."""
    if unit in _CLASSIFIERS and (noun := direct_noun(s, end, unit)) is not None and not _milestone(s, noun):
        return noun  # 80余个小型染料库中: the counted noun follows its measure word
    if unit == "%" and (support := support_rate(s, cstart, pos, end)) is not None:
        return support  # 按设备投资额的10%给予补助: the rate of the subsidy, not its base
    money = is_money(unit)  # 每公斤10元运营补贴 too
    left = left_subject(s, cstart, pos)
    if left is not None and _PERIOD_ONLY.fullmatch(s, *left):
        left = None  # “十四五”期间年均增长12.3%: a period names no indicator
    based = left is not None and _is_base(s, left)
    if based:
        left = None  # 比上半年加快0.2个百分点, 是上年的1.5倍: what is compared with, not what is measured
    if (
        money
        and prev is not None
        and prev.subject
        and is_support(prev.subject)
        and is_cap(s, cstart, pos, left)
    ):
        return "inherit"  # 按…的30%给予配套支持，单个项目最高500万元: the cap of that support
    if money and (left is None or not _FUND.search(s, *left)) and (fund := fund_after(s, end)) is not None:
        # 市级财政每年安排不少于10亿元专项资金, 对…给予最高1000万元资助: the fund named right after
        # the amount is what it measures, not the giver, the recipient or the verb before it
        # (but 安排衔接资金37.9亿元实施产业奖补: a fund named before the amount keeps it)
        return fund
    if (head := de_head(s, end)) is not None:
        if left is not None and THRESHOLD_END.search(s, cstart, pos) and not ends_with_action(s, left):
            return threshold_subject(s, left)  # 营业收入超500亿元的医药龙头企业: the threshold is on 营业收入
        counted = _DIGIT.search(s, head[0], head[1])
        if counted is None:
            return head  # 达到原厂区2倍至3倍的产能
        # 营业收入超百亿元的龙头企业5家以上: a threshold on the noun before it (营业收入), else on
        # the things the next number counts (超过500万元的工业项目300个 → 工业项目)
        if left is not None and left[1] - left[0] >= 2 and not ends_with_action(s, left):
            return left
        if counted.start() - head[0] >= 2:
            return head[0], counted.start()
    if money and (left is None or left[1] - left[0] <= 2 or ends_with_action(s, left)):
        fund = right_subject(s, end)  # 设立20亿元产业发展基金, 安排5000万元专项资金: the fund is named after
        if fund is not None and _FUND.search(s, fund[0], fund[1]):
            return fund
    if unit in _NOT_COUNTS and left is None and prev is not None and prev.subject:
        return "inherit"  # 去年增长5.1%的基础上: an amount's indicator is named before it
    # 10个以上新能源整车品牌, 首批5个国家公园: a count's noun may follow it
    right = right_subject(s, end) if unit not in _NOT_COUNTS or left is None else None
    # …的4302.17万人相比, 比2020年的2.67人减少0.09人: the verb after a base value names nothing
    ends = _COMPARISON_END.match(s, end)
    based = based or (ends is not None and _BASE_OF_CHANGE.search(s, cstart, pos) is not None)
    right = (
        None
        if right is not None and (_milestone(s, right) or ends and (based or ends[0] in ("相比", "比较")))
        else right
    )
    if left is not None and (right is None or left[1] - left[0] > 2 and not ends_with_action(s, left)):
        return left
    if right is not None:
        return right
    if prev is not None and prev.subject:
        return "inherit"
    label = _FIELD_LABEL.match(s)
    if left is None and label and label.end() == cstart and not _NOT_AN_INDICATOR.fullmatch(label.group(1)):
        return label.span(1)  # 预算金额：1860万元: a form's field names its value
    return left
