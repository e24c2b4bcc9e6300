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
    r"集聚|聚集|汇聚|吸引|吸纳|开通|开放|举办|举行|组织实施|部署|配备)"
    r"(?![量率数者值区度式型]|地(?!区))"  # 拥有量, 完成率, 集聚区, 建成区: part of an indicator's name, not a verb;
    # 实现地 is a place, but 实现地区生产总值 is the verb and its object
)
_LEAD_IN = re.compile(
    r"(?:(?:[“\"①-⑳）)]|左右|以内|我们|(?<![\d一二三四五六七八九十两])年内|共(?![同享建创性识赢商治担])|按(?:照)?可比(?:价格?|口径)(?:计算)?|按(?:照)?[\u4e00-\u9fff]{2,8}?(?:计算|折算|核算)|合计|共计|总计|(?:\d{1,2}[-—~至])?\d{1,2}月(?:份|底|末)?|前?[一二三四]季度(?:末|初)?|[上下]半年|明年|我们的|"
    r"力争|争取|确保|预计|努力|计划|截至目前|截至|目前|全年|今年|去年|上年|当日|当天|当月|其中|同时|此外|另外|"
    r"(?:19|20)\d\d[—\-–~至](?:19|20)\d\d年(?:间|期间)?|"  # 2025—2028年年均复合增长率
    r"连续[一二三四五六七八九十\d]+个?(?:月|季度)|"  # 连续8个月保持在55%以上: how long, not what
    r"[到至在于]?(?:(?:19|20)\d\d|二〇\S\S)年度?(?:底|末)?(?:前)?|(?:连续)?[一二三四五六七八九十\d]+年(?:来|内|后|间)?|"
    # conjunctions and prepositions (但赤字率, 把居民消费价格, 由中央代地方发债, 和改造排水管网): no name starts so
    r"提出|了(?!解)|但是|但|而且|并且|并(?![购网联行举存入列])|把(?![握关])|由(?![于此])|和(?![平谐美睦])|"
    r"[一二三四五六七八九十]是|推动(?!力)|一大?批|以[上下]的?|以来|如今|现在|当前|约(?=占)|"  # 八是推动…: an enumerated point and its verb
    r"(?:建成|达产|投产|完工|竣工|运营|改造)后|这(?:[款座台家个项批种条所])?|我国|我省|我市|我区|本市|本省|全国|全省|全市|全区|全疆|全州|全县|的|将|要|拟安排|安排|拟|后|在(?![职建线校读岗途册营])|(?:规划|纲要|计划)?(?:主要)?(?:预期)?目标(?:是|为)|新增(?=$))\s*)+"
)
_TAIL = re.compile(
    r"(?:(?:增长|增加|提高到|提高至|提高|提升到|提升至|提升|上升到|上升至|上升|上涨|下降到|下降至|下降|降低到|降低至|降低|降到|降至|减少|"
    r"增至|增加到|达到|达|突破|(?<![设确制规锁限])定[在为]|超过|超出|超|逾|不少于|不低于|不高于|不大于|不小于|小于|大于|至少|不超过|不到|低于|控制在|保持在|稳定在|稳定|保持|"
    r"(?:较|比|同)(?:上年|去年|上届|上一届|(?:19|20)\d\d年|[\d一二三四五六七八九十]+年前)(?:同期|预算)?(?:[高低多少]出?)?|"
    # 降幅较一季度分别收窄: a growth rate against an earlier part of the year
    # 增速比城镇居民高, 高于全省经济增速: the other indicator or place a gap is taken to
    r"(?<!不)(?:高于|低于|快于|慢于|高出|低出)[^，,；;。]{2,14}|(?<!占)比(?![重率例值上去同])[^，,；;。比]{1,10}?[高低快慢]出?|"
    r"(?:较|比)(?:[一二三四]季度末?|上半年|前三季度|\d{1,2}[—\-–~]\d{1,2}月份?|\d{1,2}月份?|上月|上季度|年初|上年末|上年底)(?:末)?|收窄|回落|回升|"
    r"于\d{1,2}月\d{1,2}日|创(?:下|出)?了?|恢复[至到](?:(?:19|20)\d\d年)?(?:同期)?(?:水平)?的|"
    # 同比名义增长5.3%，扣除价格因素实际增长5.1%: how the growth is counted, not what grows
    r"名义|扣除价格因素(?:后)?|"
    # 分别是2014年的2.6倍, 分别是成渝地区的3倍: the base of a multiple, named after 分别是
    r"分别(?:是|为|相当于)[^，,；;。、]{1,8}?的|(?:是|为|相当于)(?:19|20)\d\d年的|"
    # 增长到1.1亿元, 减少到45人, 整合为28家: the verb of a from-to pair
    r"(?:增长|增加|增|减少|下降|降低|提高|提升|上升|扩大|缩小|压缩|缩短|延长|(?:优化)?调整|整合|合并)(?:到|至|为)(?:(?:19|20)\d\d年(?:末|底)?的?)?|(?:高于|低于)(?:全国|全省|全市|全区)(?:平均)?(?:水平)?|为|是|在|约|近|将近|接近|分别占(?:全国|全省|全市|全区)?|分别|年均|平均|实际|同比|均|累计|已经|已|共|拟按|拟|按|由|从|比上年|因此|仍|将|要|"
    r"的|了|再|首次|完成|录得|跃上|(?<!打)破|连年|年末|增产|涨幅|共计|合计|总计|降幅|迈上|跨上|站上|连跨|跨越|扩大|缩小|全年|总体|预计|可达|可|"
    # news: reductions, a cap, a year, a comparison with an earlier state (能量密度比上一代, 人均产值是改造前)
    r"缩短|缩减|削减|压减|压降|(?<![升下压])降|压缩|节约|(?<!拟)安排|节省|节能|减重|(?:分别)?给予(?:最高)?|最高|今年|去年|明年|当年|现行|目前|"
    r"(?:比|较|是)(?:上一代|改造前|此前|以前|原来|过去|传统[\u4e00-\u9fff]{1,4})|"
    # adverbs of effort or continuity before the number (汽车产量继续, 每千人口护士数力争)
    r"前(?:[一二三四五六七八九十]|1[01]|[1-9])个月|力争|力求|争取|冲刺|剑指|瞄准|确保|实现|下达的?|[尚还相]差|同比增|[多少]增|下跌|下滑|最低可?至|继续|(?<=价)报|(?<!可)持续|加快(?:推进|建设|实施)?|又|原则上|"
    # adverbs and modals (板材利用率也, 售价则, 生产成本有望, 两道工序只需)
    r"同口径|(?<![所可足得难加予给])以|"  # 同口径增长6.5%, 临港区以18.7%的增速
    r"也|(?<![规原准细法守])则|(?<!成)就|还|(?<![首成京古旧])都|(?<![人英天奇口])才|有望|可以|只需|需要|仅|只|不足|"
    r"(?<![产储蓄动效功节性智核风光热电技体职赋潜势才本])能|"
    # a per-head or per-month base before the number (标准提高到人均280元, 从每月70元) and a list comma
    # the start of a from-to pair (配套率已从2020年的不足30%): 从, its year and 的
    r"[从由](?:(?:19|20)\d\d年(?:末|底)?|[一二三四五六七八九十\d]+年前|目前|最初|原来|原先|过去|去年|上年)?的?|人均|每(?:[人生户月年日天亩]|千瓦时|千瓦|兆瓦时|公斤|千克|吨|立方米|平方米|度)|、|(?:回升|回落|升|恢复|更新|(?:优化)?重组|调整)?(?<!截)至)\s*)+$"
)
# 新产线的场地仅占镇海厂区二分之一: the part is measured, the whole after 占 is its base
_SHARE_OF = re.compile(r"(.{2,}?)(?:仅|约|只|均|已|共|合计|分别)?占(?![比地用有据优])(?:[^比的]{1,10})")
_LISTED_LEAD_IN = re.compile(r"、(?:力争|确保|争取|努力|推动|推进)")
_GOAL_WORDS = re.compile(r"(?:规划|纲要|计划)?(?:预期目标|目标值|目标|指标|预期)+$")  # 规划目标为…: no name
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
# the next count or amount (岗位1100余个, 总投资512亿元), not a digit inside a name (4A级, 5G工厂, 3人制)
_DIGIT_AFTER = re.compile(
    r"(?<![0-9０-９.．A-Za-z])[0-9０-９][0-9０-９.．]*[万亿千百]*(?:余|多)?(?:[个家项元名人件套台座所条%％]|万|亿)(?!制)"
)
# Measure words that count people or households (200名残疾人, 30万户农户)
_TO_VERB = re.compile(
    r"(?:增|减|降|增加|减少|提高|提升|下降|降低|上升)[至到]|达到|(?:优化)?(?:调整|整合|合并|压减)[为至到]"
)
_BEFORE_NUMBER = re.compile(r"(?:约|近|超过?|逾|达到?|共计?|合计)$")
_PEOPLE_MEASURES = frozenset("名位户人")
_RIGHT_SKIP = re.compile(r"(?:以上|以下|以内|左右|上下|多|余|的)+")
# What ends a noun phrase after a count: a locative (染料库中), an adverb in 地
# (精准地) or a verb the counted things do (企业入驻, 工程圆满收官).
_RIGHT_VERB = re.compile(
    r"(?:(?<![高初集])[中里内](?![小国心央部型华西东医药试高外资区])|"  # 高中/初中 are nouns, 集中 a verb
    r"(?:精准|快速|有效|不断|持续|逐步|全面|充分|积极|主动|稳步|扎实)地|"
    r"(?:圆满|顺利|全面|全部|基本|正式|如期|提前|陆续|相继|成功|率先|已|均|将|正在|也|都|共同)"
    r"(?:收官|完成|建成|投产|开工|竣工|落地|投用|运行|实施|交付|达产|入驻|落户|上线|开通)|"
    r"入驻|落户|(?:新)?承接|参与|参加|入选|获得|获评|获批|通过|签约|完成|实现|开展|成为|使用|采用|选取|进行|组成|构成|"
    # what counted firms do in news (企业携新品参展, 企业提供岗位, 企业集中发布, 企业位于中国)
    r"集中(?!带量|采购|式|区|度|连片|供)|一同|携|提供|发放|签订|签署|位于|来自|接入|加入|上线|投产|整合为|合并为|予以|给予|分别|也|"
    # a count's noun ends before the total of the counted things (86个项目总投资512亿元)
    r"共计|合计|总计|总投资|实行|享受|推行|"  # 86家重点企业实行“一企一策”跟踪服务
    r"增至|减至|降至|增加|增长|提高|提升|下降|降低|减少|达到|超过|突破|"
    r"同时|先后|陆续|相继|正式|纳入|覆盖|受益|上榜|投入|收官|参展|参会|参赛|报名|申报|入围|挂牌|亮相|正在|已经|已|将|被|在(?!线)|从|向|对|为|是)"
)
# A number's 的-attached head is what it measures (原厂区2倍至3倍的产能), unless
# the head is the rate or level itself (5%左右的增速, 较高的水平).
_DE_HEAD = re.compile(r"(?:以上|以下|以内|左右|上下|多|余)?的")
_NOT_A_HEAD = re.compile(
    r"(?:增长|增速|增幅|涨幅|降幅|下降|速度|水平|幅度|比例|比重|占比|份额|目标|任务|规模|范围|区间|高位|标准|基础|"
    r"历史新?[高低]|新[高低]|纪录|峰值)"
)


