"""Stances (:mod:`cowkg.read.mappings.stances`), on sentences written for these tests (fictional
people; Chile, Peru, Bolivia, Ecuador: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures.structure import keyed, reading_of

from cowkg.read.mappings import MAPPINGS
from cowkg.read.mappings.about import is_question
from cowkg.read.mappings.stances import stances
from cowkg.read.units import Unit, UnitKind, units
from cowkg.types import Fact, FactKind, Source

PUBLISHED = dt.date(2026, 5, 14)


def found(text: str) -> list[Fact]:
    return list(stances(reading_of(text, published=PUBLISHED)))


def read_units(text: str) -> list[Unit]:
    return units(Source("t.txt", text, "t", "en", "news", PUBLISHED))


def rows(text: str) -> list[dict[str, object]]:
    return [{k: keyed(v) for k, v in f.args.items()} for f in found(text)]


def pairs(text: str) -> set[tuple[object, object, object]]:
    """(holder, polarity, target or issue) of every stance read."""
    return {(r["holder"], r["polarity"], r.get("target", r["issue"])) for r in rows(text)}


def test_the_mapping_is_registered_and_cites_the_sentence() -> None:
    assert ("stance", stances) in MAPPINGS
    text = "Chile backed Peru on 3 May."
    (fact,) = found(text)
    assert fact.kind is FactKind.STANCE and fact.method == "rule:stance"
    assert [s.text for s in fact.evidence] == [text]
    assert fact.args["date"] == dt.date(2026, 5, 3)


def test_a_verb_of_opposition_toward_a_party() -> None:
    assert pairs("Chile fought Bolivia. Peru pressured Ecuador.") == {
        ("CHL", "opposition", "BOL"),
        ("PER", "opposition", "ECU"),
    }


def test_a_verb_of_support_with_a_party_as_object() -> None:
    assert rows("Chile backed Peru.") == [
        {"holder": "CHL", "polarity": "support", "target": "PER", "issue": "Peru"}
    ]


def test_a_list_of_holders_each_holds_the_stance() -> None:
    assert pairs("Chile, Peru and Bolivia backed Ecuador.") == {
        ("CHL", "support", "ECU"),
        ("PER", "support", "ECU"),
        ("BOL", "support", "ECU"),
    }


def test_each_conjoined_target_is_a_stance_of_its_own() -> None:
    assert pairs("Chile stands by Peru and Bolivia.") == {
        ("CHL", "support", "PER"),
        ("CHL", "support", "BOL"),
    }


def test_the_passive_by_agent_holds_the_stance_on_a_thing_without_its_relative_clause() -> None:
    assert rows("The accord, which Bolivia signed in Lima, was opposed by Chile.") == [
        {"holder": "CHL", "polarity": "opposition", "issue": "The accord"}
    ]


def test_a_thing_opposed_names_the_parties_it_is_about() -> None:
    (row,) = rows("The plan to send troops to Peru was strongly opposed by Bolivia.")
    assert row["holder"] == "BOL" and row["polarity"] == "opposition"
    assert row["issue"] == "The plan to send troops to Peru" and row["about"] == ("PER",)
    assert "target" not in row


def test_the_leader_of_a_holder_opposes_too() -> None:
    assert pairs("Chile, led by President Ana Ruiz, opposed the proposal.") == {
        ("CHL", "opposition", "the proposal"),
        ("ana-ruiz", "opposition", "the proposal"),
    }


def test_a_group_of_no_named_party_led_by_one_gives_the_leader_only() -> None:
    assert pairs("The idea was opposed by several countries, led by Bolivia.") == {
        ("BOL", "opposition", "The idea")
    }


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Chile will support Peru.", "future"),
        ("Chile plans to support Peru.", "planned"),
        ("Peru is expected to back Chile.", "expected"),
    ],
)
def test_a_stance_not_simply_asserted_keeps_its_modality(text: str, modality: str) -> None:
    (row,) = rows(text)
    assert row["modality"] == modality and row["polarity"] == "support"


def test_a_commitment_of_others_over_a_noun_is_not_the_holders() -> None:
    (row,) = rows("Officials committed to a force supported by Chile.")
    assert row["holder"] == "CHL" and "modality" not in row


def test_a_commitment_to_defend_a_party_is_a_committed_stance_of_the_coalition() -> None:
    (row,) = rows("Leaders of the Coalition of the Willing, who commit to defending Peru, met.")
    assert row["holder"] == "coalition-of-the-willing" and row["target"] == "PER"
    assert row["modality"] == "committed"


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Bolivia re-emerged as Peru's strongest backers.",
        "Chile and Bolivia are partners of Peru.",
        "Chile and Bolivia, Peru's backers, met.",
        "Peru's partners, including Chile and Bolivia, met.",
    ],
)
def test_a_noun_of_stance_said_of_named_parties(text: str) -> None:
    assert pairs(text) == {("CHL", "support", "PER"), ("BOL", "support", "PER")}


def test_the_backer_is_the_subject_of_the_verb_of_its_as_phrase_not_of_the_main_clause() -> None:
    assert pairs("Chile was absent as Peru emerged as Bolivia's backer.") == {
        ("PER", "support", "BOL")
    }


@pytest.mark.parametrize(
    "text",
    ["Chile is opposed to Bolivia.", "Chile remains strongly opposed to Bolivia."],
)
def test_opposed_to_a_party(text: str) -> None:
    assert pairs(text) == {("CHL", "opposition", "BOL")}


def test_being_opposed_to_a_thing_names_the_parties_it_is_about() -> None:
    (row,) = rows("Chile remains strongly opposed to any deployment of troops in Peru.")
    assert row["issue"] == "any deployment of troops in Peru" and row["about"] == ("PER",)


def test_a_force_supported_by_a_party_is_backed_by_it() -> None:
    (row,) = rows("A force supported by Chile was formed.")
    assert row == {"holder": "CHL", "polarity": "support", "issue": "A force"}


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Peru has stated that it remains opposed to Bolivia.", "PER"),
        ("“We stand against Bolivia,” President Ana Ruiz said.", "ana-ruiz"),
        ("President Ana Ruiz said she backed a tough line against Bolivia.", "ana-ruiz"),
    ],
)
def test_a_pronoun_in_reported_speech_is_its_speaker(text: str, holder: str) -> None:
    assert (holder, "opposition", "BOL") in pairs(text)


def test_would_reported_after_a_past_verb_of_saying_is_the_speakers_will() -> None:
    (row,) = rows("Peru said it would continue to stand with Chile.")
    assert row["holder"] == "PER" and row["target"] == "CHL" and row["modality"] == "future"


def test_a_show_of_support_is_the_support_of_those_who_stage_it() -> None:
    assert pairs("The leaders of Chile and Peru staged a show of support for Ecuador.") == {
        ("CHL", "support", "ECU"),
        ("PER", "support", "ECU"),
    }


def test_a_demonym_on_support_is_its_holder() -> None:
    assert pairs("The minister restated French support for Peru.") == {("FRA", "support", "PER")}


def test_an_opponent_in_apposition() -> None:
    assert pairs("Chile, a strong opponent of Bolivia, spoke on 3 May.") == {
        ("CHL", "opposition", "BOL")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Support for Peru from Chile grew.",
        "Chile's support for Peru is firm.",
        "Chile voiced support for Peru.",
        "With the backing of Chile, Peru held the line.",
        "Peru rebuilt the port, made possible through the support of Chile.",
        "Chile spoke in support of Peru.",
    ],
)
def test_support_as_a_noun_with_its_holder_and_target(text: str) -> None:
    assert pairs(text) == {("CHL", "support", "PER")}


@pytest.mark.parametrize(
    "text",
    [
        "Chile increased pressure on Bolivia.",
        "Chile's pressure on Bolivia grew.",
        "Chile imposed sanctions on Bolivia.",
    ],
)
def test_pressure_and_sanctions_on_a_party_are_opposition(text: str) -> None:
    assert pairs(text) == {("CHL", "opposition", "BOL")}


@pytest.mark.parametrize(
    "text",
    [
        "Peru pledged aid for Chile against French aggression.",
        "Peru reaffirmed the continent's stance against French aggression.",
    ],
)
def test_against_on_an_object_is_its_verbs_subjects_opposition(text: str) -> None:
    assert pairs(text) == {("PER", "opposition", "FRA")}


def test_a_partys_war_against_another_is_the_owners_opposition() -> None:
    assert pairs("Bolivia's war against Peru goes on.") == {("BOL", "opposition", "PER")}


def test_a_partys_conjunct_that_is_no_party_is_no_target() -> None:
    assert pairs("Chile expressed its support for Peru and the hope that talks resume.") == {
        ("CHL", "support", "PER")
    }


def test_against_a_partys_aggression_is_opposition_to_the_party() -> None:
    assert pairs("Chile defended Peru against Bolivia's aggression.") == {
        ("CHL", "support", "PER"),
        ("CHL", "opposition", "BOL"),
    }
    assert pairs("Chile sided with Peru against Bolivia.") == {
        ("CHL", "support", "PER"),
        ("CHL", "opposition", "BOL"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Peru did not back Chile.",  # not backing is no opposition
        "Carlos Ortega no longer stood with Peru.",
        "Chile never backed Peru.",
        "Chile will no longer back Peru.",  # the clause's own polarity
        "Chile is no longer opposed to Peru.",  # on the participle, not the predicate
        "Chile no longer sends troops to Peru.",
        "Chile will no longer provide support to Peru.",
        "Peru must defend its sovereignty and territorial integrity.",  # its own
        "Chile backed its commitments with troops.",  # its own, not a stance toward another
        "Chile has not opposed the plan.",
        "Chile is not an ally of Peru.",
        "Chile refused to back Peru.",
        "Chile could oppose the deal.",
        "Chile may back Peru.",
        "Chile would back Peru if asked.",
        "Peru said it would back Chile if asked.",  # reported, but a condition
        "Peru said he backed Chile.",  # "he" is no state
        "It is unclear whether Chile backs Peru.",
        "Chile considered sending a force to defend Peru too risky.",
        "Observers opposed the plan.",  # no named holder
        "Peru's allies met in Lima.",  # no named holder
        "Systems that support operations were sent.",
        "Chile pledged support for Peru.",  # a pledge, read by the pledges mapping
        "Chile will provide support to Peru.",  # aid, not a stance
        "Chile warned against complacency.",  # against no party
        "Rallies were held in support of Peru.",  # no named holder
        "Chile fought fires.",  # fighting a thing is no stance toward a party
        "Peru took a loan backed by frozen French assets.",  # backed, but by no party
        "That is what the coalition is designed to support.",  # no issue named
        "Back Peru and increase the pressure on Bolivia.",  # an imperative: no holder
    ],
)
def test_no_stance(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Will Chile oppose Bolivia?",
        "Does Chile back Peru?",
        "Peru asked: “Will Chile oppose Bolivia?”",
    ],
)
def test_a_question_takes_no_stance(text: str) -> None:
    assert is_question(read_units(text)[0]) and found(text) == []


def test_a_heading_takes_no_stance_but_the_sentences_under_it_do() -> None:
    text = "Chile backed Peru.\nWhy Chile opposes Bolivia\nPeru opposed Ecuador."
    assert [u.kind for u in read_units(text)][1] is UnitKind.HEADING
    assert pairs(text) == {("CHL", "support", "PER"), ("PER", "opposition", "ECU")}
