"""`policyscope poll` and `ingest LIST.yaml` against a small site on 127.0.0.1 (tests/ingest/conftest.py)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from api import batch, cli
from api.cli import app
from store.db import Store
from tests.ingest import conftest as sitedata


@pytest.fixture
def site() -> Iterator[sitedata.Site]:
    """A fresh site per test, so request counts and pages belong to the test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), sitedata._handler(sitedata.Site(base="")))
    server.daemon_threads = True
    site = sitedata.Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = sitedata._handler(site)
    html = "text/html; charset=utf-8"
    site.pages.update(
        {
            "/list.html": (html, sitedata.LISTING.encode()),
            "/art/1.html": (html, sitedata.ARTICLE_1.encode()),
            "/art/2.html": (html, sitedata.ARTICLE_2.encode()),
            "/private/secret.html": (html, sitedata.NEWS_PAGE.encode()),
            "/feed.xml": ("application/rss+xml", sitedata.FEED.encode()),
            "/robots.txt": ("text/plain", sitedata.ROBOTS.encode()),
            "/files/plan.docx": (
                "application/octet-stream",
                sitedata.make_docx(["任务分解表", "到2027年培育绿色工厂150家。"], title="任务分解表"),
            ),
        }
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, runner) -> None:
    monkeypatch.setenv("POLICYSCOPE_ALLOW_PRIVATE_URLS", "true")
    monkeypatch.setenv("POLICYSCOPE_POLL_DELAY", "0")
    monkeypatch.setenv("POLICYSCOPE_WORKERS", "1")


def _list(tmp_path: Path, text: str) -> str:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _sources(db_url: str) -> set[str]:
    items, _ = Store(db_url).list_documents(limit=100)
    return {item["source"] for item in items}


def test_first_poll_stores_articles_and_attachment_second_stores_nothing(
    runner, env, site, tmp_path, db_url
) -> None:
    sources = _list(tmp_path, f"feeds:\n  - url: {site.url('/feed.xml')}\n")
    first = runner.invoke(app, ["poll", sources])
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-1] == "3 new, 0 unchanged, 0 failed"
    stored = {site.url("/art/1.html"), site.url("/art/2.html"), site.url("/files/plan.docx")}
    assert _sources(db_url) == stored
    assert (tmp_path / "test.poll.json").exists()  # beside the SQLite file test.db

    before = dict(site.hits)
    second = runner.invoke(app, ["poll", sources])
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines()[-1] == "0 new, 2 unchanged, 0 failed"
    assert _sources(db_url) == stored
    for path in ("/art/1.html", "/art/2.html", "/files/plan.docx"):
        assert site.hits[path] == before[path], path  # nothing re-fetched


def test_listing_failure_reported_robots_obeyed_and_304(runner, env, site, tmp_path, db_url) -> None:
    sources = _list(tmp_path, f"feeds:\n  - {site.url('/list.html')}\n")
    state = tmp_path / "elsewhere" / "state.json"
    first = runner.invoke(app, ["poll", sources, "--state", str(state)])
    assert first.exit_code == 1
    assert first.stdout.splitlines()[-1] == "3 new, 0 unchanged, 1 failed"
    missing = site.url("/art/404.html")
    assert first.stderr.splitlines() == [f"error: {missing}: HTTP 404 from {missing} [fetch.status]"]
    assert site.hits["/private/secret.html"] == 0  # robots.txt: Disallow /private/
    assert len(_sources(db_url)) == 3
    assert json.loads(state.read_text(encoding="utf-8"))["retry"] == {missing: site.url("/list.html")}

    # the listing answers 304; the failed link is still retried, the rest is not fetched again
    site.pages["/art/404.html"] = ("text/plain; charset=utf-8", "到2026年建成绿色工厂80家。".encode())
    second = runner.invoke(app, ["poll", sources, "--state", str(state)])
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines()[-1] == "1 new, 1 unchanged, 0 failed"
    assert site.hits["/art/1.html"] == 1 and site.hits["/list.html"] == 2
    assert missing in _sources(db_url)


