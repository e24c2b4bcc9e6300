"""Every number expression in a text: value, unit, comparator, and what role it plays.

One compiled regex scans the text once (after a one-to-one full-width
translation, so offsets hold); each match is normalised to a base unit and
given a role. Only role "quantity" is a measured amount; dates, years,
periods, ordinals, durations, list markers and codes are reported with their
role so callers can use them (a target year) or drop them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from nlp.number_roles import role_of
from nlp.numerals import DIGITS, FULLWIDTH, NumeralError, parse_chinese_number, tidy
from nlp.quantity_units import (
    HEAD_NOUN_UNITS,
    HEAD_UNITS,
    PREFIX_COMPARATORS,
    PREFIX_VALUES,
    SUFFIX_COMPARATORS,
    SUFFIX_VALUES,
    UNIT_PATTERN,
    UNIT_WORDS,
)
from nlp.records import Comparator

_CN = "〇零○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅"
_DIG = "〇零○一二两三四五六七八九"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# 千 of 千瓦/千克/千米/千升 and 百 of 百分点 belong to the unit, not the numeral.
_CNCHAR = rf"(?!千[瓦克米伏升]|百分)[{_CN}]"
_CORE = rf"(?:{_ARABIC}|{_CNCHAR})(?:{_ARABIC}|{_CNCHAR}|点(?=[{_DIG}]))*"
_PER = r"/(?:千人|万人|人|年|户|亩|吨|天|日|月|秒|小时|平方米|千瓦时|瓦时|瓦|吨标准煤|辆|件|公斤|千克|斤|次|台|家|股|万元|立方米|升)"

_EXPR = re.compile(
    rf"(?=[0-9{_CN}数几翻过大半])"  # one class test rejects most positions before the alternatives
    rf"(?:(?P<frac>(?P<den>[{_CN}]+|\d+)分之(?P<nom>[{_CN}点]+|{_ARABIC}))"
    rf"|(?P<ratio>(?<![\d:.])(?P<ra>{_ARABIC}):(?P<rb>\d+(?:\.\d+)?)(?![\d:.．]))"
    rf"|(?P<slash>(?<![\d/.])(?P<sa>\d+)/(?P<sb>\d+)(?![\d/.]))"
    rf"|(?P<fan>翻(?:了)?(?P<fann>[一两二三四五六七八九十])?番)"
    r"|(?P<half>一半|过半|大半|半数)"
    rf"|(?P<sev>[数几](?=[十百千万亿]))?(?P<num>{_CORE})(?P<apx>[多余])?(?P<mag>[十百千]?万亿|[十百千]?亿|[十百千]?万)?"
    rf"(?:(?P<cheng>成)(?P<chenghalf>半)?(?![为立员果本效长功熟就交型品都绩分不])|(?P<unit>{UNIT_PATTERN}))?"
    rf"(?P<per>{_PER})?)"
)
_TRAILING_MAGNITUDE = re.compile(r"(?:万亿|亿|万)$")
_SPREAD = re.compile(r"([一二两三四五六七八])([二三四五六七八九])([十百千]?)")  # 两三百: 200..300
_CONNECTOR = re.compile(r"[至到~\-—–〜]{1,2}")
_SIGN = "-−负"


@dataclass(frozen=True)
class NumberExpr:
    """One number expression; `raw == text[start:end]`; value in the base unit."""

    start: int
    end: int
    raw: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    comparator: Comparator = "eq"
    change: str | None = None
    role: str = "quantity"
    base: float = 0.0  # the number before magnitude and unit scale (for ranges)


def find_numbers(text: str) -> list[NumberExpr]:
    """Every number expression in `text`, in order, ranges merged."""
    t = text.translate(FULLWIDTH)
    found: list[NumberExpr] = []
    translated = t != text  # raw must keep the source spelling (２．４％)
    for m in _EXPR.finditer(t):
        expr = _build(t, m)
        if expr is not None:
            source = text[expr.start : expr.end] if translated else expr.raw
            found.append(expr if source == expr.raw else replace(expr, raw=source))
    return _years_as_level(t, text, _unit_from_context(t, _merge_ranges(t, text, found)))


# 平均受教育年限从10.23年提高到10.8年: years that measure an indicator's level, not how long
# something takes.  A decimal count of years, or any count after an indicator kept in years.
_YEARS_INDICATOR = re.compile(r"受教育年限|教育年限")
_YEARS_SPAN_BEFORE = re.compile(r"(?:用|花|经过|历时|历经|连续|持续|未来|最近|过去)$")
_YEARS_SPAN_AFTER = re.compile(r"年(?:时间|内|来|间|后|前|里|中|期|度|级|代|份|初|底|末|半|多时间)")
_CLAUSE_BREAK = re.compile(r"[，。；！？,;]")
_ITEM_THEN_YEAR = re.compile(r"\d{1,2}\.(?:19|20)\d\d")


def _years_as_level(t: str, text: str, found: list[NumberExpr]) -> list[NumberExpr]:
    out = list(found)
    for i, a in enumerate(out):
        if a.role != "duration" or a.unit is not None or not t.startswith("年", a.end):
            continue
        if _YEARS_SPAN_AFTER.match(t, a.end) or _YEARS_SPAN_BEFORE.search(t, max(0, a.start - 2), a.start):
            continue
        clause = _CLAUSE_BREAK.split(t[max(0, a.start - 30) : a.start])[-1]
        if _ITEM_THEN_YEAR.fullmatch(a.raw):
            continue  # 附件：1.2026年湖南省…目录: a list item's number, then a year
        if "." in a.raw or _YEARS_INDICATOR.search(clause):
            out[i] = replace(a, end=a.end + 1, raw=text[a.start : a.end + 1], unit="年", role="quantity")
    return out


# 每 and a physical measure, then at most a short verb (补贴, 加价, 给予) before the amount; a
# count's 每 (每辆补贴3000元, 每人每月) and a rent per area (每平方米12元) stay plain 元, as the gold sets have them
_PER_MEASURE = re.compile(r"每(千瓦时|千瓦|兆瓦时|公斤|千克|吨标准煤|吨|立方米|度)(?:[\u4e00-\u9fff]{0,4})$")


# people counted with the general measure word 个 (not 个人所得税, 个人消费贷款)
_PEOPLE_AFTER_GE = re.compile(
    r"(?:以上|左右|多|余)?(?:人(?![民才员大工类文心群事口次均造气社所贷消养账信])|工人|员工|职工|农民工|学生)"
)


def _unit_from_context(t: str, found: list[NumberExpr]) -> list[NumberExpr]:
    """Units a number leaves unsaid.

    分别提高11.1、11.2个百分点: a bare number listed before a number with a unit
    shares that unit (right to left, so a chain of several works); so does
    10.6万、3.3万平方公里, a number with the same magnitude.
    405万皖北群众: a magnitude count with no measure word is counted in the unit
    of its head noun (人, 户).
    """
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if (
            a.role == "bare"
            and a.unit is None
            and b.role == "quantity"
            and b.unit is not None
            and t[a.end : b.start] == "、"
            and a.base == a.value
            and a.comparator == "eq"
        ):
            scale = b.value / b.base if b.base else 1.0
            out[i] = replace(a, value=tidy(a.base * scale), unit=b.unit, role="quantity", change=b.change)
        elif (
            a.role == "quantity"
            and a.unit is None
            and a.value != a.base
            and b.role == "quantity"
            and b.unit is not None
            and t[a.end : b.start] == "、"
            and a.base
            and b.base
            and abs(a.value / a.base - b.value / b.base) < 1e-9 * (b.value / b.base)
        ):
            # 分别减少10.6万、3.8万、3.3万平方公里: the same magnitude, and the last one's unit
            out[i] = replace(a, unit=b.unit, change=a.change or b.change)
    for i, a in enumerate(out):
        per = _PER_MEASURE.search(t, max(0, a.start - 10), a.start) if a.unit in ("元", "美元") else None
        if a.role == "quantity" and per is not None:
            # 每公斤35元, 降至每千瓦1500元以下, 每千瓦时加价0.1元: a price per physical measure
            out[i] = a = replace(a, unit=f"{a.unit}/{per.group(1)}")
        if a.role == "quantity" and a.unit == "个" and _PEOPLE_AFTER_GE.match(t, a.end):
            out[i] = a = replace(a, unit="人")  # 60多个工人, 35个人: people counted with 个
        if a.role == "quantity" and a.unit is None and a.value != a.base:
            suffix = SUFFIX_COMPARATORS.match(t, a.end)  # 1亿左右农业转移人口
            head = HEAD_NOUN_UNITS.match(t, suffix.end() if suffix else a.end)
            if head:
                out[i] = replace(a, unit=HEAD_UNITS.get(head.group("head"), "人"))
    return out


def _build(t: str, m: re.Match[str]) -> NumberExpr | None:
    start, end = m.span()
    if m.group("frac"):
        try:
            den, nom = parse_chinese_number(m.group("den")), parse_chinese_number(m.group("nom"))
        except NumeralError:
            return None
        return _finish(t, start, end, tidy(100 * nom / den) if den else 0.0, "%", None, "eq", None, m)
    if m.group("ratio"):
        a, b = float(m.group("ra").replace(",", "")), float(m.group("rb"))
        return _finish(t, start, end, tidy(b / a) if a else 0.0, "ratio", None, "eq", None, m)
    if m.group("slash"):
        a, b = float(m.group("sa")), float(m.group("sb"))
        return _finish(t, start, end, tidy(100 * a / b) if b else 0.0, "%", None, "eq", None, m)
    if m.group("fan"):
        times = DIGITS.get(m.group("fann") or "一", 1) if m.group("fann") != "十" else 10
        return _finish(t, start, end, float(2**times), "倍", None, "eq", "increase", m)
    if m.group("half"):
        cmp: Comparator = "gt" if m.group("half") in ("过半", "大半") else "eq"
        return _finish(t, start, end, 50.0, "%", None, cmp, None, m)
    return _simple(t, m)


def _simple(t: str, m: re.Match[str]) -> NumberExpr | None:
    start, end = m.span()
    num, mag = m.group("num"), m.group("mag") or ""
    trailing = _TRAILING_MAGNITUDE.search(num)
    if not mag and trailing and trailing.start() > 0:  # 150万: base 150, scale 1e4
        num, mag = num[: trailing.start()], trailing.group()
    value_max: float | None = None
    cmp: Comparator = "gt" if m.group("apx") else "eq"
    if mag and "亿" in num[:-1] and "亿" not in mag:  # 1亿3千多万: the 万 scales only the part after 亿
        head, _, tail = num.rpartition("亿")
        try:
            num, mag = (
                str(
                    tidy(parse_chinese_number(head + "亿") / 1e4 + parse_chinese_number(tail.lstrip("零〇")))
                ),
                "万",
            )
        except NumeralError:
            return None
    spread = _SPREAD.fullmatch(num)  # 七八十万: 70..80万; 两三次: 2..3 (never 23)
    if spread and DIGITS[spread[2]] == DIGITS[spread[1]] + 1:
        try:
            base = parse_chinese_number(spread[1] + spread[3])
            value_max = parse_chinese_number(spread[2] + spread[3])
            scale = parse_chinese_number(mag) if mag else 1.0
        except NumeralError:
            return None
        cmp = "range"
    else:
        try:
            base = parse_chinese_number(num)
            scale = parse_chinese_number(mag) if mag else 1.0
        except NumeralError:
            return None
    if m.group("sev"):  # 数十亿: 2..9 times 十亿
        base, value_max, cmp = 2 * base, 9 * base, "range"
    unit: str | None = None
    if m.group("cheng"):
        unit, scale = "%", scale * 10
        base += 0.5 if m.group("chenghalf") else 0
    elif m.group("unit"):
        unit, unit_scale = UNIT_WORDS[m.group("unit")]
        scale *= unit_scale
        if m.group("per"):
            unit += m.group("per")
    value = tidy(base * scale)
    vmax = tidy(value_max * scale) if value_max is not None else None
    return _finish(t, start, end, value, unit, vmax, cmp, None, m, base)


def _finish(
    t: str,
    start: int,
    end: int,
    value: float,
    unit: str | None,
    value_max: float | None,
    cmp: Comparator,
    change: str | None,
    m: re.Match[str],
    base: float | None = None,
) -> NumberExpr:
    if start > 0 and t[start - 1] in _SIGN and _signed(t, start - 1) and unit != "ratio":
        start, value = start - 1, -value
    role = role_of(t, start, end, m, unit, value)
    if cmp == "eq" or (cmp == "gt" and m.group("apx") is None and m.group("half") is None):
        cmp = _context_comparator(t, start, end, cmp)
    return NumberExpr(
        start, end, t[start:end], value, value_max, unit, cmp, change, role, value if base is None else base
    )


def _signed(t: str, sign: int) -> bool:
    """A minus sign, not a range dash: the character before it is no number or unit."""
    before = t[sign - 1] if sign > 0 else " "
    return not (before.isascii() and before.isalnum() or before in _CN or before in "%倍")


# 给予最高3000万元, 单个项目最高补助50万元: a cap (not 单场最高卖出5万双, a record)
_CAP = re.compile(
    r"最高(?:可)?(?:每[人户家台辆个项套年])?(?:给予|补助|补贴|奖励|资助|支持|获得|获|达|可达|限价[：:]?(?:人民币)?)?$"
)
# 约占全国的四分之一, 不低于销售收入的6%: the comparator governs a phrase that ends in the number
_FAR_PREFIX = re.compile(
    r"(约占|不低于|不少于|不超过|不高于)[^，,；;。、\d]{1,12}?的?$"
    r"|(超过|高于|低于|不到|不足|约为|大约为)[^，,；;。、\d]{1,12}?的$"  # 超过全球年需求的1.5倍, 约为成渝的4.5倍
)


_BOUND_VERB = re.compile(r"(至少|最少|最多|至多)[\u4e00-\u9fff]{1,3}?(?:了)?$")


def _context_comparator(t: str, start: int, end: int, cmp: Comparator) -> Comparator:
    suffix = SUFFIX_COMPARATORS.match(t, end)
    if suffix:
        return SUFFIX_VALUES[suffix.group()]  # type: ignore[return-value]
    prefix = PREFIX_COMPARATORS.search(t, max(0, start - 4), start)
    if prefix:
        return PREFIX_VALUES[prefix.group().rstrip("了")]  # type: ignore[return-value]
    if _CAP.search(t, max(0, start - 8), start):
        return "le"
    adverb = _BOUND_VERB.search(t, max(0, start - 6), start)
    if adverb:  # 至少培育1个, 最多支持3家: the bound reaches over its verb
        return "ge" if adverb.group(1) in ("至少", "最少") else "le"
    if start > 0 and t[start - 1] == "上" and t[start] in "百千万亿":
        return "ge"  # 上千个零部件, 上百种图案: at least that many
    far = _FAR_PREFIX.search(t, max(0, start - 16), start)
    if far and cmp == "eq":
        word = far.group(1) or far.group(2)
        return "approx" if word == "约占" else PREFIX_VALUES[word]  # type: ignore[return-value]
    return cmp


def _merge_ranges(t: str, text: str, found: list[NumberExpr]) -> list[NumberExpr]:
    """2倍至3倍, 1万-5万元, 一百二十到一百五十万元, 6.5%－7%, 2023—2027年 (a period)."""
    out: list[NumberExpr] = []
    for expr in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and 0 < expr.start - prev.end <= 2
            and _CONNECTOR.fullmatch(t, prev.end, expr.start)
        ):
            merged = _range(prev, expr)
            if merged is not None:
                out[-1] = replace(merged, raw=text[merged.start : merged.end])
                continue
        out.append(expr)
    return out


def _range(a: NumberExpr, b: NumberExpr) -> NumberExpr | None:
    if a.role == "year" and b.role in ("year", "bare") or a.role == "bare" and b.role == "year":
        return replace(b, start=a.start, value=a.value, value_max=b.value, role="period")
    if b.role != "quantity" or a.role not in ("quantity", "bare") or a.comparator not in ("eq", "range"):
        return None
    if a.unit not in (None, b.unit) or a.value_max is not None:
        return None
    low = a.value
    if a.unit is None:  # 1-5万元: the first end borrows the second's magnitude when smaller
        scale = b.value / b.base if b.base else 1.0
        low = tidy(a.base * scale) if a.base <= b.base else a.value
    if low > b.value:
        return None
    return replace(b, start=a.start, value=low, value_max=b.value, comparator="range")
