from __future__ import annotations

import pytest

from api.settings import Settings, get_settings, settings_table, with_overrides


def test_every_setting_is_documented() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 15, name
        assert f"POLICYSCOPE_{name.upper()}" in settings_table()


def test_defaults() -> None:
    settings = Settings()
    assert settings.db == "sqlite:///policyscope.db"
    assert settings.api_key is None
    assert settings.max_upload_bytes == 50 * 1024 * 1024
    assert settings.taxonomy == "ningbo-361-2023"
    assert settings.scheduler is None
    assert settings.allow_private_urls is False


def test_environment_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYSCOPE_DB", "sqlite:///elsewhere.db")
    monkeypatch.setenv("POLICYSCOPE_API_KEY", "k")
    monkeypatch.setenv("POLICYSCOPE_ALLOW_PRIVATE_URLS", "true")
    settings = get_settings()
    assert (settings.db, settings.api_key, settings.allow_private_urls) == (
        "sqlite:///elsewhere.db",
        "k",
        True,
    )
    monkeypatch.setenv("POLICYSCOPE_DB", "sqlite:///changed.db")
    assert get_settings() is settings


def test_flags_override_only_when_given() -> None:
    base = Settings(db="sqlite:///a.db", workers=3)
    changed = with_overrides(base, db="sqlite:///b.db", workers=None)
    assert (changed.db, changed.workers) == ("sqlite:///b.db", 3)
    assert with_overrides(base, db=None) is base


def test_flag_values_are_validated() -> None:
    with pytest.raises(ValueError, match="workers"):
        with_overrides(Settings(), workers=0)
