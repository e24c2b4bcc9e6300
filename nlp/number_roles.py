"""What a matched number is: a quantity, or a year, date, period, ordinal, duration, code, name.

Decided from the characters around the match only (no tokenizer), so the
scan stays linear.
"""

from __future__ import annotations

import re

from nlp.quantity_units import DURATION_UNITS, ORDINAL_AFTER, TIME_UNITS

_PLAN_PERIOD = re.compile(r"十([一二三四五六七八九])五")
# the denominator of a rate (每增长1个百分点) or the unit an award is paid for (每引进1人)
_PER_ACT = re.compile(
    r"每(?:增长|增加|提高|下降|降低|引进|招收|招聘|培养|认定|新增|吸纳|录用|聘用|安置|接收|接待|组织|输送|培育|落户|入选)$"
)
_SURVEY_NAME = re.compile(r"(?:人口|劳动力)?抽样调查")
_PLAN_NAMED = re.compile(r"第十([一二三四五六七八九])个五年")
_DURATION = re.compile(rf"(?:{DURATION_UNITS})")
_YEAR_AFTER = re.compile(r"年")
# Words that 年 opens (年轻人, 年产, 年均, 年度 …); see _year_opens_word.
_YEAR_WORD = re.compile(
    r"年(?:轻|青|幼|老|龄|产|均|度|销|营|收|处理|吞吐|发电|接待|运|用|供|节|减|排|新增|增|出口|进口|交易|纳税)"
)
_DATE_AFTER = re.compile(r"[月日号]")
_URL_CHARS = set("/%=&?#_.~:@")
_OPEN_QUOTES = '“"『「‘《'
_CLOSE_QUOTES = '”"』」’》'
_LIST_PUNCT = "、.．)）"
_ASCII_WORD = re.compile(r"[A-Za-z_#@]")
_CN_SMALL = set("〇零○一二两三四五六七八九十壹")
_SMALL_WORDS = set("一二两三四五六七八九十")
_WORD_CHARS = ("零", "〇", "○", "拾", "佰", "仟")  # alone, never a count
_ENUMERATION = re.compile(
    r".{0,4}?(?:方面|举措|工作|任务|原则|要求|领域|环节|关系|问题|措施|行动|工程|重点|关键|抓手|着力点|维度|层面|突破口|"
    r"目标|字(?!号))"  # 对两个目标加以说明, 在“巩固、增强、提升、畅通”八个字上下功夫
)
_COMPARATOR_BEFORE = re.compile(r"(?:超过|突破|超|逾|近|上|(?<![签节制预公条])约|达|跨过|迈过|越过)$")
# 近千万家庭, 跨过万亿元大关 (not 上亿市场主体): a bare magnitude that states an amount
_AMOUNT_BEFORE = re.compile(r"(?:超过|突破|逾|近|约|跨过|迈过|越过|迈上|跃上|站上|(?<!打)破)$")
# 60岁以上老年人, 3岁以下婴幼儿, 30万千瓦以下煤电机组: a threshold that defines a group, not an amount
_THRESHOLD_UNITS = (
    "岁",
    "千瓦",
    "米",
    "毫米",
    "厘米",
)  # 厚度低于0.01毫米的地膜, 380米的船坞: a size that describes
# 50米内换乘, 周边50公里范围内, 距离西安300多公里, 1500公里外: a radius or a distance, not an amount
_DISTANCE_UNITS = ("米", "公里")  # not 毫米: 降水量1210毫米以内 is a level
_RADIUS_AFTER = re.compile(r"(?:以内|之内|范围|以外|之外|外|内)")
_DISTANCE_BEFORE = re.compile(
    r"(?:(?:距离|相距|距|离)[\u4e00-\u9fff]{0,6}|半径|方圆|周边|周围|以[东南西北]|[东南西北]侧)约?$"
)
# 供氢半径控制在150公里以内, 平均运距缩短至50公里: a distance that is an indicator's level
_DISTANCE_GOAL = re.compile(
    r"(?:半径|运距|距离|间距|里程)(?:平均)?(?:控制在|缩短至|缩短到|压缩至|压缩到|降至|降到|不超过|保持在)约?$"
)
# PUE控制在1.25以下, 基尼系数降至0.4: a level of an indicator that has no unit
_DIMENSIONLESS_BEFORE = re.compile(
    r"(?:PUE|WUE|CUE|COP|电能利用效率|能源利用效率|水资源利用效率|能效比|系数|指数|比值|收入比|容积率)值?[）)]?"
    r"(?:值|平均值|均值)?(?:原则上|一般|总体)?(?:要|须|应|将)?(?:从\d+(?:\.\d+)?)?(?:控制在|从|下降到|下降至|降低到|降低至|降至|降到|达到|达|提高到|提高至|提升至|提升到|"
    r"保持在|稳定在|不高于|不低于|不超过|低于|高于|小于|大于|为|在)?了?(?:约|近|达)?$"
)
# a time that is an indicator: how long approval, delivery or development takes (a product's
# 发电时间 or 续航时间 is a rating, and stays a duration)
_SHORTENED_TO = re.compile(r"(?:压缩|缩短|缩减)(?:至|到)(?:平均)?$")
_LIMIT_UNIT = r"(?:个工作日|工作日|小时|天)?"  # the unit already read with the number, or not
_SHORTENED_FROM = re.compile(_LIMIT_UNIT + r"(?:压缩|缩短|缩减)(?:至|到)")
_SETTLED_WITHIN = re.compile(_LIMIT_UNIT + r"以?内(?:办结|办完|完成办理|审结|答复|到账)")
_TIME_MEASURE = re.compile(
    r"(?:用时|耗时|时限|周期|天数|小时数|工期|(?:审批|办理|办结|开办|通关|交付|等待|候诊|响应|停留|注销|退税|处置|通勤|兑现|拨付|"
    r"建设|课间)(?:平均)?(?:时间|时长))[^，,；;。]{0,14}?"
    r"(?:压缩|缩短|缩减|减少|降低|降|控制|稳定|保持)?(?:至|到|在|为)?(?:平均)?(?:不超过|以内|约|仅|只需)?$"
)
# 单机容量20兆瓦的风电机组, 叶轮直径达到260米, 时速350公里动车组: what one product is rated at
_SPEC_BEFORE = re.compile(
    r"(?:单机容量|单机功率|单台容量|额定功率|额定容量|直径|时速|转速)(?:达到|达|为|约|超过|可达)?$"
)
# 亿元以上项目, 2000万元以上工业企业: a size that defines a class of projects or firms
_CLASS_OF = re.compile(
    r"(?:及)?(?:以上|以下)的?(?:重大|重点|产业|工业|制造业|招商|外资|内资)?(?:项目|企业|工程|园区|集群)"
)
_THRESHOLD_AFTER = re.compile(r"(?:[及或]?(?:以上|以下))?的?")
_THRESHOLD_NOT = re.compile(
    r"[^\u4e00-\u9fff]|[、等和与及或]|左右|上下|多|余|增长|下降|提高|降低|规模|装机|容量|以[上下内]"
)
# 居全国前3位, 全国排名53位, ESI排名前万分之一: a rank, not an amount
_RANK_BEFORE = re.compile(
    r"(?:排名|排位|排行|位次|居|位列|列|位居|跻身|进入|迈入|跃居|跃升至|升至|稳居)(?:全国|全省|全球|世界|全市|全区|中部|西部|东部)?(?:前|第)?$"
)
_RANK_UNITS = ("位", "名", "强")
# 两个市场两种资源, 一个中心两个基本点: paired counts that make a set phrase
_PARALLEL = re.compile(r"[\u4e00-\u9fff]{1,3}?、?[一二两三四五六七八九十][个种条项]")
_PARALLEL_BEFORE = re.compile(r"[一二两三四五六七八九十][个种条项][\u4e00-\u9fff]{1,3}、?$")
_SLOGAN_HEAD = re.compile(r"[一二两三四五六七八九十百千万]+[个条项大张]?")
_SLOGAN_ALL = re.compile(r"(?=.*[个条项大+])[\d一二两三四五六七八九十百千万个条项大+]{3,}")
# 七次、八次、九次全会: each ordinal of a listed meeting shares the 届 before and the 全会 after
_MEETING_AFTER = re.compile(r"(?:[、和及至][一二三四五六七八九十]+次)*(?:全会|全体会议|会议|党代会)")
_MEETING_BEFORE = re.compile(r"届(?:[一二三四五六七八九十]+次[、和及至])+$")
_COUNTED_TIME = re.compile(r"(?:多|半)?(?:季度|年度|学期|小时|钟头|星期)")
_POLITICAL = re.compile(
    r"个(?:确立|维护|意识|自信|全面|代表|务必|必须|一百年|坚持|结合|毫不|大局|积极性|孩子|[“\"])|项(?:基本)?(?:规定|原则)|"
    r"篇大文章|种有色金属"  # 做好…五篇大文章; 十种有色金属产量 (a statistical category)
)