# What an actor earns or produces (…集群实现产值, 企业实现营业收入)
_EARNED = re.compile(
    r"(?:总|工业|规上工业)?(?:产值|增加值|营业收入|主营业务收入|营收|销售收入|销售额|利润(?:总额)?|净利润|税收|交易额|产量|销量)"
)
# what a policy or a project drives (以旧换新带动销售, 项目带动就业)
_DRIVEN = re.compile(r"(?:新车)?(?:销售|消费|投资|就业|销售额|消费额)")
# …an actor that is an industry or a body of firms, with no number in its name
_ACTOR = re.compile(
    r"[^0-9０-９，,；;。]*(?:集群|产业链|产业|企业|工业|行业|园区|开发区|高新区|基地|公司|集团|板块)"
)


def _with_actor(
    sentence: str, clause_start: int, verb: re.Match[str], span: tuple[int, int]
) -> tuple[int, int] | None:
    """新能源产业集群实现产值1260亿元, 以旧换新带动销售超156亿元: what an industry earns or a policy
    drives is named by it too, so the subject spans the actor, the verb and the bare object."""
    by = skip_lead_in(sentence, clause_start, verb.start())
    actor = sentence[by : verb.start()]
    if verb.group() == "实现" and _EARNED.fullmatch(sentence, *span):
        named = 2 <= len(actor) <= 14 and bool(_ACTOR.fullmatch(actor))
    elif verb.group() == "带动" and _DRIVEN.fullmatch(sentence, *span):
        named = (
            2 <= len(actor) <= 10 and not _ANY_NUMBER.search(actor) and actor not in ("直接", "间接", "累计")
        )
    else:
        return None
    return (by, span[1]) if named else None


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
    if verb is not None and span is not None and (named := _with_actor(sentence, clause_start, verb, span)):
        return named
    if span is not None:
        span = _after_disposal(sentence, span)
        actor = _ACTOR_INVESTS.fullmatch(sentence, *span)
        if actor:
            return actor.start(1), span[1]  # 一家储能电池企业投资45亿元: the investment, not the investor
        support = _SUPPORT_NOUN.search(sentence, *span)
        if support and support.start() > span[0] and _SUPPORT_CUE.search(sentence[span[0] : span[1]]):
            # 对新入选企业给予一次性奖励50万元: the award, not its recipient, giver or cap
            return support.start(), span[1]
    acted = _OBJECT_VERB.match(sentence, span[0]) if span is not None else None
    if span is not None and acted is not None and HEAD_NOUN_UNITS.fullmatch(sentence, acted.end(), span[1]):
        # 帮助残疾人158万: the people the verb acts on are counted, as in 帮助158万残疾人
        return acted.end(), span[1]
    return span


