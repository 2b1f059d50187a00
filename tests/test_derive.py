"""Derived facts: membership by the sources' own attendance rule, and the meeting a statement
was made at — on facts and sentences written for these tests, and on the built graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest

from cowkg.derive import (
    HOSTING_METHOD,
    INVITATION_METHOD,
    MEMBERSHIP_METHOD,
    attendance_by_hosting,
    derive,
    memberships_by_attendance,
    states_membership_rule,
)
from cowkg.mentions import COALITION
from cowkg.read.mappings.statements import PENDING_MEETING
from cowkg.read.units import units
from cowkg.resolve import resolve
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Ref, Source, Span

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/cowkg/"
CHILE, PERU = Ref(EntityKind.STATE, "CHL", "Chile"), Ref(EntityKind.STATE, "PER", "Peru")
NATO = Ref(EntityKind.ORGANIZATION, "nato", "NATO")
BORIC = Ref(EntityKind.PERSON, "gabriel-boric", "Gabriel Boric")
APRIL, JUNE = dt.date(2026, 4, 2), dt.date(2026, 6, 9)
TEXT = "x" * 400


def span(start: int, seed: str = "a.txt") -> Span:
    return Span(seed, start, start + 10, TEXT[start : start + 10])


def fact(kind: FactKind, evidence: Span, **args: FactValue) -> Fact:
    return Fact(kind, args, (evidence,), "rule:test")


def meeting(day: dt.date, coalition: bool = True, seed: str = "a.txt") -> list[Fact]:
    ref = Ref(EntityKind.MEETING, f"{day.isoformat()}-summit")
    body: dict[str, FactValue] = {"body": COALITION} if coalition else {}
    return [
        fact(FactKind.MEETING, span(0, seed), meeting=ref, date=day, meeting_kind="summit", **body)
    ]


def attended(day: dt.date, at: int, **who: FactValue) -> Fact:
    return fact(
        FactKind.PARTICIPATION, span(at), meeting=Ref(EntityKind.MEETING, f"{day}-summit"), **who
    )


def rule_units(text: str) -> list[bool]:
    return [states_membership_rule(u) for u in units(Source("r.txt", text, "r", "en", "report"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A state becomes a member once its envoys attend the group's meetings.", True),
        ("Membership follows from participation in the summits of the group.", True),
        ("Attending a meeting does not make a state a member.", False),
        ("The members met in Lima on Friday.", False),
        ("Envoys attended the summit in Lima.", False),
    ],
)
def test_the_membership_rule_is_read_by_lemma(text: str, expected: bool) -> None:
    assert rule_units(text) == [expected]


def test_each_attendee_state_is_a_member_from_its_first_coalition_meeting() -> None:
    rule = Span("r.txt", 0, 5, "rule.")
    facts = [
        *meeting(APRIL),
        *meeting(JUNE),
        *meeting(dt.date(2026, 1, 5), coalition=False),
        attended(JUNE, 20, participant=CHILE),
        attended(APRIL, 40, participant=BORIC, on_behalf_of=CHILE),
        attended(JUNE, 60, participant=PERU),
        attended(APRIL, 80, participant=NATO),
        attended(dt.date(2026, 1, 5), 100, participant=PERU),  # not a coalition meeting
    ]
    found = {f.args["member"]: f for f in memberships_by_attendance(facts, [rule])}
    assert sorted(r.key for r in found) == ["CHL", "PER"]  # type: ignore[union-attr]
    chile, peru = found[CHILE], found[PERU]
    assert chile.args["date"] == APRIL and peru.args["date"] == JUNE
    assert chile.args["basis"] == "attendance" and chile.method == MEMBERSHIP_METHOD
    assert set(chile.evidence) == {rule, span(40)}


def test_no_rule_no_membership() -> None:
    facts = [*meeting(APRIL), attended(APRIL, 20, participant=CHILE)]
    assert memberships_by_attendance(facts, []) == []


def _hosting(at: int, kind: FactKind, who: Ref, method: str = "rule:host-clause") -> Fact:
    name = "host" if kind is FactKind.HOST else "chair"
    meeting_ref = Ref(EntityKind.MEETING, f"{APRIL}-summit")
    return Fact(kind, {"meeting": meeting_ref, name: who}, (span(at),), method)


def test_who_hosts_or_chairs_attends_on_behalf_of_the_state_of_their_post() -> None:
    president = Ref(EntityKind.ROLE, "president")
    facts = [
        *meeting(APRIL),
        fact(FactKind.POST_HOLDING, span(300), person=BORIC, role=president, organization=CHILE),
        _hosting(20, FactKind.CHAIR, BORIC),
        _hosting(40, FactKind.HOST, CHILE),  # hosts through its president: no second attendee
        _hosting(60, FactKind.HOST, PERU),
        _hosting(80, FactKind.HOST, NATO),
        _hosting(85, FactKind.CHAIR, Ref(EntityKind.STATE, "PRT"), "rule:chair-clause"),
        # a table's host column names the country a meeting is held in, not a host in person
        _hosting(90, FactKind.HOST, Ref(EntityKind.STATE, "BEL"), "rule:meetings-table"),
        _hosting(95, FactKind.CHAIR, Ref(EntityKind.PERSON, "ana-ruiz"), "rule:meetings-table"),
    ]
    derived = {f.args["participant"]: f for f in attendance_by_hosting(facts)}
    assert set(derived) == {
        BORIC,
        PERU,
        NATO,
        Ref(EntityKind.STATE, "PRT"),
        Ref(EntityKind.PERSON, "ana-ruiz"),
    }
    boric = derived[BORIC]
    assert boric.args["on_behalf_of"] == CHILE and boric.args["capacity"] == president
    assert boric.evidence == (span(20),) and boric.method == HOSTING_METHOD


def test_who_hosts_by_inviting_is_not_said_to_attend() -> None:
    facts = [
        *meeting(APRIL),
        _hosting(20, FactKind.HOST, BORIC, INVITATION_METHOD),
        _hosting(30, FactKind.HOST, CHILE, INVITATION_METHOD),
        _hosting(40, FactKind.HOST, PERU),
    ]
    assert {f.args["participant"] for f in attendance_by_hosting(facts)} == {PERU}


def test_a_host_said_to_attend_or_to_be_absent_gets_no_second_participation() -> None:
    facts = [
        *meeting(APRIL),
        _hosting(20, FactKind.HOST, CHILE),
        attended(APRIL, 30, participant=CHILE),
        _hosting(40, FactKind.HOST, PERU),
        fact(
            FactKind.NON_ATTENDANCE,
            span(50),
            meeting=Ref(EntityKind.MEETING, f"{APRIL}-summit"),
            party=PERU,
        ),
        _hosting(60, FactKind.CHAIR, BORIC),
        _hosting(70, FactKind.HOST, BORIC),  # one person, one participation
    ]
    derived = list(attendance_by_hosting(facts))
    assert [f.args["participant"] for f in derived] == [BORIC]
    assert "on_behalf_of" not in derived[0].args  # no post known


def test_a_host_that_attends_by_hosting_is_a_member_by_attendance() -> None:
    rule = Span("r.txt", 0, 5, "rule.")
    res = derive(resolve([*meeting(APRIL), _hosting(20, FactKind.HOST, PERU)], BASE), [rule])
    members = [f.args["member"] for f in res.facts if f.kind is FactKind.MEMBERSHIP]
    assert members == [PERU]


def _statement(meeting_ref: Ref, seed: str) -> Fact:
    return fact(
        FactKind.STATEMENT,
        span(200, seed),
        statement=Ref(EntityKind.STATEMENT, f"undated-{seed}"),
        speaker=BORIC,
        speech_act="said",
        text="we are ready",
        meeting=meeting_ref,
    )


def test_a_statement_gets_the_one_coalition_meeting_its_source_reports_or_none() -> None:
    facts = [
        *meeting(APRIL, seed="a.txt"),
        *meeting(APRIL, seed="b.txt"),
        *meeting(JUNE, seed="b.txt"),
        _statement(PENDING_MEETING, "a.txt"),
        _statement(PENDING_MEETING, "b.txt"),  # two meetings: which one is not known
        _statement(Ref(EntityKind.MEETING, f"{JUNE}-meeting"), "c.txt"),
        _statement(Ref(EntityKind.MEETING, "2026-12-01-meeting"), "d.txt"),  # no such meeting
    ]
    res = derive(resolve(facts, BASE), [])
    made_at = {
        f.evidence[0].seed: f.args.get("meeting") for f in res.facts if f.kind is FactKind.STATEMENT
    }
    assert made_at == {
        "a.txt": Ref(EntityKind.MEETING, f"{APRIL}-summit"),
        "b.txt": None,
        "c.txt": Ref(EntityKind.MEETING, f"{JUNE}-summit"),
        "d.txt": None,
    }


def test_a_statement_is_about_the_meetings_it_names_only_where_the_graph_holds_them() -> None:
    said = fact(
        FactKind.STATEMENT,
        span(200, "a.txt"),
        statement=Ref(EntityKind.STATEMENT, "undated-a"),
        speaker=BORIC,
        speech_act="said",
        text="the June summit and the December one went well",
        about=(Ref(EntityKind.MEETING, f"{JUNE}-meeting"), Ref(EntityKind.MEETING, "2026-12-01-x"),
               PERU),
    )  # fmt: skip
    res = derive(resolve([*meeting(JUNE, seed="a.txt"), said], BASE), [])
    (statement,) = [f for f in res.facts if f.kind is FactKind.STATEMENT]
    assert statement.args["about"] == (Ref(EntityKind.MEETING, f"{JUNE}-summit"), PERU)


def _topic(meeting_ref: Ref, seed: str) -> Fact:
    return fact(
        FactKind.MEETING_TOPIC, span(300, seed), meeting=meeting_ref, topic="timber sanctions"
    )


def test_a_topic_gets_its_meeting_as_a_statement_does_or_is_dropped() -> None:
    facts = [
        *meeting(APRIL, seed="a.txt"),
        *meeting(APRIL, seed="b.txt"),
        *meeting(JUNE, seed="b.txt"),
        _topic(PENDING_MEETING, "a.txt"),
        _topic(PENDING_MEETING, "b.txt"),  # two meetings: which one is not known
        _topic(Ref(EntityKind.MEETING, f"{JUNE}-meeting"), "c.txt"),
        _topic(Ref(EntityKind.MEETING, "2026-12-01-meeting"), "d.txt"),  # no such meeting
    ]
    res = derive(resolve(facts, BASE), [])
    topics = {
        f.evidence[0].seed: f.args["meeting"] for f in res.facts if f.kind is FactKind.MEETING_TOPIC
    }
    assert topics == {
        "a.txt": Ref(EntityKind.MEETING, f"{APRIL}-summit"),
        "c.txt": Ref(EntityKind.MEETING, f"{JUNE}-summit"),
    }


def test_graph_every_attendee_state_of_a_coalition_meeting_is_a_member_as_of_it() -> None:
    store = ox.Store()
    store.bulk_load(path=str(ROOT / "graph" / "cowkg.nq"), format=ox.RdfFormat.N_QUADS)
    prefixes = """PREFIX cow: <https://w3id.org/cowkg/ontology#> PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX schema: <https://schema.org/>"""
    attendees = f"""{prefixes} SELECT DISTINCT ?m ?c ?day ?state WHERE {{
        ?m cow:meetingOf ?c ; schema:startDate ?day ; schema:attendee ?state .
        ?c a cow:Coalition . ?state a cow:State . }}"""
    rows = list(store.query(attendees, use_default_graph_as_union=True))  # type: ignore[union-attr]
    assert len(rows) > 10, "the seeds' coalition meetings have attendee states"
    # the memberships read apart and compared here: a FILTER NOT EXISTS over the union of ~900
    # fact graphs took Oxigraph minutes
    members = f"""{prefixes} SELECT DISTINCT ?state ?c ?since WHERE {{
        ?ms org:member ?state ; cow:inCoalition ?c ; cow:asOf ?since . }}"""
    since: dict[tuple[str, str], list[str]] = {}
    for row in store.query(members, use_default_graph_as_union=True):  # type: ignore[union-attr]
        since.setdefault((row["state"].value, row["c"].value), []).append(row["since"].value)
    missing = [
        (r["m"].value, r["state"].value)
        for r in rows
        # xsd:date lexical forms (ISO) compare as strings
        if not any(d <= r["day"].value for d in since.get((r["state"].value, r["c"].value), []))
    ]
    assert missing == []
