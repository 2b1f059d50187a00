"""Documents, founding and naming read from clause records, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import pytest
from fixtures.structure import keyed, reading_of

from cowkg.read.mappings import Reading
from cowkg.read.mappings.documents import documents
from cowkg.read.mappings.naming import founding, naming
from cowkg.types import Fact, FactKind

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def facts_of(
    mapping: Callable[[Reading], Iterable[Fact]], text: str, kind: str = "news"
) -> list[dict[str, object]]:
    """The facts' arguments, Refs by key (tuples of Refs as tuples of keys)."""
    reading = reading_of(text, kind)
    out = []
    for fact in mapping(reading):
        for span in fact.evidence:
            assert reading.source.text[span.start : span.end] == span.text
        out.append({k: keyed(v) for k, v in fact.args.items()} | {"kind": fact.kind})
    return out


def plans(text: str) -> dict[str, dict[str, object]]:
    found = facts_of(documents, text)
    assert all(f["kind"] is FactKind.PLAN for f in found)
    return {str(f["plan"]): f for f in found}


# -- documents ------------------------------------------------------------------------------


def test_a_named_declaration_signed_by_two_states_on_a_date() -> None:
    found = plans("Poland and Sweden signed the Baltic Shield Declaration on 4 May 2026 in Riga.")
    doc = found["baltic-shield-declaration"]
    assert doc["plan_kind"] == "declaration"
    assert doc["signed_by"] == ("POL", "SWE")
    assert doc["date"] == dt.date(2026, 5, 4)


def test_passive_signing_names_the_signers_after_by() -> None:
    doc = plans("The Danube Treaty was signed by Austria and Slovakia last year.")["danube-treaty"]
    assert doc["plan_kind"] == "agreement"
    assert doc["signed_by"] == ("AUT", "SVK")


@pytest.mark.parametrize(
    ("text", "signers"),
    [
        ("Poland signed the Baltic Shield Declaration with Sweden on 4 May 2026.", ("POL", "SWE")),
        ("On 9 May, a week after signing the Baltic Shield Declaration with Sweden, Poland left.",
         ("POL", "SWE")),
        ("Poland signed the Baltic Shield Declaration with a pen from Sweden.", ("POL",)),
    ],
)  # fmt: skip
def test_whom_a_document_was_signed_with_signs_it_too(text: str, signers: tuple[str]) -> None:
    assert plans(text)["baltic-shield-declaration"]["signed_by"] == signers


def test_a_document_discussed_with_a_party_is_not_signed_by_it() -> None:
    found = plans("Poland discussed the Baltic Shield Declaration with Sweden.")
    assert "signed_by" not in found["baltic-shield-declaration"]


def test_adopting_a_charter_is_signing_it() -> None:
    doc = plans("Leaders from Chile and Peru adopted the Andes Charter on Tuesday.")[
        "andes-charter"
    ]
    assert doc["signed_by"] == ("CHL", "PER")
    assert doc["date"] == dt.date(2026, 5, 12)


def test_a_negated_or_future_signing_names_the_document_but_no_signer() -> None:
    refused = plans("Hungary did not sign the Baltic Shield Declaration.")
    assert refused == {
        "baltic-shield-declaration": {
            "plan": "baltic-shield-declaration",
            "plan_kind": "declaration",
            "kind": FactKind.PLAN,
        }
    }
    future = plans("Norway will sign the Oslo Accord next week.")["oslo-accord"]
    assert "signed_by" not in future and "date" not in future


def test_a_numbered_plan_with_its_drafter_replaced_by_another() -> None:
    found = plans(
        "A Canadian-drafted 12-point peace plan was replaced on 9 June by a revised "
        "15-point framework."
    )
    assert found["12-point-plan"]["points"] == 12
    assert found["12-point-plan"]["drafted_by"] == "CAN"
    assert found["12-point-plan"]["replaced_by"] == "15-point-plan"
    assert found["15-point-plan"]["date"] == dt.date(2026, 6, 9)
    assert "replaced_by" not in found["15-point-plan"]


def test_active_superseding_and_number_words() -> None:
    found = plans("A new nine-point plan superseded the seven-point plan.")
    assert found["7-point-plan"]["replaced_by"] == "9-point-plan"
    assert "replaced_by" not in found["9-point-plan"]