def plan_period_end(raw: str) -> int | None:
    """十四五 -> 2025 (the last year of the five-year plan)."""
    m = _PLAN_PERIOD.search(raw) or _PLAN_NAMED.search(raw)
    return None if not m else 2010 + 5 * "一二三四五六七八九".index(m.group(1))


def _in_url(t: str, start: int, end: int) -> bool:
    """Inside a URL, path or percent-encoded run (…/2025%E5%B9…)."""
    left = start
    while left > 0 and start - left < 200 and t[left - 1].isascii() and not t[left - 1].isspace():
        left -= 1
    right = end
    while right < len(t) and right - end < 200 and t[right].isascii() and not t[right].isspace():
        right += 1
    run = t[left:right]
    # a path has letters or several slashes; 1.38亿千瓦/3.5亿千瓦时 (power/energy) is two amounts
    path = "/" in run and (re.search(r"[A-Za-z]", run) is not None or run.count("/") >= 2)
    return "://" in run or "www." in run or path or bool(re.search(r"%[0-9A-F]{2}", run))


def role_of(t: str, start: int, end: int, m: re.Match[str], unit: str | None, value: float) -> str:
    """Role of the expression t[start:end] (t is the full-width-translated text)."""
    before = t[start - 1] if start > 0 else "\n"
    after = t[end] if end < len(t) else "\n"
    if _ASCII_WORD.match(before) or (_ASCII_WORD.match(after) and unit is None):
        return "code"  # PM2.5, 1.5T, 5G, 12px
    if (before in _URL_CHARS or after in _URL_CHARS or (after.isascii() and after.isalnum())) and _in_url(
        t, start, end
    ):
        return "code"
    if m.group("num") is None:
        if m.group("frac") and before == "前":
            return "rank"  # 排名前万分之一, 前百分之十
        return _special_role(m, before, after)
    if before == "每" or _PER_ACT.search(t, max(0, start - 5), start):
        return "per"  # 每10万人, 每增长1个百分点, 每引进1人给予10万元
    if t.startswith(("条”", "条》", '条"'), end - 1):
        return "name"  # “高新人才20条”, 《人才新政30条》: a policy named by its number of articles
    if t.startswith("%", end - 1) and _SURVEY_NAME.match(t, end):
        return "name"  # 1%人口抽样调查: a survey named by its sampling share
    if _quoted_slogan(t, start, end) or _quoted_formula(t, start, end):
        return "name"  # “三个1亿人”, “两个200万亩”: a slogan; “1名链长+1个专班”: a formula
    num = m.group("num") or ""
    if num in _WORD_CHARS and not m.group("mag"):
        return "word"  # 零件, 零售, 零碳, 拾起: one numeral character inside a word
    if _PLAN_PERIOD.fullmatch(num):
        return "period"
    if before == "第" or (before in "〔[【" and after in "〕]】"):
        return "ordinal" if before == "第" else "code"
    if before == "前" and unit in ("批", "轮", "届", "期"):
        return "ordinal"  # 连同前五批: which batches, not how many things
    if t.startswith("级", end):
        return "level"  # 千亿级产业集群, 30万吨级泊位, 百万千瓦级机组: a size class, not an amount
    if unit is None:
        return _unitless_role(t, num, m, start, end, before, after)
    if unit in TIME_UNITS:  # 平均用时压缩至45天以内 is a level; 3个月内, 连续30天 say how long
        # 一般社会投资项目压缩至40个工作日以内, 1个工作日内办结: a service's time limit, a level too
        limit = (
            _SHORTENED_TO.search(t, max(0, start - 4), start)
            or _SETTLED_WITHIN.match(t, end)
            or (t.endswith(("从", "由"), 0, start) and _SHORTENED_FROM.match(t, end))  # 从12天缩短至3天
        )
        return "quantity" if limit or _TIME_MEASURE.search(t, max(0, start - 24), start) else "duration"
    if unit == "个" and _COUNTED_TIME.match(t, end):
        return "duration"  # 连续10个季度, 两个多小时, 1个半小时: how long, not how many
    if before in "这那该此本其" and unit is not None and num and set(num) <= _SMALL_WORDS:
        return "reference"  # 这两艘船, 该三个项目: things already named, not a count
    if unit == "千伏":
        return "spec"  # 500千伏主干网架, 750千伏输变电工程: a voltage class
    if _SPEC_BEFORE.search(t, max(0, start - 8), start):
        return "spec"
    if (
        unit in _DISTANCE_UNITS
        and (_RADIUS_AFTER.match(t, end) or _DISTANCE_BEFORE.search(t, max(0, start - 10), start))
        and not _DISTANCE_GOAL.search(t, max(0, start - 12), start)
    ):
        return "spec"
    if unit in _THRESHOLD_UNITS and _threshold(t, end, unit) or unit == "元" and _CLASS_OF.match(t, end):
        return "spec"
    if (
        before == "前"
        and (unit in _RANK_UNITS or m.group("frac"))
        or (unit in _RANK_UNITS and _RANK_BEFORE.search(t, max(0, start - 8), start))
    ):
        return "rank"
    if num.strip("万亿千百") == "" and not _COMPARATOR_BEFORE.search(t, max(0, start - 3), start):
        return "bare"  # 万元GDP, 千家万户: a magnitude word without a number
    if unit in ("个", "项", "条", "点") and set(num) <= _SMALL_WORDS and _ENUMERATION.match(t, end):
        return "enumeration"  # 八个方面工作, 十二个方面, 三项举措: how a text is organised, not a measure
    if num == "二" and unit == "次":
        return "name"  # 二次污染, 二次开发: "secondary"; a count says 两次
    if unit == "次" and t.startswith("产业", end):
        return "name"  # 三次产业结构: the three sectors of the economy
    if unit not in ("%", "倍", "百分点"):
        if num in ("一", "壹") and not m.group("mag"):
            return "article"  # 一批, 一个, 一根: an article, not a count
        small = all(ch in _CN_SMALL for ch in num)
        if small and (_POLITICAL.match(t, end - 1) or unit in ("个", "种") and _parallel(t, start, end)):
            return "name"  # 两个确立, 四个全面, 两个市场两种资源
    if before in _OPEN_QUOTES and (after in _CLOSE_QUOTES or all(ch in _CN_SMALL for ch in num)):
        return "name"  # “361”, “两个毫不动摇”, “三个一百年”
    if unit == "次" and (
        ORDINAL_AFTER.match(t, end)
        or _MEETING_AFTER.match(t, end)
        or before == "届"
        or _MEETING_BEFORE.search(t, max(0, start - 24), start)
    ):
        return "ordinal"  # 十三届五次全会
    return "quantity"


