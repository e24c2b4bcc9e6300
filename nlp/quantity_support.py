"""Support measures in policy text: whether a number is a subsidy, award, cap or fund a policy
offers (a commitment in any genre, unless the text reports it as paid), and what it is for."""

from __future__ import annotations

import re

from nlp.quantity_subject import is_support
from nlp.records import Quantity

MONEY_UNITS = ("元", "美元", "欧元", "港元")

# what a policy gives: 给予…奖励, 按…的10%给予补贴, 最高500万元, 设立规模5亿元的基金, 补贴2万元/辆
# (a fund's accounts are no support: 医保基金支付, 统筹基金收入, 基金累计结存)
_SUPPORT_WORDS = re.compile(
    r"给予|予以|奖励|补贴|补助|资助|贴息|奖补|扶持资金|专项资金|(?<!医保)(?<!保险)(?<!统筹)基金(?!总?收入|总?支出|结存|累计|支付)|出资|优惠电价"
)
# … unless the clause reports it as paid or as a past fact
_PAID = re.compile(
    r"已|累计|共计?|[给发]了|发放|兑现|拨付|下达|落实了|获得|拿到|领到|争取到|去年|上年|(?:19|20)\d\d年"
)


# 对首次进入国家医保药品目录的创新药，给予一次性奖励200万元: who or what the support is for
_RECIPIENT = re.compile(
    r"(?:^|[，,；;：:。])\s*(?:\d{1,2}[．.、]\s*|[（(][一二三四五六七八九十\d]{1,3}[)）]\s*)?"
    r"(?:对|对于)(?P<who>[^，,。；;：:]{2,40}?)的?(?:[，,]|(?=给予|予以|按照?))"
)
# 中小企业购买数字化转型服务的，按…给予补贴: a condition opening the sentence names the recipient
_CONDITION = re.compile(
    r"^\s*(?:\d{1,2}[．.、]\s*|[（(][一二三四五六七八九十\d]{1,3}[)）]\s*)?(?P<who>[^，,。；;：:对]{2,30}?)的[，,](?=按|给予|予以)"
)
_RECIPIENT_MAX = 20


def _name_the_recipient(q: Quantity, s: str, pos: int) -> None:
    """A bare 奖励/补助 names what it rewards: 创新药一次性奖励, and 补助比例 for a rate."""
    found = [m for m in _RECIPIENT.finditer(s, 0, pos) if m.end() <= pos] or [
        m for m in [_CONDITION.match(s, 0, pos)] if m is not None
    ]
    if not found:
        return
    who = found[-1].group("who").removesuffix("的")
    if len(who) > _RECIPIENT_MAX:
        # 首次取得药品注册证书并在本市产业化的1类创新药: its nearest words, from a word edge
        cut = len(who) - _RECIPIENT_MAX
        edge = next((i for i in range(cut, len(who) - 2) if who[i - 1] in "的并在和及与，"), None)
        # with no word edge, a name up to 30 characters stays whole rather than cut mid-word
        who = who[edge:] if edge is not None else who if len(who) <= 30 else who[cut:]
    support = (q.subject or "").removeprefix("分别")
    rate = "比例" if q.unit == "%" and not support.endswith("比例") else ""
    q.subject, q.subject_start, q.subject_end = who + support + rate, None, None


def name_support(q: Quantity, s: str, pos: int) -> None:
    """A support's subject says what it is for (its recipient), and a cap is of the support,
    not of its rate (单个项目最高2000万元 after 按…的15%给予补助)."""
    if q.subject and is_support(q.subject) and len(q.subject) <= 6:
        _name_the_recipient(q, s, pos)
    if q.unit in MONEY_UNITS and q.subject and q.subject.endswith("比例") and is_support(q.subject):
        q.subject, q.subject_start, q.subject_end = q.subject[:-2], None, None


def is_money(unit: str | None) -> bool:
    """元, 美元 …, or money per a measure (元/公斤, 元/千瓦)."""
    return unit in MONEY_UNITS or (unit or "").startswith("元/")


def support_measure(s: str, cstart: int, pos: int, end: int, unit: str | None) -> bool:
    """The number is an amount or rate of support a policy offers (not one already paid out)."""
    if not is_money(unit) and unit != "%":
        return False
    clause_end = len(s)
    for mark in "，,；;。":
        found = s.find(mark, end)
        if found >= 0:
            clause_end = min(clause_end, found)
    clause = s[cstart:clause_end]
    return bool(_SUPPORT_WORDS.search(clause) or "最高" in s[cstart:pos]) and not _PAID.search(s[cstart:pos])
