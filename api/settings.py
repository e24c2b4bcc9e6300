"""The one settings object: read from the environment (POLICYSCOPE_*), overridden by CLI flags.

Lower layers never read settings; the API and CLI pass plain arguments down.
Every field carries a description: that is the settings documentation
(`settings_table()` renders it for the README, and a test checks none is missing).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "POLICYSCOPE_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    db: str = Field(
        "sqlite:///policyscope.db",
        description="SQLAlchemy database URL; a SQLite file by default, postgresql+psycopg://… for PostgreSQL.",
    )
    api_key: str | None = Field(
        None, description="Key required in the X-API-Key header of POST /documents; unset means open."
    )
    max_upload_bytes: int = Field(
        50 * 1024 * 1024, gt=0, description="Largest accepted upload or fetched document, in bytes."
    )
    taxonomy: str = Field(
        "ningbo-361-2023", description="Cluster taxonomy the NLP pipeline labels sentences with."
    )
    workers: int = Field(2, ge=1, description="Parallel workers: API background threads; `ingest` processes.")
    scheduler: str | None = Field(
        None,
        description="Dask scheduler address (tcp://host:8786) for `ingest`; unset means local processes.",
    )
    allow_private_urls: bool = Field(
        False, description="Allow fetching URLs on loopback/private addresses (off: guards against SSRF)."
    )
    fetch_timeout: float = Field(30.0, gt=0, description="Timeout in seconds for fetching one URL.")
    poll_state: str | None = Field(
        None,
        description="JSON file where `poll` and `ingest` remember feeds' ETags, taken URLs and content "
        "hashes; unset means NAME.poll.json next to the SQLite file NAME.db (./policyscope.poll.json "
        "for other databases).",
    )
    poll_delay: float = Field(
        2.0, ge=0, description="Politeness delay in seconds between two requests to one host while polling."
    )
    poll_interval: float = Field(
        0.0,
        ge=0,
        description="Seconds between polling rounds of `poll`; 0 means one round, then exit (e.g. from cron).",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings from the environment, read once per process (tests build their own)."""
    return Settings()


def with_overrides(settings: Settings, **flags: Any) -> Settings:
    """A copy of `settings` with every CLI flag that was given (not None) applied, validated."""
    given = {name: value for name, value in flags.items() if value is not None}
    return Settings.model_validate({**settings.model_dump(), **given}) if given else settings


def settings_table() -> str:
    """Markdown table of every setting: environment variable, default, meaning."""
    rows = ["| variable | default | meaning |", "| --- | --- | --- |"]
    for name, field in Settings.model_fields.items():
        rows.append(f"| `{ENV_PREFIX}{name.upper()}` | `{field.default}` | {field.description} |")
    return "\n".join(rows)
