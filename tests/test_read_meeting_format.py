"""A meeting's one format (in-person | virtual | hybrid) as a reader takes it, on sentences
written for these tests: the meeting's own phrase, how it was held, how its participants took
part, and where it was held."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index, titled_names
from cowkg.read.agents import person_names
from cowkg.read.mappings import read
from cowkg.read.mappings.meetings import read_meetings
from cowkg.types import Fact, FactKind, Source

MONDAY = dt.date(2026, 5, 11)


def facts_of(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", MONDAY)
    people = people_index(titled_names(source) + person_names(source))
    return list(read_meetings(read(source, _mentions_stage(source, None, people))))


def formats(text: str) -> dict[str, str]:
    """Meeting key → its format(s), one per meeting."""
    out: dict[str, str] = {}
    for fact in facts_of(text):
        if fact.kind is FactKind.MEETING_FORMAT:
            key = fact.args["meeting"].key  # type: ignore[union-attr]
            assert key not in out, f"two formats for {key}"
            out[key] = str(fact.args["format"])
    return out


def only_format(text: str) -> str | None:
    found = set(formats(text).values())
    assert len(found) <= 1, found
    return next(iter(found), None)


@pytest.mark.parametrize(
    "text",
    [
        "Defence chiefs of the coalition of the willing gathered in Tallinn on Tuesday.",
        "Ministers of the coalition of the willing will meet in Vilnius on Friday.",
        "The coalition of the willing summit was held at Mansion House in London on Monday.",
        "The prime minister urged the coalition of the willing leaders gathered in Riga to act.",
        "Leaders of the coalition of the willing arrived at the Mariinskyi Palace on Monday.",
        "Leaders of the coalition of the willing met in person on Saturday.",
        "Leaders of the coalition of the willing met in Rome on Monday to discuss online threats.",
    ],
)
def test_a_meeting_held_at_a_place_or_in_person_is_in_person(text: str) -> None:
    assert only_format(text) == "in-person"


@pytest.mark.parametrize(
    "text",
    [
        "The coalition of the willing meeting was held partly in person and partly by video "
        "link on Monday.",
        "Chile and Peru attended the coalition of the willing summit in Oslo in person, while "
        "others joined via video conference.",
        "Ghana's president joined online a meeting of the coalition of the willing on Monday. "
        "The meeting, held in Riga, was attended by leaders of 20 countries.",
        "Leaders of the coalition of the willing met in Oslo today. "
        "Peru attended, and Chile took part by video.",
        "Leaders of the coalition of the willing held an in-person and virtual gathering today.",
        "The coalition of the willing will hold an in-person and virtual summit in Oslo on Friday.",
    ],
)
def test_some_there_and_others_remote_is_hybrid(text: str) -> None:
    assert only_format(text) == "hybrid"


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister will join a call with leaders of the coalition of the willing on "
        "Saturday.",
        "Leaders of the coalition of the willing will meet by video on Friday.",
        "The coalition of the willing held a virtual summit hosted from London on Monday.",
        "Leaders of the coalition of the willing did not meet in person on Monday: they held a "
        "video call.",
    ],
)
def test_a_call_or_a_meeting_by_video_is_virtual(text: str) -> None:
    assert only_format(text) == "virtual"


def test_one_remote_participant_alone_says_nothing_of_the_meeting() -> None:
    facts = facts_of("On Monday Peru took part virtually in the coalition of the willing talks.")
    assert not [f for f in facts if f.kind is FactKind.MEETING_FORMAT]
    modes = {f.args.get("mode") for f in facts if f.kind is FactKind.PARTICIPATION}
    assert modes == {"virtual"}


def test_a_meeting_attended_online_by_one_is_that_ones_part() -> None:
    """The meeting as the subject of "was attended online by A" tells A's part, not the
    meeting's format."""
    facts = facts_of(
        "The coalition of the willing meeting on Monday was also attended online by Peru."
    )
    assert not [f for f in facts if f.kind is FactKind.MEETING_FORMAT]
    modes = {f.args.get("mode") for f in facts if f.kind is FactKind.PARTICIPATION}
    assert modes == {"virtual"}


def test_one_who_did_not_attend_in_person_leaves_the_meeting_in_person() -> None:
    assert (
        only_format(
            "Leaders of the coalition of the willing gathered in Oslo on Monday. "
            "Peru's president did not attend in person."
        )
        == "in-person"
    )


def test_an_appeal_is_no_call() -> None:
    assert (
        only_format(
            "Leaders of the coalition of the willing met in Oslo on Monday. Zelensky renewed "
            "his call for more air defence at the meeting."
        )
        == "in-person"
    )


def test_another_meetings_words_give_this_one_no_format() -> None:
    """A meeting the clause happens ahead of is not the clause's meeting: its format words
    are not the format of the talks the clause tells."""
    text = "On Monday Starmer hosted Zelensky at Downing Street before a virtual gathering of {}."
    assert only_format(text.format("coalition leaders")) == "in-person"
    assert only_format(text.format("the coalition's defence ministers")) == "in-person"


def test_an_undated_earlier_meeting_gets_its_format() -> None:
    found = formats(
        "The prime minister will join a call of the coalition of the willing on Saturday. "
        "It follows an initial meeting of the coalition leaders in Tallinn this month."
    )
    undated = [v for k, v in found.items() if k.startswith("undated")]
    assert undated == ["in-person"]
    assert "virtual" in found.values()


def test_a_headline_done_at_a_virtual_meeting_gives_the_reports_meeting_its_format() -> None:
    facts = facts_of(
        "Chile pledges engineers to Ukraine at virtual summit of allies\n"
        "Peru also took part in a meeting of the coalition of the willing today, its "
        "foreign ministry said."
    )
    found = {
        (f.args["meeting"].key, f.args["format"])  # type: ignore[union-attr]
        for f in facts
        if f.kind is FactKind.MEETING_FORMAT
    }
    assert found == {("2026-05-11-summit", "virtual")}


def test_each_participant_takes_the_mode_of_its_own_clause() -> None:
    facts = facts_of(
        "Chile and Peru are attending the coalition of the willing summit in Oslo in person, "
        "while Ghana is joining remotely."
    )
    modes = {
        f.args["participant"].key: f.args.get("mode")  # type: ignore[union-attr]
        for f in facts
        if f.kind is FactKind.PARTICIPATION
    }
    assert modes == {"CHL": "in-person", "PER": "in-person", "GHA": "virtual"}
    assert only_format("Chile and Peru attended the coalition of the willing summit.") is None
