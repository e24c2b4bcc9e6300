"""Lexicon labeller: clusters and themes of sentences from taxonomy terms.

This is the transparent baseline (and a feature source) for the learned
classifier in nlp/classifier.py; both satisfy the `Labeller` protocol.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from nlp.records import Label
from nlp.taxonomy import Category, Taxonomy, name_terms

LabelPair = tuple[list[Label], list[Label]]

# Words that show a sentence is about production or an industry, so a sentence
# without a cluster term may inherit the cluster named by its heading.
INDUSTRY_CUES = re.compile(
    r"产业|产值|企业|集群|基地|园区|项目|产品|制造|营业收入|营收|规模|产能|产量|链|研发|"
    r"技术|工厂|生产|市场|出口|投资|领域|行业|装备|材料"
)
# Where a heading starts inside an outline path ("一、… （二）…"): the labelled
# data records only the innermost heading, so inference uses the same.
HEADING_START = re.compile(
    r"(?:^|\s)(?=第[一二三四五六七八九十百零\d]+[章篇部分]|[一二三四五六七八九十]+[、.．]|"
    r"[（(][一二三四五六七八九十]+[)）])"
)
MINOR_HEADINGS = re.compile(r"\s+(?:\d{1,2}[、.．]|[（(]\d{1,2}[)）]|[①-⑳]).*$", re.DOTALL)
# PDF extraction and hand-made HTML leave spaces inside Chinese words (新能 源汽车); they
# would hide terms and character n-grams.  Spaces between ASCII words (AI PC) are kept.
SPLIT_WORD_SPACE = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")
# The guide: names of institutions, alliances, events and parks do not make a sentence
# about an industry (人工智能…省实验室, 卫星互联网创新联盟, 冰雪装备产业园).  A cluster term
# followed in its clause by one of these words names such a thing, not the industry.
INSTITUTION_WORDS = re.compile(
    r"实验室|研究院|研究所|研究中心|创新中心|联盟|博览会|展览会|交易会|大会|论坛|峰会|产业园|园区"
)
CLAUSE_END = re.compile(r"[，；。：,;:！？]")
# A clause that speaks of industry, for `industry_only` terms (推动中医药事业和产业高质量发展,
# 提高中医药现代化、产业化水平, but not 推进中医药传承创新发展).
INDUSTRY_CLAUSE_WORDS = re.compile(r"产业|制造|企业|工业")
# A theme's own name (绿色化, 高端化) followed by one of these is the start of a chemical word
# (绿色化工, 高端化学品), not the -ization that names the theme.
NOT_AFTER_THEME_NAME = "工肥学纤妆"
INSTITUTION_REACH = 30  # characters after the term within which the name must end
INHERIT_FACTOR = 0.6  # inherited labels are less certain than named ones
WEAK_SCORE = 0.5


def compact(text: str) -> str:
    """The text as the labellers read it: no whitespace between two non-ASCII characters."""
    return SPLIT_WORD_SPACE.sub("", text)


def innermost_heading(context: str | None) -> str | None:
    """The last 第…章 / 一、 / （一） heading of an outline path (without 1./(1) below it)."""
    if not context or not context.strip():
        return None
    starts = [m.end() for m in HEADING_START.finditer(context)]
    inner = context[starts[-1] :] if starts else context
    return MINOR_HEADINGS.sub("", inner.strip()) or None  # 1. and (1) headings are not recorded


def with_implied_themes(taxonomy: Taxonomy, clusters: list[Label], themes: list[Label]) -> list[Label]:
    """Add the themes the clusters carry by tier (a future industry is `new`), at the cluster's score."""
    have = {lab.label for lab in themes}
    added = []
    for cluster in clusters:
        for theme in taxonomy.implied_themes([cluster.label]):
            if theme not in have:
                have.add(theme)
                added.append(Label(label=theme, score=cluster.score))
    if not added:
        return themes
    order = {t: i for i, t in enumerate(taxonomy.theme_labels)}
    return sorted(themes + added, key=lambda lab: (-lab.score, order.get(lab.label, len(order))))


class Labeller(Protocol):
    def predict(self, texts: list[str], contexts: list[str | None] | None = None) -> list[LabelPair]: ...


