"""Where a force, mission or plan is to go and whom support is for (``cowkg.read.destinations``),
and the facts that carry it: FORCE_STATUS ``deployment_area``, an intention's or a document's
``deployment_area`` / ``beneficiary``, a pledge's ``beneficiary``, a plan point's beneficiary and
the infobox row "Country (to secure)". On sentences written for these tests (Chile, Peru, Moldova,
Estonia, Latvia, Lithuania and a fictional Baltic force: nothing from a seed or an
article)."""

from __future__ import annotations

import pytest
from fixtures.structure import assert_evidence_verbatim, of_kind, synthetic
from test_read_documents import facts_of
from test_read_plans import parties, planned

from cowkg.extract import force, names, tables
from cowkg.mentions import find_mentions
from cowkg.read.destinations import areas, beneficiaries, ruled_out
from cowkg.read.mappings.counts import counts
from cowkg.read.mappings.documents import documents
from cowkg.read.mappings.infobox import infobox
from cowkg.read.mappings.pledges import pledges
from cowkg.types import FactKind, MentionKind, Ref, Source


def _states(text: str) -> tuple[str, list[Ref], list[Ref]]:
    source = Source("t.txt", text, "t", "en", "news")
    states = [m for m in find_mentions(source) if m.kind is MentionKind.STATE]
    found_areas = [m.value for m in areas(text, states, 0, len(text))]
    found_for = [m.value for m in beneficiaries(text, states, 0, len(text))]
    return (
        text,
        [r for r in found_areas if isinstance(r, Ref)],
        [r for r in found_for if isinstance(r, Ref)],
    )


def _keys(refs: list[Ref]) -> list[str]:
    return [r.key for r in refs]


# -- the reading ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Peru wants to send 200 engineers to Moldova.", ["MDA"]),
        ("The brigade was deployed in Estonia last year.", ["EST"]),
        ("Chile could put 5,000 soldiers on the ground in Moldova.", ["MDA"]),
        ("A mission in Estonia and a contingent into Moldova were approved.", ["EST", "MDA"]),
        ("The force is designed to deploy to Moldova after a truce.", ["MDA"]),
        ("Its mandate covers post-war stabilisation in Estonia.", ["EST"]),
        # where it comes from, whose it is, or where talks are: no area
        ("Chilean troops left Peru in May.", []),
        ("Talks in Estonia ended without a deal.", []),
        ("Peru hosted the ministers of Chile.", []),
    ],
)
def test_the_area_is_a_state_a_deployment_word_sends_something_to(
    text: str, where: list[str]
) -> None:
    assert _keys(_states(text)[1]) == where


@pytest.mark.parametrize(
    ("text", "whom"),
    [
        ("Chile pledged support for Moldova.", ["MDA"]),
        ("Peru delivers military aid to Estonia.", ["EST"]),
        ("They discussed security guarantees for Moldova and a loan to Estonia.", ["MDA", "EST"]),
        ("The goal is to guarantee Moldova's security.", ["MDA"]),
        ("Peru will strengthen Estonia's air defences.", ["EST"]),
        ("Chile joined Moldova's post-war reconstruction.", ["MDA"]),
        ("Leaders vowed to defend Estonia.", ["EST"]),
        ("They want to ensure the security of Moldova.", ["MDA"]),
        ("Peru is trying to bolster Estonia's negotiating position.", ["EST"]),
        # who gives, where it happens, whose opinion: no beneficiary
        ("Chile's support was welcomed in Peru.", []),
        ("The summit in Estonia ended.", []),
        ("Peru's position on Moldova has not changed.", []),
        ("Chilean aid arrived.", []),
        ("Peru pledged to support Chile's proposal.", []),  # Chile's proposal, not Chile
    ],
)
def test_the_beneficiary_is_a_state_support_is_for(text: str, whom: list[str]) -> None:
    assert _keys(_states(text)[2]) == whom


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Troops will not be sent to Moldova.", True),
        ("Peru ruled out sending troops to Moldova.", True),
        ("Chile won't deploy to Moldova.", True),
        ("Estonia opposed deploying a force to Moldova.", True),
        ("Peru could scrap plans to send troops to Moldova.", True),
        ("Peru will send troops to Moldova.", False),
        ("A non-permanent force will deploy to Moldova.", False),
    ],
)
def test_a_negation_or_refusal_before_the_state_rules_it_out(text: str, refused: bool) -> None:
    assert ruled_out(text, 0, text.index("Moldova")) is refused


