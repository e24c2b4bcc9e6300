"""Dates and plan periods as Chinese documents write them.

2018年12月12日, 二〇一八年十二月十二日, 2018-12-12; periods （2023—2027年）,
2021—2025年, 2021-2025 and the five-year-plan names 十四五 / “十四五”.
"""

from __future__ import annotations

import re
from datetime import date

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CN_DIGIT |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "两": 2}
_CN = "〇○零OＯ一二三四五六七八九十"

ARABIC_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CHINESE_DATE = re.compile(rf"([{_CN}]{{4}})\s*年\s*([{_CN}]{{1,3}})\s*月\s*([{_CN}]{{1,3}})\s*日")
ISO_DATE = re.compile(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})")
_DASH = r"\s*(?:—{1,2}|–|-|－|~|～|至|到)\s*"
PERIOD = re.compile(rf"((?:19|20)\d{{2}})\s*年?{_DASH}((?:19|20)\d{{2}})\s*年")
PERIOD_LOOSE = re.compile(rf"((?:19|20)\d{{2}}){_DASH}((?:19|20)\d{{2}})(?!\d)")
FIVE_YEAR = re.compile(r"[“\"‘]?(十[一二三四五六七八九]?)五[”\"’]?(?:规划|时期|期间|计划)")
FIVE_YEAR_NAMED = re.compile(r"第(十[一二三四五六七八九]?)个五年(?:规划|计划)")
FIVE_YEAR_ANY = re.compile(r"[“\"]十([一二三四五六七八九]?)五[”\"]")
_FIRST_FIVE_YEAR_AFTER_GAP = 1966  # the 3rd plan began 1966, each later one 5 years on


def small_chinese_number(text: str) -> int | None:
    """十二 → 12, 二十一 → 21, 三十 → 30, 九 → 9."""
    if not text:
        return None
    if "十" not in text:
        return _CN_DIGIT.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    value = (_CN_DIGIT.get(tens, -100) if tens else 1) * 10 + (_CN_DIGIT.get(ones, -100) if ones else 0)
    return value if value > 0 else None


def _make(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first full date in `text` as YYYY-MM-DD, Arabic or Chinese numerals, else None."""
    found: list[tuple[int, str]] = []
    for m in ARABIC_DATE.finditer(text):
        iso = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
            break
    for m in CHINESE_DATE.finditer(text):
        year = "".join(str(_CN_DIGIT.get(c, "")) for c in m.group(1))
        month, day = small_chinese_number(m.group(2)), small_chinese_number(m.group(3))
        if len(year) == 4 and month and day:
            iso = _make(int(year), month, day)
            if iso:
                found.append((m.start(), iso))
                break
    for m in ISO_DATE.finditer(text):
        iso = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
            break
    return min(found)[1] if found else None


def is_date_line(line: str) -> bool:
    """A line that is only a date (the 成文日期 line of a 公文)."""
    stripped = re.sub(r"[\s\u3000（）()]", "", line)
    for pattern in (ARABIC_DATE, CHINESE_DATE):
        m = pattern.fullmatch(stripped)
        if m:
            return parse_date(stripped) is not None
    return False


def five_year_period(ordinal: str) -> tuple[int, int] | None:
    """十四 → (2021, 2025): the n-th five-year plan, n ≥ 3."""
    n = small_chinese_number(ordinal)
    if n is None or n < 3:
        return None
    start = _FIRST_FIVE_YEAR_AFTER_GAP + 5 * (n - 3)
    return start, start + 4


def find_period(text: str) -> tuple[int, int] | None:
    """A plan period stated in `text` (a title or a header): years or a five-year-plan name."""
    for pattern in (PERIOD, PERIOD_LOOSE):
        m = pattern.search(text)
        if m:
            start, end = int(m.group(1)), int(m.group(2))
            if start < end <= start + 30:
                return start, end
    m = FIVE_YEAR.search(text) or FIVE_YEAR_ANY.search(text)
    if m:
        ordinal = m.group(1) if m.re is FIVE_YEAR else "十" + m.group(1)
        return five_year_period(ordinal)
    if m := FIVE_YEAR_NAMED.search(text):  # 国民经济和社会发展第十五个五年规划的建议
        return five_year_period(m.group(1))
    return None
