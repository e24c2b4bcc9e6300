from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.db import Store
from store.queries import InvalidCursor, InvalidQuery, QuantityQuery, SentenceQuery
from tests.store.corpus import corpus
from tests.store.factory import BACKENDS, make_analysis, store_url

PLAN, NATIONAL, NEWS = (a.document.id for a in corpus())


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The corpus, saved once per backend for the read-only tests of this module."""
    with store_url(request.param, request.config, tmp_path_factory.mktemp("q")) as url, Store(url) as store:
        for a in corpus():
            assert store.save_analysis(a)
        yield store


def raws(store: Store, **filters) -> list[str]:
    items, nxt = store.query_quantities(QuantityQuery(**filters))
    assert nxt is None
    return [i["raw"] for i in items]


def test_quantity_items_carry_context(filled: Store) -> None:
    items, _ = filled.query_quantities(QuantityQuery(document_id=PLAN))
    first = items[0]
    plan = corpus()[0]
    q, s = plan.quantities[0], plan.sentences[1]
    assert {k: first[k] for k in q.model_dump()} == q.model_dump()
    assert first["document_id"] == PLAN and first["source"] == "/data/ningbo-plan.txt"
    assert first["title"] == "ningbo-plan" and first["document_region"] == "宁波市"
    assert first["sentence"] == s.text == plan.document.text[first["sentence_start"] : first["sentence_end"]]
    assert first["page"] == s.page
    assert first["clusters"] == ["绿色石化"] and first["themes"] == ["green"]
    assert items[2]["clusters"] == ["新能源", "高端装备"]  # order as labelled
    assert items[4]["page"] == 2 and items[4]["clusters"] == [] and items[4]["raw"] == "5%"


def test_order_is_document_date_then_id_then_offset(filled: Store) -> None:
    # undated news first (date unknown sorts as ''), then 2023 plan, then 2024 report
    assert raws(filled) == ["12家", "150家", "13.5%", "70万辆", "100%", "5%", "5%", "1200万人"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "actual"}, ["12家", "5%"]),
        ({"kind": "target", "year": 2024}, ["5%", "1200万人"]),
        ({"year": 2023}, ["5%"]),
        ({"cluster": "绿色石化"}, ["12家", "150家", "13.5%"]),
        ({"cluster": "高端装备", "theme": "high-end"}, ["70万辆", "100%"]),
        ({"theme": "green", "kind": "target"}, ["150家", "13.5%"]),
        ({"theme": "none-such"}, []),
        ({"region": "北仑"}, ["12家"]),  # document region 宁波市北仑区 and quantity region 北仑
        ({"region": "宁波"}, ["12家", "150家", "13.5%", "70万辆", "100%", "5%"]),
        ({"q": "绿色工厂"}, ["12家", "150家", "13.5%"]),  # sentence text
        ({"q": "就业"}, ["5%", "1200万人"]),  # the whole sentence matches
        ({"q": "工厂数量"}, ["12家"]),  # only in the subject
        ({"q": "100_"}, []),  # % and _ are literal, not wildcards
        ({"q": "新能源%"}, []),
        ({"q": "%_达标"}, ["12家"]),
        ({"unit": "%"}, ["13.5%", "100%", "5%", "5%"]),
        ({"unit": "家", "kind": "target"}, ["150家"]),
        ({"document_id": NATIONAL}, ["5%", "1200万人"]),
    ],
)
def test_quantity_filters(filled: Store, filters: dict, expected: list[str]) -> None:
    assert raws(filled, **filters) == expected


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 8])
def test_quantity_pages_have_no_gaps_or_duplicates(filled: Store, limit: int) -> None:
    everything, _ = filled.query_quantities(QuantityQuery(), limit=100)
    seen, cursor, pages = [], None, 0
    while True:
        items, cursor = filled.query_quantities(QuantityQuery(), cursor=cursor, limit=limit)
        assert len(items) <= limit
        seen += items
        pages += 1
        if cursor is None:
            break
    assert seen == everything
    assert pages == -(-len(everything) // limit)


def test_pages_survive_inserts_before_the_cursor(store: Store) -> None:
    for a in corpus():
        store.save_analysis(a)
    first, cursor = store.query_quantities(QuantityQuery(), limit=4)
    early = make_analysis(
        "early", [("旧文", [], []), ("达到3家。", [], [])], [(1, "3家", {"value": 3})], date="2001-01-01"
    )
    store.save_analysis(early)
    rest, _ = store.query_quantities(QuantityQuery(), cursor=cursor, limit=100)
    assert [i["raw"] for i in first + rest] == [
        "12家",
        "150家",
        "13.5%",
        "70万辆",
        "100%",
        "5%",
        "5%",
        "1200万人",
    ]


def test_documents_newest_first_with_filters(filled: Store) -> None:
    items, nxt = filled.list_documents()
    assert nxt is None
    assert [d["title"] for d in items] == ["national-2024", "ningbo-plan", "news-undated"]
    plan = items[1]
    assert plan["id"] == PLAN and plan["period"] == [2023, 2027] and plan["pages"] == 2
    assert plan["quantities"] == 5 and plan["kind"] == "policy" and plan["date"] == "2023-06-01"
    assert "text" not in plan and isinstance(plan["created_at"], str)
    assert [d["id"] for d in filled.list_documents(region="宁波")[0]] == [PLAN, NEWS]
    assert [d["id"] for d in filled.list_documents(kind="news")[0]] == [NEWS]
    assert [d["id"] for d in filled.list_documents(q="新质生产力")[0]] == [NATIONAL]  # in the text
    assert [d["id"] for d in filled.list_documents(q="PLAN")[0]] == [PLAN]  # title, ASCII case ignored
    assert filled.list_documents(q="宁波", kind="other")[0] == []


@pytest.mark.parametrize("limit", [1, 2])
def test_document_pages(filled: Store, limit: int) -> None:
    ids, cursor = [], None
    while True:
        items, cursor = filled.list_documents(cursor=cursor, limit=limit)
        ids += [d["id"] for d in items]
        if cursor is None:
            break
    assert ids == [NATIONAL, PLAN, NEWS]


@pytest.mark.parametrize(
    "cursor", ["garbage!!", "bm90IGpzb24", "WzEsMl0"]
)  # bad base64, not JSON, wrong size
def test_bad_cursor(filled: Store, cursor: str) -> None:
    with pytest.raises(InvalidCursor):
        filled.query_quantities(QuantityQuery(), cursor=cursor)


def test_bad_limit(filled: Store) -> None:
    with pytest.raises(ValueError, match="limit"):
        filled.list_documents(limit=0)


# --- sentences ---------------------------------------------------------------------

# Every non-heading sentence, in query order: undated news, the 2023 plan, the 2024 report.
BODY = [(NEWS, 1), (PLAN, 1), (PLAN, 2), (PLAN, 3), (NATIONAL, 1), (NATIONAL, 2)]
EVERY = [(NEWS, 0), (NEWS, 1), (PLAN, 0), (PLAN, 1), (PLAN, 2), (PLAN, 3), (NATIONAL, 0), (NATIONAL, 1), (NATIONAL, 2)]  # fmt: skip


def sentence_keys(store: Store, **filters) -> list[tuple[str, int]]:
    items, nxt = store.query_sentences(SentenceQuery(**filters))
    assert nxt is None
    return [(i["document_id"], i["index"]) for i in items]


def test_sentence_items_carry_document_and_scored_labels(filled: Store) -> None:
    [item], _ = filled.query_sentences(SentenceQuery(cluster="新能源"))
    plan = corpus()[0]
    s = plan.sentences[2]
    assert item == {
        "document_id": PLAN,
        "source": "/data/ningbo-plan.txt",
        "title": "ningbo-plan",
        "document_date": "2023-06-01",
        "document_kind": "policy",
        "document_region": "宁波市",
        "index": 2,
        "page": s.page,
        "start": s.start,
        "end": s.end,
        "text": "新能源汽车产量突破70万辆，培育专精特新企业100%覆盖。",
        "heading": False,
        "clusters": [{"label": "新能源", "score": 0.9}, {"label": "高端装备", "score": 0.8}],  # stored order
        "themes": [{"label": "new", "score": 0.75}, {"label": "high-end", "score": 0.75}],
    }
    assert s.page == 2


def test_sentence_text_is_the_document_slice(filled: Store) -> None:
    items, _ = filled.query_sentences(SentenceQuery(headings=True))
    texts = {a.document.id: a.document.text for a in corpus()}
    originals = {(a.document.id, s.index): s.text for a in corpus() for s in a.sentences}
    assert [(i["document_id"], i["index"]) for i in items] == EVERY
    for i in items:
        assert i["text"] == texts[i["document_id"]][i["start"] : i["end"]]
        assert i["text"] == originals[(i["document_id"], i["index"])]
    unlabelled = items[5]
    assert unlabelled["clusters"] == [] and unlabelled["themes"] == []


def test_headings_are_left_out_unless_asked_for(filled: Store) -> None:
    assert sentence_keys(filled) == BODY
    assert sentence_keys(filled, q="政府工作报告") == []
    assert sentence_keys(filled, q="政府工作报告", headings=True) == [(NATIONAL, 0)]
    items, _ = filled.query_sentences(SentenceQuery(document_id=NEWS, headings=True))
    assert [i["heading"] for i in items] == [True, False]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"cluster": "绿色石化"}, [(NEWS, 1), (PLAN, 1)]),
        ({"cluster": "高端装备"}, [(PLAN, 2)]),  # second label of its sentence
        ({"cluster": "green"}, []),  # a theme name is not a cluster
        ({"theme": "new"}, [(PLAN, 2), (NATIONAL, 1)]),
        ({"theme": "none-such"}, []),
        ({"region": "宁波"}, [(NEWS, 1), (PLAN, 1), (PLAN, 2), (PLAN, 3)]),
        ({"region": "北仑"}, [(NEWS, 1)]),
        ({"year": 2023}, [(PLAN, 1), (PLAN, 2), (PLAN, 3)]),  # the document's year, not one in the text
        ({"year": 2027}, []),
        ({"kind": "other"}, [(NATIONAL, 1), (NATIONAL, 2)]),
        ({"kind": "news"}, [(NEWS, 1)]),
        ({"q": "绿色工厂"}, [(NEWS, 1), (PLAN, 1)]),
        ({"q": "100_"}, []),  # % and _ are literal, not wildcards
        ({"q": "%_达标"}, [(NEWS, 1)]),
        ({"document_id": NATIONAL}, [(NATIONAL, 1), (NATIONAL, 2)]),
        ({"theme": "green", "year": 2023, "kind": "policy", "region": "宁波"}, [(PLAN, 1)]),
        ({"cluster": "绿色石化", "region": "北仑"}, [(NEWS, 1)]),
        ({"cluster": "新能源", "theme": "high-end"}, [(PLAN, 2)]),
        ({"cluster": "新能源", "theme": "green"}, []),  # both labels must be on the sentence
        ({"theme": "new", "q": "新质生产力", "kind": "other"}, [(NATIONAL, 1)]),
        ({"theme": "new", "kind": "news"}, []),
    ],
)
def test_sentence_filters(filled: Store, filters: dict, expected: list[tuple[str, int]]) -> None:
    assert sentence_keys(filled, **filters) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"cluster": "高端装备", "min_score": 0.8}, [(PLAN, 2)]),  # score 0.8: equal passes
        ({"cluster": "高端装备", "min_score": 0.81}, []),
        ({"cluster": "新能源", "min_score": 0.81}, [(PLAN, 2)]),  # the named label's score counts
        ({"theme": "green", "min_score": 0.75}, [(NEWS, 1), (PLAN, 1)]),
        ({"theme": "green", "min_score": 0.7500001}, []),
        ({"theme": "green", "min_score": 0.0}, [(NEWS, 1), (PLAN, 1)]),
        ({"cluster": "新能源", "theme": "new", "min_score": 0.75}, [(PLAN, 2)]),
        ({"cluster": "新能源", "theme": "new", "min_score": 0.8}, []),  # it bounds both labels
    ],
)
def test_min_score_bounds_the_label_filters(filled: Store, filters: dict, expected: list) -> None:
    assert sentence_keys(filled, **filters) == expected


@pytest.mark.parametrize("filters", [{"min_score": 0.5}, {"min_score": 0.5, "region": "宁波", "q": "绿色"}])
def test_min_score_without_a_label_is_refused(filled: Store, filters: dict) -> None:
    with pytest.raises(ValueError, match="min_score needs a cluster or theme"):
        filled.query_sentences(SentenceQuery(**filters))
    with pytest.raises(InvalidQuery):
        filled.query_sentences(SentenceQuery(**filters))


@pytest.mark.parametrize("limit", [1, 2, 4, 8, 9])
def test_sentence_pages_have_no_gaps_or_duplicates(filled: Store, limit: int) -> None:
    query = SentenceQuery(headings=True)
    seen, cursor, pages = [], None, 0
    while True:
        items, cursor = filled.query_sentences(query, cursor=cursor, limit=limit)
        assert 0 < len(items) <= limit
        seen += items
        pages += 1
        if cursor is None:
            break
    assert [(i["document_id"], i["index"]) for i in seen] == EVERY
    assert pages == -(-len(EVERY) // limit)
    everything, _ = filled.query_sentences(query, limit=100)
    assert seen == everything


def test_filtered_sentence_pages(filled: Store) -> None:
    query = SentenceQuery(region="宁波")
    first, cursor = filled.query_sentences(query, limit=3)
    rest, last = filled.query_sentences(query, cursor=cursor, limit=3)
    assert [(i["document_id"], i["index"]) for i in first + rest] == BODY[:4]
    assert len(first) == 3 and last is None


def test_a_quantity_cursor_is_no_sentence_cursor(filled: Store) -> None:
    _, cursor = filled.query_quantities(QuantityQuery(), limit=1)
    assert cursor is not None
    with pytest.raises(InvalidCursor):
        filled.query_sentences(SentenceQuery(), cursor=cursor)