@dataclass(frozen=True)
class TermMatcher:
    """Leftmost-longest matching of terms; each term maps to labels and a strength."""

    pattern: re.Pattern[str] | None
    owners: dict[str, tuple[tuple[str, bool], ...]]  # term -> ((label, strong), ...)
    skip_institution_names: bool = False  # clusters: 人工智能实验室 is a lab, not the industry
    industry_only: frozenset[str] = frozenset()  # lower-cased terms that need an industry clause

    @classmethod
    def build(
        cls,
        categories: tuple[Category, ...],
        neutral: tuple[str, ...],
        skip_institution_names: bool = False,
        qualify: bool = True,
    ) -> TermMatcher:
        """`qualify`: apply the lexicon's rule that industry-only terms count in industry clauses
        only; the plain keyword baseline counts every term everywhere."""
        owners: dict[str, list[tuple[str, bool]]] = {t: [] for t in neutral}
        for cat in categories:
            for term in (*cat.terms, *cat.industry_only):
                owners.setdefault(term, []).append((cat.label, True))
            for term in cat.weak:
                owners.setdefault(term, []).append((cat.label, False))
        # Longest first: Python's alternation takes the first branch that matches.
        terms = sorted(owners, key=lambda t: (-len(t), t))
        pattern = re.compile("|".join(map(_term_pattern, terms)), re.IGNORECASE) if terms else None
        industry_only = (
            frozenset(t.lower() for cat in categories for t in cat.industry_only) if qualify else frozenset()
        )
        return cls(
            pattern,
            {t.lower(): tuple(v) for t, v in owners.items()},
            skip_institution_names,
            industry_only,
        )

    def hits(self, text: str) -> tuple[Counter[str], Counter[str]]:
        """Counts of strong and weak hits per label."""
        strong: Counter[str] = Counter()
        weak: Counter[str] = Counter()
        for term in self.matches(text):
            for label, is_strong in self.owners[term]:
                (strong if is_strong else weak)[label] += 1
        return strong, weak

    def matches(self, text: str) -> list[str]:
        """The terms found (lower-cased), leftmost-longest, outside institution names if asked."""
        if self.pattern is None:
            return []
        # full-width ＋ (互联网＋) is common in reports; the terms spell it "+"
        text = compact(text).replace("＋", "+")
        found = []
        for m in self.pattern.finditer(text):
            term = m.group(0).lower()
            if self.skip_institution_names and in_institution_name(text, m.start(), m.end()):
                continue
            if term in self.industry_only and not in_industry_clause(text, m.start(), m.end()):
                continue  # still matched, so it shadows the shorter terms inside it
            found.append(term)
        return found


def in_institution_name(text: str, start: int, end: int) -> bool:
    """Whether the term at text[start:end] is part of an institution, event or park name: an
    INSTITUTION_WORDS word ends after the term, in the same clause, within INSTITUTION_REACH.
    A word inside the term itself (化工园区) does not count."""
    stop = CLAUSE_END.search(text, end)
    limit = min(stop.start() if stop else len(text), end + INSTITUTION_REACH)
    return any(w.end() > end for w in INSTITUTION_WORDS.finditer(text, start, limit))


