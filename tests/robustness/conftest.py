"""Shared fixtures of the robustness tests: a copy of the seeds to break, a silent listener."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .listener import Listener

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of seeds/ that a test may break."""
    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    return target
