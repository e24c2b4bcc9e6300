from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.trends import rising_terms, trend_series
from store.db import Store
from tests.store.factory import make_analysis

NQP = "新质生产力"


def doc(name: str, text: str, date: str | None, region: str | None = "宁波市", kind: str = "policy"):
    return make_analysis(name, [(name, [], []), (text, [], [])], date=date, region=region, kind=kind)


DOCS = [
    doc("a2023", "发展绿色低碳产业，绿色工厂。", "2023-03-05"),
    doc("b2024", f"加快发展{NQP}，因地制宜发展{NQP}。", "2024-03-05", region=None, kind="other"),
    doc("c2024", f"以{NQP}{NQP}引领绿色转型，aaaa。", "2024-05-20", region="浙江省"),
    doc("d-undated", "新质生产 力不算；生产力新质也不算。aaa", None, kind="news"),
]


@pytest.fixture
def filled(store: Store) -> Store:
    for a in DOCS:
        store.save_analysis(a)
    return store


def expected(term: str, key) -> dict:
    """Reference counts straight from Python's str.count over the same texts."""
    out: dict = {}
    for a in DOCS:
        b = key(a.document)
        n = a.document.text.count(term)
        row = out.setdefault(b, {"occurrences": 0, "documents": 0, "chars": 0})
        row["occurrences"] += n
        row["documents"] += n > 0
        row["chars"] += len(a.document.text)
    return out


GROUPS = {
    "year": lambda d: int(d.date[:4]) if d.date else None,
    "month": lambda d: d.date[:7] if d.date else None,
    "region": lambda d: d.region,
    "kind": lambda d: d.kind,
}


@pytest.mark.parametrize("by", list(GROUPS))
@pytest.mark.parametrize("term", [NQP, "绿色", "aa", "不存在的词", "生产力"])
def test_counts_equal_str_count(filled: Store, by: str, term: str) -> None:
    trend = trend_series(filled, [term], by=by)
    ref = expected(term, GROUPS[by])
    got = {p["bucket"]: p for p in trend["series"][term]}
    assert set(got) == set(ref)
    for b, r in ref.items():
        assert (got[b]["occurrences"], got[b]["documents"]) == (r["occurrences"], r["documents"])
        assert got[b]["per_10k_chars"] == pytest.approx(r["occurrences"] * 10_000 / r["chars"], abs=1e-4)
    assert {b["bucket"]: b["chars"] for b in trend["buckets"]} == {b: r["chars"] for b, r in ref.items()}


def test_new_quality_productive_forces_appear_in_2024(filled: Store) -> None:
    trend = trend_series(filled, [NQP, "绿色"], by="year")
    assert [b["bucket"] for b in trend["buckets"]] == [2023, 2024, None]  # unknown last
    assert [(p["occurrences"], p["documents"]) for p in trend["series"][NQP]] == [(0, 0), (4, 2), (0, 0)]
    assert [p["occurrences"] for p in trend["series"]["绿色"]] == [2, 1, 0]


def test_overlapping_occurrences_count_like_str_count(filled: Store) -> None:
    by_kind = {p["bucket"]: p["occurrences"] for p in trend_series(filled, ["aa"], by="kind")["series"]["aa"]}
    assert by_kind == {"policy": 2, "news": 1, "other": 0}  # "aaaa" -> 2, "aaa" -> 1


def test_month_buckets_and_term_dedup(filled: Store) -> None:
    trend = trend_series(filled, [NQP, NQP, " 绿色 "], by="month")
    assert trend["terms"] == [NQP, "绿色"]
    assert [b["bucket"] for b in trend["buckets"]] == ["2023-03", "2024-03", "2024-05", None]


def test_a_date_known_to_the_year_has_no_month(store: Store) -> None:
    """A report dated only by its year is stored as YYYY-01-01; it must not swell January."""
    yearly = doc("report-2014", "绿色发展。", "2014-01-01")
    yearly = yearly.model_copy(
        update={"document": yearly.document.model_copy(update={"meta": {"date_precision": "year"}})}
    )
    store.save_analysis(yearly)
    store.save_analysis(doc("news-2014", "绿色工厂。", "2014-01-15"))
    assert [b["bucket"] for b in trend_series(store, ["绿色"], by="month")["buckets"]] == ["2014-01", None]
    assert [b["bucket"] for b in trend_series(store, ["绿色"], by="year")["buckets"]] == [2014]


def test_like_wildcards_are_literal(filled: Store) -> None:
    assert all(p["occurrences"] == 0 for p in trend_series(filled, ["%"], by="kind")["series"]["%"])


@pytest.mark.parametrize(("terms", "by"), [([], "year"), ([""], "year"), (["绿色"], "week")])
def test_bad_arguments(filled: Store, terms: list[str], by: str) -> None:
    with pytest.raises(ValueError):
        trend_series(filled, terms, by=by)


def test_empty_store(store: Store) -> None:
    assert trend_series(store, ["绿色"], by="year") == {
        "by": "year",
        "terms": ["绿色"],
        "buckets": [],
        "series": {"绿色": []},
    }


@settings(max_examples=25, deadline=None)
@given(
    texts=st.lists(st.text(alphabet="新质生产力ab", min_size=0, max_size=30), min_size=1, max_size=4),
    term=st.text(alphabet="新质生产力ab", min_size=1, max_size=3),
)
def test_sql_count_matches_python_for_any_text(texts: list[str], term: str) -> None:
    with Store("sqlite://") as store:
        for i, t in enumerate(texts):
            store.save_analysis(doc(f"h{i}", t or "空", f"20{10 + i}-01-01"))
        got = [p["occurrences"] for p in trend_series(store, [term], by="year")["series"][term]]
    assert got == [(t or "空").count(term) + f"h{i}".count(term) for i, t in enumerate(texts)]


def test_rising_terms(store: Store) -> None:
    counts = [{"绿色": 10, "工厂": 10, "发展": 80}, {NQP: 6, "绿色": 4, "发展": 90}, {"发展": 5}]
    for a, c in zip(DOCS[:3], counts, strict=True):
        store.save_analysis(a, c)
    rows = rising_terms(store, by="year", min_count=3)
    assert [r["term"] for r in rows] == [NQP, "发展", "绿色"]
    top = rows[0]
    assert top["count"] == 6 and top["before_per_10k_tokens"] == 0.0
    assert top["per_10k_tokens"] == pytest.approx(6 * 10_000 / 105, abs=1e-4)
    assert rows[-1]["growth"] < 0 < rows[1]["growth"] < top["growth"]  # 绿色 fell from 10/100 to 4/105
    assert rising_terms(store, by="year", min_count=5) == rows[:2]