# 帮助企业把质检效率提升了3倍, 虚拟调试让新车型导入周期缩短: the indicator follows 把/让
_DISPOSAL = re.compile(r"把(?![握关])|(?<![出转退谦])让(?![利渡步位])")
# The support an amount or a rate pays out, and what marks a support clause (对 the recipient,
# 给予, a cap 最高) rather than an indicator that merely ends in 补贴 (农业补贴)
_SUPPORT = r"(?:一次性|综合|配套|项目|安家|风险)?(?:奖励|补助|补贴|资助|奖补|补偿|贴息|支持)"
_SUPPORT_NOUN = re.compile(rf"{_SUPPORT}(?:比例)?$|配套$")  # 产业化项目补助比例: the rate names it too
_SUPPORT_CUE = re.compile(r"^对|给予|予以|最高")
# 按设备投资额的10%给予补助, 按照不超过本金2%的比例给予风险补偿: the rate of the support
_RATE_SUPPORT = re.compile(
    r"(?:的比例)?[，,]?(?:给予|予以)(?:[^，,；;。、]{0,8}?)"
    rf"(?P<noun>{_SUPPORT}|配套)"
    r"(?=[，,；;。]|$)"
)
_RATE_BASE = re.compile(r"按照?")
# an amount directly before a fund (安排不少于10亿元专项资金, 完成新一轮15亿元融资), across a
# list of amounts that share it (分别给予最高300万元、500万元、1000万元资助)
_AMOUNT_LIST = re.compile(r"(?:(?:以上|以下|左右|多|余)?[、和及至到\-~—]\s*[\d.]+[万亿]*元)*")
# a run of fund words (专项奖补资金, 补助资金); 支持/补偿/贴息 only as a noun that ends the clause
# (给予最高1000万元支持。), not as the verb after an amount (3000亿元支持消费品以旧换新)
# what an amount can be: a fund, a subsidy, a loan (also the indicator an amount's left span names)
FUND_WORDS = r"基金|资金|补贴|补助|贷款|债券|奖励|奖补|资助|消费券|专款"
_FUND_NOUN = re.compile(rf"(?:{FUND_WORDS}|融资|额度|订单|(?:支持|贴息|补偿)(?=[，,；;。]|$))+")
_OWN_AMOUNT = re.compile(r"(?:约|近|超过?|达到?|余额)?[0-9０-９]")


