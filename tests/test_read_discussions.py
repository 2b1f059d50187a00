"""Meeting topics and discussions by named parties, on sentences written for these tests (Chile,
Peru and a fictional border mission: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, Reading, read
from cowkg.read.mappings.discussions import discussions, topic_tokens
from cowkg.read.mappings.meetings import read_meetings
from cowkg.read.mappings.statements import PENDING_MEETING
from cowkg.read.nlp import pipeline
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def reading_of(text: str) -> Reading:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    return read(source, _mentions_stage(source, None, people_index(person_names(source))))


def discussed(text: str) -> list[Fact]:
    return list(discussions(reading_of(text)))


def meetings_of(text: str) -> list[Ref]:
    """The meetings the meetings mapping reads in ``text``."""
    return [
        f.args["meeting"]  # type: ignore[misc]
        for f in read_meetings(reading_of(text))
        if f.kind is FactKind.MEETING
    ]


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
        "meeting": meetings_of(text)[0],  # the meeting the clause speaks of
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
        ("The ministers met in Lima to discuss aid to the border posts.",
         [("aid to the border posts", False)]),
        ("The ministers met in Lima to discuss aid and wrote to the border posts.",
         [("aid", False)]),
    ],
)  # fmt: skip
def test_topics_discussed_and_planned(text: str, expected: list[tuple[str, bool]]) -> None:
    assert topics(text) == expected


def test_the_topic_goes_to_the_meeting_the_clause_speaks_of() -> None:
    text = "Leaders of the Coalition of the Willing met on 3 May 2026. The summit discussed visas."
    (fact,) = discussed(text)
    assert fact.args["meeting"] == Ref(EntityKind.MEETING, "2026-05-03-summit")
    assert meetings_of(text) == [fact.args["meeting"]]


def test_participants_discuss_at_the_meeting_they_name_or_plan_for() -> None:
    text = "On 3 May 2026 the leaders discussed visas at the summit."
    (fact,) = discussed(text)
    assert fact.args["meeting"] == meetings_of(text)[0]
    (fact,) = discussed("The leaders will also discuss visas.")
    assert fact.args["meeting"] == PENDING_MEETING  # the source's one meeting, if it has one


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


def test_a_list_of_a_meeting_s_topics_is_one_topic_per_item() -> None:
    text = (
        "Leaders of the Coalition of the Willing met in Lima on 3 May 2026. The main topics of "
        "the summit were the following:\n- strengthening the border posts;\n- a lasting truce.\n"
    )
    found = discussed(text)
    assert [(f.args["meeting"], f.args["topic"]) for f in found] == [
        (Ref(EntityKind.MEETING, "2026-05-03-summit"), "strengthening the border posts"),
        (Ref(EntityKind.MEETING, "2026-05-03-summit"), "a lasting truce"),
    ]
    assert len(found[0].evidence) == 2  # the lead and the item
    planned = topics("The ministers will discuss the following:\n- timber sanctions;\n- visas.")
    assert planned == [("timber sanctions", True), ("visas", True)]


def test_a_list_after_no_meeting_s_topics_gives_none() -> None:
    assert topics("The main topics of the report were:\n- timber sanctions;\n- visas.") == []


def test_a_meeting_that_is_discussed_is_the_topic_not_where() -> None:
    assert topics("The leaders discussed the upcoming summit in Lima.") == []
    found = discussed("Chile and Peru discussed the upcoming summit.")
    assert {f.args["text"] for f in found} == {"the upcoming summit"}
    assert all("meeting" not in f.args for f in found)


def test_a_clause_run_on_beside_the_predicate_is_no_topic() -> None:
    # the parse of a long sentence can hang the next clause on the predicate as a parataxis
    words = ["Talks", "focused", ",", "Boric", "hosted", "it"]
    heads = [1, 1, 1, 4, 1, 4]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "parataxis", "dobj"]
    doc = Doc(pipeline().vocab, words=words, heads=heads, deps=deps)
    assert topic_tokens(doc[1]) is None


@pytest.mark.parametrize(
    "text",
    [
        "He said the planning meetings had considered the full range of engineering units.",
        "They will then discuss those options with other leaders during a call this weekend.",
    ],
)
def test_no_meeting_the_source_s_one_can_stand_for(text: str) -> None:
    assert [
        m for m in (f.args.get("meeting") for f in discussed(text)) if m == PENDING_MEETING
    ] == []


@pytest.mark.parametrize(
    ("text", "about"),
    [
        # past, a meeting subject: two states in one topic
        ("The summit in Lima discussed aid to Chile and sanctions against Peru.", ["CHL", "PER"]),
        # future, a gathering's aim; an organisation and a state
        ("Ministers will meet in Lima on Friday to discuss NATO support for the navy of Peru.",
         ["nato", "PER"]),
        # passive, a meeting named for the participants
        ("Sanctions on Peru were debated during the Lima summit.", ["PER"]),
        # a topic that names nobody is about nobody
        ("The summit in Lima discussed tougher sanctions on timber exports.", []),
    ],
)  # fmt: skip
def test_a_topic_is_about_the_agents_it_names(text: str, about: list[str]) -> None:
    """What a meeting discussed is about the states, organisations and people its topic names
    (``cow:topicAbout``), not those the rest of the sentence names."""
    (fact,) = [f for f in discussed(text) if f.kind is FactKind.MEETING_TOPIC]
    named = fact.args.get("about", ())
    assert [r.key for r in named] == about  # type: ignore[union-attr]


def test_agents_outside_the_topic_are_not_what_it_is_about() -> None:
    text = "Hosted by Chile, the summit in Lima discussed tougher sanctions on timber exports."
    (fact,) = [f for f in discussed(text) if f.kind is FactKind.MEETING_TOPIC]
    assert "about" not in fact.args


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On May 2, Chile hosted a summit in Lima to discuss the border mission.",
         [("the border mission", False)]),
        ("Peru will host a video call next week to review the border mission.",
         [("the border mission", True)]),
        ("A meeting of defence ministers has begun in Lima to discuss the border mission.",
         [("the border mission", False)]),
        ("Chile and Peru co-chaired the Lima summit to debate the border mission.",
         [("the border mission", False)]),
        # holding, opening or calling that is no meeting's has no meeting topic
        ("Peru will open its archives to discuss the border mission.", []),
        ("Chile called on Peru to discuss the border mission.", []),
    ],
)  # fmt: skip
def test_the_aim_of_hosting_or_opening_a_meeting_is_its_topic(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    assert topics(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coalition of the willing held a summit on security guarantees for Chile in Lima "
         "on 3 June.", [("security guarantees for Chile", False)]),
        ("The coalition of the willing will hold talks on Tuesday about the border mission.",
         [("the border mission", True)]),
        ("Coalition of the willing leaders joined a call on Peru's security on 3 June.",
         [("Peru's security", False)]),
        # when, where and how a meeting was held are no topic
        ("The coalition of the willing held a call on Saturday.", []),
        ("Coalition of the willing leaders met in Lima on the sidelines of the NATO summit.", []),
        ("The coalition of the willing held a meeting on the outskirts of Lima on 3 June.", []),
        # a meeting that did not take place, or might, has no topic
        ("The coalition of the willing did not hold a summit on the border on 3 June.", []),
    ],
)  # fmt: skip
def test_a_meeting_noun_names_its_topic_after_on_or_about(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    assert topics(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agenda of the summit in Lima included drafting a truce and boosting aid to Peru.",
         [("drafting a truce and boosting aid to Peru", False)]),
        ("Topics of the call were timber sanctions and the border mission.",
         [("timber sanctions and the border mission", False)]),
        ("The agenda of the summit in Lima will include the border mission.",
         [("the border mission", True)]),
        ("The agenda of the summit in Lima did not include timber sanctions.", []),
        ("The agenda of the summit in Lima was long.", []),
        ("The agenda of the party included timber sanctions.", []),  # no meeting's agenda
    ],
)  # fmt: skip
def test_a_meetings_agenda_includes_its_topics(text: str, expected: list[tuple[str, bool]]) -> None:
    assert topics(text) == expected


def test_meetings_a_bound_verb_holds_are_on_their_topic() -> None:
    """ "held meetings on X": the plural names no meeting of its own, but the frame binds the
    holding to one (here the dated one its participle names), whose topic X is."""
    text = (
        "Joined by NATO staff between 3 and 5 May 2026, coalition planners held online "
        "meetings on Chile."
    )
    (fact,) = [f for f in discussed(text) if f.kind is FactKind.MEETING_TOPIC]
    assert fact.args["topic"] == "Chile"
    assert fact.args["about"] == (Ref(EntityKind.STATE, "CHL"),)
    assert fact.args["meeting"] in meetings_of(text)
    for other in (
        "Joined by NATO staff between 3 and 5 May 2026, coalition planners held online "
        "meetings on Tuesday.",  # a day, no topic
        "Joined by NATO staff between 3 and 5 May 2026, coalition planners did not hold "
        "meetings on Chile.",
        "Joined by NATO staff between 3 and 5 May 2026, coalition planners attended meetings "
        "on Chile.",  # attending names no one meeting of the frame's
    ):
        assert [f for f in discussed(other) if f.kind is FactKind.MEETING_TOPIC] == [], other


def test_a_focus_of_a_meeting_or_of_its_holding_is_a_topic() -> None:
    def topics_of(text: str) -> set[str]:
        return {str(f.args["topic"]) for f in discussed(text) if f.kind is FactKind.MEETING_TOPIC}

    assert topics_of(
        "On 3 May 2026 the coalition held a meeting on Chile with a focus on border design."
    ) == {"Chile", "border design"}
    assert topics_of(
        "On 3 May 2026 the coalition held talks with Peru with a focus on border design."
    ) == {"border design"}
    assert (
        topics_of("On 3 May 2026 the coalition held talks with Peru with a focus on Tuesday.")
        == set()
    )
    assert topics_of("On 3 May 2026 Peru signed a deal with a focus on border design.") == set()