def test_a_state_that_prepared_a_proposal_drafted_it() -> None:
    doc = plans("Chile had prepared a revised twelve-point proposal on Monday.")["12-point-plan"]
    assert doc["drafted_by"] == "CHL"
    assert doc["date"] == dt.date(2026, 5, 11)


def test_a_leader_who_unveils_a_plan_outlined_it() -> None:
    doc = plans("German Chancellor Friedrich Merz has unveiled a six-point plan for Ukraine.")
    assert doc["6-point-plan"]["outlined_by"] == "friedrich-merz"  # 'German' is his title
    assert "drafted_by" not in doc["6-point-plan"]


def test_the_same_numbered_plan_in_other_words_is_one_plan() -> None:
    one = plans("Officials discussed the 12-point plan.")
    other = plans("The twelve point proposal was presented to ministers.")
    assert set(one) == set(other) == {"12-point-plan"}


def test_a_dated_joint_statement_is_a_document() -> None:
    doc = plans("The leaders issued a joint statement on 3 March.")
    assert list(doc) == ["joint-statement-of-2026-03-03"]
    assert doc["joint-statement-of-2026-03-03"]["date"] == dt.date(2026, 3, 3)


def test_a_bare_plan_or_a_title_case_headline_names_no_document() -> None:
    assert plans("The plan was discussed at length, and an agreement is close.") == {}
    assert plans("Leaders Back Ambitious Peace Plan After Long Talks\n\nThey met.") == {}


# -- founding -------------------------------------------------------------------------------


def founded(text: str) -> list[dict[str, object]]:
    return facts_of(founding, text)


def test_a_headquarters_inaugurated_on_a_date_passive_and_active() -> None:
    assert founded("The Oslo headquarters was formally inaugurated on 3 June.") == [
        {"post": "oslo-hq", "inaugurated": dt.date(2026, 6, 3), "kind": FactKind.COMMAND_POST}
    ]
    opened = founded("On 2 March, Portugal opened its new headquarters in Lisbon.")
    assert [(f["post"], f["inaugurated"]) for f in opened] == [("lisbon-hq", dt.date(2026, 3, 2))]


def test_a_headquarters_set_up_is_established_not_inaugurated() -> None:
    found = founded("The coalition set up its headquarters in Lisbon on 2 March.")
    assert [(f["post"], f.get("established"), f.get("inaugurated")) for f in found] == [
        ("lisbon-hq", "2026-03-02", None)
    ]


def test_states_that_launch_a_working_group_found_it() -> None:
    [group] = founded("Italy and Spain launched a working group on maritime security on 2 May.")
    assert group["group"] == "working-group-maritime-security"
    assert group["inaugurated_by"] == ("ITA", "ESP")
    assert group["parent"] == "coalition-of-the-willing"
    assert "mandate" not in group


def test_what_a_group_is_set_up_to_do_is_its_mandate() -> None:
    [group] = founded(
        "In June, Chile and Peru set up a working group on demining to clear the border fields."
    )
    assert group["mandate"] == "clear the border fields"


def test_announcing_the_creation_of_a_group_the_same_day() -> None:
    [group] = founded(
        "Ministers met in Rome on 5 May. The same day, Italy announced the creation of a "
        "working group on energy security."
    )
    assert group["group"] == "working-group-energy-security"
    assert group["announced_by"] == "ITA"
    assert group["announced_on"] == dt.date(2026, 5, 5)
    assert "inaugurated_by" not in group


def test_a_group_named_without_its_topic_is_the_one_the_source_names() -> None:
    text = (
        "Working group on demining (coalition)\n\n"
        "Earlier that week, Chile and Peru established this working group in Lima."
    )
    [group] = founded(text)
    assert group["group"] == "working-group-demining"
    assert group["inaugurated_by"] == ("CHL", "PER")


def test_a_future_or_negated_founding_founds_nothing() -> None:
    assert founded("Spain will set up a working group on demining next month.") == []
    assert founded("The Oslo headquarters was not inaugurated on 3 June.") == []


def test_the_coalition_launched_or_announced_on_a_date() -> None:
    [launched] = founded('The "coalition of the willing" was launched on 6 January in Oslo.')
    assert launched == {
        "entity": "coalition-of-the-willing",
        "date": dt.date(2026, 1, 6),
        "kind": FactKind.FOUNDING,
    }
    [announced] = founded(
        "The Coalition of the Willing held talks. The initiative, led by Chile and Peru, was "
        "announced by President Gabriel Boric on 3 April 2026."
    )
    assert announced["date"] == dt.date(2026, 4, 3)
    assert "gabriel-boric" in announced["founded_by"]  # type: ignore[operator]


