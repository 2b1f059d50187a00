"""Sources: read the seed texts and their records, refuse what cannot be trusted, check spans.

A seed is kept exactly as stored: bytes are decoded as UTF-8 with no newline translation and no
Unicode normalisation, because every evidence span counts code points into that exact text. A seed
that is binary, empty, too large, has no record in ``sources.yaml`` or a name an IRI cannot hold
(the name becomes the seed's IRI) stops the build with a :class:`~cowkg.errors.SeedError` naming
the file and the reason, so the last good graph stays.

YAML files are read by :func:`load_yaml`, which leaves dates as text: PyYAML would turn an
unquoted ``date: 2025-02-30`` into a ``ValueError`` raised from inside the parser, naming no file;
left as text, each date is checked where its file and entry can be named.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from cowkg.errors import EvidenceError, SeedError
from cowkg.types import Source, Span

log = logging.getLogger(__name__)

MAX_SEED_BYTES = 5 * 1024 * 1024
"""Largest seed file accepted (5 MB): larger files are refused rather than read into memory."""

RECORDS_FILE = "sources.yaml"
SEED_SUFFIX = ".txt"
KINDS = frozenset({"encyclopedia", "news", "blog", "report", "official"})
"""Kinds of source a record may declare (``kind``); anything else is most likely a typo."""
_CONTEXT = 40
SEED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*\.txt")
"""A seed file name that is safe in an IRI as it stands (RFC 3986 unreserved characters)."""


class _TextDates(yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader without its timestamp resolver: dates stay strings."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str) -> Any:
    """``text`` parsed as YAML (safe types only), dates left as strings."""
    return yaml.load(text, Loader=_TextDates)


def load_sources(seeds_dir: Path) -> list[Source]:
    """Read every ``*.txt`` seed in ``seeds_dir`` with its record, sorted by file name."""
    records = _load_records(seeds_dir)
    files = sorted(p for p in seeds_dir.iterdir() if p.suffix == SEED_SUFFIX and p.is_file())
    names = {p.name for p in files}
    missing = sorted(set(records) - names)
    if missing:
        raise SeedError(
            f"{seeds_dir / RECORDS_FILE}: record(s) for {', '.join(missing)} but no such file in "
            f"{seeds_dir}. Hint: add the file or remove its record."
        )
    sources = []
    for path in files:
        if not SEED_NAME.fullmatch(path.name):
            raise SeedError(
                f"{path}: the file name {path.name!r} has characters an IRI cannot hold (it "
                "becomes the seed's IRI). Hint: rename it with letters, digits, '.', '_', '-' "
                "and '~' only, e.g. 005_example.txt."
            )
        if path.name not in records:
            raise SeedError(
                f"{path}: seed has no record in {RECORDS_FILE}. Hint: add an entry with file, "
                "title, language, kind and date (or null)."
            )
        sources.append(_make_source(path, _read_text(path), records[path.name]))
    log.info("Loaded %d seed(s) from %s", len(sources), seeds_dir)
    return sources


def _read_text(path: Path) -> str:
    """The seed's text exactly as stored; refuses binary, non-UTF-8, empty and oversized files."""
    size = path.stat().st_size
    if size > MAX_SEED_BYTES:
        raise SeedError(
            f"{path}: seed is {size} bytes, over the limit of {MAX_SEED_BYTES} bytes. "
            "Hint: split it into several seeds."
        )
    data = path.read_bytes()
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SeedError(f"{path}: binary file (NUL byte at byte offset {nul}); seeds must be text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(
            f"{path}: not valid UTF-8 ({exc.reason} at byte offset {exc.start}: "
            f"{data[exc.start : exc.start + 4]!r}). Hint: re-save the file as UTF-8."
        ) from exc
    if not text.strip():
        raise SeedError(f"{path}: seed is empty or whitespace only.")
    return text


def _load_records(seeds_dir: Path) -> dict[str, Mapping[str, Any]]:
    """The records of ``sources.yaml`` keyed by file name, each checked for its required fields."""
    path = seeds_dir / RECORDS_FILE
    if not path.is_file():
        raise SeedError(f"{path}: no source records file. Hint: create it with a 'sources' list.")
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise SeedError(f"{path}: cannot parse source records: {exc}") from exc
    entries = doc.get("sources") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise SeedError(f"{path}: expected a mapping with a 'sources' list.")
    records: dict[str, Mapping[str, Any]] = {}
    for index, entry in enumerate(entries):
        where = f"{path}: record {index + 1}"
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise SeedError(f"{where}: each record must be a mapping with a 'file' name.")
        name = entry["file"]
        if name in records:
            raise SeedError(f"{where}: duplicate record for {name}.")
        _check_record(f"{where} ({name})", entry)
        records[name] = entry
    return records


def _check_record(where: str, entry: Mapping[str, Any]) -> None:
    """Refuse a record without title/language/kind or with a date that is not an ISO date."""
    for field in ("title", "language", "kind"):
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise SeedError(f"{where}: missing or empty '{field}'.")
    if entry["kind"] not in KINDS:
        raise SeedError(f"{where}: unknown kind {entry['kind']!r}; use one of {sorted(KINDS)}.")
    _record_date(where, entry.get("date"))


def _record_date(where: str, value: object) -> dt.date | None:
    """The record's publication date: an ISO date, or null when the text gives none."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise SeedError(f"{where}: bad date {value!r}; use ISO 8601 (YYYY-MM-DD) or null.")


def _optional(entry: Mapping[str, Any], field: str) -> str | None:
    value = entry.get(field)
    return str(value).strip() if value is not None else None


def _make_source(path: Path, text: str, entry: Mapping[str, Any]) -> Source:
    return Source(
        file=path.name,
        text=text,
        title=str(entry["title"]).strip(),
        language=str(entry["language"]).strip(),
        kind=str(entry["kind"]).strip(),
        date=_record_date(path.name, entry.get("date")),
        publisher=_optional(entry, "publisher"),
        author=_optional(entry, "author"),
        note=_optional(entry, "note"),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def verify_span(source: Source, span: Span) -> None:
    """Check that ``span.text`` is exactly what ``source`` holds at the span's offsets."""
    if span.seed != source.file:
        raise EvidenceError(
            f"span names seed {span.seed!r} but was checked against {source.file!r}"
        )
    if not 0 <= span.start <= span.end <= len(source.text):
        raise EvidenceError(
            f"{source.file}[{span.start}:{span.end}]: offsets outside the seed "
            f"(length {len(source.text)}); expected {span.text!r}."
        )
    found = source.text[span.start : span.end]
    if found != span.text:
        raise EvidenceError(
            f"{source.file}[{span.start}:{span.end}]: expected {span.text!r}, found {found!r}. "
            "Hint: the seed changed or the offsets are wrong; re-run extraction."
        )


def find_span(source: Source, quote: str, start: int = 0) -> Span:
    """The span of the first occurrence of ``quote`` in ``source`` at or after ``start``."""
    if not quote:
        raise EvidenceError(f"{source.file}: empty quote cannot be evidence.")
    index = source.text.find(quote, start)
    if index < 0:
        near = quote[:_CONTEXT] + ("…" if len(quote) > _CONTEXT else "")
        raise EvidenceError(
            f"{source.file}: quote {near!r} not found verbatim at or after offset {start}. "
            "Hint: copy the passage from the seed exactly (no-break spaces, curly quotes)."
        )
    return Span(source.file, index, index + len(quote), quote)


def span_at(source: Source, start: int, end: int) -> Span:
    """The span of ``source.text[start:end]``: the one way rules cut evidence from a seed."""
    return Span(source.file, start, end, source.text[start:end])
