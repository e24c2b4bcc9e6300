"""Fetch one URL with httpx: bounded time, size and redirects, no private addresses by default.

Redirects are followed by hand so every hop's address is checked; the body is
streamed so an oversized response is cut off instead of read into memory.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from ingest.errors import IngestError

USER_AGENT = "policyscope/0.1 (+https://github.com/policyscope/policyscope)"
_REDIRECT_CODES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds for connect, each read, and the whole transfer
    max_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False  # loopback, private, link-local; tests set True for 127.0.0.1
    user_agent: str = USER_AGENT


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int
    content: bytes
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _blocked(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def check_address(url: str, settings: FetchSettings) -> None:
    """Refuse non-HTTP schemes and hosts that resolve to non-public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IngestError("fetch.scheme", f"not an http(s) URL: {url}", url)
    if settings.allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise IngestError("fetch.connect", f"cannot resolve {parts.hostname}: {exc}", url) from exc
    for info in infos:
        if _blocked(str(info[4][0])):
            raise IngestError(
                "fetch.blocked_address", f"{parts.hostname} resolves to non-public {info[4][0]}", url
            )


def _read_body(response: httpx.Response, url: str, settings: FetchSettings, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise IngestError("fetch.too_large", f"{declared} bytes is more than {settings.max_bytes}", url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            raise IngestError("fetch.too_large", f"more than {settings.max_bytes} bytes", url)
        if time.monotonic() > deadline:
            raise IngestError("fetch.timeout", f"transfer took longer than {settings.timeout} s", url)
        chunks.append(chunk)
    return b"".join(chunks)


def _request(
    client: httpx.Client, url: str, headers: dict[str, str], settings: FetchSettings, deadline: float
) -> tuple[httpx.Response, bytes]:
    try:
        with client.stream("GET", url, headers=headers) as response:
            body = (
                b""
                if response.status_code in _REDIRECT_CODES
                else _read_body(response, url, settings, deadline)
            )
            return response, body
    except httpx.TimeoutException as exc:
        raise IngestError("fetch.timeout", f"no answer within {settings.timeout} s", url) from exc
    except httpx.TransportError as exc:
        raise IngestError("fetch.connect", f"cannot connect: {exc}", url) from exc


def fetch(
    url: str,
    settings: FetchSettings | None = None,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET `url`; a 304 (when etag/last_modified are given) comes back with empty content."""
    settings = settings or FetchSettings()
    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + settings.timeout
    own = client is None
    http = client or httpx.Client(timeout=httpx.Timeout(settings.timeout), follow_redirects=False)
    try:
        return _follow(http, url, headers, settings, deadline)
    finally:
        if own:
            http.close()


def _follow(
    client: httpx.Client, url: str, headers: dict[str, str], settings: FetchSettings, deadline: float
) -> FetchResult:
    hops: list[str] = []
    current = url
    while True:
        check_address(current, settings)
        response, body = _request(client, current, headers, settings, deadline)
        if response.status_code in _REDIRECT_CODES and "location" in response.headers:
            if len(hops) >= settings.max_redirects:
                raise IngestError("fetch.redirects", f"more than {settings.max_redirects} redirects", url)
            hops.append(current)
            current = urljoin(current, response.headers["location"])
            continue
        if response.status_code >= 400:
            raise IngestError("fetch.status", f"HTTP {response.status_code} from {current}", url)
        return FetchResult(
            url=current,
            status=response.status_code,
            content=body,
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            redirects=hops,
        )