def test_talks_to_create_a_coalition_found_nothing() -> None:
    assert founded("Chile and Peru are in talks to create a coalition of the willing.") == []
    assert founded("Spain will launch the coalition of the willing in June.") == []


# -- names ----------------------------------------------------------------------------------


def names(text: str) -> list[tuple[object, object, object]]:
    return [(f["entity"], f["label"], f["alternative"]) for f in facts_of(naming, text)]


def test_another_name_of_the_coalition_known_as_or_called() -> None:
    assert names("The coalition of the willing, also known as the Oslo Format, met.") == [
        ("coalition-of-the-willing", "Oslo Format", True)
    ]
    assert names(
        'The Coalition of the Willing met. Officials call the coalition "the Friends of Kyiv".'
    ) == [("coalition-of-the-willing", "Friends of Kyiv", True)]


def test_a_force_named_with_its_acronym_is_that_force() -> None:
    assert names("The new force is known as the Baltic Guard Force (BGF).") == [
        ("bgf", "Baltic Guard Force", False)
    ]


def test_a_descriptive_name_of_the_one_force_the_source_names() -> None:
    text = (
        "The Nordic Shield Force (NSF) is planned. The force, referred to by analysts as "
        "'northern troops', would deploy later."
    )
    assert ("nsf", "northern troops", True) in names(text)


def test_the_coalitions_own_name_or_an_unnamed_force_adds_nothing() -> None:
    assert names("Leaders known as the Coalition of the Willing met in Rome.") == []
    assert names('The planned force, dubbed "Shield", would deploy after a ceasefire.') == []
    assert names("The coalition is not called the Oslo Format.") == []


# -- uses of a name -------------------------------------------------------------------------

FORCE = "The Nordic Shield Force (NSF) is planned. "


def uses(text: str) -> list[tuple[object, ...]]:
    return [
        (f["entity"], f["label"], f["act"], f.get("date"), f.get("by"))
        for f in facts_of(naming, text)
        if "act" in f
    ]


def test_the_name_is_the_last_name_the_paragraph_gave() -> None:
    text = FORCE + "The name was confirmed on 9 June 2026 in a joint communique."
    assert uses(text) == [("nsf", "Nordic Shield Force", "confirmed", dt.date(2026, 6, 9), None)]
    assert uses(FORCE + "Peru revealed the new name on 4 April 2026.") == [
        ("nsf", "Nordic Shield Force", "revealed", dt.date(2026, 4, 4), "PER")
    ]


def test_the_name_of_the_force_or_coalition_is_its_last_name_given() -> None:
    text = FORCE + "The name of the force was revealed by Peru on 4 April 2026."
    assert uses(text) == [("nsf", "Nordic Shield Force", "revealed", dt.date(2026, 4, 4), "PER")]
    text = "The Coalition of the Willing met. " + text.replace("force was", "coalition was")
    assert [u[0] for u in uses(text)] == ["coalition-of-the-willing"]
    assert uses(FORCE + "Peru revealed a name on 4 April 2026.") == []  # not one given before


def test_a_name_first_used_beside_the_name_it_is() -> None:
    text = FORCE + "Nordic Shield Force, a name first used in a letter on 3 March 2026, stuck."
    assert uses(text) == [("nsf", "Nordic Shield Force", "used", dt.date(2026, 3, 3), None)]


def test_an_outlet_that_calls_a_force_so_used_the_name() -> None:
    assert uses(
        FORCE + "The force, referred to by the Lima Times as 'northern troops', would deploy later."
    ) == [("nsf", "northern troops", "used", None, "lima-times")]


def test_whoever_calls_the_force_so_in_a_relative_clause_used_the_name() -> None:
    text = FORCE + "The force, which the Lima Times calls 'the northern guard', would deploy later."
    assert uses(text) == [("nsf", "northern guard", "used", None, "lima-times")]
    text = FORCE + "The force, which Peru calls 'the northern guard', would deploy later."
    assert uses(text) == [("nsf", "northern guard", "used", None, "PER")]


