from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.fetch import FetchSettings
from ingest.poll import PollSettings, poll
from ingest.poll_links import feed_links, listing_links

SETTINGS = PollSettings(fetch=FetchSettings(timeout=5.0, allow_private=True), delay=0.0)


def _list(tmp_path: Path, feeds: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(feeds, encoding="utf-8")
    return path


def test_listing_poll_is_incremental(site, tmp_path: Path) -> None:
    sources = _list(tmp_path, f"feeds:\n  - url: {site.url('/list.html')}\n")
    state = tmp_path / "state.json"
    first = poll(sources, state, SETTINGS)
    by_url = {d.source: d for d in first.documents}
    assert set(by_url) == {site.url("/art/1.html"), site.url("/art/2.html"), site.url("/files/plan.docx")}
    assert by_url[site.url("/art/2.html")].kind == "news"
    assert by_url[site.url("/files/plan.docx")].format == "docx"
    # robots.txt disallows /private/; the deleted article is a problem, nothing else is
    assert site.url("/private/secret.html") in first.skipped
    assert [(p.url, p.code) for p in first.problems] == [(site.url("/art/404.html"), "fetch.status")]
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["feeds"][site.url("/list.html")]["etag"] == '"v1"'
    assert len(saved["hashes"]) == 3

    before = dict(site.hits)
    second = poll(sources, state, SETTINGS)
    assert second.documents == []
    assert second.not_modified == [site.url("/list.html")]
    assert site.hits["/art/1.html"] == before["/art/1.html"]  # nothing re-fetched


def test_feed_known_hashes_and_failed_urls_retry(site, tmp_path: Path) -> None:
    sources = _list(tmp_path, f"feeds:\n  - url: {site.url('/feed.xml')}\n    attachments: false\n")
    state = tmp_path / "state.json"
    # an earlier poll of another page already took article 1's bytes under another URL
    from ingest.records import document_id

    known = document_id(site.pages["/art/1.html"][1])
    state.write_text(json.dumps({"version": 1, "feeds": {}, "urls": {}, "hashes": [known]}), encoding="utf-8")
    result = poll(sources, state, SETTINGS)
    assert [d.source for d in result.documents] == [site.url("/art/2.html")]
    assert result.problems == []
    assert site.url("/art/1.html") in json.loads(state.read_text(encoding="utf-8"))["urls"]


def test_politeness_delay_between_requests_to_one_host(site, tmp_path: Path) -> None:
    sources = _list(tmp_path, f"feeds:\n  - url: {site.url('/feed.xml')}\n    attachments: false\n")
    waits: list[float] = []
    settings = PollSettings(fetch=SETTINGS.fetch, delay=0.05, robots=False)
    poll(sources, tmp_path / "s.json", settings, sleep=waits.append)
    assert len(waits) == 2  # feed, then two articles: each waits for the previous request
    assert all(0 < w <= 0.05 for w in waits)


def test_unreachable_feed_is_a_problem(closed_port_url, tmp_path: Path) -> None:
    sources = _list(tmp_path, f"feeds:\n  - {closed_port_url}feed.xml\n")
    result = poll(sources, tmp_path / "s.json", SETTINGS)
    assert [p.code for p in result.problems] == ["fetch.connect"]
    assert result.documents == []


def test_link_extraction() -> None:
    rss = b'<?xml version="1.0"?><rss><channel><item><link>/a/1.html</link></item></channel></rss>'
    atom = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://h/x.html"/></entry></feed>'
    assert feed_links(rss, "http://h/feed") == ["http://h/a/1.html"]
    assert feed_links(atom, "http://h/feed") == ["http://h/x.html"]
    page = (
        b'<a href="/">\xe9\xa6\x96\xe9\xa1\xb5</a><a href="/art/1.html#top">'
        + "关于推进绿色制造的通知".encode()
        + b"</a>"
    )
    assert listing_links(page, "http://h/list.html") == ["http://h/art/1.html"]
    assert listing_links(page, "http://h/list.html", pattern=r"^http://h/$") == ["http://h/"]


@pytest.mark.parametrize("bad", ["{not json", "[]"])
def test_broken_state_file(tmp_path: Path, bad: str, site) -> None:
    sources = _list(tmp_path, f"feeds:\n  - url: {site.url('/feed.xml')}\n")
    state = tmp_path / "state.json"
    state.write_text(bad, encoding="utf-8")
    from ingest.errors import IngestError

    with pytest.raises(IngestError) as err:
        poll(sources, state, SETTINGS)
    assert err.value.code == "poll.state"
