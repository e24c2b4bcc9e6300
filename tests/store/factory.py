"""Hand-built records and database URLs shared by the store and reports tests."""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa

from ingest.records import Document, PageSpan, Problem, Span
from nlp.records import Analysis, Label, Quantity, Sentence

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "start-postgres.sh"
PG_SERVER = pytest.StashKey[str]()


def make_analysis(
    name: str,
    sentences: list[tuple[str, list[str], list[str]]],
    quantities: list[tuple[int, str, dict]] = (),
    *,
    date: str | None = "2024-03-05",
    region: str | None = "宁波市",
    kind: str = "policy",
    title: str | None = None,
    pages: int = 1,
) -> Analysis:
    """An Analysis whose text is the sentences joined by newlines.

    sentences: (text, clusters, themes); quantities: (sentence index, raw found in it, other fields).
    """
    text = "\n".join(s for s, _, _ in sentences)
    starts, pos = [], 0
    for s, _, _ in sentences:
        starts.append(pos)
        pos += len(s) + 1
    per_page = max(1, len(text) // pages + 1)
    spans = [
        PageSpan(number=i + 1, start=i * per_page, end=min(len(text), (i + 1) * per_page))
        for i in range(pages)
    ]
    doc = Document(
        id=hashlib.sha256(name.encode()).hexdigest(),
        source=f"/data/{name}.txt",
        format="txt",
        title=title or name,
        kind=kind,
        issuer="宁波市人民政府" if region else None,
        doc_number="甬政发〔2024〕1号" if region else None,
        date=date,
        region=region,
        period=(2023, 2027) if kind == "policy" else None,
        text=text,
        page_spans=spans if pages > 1 else [],
        headings=[Span(start=0, end=len(sentences[0][0]))],
        meta={"主送机关": "各区县（市）人民政府", "附件": ["名单"]},
        problems=[Problem(code="pdf.ocr_failed", message="第2页识别失败", page=2)] if pages > 1 else [],
    )
    sents = [
        Sentence(
            index=i,
            text=s,
            start=starts[i],
            end=starts[i] + len(s),
            page=doc.page_at(starts[i]),
            heading=i == 0,
            clusters=[Label(label=c, score=0.9 - 0.1 * k) for k, c in enumerate(clusters)],
            themes=[Label(label=t, score=0.75) for t in themes],
        )
        for i, (s, clusters, themes) in enumerate(sentences)
    ]
    quants = []
    for i, raw, fields in quantities:
        start = starts[i] + sentences[i][0].index(raw)
        quants.append(Quantity(sentence_index=i, raw=raw, start=start, end=start + len(raw), **fields))
    return Analysis(document=doc, sentences=sents, quantities=quants)


def postgres_bin_present() -> bool:
    return bool(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or shutil.which("initdb") is not None


def pg_server_url(config: pytest.Config) -> str:
    """POLICYSCOPE_TEST_PG_URL, else one throw-away server per test session (skip without binaries)."""
    if url := os.environ.get("POLICYSCOPE_TEST_PG_URL"):
        return url
    if PG_SERVER in config.stash:
        return config.stash[PG_SERVER]
    if not postgres_bin_present():
        pytest.skip("no PostgreSQL binaries (initdb) found and POLICYSCOPE_TEST_PG_URL is not set")
    data_dir = tempfile.mkdtemp(prefix="policyscope-pg-", dir="/tmp")
    config.add_cleanup(lambda: subprocess.run([str(SCRIPT), "--stop", data_dir], check=False, timeout=60))
    out = subprocess.run([str(SCRIPT), data_dir], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"scripts/start-postgres.sh failed:\n{out.stderr}")
    config.stash[PG_SERVER] = out.stdout.strip()
    return config.stash[PG_SERVER]


@contextmanager
def fresh_pg_database(server_url: str) -> Iterator[str]:
    """A URL whose tables land in a new empty schema, dropped afterwards.

    A schema per test (via search_path) is ~100x cheaper than CREATE DATABASE.
    """
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
        url = sa.make_url(server_url).update_query_dict({"options": f"-csearch_path={name}"})
        yield url.render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
    finally:
        admin.dispose()


@contextmanager
def store_url(backend: str, config: pytest.Config, tmp_path: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with fresh_pg_database(pg_server_url(config)) as url:
            yield url


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
