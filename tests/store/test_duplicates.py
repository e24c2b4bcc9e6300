"""Copies of a stored text: found at save time, left out of queries and trends, backfilled on upgrade."""

from __future__ import annotations

import hashlib
import random
import threading
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic import command
from hypothesis import given
from hypothesis import strategies as st

from nlp.records import Analysis
from store import codec, duplicates
from store.db import Store
from store.engine import alembic_config, make_engine
from store.models import documents
from store.queries import QuantityQuery, SentenceQuery
from tests.store.corpus import national_report, ningbo_plan
from tests.store.factory import make_analysis

REPORT = (
    "过去一年，全省地区生产总值增长5.8%，规上工业增加值增长7.1%，新能源汽车产量突破70万辆。"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业68万人左右，"
    "居民消费价格涨幅2%左右，单位地区生产总值能耗降低完成国家下达目标任务。"
)
CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=60, max_size=400)


def copy_of(analysis: Analysis, name: str, fmt: str = "pdf") -> Analysis:
    """The same analysis as if read from another file (other bytes, same text)."""
    doc = analysis.document.model_copy(
        update={
            "id": hashlib.sha256(name.encode()).hexdigest(),
            "source": f"/data/{name}.{fmt}",
            "format": fmt,
        }
    )
    return analysis.model_copy(update={"document": doc})


# --- the sketch ---------------------------------------------------------------------


@given(CJK)
def test_the_same_text_is_a_copy_whatever_its_layout(text: str) -> None:
    relaid = "\n".join(text[i : i + 17] + "，" for i in range(0, len(text), 17))  # line breaks, commas
    assert duplicates.similarity(duplicates.fingerprint(text)[1], duplicates.fingerprint(relaid)[1]) == 1.0


@given(CJK, CJK)
def test_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    sa_, sb = duplicates.fingerprint(a)[1], duplicates.fingerprint(b)[1]
    assert duplicates.similarity(sa_, sb) == duplicates.similarity(sb, sa_)
    assert 0.0 <= duplicates.similarity(sa_, sb) <= 1.0


def test_page_numbers_left_in_a_long_text_do_not_hide_a_copy() -> None:
    rng = random.Random(7)
    text = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(6000))
    pages = [text[i : i + 1000] for i in range(0, len(text), 1000)]
    printed = "".join(f"{page}\n— {n} —\n" for n, page in enumerate(pages, 1))
    assert duplicates.similarity(duplicates.fingerprint(text)[1], duplicates.fingerprint(printed)[1]) >= 0.9


def test_a_text_with_other_numbers_or_a_new_paragraph_is_not_a_copy() -> None:
    other_year = REPORT.replace("5.8%", "6.1%").replace("7.1%", "6.9%").replace("70万辆", "50万辆")
    other_year = other_year.replace("5.5%", "5%").replace("68万人", "70万人")
    longer = REPORT + "加快建设现代化产业体系，培育壮大新兴产业和未来产业，推动传统产业转型升级。" * 2
    base = duplicates.fingerprint(REPORT)[1]
    assert duplicates.similarity(base, duplicates.fingerprint(other_year)[1]) < duplicates.SIMILAR
    assert duplicates.similarity(base, duplicates.fingerprint(longer)[1]) < duplicates.SIMILAR


def test_an_empty_text_has_an_empty_sketch() -> None:
    assert duplicates.fingerprint("——\n\n。") == (0, [])
    assert duplicates.similarity([], []) == 0.0


# --- saving and reading -------------------------------------------------------------


def test_a_copy_points_to_the_stored_original(store: Store) -> None:
    original, other = ningbo_plan(), national_report()
    copy = copy_of(original, "ningbo-plan-printed")
    for analysis in (original, other, copy):
        assert store.save_analysis(analysis)
    assert store.duplicate_of(original.document.id) is None
    assert store.duplicate_of(other.document.id) is None
    assert store.duplicate_of(copy.document.id) == original.document.id
    assert store.get_analysis(copy.document.id) == copy  # still readable whole


def test_a_copy_of_a_copy_points_to_the_first_original(store: Store) -> None:
    original = ningbo_plan()
    store.save_analysis(original)
    store.save_analysis(copy_of(original, "as-pdf"))
    store.save_analysis(copy_of(original, "as-docx", "docx"))
    assert store.duplicate_of(copy_of(original, "as-docx", "docx").document.id) == original.document.id


def test_short_texts_are_never_copies(store: Store) -> None:
    stub = make_analysis("stub", [("附件：名单", [], [])])
    store.save_analysis(stub)
    store.save_analysis(copy_of(stub, "stub-again"))
    assert store.duplicate_of(copy_of(stub, "stub-again").document.id) is None


def test_queries_leave_copies_out_unless_asked(store: Store) -> None:
    original = ningbo_plan()
    copy = copy_of(original, "ningbo-plan-printed")
    store.save_analysis(original)
    store.save_analysis(copy)

    def sources(items: list[dict]) -> set[str]:
        return {i["source"] for i in items}

    quantities, _ = store.query_quantities(QuantityQuery())
    assert sources(quantities) == {original.document.source}
    assert len(quantities) == len(original.quantities)
    every, _ = store.query_quantities(QuantityQuery(include_duplicates=True))
    assert len(every) == 2 * len(original.quantities)
    by_id, _ = store.query_quantities(QuantityQuery(document_id=copy.document.id))
    assert sources(by_id) == {copy.document.source}  # naming the copy shows it

    sents, _ = store.query_sentences(SentenceQuery())
    assert sources(sents) == {original.document.source}
    sents, _ = store.query_sentences(SentenceQuery(include_duplicates=True))
    assert sources(sents) == {original.document.source, copy.document.source}
    sents, _ = store.query_sentences(SentenceQuery(document_id=copy.document.id))
    assert sources(sents) == {copy.document.source}

    docs, _ = store.list_documents()
    assert [(d["source"], d["duplicate_of"]) for d in docs] == [(original.document.source, None)]
    docs, _ = store.list_documents(include_duplicates=True)
    assert {d["source"]: d["duplicate_of"] for d in docs} == {
        original.document.source: None,
        copy.document.source: original.document.id,
    }


