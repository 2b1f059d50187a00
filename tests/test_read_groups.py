"""Group speakers (joint positions of a meeting, unnamed groups) and spokespeople, on sentences
written for these tests (Chile, Peru and people of a fictional mission: nothing here comes from
a seed or an article)."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, Reading, read
from cowkg.read.mappings.groups import group_positions
from cowkg.read.mappings.statements import read_statements
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday
MET = "Leaders of the coalition met in Lima on Monday to discuss the border mission. "


def reading(text: str) -> Reading:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    return read(source, _mentions_stage(source, None, people_index(person_names(source))))


def groups(text: str) -> list[Fact]:
    return list(group_positions(reading(text)))


def outcomes(text: str) -> list[str]:
    return [str(f.args["topic"]) for f in groups(text) if f.kind is FactKind.MEETING_TOPIC]


def key(fact: Fact, arg: str) -> str | None:
    value = fact.args.get(arg)
    return value.key if isinstance(value, Ref) else None


def test_the_mapping_is_registered() -> None:
    assert ("group-statement", group_positions) in MAPPINGS


def test_the_leaders_after_a_meeting_take_joint_positions_of_it() -> None:
    found = groups(
        MET + "The leaders reaffirmed their support for Chile, saying the mission must go on."
    )
    assert {str(f.args["topic"]) for f in found} == {
        "their support for Chile",
        "the mission must go on",
    }
    for fact in found:
        assert fact.kind is FactKind.MEETING_TOPIC and fact.args["agreed"] is True
        assert fact.method == "rule:joint-position"
    support = next(f for f in found if f.args["topic"] == "their support for Chile")
    assert support.args["about"] == (Ref(EntityKind.STATE, "CHL", "Chile"),)


def test_they_after_the_meeting_backed_and_the_co_chairs_stressed() -> None:
    found = groups(
        MET + "They also backed the creation of a border force. "
        "The co-chairs stressed the need for a ceasefire."
    )
    assert [str(f.args["topic"]) for f in found] == [
        "the creation of a border force",
        "the need for a ceasefire",
    ]
    assert {key(f, "meeting") for f in found} <= {"2026-05-11-summit", "meeting-of-this-source"}


def test_a_quotation_the_participants_added_and_a_thing_they_welcomed() -> None:
    assert outcomes(MET + "“The border must stay open,” the participants added.") == [
        "The border must stay open"
    ]
    assert outcomes(MET + "The leaders welcomed Peru's offer of engineers.") == [
        "Peru's offer of engineers"
    ]


def test_no_joint_position_negated_future_welcoming_guests_or_without_a_meeting() -> None:
    assert groups(MET + "The leaders did not condemn the border closure.") == []
    assert groups(MET + "The leaders will stress the need for talks.") == []
    assert groups(MET + "The leaders welcomed Gabriel Boric.") == []
    assert groups("The leaders called for a ceasefire on the border.") == []


def test_a_group_of_a_place_with_no_meeting_is_an_unnamed_group_speaker() -> None:
    found = groups("Andean leaders on Tuesday reaffirmed their support for Peru.")
    assert len(found) == 1
    (fact,) = found
    assert fact.kind is FactKind.STATEMENT and fact.method == "rule:group-statement"
    speaker = fact.args["speaker"]
    assert isinstance(speaker, Ref) and speaker.kind is EntityKind.STATE_GROUP
    assert speaker.label == "Andean leaders"
    assert fact.args["speech_act"] == "confirmed"
    assert fact.args["text"] == "their support for Peru"
    assert fact.args["date"] == dt.date(2026, 5, 12)
    assert fact.args["about"] == (Ref(EntityKind.STATE, "PER", "Peru"),)


def test_an_unnamed_group_condemning_and_saying() -> None:
    found = groups("Western allies condemned the shelling of the port, saying it broke the truce.")
    assert [(f.args["speech_act"], f.args["text"]) for f in found] == [
        ("condemned", "the shelling of the port"),
        ("said", "it broke the truce"),
    ]
    assert {key(f, "speaker") for f in found} == {"western-allies-t"}


def test_ambiguous_groups_stay_unread() -> None:
    for text in [
        "Some leaders said the truce was fragile.",
        "Two ministers warned that the bridge was unsafe.",
        "Their leaders urged Chile to reopen the border.",
        "Senior officials said the talks had stalled.",
        "Leaders of Chile and Peru hoped for a deal.",
        "Andean leaders will say the plan works.",
    ]:
        assert groups(text) == [], text


def spoken(text: str) -> list[tuple[str | None, str | None]]:
    return [(key(f, "speaker"), key(f, "on_behalf_of")) for f in read_statements(reading(text))]


def test_a_named_spokesperson_speaks_on_behalf_of_the_state_of_whom_they_speak_for() -> None:
    assert spoken("Kremlin spokesman Ivan Petrov said the plan was a provocation.") == [
        ("ivan-petrov", "RUS")
    ]
    assert spoken("Ivan Petrov, a spokesman for the Kremlin, said the talks had failed.") == [
        ("ivan-petrov", "RUS")
    ]
    assert spoken("The Kremlin, via spokesman Ivan Petrov, accused Chile of stalling.") == [
        ("ivan-petrov", "RUS")
    ]


def test_an_unnamed_spokesperson_is_the_state_speaking() -> None:
    assert spoken("A spokesperson for Peru's foreign ministry said the plan works.") == [
        ("PER", None)
    ]
    assert spoken("Downing Street, through a spokesman, said the talks went well.") == [
        ("GBR", None)
    ]


def test_a_spokesperson_of_no_known_state_is_no_one_not_the_principal() -> None:
    assert spoken("A spokesman said the plan is sound.") == []
    assert spoken("A spokesperson for Gabriel Boric said the mission would start soon.") == []
    assert spoken("The prime minister's spokesman said the mission would start soon.") == []


def test_the_leaders_after_an_unnamed_group_are_that_group() -> None:
    found = groups(
        "Andean leaders on Tuesday reaffirmed their support for Peru.\n\n"
        "The leaders said the truce must hold.\n\n"
        "They also backed the creation of a border force."
    )
    assert [(key(f, "speaker"), f.args["text"]) for f in found] == [
        ("andean-leaders-t", "their support for Peru"),
        ("andean-leaders-t", "the truce must hold"),
        ("andean-leaders-t", "the creation of a border force"),
    ]
    assert {f.args["speech_act"] for f in found[1:]} == {"said", "endorsed"}


def test_a_group_inside_what_someone_says_is_their_report_not_a_joint_position() -> None:
    assert groups(MET + "Boric said the leaders welcomed the border plan.") == []


def test_a_subjectless_clause_after_a_spokesperson_is_theirs_too() -> None:
    assert spoken(
        "Kremlin spokesman Ivan Petrov accused Chile of stalling, rejecting any border mission."
    ) == [("ivan-petrov", "RUS"), ("ivan-petrov", "RUS")]


def test_a_state_named_with_its_seat_is_one_state() -> None:
    assert spoken("Russia's Kremlin, via spokesman Ivan Petrov, accused Chile of stalling.") == [
        ("ivan-petrov", "RUS")
    ]


def test_a_group_statement_carries_its_day_and_the_meeting_it_was_made_at() -> None:
    (fact,) = groups(
        "Western allies warned after the summit on Wednesday that the truce was at risk."
    )
    assert fact.args["speech_act"] == "warned"
    assert fact.args["text"] == "the truce was at risk"
    assert fact.args["date"] == dt.date(2026, 5, 13)
    meeting = fact.args["meeting"]
    assert isinstance(meeting, Ref) and meeting.key.startswith("2026-05-13-summit")


def test_participants_speaking_at_a_meeting_the_frame_binds_take_its_joint_position() -> None:
    (fact,) = groups("Andean leaders told the meeting on Tuesday that the truce must hold.")
    assert fact.kind is FactKind.MEETING_TOPIC and fact.args["topic"] == "the truce must hold"
    assert key(fact, "meeting") is not None and str(key(fact, "meeting")).startswith("2026-05-12")
