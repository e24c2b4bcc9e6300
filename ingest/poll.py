"""Poll a source list's listing pages and feeds for new documents, incrementally.

State (a JSON file) remembers each feed's ETag/Last-Modified, the URLs already
taken and the content hashes already seen, so a second poll fetches only what
is new. Requests to one host are spaced by a politeness delay and robots.txt
is obeyed. Articles' PDF/DOCX attachments are followed. A failing URL becomes
a problem in the result and is retried next time (``retry`` in the state: also
when its page answers 304, which would otherwise hide it for good).

Feed entry in the source list (``feeds:``)::

    - url: https://www.example.gov.cn/col/list.html
      link_pattern: "/art/\\d{4}/"   # optional regex on article URLs
      attachments: true               # follow PDF/DOCX links from articles
      max_items: 50
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from ingest.errors import IngestError
from ingest.fetch import FetchResult, FetchSettings, fetch
from ingest.poll_links import (
    attachment_links,
    feed_links,
    is_feed,
    listing_links,
    robots_from_text,
    robots_url,
)
from ingest.read import read_bytes, sniff
from ingest.records import Document, document_id
from ingest.sources import load_source_list

STATE_VERSION = 1


@dataclass(frozen=True)
class PollSettings:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    delay: float = 2.0  # seconds between two requests to the same host
    max_items: int = 50  # article links taken per feed per poll
    attachments: bool = True
    robots: bool = True


@dataclass
class PollProblem:
    url: str
    code: str
    message: str


@dataclass
class PollResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[PollProblem] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)  # feeds that answered 304
    skipped: list[str] = field(default_factory=list)  # links known from an earlier poll or robots-disallowed
    disallowed: list[str] = field(default_factory=list)  # the robots-disallowed part of `skipped`
    origin: dict[str, str] = field(default_factory=dict)  # document source URL -> the feed it came from


def load_state(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"version": STATE_VERSION, "feeds": {}, "urls": {}, "hashes": [], "retry": {}}
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise IngestError("poll.state", f"cannot read poll state: {exc}", str(path)) from exc
    if not isinstance(state, dict):
        raise IngestError("poll.state", "poll state is not a JSON object", str(path))
    for key, empty in (("feeds", {}), ("urls", {}), ("hashes", []), ("retry", {})):
        state.setdefault(key, empty)
    return state


def save_state(path: Path, state: dict[str, Any]) -> None:
    """Write atomically so an interrupted poll never leaves half a state file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(state, out, ensure_ascii=False, indent=1, sort_keys=True)
    os.replace(tmp, path)


class _Session:
    """One poll: a shared HTTP client, per-host timing and robots rules (not global state)."""

    def __init__(self, settings: PollSettings, sleep: Callable[[float], None]) -> None:
        self.settings = settings
        self.sleep = sleep
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, RobotFileParser] = {}
        self.client = httpx.Client(timeout=httpx.Timeout(settings.fetch.timeout), follow_redirects=False)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        host = urlsplit(url).netloc
        wait = self.last_request.get(host, -1e9) + self.settings.delay - time.monotonic()
        if wait > 0:
            self.sleep(wait)
        try:
            return fetch(url, self.settings.fetch, etag=etag, last_modified=last_modified, client=self.client)
        finally:
            self.last_request[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        if not self.settings.robots:
            return True
        key = robots_url(url)
        if key not in self.robots:
            try:
                text: str | None = self.get(key).content.decode("utf-8", "replace")
            except IngestError:
                text = None  # no robots.txt (404) or none reachable: nothing is disallowed
            self.robots[key] = robots_from_text(text)
        return self.robots[key].can_fetch(self.settings.fetch.user_agent, url)


def forget(state: dict[str, Any], url: str, digest: str | None, feed_url: str) -> None:
    """Make a taken URL new again (its document could not be stored): retried on the next poll."""
    state["urls"].pop(url, None)
    if digest in state["hashes"]:
        state["hashes"].remove(digest)
    state["retry"][url] = feed_url


def _take(
    session: _Session, url: str, feed_url: str, state: dict[str, Any], result: PollResult
) -> FetchResult | None:
    """Fetch one article or attachment unless known; add its Document; None when skipped or failed."""
    if url in state["urls"]:
        result.skipped.append(url)
        return None
    if not session.allowed(url):
        result.skipped.append(url)
        result.disallowed.append(url)
        return None
    try:
        fetched = session.get(url)
        digest = document_id(fetched.content)
        if digest not in state["hashes"]:
            doc = read_bytes(
                fetched.content, url, fetched.content_type, max_bytes=session.settings.fetch.max_bytes
            )
            result.documents.append(doc)
            result.origin[url] = feed_url
            state["hashes"].append(digest)
        state["urls"][url] = digest
        state["retry"].pop(url, None)
        return fetched
    except IngestError as exc:
        result.problems.append(PollProblem(url, exc.code, exc.message))
        state["retry"][url] = feed_url
        return None


def _poll_feed(session: _Session, feed: dict[str, Any], state: dict[str, Any], result: PollResult) -> None:
    url = feed["url"]
    known = state["feeds"].get(url, {})
    if not session.allowed(url):
        result.problems.append(PollProblem(url, "poll.robots", "robots.txt disallows this page"))
        return
    try:
        page = session.get(url, etag=known.get("etag"), last_modified=known.get("last_modified"))
    except IngestError as exc:
        result.problems.append(PollProblem(url, exc.code, exc.message))
        return
    retry = [link for link, origin in state["retry"].items() if origin == url]
    links: list[str] = []
    if page.not_modified:
        result.not_modified.append(url)
    elif is_feed(page.content, page.content_type):
        links = feed_links(page.content, page.url)
    else:
        links = listing_links(page.content, page.url, feed.get("link_pattern"))
    follow = bool(feed.get("attachments", session.settings.attachments))
    links = links[: int(feed.get("max_items", session.settings.max_items))]
    for link in list(dict.fromkeys(links + retry)):
        article = _take(session, link, url, state, result)
        if article is None or not follow or _format(article) != "html":
            continue
        for attachment in attachment_links(article.content, article.url):
            _take(session, attachment, url, state, result)
    if not page.not_modified:
        # Remember validators only once the links were taken, so a crash re-polls the page.
        state["feeds"][url] = {"etag": page.etag, "last_modified": page.last_modified}


def _format(fetched: FetchResult) -> str:
    try:
        return sniff(fetched.content, fetched.content_type)
    except IngestError:
        return "unsupported"


def poll(
    source_list_path: Path | str,
    state_path: Path | str,
    settings: PollSettings | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> PollResult:
    """Poll every feed of the source list once; new Documents and per-URL problems in the result."""
    settings = settings or PollSettings()
    feeds = load_source_list(Path(source_list_path))["feeds"]
    state_file = Path(state_path)
    state = load_state(state_file)
    result = PollResult()
    session = _Session(settings, sleep)
    try:
        for feed in feeds:
            _poll_feed(session, feed, state, result)
    finally:
        session.client.close()
        save_state(state_file, state)
    return result
