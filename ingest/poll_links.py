"""Links out of listing pages, RSS/Atom feeds and articles; robots.txt rules."""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from lxml import etree
from lxml import html as lxml_html

from ingest.errors import IngestError
from ingest.html import decode_html

ATTACHMENT_SUFFIXES = (".pdf", ".docx")
_ARTICLE_TEXT_MIN = 6  # navigation links are short; article links carry their title
_XML_START = re.compile(
    rb"^\s*(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S
)


def is_feed(data: bytes, content_type: str | None) -> bool:
    kind = (content_type or "").lower()
    return "rss" in kind or "atom" in kind or bool(_XML_START.match(data[:2048]))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def feed_links(data: bytes, base: str) -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, in feed order."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    root = etree.fromstring(data, parser=parser)
    if root is None:
        return []
    links: list[str] = []
    for item in root.iter():
        if _local(item.tag) not in ("item", "entry"):
            continue
        for child in item:
            if _local(child.tag) != "link":
                continue
            href = child.get("href") or (child.text or "").strip()
            if href and child.get("rel", "alternate") == "alternate":
                links.append(urljoin(base, href))
                break
    return list(dict.fromkeys(links))


def _anchors(data: bytes, base: str) -> list[tuple[str, str]]:
    try:
        root = lxml_html.fromstring(decode_html(data, base))
    except (etree.ParserError, ValueError, IngestError):
        return []
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urldefrag(urljoin(base, href))[0]
        if urlsplit(url).scheme in ("http", "https"):
            out.append((url, " ".join(a.text_content().split())))
    return out


def listing_links(data: bytes, base: str, pattern: str | None = None) -> list[str]:
    """Article links of a listing page: those matching `pattern`, else same-host links with a title-like text."""
    host = urlsplit(base).hostname
    wanted = re.compile(pattern) if pattern else None
    links = []
    for url, text in _anchors(data, base):
        if url == base:
            continue
        if wanted is not None:
            if wanted.search(url):
                links.append(url)
        elif urlsplit(url).hostname == host and len(text) >= _ARTICLE_TEXT_MIN:
            links.append(url)
    return list(dict.fromkeys(links))


def attachment_links(data: bytes, base: str) -> list[str]:
    """Links to PDF/DOCX attachments from an article page."""
    links = [
        url for url, _ in _anchors(data, base) if urlsplit(url).path.lower().endswith(ATTACHMENT_SUFFIXES)
    ]
    return list(dict.fromkeys(links))


def robots_from_text(text: str | None) -> RobotFileParser:
    """A parser for robots.txt content; None (no robots.txt) allows everything."""
    parser = RobotFileParser()
    parser.parse((text or "").splitlines())
    return parser


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"
