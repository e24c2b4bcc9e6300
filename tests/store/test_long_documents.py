"""Sentence texts of query results are cut out in Python, not by SQL substr (quadratic on one long
document); the `q` filter that moved with them keeps the database's matching."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from nlp.records import Analysis
from store.db import Store
from store.queries import QuantityQuery, SentenceQuery, contains, text_matcher
from tests.store.factory import make_analysis

# one line, no newline: every sentence is an offset range into the same long text; 𠀀 is outside
# the BMP, so offsets are code points, not UTF-16 units or bytes
SENTENCES: list[tuple[str, list[str], list[str]]] = [
    (f"第{i}句：到2027年{'新能源汽车' if i % 3 == 0 else '绿色工厂'}𠀀产量达到{i}万辆，GDP增长", [], [])
    for i in range(40)
]


def long_document() -> Analysis:
    analysis = make_analysis("long-line", SENTENCES, [(i, f"{i}万辆", {"value": i * 1e4}) for i in range(40)])
    text = "".join(s for s, _, _ in SENTENCES)  # make_analysis joins with "\n": make it one line
    analysis.document.text = text
    pos = 0
    for sentence, quantity in zip(analysis.sentences, analysis.quantities, strict=True):
        sentence.start, sentence.end = pos, pos + len(sentence.text)
        quantity.start = pos + sentence.text.index(quantity.raw)
        quantity.end = quantity.start + len(quantity.raw)
        pos = sentence.end
    return analysis


@pytest.fixture
def long_store(store: Store) -> Iterator[Store]:
    assert store.save_analysis(long_document())
    yield store


def statements(store: Store) -> list[str]:
    seen: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    return seen


def test_sentences_are_cut_in_python_once_per_document_and_page(long_store: Store) -> None:
    seen = statements(long_store)
    items, _ = long_store.query_quantities(QuantityQuery(), limit=1000)
    sentence_items, _ = long_store.query_sentences(SentenceQuery(headings=True), limit=1000)
    assert not [s for s in seen if "substr" in s.lower()]  # no per-row walk through the long text
    assert len([s for s in seen if "documents.text" in s]) == 2  # each query fetched the text once
    text = long_document().document.text
    assert [i["sentence"] for i in items] == [s for s, _, _ in SENTENCES]
    assert all(i["sentence"] == text[i["sentence_start"] : i["sentence_end"]] for i in items)
    assert [i["text"] for i in sentence_items] == [s for s, _, _ in SENTENCES]


def test_result_fields_keep_their_order(long_store: Store) -> None:
    [item], _ = long_store.query_quantities(QuantityQuery(), limit=1)
    keys = list(item)
    assert keys.index("document_region") + 1 == keys.index("sentence") == keys.index("page") - 1
    [row], _ = long_store.query_sentences(SentenceQuery(headings=True), limit=1)
    assert list(row)[list(row).index("end") + 1 : list(row).index("end") + 3] == ["text", "heading"]


Page = tuple[list[dict[str, Any]], str | None]


def every_page(fetch: Callable[[str | None], Page], limit: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        items, cursor = fetch(cursor)
        assert len(items) <= limit and (cursor is None or len(items) == limit)  # full pages but the last
        found += items
        if cursor is None:
            return found


@pytest.mark.parametrize("limit", [1, 2, 5, 1000])
def test_q_pages_read_past_non_matching_rows(long_store: Store, limit: int) -> None:
    """Every third sentence matches: pages keep going until they hold `limit` matches."""
    quantity_q, sentence_q = QuantityQuery(q="新能源汽车"), SentenceQuery(q="新能源汽车", headings=True)
    found = every_page(lambda c: long_store.query_quantities(quantity_q, cursor=c, limit=limit), limit)
    assert [i["raw"] for i in found] == [f"{i}万辆" for i in range(0, 40, 3)]
    found = every_page(lambda c: long_store.query_sentences(sentence_q, cursor=c, limit=limit), limit)
    assert [i["index"] for i in found] == list(range(0, 40, 3))


NEEDLES = ["gdp", "GDP", "Gdp", "ＧＤＰ", "ｇｄｐ", "ÉTÉ", "été", "Σ", "σ", "新能源", "100%", "_", "𠀀", "İ"]
TEXTS = [
    "GDP增长",
    "gdp",
    "ＧＤＰ增长",
    "ｇｄｐ",
    "ÉTÉ été",
    "ΣΑΣ",
    "新能源𠀀",
    "100%达标",
    "a_b",
    "İstanbul",
    "",
]


@pytest.mark.parametrize("needle", NEEDLES)
def test_text_matcher_agrees_with_the_databases_contains(store: Store, needle: str) -> None:
    values = sa.union_all(*(sa.select(sa.literal(t, sa.Text).label("t")) for t in TEXTS)).subquery()
    with store.engine.connect() as conn:
        in_sql = set(conn.execute(sa.select(values.c.t).where(contains(values.c.t, needle))).scalars())
        has = text_matcher(conn.dialect.name, needle)
    assert {t for t in TEXTS if has(t)} == in_sql