def in_industry_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause around text[start:end] speaks of industry (an INDUSTRY_CLAUSE_WORDS
    word outside the term itself; 、 does not end a clause)."""
    before = [m.end() for m in CLAUSE_END.finditer(text, 0, start)]
    stop = CLAUSE_END.search(text, end)
    clause_start, clause_end = (before[-1] if before else 0), (stop.start() if stop else len(text))
    return bool(
        INDUSTRY_CLAUSE_WORDS.search(text, clause_start, start)
        or INDUSTRY_CLAUSE_WORDS.search(text, end, clause_end)
    )


def _term_pattern(term: str) -> str:
    """A term as a regex; Latin letters at its edges must not run on into a longer word
    (AI is not in "domain", VR not in "VRF"), Chinese has no such boundary to check."""
    pattern = re.escape(term)
    if term[:1].isascii() and term[:1].isalpha():
        pattern = "(?<![A-Za-z])" + pattern
    if term[-1:].isascii() and term[-1:].isalpha():
        pattern += "(?![A-Za-z])"
    return pattern


def _score(n_strong: int) -> float:
    return round(min(0.95, 0.7 + 0.1 * n_strong), 3)


class LexiconLabeller:
    """Label sentences by taxonomy terms; headings lend their clusters to bare sentences."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._clusters = TermMatcher.build(taxonomy.clusters, taxonomy.neutral, skip_institution_names=True)
        self._themes = TermMatcher.build(taxonomy.themes, taxonomy.theme_neutral)
        self._cluster_order = {c: i for i, c in enumerate(taxonomy.cluster_labels)}
        self._names = {form.lower(): c for c in taxonomy.cluster_labels for form in name_terms(c)}
        self._theme_order = {c: i for i, c in enumerate(taxonomy.theme_labels)}
        self._theme_names = {t.name: t.label for t in taxonomy.themes if t.name}
        self._theme_name_pattern = (
            re.compile(
                "(?:"
                + "|".join(map(re.escape, sorted(self._theme_names, key=len, reverse=True)))
                + f")(?![{NOT_AFTER_THEME_NAME}])"
            )
            if self._theme_names
            else None
        )

    def read(self, text: str) -> LabelPair:
        """The clusters and themes the sentence names itself (no heading, no implied themes)."""
        return self.clusters(text), self.themes(text)

    def predict(
        self,
        texts: list[str],
        contexts: list[str | None] | None = None,
        readings: list[LabelPair] | None = None,
    ) -> list[LabelPair]:
        """Labels per sentence; `readings` (from `read`) spares reading the texts again."""
        contexts = contexts if contexts is not None else [None] * len(texts)
        readings = readings if readings is not None else [self.read(t) for t in texts]
        if not len(contexts) == len(readings) == len(texts):
            raise ValueError("texts, contexts and readings differ in length")
        heading_cache: dict[str, list[Label]] = {}
        out: list[LabelPair] = []
        for text, path, (clusters, themes) in zip(texts, contexts, readings, strict=True):
            context = innermost_heading(path)
            if not clusters and context and INDUSTRY_CUES.search(text):
                if context not in heading_cache:
                    heading_cache[context] = self.clusters(context)
                clusters = [
                    Label(label=lab.label, score=round(lab.score * INHERIT_FACTOR, 3))
                    for lab in heading_cache[context]
                ]
            out.append((clusters, with_implied_themes(self.taxonomy, clusters, themes)))
        return out

    def clusters(self, text: str) -> list[Label]:
        strong, weak = self._clusters.hits(text)
        scores = {label: _score(n) for label, n in strong.items()}
        if not scores:  # weak mentions count only when nothing stronger is said
            scores = {label: WEAK_SCORE for label in weak}
        return self._ordered(scores, self._cluster_order)

    def named_clusters(self, text: str) -> set[str]:
        """The clusters the sentence calls by their own name (a whole term, so 新能源汽车 does not
        name 新能源), outside names of institutions."""
        return {self._names[t] for t in self._clusters.matches(text) if t in self._names}

    def themes(self, text: str) -> list[Label]:
        strong, weak = self._themes.hits(text)
        scores = {label: _score(n) for label, n in strong.items()}
        for label in weak:
            scores.setdefault(label, WEAK_SCORE)
        return self._ordered(scores, self._theme_order)

    def named_themes(self, text: str) -> set[str]:
        """The themes the sentence calls by their own name (绿色化、新型化、高端化)."""
        if self._theme_name_pattern is None:
            return set()
        return {self._theme_names[m.group(0)] for m in self._theme_name_pattern.finditer(compact(text))}

    @staticmethod
    def _ordered(scores: dict[str, float], order: dict[str, int]) -> list[Label]:
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order))))
        return [Label(label=k, score=v) for k, v in ranked]


class KeywordLabeller:
    """The plain keyword baseline, for reports only: a label fires when any of its taxonomy
    terms occurs in the sentence — no neutral words, weak terms count as strong, no
    heading, no implied themes."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._matchers = (
            TermMatcher.build(taxonomy.clusters, (), qualify=False),
            TermMatcher.build(taxonomy.themes, (), qualify=False),
        )
        self._orders = (taxonomy.cluster_labels, taxonomy.theme_labels)

    def predict(self, texts: list[str], contexts: list[str | None] | None = None) -> list[LabelPair]:
        return [(self._found(0, text), self._found(1, text)) for text in texts]

    def _found(self, k: int, text: str) -> list[Label]:
        strong, weak = self._matchers[k].hits(text)
        return [Label(label=lab, score=1.0) for lab in self._orders[k] if strong[lab] or weak[lab]]
