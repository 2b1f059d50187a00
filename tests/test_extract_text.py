"""Sentence rules: each rule on a small inline text, the tiny fixture seed, and the real seeds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from cowkg.extract import shared_context
from cowkg.extract.text import extract_text_facts
from cowkg.mentions import find_mentions
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
    """The sentence facts of ``sources``, with the context extraction shares across seeds."""
    shared = shared_context(sources)
    return [
        f
        for source, mentions in zip(sources, shared.mentions, strict=True)
        for f in extract_text_facts(source, mentions, shared.affiliations)
    ]


def _args(facts: list[Fact], kind: FactKind, *names: str) -> set[tuple[str, ...]]:
    def key(value: object) -> str:
        return value.key if isinstance(value, Ref) else str(value)

    return {tuple(key(f.args.get(n)) for n in names) for f in facts if f.kind is kind}


def test_pledges_with_amount_equivalent_and_troops() -> None:
    facts = _facts(
        "British Prime Minister Starmer committed £1.6 billion (US$2 billion) to purchase more "
        "than 5,000 air defence missiles."
    )
    (pledge,) = [f for f in facts if f.kind is FactKind.PLEDGE]
    assert isinstance(pledge.args["pledger"], Ref) and pledge.args["pledger"].key == "GBR"
    assert pledge.args["amount"] == Money(Decimal("1600000000"), "GBP")
    assert pledge.args["equivalent"] == Money(Decimal("2000000000"), "USD")
    assert pledge.args["quantity"] == Quantity(
        Decimal(5000), Decimal(5000), "air defence missiles", "more than"
    )
    troops = _facts(
        "On 30 April 2025, Estonian Prime Minister Kristen Michal offered to contribute "
        "a unit (50 to 250 soldiers)."
    )
    (pledge,) = [f for f in troops if f.kind is FactKind.PLEDGE]
    assert pledge.args["pledge_kind"] == "troops"
    assert pledge.args["quantity"] == Quantity(Decimal(50), Decimal(250), "soldiers", "")
    assert pledge.args["date"] == dt.date(2025, 4, 30)
    two = _facts("Germany pledged €500 million, while the Netherlands committed 200 million euros.")
    assert _args(two, FactKind.PLEDGE, "pledger") == {("DEU",), ("NLD",)}


def test_count_claims_keep_qualifier_and_text() -> None:
    facts = _facts("On March 27, Paris hosted a summit attended by nearly 30 country leaders.")
    (claim,) = [f for f in facts if f.kind is FactKind.COUNT_CLAIM]
    assert _args(facts, FactKind.COUNT_CLAIM, "about") == {("2025-03-27-summit",)}
    assert claim.args["quantity"] == Quantity(Decimal(30), Decimal(30), "countries", "nearly")
    assert claim.args["text"] == "nearly 30 country leaders"
    coalition = _facts("The coalition of the willing is a coalition of 35 countries.")
    assert _args(coalition, FactKind.COUNT_CLAIM, "about") == {("coalition-of-the-willing",)}


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


def test_seed_pledges_and_leaders(seed_facts: list[Fact]) -> None:
    """CQ49, CQ54, CQ59: the UK's £1.6bn, Portugal's €226m, the coalition led by UK and France."""
    pledges = {
        (f.args["pledger"].key, f.args.get("amount"))
        for f in seed_facts  # type: ignore[union-attr]
        if f.kind is FactKind.PLEDGE
    }
    assert ("GBR", Money(Decimal("1600000000"), "GBP")) in {
        (k, Money(a.value.normalize(), a.currency) if isinstance(a, Money) else a)
        for k, a in pledges
    }
    assert ("PRT", Money(Decimal("226000000"), "EUR")) in pledges
    leaders = {f.args["leader"].key for f in seed_facts if f.kind is FactKind.LEADS}  # type: ignore[union-attr]
    assert leaders == {"GBR", "FRA"}


# -- regressions: readings that were wrong on the seeds -----------------------------------------


def test_troop_contributors_and_forecasts_are_not_the_size_of_the_coalition() -> None:
    """AQ03: '26 nations had formally pledged to deploy troops' counts contributors."""
    facts = _facts(
        "After the 4 September 2025 coalition summit in Paris, French President Emmanuel Macron "
        "announced that 26 nations had formally pledged to deploy troops as part of a force. "
        'On 17 March 2025, a spokesman stated the coalition was expected to grow to "more than '
        '30 countries", when military chiefs would be meeting on 20 March 2025.'
    )
    assert _args(facts, FactKind.COUNT_CLAIM, "about", "counted", "text") == {
        ("coalition-of-the-willing", "troop-contributing countries", "26 nations"),
        ("coalition-of-the-willing", "countries (forecast)", "more than 30 countries"),
    }


def test_a_count_in_a_cited_quote_is_read_as_its_sentence_would_be() -> None:
    """AQ03: seed 000's reference 119 quotes Macron (24 October 2025): "… to deploy a
    multinational force Ukraine … with the support and input of 25 participating countries" —
    the force's contributors, beside the 26 of 4 September. A quote's bare count (which meeting?)
    and a quote in a citation that does not name the coalition are not read."""
    text = (
        "The coalition met in Paris.\n\nReferences\n\n"
        "  119. Introductory remarks by M.Emmanuel Macron, at the videoconference meeting of the "
        "Coalition of the Willing for Ukraine (24 October 2025, as delivered in English) (Speech). "
        "Embassy of France. 27 October 2025. Archived from the original on 11 December 2025. "
        "Retrieved 7 November 2025. We also have plans in place to deploy a multinational force "
        "Ukraine once hostilities have ceased with the support and input of 25 participating "
        "countries.\n"
        '  120. Doe, Jane (5 May 2025). "Leaders talk about the coalition". Example News. '
        "Retrieved 6 May 2025. Leaders from 31 countries met in Rome on Monday.\n"
        '  121. Roe, Rick (5 May 2025). "Talks in Rome". AP. Retrieved 6 May 2025. The plan is to '
        "deploy a force with 12 participating countries.\n"
    )
    facts = _facts(text, date=None)
    claims = [f for f in facts if f.kind is FactKind.COUNT_CLAIM]
    assert _args(claims, FactKind.COUNT_CLAIM, "about", "counted", "text", "as_of") == {
        (
            "coalition-of-the-willing",
            "troop-contributing countries",
            "25 participating countries",
            "2025-10-24",
        )
    }
    (claim,) = claims
    assert claim.method == "rule:citation-quote-count"
    assert claim.evidence[0].text.startswith("We also have plans")


def test_cq72_present_tense_citation_title_counts_the_meeting_of_its_date() -> None:
    text = (
        "The coalition met in Paris.\n\nReferences\n\n"
        '  84. Doe, Jane (27 March 2025). "Leaders from 31 countries gather for Paris summit". '
        "Example News.\n"
        '  85. Roe, Rick (10 March 2025). "More than 30 nations will participate in Paris talks". '
        "AP.\n"
        '  86. Poe, Pat (16 March 2025). "Full list of 26 countries in the coalition". Mirror.\n'
    )
    facts = _facts(text, date=None)
    assert _args(facts, FactKind.COUNT_CLAIM, "about", "text", "as_of") == {
        ("2025-03-27-summit", "31 countries", "2025-03-27")
    }
    assert {f.method for f in facts if f.kind is FactKind.COUNT_CLAIM} == {
        "rule:citation-title-count"
    }