def test_ingest_list_polls_its_feeds_on_the_same_path(runner, env, site, tmp_path, db_url) -> None:
    (tmp_path / "plan.txt").write_text("到2027年，全市国家级绿色工厂达到150家。\n", encoding="utf-8")
    text = f"sources:\n  - plan.txt\nfeeds:\n  - url: {site.url('/feed.xml')}\n    attachments: false\n"
    sources = _list(tmp_path, text)
    first = runner.invoke(app, ["ingest", sources])
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[-1] == "3 new, 0 already stored, 0 failed"
    assert site.url("/art/2.html") in _sources(db_url)
    again = runner.invoke(app, ["ingest", sources])
    assert again.stdout.splitlines()[-1] == "0 new, 3 already stored, 0 failed"
    polled = runner.invoke(app, ["poll", sources])  # same state file: nothing new
    assert polled.stdout.splitlines()[-1] == "0 new, 2 unchanged, 0 failed"


def test_document_that_fails_analysis_is_polled_again(
    runner, env, site, tmp_path, db_url, pipeline, monkeypatch
) -> None:
    class Broken:
        def analyse(self, document):
            if document.source.endswith("/art/2.html"):
                raise RuntimeError("boom")
            return pipeline.analyse(document)

        def term_counts(self, document):
            return pipeline.term_counts(document)

    sources = _list(tmp_path, f"feeds:\n  - url: {site.url('/feed.xml')}\n    attachments: false\n")
    monkeypatch.setattr(batch, "worker_pipeline", lambda taxonomy: Broken())
    first = runner.invoke(app, ["poll", sources])
    assert first.exit_code == 1
    assert first.stdout.splitlines()[-1] == "1 new, 0 unchanged, 1 failed"
    assert first.stderr.strip() == f"error: {site.url('/art/2.html')}: internal error: RuntimeError: boom"
    monkeypatch.setattr(batch, "worker_pipeline", lambda taxonomy: pipeline)
    second = runner.invoke(app, ["poll", sources])
    assert second.exit_code == 0, second.output
    assert second.stdout.splitlines()[-1] == "1 new, 1 unchanged, 0 failed"
    assert site.url("/art/2.html") in _sources(db_url)


def test_private_addresses_refused_by_default(runner, site, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("POLICYSCOPE_POLL_DELAY", "0")
    sources = _list(tmp_path, f"feeds:\n  - {site.url('/feed.xml')}\n")
    result = runner.invoke(app, ["poll", sources, "--once"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "0 new, 0 unchanged, 1 failed"
    assert result.stderr.strip().endswith("[fetch.blocked_address]")
    assert sum(site.hits.values()) == 0


def test_interval_repeats_rounds_and_once_stops(runner, env, site, tmp_path, monkeypatch) -> None:
    sources = _list(tmp_path, f"feeds:\n  - {site.url('/feed.xml')}\n")
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr(cli.time, "sleep", sleep)
    monkeypatch.setenv("POLICYSCOPE_POLL_INTERVAL", "600")
    looped = runner.invoke(app, ["poll", sources, "--every", "60"])
    summaries = [line for line in looped.stdout.splitlines() if " unchanged, " in line]
    assert summaries == ["3 new, 0 unchanged, 0 failed", "0 new, 2 unchanged, 0 failed"]
    assert naps == [60.0, 60.0]
    once = runner.invoke(app, ["poll", sources, "--once"])
    assert once.exit_code == 0 and len(naps) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sources:\n  - a.txt\n", "no 'feeds:' to poll"),
        ("feeds: 3\n", "'sources' and 'feeds' must be lists [source_list]"),
    ],
)
def test_list_without_feeds_gives_one_line(runner, tmp_path, content, message) -> None:
    sources = _list(tmp_path, content)
    result = runner.invoke(app, ["poll", sources])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {sources}: {message}"


def test_broken_state_file_fails_in_one_line(runner, env, site, tmp_path) -> None:
    sources = _list(tmp_path, f"feeds:\n  - {site.url('/feed.xml')}\n")
    state = tmp_path / "state.json"
    state.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["poll", sources, "--state", str(state)])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {state}: cannot read poll state") and line.endswith("[poll.state]")
    assert state.read_text(encoding="utf-8") == "{not json"  # left for the user to look at