# -- the force's deployment area (FORCE_STATUS) -------------------------------------------------

BALTIC = (
    "Baltic Guard\n\n"
    "The Baltic Guard Force (BGF) is a proposed multinational force, designed to deploy to "
    "Estonia only after a signed armistice.\n\n"
    "The Baltic Guard Force (BGF) would also support post-war stabilisation in Latvia.\n\n"
    "The Baltic Guard Force (BGF) will not be sent to Lithuania, ministers said.\n\n"
    "The Baltic Guard Force (BGF) includes Finnish troops.\n"
)


def _force_facts(text: str) -> list[dict[str, object]]:
    source, known = synthetic(text)
    facts = force.extract_force_facts(source, known, names.forces(names.read_names(source)))
    assert_evidence_verbatim(facts, source)
    return of_kind(facts, FactKind.FORCE_STATUS)


def test_a_force_gets_the_area_it_is_to_deploy_or_act_in_and_no_ruled_out_one() -> None:
    found = _force_facts(BALTIC)
    assert [(f.get("status"), f["deployment_area"]) for f in found] == [
        ("proposed", "EST"),
        (None, "LVA"),
    ]
    assert found[0]["condition"] == "signed armistice"


def test_a_sentence_without_a_force_in_reach_gives_no_area() -> None:
    assert _force_facts("Peru\n\nPeru will send engineers to Estonia.\n") == []


# -- intentions (PLAN) -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "area", "whom"),
    [
        ("Peru plans to send 300 engineers to Moldova.", "MDA", None),
        ("Chile intends to deploy a field hospital in Estonia.", "EST", None),
        ("Chile aims to guarantee Moldova's security after the truce.", None, "MDA"),
        ("Peru is working on a plan to deliver aid to Estonia.", None, "EST"),
        ("Peru plans to host the ministers in June.", None, None),
        ("Chile and Peru are working to strengthen Moldova's hand in talks.", None, "MDA"),
    ],
)
def test_an_intention_carries_where_it_goes_and_whom_it_is_for(
    text: str, area: str | None, whom: str | None
) -> None:
    (fact,) = planned(text)
    found_area, found_for = fact.args.get("deployment_area"), fact.args.get("beneficiary")
    assert (getattr(found_area, "key", None), getattr(found_for, "key", None)) == (area, whom)


def test_a_negated_intention_gives_no_plan_and_so_no_area() -> None:
    assert planned("Peru does not plan to send troops to Moldova.") == []


@pytest.mark.parametrize(
    ("text", "who", "area", "whom"),
    [
        ("Coalition of the Willing\n\nThe stated aim of the initiative is to build up strong "
         "security guarantees for Moldova.", ["coalition-of-the-willing"], None, "MDA"),
        ("Peru's main goal is to send 200 engineers to Moldova.", ["PER"], "MDA", None),
        ("The objective of Chile and Peru is to rebuild Estonia's ports.", ["CHL", "PER"], None,
         "EST"),
    ],
)  # fmt: skip
def test_a_stated_aim_of_a_party_is_its_intention(
    text: str, who: list[str], area: str | None, whom: str | None
) -> None:
    (fact,) = planned(text)
    assert parties(fact) == who and fact.args["status"] == "intended"
    found_area, found_for = fact.args.get("deployment_area"), fact.args.get("beneficiary")
    assert (getattr(found_area, "key", None), getattr(found_for, "key", None)) == (area, whom)


@pytest.mark.parametrize(
    "text",
    [
        "The aim of the talks was not to send troops to Moldova.",  # negated
        "The aim of the talks is to build guarantees for Moldova.",  # no party's aim
        "The aim of the initiative is to help Moldova.",  # no coalition named in the source
        "Peru's goal is a stable border.",  # no infinitive: nothing to do
    ],
)
def test_an_aim_negated_of_no_party_or_with_nothing_to_do_is_no_intention(text: str) -> None:
    assert planned(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The new plan works well for Moldova.",  # the verb alone is no plan
        "Peru works with Chile on border patrols.",
        "Peru worked to reopen the border last year.",  # done, not in the making
    ],
)
def test_working_is_a_plan_only_when_working_to_do_something(text: str) -> None:
    assert planned(text) == []