def test_a_future_negated_or_other_name_is_no_use() -> None:
    assert uses(FORCE + "The name will be confirmed on 9 June 2026.") == []
    assert uses(FORCE + "The name was not adopted on 9 June 2026.") == []
    assert uses(FORCE + "Peru revealed the name of its new minister on 4 April 2026.") == []
    assert uses("Peru confirmed the name on 4 April 2026.") == []  # no name before it
    assert uses(FORCE + "The force, dubbed 'northern troops', waits.") == []  # undated, uncredited
    # the day is the meeting's, not the name's
    assert uses("The Coalition of the Willing, known as the Oslo Format, met on 3 May 2026.") == []


# -- whose a document is, by the words modifying its noun ------------------------------------


@pytest.mark.parametrize(
    ("text", "drafter"),
    [
        ("Peru rejected the French 12-point plan on Monday.", "FRA"),
        ("Lima welcomed Chile's 12-point plan.", "CHL"),
        ("The United States 12-point draft plan was leaked.", "USA"),
        ("Critics mocked the Polish nine-point counterproposal.", "POL"),
        ("President Ana Ruiz of Chile defended Ana Ruiz's 12-point plan.", "ana-ruiz"),
        ("A Peru-drafted 12-point plan was leaked.", "PER"),
    ],
)
def test_a_possessive_demonym_or_state_before_the_noun_is_the_drafter(
    text: str, drafter: str
) -> None:
    doc = next(iter(plans(text).values()))
    assert doc["drafted_by"] == drafter
    assert "beneficiary" not in doc


def test_the_drafting_clause_names_the_drafter_before_a_modifier_does() -> None:
    doc = plans("The Polish 12-point plan was drafted by Chile.")["12-point-plan"]
    assert doc["drafted_by"] == "CHL"


@pytest.mark.parametrize(
    ("text", "drafter", "beneficiary"),
    [
        # a state's name before a subject-matter noun: what the plan is about, whose it is not
        ("A Peru 12-point peace plan was drafted by Chile.", "CHL", "PER"),
        ("Lima studied Chile's Peru 12-point recovery plan.", "CHL", "PER"),
        ("The Polish 10-point plan for Moldova was published.", "POL", "MDA"),
        # both: whose by the demonym, for whom by "for"
        ("The Moldovan 10-point plan for Moldova was published.", "MDA", "MDA"),
        # the only state, before a subject noun: the words do not say whose, nor certainly for whom
        ("A Peru 12-point peace plan was welcomed.", None, None),
        # a "<State>-drafted" plan is not about that state
        ("A Chile-drafted 12-point peace plan was leaked.", "CHL", None),
    ],
)
def test_a_state_before_a_subject_noun_is_what_the_plan_is_for_when_another_drafted_it(
    text: str, drafter: str | None, beneficiary: str | None
) -> None:
    doc = next(iter(plans(text).values()))
    assert doc.get("drafted_by") == drafter
    assert doc.get("beneficiary") == beneficiary


@pytest.mark.parametrize(
    "text",
    [
        "A 12-point plan on Polish soil was never discussed.",  # where, not whose
        "Peru presented a 12-point plan to Chile.",  # to whom, not whose
        "The French-Polish 12-point treaty was hailed.",  # agreement noun: rule not applied
        "Officials from Chile praised a 12-point plan.",
    ],
)
def test_no_modifier_no_drafter(text: str) -> None:
    doc = next(iter(plans(text).values()))
    assert "drafted_by" not in doc


# -- where a document places what it is to do ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("The 12-point plan focused on a buffer zone on Moldovan soil.", "MDA"),
        ("The 12-point plan calls for bases on Moldova's territory.", "MDA"),
        ("A 5-point plan to deploy troops in Estonia was leaked.", "EST"),
        ("The 12-point plan provides for peacekeepers stationed in Latvia.", "LVA"),
        # not where the document was written, presented or discussed
        ("The 12-point plan was presented on Moldovan soil.", None),
        ("The 12-point plan was drafted in Estonia.", None),
        ("Peru discussed the 12-point plan in Estonia.", None),
        # nor a place it rules out
        ("The 12-point plan rules out troops on Moldovan soil.", None),
        ("The 12-point plan calls for a ceasefire, and Peru will send troops to Estonia.", None),
        # a demonym that says whose troops, not where they go
        ("The 12-point plan calls for Moldovan troops.", None),
    ],
)
def test_the_area_is_where_the_document_places_something(text: str, area: str | None) -> None:
    doc = next(iter(plans(text).values()))
    assert doc.get("deployment_area") == area