def support_rate(sentence: str, cstart: int, pos: int, end: int) -> tuple[int, int] | None:
    """按产品单价的20%给予研制企业奖励 -> 奖励: a rate on a base (按…的) measures the support it pays."""
    if not _RATE_BASE.search(sentence, cstart, pos):
        return None
    m = _RATE_SUPPORT.match(sentence, end)
    return m.span("noun") if m else None


def fund_after(sentence: str, end: int) -> tuple[int, int] | None:
    """The fund or support an amount ending at `end` is (10亿元专项资金, 15亿元融资)."""
    listed = _AMOUNT_LIST.match(sentence, end)
    span = right_subject(sentence, listed.end() if listed else end)
    fund = _FUND_NOUN.search(sentence, *span) if span is not None else None
    if span is None or fund is None or fund.end() - span[0] > 12:
        return None
    if _RIGHT_VERB.match(sentence, span[0]) or _RIGHT_VERB.search(sentence, span[0] + 2, fund.start()):
        return None  # 37.9亿元实施产业奖补: the amount pays for an action, it is not the fund
    if _OWN_AMOUNT.match(sentence, fund.end()):
        return None  # 筹措30.5亿元撬动新增贷款2317.3亿元: that fund has an amount of its own
    return span[0], fund.end()  # 300亿元财政资金注入产业基金: the fund, not what it does


