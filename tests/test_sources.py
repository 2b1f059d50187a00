"""Sources: seeds are read exactly as stored, bad seeds are refused with what and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from cowkg.errors import EvidenceError, SeedError
from cowkg.sources import MAX_SEED_BYTES, find_span, load_sources, span_at, verify_span
from cowkg.types import Span

RECORD = "  - {{file: {name}, title: T, language: en, kind: news, date: {date}}}\n"


def _seeds(tmp_path: Path, files: dict[str, bytes], records: str | None = None) -> Path:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    if records is None:
        records = "".join(RECORD.format(name=n, date="2025-03-28") for n in files)
    (tmp_path / "sources.yaml").write_text("sources:\n" + records, encoding="utf-8")
    return tmp_path


def test_real_seeds_load_sorted_with_records(project_root: Path) -> None:
    sources = load_sources(project_root / "seeds")
    assert [s.file for s in sources] == sorted(s.file for s in sources)
    assert len(sources) == 5
    by_file = {s.file: s for s in sources}
    assert str(by_file["004_a533f02e4fdaf72a.txt"].date) == "2025-03-28"
    assert by_file["000_9e39027e4a933cf5.txt"].date is None


def test_text_is_kept_exactly_as_stored(tmp_path: Path) -> None:
    raw = "Line one\r\nNo-break\u00a0space, caf\u00e9.\n".encode()
    (source,) = load_sources(_seeds(tmp_path, {"a.txt": raw}))
    assert source.text == raw.decode("utf-8")
    assert "\r\n" in source.text and "\u00a0" in source.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"abc\x00def", "NUL byte at byte offset 3"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"  \n\t ", "empty or whitespace only"),
        (b"", "empty or whitespace only"),
    ],
)
def test_bad_seed_is_refused_naming_file_and_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    with pytest.raises(SeedError, match=reason) as info:
        load_sources(_seeds(tmp_path, {"bad.txt": data}))
    assert "bad.txt" in str(info.value)


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="byte offset 3"):
        load_sources(_seeds(tmp_path, {"bad.txt": b"caf\xe9"}))


def test_oversized_seed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="over the limit"):
        load_sources(_seeds(tmp_path, {"big.txt": b"a" * (MAX_SEED_BYTES + 1)}))


def test_seed_without_record_is_refused(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"a.txt": b"text"}, records=RECORD.format(name="a.txt", date="null"))
    (seeds / "b.txt").write_bytes(b"more")
    with pytest.raises(SeedError, match=r"b\.txt: seed has no record"):
        load_sources(seeds)


def test_record_without_file_is_refused(tmp_path: Path) -> None:
    records = RECORD.format(name="a.txt", date="null") + RECORD.format(name="gone.txt", date="null")
    with pytest.raises(SeedError, match=r"gone\.txt but no such file"):
        load_sources(_seeds(tmp_path, {"a.txt": b"text"}, records=records))


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ("  - {file: a.txt, language: en, kind: news, date: null}\n", "missing or empty 'title'"),
        ("  - {file: a.txt, title: T, kind: news, date: null}\n", "missing or empty 'language'"),
        ("  - {file: a.txt, title: T, language: en, kind: news, date: 28/03/2025}\n", "bad date"),
        ("  - {file: a.txt, title: T, language: en, kind: novel, date: null}\n", "unknown kind"),
    ],
)
def test_malformed_record_is_refused(tmp_path: Path, record: str, reason: str) -> None:
    with pytest.raises(SeedError, match=reason):
        load_sources(_seeds(tmp_path, {"a.txt": b"text"}, records=record))


def test_an_impossible_unquoted_date_is_refused_with_file_and_record(tmp_path: Path) -> None:
    """PyYAML raised a bare ValueError for 2025-02-30 from inside its parser, naming nothing."""
    seeds = _seeds(
        tmp_path, {"a.txt": b"text"}, records=RECORD.format(name="a.txt", date="2025-02-30")
    )
    with pytest.raises(SeedError, match=r"sources.yaml: record 1 \(a.txt\): bad date '2025-02-30'"):
        load_sources(seeds)


def test_unquoted_dates_still_load_as_dates(tmp_path: Path) -> None:
    (source,) = load_sources(_seeds(tmp_path, {"a.txt": b"text"}))
    assert str(source.date) == "2025-03-28"


@pytest.mark.parametrize(
    "name", ["005 my article.txt", "005_<x>.txt", "005_caf\u00e9.txt", "-a.txt"]
)
def test_a_seed_name_an_iri_cannot_hold_is_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(SeedError, match="characters an IRI cannot hold") as info:
        load_sources(_seeds(tmp_path, {name: b"text"}))
    assert name in str(info.value)


def test_find_and_verify_span(tmp_path: Path) -> None:
    (source,) = load_sources(_seeds(tmp_path, {"a.txt": "x caf\u00e9 y caf\u00e9".encode()}))
    first = find_span(source, "caf\u00e9")
    assert (first.start, first.end) == (2, 6)
    assert find_span(source, "caf\u00e9", start=3).start == 9
    verify_span(source, first)
    assert span_at(source, 2, 6) == first


def test_missing_quote_and_wrong_span_raise_evidence_error(tmp_path: Path) -> None:
    (source,) = load_sources(_seeds(tmp_path, {"a.txt": b"hello world"}))
    with pytest.raises(EvidenceError, match="not found verbatim"):
        find_span(source, "goodbye")
    with pytest.raises(EvidenceError, match=r"a\.txt\[0:5\]: expected 'world', found 'hello'"):
        verify_span(source, Span("a.txt", 0, 5, "world"))
    with pytest.raises(EvidenceError, match="outside the seed"):
        verify_span(source, Span("a.txt", 5, 50, "x"))
