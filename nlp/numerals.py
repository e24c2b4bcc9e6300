"""Chinese and Arabic numerals to numbers: 一千零一万零一, 两千六, 35.1亿, 200亿零四千230."""

from __future__ import annotations

import re
from fractions import Fraction

# Full-width digits and signs map one character to one, so offsets survive.
# Full-width digits and signs, and the Traditional forms of the magnitude, numeral, measure and
# comparator characters a number is read with (萬輛 → 万辆): one character for one, so offsets hold
# and `raw` keeps the source spelling.
FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．％：／－～萬億兩個輛項噸臺餘約達過點時畝戶張場條處間種億雙",
    "0123456789.%:/-~万亿两个辆项吨台余约达过点时亩户张场条处间种亿双",
)

DIGITS = {
    "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
    "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"千": 1000, "仟": 1000, "百": 100, "佰": 100, "十": 10, "拾": 10}  # largest first
BIG_UNITS = (("亿亿", 10**16), ("亿", 10**8), ("万", 10**4))
_ABBREVIATIONS = (("廿", "二十"), ("卅", "三十"), ("卌", "四十"), ("万万", "亿"))
_PLAIN = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+")


class NumeralError(ValueError):
    """The string is not a well-formed numeral."""


def parse_chinese_number(s: str) -> float:
    """Value of a Chinese, Arabic or mixed numeral; raises NumeralError when malformed."""
    if _PLAIN.fullmatch(s):  # the common case, 2000 or 5.5
        return float(s)
    s = s.translate(FULLWIDTH).replace(",", "").strip()
    for old, new in _ABBREVIATIONS:
        s = s.replace(old, new)
    if not s:
        raise NumeralError("empty numeral")
    return float(_parse(s))  # exact arithmetic, one rounding at the end


def tidy(value: float) -> float:
    """Round away float noise from scaling (1.37 * 1e12 -> 1.37e12)."""
    return float(f"{value:.15g}")


def _parse(s: str) -> Fraction:
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(ch not in DIGITS for ch in frac):
            raise NumeralError(s)
        return (_parse(whole) if whole else Fraction(0)) + Fraction(
            "0." + "".join(str(DIGITS[c]) for c in frac)
        )
    for unit, scale in BIG_UNITS:
        if unit in s:
            left, _, right = s.partition(unit)
            head = _parse(left) if left.strip("零〇") else Fraction(1)
            return head * scale + _tail(right, scale)
    return _small(s)


def _tail(right: str, scale: int) -> Fraction:
    """What follows a unit: 三万五 means 35000 (the digit counts in the next lower unit)."""
    if not right:
        return Fraction(0)
    if len(right) == 1 and right in DIGITS and right not in "零〇":
        return Fraction(DIGITS[right] * scale, 10)
    return _parse(right.lstrip("零〇") or "0")


def _small(s: str) -> Fraction:
    """Below 万: 一千零一, 两千六, 十五, 230, 二〇二五."""
    if _ARABIC.fullmatch(s):
        return Fraction(s)
    if all(ch in DIGITS for ch in s):  # a digit string: 二〇二五 -> 2025
        return Fraction(int("".join(str(DIGITS[ch]) for ch in s)))
    for unit, scale in SMALL_UNITS.items():
        if unit in s:
            left, _, right = s.partition(unit)
            left = left.lstrip("零〇")
            if left and not (_ARABIC.fullmatch(left) or (len(left) == 1 and left in DIGITS)):
                raise NumeralError(s)
            head = Fraction(left) if _ARABIC.fullmatch(left) else Fraction(DIGITS.get(left, 1) if left else 1)
            return head * scale + _tail(right, scale)
    raise NumeralError(s)
