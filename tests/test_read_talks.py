"""Talks and negotiations between parties, and who mediates them, on sentences written for these
tests: a meeting of their own (never the coalition's), each party's participation, the date and
place when given, and the mediator (MEDIATION, ``cow:mediatedBy``)."""

from __future__ import annotations

import datetime as dt

from test_read_meetings import facts_of, keyed, meetings

from cowkg.types import Fact, FactKind


def _one_meeting(facts: list[Fact]) -> tuple[str, Fact]:
    (key, fact), *rest = meetings(facts).items()
    assert not rest, meetings(facts)
    return key, fact


def _parties(facts: list[Fact]) -> set[str]:
    return {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")}


def _mediators(facts: list[Fact]) -> set[str]:
    return {p for _, p in keyed(facts, FactKind.MEDIATION, "mediator")}


def test_negotiations_between_two_parties_launched_and_mediated_by_a_third() -> None:
    facts = facts_of(
        "The fund is meant to back the negotiations launched and mediated by Chile between "
        "Peru and Bolivia in Lima on 3 June."
    )
    key, meeting = _one_meeting(facts)
    assert "-other-" in key and "body" not in meeting.args
    assert meeting.args["date"] == dt.date(2026, 6, 3)
    assert keyed(facts, FactKind.MEETING_PLACE, "place") == {(key, "lima")}
    assert _parties(facts) == {"PER", "BOL"}
    assert _mediators(facts) == {"CHL"}
    assert not keyed(facts, FactKind.HOST, "host")


def test_talks_brokered_by_a_third_party_take_the_day_their_clause_writes() -> None:
    facts = facts_of(
        "Talks between Peru and Bolivia brokered by Chile took place in Lima on 4 June."
    )
    key, meeting = _one_meeting(facts)
    assert meeting.args["date"] == dt.date(2026, 6, 4)  # not the report's day
    assert "-other-" in key
    assert _parties(facts) == {"PER", "BOL"}
    assert _mediators(facts) == {"CHL"}


def test_an_active_mediator_and_a_dashed_one() -> None:
    active = facts_of("Chile mediated talks between Peru and Bolivia in Lima on 3 June.")
    assert _parties(active) == {"PER", "BOL"} and _mediators(active) == {"CHL"}
    dashed = facts_of("Chile-brokered negotiations between Peru and Bolivia ended on 5 June.")
    assert _parties(dashed) == {"PER", "BOL"} and _mediators(dashed) == {"CHL"}
    held = facts_of("Peru and Bolivia held talks in Lima on Tuesday, mediated by Chile.")
    assert _parties(held) == {"PER", "BOL"} and _mediators(held) == {"CHL"}


def test_parties_dashed_before_the_talks() -> None:
    facts = facts_of("After tense Peru–Chile talks in Quito on 3 June, a new draft circulated.")
    key, meeting = _one_meeting(facts)
    assert "-other-" in key and meeting.args["date"] == dt.date(2026, 6, 3)
    assert _parties(facts) == {"PER", "CHL"}
    assert not _mediators(facts)


def test_negotiations_with_a_party() -> None:
    facts = facts_of("Peru held negotiations with Bolivia in Lima on 5 June.")
    key, _ = _one_meeting(facts)
    assert "-other-" in key
    # who holds talks with another hosts them (and so attends: cowkg.derive); the other attends
    assert keyed(facts, FactKind.HOST, "host") == {(key, "PER")}
    assert _parties(facts) == {"BOL"}


def test_planned_supposed_or_denied_talks_are_no_meeting() -> None:
    for text in (
        "Chile would mediate talks between Peru and Bolivia.",
        "Chile could broker negotiations between Peru and Bolivia.",
        "There were no talks between Peru and Bolivia in June.",
    ):
        facts = facts_of(text)
        assert not meetings(facts), text
        assert not _parties(facts) and not _mediators(facts), text


def test_negotiations_without_parties_name_no_meeting() -> None:
    for text in (
        "Negotiations on a ceasefire continued on 6 June.",
        "Peru said the matter belongs within negotiations.",
        "The negotiations launched with great hopes in Lima stalled on 6 June.",
    ):
        assert not meetings(facts_of(text)), text


def test_talks_on_a_state_make_it_no_party() -> None:
    facts = facts_of("Leaders held talks on Peru in Lima on 4 June.")
    assert "PER" not in _parties(facts)
    assert not _mediators(facts)


def test_a_coalition_meeting_is_not_mediated_by_its_host() -> None:
    facts = facts_of(
        "Chile hosted a meeting of the coalition of the willing in Lima on 3 June, attended by "
        "Peru and Bolivia."
    )
    assert keyed(facts, FactKind.HOST, "host") == {("2026-06-03-meeting", "CHL")}
    assert not _mediators(facts)


def test_in_the_event_of_is_a_condition_not_an_event() -> None:
    facts = facts_of(
        "Peru is ready to send troops in the event of a truce with Bolivia, and Chile in the "
        "event that talks succeed."
    )
    assert not meetings(facts)
    assert not _parties(facts)


def test_a_later_summit_does_not_join_the_negotiations_before_it() -> None:
    facts = facts_of(
        "The plan backs the negotiations launched by Chile between Peru and Bolivia. It has "
        "three parts. The first is a fund.\n"
        "Participants at the summit agreed on the fund, and Ecuador attended the summit."
    )
    negotiations = [k for k in meetings(facts) if "-other-" in k]
    assert len(negotiations) == 1
    by_meeting = keyed(facts, FactKind.PARTICIPATION, "participant")
    assert {p for m, p in by_meeting if m in negotiations} == {"PER", "BOL"}


def test_a_person_mediates_once_per_sentence() -> None:
    facts = facts_of(
        "Talks between Peru and Bolivia mediated by Foreign Minister Ana Ruiz resumed in Lima "
        "on 8 June."
    )
    mediations = [f for f in facts if f.kind is FactKind.MEDIATION]
    assert len(mediations) == 1 and _mediators(facts) == {"ana-ruiz"}
    assert _parties(facts) == {"PER", "BOL"}
