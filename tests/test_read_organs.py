"""Organisations named after a state or a known body (:func:`cowkg.read.agents.with_open_mentions`,
:mod:`cowkg.read.mappings.organs`), on sentences written for these tests (nothing from a seed or
an article)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_read_documents import facts_of, reading_of

from cowkg.read.agents import NAMED_AFTER
from cowkg.read.mappings.organs import organ_states
from cowkg.read.mappings.statements import read_statements
from cowkg.types import FactKind, MentionKind, Ref


def mentions(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, text, key of ``of``) of each state, organisation, title and person mention."""
    kinds = {MentionKind.STATE, MentionKind.ORGANIZATION, MentionKind.ROLE, MentionKind.PERSON}
    return [
        (m.kind.value, m.span.text, m.of.key if m.of else None)
        for m in reading_of(text).mentions
        if m.kind in kinds
    ]


@pytest.mark.parametrize(
    ("text", "name", "state"),
    [
        ("The Danish Armed Forces said they had repelled it.", "Danish Armed Forces", "DNK"),
        ("On Friday the Belgian Army will start the drills.", "Belgian Army", "BEL"),
        # spaCy leaves the demonym outside the entity: the name still takes it in
        ("The Polish Foreign Ministry denied on Monday that Poland would send troops.",
         "Polish Foreign Ministry", "POL"),
    ],
)  # fmt: skip
def test_a_state_organ_named_after_its_state_is_one_organisation(
    text: str, name: str, state: str
) -> None:
    found = mentions(text)
    assert ("organization", name, state) in found
    assert not any(kind == "state" and words in name for kind, words, _ in found)


def test_a_body_named_after_a_people_gets_no_state() -> None:
    found = mentions("The Norwegian Refugee Council warned of shortages in the winter.")
    assert found == [("organization", "Norwegian Refugee Council", None)]


def test_a_known_body_opening_a_name_is_part_of_it() -> None:
    found = mentions("In a May briefing by the European Parliament Research Service, costs rose.")
    assert found == [("organization", "European Parliament Research Service", None)]


@pytest.mark.parametrize(
    "text",
    [
        "The French and British armies will train together in Estonia.",
        "Ukrainian officials welcomed the plan on Tuesday.",
        "A Polish ministry denied the report.",
        "Two Lithuanian army officers met in Ghent.",
    ],
)
def test_no_name_no_organisation(text: str) -> None:
    found = mentions(text)
    assert any(kind == "state" for kind, _, _ in found)
    assert not any(m.form == NAMED_AFTER for m in reading_of(text).mentions), (
        "a demonym before a common noun or a list of demonyms names no organisation"
    )


def test_a_title_after_the_name_is_the_organisations_post() -> None:
    found = mentions("The Swedish Refugee Council President Jana Meier visited Oslo on Monday.")
    assert ("role", "President", "swedish-refugee-council") in found
    assert ("person", "Jana Meier", "swedish-refugee-council") in found


def test_a_state_organ_is_based_in_its_state() -> None:
    text = "The Dutch Defence Ministry and the Norwegian Refugee Council signed the deal."
    assert facts_of(organ_states, text) == [
        {
            "organization": "dutch-defence-ministry",
            "state": "NLD",
            "kind": FactKind.BASED_IN,
        }
    ]


def test_a_state_organ_speaks_on_behalf_of_its_state() -> None:
    reading = reading_of("The Danish Armed Forces said on Monday that the drills would go on.")
    [fact] = read_statements(reading)
    speaker, behalf = fact.args["speaker"], fact.args["on_behalf_of"]
    assert isinstance(speaker, Ref) and isinstance(behalf, Ref)
    assert (speaker.key, behalf.key) == ("danish-armed-forces", "DNK")
    assert fact.args["date"] == dt.date(2026, 5, 11)


def test_the_name_alone_is_the_evidence_of_where_the_organ_is() -> None:
    reading = reading_of("The Danish Armed Forces will defend Danish airspace in June.")
    [fact] = organ_states(reading)
    assert [span.text for span in fact.evidence] == ["Danish Armed Forces"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Credit: UN OCHA", "UN OCHA"),
        ("The figures come from the EU EEAS and were published on Monday.", "EU EEAS"),
        ("Officers of NATO JFCBS planned the drills.", "NATO JFCBS"),
    ],
)
def test_a_known_body_before_its_agencys_acronym_is_one_organisation(text: str, name: str) -> None:
    found = mentions(text)
    assert ("organization", name, None) in found
    assert not any(t != name and t in name for _, t, _ in found)


@pytest.mark.parametrize(
    "text",
    ["The EU NATO liaison office met.", "The UN USA office is closed.",
     "The UN IT desk is closed."],
)  # fmt: skip
def test_a_body_before_another_mention_or_a_short_word_stays_itself(text: str) -> None:
    assert not any(len(t.split()) > 1 for k, t, _ in mentions(text) if k == "organization")
