"""Sentence rules: each rule on a small inline text, the tiny fixture seed, and the real seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cowkg.extract import shared_context
from cowkg.extract.text import extract_text_facts
from cowkg.mentions import find_mentions
from cowkg.read.mappings import facts_of, read
from cowkg.sources import load_sources, verify_span
from cowkg.types import Fact, FactKind, Money, Quantity, Ref, Source

FIXTURES = Path(__file__).parent / "fixtures" / "seeds" / "good"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _facts(text: str, date: dt.date | None = dt.date(2025, 3, 28)) -> list[Fact]:
    source = Source(file="t.txt", text=text, title="t", language="en", kind="news", date=date)
    facts = extract_text_facts(source, find_mentions(source))
    for fact in facts:
        assert fact.evidence and fact.method.startswith("rule:")
        for span in fact.evidence:
            verify_span(source, span)
    return facts


def text_facts(sources: list[Source]) -> list[Fact]:
    """The sentence facts of ``sources`` (the old sentence rules and the reading layer's
    mappings), with the context extraction shares across seeds."""
    shared = shared_context(sources)
    return [
        f
        for source, mentions in zip(sources, shared.mentions, strict=True)
        for f in [
            *extract_text_facts(source, mentions),
            *facts_of(read(source, mentions, shared.affiliations)),
        ]
    ]


def _args(facts: list[Fact], kind: FactKind, *names: str) -> set[tuple[str, ...]]:
    def key(value: object) -> str:
        return value.key if isinstance(value, Ref) else str(value)

    return {tuple(key(f.args.get(n)) for n in names) for f in facts if f.kind is kind}


def test_post_holding_leads_and_membership() -> None:
    facts = _facts(
        "On 1 March 2025, Czech president Petr Pavel spoke. The initiative, led by the United "
        "Kingdom and France, grew. Starmer announced Japan had joined the Coalition of the "
        "Willing on 15 March 2025."
    )
    assert _args(facts, FactKind.POST_HOLDING, "person", "role", "organization", "as_of") == {
        ("petr-pavel", "president", "CZE", "2025-03-01")
    }
    assert _args(facts, FactKind.LEADS, "leader") == {("GBR",), ("FRA",)}
    assert _args(facts, FactKind.MEMBERSHIP, "member", "basis", "date") == {
        ("JPN", "announcement", "2025-03-15")
    }


def _matches(fact: Fact, kind: FactKind, wanted: dict[str, str]) -> bool:
    def text(value: object) -> str:
        if isinstance(value, Ref):
            return value.key
        if isinstance(value, Money):
            return f"{value.value.normalize():f} {value.currency}"
        if isinstance(value, Quantity):
            return f"{value.minimum}"
        return str(value)

    return fact.kind is kind and all(text(fact.args.get(k)) == v for k, v in wanted.items())


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    sources = load_sources(SEEDS)
    return text_facts(sources)
