"""Intentions, plans in preparation and proposals, on sentences written for these tests (Chile,
Peru and a fictional border mission: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures.structure import reading_of

from cowkg.read.mappings import MAPPINGS
from cowkg.read.mappings.plans import plans
from cowkg.types import EntityKind, Fact, FactKind, Ref

PUBLISHED = dt.date(2026, 5, 14)


def planned(text: str) -> list[Fact]:
    return list(plans(reading_of(text, published=PUBLISHED)))


def parties(fact: Fact) -> list[str]:
    found = fact.args["planned_by"]
    assert isinstance(found, tuple)
    return [r.key for r in found]


def test_the_mapping_is_registered_and_an_intention_is_a_plan_of_its_party() -> None:
    assert ("plan", plans) in MAPPINGS
    text = "Peru plans to send engineers in June."
    (fact,) = planned(text)
    assert fact.kind is FactKind.PLAN and fact.method == "rule:plan"
    assert parties(fact) == ["PER"] and fact.args["plan_kind"] == "plan"
    assert fact.args["aim"] == "to send engineers in June"
    assert fact.args["status"] == "intended"
    plan = fact.args["plan"]
    assert isinstance(plan, Ref) and plan.kind is EntityKind.PLAN
    assert plan.label == "plan of Peru to send engineers in June"
    assert [s.text for s in fact.evidence] == [text]


@pytest.mark.parametrize(
    ("text", "who", "aim", "status"),
    [
        ("Chile and Peru intend to host the next summit.", ["CHL", "PER"],
         "to host the next summit", "intended"),
        ("Gabriel Boric aims to open the border by June.", ["gabriel-boric"],
         "to open the border by June", "intended"),
        ("Chile is preparing to open a field hospital.", ["CHL"], "to open a field hospital",
         "in-preparation"),
        ("Peru is working on a plan to rebuild the bridges.", ["PER"], "to rebuild the bridges",
         "in-preparation"),
    ],
)  # fmt: skip
def test_intentions_and_plans_in_preparation(
    text: str, who: list[str], aim: str, status: str
) -> None:
    (fact,) = planned(text)
    assert (parties(fact), fact.args["aim"], fact.args["status"]) == (who, aim, status)


def test_a_proposal_is_a_statement() -> None:
    (fact,) = planned("Peru proposed that the engineers deploy in June.")
    assert fact.kind is FactKind.STATEMENT and fact.args["speech_act"] == "proposed"
    assert fact.args["text"] == "the engineers deploy in June"


@pytest.mark.parametrize(
    "text",
    [
        "Chile does not plan to send engineers.",  # negated
        "Chile might plan to send engineers.",  # only possible
        "Peru will prepare to send engineers.",  # not yet
        "Officials plan to send engineers.",  # no named party
        "Peru is planning.",  # nothing said to be planned
        "Peru prepared the report.",  # preparing a thing is no intention
    ],
)
def test_no_plan(text: str) -> None:
    assert planned(text) == []


def test_a_proposal_a_misread_conjunct_gives_its_own_content_subject_is_none() -> None:
    assert (
        planned(
            "Chile is facing a trade war with Peru, with Dina Boluarte imposing tariffs on copper "
            "since March, and repeatedly proposing Chile should join Peru."
        )
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru had prepared a revised plan to be shared with Brazil.",  # done; passive
        "Peru prepared a plan to rebuild the bridges.",  # drafted, not in the making
        "A group of countries prepared to defend the truce met in Lima.",  # a participle
        "A joint Chilean-Peruvian delegation planning to visit Lima arrived.",  # a participle
    ],
)
def test_no_intention_of_these(text: str) -> None:
    assert [f for f in planned(text) if f.kind is FactKind.PLAN] == []


def test_a_party_s_word_inside_a_common_noun_subject_is_not_the_planner() -> None:
    text = (
        "The first involves a strong army, with a joint Chilean-Peruvian delegation planning to "
        "visit Lima."
    )
    assert planned(text) == []


def test_a_bare_title_plans_as_the_person_last_named_with_it() -> None:
    (fact,) = planned("Prime Minister Mark Carney landed. The prime minister plans to visit Lima.")
    assert parties(fact) == ["mark-carney"] and fact.args["aim"] == "to visit Lima"
