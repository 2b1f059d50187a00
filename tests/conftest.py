"""Shared fixtures: project paths, and a clean COWKG_* environment for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clean_cowkg_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests must not see a developer's COWKG_* settings."""
    import os

    for key in [k for k in os.environ if k.startswith("COWKG_")]:
        monkeypatch.delenv(key)
    yield


@pytest.fixture
def project_root() -> Path:
    return ROOT