def _parallel(t: str, start: int, end: int) -> bool:
    """Either half of a paired count (两个市场两种资源)."""
    return bool(_PARALLEL.match(t, end) or _PARALLEL_BEFORE.search(t, max(0, start - 5), start))


def _threshold(t: str, end: int, unit: str) -> bool:
    """60岁以上老年人: the number and 以上/以下 run straight into the noun they qualify."""
    qualifier = _THRESHOLD_AFTER.match(t, end)
    pos = qualifier.end() if qualifier else end
    if unit in ("米", "毫米", "厘米") and pos == end:
        return False  # 5万米布 is an amount; only 0.01毫米的地膜, 380米以上的船坞 describe a size
    if unit == "千瓦" and not t.startswith(
        ("以上", "以下"), pos - 3 if t.startswith("的", pos - 1) else pos - 2
    ):
        return False  # 100万千瓦光伏项目 states a size; only 30万千瓦以下机组 defines a class
    return pos < len(t) and not _THRESHOLD_NOT.match(t, pos)


def _quoted_slogan(t: str, start: int, end: int) -> bool:
    """A number inside a short quoted phrase that opens with a counted word (“三个1亿人”)."""
    left = t.rfind("“", max(0, start - 6), start)
    if left < 0 or t.rfind("”", left, start) >= 0:
        return False
    right = t.find("”", end, end + 8)
    if right < 0:
        return False
    inner = t[left + 1 : start]
    # “三个1亿人”: a counted word before; “3个100”: nothing but numbers and measure words
    return bool(_SLOGAN_HEAD.fullmatch(inner)) or bool(_SLOGAN_ALL.fullmatch(t, left + 1, right))


