"""Which meetings are the coalition's, and which clauses speak of which meeting (issue 10):
sentences written for these tests, in the classes the development articles showed."""

from __future__ import annotations

from cowkg.types import Fact, FactKind
from tests.test_read_meetings import facts_of, keyed, meetings


def coalition_meetings(facts: list[Fact]) -> set[str]:
    return {
        key
        for key, fact in meetings(facts).items()
        if getattr(fact.args.get("body"), "key", None) == "coalition-of-the-willing"
    }


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
    found = meetings(facts)
    assert len(found) == 1 and "-other-" in next(iter(found))


# --- class 1: meetings the text relates to the coalition without naming it there --------------


def test_a_meeting_held_for_the_coalitions_business_is_the_coalitions() -> None:
    for text, key in (
        (
            "Peru weighs a deployment\n"
            "Peru's president said on Tuesday she was invited to a new meeting in Lima on 20 May "
            "to continue preparations for a peacekeeping force in Ukraine.",
            "2026-05-20-meeting",
        ),
        (
            "Chile ready to help\n"
            "Defence chiefs gathered in Lima on Thursday to plan the reassurance force for "
            "Ukraine.",
            "2026-05-07-military",
        ),
        (
            "Peru took part in a video call of world leaders on Saturday focused on security "
            "guarantees for Ukraine.",
            "2026-05-09-summit",
        ),
    ):
        assert key in coalition_meetings(facts_of(text)), text


def test_a_meeting_of_another_body_or_on_a_states_own_role_is_not_made_the_coalitions() -> None:
    for text in (
        "EU leaders met in Brussels on Thursday to discuss security guarantees for Ukraine.",
        "NATO defence ministers gathered in Brussels on Thursday to discuss peacekeeping in "
        "Ukraine.",
        "Peru's president met Chile's president on Thursday to discuss their countries' role in "
        "the peacekeeping force.",
        "Peru held talks with the US president on Thursday on security guarantees for Ukraine.",
        "Ministers met in Lima on Thursday to discuss fishing quotas.",
    ):
        assert not coalition_meetings(facts_of(text)), text


def test_an_earlier_step_of_the_coalitions_series_is_the_coalitions() -> None:
    facts = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "Leaders of the coalition of the willing met in Lima today.\n"
        "Chile attended.\n"
        "This latest summit follows an initial meeting of leaders in Quito last month, followed "
        "by a meeting of defence chiefs in Bogota."
    )
    places = keyed(facts, FactKind.MEETING_PLACE, "place")
    found = coalition_meetings(facts)
    assert {p for m, p in places if m in found} >= {"lima", "quito", "bogota"}


def test_building_on_or_coming_after_a_meeting_links_it_to_the_coalitions_series() -> None:
    built = facts_of(
        "Peru to host a call\n"
        "Peru is to host a virtual summit of the coalition of the willing on Saturday, building "
        "on the recent gathering in Quito."
    )
    places = keyed(built, FactKind.MEETING_PLACE, "place")
    assert {m for m, p in places if p == "quito"} <= coalition_meetings(built)
    assert {p for _, p in places} == {"quito"}
    after = facts_of(
        "Coalition of the willing defence chiefs meet in Lima\n"
        "Defence chiefs of the coalition of the willing met in Lima on Thursday.\n"
        "This comes after a 2 May summit where leaders agreed to help Ukraine."
    )
    assert "2026-05-02-summit" in coalition_meetings(after)


def test_another_forums_meeting_in_the_series_sentence_stays_its_own() -> None:
    facts = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "Leaders of the coalition of the willing met in Lima today.\n"
        "The summit follows a NATO summit in Quito and comes after talks with the US president."
    )
    assert coalition_meetings(facts) == {"2026-05-11-summit"}


# --- class 2: dates written on the meeting noun or beside it ----------------------------------


def test_a_participle_of_the_meetings_phrase_dates_it() -> None:
    facts = facts_of(
        "Chile joins a call\n"
        "Chile spoke.\n"
        "Peru spoke.\n"
        "Chile took part in a virtual meeting of world leaders hosted by Peru on Saturday, "
        "focused on the coalition of the willing."
    )
    assert "2026-05-09-summit" in coalition_meetings(facts)


def test_a_meeting_something_happens_ahead_of_takes_no_place_of_the_clause() -> None:
    facts = facts_of(
        "Peru backs Ukraine\n"
        "Peru's president met Chile's president at the palace in Lima on Friday ahead of the "
        "so-called coalition of the willing meeting.\n"
        "Norway will attend the Lima summit."
    )
    found = coalition_meetings(facts)
    assert found
    palace = {m for m, p in keyed(facts, FactKind.MEETING_PLACE, "place") if "palace" in p}
    assert not palace & found


