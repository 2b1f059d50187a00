"""The pledge mapping on sentences written for these tests (no seed or article sentence)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import read
from cowkg.read.mappings.pledges import pledges
from cowkg.types import EntityKind, Fact, FactKind, Money, Quantity, Ref, Source


def pledges_of(
    text: str,
    published: dt.date | None = dt.date(2026, 5, 14),
    affiliations: dict[str, Ref] | None = None,
) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", published)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    reading = read(source, mentions, affiliations)
    return [f for f in pledges(reading) if f.kind is FactKind.PLEDGE]


def one(text: str) -> Fact:
    found = pledges_of(text)
    assert len(found) == 1, [f.args for f in found]
    return found[0]


def pledgers(fact: Fact) -> list[str]:
    value = fact.args["pledger"]
    refs = value if isinstance(value, tuple) else (value,)
    return [r.key for r in refs if isinstance(r, Ref)]


@pytest.mark.parametrize(
    "text",
    [
        "Chile pledged 300 soldiers to the mission.",
        "300 soldiers were pledged by Chile.",
        "Chile has committed a battalion of 300 soldiers.",
    ],
)
def test_troops_as_numbers_active_and_passive(text: str) -> None:
    fact = one(text)
    assert pledgers(fact) == ["CHL"] and fact.args["pledge_kind"] == "troops"
    quantity = fact.args["quantity"]
    assert isinstance(quantity, Quantity) and quantity.minimum == quantity.maximum == 300


def test_a_range_of_troops_at_a_dated_meeting() -> None:
    fact = one(
        "At the summit in Lima on 3 March 2026, Peru pledged between 5,000 and 9,000 troops."
    )
    quantity = fact.args["quantity"]
    assert isinstance(quantity, Quantity)
    assert (quantity.minimum, quantity.maximum) == (5000, 9000)
    assert fact.args["date"] == dt.date(2026, 3, 3)
    meeting = fact.args["meeting"]
    assert isinstance(meeting, Ref) and meeting.key == "2026-03-03-meeting"


def test_up_to_is_a_maximum_not_a_value() -> None:
    fact = one("Chile will send up to 4,000 troops.")
    quantity = fact.args["quantity"]
    assert isinstance(quantity, Quantity)
    assert quantity.minimum is None and quantity.maximum == 4000 and quantity.qualifier == "up to"
    assert fact.args["modality"] == "future"


def test_money_with_its_equivalent_purpose_and_beneficiary() -> None:
    fact = one(
        "Peru has committed £1.5 billion (about $1.9 billion) to purchase more than 4,000 "
        "air-defence missiles for Ukraine."
    )
    assert fact.args["pledge_kind"] == "money"
    assert fact.args["amount"] == Money(Decimal("1500000000"), "GBP")
    assert fact.args["equivalent"] == Money(Decimal("1900000000"), "USD")
    quantity = fact.args["quantity"]
    assert isinstance(quantity, Quantity) and quantity.minimum == 4000
    assert quantity.maximum is None and quantity.qualifier == "more than"
    assert "more than 4,000 air-defence missiles" in str(fact.args["purpose"])
    beneficiary = fact.args["beneficiary"]
    assert isinstance(beneficiary, Ref) and beneficiary.key == "UKR"


def test_money_without_an_amount_and_a_loan() -> None:
    assert one("Chile promised more funding.").args["pledge_kind"] == "money"
    loan = one("Peru will provide a $700 million loan.")
    assert loan.args["amount"] == Money(Decimal("700000000"), "USD")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile will deploy air-defence systems.", "equipment"),
        ("Peru offered air policing and mine clearing.", "capability"),
        ("Chile would commit boots on the ground.", "troops"),
        ("Peru will train Ukrainian pilots.", "training"),
        ("Chile pledged a lot of help.", "other"),
    ],
)
def test_kinds_from_what_is_pledged(text: str, kind: str) -> None:
    assert one(text).args["pledge_kind"] == kind


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Chile pledged troops.", "pledged"),
        ("Chile is ready to send troops.", "ready"),
        ("Chile would consider sending troops.", "considering"),
        ("Chile plans to send troops.", "planned"),
        ("Chile will send troops.", "future"),
        ("Chile sent troops.", "asserted"),
        ("Chile offered to send troops.", "offered"),
    ],
)
def test_modality_is_kept_on_the_pledge(text: str, modality: str) -> None:
    assert one(text).args["modality"] == modality


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Chile is ready to send troops if a ceasefire holds.", "if a ceasefire holds"),
        (
            "Peru will deploy a brigade, subject to a parliamentary mandate.",
            "subject to a parliamentary mandate",
        ),
        ("Chile would send peacekeepers after a peace deal.", "after a peace deal"),
        ("Peru will send troops once the war ends.", "once the war ends"),
    ],
)
def test_conditions(text: str, condition: str) -> None:
    assert one(text).args["condition"] == condition


@pytest.mark.parametrize(
    "text",
    [
        "Chile will not send troops.",
        "Peru is not ready to deploy soldiers.",
        "Will Chile send troops to the region?",
        "Chile discussed the mission.",
        "Leaders urged the bloc to provide financing for Ukraine.",
        "Chile and Peru observed an operation to train Ukrainian troops.",
        "It remains unclear whether Chile would offer any security guarantee.",
        "Chile no longer sends troops to Peru.",
        "Chile will no longer provide support to Peru.",
    ],
)
def test_negation_questions_and_acts_that_govern_a_pledge_are_not_pledges(text: str) -> None:
    assert pledges_of(text) == []


def test_a_group_pledge_is_one_pledge_with_several_pledgers() -> None:
    fact = one("Chile and Peru are ready to send peacekeepers.")
    assert pledgers(fact) == ["CHL", "PER"]


def test_the_speaker_pledges_for_a_pronoun_and_a_titled_person_for_the_state() -> None:
    spoken = one("Chile's defence minister said his country would send 200 soldiers.")
    assert pledgers(spoken) == ["CHL"]
    titled = one("Peru's prime minister offered two frigates.")
    assert pledgers(titled) == ["PER"]


def test_a_pledge_noun_with_its_pledger() -> None:
    fact = one("Ministers welcomed Chile's pledge of 3 billion euros.")
    assert pledgers(fact) == ["CHL"]
    assert fact.args["amount"] == Money(Decimal("3000000000"), "EUR")


def test_receiving_is_pledged_by_the_announcer() -> None:
    fact = one("Chile's president announced that Ukraine would receive $900 million.")
    assert pledgers(fact) == ["CHL"]
    beneficiary = fact.args["beneficiary"]
    assert isinstance(beneficiary, Ref) and beneficiary.key == "UKR"


def test_joining_a_force_is_a_pledge_when_a_word_of_readiness_governs_it() -> None:
    fact = one(
        "Chile is open to participating in a peacekeeping force if the conditions are right."
    )
    assert pledgers(fact) == ["CHL"] and fact.args["pledge_kind"] == "troops"
    assert fact.args["modality"] == "ready"
    assert pledges_of("Chile joined the talks on Monday.") == []


def test_the_states_whose_troops_a_plan_deploys() -> None:
    fact = one("Officials met to finalise a plan to deploy hundreds of British and French troops.")
    assert pledgers(fact) == ["GBR", "FRA"] and fact.args["modality"] == "planned"
    assert "quantity" not in fact.args  # "hundreds" states no number


def test_an_agent_inside_the_subject_phrase_is_not_the_pledger() -> None:
    fact = one("Macron said 24 of Chile's allies have pledged to deploy a force.")
    assert pledgers(fact) == ["24-of-chile-s-allies-t"]  # the unnamed group, not Chile
    assert pledges_of("Several countries willing to contribute to a force met in Lima.") == []


def test_a_person_the_source_titles_elsewhere_pledges_for_their_state() -> None:
    fact = one("Chile's Prime Minister Ana Ruiz spoke on Monday. Ruiz promised more funding.")
    assert pledgers(fact) == ["CHL"]


def test_vague_military_support_is_other_and_named_support_a_capability() -> None:
    assert one("Chile is willing to deploy military assistance.").args["pledge_kind"] == "other"
    assert one("Peru offered air and intelligence support.").args["pledge_kind"] == "capability"


def test_the_state_whose_readiness_a_pledge_complements_pledges() -> None:
    assert pledgers(one("There is Swedish openness to participating in a peacekeeping force.")) == [
        "SWE"
    ]
    assert pledgers(one("Peru affirmed Chile's willingness to provide military support.")) == [
        "CHL"
    ]
    its = one("Ruiz affirmed Chile's commitment and its willingness to provide air support.")
    assert pledgers(its) == ["CHL"]


def test_a_pledge_as_the_topic_of_a_sentence_is_not_one() -> None:
    assert pledges_of("Experts said committing Chilean troops would mean ending a mission.") == []


def test_a_request_to_send_considered_is_considered() -> None:
    fact = one("Chile remains open to considering a request to send troops.")
    assert pledgers(fact) == ["CHL"] and fact.args["modality"] == "considering"
    assert pledges_of("Peru rejected a request to send troops.") == []


def test_a_pledge_whose_subject_names_no_agent_has_no_pledger() -> None:
    assert pledges_of('The force would "guard the coast and train soldiers", Ruiz said.') == []
    fact = one("Ruiz said 20 nations had pledged to deploy troops.")
    assert pledgers(fact) == ["20-nations-t"]  # the unnamed group, not the speaker


def test_they_in_reported_speech_are_all_who_said_it() -> None:
    fact = one("Chile and Peru said they would be willing to provide troops once a truce holds.")
    assert pledgers(fact) == ["CHL", "PER"] and fact.args["modality"] == "ready"
    assert fact.args["condition"] == "once a truce holds"


PERU = Ref(EntityKind.STATE, "PER", "Peru")


def test_a_person_another_source_titles_pledges_for_their_state() -> None:
    text = "Tomas Vega promised 40 armoured vehicles on Monday."
    assert [pledgers(f) for f in pledges_of(text, affiliations={"tomas-vega": PERU})] == [["PER"]]
    assert [pledgers(f) for f in pledges_of(text)] == [["tomas-vega"]]


@pytest.mark.parametrize(
    ("text", "pledger"),
    [
        ("Chile's Prime Minister Ana Ruiz arrived in Lima. She pledged new drones.", "CHL"),
        ("Peru hosted the talks on Monday. It then offered 40 armoured vehicles.", "PER"),
        ("Peru's defence minister spoke first. He promised to send more artillery.", "PER"),
    ],
)
def test_he_she_it_take_the_subject_of_the_previous_sentence(text: str, pledger: str) -> None:
    assert pledgers(one(text)) == [pledger]


def test_an_anaphor_takes_no_subject_of_the_wrong_kind_or_another_paragraph() -> None:
    assert pledges_of("Peru hosted the talks on Monday. He pledged new drones.") == []
    assert pledges_of("Peru hosted the talks on Monday.\n\nIt pledged new drones.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Peru has extended its deployment of army instructors in Poland.", "troops"),
        ("Chile prolonged its mission of 200 soldiers until 2030.", "troops"),
        ("Peru will continue its humanitarian support for Ukraine.", "other"),
        ("Chile said it would renew sanctions on Russia and aid to Kyiv.", "other"),
    ],
)
def test_prolonging_a_deployment_or_support_pledges_it_again(text: str, kind: str) -> None:
    fact = one(text)
    assert fact.args["pledge_kind"] == kind and pledgers(fact)[0] in {"PER", "CHL"}


def test_prolonging_anything_else_pledges_nothing() -> None:
    assert pledges_of("Chile continued the talks with Peru.") == []
    assert pledges_of("Peru extended the meeting by an hour.") == []


@pytest.mark.parametrize(
    ("text", "amount", "modality"),
    [
        ("Peru to boost Chile funding using £3bn from frozen reserves", Decimal("3e9"), "future"),
        ("Peru will increase its funding for Chile by €500 million.", Decimal("5e8"), "future"),
        ("Peru stepped up its humanitarian aid to Chile.", None, "asserted"),
        ("Peru doubled its support for Chile, the minister said.", None, "asserted"),
    ],
)
def test_stepping_up_support_for_another_pledges_more_of_it(
    text: str, amount: Decimal | None, modality: str
) -> None:
    fact = one(text)
    assert pledgers(fact) == ["PER"] and fact.args["modality"] == modality
    money = fact.args.get("amount")
    assert (money.value if isinstance(money, Money) else None) == amount
    assert fact.args["beneficiary"] == Ref(EntityKind.STATE, "CHL", "Chile")


@pytest.mark.parametrize(
    "text",
    [
        "Peru will increase its defence funding by £2bn.",
        "Peru will increase Peru's defence funding by £2bn.",
        "Peru stepped up pressure on Bolivia.",
        "Peru did not increase its support for Chile.",
        "Peru raised its support for Chile with the other leaders.",
    ],
)
def test_stepping_up_own_spending_or_pressure_pledges_nothing(text: str) -> None:
    assert pledges_of(text) == []


def test_a_restated_offer_is_one_pledge_with_both_passages() -> None:
    fact = one(
        "Chile is prepared to send troops to Ukraine. "
        "If a truce holds, Chile is ready to deploy soldiers there, Ruiz said."
    )
    assert fact.args["pledge_kind"] == "troops" and len(fact.evidence) == 2
    assert fact.args["condition"] == "If a truce holds"


def test_different_amounts_numbers_or_firmness_stay_different_pledges() -> None:
    assert len(pledges_of("Chile pledged 2 billion euros. Chile then pledged 3 billion.")) == 2
    assert len(pledges_of("Peru pledged 300 soldiers. Peru later pledged 500 soldiers.")) == 2
    assert len(pledges_of("Peru is ready to send troops. Peru will deploy 500 soldiers.")) == 2
    assert len(pledges_of("Peru is ready to send troops. Peru plans to deploy troops.")) == 2


def test_the_country_is_the_speakers_state_else_the_last_state_named_before() -> None:
    vega = "President Tomas Vega, who has led Peru since 2024, said the country would join the "
    fact = one(vega + "security guarantees.")
    assert pledgers(fact) == ["PER"] and fact.args["pledge_kind"] == "other"
    ruiz = one(
        "Chile's Prime Minister Ana Ruiz met Peru's president. "
        "Ruiz said the country is ready to send troops."
    )
    assert pledgers(ruiz) == ["CHL"]
    assert pledges_of("President Tomas Vega said the country is ready to send troops.") == []


def test_a_post_of_no_named_state_pledges_the_troops_its_demonym_names() -> None:
    text = "Aides said the premier is open to considering a request to send British troops."
    assert pledgers(one(text)) == ["GBR"]


def _kinds(facts: list[Fact]) -> list[tuple[list[str], object, object]]:
    return [(pledgers(f), f.args["pledge_kind"], f.args.get("amount")) for f in facts]


EUR2BN = Money(Decimal("2000000000"), "EUR")


@pytest.mark.parametrize(
    "text",
    [
        "After the call, Peru offered:\n- 300 soldiers for the mission\n- 2 billion euros for "
        "drones\n- air policing over the coast\nThe call ended at noon.",
        "Peru pledged new help: 300 soldiers for the mission; 2 billion euros for drones; and "
        "air policing over the coast.",
    ],
)
def test_a_list_after_a_colon_is_one_pledge_per_item(text: str) -> None:
    facts = pledges_of(text)
    assert _kinds(facts) == [
        (["PER"], "troops", None),
        (["PER"], "money", EUR2BN),
        (["PER"], "capability", None),
    ]
    assert all(len(f.evidence) == 2 for f in facts)
    assert len({f.args["pledge"] for f in facts}) == 3


def test_a_colon_without_a_list_of_items_is_one_pledge() -> None:
    assert len(pledges_of("Peru pledged 300 soldiers: a company and a training team.")) == 1


def test_we_in_a_bare_quotation_is_whoever_the_previous_paragraph_reports() -> None:
    text = (
        "Chile's Prime Minister Ana Ruiz spoke in Lima. Ruiz said the talks went well.\n\n"
        '"We cannot promise much yet. But we are open to joining a peacekeeping force."'
    )
    fact = one(text)
    assert pledgers(fact) == ["CHL"] and fact.args["modality"] == "ready"
    assert pledges_of('Ruiz spoke in Lima.\n\n"We are open to joining a peacekeeping force."') == []


def test_keeping_troops_where_they_are_is_no_pledge() -> None:
    assert pledges_of("Peru maintained its troops near the border.") == []


USD500M = Money(Decimal("500000000"), "USD")


@pytest.mark.parametrize(
    "text",
    [
        "Chile announced an extra $2 billion in military aid, a $500 million loan for repairs, "
        "and a new package of sanctions.",
        "Chile has pledged $2 billion in military aid and a $500 million loan for repairs, plus "
        "a new package of sanctions.",
        "The minister recalled Chile's firm support for Ukraine, lately through $2 billion in "
        "military aid, with money for shells and drones; a $500 million loan for repairs; and "
        "a new package of sanctions.",
    ],
)
def test_a_list_without_a_colon_is_one_pledge_per_priced_item(text: str) -> None:
    usd2bn = Money(Decimal("2000000000"), "USD")
    found = _kinds(pledges_of(text))
    assert (["CHL"], "money", usd2bn) in found and (["CHL"], "money", USD500M) in found
    assert len(found) in {2, 3} and all(kind in {"money", "other"} for _, kind, _ in found)


def test_items_of_a_series_are_pledges_only_when_one_names_an_amount() -> None:
    assert pledges_of("Chile announced a new plan, a summit in Lima and a review.") == []
    text = "The minister recalled Chile's support, lately through talks; visits; and advice."
    assert pledges_of(text) == []
    assert pledges_of("Peru never recalled Chile's support through $2 billion; and drones.") == []


def test_a_series_of_clauses_is_not_a_list_of_items() -> None:
    facts = pledges_of("Peru pledged 2 million euros for fuel; Chile will send 40 drones.")
    assert len(facts) == 1 and all(len(f.evidence) == 1 for f in facts)


def test_announcing_an_amount_pledges_it_and_a_bracketed_sum_is_its_equivalent() -> None:
    fact = one("Chile unveiled a 500 million euro package (about $540 million) for Ukraine.")
    assert fact.args["amount"] == Money(Decimal("500000000"), "EUR")
    assert fact.args["modality"] == "asserted"


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Canada pledged $500 million for drones.", "CAD"),
        ("Australia will give $500 million in aid.", "AUD"),
        ("Chile pledged $500 million for drones.", "USD"),
        ("Canada pledged US$500 million for drones.", "USD"),
    ],
)
def test_a_bare_dollar_is_the_pledging_states_own_dollar(text: str, currency: str) -> None:
    amount = one(text).args["amount"]
    assert isinstance(amount, Money) and amount.currency == currency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Last year, Chile and Ukraine signed a ten-year pact that pledged medical aid.",
            ["CHL"],
        ),
        ("The accord, signed by Chile and Peru in May, commits 300 troops.", ["CHL", "PER"]),
        ("The deal that Chile and Peru concluded pledged 40 drones.", ["CHL", "PER"]),
        ("Chile and Peru will sign an agreement that commits 500 soldiers.", ["CHL", "PER"]),
    ],
)
def test_the_parties_of_an_agreement_pledge_what_it_pledges(text: str, expected: list[str]) -> None:
    assert pledgers(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chile urged Peru to sign an accord that pledges 300 troops.",
        "The deal that Chile and Peru did not sign pledged 40 drones.",
        "The pact that Chile and Peru discussed pledged 40 drones.",
    ],
)
def test_an_agreement_not_concluded_pledges_nothing(text: str) -> None:
    assert pledges_of(text) == []


def test_a_person_speaking_for_a_state_pledges_for_it_and_the_headline_sums_up() -> None:
    text = (
        "Ruiz promises soldiers for Ukraine at allied call\n"
        "LIMA — President Ana Ruiz's office says she told allies that Chile is willing to send "
        "300 soldiers after a ceasefire.\n"
    )
    fact = one(text)
    assert pledgers(fact) == ["CHL"] and fact.args["modality"] == "ready"
    assert len(fact.evidence) == 2


def test_a_person_who_speaks_for_no_state_or_several_stays_the_pledger() -> None:
    alone = "Ana Ruiz promises soldiers for Ukraine\nPresident Ana Ruiz spoke in Lima on Monday.\n"
    assert [pledgers(f) for f in pledges_of(alone)] == [["ana-ruiz"]]
    several = (
        "Ana Ruiz promises soldiers for Ukraine\n"
        "President Ana Ruiz said Chile is willing to send soldiers. President Ana Ruiz said "
        "Peru will send drones.\n"
    )
    found = {tuple(pledgers(f)) for f in pledges_of(several)}
    assert ("CHL",) in found and ("PER",) in found and ("ana-ruiz",) in found


@pytest.mark.parametrize(
    ("text", "label", "count", "kind"),
    [
        (
            "The Chilean president said 21 of Ukraine's partners have pledged to deploy a "
            "protection force once a truce holds.",
            "21 of Ukraine's partners",
            21,
            "troops",
        ),
        (
            "Seventeen countries will send troops, the minister said.",
            "Seventeen countries",
            17,
            "troops",
        ),
        (
            'He stressed that of the 30 nations, 19 had already "agreed and decided to make a '
            'concrete contribution."',
            "19 of the 30 nations",
            19,
            "other",
        ),
        ("Drones were promised by 12 allied nations.", "12 allied nations", 12, "equipment"),
    ],
)
def test_states_counted_but_not_named_pledge_as_one_unnamed_group(
    text: str, label: str, count: int, kind: str
) -> None:
    fact = one(text)
    pledger = fact.args["pledger"]
    assert isinstance(pledger, Ref) and pledger.kind is EntityKind.STATE_GROUP
    assert pledger.label == label and fact.args["pledge_kind"] == kind
    size = fact.args["pledger_count"]
    assert isinstance(size, Quantity) and size.minimum == size.maximum == count


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru met in Lima. The two countries will send troops.",
        "Seventeen countries will not send troops.",
        "Seventeen countries refused to send troops.",
        "Seventeen countries attended the summit.",
    ],
)
def test_a_definite_or_negated_count_or_no_pledge_makes_no_unnamed_group(text: str) -> None:
    assert not any(
        isinstance(f.args["pledger"], Ref) and f.args["pledger"].kind is EntityKind.STATE_GROUP
        for f in pledges_of(text)
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile made a firm commitment of 300 troops.", "troops"),
        ("Peru has decided to make a concrete contribution.", "other"),
    ],
)
def test_making_a_contribution_or_commitment_pledges(text: str, kind: str) -> None:
    assert one(text).args["pledge_kind"] == kind
    assert pledges_of("Chile made an announcement about the mission.") == []


@pytest.mark.parametrize("verb", ["emphasized", "underlined", "noted", "said"])
def test_a_pledge_reported_by_a_verb_of_emphasis_is_asserted(verb: str) -> None:
    fact = one(f"The minister {verb} that Chile would send 300 troops after a truce.")
    assert pledgers(fact) == ["CHL"] and fact.args["modality"] == "conditional"
    assert pledges_of(f"The minister {verb} that Chile would not send troops.") == []


def test_taking_part_in_talks_about_a_force_joins_no_force() -> None:
    assert (
        pledges_of("More than 20 nations will participate in Lima talks on a security force.") == []
    )
    assert pledges_of("Chile will take part in a meeting about the peacekeeping mission.") == []
    fact = one("More than 20 nations are ready to take part in the peacekeeping mission.")
    assert fact.args["pledge_kind"] == "troops"


def test_an_elided_series_gives_each_item_to_its_own_pledger_not_the_first() -> None:
    facts = pledges_of("Chile pledged €2 million for fuel; Peru, €3 million for drones.")
    assert [(pledgers(f), f.args["amount"]) for f in facts] == [
        (["CHL"], Money(Decimal("2000000"), "EUR"))
    ]


def test_someone_with_an_organisations_post_speaks_for_no_state() -> None:
    text = (
        "Ana Ruiz promises soldiers for Ukraine\n"
        "NATO Secretary General Ana Ruiz said Chile is willing to send soldiers.\n"
    )
    assert ["ana-ruiz"] in [pledgers(f) for f in pledges_of(text)]


def test_leading_a_force_under_a_word_of_readiness_pledges_troops() -> None:
    fact = one("Chile and Peru said they were ready to lead a protection force.")
    assert pledgers(fact) == ["CHL", "PER"] and fact.args["pledge_kind"] == "troops"
    assert pledges_of("Chile leads the protection mission.") == []
    assert pledges_of("Chile is ready to lead the talks on a protection force.") == []


def test_logistical_support_is_a_capability_and_but_keeps_the_negation_apart() -> None:
    fact = one("Peru will not deploy soldiers but will provide logistical support.")
    assert pledgers(fact) == ["PER"] and fact.args["pledge_kind"] == "capability"


def test_an_apposition_describing_a_priced_object_is_no_second_item() -> None:
    fact = one("Chile announced $2 billion, its largest package yet, for Ukraine.")
    assert fact.args["amount"] == Money(Decimal("2000000000"), "USD")


def test_a_pledge_an_agreement_frames_with_its_own_subject_is_that_subjects() -> None:
    fact = one("The two leaders signed a pact under which Peru will train 2,000 soldiers.")
    assert pledgers(fact) == ["PER"] and fact.args["pledge_kind"] == "training"
    assert pledges_of("The leaders discussed a pact under which Peru will train soldiers.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Peru will provide support to Ukraine.",
        "Peru has so far given 30 packages of military aid.",
        "Peru will provide assistance after a ceasefire.",
    ],
)
def test_a_weak_verb_giving_support_of_no_named_kind_pledges_other(text: str) -> None:
    fact = one(text)
    assert pledgers(fact) == ["PER"] and fact.args["pledge_kind"] == "other"


def test_disbursing_pledges_and_a_compound_number_word_counts_the_group() -> None:
    fact = one("Twenty-six countries will disburse 4 billion euros.")
    assert fact.args["amount"] == Money(Decimal("4000000000"), "EUR")
    size = fact.args["pledger_count"]
    assert isinstance(size, Quantity) and size.minimum == 26


@pytest.mark.parametrize(
    ("text", "kind", "modality"),
    [
        ("Peru has invested in Ukrainian production of armoured vehicles.", "money", "asserted"),
        ("Chile invested €40 million in drone factories in Ukraine.", "money", "asserted"),
        ("Chile will manufacture drones for Ukraine.", "equipment", "future"),
        ("Peru has spent $300 million on air defence for Ukraine.", "money", "asserted"),
        ("Shells for Ukraine are produced by Peru.", "equipment", "asserted"),
    ],
)
def test_investing_in_or_making_for_ukraine_is_a_contribution(
    text: str, kind: str, modality: str
) -> None:
    fact = one(text)
    assert (fact.args["pledge_kind"], fact.args["modality"]) == (kind, modality)
    assert fact.args["beneficiary"] == Ref(EntityKind.STATE, "UKR")


@pytest.mark.parametrize(
    "text",
    [
        "Germany will invest €5 billion in its own armed forces.",  # not for Ukraine
        "Chile manufactures drones.",  # for no one named
        "Peru spent $300 million on its own navy.",  # not for Ukraine
        "The shells will be manufactured in Lima for Ukraine.",  # by no one named
        "Peru has not invested in Ukrainian production.",  # negated
    ],
)
def test_investing_or_making_pledges_nothing_here(text: str) -> None:
    assert pledges_of(text) == []


@pytest.mark.parametrize(
    ("text", "pledged"),
    [
        ("Peru ready to send troops to Bolivia after truce, minister says\nThe rest.", True),
        ("Peru prepared to deploy 200 soldiers, president says\nThe rest.", True),
        ("Peru not ready to send troops, minister says\nThe rest.", False),
    ],
)
def test_a_verbless_headline_of_readiness_is_a_pledge(text: str, pledged: bool) -> None:
    """A headline writes "X ready to send troops" without "is": X's readiness all the same; a
    negated one pledges nothing."""
    found = pledges_of(text)
    assert [(pledgers(f), f.args["modality"]) for f in found] == (
        [(["PER"], "ready")] if pledged else []
    )