# -- pledges ---------------------------------------------------------------------------------


def _pledged(text: str) -> list[tuple[object, object, object]]:
    found = facts_of(pledges, text)
    return [(f["pledger"], f.get("beneficiary"), f.get("deployment_area")) for f in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile pledged $20 million in aid to Moldova.", [("CHL", "MDA", None)]),
        ("Peru will send 300 soldiers to Estonia.", [("PER", "EST", "EST")]),
        ("Chile, which has pledged 40 drones to Moldova, met Peru.", [("CHL", "MDA", None)]),
        # a counted antecedent of a relative clause is not read as an unnamed group pledger
        ("Peru leads 12 countries, which have pledged more support for Moldova.", []),
        ("Chile, which has not pledged troops to Moldova, met Peru.", []),
        ("Chile promised support for Moldova's defence.", [("CHL", "MDA", None)]),
        ("Peru offered 40 drones to Ukraine.", [("PER", "UKR", None)]),
        ("Peru will send 300 soldiers to Ukraine.", [("PER", "UKR", "UKR")]),
        ("Chile extended the deployment of its instructors in Estonia to train Ukrainian pilots.",
         [("CHL", "UKR", "EST")]),
        ("Chile pledged 40 drones.", [("CHL", None, None)]),
        ("Chile pledged €2 million for Moldova.", [("CHL", "MDA", None)]),
        ("Chile will not send troops to Moldova.", []),
    ],
)  # fmt: skip
def test_a_pledge_is_for_the_state_it_helps_and_goes_where_its_object_is_sent(
    text: str, expected: list[tuple[object, object, object]]
) -> None:
    assert _pledged(text) == expected


# -- documents: "a <subject> plan for <State>" ---------------------------------------------


def _documents(text: str) -> dict[str, dict[str, object]]:
    return {str(f["plan"]): f for f in facts_of(documents, text)}


def test_a_plan_named_by_its_subject_and_its_beneficiary_is_one_plan() -> None:
    found = _documents("Ministers discussed a reconstruction plan for Moldova on Monday.")
    assert list(found) == ["reconstruction-plan-for-mda"]
    assert found["reconstruction-plan-for-mda"]["beneficiary"] == "MDA"


@pytest.mark.parametrize(
    "text",
    [
        "Ministers discussed a plan for Moldova.",  # no subject: which plan?
        "Ministers discussed Peru's reconstruction plan for Moldova.",  # whose: not named here
        "Ministers discussed a reconstruction plan for talks in Moldova.",  # not for Moldova
        "Ministers discussed a reconstruction plan.",
        "Ministers will present a ceasefire plan to Moldova.",  # presented to it, not for it
    ],
)
def test_a_plan_without_subject_or_beneficiary_or_with_an_owner_names_none(text: str) -> None:
    assert _documents(text) == {}


def test_a_numbered_plan_for_a_state_gets_it_as_beneficiary_but_not_a_later_list_item() -> None:
    found = _documents(
        "Leaders backed the 12-point plan for Estonia. They listed the 9-point proposal for "
        "a truce, a recovery plan for Moldova and a loan."
    )
    assert found["12-point-plan"]["beneficiary"] == "EST"
    assert "beneficiary" not in found["9-point-plan"]
    assert found["recovery-plan-for-mda"]["beneficiary"] == "MDA"


# -- plan points -----------------------------------------------------------------------------


def test_a_plan_point_is_for_the_state_it_names_as_helped() -> None:
    text = (
        "Ana Ruiz outlined three key components:\n"
        "1. Keeping military aid to Moldova flowing.\n"
        "2. Guaranteeing Estonia's security after a truce.\n"
        "3. Holding talks in Peru.\n"
    )
    source, known = synthetic(text)
    points = of_kind(tables.read_numbered_plans(source, known), FactKind.PLAN_POINT)
    assert [p.get("beneficiary") for p in points] == ["MDA", "EST", None]