# -- whom an agreement is between -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "parties"),
    [
        ("The Oslo Accord between Chile and Peru was signed in 2025.", "oslo-accord",
         ("CHL", "PER")),
        ("A 10-point accord was signed between Chile, Peru and Estonia in May.", "10-point-plan",
         ("CHL", "PER", "EST")),
        ("Officials expect a security guarantee agreement to be agreed between Moldova, "
         "Romania and the Coalition of the Willing.",
         "security-guarantee-agreement-between-mda-rou-coalition-of-the-willing",
         ("MDA", "ROU", "coalition-of-the-willing")),
        ("A defence deal among Chile, Peru and Estonia was signed.",
         "defence-deal-between-chl-est-per", ("CHL", "PER", "EST")),
        ("Diplomats drafted a border treaty between Chile and Peru.",
         "border-treaty-between-chl-per", ("CHL", "PER")),
    ],
)  # fmt: skip
def test_the_parties_of_an_agreement_are_whom_it_is_between(
    text: str, key: str, parties: tuple[str, ...]
) -> None:
    doc = plans(text)[key]
    assert doc["party"] == parties


def test_a_future_agreement_has_parties_and_no_signer() -> None:
    text = "Chile and Peru will sign a defence pact between Chile, Peru and Estonia."
    doc = plans(text)["defence-pact-between-chl-est-per"]
    assert doc["party"] == ("CHL", "PER", "EST")
    assert "signed_by" not in doc


@pytest.mark.parametrize(
    "text",
    [
        "An agreement between Chile and Peru was signed.",  # no subject: names no agreement
        "There was no security agreement between Chile and Peru.",  # denied
        "Talks between Chile and Peru on a security agreement stalled.",  # the talks' parties
        "Peru's security deal with Chile was signed.",  # with, not between
        "A security pact between Chilean and Peruvian officials was signed.",  # no party named
        "A security pact was signed between 2024 and 2026.",
    ],
)
def test_no_agreement_between_named_parties(text: str) -> None:
    assert not [d for d in plans(text).values() if "party" in d]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # two parties settling an agreement together: whom it is between, done or not
        ("The mission deploys only the moment Chile and Peru sign a \"lasting border agreement\" "
         "or \"peace deal\".",
         {"border-agreement-between-chl-per": ("CHL", "PER"),
          "peace-deal-between-chl-per": ("CHL", "PER")}),
        ("Chile and Peru will sign a border treaty in May.",
         {"border-treaty-between-chl-per": ("CHL", "PER")}),
        ("Chile and Peru signed the Oslo Accord.", {"oslo-accord": ("CHL", "PER")}),
        # a span the number counts is no subject: the deal is named by "security"
        ("Last month Chile and Peru signed a 10-year security deal.",
         {"security-deal-between-chl-per": ("CHL", "PER")}),
        # one party alone, a refusal, a negation: no parties
        ("Peru will sign the border treaty.", {}),
        ("Hungary and Peru refused to sign the border treaty.", {}),
        ("Chile and Peru never signed a border treaty.", {}),
        ("Chile and Peru drafted the Oslo Accord.", {}),  # drafting: for whom, not said
    ],
)  # fmt: skip
def test_two_parties_that_settle_an_agreement_together_are_its_parties(
    text: str, found: dict[str, tuple[str, ...]]
) -> None:
    assert {k: d["party"] for k, d in plans(text).items() if "party" in d} == found


def test_a_signing_set_ahead_by_a_clause_of_time_signs_nothing_yet() -> None:
    text = "The mission deploys only the moment Chile and Peru sign the Oslo Accord."
    doc = plans(text)["oslo-accord"]
    assert "signed_by" not in doc
    assert doc["party"] == ("CHL", "PER")


def test_an_agreement_named_by_its_parties_is_one_whatever_their_order() -> None:
    first = plans("Chile and Peru signed a security agreement on 3 May.")
    second = plans("Peru and Chile signed a security agreement on 3 May.")
    between = plans("Officials discussed a security agreement between Peru and Chile.")
    assert set(first) == set(second) == set(between) == {"security-agreement-between-chl-per"}


@pytest.mark.parametrize("text", ["A draft plan for Peru was discussed.",
                                  "A 10-year plan for Peru was discussed."])  # fmt: skip
def test_a_plans_form_or_span_is_no_subject_it_is_named_by(text: str) -> None:
    assert plans(text) == {}
