"""Parallel, incremental per-seed extraction (:mod:`cowkg.ingest`)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from cowkg import ingest
from cowkg.curation import Curation
from cowkg.extract import extract_all
from cowkg.ingest import SeedRunner
from cowkg.settings import PROJECT_ROOT
from cowkg.sources import load_sources
from cowkg.types import Source

CALLS: list[str] = []


def _counting_stage(source: Source, item: int, context: str) -> tuple[str, int, str]:
    CALLS.append(source.file)
    return source.file, item, context


def _sources(n: int) -> list[Source]:
    return [
        Source(file=f"{i:03}_x.txt", text=f"text {i}", title="t", language="en", kind="news")
        for i in range(n)
    ]


@pytest.fixture(autouse=True)
def _clear_calls() -> None:
    CALLS.clear()


def test_results_come_back_in_seed_order_with_their_items() -> None:
    sources = _sources(3)
    out = SeedRunner().map(_counting_stage, sources, [10, 11, 12], "ctx", "k")
    assert out == [("000_x.txt", 10, "ctx"), ("001_x.txt", 11, "ctx"), ("002_x.txt", 12, "ctx")]


def test_a_rerun_reads_the_cache_and_extracts_only_changed_seeds(tmp_path: Path) -> None:
    runner = SeedRunner(cache_dir=tmp_path, code="v1")
    sources = _sources(4)
    runner.map(_counting_stage, sources, [0] * 4, "ctx", "k")
    assert len(CALLS) == 4
    CALLS.clear()
    again = runner.map(_counting_stage, sources, [0] * 4, "ctx", "k")
    assert CALLS == [] and [r[0] for r in again] == [s.file for s in sources]
    changed = [*sources[:2], dataclasses.replace(sources[2], text="edited"), sources[3]]
    runner.map(_counting_stage, changed, [0] * 4, "ctx", "k")
    assert CALLS == ["002_x.txt"]
    CALLS.clear()
    retitled = [dataclasses.replace(sources[0], title="new title"), *sources[1:]]
    runner.map(_counting_stage, retitled, [0] * 4, "ctx", "k")
    assert CALLS == ["000_x.txt"], "the record (title, date…) is part of the key"


@pytest.mark.parametrize(
    "change", [{"context_digest": "other"}, {"code": "v2"}], ids=["context", "code"]
)
def test_a_new_context_or_new_code_reextracts_everything(
    tmp_path: Path, change: dict[str, str]
) -> None:
    sources = _sources(3)
    SeedRunner(cache_dir=tmp_path, code="v1").map(_counting_stage, sources, [0] * 3, "c", "k")
    CALLS.clear()
    runner = SeedRunner(cache_dir=tmp_path, code=change.get("code", "v1"))
    runner.map(_counting_stage, sources, [0] * 3, "c", change.get("context_digest", "k"))
    assert len(CALLS) == 3


def test_a_damaged_cache_file_is_a_miss_not_an_error(tmp_path: Path) -> None:
    runner = SeedRunner(cache_dir=tmp_path, code="v1")
    sources = _sources(2)
    expected = runner.map(_counting_stage, sources, [0, 1], "c", "k")
    for path in tmp_path.rglob("*.pickle"):
        path.write_bytes(b"\x80\x04 not a pickle")
    CALLS.clear()
    assert runner.map(_counting_stage, sources, [0, 1], "c", "k") == expected
    assert len(CALLS) == 2


@pytest.mark.slow
def test_parallel_cached_extraction_equals_the_serial_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The seeds through two worker processes (threshold lowered so five seeds qualify), then
    from the cache: the same facts as the plain loop, in the same order."""
    sources = load_sources(PROJECT_ROOT / "seeds")
    serial = extract_all(sources, Curation(None))
    monkeypatch.setattr(ingest, "PARALLEL_MIN", 2)
    runner = SeedRunner(cache_dir=tmp_path, workers=2, code="test")
    assert extract_all(sources, Curation(None), runner) == serial
    assert any(tmp_path.rglob("*.pickle"))
    assert extract_all(sources, Curation(None), runner) == serial
