"""Property-based fuzzing of the seed loader (cowkg.sources): any bytes, any records file.

Whatever is in seeds/, ``load_sources`` either returns the seeds exactly as stored or raises a
SeedError naming the file; never another exception, never a hang (hypothesis deadline).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cowkg.errors import SeedError
from cowkg.sources import load_sources

RECORD = {"file": "000_a.txt", "title": "A", "language": "en", "kind": "news", "date": None}
FUZZ = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def _load(seed: bytes, records: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "000_a.txt").write_bytes(seed)
        (folder / "sources.yaml").write_bytes(records)
        try:
            sources = load_sources(folder)
        except SeedError as exc:
            assert "000_a.txt" in str(exc) or "sources.yaml" in str(exc), str(exc)
            return
        assert [s.file for s in sources] == ["000_a.txt"]
        assert sources[0].text == seed.decode("utf-8"), "text kept exactly as stored"


GOOD_RECORDS = yaml.safe_dump({"sources": [RECORD]}).encode()


@FUZZ
@given(st.binary(max_size=2000))
def test_any_seed_bytes(seed: bytes) -> None:
    _load(seed, GOOD_RECORDS)


@FUZZ
@given(st.text(max_size=2000))
def test_any_seed_text_in_utf8(text: str) -> None:
    _load(text.encode("utf-8", errors="surrogatepass"), GOOD_RECORDS)


values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=20),
    st.dates(),
    st.lists(st.text(max_size=5), max_size=3),
)


@FUZZ
@given(st.dictionaries(st.sampled_from([*RECORD, "note", "author", "x"]), values, max_size=7))
def test_any_record_fields(record: dict[str, object]) -> None:
    body = yaml.safe_dump({"sources": [{**record, "file": "000_a.txt"}]}, allow_unicode=True)
    _load(b"An article.", body.encode())


@FUZZ
@given(st.binary(max_size=500))
def test_any_records_file_bytes(records: bytes) -> None:
    _load(b"An article.", records)