def test_trends_count_a_text_once(store: Store) -> None:
    original = ningbo_plan()
    store.save_analysis(original, {"绿色": 3})
    alone = store.term_occurrences(["绿色"], "year")
    store.save_analysis(copy_of(original, "ningbo-plan-printed"), {"绿色": 3})
    assert store.term_occurrences(["绿色"], "year") == alone
    year = int(original.document.date[:4])
    assert store.term_count_totals("year") == ({year: 3}, {("绿色", year): 3})


def test_copies_saved_at_the_same_instant_leave_one_original(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both writers look for an original before either has committed, so both miss."""
    original = ningbo_plan()
    texts = [copy_of(original, f"print-{n}") for n in range(2)]
    both_looked = threading.Barrier(2, timeout=20)
    look = duplicates.find_original

    def look_then_wait(*args: object) -> str | None:
        found = look(*args)  # type: ignore[arg-type]
        both_looked.wait()
        return found

    monkeypatch.setattr(duplicates, "find_original", look_then_wait)
    errors: list[BaseException] = []

    def save(analysis: Analysis) -> None:
        try:
            assert store.save_analysis(analysis)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(a,)) for a in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    marks = {a.document.id: store.duplicate_of(a.document.id) for a in texts}
    originals = [i for i, of in marks.items() if of is None]
    assert len(originals) == 1
    assert set(marks.values()) == {None, originals[0]}


def test_a_later_original_hands_its_copies_to_the_earliest(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settling moves a later original, and the copies already pointing to it, to the earliest."""
    original = ningbo_plan()
    first, second, copy = original, copy_of(original, "second"), copy_of(original, "third")
    monkeypatch.setattr(duplicates, "settle", lambda *args: None)  # as if both saves raced
    monkeypatch.setattr(duplicates, "find_original", lambda *args: None)
    store.save_analysis(first)
    store.save_analysis(second)
    monkeypatch.undo()
    with store.engine.begin() as conn:  # `copy` was saved while `second` was still an original
        store_copy = codec.document_row(copy.document)
        conn.execute(documents.insert(), {**store_copy, "duplicate_of": second.document.id})
    chars, sketch = duplicates.fingerprint(first.document.text)
    duplicates.settle(store.engine, second.document.id, sketch, chars)
    assert store.duplicate_of(first.document.id) is None
    assert store.duplicate_of(second.document.id) == first.document.id
    assert store.duplicate_of(copy.document.id) == first.document.id


def report_version(name: str, growth: str, date: str = "2025-01-20") -> Analysis:
    """A long report whose one number is `growth` (5% in one version, 6% in its correction)."""
    rng = random.Random(11)  # the same body in every version
    body = ["".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(60)) + "。" for _ in range(20)]
    target = f"全市地区生产总值增长{growth}左右。"
    sentences = [(t, [], []) for t in body] + [(target, [], [])]
    quantity = {"value": float(growth.rstrip("%")), "unit": "%", "comparator": "approx", "change": "increase"}
    return make_analysis(name, sentences, [(20, growth, quantity)], date=date)


def test_a_corrected_version_supersedes_the_stored_one(store: Store) -> None:
    old, corrected = report_version("report-v1", "5%"), report_version("report-v2", "6%")
    printed = copy_of(old, "report-v1-printed")
    for analysis in (old, printed, corrected):
        assert store.save_analysis(analysis)
    assert store.duplicate_of(corrected.document.id) is None  # the correction is what queries show
    assert store.duplicate_of(old.document.id) == corrected.document.id
    assert store.duplicate_of(printed.document.id) == corrected.document.id
    shown, _ = store.query_quantities(QuantityQuery())
    assert [q["raw"] for q in shown] == ["6%"]


def test_an_older_version_saved_later_stays_a_copy(store: Store) -> None:
    current = report_version("report-2025", "6%", date="2025-01-20")
    earlier = report_version("report-draft", "5%", date="2024-12-30")
    store.save_analysis(current)
    store.save_analysis(earlier)
    assert store.duplicate_of(earlier.document.id) == current.document.id


# --- upgrading a database stored before copies were recognised ----------------------


def test_upgrade_backfills_copies_oldest_first(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    original, other = ningbo_plan(), national_report()
    copy = copy_of(original, "ningbo-plan-printed")
    columns_0001 = [c.name for c in documents.c if c.name not in ("text_chars", "sketch", "duplicate_of")]
    with engine.begin() as conn:
        for minute, analysis in enumerate((copy, other, original)):  # the copy stored first
            row = codec.document_row(analysis.document)
            row["created_at"] = datetime(2025, 1, 1, 0, minute, tzinfo=UTC)
            conn.execute(documents.insert(), {k: row[k] for k in columns_0001})  # 0001's columns only
    engine.dispose()
    with Store(url) as store:  # opening upgrades to head
        assert store.duplicate_of(copy.document.id) is None  # the oldest is the original
        assert store.duplicate_of(other.document.id) is None
        assert store.duplicate_of(original.document.id) == copy.document.id
        with store.engine.connect() as conn:
            chars = conn.execute(sa.select(documents.c.id, documents.c.text_chars)).all()
        assert all(n and n > duplicates.MIN_CHARS for _, n in chars)
