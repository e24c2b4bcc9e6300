"""The indicator a number measures, as a span of the sentence.

Left of the number: the clause after its last governing verb (建成, 拥有,
实现 …), less lead-ins (到2027年, 全年, 力争) and the words between the
indicator and the number (增长, 超过, 达到). When nothing is left, or the
left side ends an enumeration (…等3个万亿级产业集群), the noun phrase right
of the number is the subject (10个以上新能源整车品牌).
"""

from __future__ import annotations

import re

from nlp.quantity_units import HEAD_NOUN_UNITS

_CLAUSE_END = "，,；;。：:！？!?\n"
_CLAUSE_STOP = re.compile(f"[{_CLAUSE_END}]")
_ANY_NUMBER = re.compile(r"[0-9０-９一二两三四五六七八九十百千万亿]")
_GOVERNING_VERB = re.compile(
    r"(?:建成|拥有|培育|形成|实现|打造|新建|完成|引进|创建|认定|带动|组建|布局|共有|建立|设立|发行|争创|落地|"
    r"集聚|聚集|汇聚|吸引|吸纳|开通|开放)"
    r"(?![量率数者值区地度式型])"  # 拥有量, 完成率, 集聚区, 建成区: part of an indicator's name, not a verb
)
_LEAD_IN = re.compile(
    r"(?:(?:[“\"①-⑳]|(?:\d{1,2}[-—~至])?\d{1,2}月(?:份|底|末)?|前?[一二三四]季度|[上下]半年|明年|我们的|"
    r"力争|争取|确保|预计|努力|计划|截至目前|截至|目前|全年|今年|去年|上年|其中|同时|此外|另外|"
    r"[到至在于]?(?:(?:19|20)\d\d|二〇\S\S)年(?:底|末)?(?:前)?|[一二三四五六七八九十\d]+年(?:来|内|后|间)?|"
    # conjunctions and prepositions (但赤字率, 把居民消费价格, 由中央代地方发债, 和改造排水管网): no name starts so
    r"但是|但|而且|把(?![握关])|由(?![于此])|和(?![平谐美睦])|"
    r"[一二三四五六七八九十]是|推动(?!力)|以来|如今|现在|当前|约(?=占)|"  # 八是推动…: an enumerated point and its verb
    r"(?:建成|达产|投产|完工|竣工|运营|改造)后|这|我国|我省|我市|我区|本市|本省|全国|全省|全市|全区|全疆|全州|全县|的|将|要|拟安排|安排|拟|后|在|(?:主要)?(?:预期)?目标(?:是|为)|新增(?=$))\s*)+"
)
_TAIL = re.compile(
    r"(?:(?:增长|增加|提高到|提高至|提高|提升到|提升至|提升|上升到|上升至|上升|上涨|下降到|下降至|下降|降低到|降低至|降低|降到|降至|减少|"
    r"增至|增加到|达到|达|突破|(?<![设确制规锁限])定[在为]|超过|超出|超|逾|不少于|不低于|不高于|不大于|不小于|小于|大于|至少|不超过|不到|低于|控制在|保持在|稳定在|稳定|保持|"
    r"(?:较|比|同)(?:上年|去年|(?:19|20)\d\d年|[\d一二三四五六七八九十]+年前)(?:同期|预算)?[高低]?|(?:高于|低于)(?:全国|全省|全市|全区)(?:平均)?(?:水平)?|为|是|在|约|近|将近|接近|分别占(?:全国|全省|全市|全区)?|分别|年均|平均|实际|同比|均|累计|已经|已|共|拟按|拟|按|由|从|比上年|因此|仍|将|要|"
    r"的|了|再|首次|完成|录得|跃上|(?<!打)破|连年|年末|增产|涨幅|降幅|迈上|跨上|站上|连跨|跨越|扩大|缩小|全年|总体|预计|可达|可|"
    # news: reductions, a cap, a year, a comparison with an earlier state (能量密度比上一代, 人均产值是改造前)
    r"缩短|缩减|压缩|节约|节省|节能|减重|(?:分别)?给予(?:最高)?|最高|今年|去年|明年|当年|现行|"
    r"(?:比|较|是)(?:上一代|改造前|此前|以前|原来|过去|传统[\u4e00-\u9fff]{1,4})|"
    # adverbs of effort or continuity before the number (汽车产量继续, 每千人口护士数力争)
    r"力争|力求|争取|确保|继续|(?<!可)持续|加快(?:推进|建设|实施)?|又|"
    # adverbs and modals (板材利用率也, 售价则, 生产成本有望, 两道工序只需)
    r"也|(?<![规原准细法守])则|(?<!成)就|还|(?<![首成京古旧])都|(?<![人英天奇口])才|有望|可以|只需|需要|仅|只|不足|"
    r"(?<![产储蓄动效功节性智核风光热电技体职赋潜势才本])能|"
    # a per-head or per-month base before the number (标准提高到人均280元, 从每月70元) and a list comma
    # the start of a from-to pair (配套率已从2020年的不足30%): 从, its year and 的
    r"[从由](?:(?:19|20)\d\d年|[一二三四五六七八九十\d]+年前|目前|最初|原来|原先|去年|上年)?的?|人均|每[人生户月年日天]|、|(?:升|恢复|更新|(?:优化)?重组|调整)?(?<!截)至)\s*)+$"
)
# 新产线的场地仅占镇海厂区二分之一: the part is measured, the whole after 占 is its base
_SHARE_OF = re.compile(r"(.{2,}?)(?:仅|约|只|均|已|共|合计|分别)?占(?![比地用有据优])(?:[^比的]{1,10})")
_LISTED_LEAD_IN = re.compile(r"、(?:力争|确保|争取|努力|推动|推进)")
_GOAL_WORDS = re.compile(r"(?:预期目标|目标值|目标|指标|预期)+$")
_BARE_CHANGE = re.compile(r"增长|增速|增幅")
# Verbs whose object names what is counted: 再解决6000万农村人口, 帮助残疾人158万
_OBJECT_VERBS = "解决|使用|守住|惠及|资助|帮助|安置|救助"
_ACTION_END = re.compile(
    r"(?:开展|建设|推动|实施|推进|建成|新建|培育|打造|引进|启动|部署|集聚|吸引|认定|获批|获评|创建|设立|组建|"
    r"布局|发布|出台|制定|完成|开工|竣工|投产|落地|新增|累计|首批|批|支持|扶持|招引|签约|举办|改造|建立|形成|"
    rf"{_OBJECT_VERBS})$"
)
_OBJECT_VERB = re.compile(f"(?:{_OBJECT_VERBS})")
_RIGHT_STOP = re.compile(r"[，,；;。：:！？!?、（(\n]|等|和|及|以及|的|，")
# Measure words that count people or households (200名残疾人, 30万户农户)
_PEOPLE_MEASURES = frozenset("名位户人")
_RIGHT_SKIP = re.compile(r"(?:以上|以下|以内|左右|上下|多|余|的)+")
# What ends a noun phrase after a count: a locative (染料库中), an adverb in 地
# (精准地) or a verb the counted things do (企业入驻, 工程圆满收官).
_RIGHT_VERB = re.compile(
    r"(?:(?<![高初])[中里内](?![小国心央部型华西东医药试高外资区])|"  # 高中/初中 are nouns
    r"(?:精准|快速|有效|不断|持续|逐步|全面|充分|积极|主动|稳步|扎实)地|"
    r"(?:圆满|顺利|全面|全部|基本|正式|如期|提前|陆续|相继|成功|率先|已|均|将|正在|也|都|共同)"
    r"(?:收官|完成|建成|投产|开工|竣工|落地|投用|运行|实施|交付|达产|入驻|落户|上线|开通)|"
    r"入驻|落户|参与|参加|入选|获得|获评|获批|通过|签约|完成|实现|开展|成为|使用|采用|选取|进行|组成|构成|"
    r"增加|增长|提高|提升|下降|降低|减少|达到|超过|突破|"
    r"同时|先后|陆续|相继|正式|纳入|覆盖|受益|上榜|投入|收官|参展|参会|参赛|报名|申报|入围|挂牌|亮相|正在|已经|已|将|被|在|从|向|对|为|是)"
)
# A number's 的-attached head is what it measures (原厂区2倍至3倍的产能), unless
# the head is the rate or level itself (5%左右的增速, 较高的水平).
_DE_HEAD = re.compile(r"(?:以上|以下|以内|左右|上下|多|余)?的")
_NOT_A_HEAD = re.compile(
    r"(?:增长|增速|增幅|涨幅|降幅|下降|速度|水平|幅度|比例|比重|份额|目标|任务|规模|范围|区间|高位|标准|基础)"
)


