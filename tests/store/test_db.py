from __future__ import annotations

import pytest
import sqlalchemy as sa

from store import codec
from store.codec import RecordMismatch
from store.db import Store
from store.models import documents, quantities, sentence_labels, sentences, term_counts
from tests.store.corpus import corpus, national_report, news_item, ningbo_plan

TABLES = (documents, sentences, sentence_labels, quantities, term_counts)


def counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one() for t in TABLES}


@pytest.mark.parametrize("make", [ningbo_plan, national_report, news_item])
def test_round_trip_rebuilds_the_exact_record(store: Store, make) -> None:
    analysis = make()
    assert store.save_analysis(analysis, {"绿色": 3, "工厂": 2})
    again = store.get_analysis(analysis.document.id)
    assert again == analysis
    assert again.to_record() == analysis.to_record()


def test_sentence_text_is_not_stored(store: Store) -> None:
    store.save_analysis(ningbo_plan())
    with store.engine.connect() as conn:
        assert "text" not in {c["name"] for c in sa.inspect(conn).get_columns("sentences")}


def test_missing_document_is_none(store: Store) -> None:
    assert store.get_analysis("0" * 64) is None
    assert not store.has_document("0" * 64)


def test_same_document_twice_changes_nothing(store: Store) -> None:
    first = ningbo_plan()
    assert store.save_analysis(first, {"绿色": 3})
    before = counts(store)
    changed = first.model_copy(update={"quantities": first.quantities[:1]})
    assert store.save_analysis(changed, {"绿色": 99, "新词": 1}) is False
    assert counts(store) == before
    assert store.get_analysis(first.document.id) == first


def test_failure_midway_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args):
        raise RuntimeError("injected")

    monkeypatch.setattr(codec, "quantity_rows", boom)  # after documents, sentences and labels are inserted
    with pytest.raises(RuntimeError, match="injected"):
        store.save_analysis(ningbo_plan())
    assert set(counts(store).values()) == {0}
    monkeypatch.undo()
    assert store.save_analysis(ningbo_plan())  # and a retry succeeds


def test_database_error_in_last_step_rolls_back(store: Store) -> None:
    with pytest.raises(sa.exc.IntegrityError):
        store.save_analysis(national_report(), {"新质生产力": None})  # NOT NULL violated at the last insert
    assert set(counts(store).values()) == {0}


def test_offsets_must_match_strings(store: Store) -> None:
    bad = ningbo_plan()
    bad.quantities[0].raw = "151家"
    with pytest.raises(RecordMismatch, match="quantity 0"):
        store.save_analysis(bad)
    bad = ningbo_plan()
    bad.sentences[1].text = bad.sentences[1].text + "。"
    with pytest.raises(RecordMismatch, match="sentence 1"):
        store.save_analysis(bad)
    assert not store.has_document(bad.document.id)


def test_year_column_comes_from_date(store: Store) -> None:
    for a in corpus():
        store.save_analysis(a)
    with store.engine.connect() as conn:
        years = dict(conn.execute(sa.select(documents.c.title, documents.c.year)).all())
    assert years == {"ningbo-plan": 2023, "national-2024": 2024, "news-undated": None}


def test_schema_is_created_once_and_reopened(url: str) -> None:
    with Store(url) as first:
        first.save_analysis(ningbo_plan())
    with Store(url) as second:  # upgrade on an up-to-date schema is a no-op
        assert second.has_document(ningbo_plan().document.id)


def test_migrations_match_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from store.models import metadata

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_sqlite_pragmas(tmp_path) -> None:
    with Store(f"sqlite:///{tmp_path / 'p.db'}") as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_in_memory_sqlite_keeps_data_across_connections() -> None:
    with Store("sqlite://") as s:
        assert s.save_analysis(news_item())
        assert s.get_analysis(news_item().document.id) == news_item()


def test_jobs_lifecycle(store: Store) -> None:
    job = store.create_job("https://example.org/a.pdf")
    got = store.get_job(job)
    assert got["status"] == "queued" and got["source"] == "https://example.org/a.pdf"
    assert got["document_id"] is None and got["error"] is None
    store.update_job(job, "running")
    store.update_job(job, "done", document_id="ab" * 32)
    got = store.get_job(job)
    assert (got["status"], got["document_id"]) == ("done", "ab" * 32)
    assert got["updated_at"] >= got["created_at"]
    store.update_job(job, "failed", error="boom")
    assert store.get_job(job)["error"] == "boom"
    assert store.get_job(job)["document_id"] == "ab" * 32  # kept when not given


def test_job_errors(store: Store) -> None:
    assert store.get_job("nope") is None
    with pytest.raises(KeyError):
        store.update_job("nope", "done")
    job = store.create_job("x")
    with pytest.raises(ValueError, match="unknown job status"):
        store.update_job(job, "finished")


def test_concurrent_writer_of_the_same_document(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = ningbo_plan()
    assert store.save_analysis(analysis)
    before = counts(store)
    checks = iter([False, True])  # our pre-check misses the row another writer just committed
    monkeypatch.setattr(store, "has_document", lambda _id: next(checks))
    assert store.save_analysis(analysis) is False
    assert counts(store) == before