# a firm named by a determiner, then its investment (一家储能电池企业投资, 该公司投资)
_ACTOR_INVESTS = re.compile(r".*(?:一家|该|这家)[^，,；;。]{0,12}?(?:企业|公司|集团)(投资)")


# an actor, then a time or 已 before the indicator (长兴已累计归集政务数据, 企业今年海外收入)
_ACTOR_TIME = re.compile(r"(?:今年|去年|明年|已经|已)(?:累计)?(?!超过|超|达|突破)(?=[\u4e00-\u9fff“]{3})")


def _after_disposal(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The indicator after a 把/让 clause or after an actor's time word or 已 (长兴已累计归集政务数据)."""
    last = None
    for m in _DISPOSAL.finditer(sentence, *span):
        last = m
    for m in _ACTOR_TIME.finditer(sentence, span[0] + 1, span[1]):
        last = m if last is None or m.end() > last.end() else last
    if last is not None and span[1] - last.end() >= 2:
        return last.end(), span[1]
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
    if share and sentence.startswith("分别", start) and share.end(1) - start <= 2:
        return None  # 分别占成交额的40.5%、9.4%: the shares of the indicators listed before
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


def right_subject(
    sentence: str, pos: int, people: bool = True, numbers: bool = False
) -> tuple[int, int] | None:
    """The noun phrase after the number ending at `pos` (skipping 以上, 的 …).

    `people`: the number counts people, so a people noun ends the phrase.
    `numbers`: the phrase may run on into the next count (…的工业项目300个)."""
    skip = _RIGHT_SKIP.match(sentence, pos)
    start = skip.end() if skip else pos
    if _TO_VERB.match(sentence, start):
        return None  # 19家增至31家: the count's change follows it, no noun
    stop = _RIGHT_STOP.search(sentence, start, start + 16)
    end = stop.start() if stop else min(len(sentence), start + 16)
    verb = _RIGHT_VERB.search(sentence, start + 2, end)
    end = verb.start() if verb else end
    first = numbers or _ANY_NUMBER.match(sentence, start)
    # the next number may end past the phrase's cut (…转移项目约700个): look a few characters further
    digit = None if first else _DIGIT_AFTER.search(sentence, start + 1, min(len(sentence), end + 8))
    if digit and digit.start() < end:
        # 32家企业提供岗位1100余个: the next number is not the noun; …项目约700个: nor its 约
        cue = _BEFORE_NUMBER.search(sentence, start, digit.start())
        end = cue.start() if cue else digit.start()
    head = HEAD_NOUN_UNITS.match(sentence, start, end) if people else None
    end = head.end() if head else end  # 405万皖北群众喝上引调水: the counted noun ends the subject
    if end - start < 2:
        return None
    return start, end


def _separating_space(sentence: str, i: int) -> bool:
    """A space between Chinese characters parts a headline (…枢纽节点 到2028年算力总规模将超…)."""
    return (
        sentence[i] in " \u3000"
        and 0 < i < len(sentence) - 1
        and "\u4e00" <= sentence[i - 1] <= "\u9fff"
        and ("\u4e00" <= sentence[i + 1] <= "\u9fff" or sentence[i + 1] in "“《")
    )


def clause_start(sentence: str, pos: int) -> int:
    """Index just after the last clause boundary before `pos`."""
    start = 0
    for i in range(pos - 1, -1, -1):
        if sentence[i] in _CLAUSE_END or _separating_space(sentence, i):
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
    # 20家以上具有国际竞争力的领军企业, 5家营业收入超500亿元的医药龙头企业: the modifier
    # describes what is counted; the noun after 的 is it
    modifier = _MODIFIER_DE.match(sentence, start)
    if modifier and (head := right_subject(sentence, modifier.end(), people)):
        return head
    span = right_subject(sentence, pos, people)
    if span is not None and span[1] - span[0] <= 5 and sentence.startswith("、", span[1]):
        # 10个左右有条件、有基础、规模适当的城市: short listed modifiers, then the head after 的
        close = _CLAUSE_STOP.search(sentence, span[1])
        de = sentence.rfind("的", span[1], close.start() if close else len(sentence))
        if de > 0 and not _ANY_NUMBER.search(sentence, span[1], de + 2):
            return right_subject(sentence, de + 1, people) or span
    return span


_MODIFIER_DE = re.compile(
    r"(?:具有|具备|拥有)[^，,；;。、的]{1,10}的|"
    r"[^，,；;。、的0-9０-９]{1,8}?(?:(?:超过?|达到?|逾)[0-9０-９.．]*[十百千万亿]*[^，,；;。、的]{0,3}?(?:以上)?|"
    r"[0-9０-９.．]+[十百千万亿]*[^，,；;。、的0-9０-９]{0,3}?以上)的"
)
# 营业收入超500亿元的医药龙头企业: a threshold's amount measures the noun before it
THRESHOLD_END = re.compile(r"(?:超过|超出|超|逾|达到|突破)$")
# what comes before the thresholded indicator (宁东基地成为西部首个产值超过2000亿元的化工园区)
_BEFORE_THRESHOLD = re.compile(r".*(?:成为|成长为|首个|一批|的)|对")


# a cap per item after the support it limits (按…给予补助，单个项目最高500万元)
_CAP_UNIT = re.compile(
    r"(?:单个|每个|每家|每项)[\u4e00-\u9fff]{1,4}|(?:每[站座户台套所]|单[项笔户次])[\u4e00-\u9fff]{0,4}"
)


def is_cap(sentence: str, cstart: int, pos: int, left: tuple[int, int] | None) -> bool:
    """单个项目最高500万元: the amount caps a support; the item it applies to is not its indicator."""
    return left is not None and bool(_CAP_UNIT.fullmatch(sentence, *left)) and "最高" in sentence[cstart:pos]


def is_support(subject: str) -> bool:
    """补助, 配套支持, 一次性奖励: a support named as a subject."""
    return bool(_SUPPORT_NOUN.search(subject))


def threshold_subject(sentence: str, span: tuple[int, int]) -> tuple[int, int]:
    """The indicator a threshold applies to: 产值 in …成为西部首个产值超过2000亿元的化工园区."""
    m = _BEFORE_THRESHOLD.match(sentence, *span)
    return (m.end(), span[1]) if m and span[1] - m.end() >= 2 else span


def de_head(sentence: str, pos: int) -> tuple[int, int] | None:
    """原厂区2倍至3倍的产能 -> 产能: the noun the number modifies through 的."""
    m = _DE_HEAD.match(sentence, pos)
    if not m or _NOT_A_HEAD.match(sentence, m.end()):
        return None
    span = right_subject(sentence, m.end(), numbers=True)
    if span is None or span[1] - span[0] > 8 or sentence[span[1] : span[1] + 1] not in _CLAUSE_END:
        return None  # only a short head that ends the clause: …的产能。
    return span


# 民营经济贡献了全县60%以上的税收、70%以上的地区生产总值: each number is that share of the noun after it
_CONTRIBUTES = re.compile(r"贡献了?(?P<place>全国|全省|全市|全县|全区)?")
_SHARE_NOUN = re.compile(r"(?:以上|以下|左右|多)?的(?P<noun>[^，,；;。、和及与]{2,12})")


def contribution_share(sentence: str, pos: int, end: int) -> str | None:
    """贡献了全县60%以上的税收 -> 民营经济贡献全县税收比重: a share of a whole, named by the noun after 的."""
    start = clause_start(sentence, pos)
    lead = max(_CONTRIBUTES.finditer(sentence, start, pos), key=lambda m: m.start(), default=None)
    noun = _SHARE_NOUN.match(sentence, end)
    if lead is None or noun is None:
        return None
    if lead.end() != pos and sentence[pos - 1] not in "、和及与":
        return None  # 贡献 governs this number directly, or through a list of like shares
    actor = sentence[skip_lead_in(sentence, start, lead.start()) : lead.start()]
    place = lead.group("place") or ""
    return f"{actor}贡献{place}{noun.group('noun')}比重" if actor else f"{place}{noun.group('noun')}比重"


# 186个重大项目中，已竣工121个，在建52个: counts of a set named before 中, told apart by their state
_SET_STATE = re.compile(
    r"(?:已经?|基本|尚未|未|正在|仍在|在)?(?:完成或超额完成|超额完成|完成|竣工|建|开工|投产|达标|启动|实施)"
)
_SET_MEMBER_LEAD = re.compile(r"(?:其中|尚有|还有|仍有|共有|有)?")


def state_in_set(sentence: str, cstart: int, pos: int, end: int) -> str | None:
    """已竣工 in …项目中，已竣工121个 (or 未完成 in 2项未完成): the clause says only the counted
    members' state, so the count measures the set's members in that state."""
    left = sentence[cstart:pos]
    lead = _SET_MEMBER_LEAD.match(left)
    left = left[lead.end() :] if lead else left
    stop = _CLAUSE_STOP.search(sentence, end)
    right = sentence[end : stop.start() if stop else len(sentence)]
    state = left + right if not (left and right) else None
    return state if state and _SET_STATE.fullmatch(state) else None
