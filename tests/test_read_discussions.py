"""Meeting topics and discussions by named parties, on sentences written for these tests (Chile,
Peru and a fictional border mission: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.discussions import discussions
from cowkg.read.mappings.statements import PENDING_MEETING
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def discussed(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(discussions(read(source, mentions)))


def topics(text: str) -> list[tuple[str, bool]]:
    return [
        (str(f.args["topic"]), bool(f.args.get("planned")))
        for f in discussed(text)
        if f.kind is FactKind.MEETING_TOPIC
    ]


def test_the_mapping_is_registered_and_a_meeting_subject_gives_its_topic() -> None:
    assert ("discussion", discussions) in MAPPINGS
    text = "The summit in Lima also discussed tougher sanctions on timber exports."
    (fact,) = discussed(text)
    assert fact.kind is FactKind.MEETING_TOPIC and fact.method == "rule:discussion"
    assert fact.args == {
        "meeting": PENDING_MEETING,
        "topic": "tougher sanctions on timber exports",
    }
    assert [s.text for s in fact.evidence] == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders will also discuss the prospect of a border mission.",
         [("the prospect of a border mission", True)]),
        ("Ministers are expected to review the engineers' timetable.",
         [("the engineers' timetable", True)]),
        ("The ministers met in Lima to discuss the border mission.",
         [("the border mission", False)]),
        ("Defence chiefs will gather in Lima to discuss the border mission.",
         [("the border mission", True)]),
        ("The call focused on air defence for the border posts.",
         [("air defence", False)]),
        ("Timber sanctions were debated during the summit.", [("Timber sanctions", False)]),
        ("The leaders discussed timber sanctions at the summit.", [("timber sanctions", False)]),
    ],
)  # fmt: skip
def test_topics_discussed_and_planned(text: str, expected: list[tuple[str, bool]]) -> None:
    assert topics(text) == expected


def test_a_dated_meeting_is_the_meeting_of_its_date() -> None:
    (fact,) = discussed("On 3 May 2026 the summit discussed the border mission.")
    assert fact.args["meeting"] == Ref(EntityKind.MEETING, "2026-05-03-meeting")


@pytest.mark.parametrize(
    "text",
    [
        "The summit did not discuss the border mission.",  # negated
        "The summit could discuss the border mission.",  # only possible
        "Peru considered the plan too risky.",  # a party's view, not a discussion
        "Officials discussed the plan.",  # no meeting, no named party
        "The NATO summit discussed the border mission.",  # another forum's meeting
        "Chile made efforts to discuss the border mission.",  # an aim of no gathering
    ],
)
def test_no_topic(text: str) -> None:
    assert topics(text) == []


def test_named_parties_discussing_are_statements_of_each() -> None:
    found = discussed("Chile and Peru discussed the border mission on Tuesday.")
    assert sorted(f.args["speaker"].key for f in found if isinstance(f.args["speaker"], Ref)) == [
        "CHL",
        "PER",
    ]
    for fact in found:
        assert fact.kind is FactKind.STATEMENT and fact.args["speech_act"] == "discussed"
        assert fact.args["text"] == "the border mission"
        assert fact.args["date"] == dt.date(2026, 5, 12)
