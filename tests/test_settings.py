"""Settings: defaults, environment overrides, and refusals with a message that names the key."""

from __future__ import annotations

import pytest

from cowkg.errors import SettingsError
from cowkg.settings import Settings, load_settings


def test_defaults_point_into_the_project(project_root) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings()
    assert settings.seeds_dir == project_root / "seeds"
    assert settings.port == 8000
    assert settings.base_iri.endswith("/")


def test_environment_overrides_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWKG_PORT", "9123")
    assert load_settings().port == 9123


def test_unknown_setting_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWKG_PROT", "9000")
    with pytest.raises(SettingsError, match="COWKG_PROT"):
        load_settings()


def test_badly_typed_setting_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COWKG_PORT", "eighty")
    with pytest.raises(SettingsError, match="COWKG_PORT"):
        load_settings()


def test_every_setting_has_help_text() -> None:
    missing = [name for name, f in Settings.model_fields.items() if not f.description]
    assert not missing, f"settings without a description: {missing}"