def _quoted_formula(t: str, start: int, end: int) -> bool:
    """“1名链长+1个专班+1个链主企业”: a working formula added up with +, not counts of anything."""
    left = t.rfind("“", max(0, start - 40), start)
    if left < 0 or t.rfind("”", left, start) >= 0:
        return False
    right = t.find("”", end, end + 40)
    return right >= 0 and "+" in t[left:right].replace("＋", "+")


def _special_role(m: re.Match[str], before: str, after: str) -> str:
    if m.group("ratio"):
        a, b = m.group("ra"), m.group("rb")
        if len(b) == 2 and int(b) < 60 and (float(a) >= 2 or b == "00") and "." not in a:
            return "time"
    if m.group("slash") and (before == "/" or after == "/"):
        return "date"
    return "quantity"


def _year_opens_word(t: str, num: str, m: re.Match[str], end: int) -> bool:
    """吸引5万年轻人, 1亿年产值: after a count in 万/亿 the 年 opens the next word and is no
    number of years (a span that long is rare in policy texts; 用5年时间, 三年行动 and 2025年
    carry no 万/亿, and 1万年前 is no such word, so they stay years)."""
    counted = bool(m.group("mag")) or num.endswith(("万", "亿"))
    return counted and num.strip("万亿千百") != "" and bool(_YEAR_WORD.match(t, end))