# -- the infobox row "Country (to secure)" ---------------------------------------------------


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("Country (to secure) Moldova\n", ["MDA"]),
        ("Country(to\u00a0secure) Estonia\n", ["EST"]),
        ("Country Moldova\n", []),  # the unit's own country, not where it goes
        ("Country (to secure) not decided\n", []),
    ],
)
def test_the_country_to_secure_row_is_the_subject_s_deployment_area(
    row: str, expected: list[str]
) -> None:
    found = facts_of(infobox, "Coalition of the Willing (Baltic deployment)\n\n" + row)
    statuses = [f for f in found if f["kind"] is FactKind.FORCE_STATUS]
    assert [f["deployment_area"] for f in statuses] == expected
    assert all(f["force"] == "coalition-of-the-willing" for f in statuses)


def test_a_state_a_pledge_is_for_is_its_beneficiary_not_its_purpose() -> None:
    (found,) = facts_of(pledges, "Chile pledged €2 million for Moldova.")
    assert found["beneficiary"] == "MDA" and "purpose" not in found
    (found,) = facts_of(pledges, "Chile pledged €2 million for fuel.")
    assert found["purpose"] == "fuel" and "beneficiary" not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials plan to deploy British and French troops to Moldova.",
         [(("GBR", "FRA"), "MDA", "MDA")]),
        # a demonym elsewhere in the phrase is no pledger: the aggressor pledges nothing
        ("They have pledged strengthened support for Moldova against Russian aggression.", []),
        ("Officials plan to deploy troops against Russian aggression.", []),
    ],
)  # fmt: skip
def test_only_a_demonym_of_the_pledged_noun_makes_its_state_the_pledger(
    text: str, expected: list[tuple[object, object, object]]
) -> None:
    assert _pledged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By May, Chile confirmed its specific contributions to securing Moldova's ports.",
         [("CHL", "MDA", None)]),
        ("Chile's contributions to Moldova's defence were confirmed.", [("CHL", "MDA", None)]),
        ("The French pledge of 2 billion euros to Moldova was confirmed.", [("FRA", "MDA", None)]),
        # a contribution or commitment to no state is no pledge of the noun's own
        ("Chile's commitment to peace was praised.", []),
        ("Peru welcomed Chile's contribution to the talks.", []),
    ],
)  # fmt: skip
def test_a_pledge_noun_is_for_the_state_its_own_phrase_helps(
    text: str, expected: list[tuple[object, object, object]]
) -> None:
    assert _pledged(text) == expected


# -- counts of troops (COUNT_CLAIM) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("On 3 May 2026, it said Europe would struggle to put 25,000 troops on the ground in "
         "Moldova.", "MDA"),
        ("Peru will send 500 soldiers to Estonia.", "EST"),
        ("Peru will not send 500 soldiers to Estonia.", None),  # ruled out: no area
        ("About 300 soldiers from Chile attended the parade in Estonia.", None),  # not deployed
        ("Chile has 40,000 troops.", None),
    ],
)  # fmt: skip
def test_a_count_of_troops_gets_where_they_are_to_be(text: str, area: str | None) -> None:
    (claim,) = facts_of(counts, text)
    assert claim.get("deployment_area") == area


def test_a_count_of_other_things_gets_no_area() -> None:
    (claim,) = facts_of(counts, "Peru will send 40 drones to Estonia.")
    assert claim["counted"] == "drones" and "deployment_area" not in claim


# -- the land something is placed on (a document's content only) ------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("It sets up a buffer zone on Moldovan soil.", ["MDA"]),
        ("Bases would be established on Estonia's territory.", ["EST"]),
        ("It keeps troops stationed on Latvian soil.", ["LVA"]),
        # a demonym that is not the land: whose troops, whose soldiers
        ("It sends Moldovan troops to the border.", []),
        ("A zone for Moldovan farmers was discussed.", []),
        # the soil with nothing placed on it
        ("The talks were held on Moldovan soil.", []),
    ],
)
def test_the_soil_a_thing_is_placed_on_is_an_area_when_asked_for(
    text: str, where: list[str]
) -> None:
    source = Source("t.txt", text, "t", "en", "news")
    states = [m for m in find_mentions(source) if m.kind is MentionKind.STATE]
    found = areas(text, states, 0, len(text), on_soil=True)
    assert _keys([m.value for m in found if isinstance(m.value, Ref)]) == where
    assert not [m for m in areas(text, states, 0, len(text)) if m.form == "demonym"]
