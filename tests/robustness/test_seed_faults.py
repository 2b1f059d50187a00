"""Bad seeds are refused with the file's name and the reason (cowkg.sources), nothing else breaks.

Each case breaks one seed in a private copy of seeds/ and expects a SeedError that names that
file and says what is wrong, never a traceback of another kind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cowkg.errors import SeedError
from cowkg.sources import MAX_SEED_BYTES, load_sources

VICTIM = "001_57c9712b9487fe05.txt"


def _refused(seeds: Path, reason: str) -> str:
    with pytest.raises(SeedError) as caught:
        load_sources(seeds)
    message = str(caught.value)
    assert VICTIM in message, message
    assert reason.lower() in message.lower(), message
    return message


def test_the_intact_copy_loads(seeds_copy: Path) -> None:
    assert VICTIM in {s.file for s in load_sources(seeds_copy)}


def test_binary_seed_is_refused(seeds_copy: Path) -> None:
    (seeds_copy / VICTIM).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _refused(seeds_copy, "binary")


def test_empty_seed_is_refused(seeds_copy: Path) -> None:
    (seeds_copy / VICTIM).write_bytes(b"")
    _refused(seeds_copy, "empty")


def test_whitespace_only_seed_is_refused(seeds_copy: Path) -> None:
    (seeds_copy / VICTIM).write_text(" \n\t\u00a0\n", encoding="utf-8")
    _refused(seeds_copy, "empty")


def test_huge_seed_is_refused_without_reading_it(seeds_copy: Path) -> None:
    with (seeds_copy / VICTIM).open("wb") as fh:  # sparse: no 5 MB written to disk
        fh.truncate(MAX_SEED_BYTES + 1)
    _refused(seeds_copy, "over the limit")


def test_latin1_seed_is_refused_as_not_utf8(seeds_copy: Path) -> None:
    text = (seeds_copy / VICTIM).read_text(encoding="utf-8").replace("‘", "'").replace("’", "'")
    (seeds_copy / VICTIM).write_bytes(("Élysée " + text).encode("cp1252", errors="replace"))
    _refused(seeds_copy, "UTF-8")


def test_utf16_seed_is_refused(seeds_copy: Path) -> None:
    """UTF-16 has NUL bytes for ASCII text, so it is refused (reported as binary)."""
    text = (seeds_copy / VICTIM).read_text(encoding="utf-8")
    (seeds_copy / VICTIM).write_bytes(text.encode("utf-16"))
    _refused(seeds_copy, "binary")


def test_seed_without_record_is_refused(seeds_copy: Path) -> None:
    (seeds_copy / "999_0000000000000000.txt").write_text("A new article.", encoding="utf-8")
    with pytest.raises(SeedError, match=r"999_0000000000000000\.txt.*no record"):
        load_sources(seeds_copy)


def test_unreadable_records_file_is_refused(seeds_copy: Path) -> None:
    (seeds_copy / "sources.yaml").write_bytes(b"sources: [\x00\xff")
    with pytest.raises(SeedError, match=r"sources\.yaml"):
        load_sources(seeds_copy)