def _unitless_role(t: str, num: str, m: re.Match[str], start: int, end: int, before: str, after: str) -> str:
    if _YEAR_AFTER.match(t, end) and not _year_opens_word(t, num, m, end):
        year_like = re.fullmatch(r"(?:19|20)\d\d", num) or (
            len(num) == 4 and all(c in "〇零○一二三四五六七八九" for c in num)
        )
        return "year" if year_like else "duration"
    if _DATE_AFTER.match(t, end):
        return "date"
    if _DURATION.match(t, end):
        return "duration"
    if ORDINAL_AFTER.match(t, end):
        return "ordinal"
    if after in _LIST_PUNCT and (before in "\n \t\u3000（(" or start == 0):
        return "list"
    if before in "（(" and after in ")）":
        return "list"
    if num.strip("万亿千百") == "" and _AMOUNT_BEFORE.search(t, max(0, start - 3), start):
        return "quantity"  # 惠及近千万家庭: a magnitude word made an amount by its comparator
    if (m.group("mag") or m.group("apx") or m.group("sev") or re.search("[万亿]", num)) and any(
        c.isdigit() or c in _CN_SMALL for c in num
    ):
        return "quantity"  # 3000多, 十多万: a count without its measure word
    if _DIMENSIONLESS_BEFORE.search(t, max(0, start - 24), start) and any(c.isdigit() for c in num):
        return "quantity"
    return "bare"
