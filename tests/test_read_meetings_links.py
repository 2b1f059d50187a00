"""Which meetings are the coalition's, and which clauses speak of which meeting (issue 10):
sentences written for these tests, in the classes the development articles showed."""

from __future__ import annotations

import datetime as dt

from cowkg.read.frame import Meeting, build_frame
from cowkg.read.mappings import read
from cowkg.types import Fact, FactKind, Ref, Source
from tests.test_read_meetings import MONDAY, facts_of, keyed, meetings


def frame_meetings(text: str, published: dt.date | None = MONDAY) -> list[Meeting]:
    from cowkg.extract import _mentions_stage
    from cowkg.mentions import people_index, titled_names
    from cowkg.read.agents import person_names

    source = Source("t.txt", text, "t", "en", "news", published)
    people = people_index(titled_names(source) + person_names(source))
    reading = read(source, _mentions_stage(source, None, people))
    return list(build_frame(source, reading.units, reading.affiliations).meetings)


def coalition_meetings(facts: list[Fact]) -> set[str]:
    return {key for key, fact in meetings(facts).items() if "body" in fact.args}


def attended(facts: list[Fact]) -> set[tuple[str, str]]:
    return keyed(facts, FactKind.PARTICIPATION, "participant")


# --- class 4: meetings that are not the coalition's ---------------------------------------


def test_a_domestic_meeting_on_the_countrys_role_in_the_coalition_is_not_the_coalitions() -> None:
    for text in (
        "Chile to weigh its role in the coalition\n"
        "Chilean President Gabriel Boric has convened a meeting of the leaders of parliamentary "
        "parties to discuss the country's role in security guarantees as part of the Coalition "
        "of the Willing.\n"
        "Boric has scheduled the meeting for Tuesday.",
        "Peru's cabinet met on Monday to discuss joining the coalition of the willing.",
        "The foreign affairs committee of the Chilean parliament held a session on the coalition "
        "of the willing today.",
    ):
        facts = facts_of(text)
        assert not coalition_meetings(facts), text
        keys = {m for m, _ in attended(facts)}
        assert all("-other-" in key for key in keys), text


def test_a_body_described_as_co_chaired_is_no_meeting() -> None:
    for text in (
        "“The mission comes out of our work in the Coalition of the Willing, which was founded "
        "in Lisbon last year and is co-chaired by Chile and Peru,” Boric said at a joint press "
        "conference with his Peruvian counterpart on Monday.",
        "The coalition is co-chaired by Chile and Peru.",
        "Chile and Peru, which chair the initiative, have not set a date.",
        "Chile chairs the coalition together with Peru.",
    ):
        facts = facts_of(text)
        assert not [f for f in facts if f.kind in {FactKind.CHAIR, FactKind.HOST}], text
        assert not coalition_meetings(facts), text


def test_a_chaired_meeting_is_still_read() -> None:
    facts = facts_of("The coalition of the willing meeting on Friday was co-chaired by Chile.")
    assert keyed(facts, FactKind.CHAIR, "chair") == {("2026-05-08-meeting", "CHL")}


def test_taking_part_in_something_else_is_no_meeting() -> None:
    for text in (
        "Coalition of the willing: Peru may help\n"
        "Officials discussed possible ways Peru could take part in guaranteeing the ceasefire.",
        "Coalition of the willing: Peru may help\nPeru is participating in the reassurance force.",
        "Coalition of the willing\nPeru has represented its region at the coalition's meetings.",
    ):
        assert not meetings(facts_of(text)), text


# --- one meeting noun, one meeting -----------------------------------------------------------


def test_a_participle_of_the_meeting_noun_is_the_same_meeting() -> None:
    facts = facts_of(
        "Peru backs the plan\n"
        "Peru spoke.\n"
        "Officials met.\n"
        "“Overnight, I joined a meeting of the Coalition of the Willing convened by Chile and "
        "Peru, alongside Norway,” the minister wrote."
    )
    found = coalition_meetings(facts)
    assert len(found) == 1
    (key,) = found
    assert keyed(facts, FactKind.HOST, "host") == {(key, "CHL"), (key, "PER")}
    assert (key, "NOR") in attended(facts)


def test_a_when_clause_takes_the_day_and_the_coalition_of_the_clause_it_dates() -> None:
    facts = facts_of(
        "Background\n"
        "The coalition of the willing was founded on 3 March 2026, when Chile convened a small "
        "meeting of leaders in Santiago."
    )
    assert "2026-03-03-summit" in coalition_meetings(facts)
    assert keyed(facts, FactKind.HOST, "host") == {("2026-03-03-summit", "CHL")}


def test_joining_via_a_video_conference_is_how_one_attended_not_another_meeting() -> None:
    facts = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "The coalition of the willing met in Lima today.\n"
        "Chile attended in person, while Peru joined via video conference."
    )
    assert coalition_meetings(facts) == {"2026-05-11-summit"}
    assert {p for _, p in attended(facts)} >= {"CHL", "PER"}


def test_the_bare_meeting_after_another_forums_meeting_in_the_lead_is_that_one() -> None:
    facts = facts_of(
        "Peru to debate the coalition\n"
        "President Dina Boluarte has convened a meeting of parliamentary factions on the "
        "coalition of the willing.\n"
        "She scheduled the meeting for Thursday."
    )
    assert not coalition_meetings(facts)
    assert all(isinstance(f.args["meeting"], Ref) for f in facts if f.kind is FactKind.MEETING)
