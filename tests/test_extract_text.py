"""Sentence rules: each rule on a small inline text, the tiny fixture seed, and the real seeds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cowkg.extract import shared_context
from cowkg.extract.text import extract_text_facts, units
from cowkg.mentions import find_mentions
from cowkg.read.mappings import read_facts
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
            *extract_text_facts(source, mentions, shared.affiliations),
            *read_facts(source, mentions),
        ]
    ]


def _args(facts: list[Fact], kind: FactKind, *names: str) -> set[tuple[str, ...]]:
    def key(value: object) -> str:
        return value.key if isinstance(value, Ref) else str(value)

    return {tuple(key(f.args.get(n)) for n in names) for f in facts if f.kind is kind}


def test_meeting_with_date_place_kind_and_format() -> None:
    facts = _facts("On 11 March 2025, the military chiefs of staff of 30 nations met in Paris.")
    assert _args(facts, FactKind.MEETING, "meeting", "date", "meeting_kind") == {
        ("2025-03-11-military", "2025-03-11", "military")
    }
    assert _args(facts, FactKind.MEETING_PLACE, "place") == {("paris",)}
    virtual = _facts("On 15 March, Starmer held a virtual meeting with leaders of 26 countries.")
    assert _args(virtual, FactKind.MEETING_FORMAT, "format") == {("virtual",)}
    assert _args(virtual, FactKind.MEETING, "meeting_kind") == {("summit",)}


def test_sentence_naming_several_meetings() -> None:
    text = (
        "The leaders, who had met in person in London on March 2 and had met virtually on "
        "March 15, would meet again in person in Paris yesterday."
    )
    facts = _facts(text)
    assert _args(facts, FactKind.MEETING, "date") == {
        ("2025-03-02",),
        ("2025-03-15",),
        ("2025-03-27",),
    }
    formats = {
        (f.args["meeting"].key[:10], f.args["format"])
        for f in facts  # type: ignore[union-attr]
        if f.kind is FactKind.MEETING_FORMAT
    }
    assert formats == {
        ("2025-03-02", "in-person"),
        ("2025-03-15", "virtual"),
        ("2025-03-27", "in-person"),
    }
    assert _args(facts, FactKind.MEETING_PLACE, "place") == {("london",), ("paris",)}


def test_bilateral_talks_are_not_coalition_meetings() -> None:
    facts = _facts("Following US-Ukrainian talks in Geneva on 23 November, the plan was replaced.")
    assert not [f for f in facts if f.kind is FactKind.MEETING]


def test_participation_list_with_capacity_and_behalf() -> None:
    facts = _facts(
        "On March 2, a summit was held in London. The meeting was attended by President "
        "Zelenskyy and the leaders of Germany and Italy as well as the foreign minister of "
        "Türkiye and NATO Secretary General Rutte."
    )
    got = _args(facts, FactKind.PARTICIPATION, "participant", "capacity", "on_behalf_of")
    assert ("DEU", "leader", "None") in got
    assert ("TUR", "foreign-minister", "None") in got
    assert ("rutte", "secretary-general", "nato") in got
    assert {g[0] for g in got} == {"zelenskyy", "DEU", "ITA", "TUR", "rutte"}


def test_list_split_across_a_paragraph_break_has_two_spans() -> None:
    text = (
        "On March 15, leaders met virtually. Among the leaders participating were Starmer,\n\n"
        "were those of Belgium and Turkey."
    )
    source = Source(
        file="t.txt", text=text, title="t", language="en", kind="news", date=dt.date(2025, 3, 28)
    )
    joined = [u for u in units(source, find_mentions(source)) if len(u.spans) == 2]
    assert len(joined) == 1 and joined[0].spans[1].text == "were those of Belgium and Turkey."


def test_hosts_and_chairs() -> None:
    facts = _facts(
        "On 4 March 2026, a summit in Rome was hosted by Italy and co-chaired by British Prime "
        "Minister Keir Starmer."
    )
    assert _args(facts, FactKind.HOST, "host") == {("ITA",)}
    assert _args(facts, FactKind.CHAIR, "chair") == {("keir-starmer",)}
    active = _facts(
        "On March 2, British Prime Minister Starmer, coordinating with French President Macron, "
        "hosted a summit in London."
    )
    assert _args(active, FactKind.HOST, "host") == {("starmer",)}


def test_non_attendance_of_dated_meetings() -> None:
    facts = _facts(
        "Despite being represented on 15 March, New Zealand was not represented in subsequent "
        "27 March and 10 April meetings."
    )
    assert _args(facts, FactKind.NON_ATTENDANCE, "meeting", "party") == {
        ("2025-03-27-meeting", "NZL"),
        ("2025-04-10-meeting", "NZL"),
    }
    assert not [f for f in facts if f.kind is FactKind.PARTICIPATION]


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


def test_fixture_seed_yields_expected_facts() -> None:
    sources = load_sources(FIXTURES)
    facts = text_facts(sources)
    for source in sources:
        expected = yaml.safe_load(
            (FIXTURES / source.file.replace(".txt", ".expected.yaml")).read_text(encoding="utf-8")
        )
        for entry in expected:
            kind = FactKind(entry.pop("kind"))
            wanted = {k: str(v) for k, v in entry.items()}
            assert any(_matches(f, kind, wanted) for f in facts), (kind, wanted)


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


def test_cq01_fifteen_march_leaders_from_seed_004(seed_facts: list[Fact]) -> None:
    """CQ01: the 26 states whose leaders took part on 15 March 2025 (seed 004's split list)."""
    states = set()
    for fact in seed_facts:
        if fact.kind is not FactKind.PARTICIPATION or fact.evidence[0].seed[:3] != "004":
            continue
        meeting = fact.args["meeting"]
        if isinstance(meeting, Ref) and meeting.key.startswith("2025-03-15"):
            who = fact.args.get("on_behalf_of") or fact.args["participant"]
            if isinstance(who, Ref) and who.kind.value == "state":
                states.add(who.key)
    expected = {
        "GBR",
        "FRA",
        "UKR",
        "AUS",
        "BEL",
        "BGR",
        "CAN",
        "CZE",
        "DNK",
        "FIN",
        "DEU",
        "GRC",
        "ISL",
        "ITA",
        "LVA",
        "LTU",
        "LUX",
        "NLD",
        "NZL",
        "NOR",
        "POL",
        "PRT",
        "ROU",
        "ESP",
        "SWE",
        "TUR",
    }
    assert states == expected


def test_seed_facts_cite_verbatim_evidence(seed_facts: list[Fact]) -> None:
    by_file = {s.file: s for s in load_sources(SEEDS)}
    kinds = {f.kind for f in seed_facts}
    assert {FactKind.MEETING, FactKind.PARTICIPATION, FactKind.PLEDGE, FactKind.LEADS} <= kinds
    for fact in seed_facts:
        for span in fact.evidence:
            verify_span(by_file[span.seed], span)


def test_seed_pledges_and_leaders(seed_facts: list[Fact]) -> None:
    """CQ49, CQ54, CQ59: the UK's £1.6bn, Portugal's €226m, the coalition led by UK and France."""
    pledges = {
        (f.args["pledger"].key, f.args.get("amount"))
        for f in seed_facts  # type: ignore[union-attr]
        if f.kind is FactKind.PLEDGE and isinstance(f.args["pledger"], Ref)
    }
    assert ("GBR", Money(Decimal("1600000000"), "GBP")) in {
        (k, Money(a.value.normalize(), a.currency) if isinstance(a, Money) else a)
        for k, a in pledges
    }
    assert ("PRT", Money(Decimal("226000000"), "EUR")) in pledges
    leaders = {f.args["leader"].key for f in seed_facts if f.kind is FactKind.LEADS}  # type: ignore[union-attr]
    assert leaders == {"GBR", "FRA"}


# -- regressions: readings that were wrong on the seeds -----------------------------------------


def test_summit_on_a_state_names_its_topic_not_a_host_or_participant() -> None:
    """'the 2025 London Summit on Ukraine' (seed 000): Ukraine is what the summit is about."""
    facts = _facts(
        "Keir Starmer hosted, on 2 March 2025, the 2025 London Summit on Ukraine with Emmanuel "
        "Macron and sixteen other world leaders, in order to coordinate support for Ukraine."
    )
    assert ("UKR",) not in _args(facts, FactKind.HOST, "host")
    assert ("UKR",) not in _args(facts, FactKind.PARTICIPATION, "participant")
    assert _args(facts, FactKind.MEETING, "meeting", "name") == {
        ("2025-03-02-summit", "2025 London Summit on Ukraine")
    }


def test_meeting_kind_is_the_one_written_at_its_date() -> None:
    """'In addition to summits, … its second ministerial (3 September …)': a ministerial."""
    facts = _facts(
        "In addition to summits, the coalition has convened its second ministerial (3 September, "
        "NATO HQ, Brussels) and first announced directors-level (4 November, Madrid) meetings."
    )
    assert _args(facts, FactKind.MEETING, "meeting") == {
        ("2025-09-03-ministerial",),
        ("2025-11-04-directors",),
    }


def test_a_leaders_meeting_is_not_military_because_the_sentence_mentions_military_planning() -> (
    None
):
    facts = _facts(
        "He said the discussions will continue in regard to the military planning of air, sea and "
        "land forces and told the other leaders at yesterday’s meeting that progress had been "
        "made because Putin “has shown his lack of commitment”, while Russia had “backtracked – "
        "despite good faith participation from Ukraine.”"
    )
    assert _args(facts, FactKind.MEETING, "meeting") == {("2025-03-27-summit",)}
    assert not _args(facts, FactKind.PARTICIPATION, "participant")


def test_not_joining_until_a_date_is_no_absence_and_joining_the_coalition_no_attendance() -> None:
    facts = _facts(
        "Starmer publicly announced Japan had joined the Coalition of the Willing on 15 March "
        "2025, however Japan did not joined a high-level coalition meeting until 13 August, when "
        "Shigeru Ishiba, Prime Minister of Japan joined the 7th CoW meeting (leaders) by video "
        "conference."
    )
    assert not [f for f in facts if f.kind is FactKind.NON_ATTENDANCE]
    assert _args(facts, FactKind.PARTICIPATION, "meeting", "participant", "on_behalf_of") == {
        ("2025-08-13-summit", "shigeru-ishiba", "JPN")
    }


def test_a_co_chair_title_is_not_who_chaired_the_last_meeting() -> None:
    facts = _facts(
        "On 4 September 2025, the leaders met in Paris. "
        "As of December 2025, Germany joined the duumvirate twice as the third co-chair."
    )
    assert not [f for f in facts if f.kind is FactKind.CHAIR]
    assert ("DEU",) not in _args(facts, FactKind.PARTICIPATION, "participant")


def test_bilateral_talks_lend_neither_format_nor_parties_to_the_summit_after_them() -> None:
    facts = _facts(
        "The same day discussions were followed by the online meeting between Ukraine and US part "
        "of the working group on security guarantees, [80] and later on by the series of meetings "
        "– culminating in the European leaders summit, along with Steven Witkoff, on 15 December "
        "2025 - in Stuttgart and Berlin starting 13 December 2025."
    )
    assert _args(facts, FactKind.MEETING, "meeting") == {("2025-12-15-summit",)}
    assert not [f for f in facts if f.kind is FactKind.MEETING_FORMAT]
    assert not [f for f in facts if f.kind is FactKind.PARTICIPATION]


def test_a_meeting_between_a_group_of_leaders_and_one_party_is_not_bilateral() -> None:
    """Seed 000 (mandate): the Berlin meeting of 15 December was "between European leaders and
    US representatives": a coalition summit the US took part in; the 11 December call "between
    Ukraine and US" stays bilateral talks."""
    facts = _facts(
        'On 15 December, multinational force Ukraine "from within the European coalition", as '
        "part of a framework agreement under discussion at the Berlin meeting between European "
        "leaders and US representatives, was mentioned in the meeting's official press statement."
    )
    assert _args(facts, FactKind.PARTICIPATION, "meeting", "participant", "capacity") == {
        ("2025-12-15-summit", "USA", "representative")
    }
    assert _args(facts, FactKind.MEETING_PLACE, "meeting", "place") == {
        ("2025-12-15-summit", "berlin")
    }
    for pair in ("Ukraine and US", "Ukraine and the US representatives", "France and Germany"):
        talks = _facts(f"On 11 December 2025, the online meeting between {pair} took place.")
        assert not [f for f in talks if f.kind in (FactKind.PARTICIPATION, FactKind.MEETING)]