# What a governing verb may leave on its own: a bare action or amount noun, not a counted thing.
_THIN_AFTER_VERB = re.compile(r"投资|并网|装机|产值|营收|收入|销售|交易|出口|进口|发电|生产|交付")


def left_subject(sentence: str, clause_start: int, pos: int) -> tuple[int, int] | None:
    """(start, end) within `sentence` of the indicator left of the number at `pos`."""
    verb = None
    for m in _GOVERNING_VERB.finditer(sentence, clause_start, pos):
        if m.end() < pos:
            verb = m
    span = _left_span(sentence, verb.end() if verb else clause_start, pos)
    if (
        verb is not None
        and verb.group() in ("建成", "完成")
        and _THIN_AFTER_VERB.fullmatch(sentence, *span or (pos, pos))
    ):
        # 新型储能累计建成并网1000万千瓦, 重大项目完成投资2393亿元: a bare 并网/投资 after the verb
        # measures the noun before it, so the indicator spans the verb
        wide = _left_span(sentence, clause_start, pos)
        if wide is not None and wide[0] < verb.start():
            return wide
    acted = _OBJECT_VERB.match(sentence, span[0]) if span is not None else None
    if span is not None and acted is not None and HEAD_NOUN_UNITS.fullmatch(sentence, acted.end(), span[1]):
        # 帮助残疾人158万: the people the verb acts on are counted, as in 帮助158万残疾人
        return acted.end(), span[1]
    return span


