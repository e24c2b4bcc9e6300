"""What a matched number is: a quantity, or a year, date, period, ordinal, duration, code, name.

Decided from the characters around the match only (no tokenizer), so the
scan stays linear.
"""

from __future__ import annotations

import re

from nlp.quantity_units import DURATION_UNITS, ORDINAL_AFTER

_PLAN_PERIOD = re.compile(r"十([一二三四五六七八九])五")
_PLAN_NAMED = re.compile(r"第十([一二三四五六七八九])个五年")
_DURATION = re.compile(rf"(?:{DURATION_UNITS})")
_YEAR_AFTER = re.compile(r"年")
_DATE_AFTER = re.compile(r"[月日号]")
_URL_CHARS = set("/%=&?#_.~:@")
_OPEN_QUOTES = '“"『「‘《'
_CLOSE_QUOTES = '”"』」’》'
_LIST_PUNCT = "、.．)）"
_ASCII_WORD = re.compile(r"[A-Za-z_#@]")
_CN_SMALL = set("〇零○一二两三四五六七八九十壹")
_SMALL_WORDS = set("一二两三四五六七八九十")
_ENUMERATION = re.compile(r".{0,4}?(?:方面|举措|工作|任务|原则|要求|领域|环节|关系|问题|措施|行动|工程|重点)")
_COMPARATOR_BEFORE = re.compile(r"(?:超过|突破|超|逾|近|上|约|达)$")
_POLITICAL = re.compile(
    r"个(?:确立|维护|意识|自信|全面|代表|务必|必须|一百年|坚持|结合|毫不|大局|[“\"])|项(?:基本)?(?:规定|原则)"
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
    return "://" in run or "www." in run or "/" in run or bool(re.search(r"%[0-9A-F]{2}", run))


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
        return _special_role(m, before, after)
    num = m.group("num") or ""
    if _PLAN_PERIOD.fullmatch(num):
        return "period"
    if before == "第" or (before in "〔[【" and after in "〕]】"):
        return "ordinal" if before == "第" else "code"
    if unit is None:
        return _unitless_role(t, num, m, start, end, before, after)
    if t.startswith("级", end):
        return "level"  # 30万吨级泊位, 百万千瓦级机组: a size class, not an amount
    if num.strip("万亿千百") == "" and not _COMPARATOR_BEFORE.search(t, max(0, start - 3), start):
        return "bare"  # 万元GDP, 千家万户: a magnitude word without a number
    if unit in ("个", "项", "条", "点") and num in _SMALL_WORDS and _ENUMERATION.match(t, end):
        return "enumeration"  # 八个方面工作, 三项举措: how a text is organised, not a measure
    if num == "二" and unit == "次":
        return "name"  # 二次污染, 二次开发: "secondary"; a count says 两次
    if unit not in ("%", "倍", "百分点"):
        if num in ("一", "壹") and not m.group("mag"):
            return "article"  # 一批, 一个, 一根: an article, not a count
        if _POLITICAL.match(t, end - 1) and all(ch in _CN_SMALL for ch in num):
            return "name"  # 两个确立, 四个全面
    if before in _OPEN_QUOTES and (after in _CLOSE_QUOTES or all(ch in _CN_SMALL for ch in num)):
        return "name"  # “361”, “两个毫不动摇”, “三个一百年”
    if unit == "次" and (
        ORDINAL_AFTER.match(t, end) or t.startswith(("全会", "全体会议", "会议"), end) or before == "届"
    ):
        return "ordinal"  # 十三届五次全会
    return "quantity"


def _special_role(m: re.Match[str], before: str, after: str) -> str:
    if m.group("ratio"):
        a, b = m.group("ra"), m.group("rb")
        if len(b) == 2 and int(b) < 60 and (float(a) >= 2 or b == "00") and "." not in a:
            return "time"
    if m.group("slash") and (before == "/" or after == "/"):
        return "date"
    return "quantity"


def _unitless_role(t: str, num: str, m: re.Match[str], start: int, end: int, before: str, after: str) -> str:
    if _YEAR_AFTER.match(t, end):
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
    if (m.group("mag") or m.group("apx") or m.group("sev") or re.search("[万亿]", num)) and any(
        c.isdigit() or c in _CN_SMALL for c in num
    ):
        return "quantity"  # 3000多, 十多万: a count without its measure word
    return "bare"
