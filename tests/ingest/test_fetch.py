from __future__ import annotations

import time

import pytest

from ingest.errors import IngestError
from ingest.fetch import FetchSettings, fetch

LOCAL = FetchSettings(timeout=5.0, max_bytes=1024 * 1024, max_redirects=3, allow_private=True)


def _code(url: str, settings: FetchSettings = LOCAL) -> str:
    with pytest.raises(IngestError) as err:
        fetch(url, settings)
    assert err.value.source == url
    return err.value.code


def test_fetch_page(site) -> None:
    result = fetch(site.url("/art/1.html"), LOCAL)
    assert result.status == 200
    assert result.content_type.startswith("text/html")
    assert "甬政发〔2023〕43号" in result.content.decode()


def test_redirect_is_followed(site) -> None:
    result = fetch(site.url("/moved"), LOCAL)
    assert result.url == site.url("/art/1.html")
    assert result.redirects == [site.url("/moved")]


def test_redirect_loop(site) -> None:
    before = site.hits["/loop"]
    assert _code(site.url("/loop")) == "fetch.redirects"
    assert site.hits["/loop"] - before == LOCAL.max_redirects + 1


def test_status_error(site) -> None:
    assert _code(site.url("/nothing-here")) == "fetch.status"


def test_timeout(site) -> None:
    started = time.monotonic()
    assert _code(site.url("/slow"), FetchSettings(timeout=0.3, allow_private=True)) == "fetch.timeout"
    assert time.monotonic() - started < 1.4


@pytest.mark.parametrize("path", ["/big", "/big-chunked"])
def test_too_large(site, path: str) -> None:
    assert _code(site.url(path)) == "fetch.too_large"


def test_closed_port(closed_port_url) -> None:
    assert _code(closed_port_url) == "fetch.connect"


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/",
        "http://localhost:9/",
        "http://10.1.2.3/",
        "http://169.254.169.254/latest",
        "http://[::1]:9/",
    ],
)
def test_private_addresses_refused_by_default(url: str) -> None:
    assert _code(url, FetchSettings(timeout=1.0)) == "fetch.blocked_address"


def test_redirect_to_private_address_is_refused(site) -> None:
    # the site itself is on 127.0.0.1, so with the default settings even the first hop is refused
    assert _code(site.url("/moved"), FetchSettings(timeout=1.0)) == "fetch.blocked_address"


@pytest.mark.parametrize("url", ["ftp://example.org/a.pdf", "file:///etc/passwd"])
def test_other_schemes(url: str) -> None:
    assert _code(url) == "fetch.scheme"


def test_conditional_get(site) -> None:
    first = fetch(site.url("/list.html"), LOCAL)
    assert first.etag == '"v1"'
    again = fetch(site.url("/list.html"), LOCAL, etag=first.etag)
    assert again.not_modified and again.content == b""


@pytest.mark.parametrize("path", ["/2gb", "/2gb-stream"])
def test_two_gigabyte_response_is_cut_at_the_limit(site, path: str) -> None:
    """Declared or not, a 2 GB body stops at max_bytes, quickly and without holding it."""
    started = time.monotonic()
    assert _code(site.url(path), FetchSettings(timeout=5.0, max_bytes=4 << 20, allow_private=True)) == (
        "fetch.too_large"
    )
    assert time.monotonic() - started < 2.0
