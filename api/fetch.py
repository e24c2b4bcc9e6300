"""Fetch a URL named in POST /documents or on the command line, or poll feeds, within the settings' limits."""

from __future__ import annotations

from api.errors import ApiError
from api.settings import Settings
from ingest.errors import IngestError
from ingest.fetch import FetchSettings, fetch
from ingest.poll import PollSettings


def fetch_settings(settings: Settings) -> FetchSettings:
    return FetchSettings(
        timeout=settings.fetch_timeout,
        max_bytes=settings.max_upload_bytes,
        allow_private=settings.allow_private_urls,
    )


def poll_settings(settings: Settings) -> PollSettings:
    return PollSettings(fetch=fetch_settings(settings), delay=settings.poll_delay)


def fetch_url(url: str, settings: Settings) -> tuple[bytes, str | None]:
    """The bytes and content type at `url`, or an ApiError (4xx) carrying ingest's message."""
    try:
        result = fetch(url, fetch_settings(settings))
    except IngestError as exc:
        status = 413 if exc.code.endswith("too_large") else 400
        raise ApiError(status, exc.code, f"{url}: {exc.message}") from exc
    return result.content, result.content_type