def test_talks_between_two_states_presented_as_the_series_step_before_are_the_coalitions() -> None:
    facts = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "Leaders of the coalition of the willing have gathered in Lima today.\n"
        "Chile attended.\n"
        "This latest summit follows a meeting between defence officials from Chile and Peru."
    )
    found = coalition_meetings(facts)
    assert len(found) == 2
    (earlier,) = found - {"2026-05-11-summit"}
    assert {(earlier, "CHL"), (earlier, "PER")} <= attended(facts)
    bilateral = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "Leaders of the coalition of the willing have gathered in Lima today.\n"
        "Peru's president met Chile's president on Friday."
    )
    assert coalition_meetings(bilateral) == {"2026-05-11-summit"}


def test_a_meeting_last_week_is_not_a_meeting_of_another_week_at_the_same_place() -> None:
    facts = facts_of(
        "Peru to attend Lima summit\n"
        "Peru's president was invited to a new meeting in Lima on 20 May to continue "
        "preparations for a peacekeeping force.\n"
        "Peru spoke.\n"
        "Last week, the countries' defence chiefs met in Lima."
    )
    in_lima = {m for m, p in keyed(facts, FactKind.MEETING_PLACE, "place") if p == "lima"}
    assert len(in_lima) == 2
    assert {m[:10] for m in in_lima} == {"2026-05-20", "undated-mi"}


def test_a_meeting_last_week_does_not_merge_into_the_dated_one_at_the_same_place() -> None:
    facts = facts_of(
        "Peru to attend\n"
        "Peru will attend a meeting of the coalition of the willing in Lima on 20 May.\n"
        "Peru spoke.\n"
        "Chile spoke.\n"
        "Last week, defence chiefs met in Lima."
    )
    in_lima = {m for m, p in keyed(facts, FactKind.MEETING_PLACE, "place") if p == "lima"}
    assert len(in_lima) == 2


def test_those_set_or_expected_to_attend_are_the_attendees_of_the_plan() -> None:
    facts = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "Leaders of the coalition of the willing gather in Lima today.\n"
        "Chile and Peru were set to attend the Lima summit."
    )
    assert {p for _, p in attended(facts)} >= {"CHL", "PER"}


def test_another_meeting_on_the_same_day_is_not_the_coalitions() -> None:
    facts = facts_of(
        "Coalition of the willing leaders meet in Lima\n"
        "Leaders of the coalition of the willing met in Lima on Friday.\n"
        "Peru attended.\n"
        "Earlier on Friday the Peruvian president held another meeting with Chile."
    )
    found = coalition_meetings(facts)
    assert "CHL" not in {p for m, p in attended(facts) if m in found}


def test_who_invites_to_a_meeting_hosts_it_and_the_invited_do_not() -> None:
    facts = facts_of(
        "Peru weighs a deployment\n"
        "Peru's President Dina Boluarte has invited leaders to a new meeting in Lima on 20 May "
        "to continue preparations for a peacekeeping force.\n"
        "Chile was invited by Ecuador to the summit."
    )
    hosts = {h for _, h in keyed(facts, FactKind.HOST, "host")}
    assert {"PER", "ECU"} <= hosts
    assert "CHL" not in hosts | {p for _, p in attended(facts)}
    assert not attended(facts) & {(m, "PER") for m, _ in attended(facts)}  # not there yet
    assert not keyed(facts_of("Peru invited Chile to join the force."), FactKind.HOST, "host")


def test_who_was_there_alongside_in_a_predicate_joined_to_the_attendance() -> None:
    facts = facts_of(
        "Chile joins a call\n"
        "Chile spoke.\n"
        "Peru spoke.\n"
        "Chile took part in a virtual meeting of world leaders on Saturday, focused on the "
        "coalition of the willing, alongside Norway and Denmark."
    )
    key = "2026-05-09-summit"
    assert key in coalition_meetings(facts)
    assert {(key, "CHL"), (key, "NOR"), (key, "DNK")} <= attended(facts)
    absent = facts_of(
        "Chile joins a call\n"
        "Chile spoke.\n"
        "Peru spoke.\n"
        "Chile took part in a virtual meeting of world leaders on Saturday and said it would "
        "act alongside Norway."
    )
    assert "NOR" not in {p for _, p in attended(absent)}


def test_a_meeting_beside_a_despite_clause_is_that_clauses_not_the_negated_ones() -> None:
    facts = facts_of(
        "Coalition of the willing\n"
        "Chile spoke on 1 May 2026.\n"
        "Despite being represented in the virtual meeting on 15 March, and the 10 April "
        "meeting, Peru was not represented in the later 20 April and 30 April meetings."
    )
    absent = keyed(facts, FactKind.NON_ATTENDANCE, "party")
    # both later meetings (the plural noun dates two), none of the "despite" clause's
    assert {m[:10] for m, _ in absent} == {"2026-04-20", "2026-04-30"}