def _left_span(sentence: str, start: int, pos: int) -> tuple[int, int] | None:
    segment = sentence[start:pos]
    tail = _TAIL.search(segment)
    end = start + (tail.start() if tail else len(segment))
    goal = _GOAL_WORDS.search(sentence, start, end)  # 经济增长预期目标为: 增长 is part of the name
    if goal and not _BARE_CHANGE.fullmatch(
        sentence, skip_lead_in(sentence, start, goal.start()), goal.start()
    ):
        end = goal.start()  # but 把增长预期目标定在: a bare 增长 names nothing, the goal stays
    start = skip_lead_in(sentence, start, end)
    for listed in _LISTED_LEAD_IN.finditer(sentence, start, end):
        start = listed.end()  # 建设…先导区、力争产业规模: the last listed item's own lead-in opens it
    if end - start < 2 or sentence[start:end].endswith("等"):
        return None
    share = _SHARE_OF.fullmatch(sentence, start, end)
    return (start, share.end(1)) if share else (start, end)


def skip_lead_in(sentence: str, start: int, end: int) -> int:
    """Index after the lead-in words (今年1-8月, 全市, 力争 …) that open sentence[start:end].

    An opening quote stays when the subject closes it: “新三样”产品出口, not 新三样”产品出口.
    """
    lead = _LEAD_IN.match(sentence, start, end)
    if not lead:
        return start
    opened = sentence.rfind("“", start, lead.end())
    if opened >= 0 and _closes_a_quote(sentence[lead.end() : end]):
        return opened
    return lead.end()


def _closes_a_quote(text: str) -> bool:
    """A ” in `text` without its “ before it."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                return True
            depth -= 1
    return False


def ends_with_action(sentence: str, span: tuple[int, int]) -> bool:
    """开展首批 / 加快建设 / 新增: a verb or batch word, so a count's noun comes after the number."""
    return bool(_ACTION_END.search(sentence, span[0], span[1]))


def right_subject(sentence: str, pos: int, people: bool = True) -> tuple[int, int] | None:
    """The noun phrase after the number ending at `pos` (skipping 以上, 的 …).

    `people`: the number counts people, so a people noun ends the phrase."""
    skip = _RIGHT_SKIP.match(sentence, pos)
    start = skip.end() if skip else pos
    stop = _RIGHT_STOP.search(sentence, start, start + 16)
    end = stop.start() if stop else min(len(sentence), start + 16)
    verb = _RIGHT_VERB.search(sentence, start + 2, end)
    end = verb.start() if verb else end
    head = HEAD_NOUN_UNITS.match(sentence, start, end) if people else None
    end = head.end() if head else end  # 405万皖北群众喝上引调水: the counted noun ends the subject
    if end - start < 2:
        return None
    return start, end


def clause_start(sentence: str, pos: int) -> int:
    """Index just after the last clause boundary before `pos`."""
    start = 0
    for i in range(pos - 1, -1, -1):
        if sentence[i] in _CLAUSE_END:
            start = i + 1
            break
    # a number inside an open parenthesis: （2024年增长5.4%） starts its own clause
    opened = max(sentence.rfind("（", start, pos), sentence.rfind("(", start, pos))
    if opened > max(sentence.rfind("）", start, pos), sentence.rfind(")", start, pos)):
        return opened + 1
    return start


def direct_noun(sentence: str, pos: int, unit: str | None = None) -> tuple[int, int] | None:
    """80余个小型染料库, 12.98万户一期工程: the noun phrase right after a count's measure
    word (nothing between but 以上/多/余), which names what is counted."""
    # 30所残疾人康复中心: a people noun after a measure word of things only modifies them
    people = unit is None or unit in _PEOPLE_MEASURES
    skip = re.compile(r"(?:以上|以下|以内|左右|上下|多|余)*").match(sentence, pos)
    start = skip.end() if skip else pos
    if start >= len(sentence) or not ("\u4e00" <= sentence[start] <= "\u9fff" or sentence[start] in '“"'):
        return None
    if _RIGHT_VERB.match(sentence, start) or sentence.startswith(("的", "等", "和", "及", "以", "为"), start):
        return None
    span = right_subject(sentence, pos, people)
    if span is not None and span[1] - span[0] <= 5 and sentence.startswith("、", span[1]):
        # 10个左右有条件、有基础、规模适当的城市: short listed modifiers, then the head after 的
        close = _CLAUSE_STOP.search(sentence, span[1])
        de = sentence.rfind("的", span[1], close.start() if close else len(sentence))
        if de > 0 and not _ANY_NUMBER.search(sentence, span[1], de + 2):
            return right_subject(sentence, de + 1, people) or span
    return span


def de_head(sentence: str, pos: int) -> tuple[int, int] | None:
    """原厂区2倍至3倍的产能 -> 产能: the noun the number modifies through 的."""
    m = _DE_HEAD.match(sentence, pos)
    if not m or _NOT_A_HEAD.match(sentence, m.end()):
        return None
    span = right_subject(sentence, m.end())
    if span is None or span[1] - span[0] > 8 or sentence[span[1] : span[1] + 1] not in _CLAUSE_END:
        return None  # only a short head that ends the clause: …的产能。
    return span
