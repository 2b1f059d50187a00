"""The clause records of the reading layer, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.clauses import Action, Clause
from cowkg.read.mappings import read
from cowkg.types import FactKind, Source
from tests.test_read_meetings import facts_of, keyed


def clauses_of(text: str, published: dt.date | None = dt.date(2026, 5, 14)) -> list[Clause]:
    source = Source("t.txt", text, "t", "en", "news", published)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(read(source, mentions).clauses())


def only(clauses: list[Clause], action: Action) -> Clause:
    found = [c for c in clauses if c.action is action]
    assert len(found) == 1, [(c.predicate, c.action) for c in clauses]
    return found[0]


def keys(clause: Clause, *roles: str) -> list[str]:
    return [m.value.key for m in clause.agents(*roles)]  # type: ignore[union-attr]


def test_passive_attendance_names_its_agents_by() -> None:
    clause = only(
        clauses_of("The Oslo talks were attended by Chile, Peru and NATO."), Action.ATTEND
    )
    assert clause.passive
    assert keys(clause, "by") == ["CHL", "PER", "nato"]


def test_active_attendance_names_its_subjects() -> None:
    clause = only(clauses_of("Chile and Peru attended the call on Monday."), Action.ATTEND)
    assert keys(clause, "subject") == ["CHL", "PER"]
    assert clause.date == dt.date(2026, 5, 11)
    assert clause.tense == "past" and clause.polarity


def test_negation_and_absence() -> None:
    clause = only(clauses_of("Peru did not take part in the meeting."), Action.ATTEND)
    assert not clause.polarity and keys(clause, "subject") == ["PER"]
    absent = only(clauses_of("Chile was absent from the talks."), Action.ABSENT)
    assert absent.polarity and keys(absent, "subject") == ["CHL"]


@pytest.mark.parametrize(
    "text",
    ["Peru no longer attends the talks.", "Peru will no longer attend the talks."],
)
def test_no_longer_negates_the_clause(text: str) -> None:
    assert not only(clauses_of(text), Action.ATTEND).polarity


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Chile will send 300 soldiers.", "future"),
        ("Chile would send 300 soldiers.", "conditional"),
        ("Chile plans to send 300 soldiers.", "planned"),
        ("Chile sent 300 soldiers.", "asserted"),
    ],
)
def test_modality_of_a_pledge(text: str, modality: str) -> None:
    clause = only(clauses_of(text), Action.PLEDGE)
    assert clause.modality == modality
    assert keys(clause, "subject") == ["CHL"]
    assert [q.span.text for q in clause.quantities] == ["300 soldiers"]


def test_reported_speech_has_its_speaker_and_an_untitled_person_is_recognised() -> None:
    clauses = clauses_of("Gabriel Boric said Chile would contribute 40 engineers.")
    pledge = only(clauses, Action.PLEDGE)
    assert pledge.speaker is not None
    assert pledge.speaker.mention.value.key == "gabriel-boric"  # type: ignore[union-attr]
    assert keys(pledge, "subject") == ["CHL"]


def test_a_conjunct_inherits_subject_and_date_but_an_own_subject_is_kept() -> None:
    clauses = clauses_of("On 3 June 2026 Peru hosted the talks and pledged 5 million euros.")
    pledge = only(clauses, Action.PLEDGE)
    assert keys(pledge, "subject") == ["PER"] and pledge.date == dt.date(2026, 6, 3)
    clauses = clauses_of("Peru will send troops if the truce holds.")
    assert not [c for c in clauses if c.predicate == "hold" and c.agents("subject")]


def test_a_fronted_participle_takes_the_subject_of_the_clause_it_opens() -> None:
    clauses = clauses_of("After attending the talks in Lima, Peru pledged 5 million euros.")
    attend = only(clauses, Action.ATTEND)
    assert keys(attend, "subject") == ["PER"]
    passive = clauses_of(
        "Despite being represented at the summit, Chile was absent from the talks."
    )
    represented = [c for c in passive if c.predicate == "represent"]
    assert [keys(c, "object") for c in represented] == [["CHL"]]  # Chile was represented
    own = clauses_of("Before Peru joined the talks, Chile pledged 5 million euros.")
    assert keys(only(own, Action.JOIN), "subject") == ["PER"]  # a subject of its own is kept


def test_a_verb_the_parse_reads_as_a_noun_after_a_modal_and_a_date_is_the_predicate() -> None:
    clause = only(
        clauses_of("Chile's army chief will on Friday host a meeting of the coalition in Lima."),
        Action.HOST,
    )
    assert clause.modality == "future"


def test_a_second_by_agent_the_parse_makes_a_conjunct_is_an_agent() -> None:
    clause = only(
        clauses_of("The summit was attended by Chile and by the prime minister of Peru."),
        Action.ATTEND,
    )
    assert keys(clause, "by") == ["CHL", "prime-minister", "PER"]


def test_a_relative_clause_on_a_date_is_dated_by_it() -> None:
    clause = only(
        clauses_of("It began on 12 March, when Chile convened a meeting of ministers."),
        Action.MEET,
    )
    assert clause.date == dt.date(2026, 3, 12)


@pytest.mark.parametrize("bullet", ["•", "-", "–", "*"])
def test_a_bullet_is_no_word_of_its_item(bullet: str) -> None:
    text = f"{bullet} Peru stated that the engineers will deploy in June."
    source = Source("t.txt", text, "t", "en", "news", dt.date(2026, 5, 14))
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    ((unit, clauses),) = read(source, mentions).units
    assert unit.kind.value == "list-item" and unit.text == text[2:]
    assert unit.start == 2 and source.text[unit.start : unit.end] == unit.text
    said = only(clauses, Action.SAY)
    assert said.predicate == "state" and keys(said, "subject") == ["PER"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # spaCy types the second spelling an organisation; it is the president titled before
        (
            "President Volodymyr Zelenskyy spoke. Volodymyr Zelenskiy arrived in Oslo on Monday.",
            {"person"},
        ),
        (
            "President Volodymyr Zelenskyy spoke. The Baltic Security Forum opened in Oslo.",
            {"organization"},
        ),
        ("Talks at the Oval Office ended on Friday.", {"place"}),  # a room, no organisation
        ("Peru cited the Lima Memorandum of 1994 in its reply.", set()),  # a document
        ("CHILE Territorial control in two regions as of 5 May", set()),  # a map's caption
    ],
)
def test_a_known_person_or_a_venue_is_no_organisation(text: str, kinds: set[str]) -> None:
    source = Source("t.txt", text, "t", "en", "news", dt.date(2026, 5, 14))
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    last = text.rsplit(". ", 1)[-1]
    found = {
        m.kind.value
        for m in mentions
        if m.span.start >= len(text) - len(last)
        and m.kind.value in {"person", "organization", "place"}
        and m.span.text not in {"Oslo"}
    }
    assert found == kinds


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("Defence Ministers and Army Chiefs came together in Lima.", False),  # people of a post
        ("The Council of Ministers met in Lima.", True),  # an organisation of them
    ],
)
def test_people_of_a_post_are_no_organisation(text: str, organisation: bool) -> None:
    met = only(clauses_of(text), Action.MEET)
    kinds = {a.mention.kind.value for a in met.arguments}
    assert ("organization" in kinds) is organisation


def test_as_represented_by_names_who_acts_for_a_party_not_an_attendance() -> None:
    """ "X, as represented by Y, did Z": Y acts for X in Z; no meeting is attended. Without the
    "as", being represented by someone at a meeting is attendance still."""
    acting = facts_of(
        "On 3 May 2026, a day after the Lima talks, Peru, as represented by defence minister "
        "Ana Rojas, sent a letter to Chile."
    )
    assert ("ana-rojas") not in {k for _, k in keyed(acting, FactKind.PARTICIPATION, "participant")}
    attended = facts_of(
        "Chile was represented by defence minister Ana Rojas at the summit in Lima on 3 May 2026."
    )
    assert keyed(attended, FactKind.PARTICIPATION, "participant") == {
        ("2026-05-03-summit-lima", "CHL"),
        ("2026-05-03-summit-lima", "ana-rojas"),
    }
