from __future__ import annotations

from collections.abc import Iterator

import pytest

from store.db import Store
from store.queries import InvalidCursor, QuantityQuery
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
