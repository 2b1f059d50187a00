"""Property-based fuzzing of the recognisers and extractors on arbitrary and seed-like text.

Texts are random Unicode, or seed sentences recombined with random junk between them (random text
alone rarely reaches the patterns). Every mention and every fact must cite a span that is exactly
the text at its offsets; the only exceptions allowed are our documented ones (CowkgError); no
example may take more than the deadline (no catastrophic regex backtracking).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cowkg.bench.generate import seed_sentences
from cowkg.errors import CowkgError
from cowkg.extract import extract
from cowkg.mentions import find_mentions
from cowkg.types import Source

ROOT = Path(__file__).resolve().parent.parent.parent
SENTENCES = seed_sentences(ROOT / "seeds")
FUZZ = settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.too_slow])

junk = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
) | st.sampled_from(["\n\n", "\u00a0", " [12] ", "2025", "March", "€", "£1.6bn", "—", "“", "”"])
seed_like = st.lists(st.sampled_from(SENTENCES) | junk, min_size=1, max_size=12).map(" ".join)
texts = st.text(max_size=500) | seed_like
dates = st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1))


def _source(text: str, date: dt.date | None) -> Source:
    return Source(file="fuzz.txt", text=text, title="Fuzz", language="en", kind="news", date=date)


@FUZZ
@given(texts, dates)
def test_mentions_cite_exact_spans(text: str, date: dt.date | None) -> None:
    source = _source(text, date)
    try:
        mentions = find_mentions(source)
    except CowkgError:
        return
    for mention in mentions:
        span = mention.span
        assert span.seed == "fuzz.txt"
        assert text[span.start : span.end] == span.text, mention


@FUZZ
@given(texts, dates)
def test_extracted_facts_cite_exact_spans(text: str, date: dt.date | None) -> None:
    source = _source(text, date)
    try:
        facts = extract(source)
    except CowkgError:
        return
    for fact in facts:
        assert fact.evidence, fact
        for span in fact.evidence:
            assert text[span.start : span.end] == span.text, fact
