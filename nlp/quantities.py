"""Quantity records from a document's text: numbers with kind, change, year, subject and region.

`find_numbers` scans the whole text once; each quantity is placed in its
sentence, and the sentence and its section supply the rest
(`quantity_context`, `quantity_subject`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.metadata_regions import PROVINCES
from nlp.numbers import NumberExpr, find_numbers
from nlp.quantity_context import Section, change_of, kind_and_year, paragraph_lead_year, update_section
from nlp.quantity_subject import clause_start, ends_with_action, left_subject, right_subject
from nlp.records import Quantity, Sentence

_REPORT = re.compile(r"政府工作报告")
_HEADING_SHAPE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节部分])")
_LIST_JOIN = re.compile(r"^[、和与及]$|^，?(?:分别|同比)?[、和与及]?$")
_VERBLESS = re.compile(r"[^，,；;。]{0,3}?[，,（(、]\s*(?:去年|上年|今年|(?:19|20)\d\d年|同期|全年)?[是为]?")
# every province's full and short name -> full name (江苏 -> 江苏省)
PROVINCE_NAMES = {name: full for full, shorts in PROVINCES.items() for name in (full, *shorts)}
_PROVINCE = re.compile(r"\s*(" + "|".join(sorted(PROVINCE_NAMES, key=len, reverse=True)) + ")")
_PAIR = re.compile(r"[和与及]")
_NOT_COUNTS = {"%", "百分点", "元", "美元", "倍", "ratio", None}
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
    numbers = [n for n in find_numbers(text) if n.role == "quantity"]
    head = (context.title or "") + text[:1000]
    report = bool(_REPORT.search(head))
    # no date: a plan's first year, else a year in the title (never a period's end year)
    doc_year = context.year or (context.period[0] if context.period else _year_from(context.title or ""))
    period_end = context.period[1] if context.period else None
    news = context.kind == "news" or (context.kind != "policy" and not report and period_end is None)
    section = Section()
    out: list[Quantity] = []
    i, lead_year, last_end = 0, None, 0
    for sentence in sentences:
        heading = sentence.heading or bool(_HEADING_SHAPE.match(sentence.text) and len(sentence.text) < 40)
        section = update_section(section, sentence.text, heading, doc_year, report)
        if heading or "\n" in text[last_end : sentence.start]:
            lead_year = None  # a new paragraph
        lead_year = paragraph_lead_year(sentence.text) or lead_year
        last_end = sentence.end
        while i < len(numbers) and numbers[i].start < sentence.start:
            i += 1
        mine: list[NumberExpr] = []
        while i < len(numbers) and numbers[i].end <= sentence.end:
            mine.append(numbers[i])
            i += 1
        settings = (section, doc_year, period_end, news, context.region, lead_year)
        out.extend(_sentence_quantities(text, sentence, mine, settings))
    return out


def _year_from(head: str) -> int | None:
    m = _DOC_YEAR.search(head)
    return int(m.group(1)) if m else None


def _sentence_quantities(
    text: str, sentence: Sentence, numbers: list[NumberExpr], settings: tuple
) -> list[Quantity]:
    section, doc_year, period_end, news, region, lead_year = settings
    s = text[sentence.start : sentence.end]
    out: list[Quantity] = []
    prev: Quantity | None = None
    prev_end = 0
    for n in numbers:
        pos, end = n.start - sentence.start, n.end - sentence.start
        cstart = clause_start(s, pos)
        if prev is not None and prev_end > cstart and not s.startswith("的", prev_end):
            # the previous number ends the indicator's reach: 134.9万亿元、增长5%
            cstart = max(prev_end, s.rfind("、", prev_end, pos) + 1)
        gap = s[prev_end:pos] if prev is not None else None
        listed = gap is not None and bool(_LIST_JOIN.match(gap))
        kind, year = kind_and_year(s[:pos], s[cstart:pos], section, doc_year, period_end, news, lead_year)
        change = n.change or change_of(s[cstart:pos], n.unit)
        if listed and prev is not None:
            change = change or prev.change
            kind, year = prev.kind, prev.year
        span = _subject(s, cstart, pos, end, prev, n.unit not in _NOT_COUNTS)
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
        if span == "inherit" and prev is not None:
            q.subject, q.subject_start, q.subject_end = prev.subject, prev.subject_start, prev.subject_end
            if q.change is None and prev.unit == q.unit and _VERBLESS.fullmatch(s, prev_end, pos):
                q.change = prev.change  # 地区生产总值增长6%左右，去年为5.8%
        elif isinstance(span, tuple):
            q.subject = s[span[0] : span[1]]
            q.subject_start, q.subject_end = sentence.start + span[0], sentence.start + span[1]
        out.append(q)
        prev, prev_end = q, end
    _distribute(out, text)
    return out


def _region(s: str, cstart: int, default: str | None) -> str | None:
    """The document's region, unless the sentence or clause opens with a province (江苏地区生产总值…)."""
    m = _PROVINCE.match(s, cstart) or _PROVINCE.match(s)
    return PROVINCE_NAMES[m.group(1)] if m else default


def _distribute(quantities: list[Quantity], text: str) -> None:
    """化学需氧量、氨氮排放总量分别下降8%、8%: the i-th number measures the i-th listed subject."""
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
        items = subject.split("、")
        if len(items) == 1:  # 能耗和二氧化碳排放分别降低13.5%、18%
            items = _PAIR.split(subject, maxsplit=1)
        if len(items) != len(chain) or "分别" not in text[head.subject_end : head.start]:
            continue
        pos = head.subject_start
        for q, item in zip(chain, items, strict=True):
            q.subject, q.subject_start, q.subject_end = item, pos, pos + len(item)
            pos += len(item) + 1


def _subject(
    s: str, cstart: int, pos: int, end: int, prev: Quantity | None, count: bool
) -> tuple[int, int] | str | None:
    """A span of `s`, or "inherit" (the previous number's subject: 、增长5%; 比上年提高1个百分点)."""
    left = left_subject(s, cstart, pos)
    if not count and left is None and prev is not None and prev.subject:
        return "inherit"  # 去年增长5.1%的基础上: an amount's indicator is named before it
    # 10个以上新能源整车品牌, 首批5个国家公园: a count's noun may follow it
    right = right_subject(s, end) if count or left is None else None
    if left is not None and (right is None or left[1] - left[0] > 2 and not ends_with_action(s, left)):
        return left
    if right is not None:
        return right
    if prev is not None and prev.subject:
        return "inherit"
    return left
