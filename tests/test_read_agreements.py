"""Agreements, decisions, endorsements and signatures read as statements, on sentences written
for these tests (Chile, Peru and a fictional border mission: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.agreements import agreements
from cowkg.read.mappings.statements import PENDING_MEETING
from cowkg.types import Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def agreed(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(agreements(read(source, mentions)))


def speakers(facts: list[Fact]) -> list[str]:
    return sorted(f.args["speaker"].key for f in facts if isinstance(f.args["speaker"], Ref))


def test_the_mapping_is_registered_and_yields_statements_citing_the_unit() -> None:
    assert ("agreement", agreements) in MAPPINGS
    text = "Chile and Peru agreed that the border mission starts in June."
    found = agreed(text)
    assert speakers(found) == ["CHL", "PER"]  # one statement per party
    for fact in found:
        assert fact.kind is FactKind.STATEMENT and fact.method == "rule:agreement"
        assert fact.args["speech_act"] == "agreed"
        assert fact.args["text"] == "the border mission starts in June"
        assert [s.text for s in fact.evidence] == [text]


@pytest.mark.parametrize(
    ("text", "act", "content"),
    [
        ("Peru agreed to share the costs of the mission.", "agreed",
         "to share the costs of the mission"),
        ("Chile agreed on a timetable for the engineers.", "agreed",
         "a timetable for the engineers"),
        ("Peru decided on Monday to send engineers.", "decided", "to send engineers"),
        ("Chile endorsed the border plan.", "endorsed", "the border plan"),
        ("The roadmap was approved by Peru.", "endorsed", "The roadmap"),
        ("Chile and Peru have signed a border accord.", "signed", "a border accord"),
        ("Gabriel Boric backed the creation of a joint brigade.", "endorsed",
         "the creation of a joint brigade"),
    ],
)  # fmt: skip
def test_acts_and_contents(text: str, act: str, content: str) -> None:
    found = agreed(text)
    assert found, text
    assert {(f.args["speech_act"], f.args["text"]) for f in found} == {(act, content)}


def test_date_and_meeting_of_the_agreement() -> None:
    (fact,) = agreed("At the summit on Tuesday, Peru agreed to lead the engineers.")
    assert fact.args["date"] == dt.date(2026, 5, 12)
    (fact,) = agreed("Peru agreed at the summit to lead the engineers.")
    assert fact.args["meeting"] == PENDING_MEETING  # undated: the source's one meeting, if any


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru failed to agree on a timetable.",  # left undone
        "Chile did not endorse the border plan.",  # negated
        "Peru will sign the accord next week.",  # not yet
        "Peru plans to endorse the border plan.",  # not yet
        "If Peru agrees, the engineers leave in June.",  # a condition
        "The ministers met in Lima to agree on a timetable.",  # an aim
        "The participants agreed that the mission should start.",  # no named party
        "Countries that support Peru sent engineers.",  # supporting is no agreement
        "The loan was backed by frozen assets.",  # backed by no party
    ],
)
def test_no_agreement(text: str) -> None:
    assert [f for f in agreed(text) if f.kind is FactKind.STATEMENT] == []


def outcomes(text: str) -> list[tuple[str, Ref]]:
    return [
        (str(f.args["topic"]), f.args["meeting"])  # type: ignore[misc]
        for f in agreed(text)
        if f.kind is FactKind.MEETING_TOPIC and f.args.get("agreed")
    ]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("The participants agreed that the truce must hold.", "the truce must hold"),
        ("The leaders decided to meet again in June.", "to meet again in June"),
    ],
)
def test_what_a_meeting_s_participants_agreed_together_is_its_outcome(
    text: str, topic: str
) -> None:
    assert outcomes(text) == [(topic, PENDING_MEETING)]  # the source's one meeting, if any


def test_what_a_meeting_endorsed_is_the_outcome_of_the_meeting_read_there() -> None:
    ((topic, meeting),) = outcomes("The summit endorsed the border plan.")
    assert topic == "the border plan" and meeting.key.endswith("-summit-t")


def test_an_outcome_at_a_meeting_the_text_names_is_that_meeting_s() -> None:
    text = "At the summit on 3 May 2026 the leaders agreed to meet again in June."
    ((topic, meeting),) = outcomes(text)
    assert topic == "to meet again in June" and meeting.key.startswith("2026-05-03-summit")


@pytest.mark.parametrize(
    "text",
    [
        "The EU leaders agreed that the truce must hold.",  # another forum's participants
        "Officials agreed that the truce must hold.",  # not a meeting's participants
        "The participants failed to agree on a timetable.",  # undone
        "The leaders did not agree on a timetable.",  # negated
        "The leaders will agree on a timetable.",  # not yet
    ],
)
def test_no_outcome(text: str) -> None:
    assert outcomes(text) == []


def test_a_signature_set_ahead_by_the_moment_is_not_done() -> None:
    text = 'The force is to be deployed the moment Chile and Peru sign a "border accord".'
    assert agreed(text) == []
