"""Resolution: one canonical key per real-world entity, deterministic IRIs and labels."""

from __future__ import annotations

import random

import pytest
from fixtures.graph_facts import MARCH_15, MARCH_15_GENERIC, MNFU, sample_facts

from cowkg.resolve import ResolveError, entity_iri, meeting_label, resolve, slugify
from cowkg.types import EntityKind, Fact, FactKind, Ref, Span

BASE = "https://example.org/kg/"
SPAN = (Span("x.txt", 0, 1, "x"),)


def _meeting(key: str) -> Fact:
    return Fact(FactKind.MEETING, {"meeting": Ref(EntityKind.MEETING, key)}, SPAN, "rule:t")


def _person(key: str, label: str = "") -> Fact:
    return Fact(
        FactKind.HOST,
        {
            "meeting": Ref(EntityKind.MEETING, "2025-01-01-summit"),
            "host": Ref(EntityKind.PERSON, key, label),
        },
        SPAN,
        "rule:t",
    )


def test_entity_iri_follows_the_data_model() -> None:
    assert str(entity_iri(BASE, "state", "GBR")) == "https://example.org/kg/id/state/GBR"


def test_a_key_that_is_not_a_slug_is_refused_with_its_name() -> None:
    with pytest.raises(ResolveError, match="'keir starmer'"):
        entity_iri(BASE, "person", "keir starmer")


def test_slugify_folds_accents_and_punctuation() -> None:
    assert slugify("Sébastien Lecornu") == "sebastien-lecornu"
    assert slugify("Multinational Force–Ukraine (MNF-U)") == "multinational-force-ukraine-mnf-u"


def test_spelling_variants_and_surnames_merge_into_the_fullest_key() -> None:
    res = resolve(
        [
            _person("zelensky"),
            _person("volodymyr-zelensky"),
            _person("volodymyr-zelenskyy"),
            _person("starmer"),
            _person("keir-starmer"),
        ],
        BASE,
    )
    person = EntityKind.PERSON
    assert {
        res.canonical[(person, k)]
        for k in ("zelensky", "volodymyr-zelensky", "volodymyr-zelenskyy")
    } == {"volodymyr-zelenskyy"}
    assert res.canonical[(person, "starmer")] == "keir-starmer"


def test_a_surname_shared_by_two_people_is_left_alone() -> None:
    res = resolve([_person("tusk"), _person("donald-tusk"), _person("mary-tusk")], BASE)
    assert res.canonical[(EntityKind.PERSON, "tusk")] == "tusk"


def test_generic_meeting_merges_into_the_one_known_kind_on_its_date() -> None:
    res = resolve([_meeting("2025-03-15-meeting"), _meeting("2025-03-15-summit")], BASE)
    assert res.canonical[(EntityKind.MEETING, "2025-03-15-meeting")] == "2025-03-15-summit"


def test_generic_meeting_stays_when_its_date_has_two_kinds() -> None:
    keys = ["2025-04-10-meeting", "2025-04-10-summit", "2025-04-10-ministerial"]
    res = resolve([_meeting(k) for k in keys], BASE)
    assert res.canonical[(EntityKind.MEETING, "2025-04-10-meeting")] == "2025-04-10-meeting"
    assert res.canonical[(EntityKind.MEETING, "2025-04-10-summit")] == "2025-04-10-summit"


def test_keys_that_differ_in_a_number_are_no_spellings_of_one_another() -> None:
    pledger = Ref(EntityKind.STATE, "CHL", "Chile")
    keys = ("chl-gbp-2000000000", "chl-gbp-2200000000", "chl-gbp-200000000")
    facts = [
        Fact(
            FactKind.PLEDGE,
            {"pledge": Ref(EntityKind.PLEDGE, k), "pledger": pledger, "pledge_kind": "money"},
            SPAN,
            "r",
        )
        for k in keys
    ]
    res = resolve(facts, BASE)
    assert {res.canonical[(EntityKind.PLEDGE, k)] for k in keys} == set(keys)


def test_states_are_never_merged_by_spelling() -> None:
    facts = [
        Fact(
            FactKind.LEADS,
            {"coalition": Ref(EntityKind.COALITION, "c"), "leader": Ref(EntityKind.STATE, k)},
            SPAN,
            "r",
        )
        for k in ("NER", "NNER")
    ]
    res = resolve(facts, BASE)
    assert res.canonical[(EntityKind.STATE, "NNER")] == "NNER"


def test_a_key_that_is_the_slug_of_a_name_merges_into_that_entity() -> None:
    name = Fact(
        FactKind.NAME,
        {
            "entity": Ref(EntityKind.FORCE, "mnf-u"),
            "label": "Multinational Force Ukraine",
            "lang": "en",
            "alternative": True,
        },
        SPAN,
        "r",
    )
    other = Fact(
        FactKind.FORCE_TASK,
        {
            "force": Ref(EntityKind.FORCE, "multinational-force-ukraine"),
            "task": Ref(EntityKind.TASK, "training"),
        },
        SPAN,
        "r",
    )
    res = resolve([name, other], BASE)
    assert res.canonical[(EntityKind.FORCE, "multinational-force-ukraine")] == "mnf-u"


def test_rewritten_facts_use_canonical_refs() -> None:
    res = resolve(sample_facts(), BASE)
    meetings = {
        v.key
        for f in res.facts
        for v in f.args.values()
        if isinstance(v, Ref) and v.kind is EntityKind.MEETING
    }
    assert MARCH_15_GENERIC.key not in meetings and MARCH_15.key in meetings


def test_labels_prefer_name_facts_then_the_fullest_carried_label() -> None:
    res = resolve(sample_facts(), BASE)
    assert res.label(MNFU, "fr") == "Force multinationale en Ukraine"
    assert res.label(MNFU, "uk") == "Багатонаціональні сили-Україна"
    assert res.label(MNFU) == "Multinational Force–Ukraine"
    assert res.label(Ref(EntityKind.PERSON, "starmer")) == "Keir Starmer"
    assert res.label(Ref(EntityKind.STATE, "GBR")) == "United Kingdom"  # beats 'UK': longer
    assert res.label(MNFU, "de") == ""


def test_meeting_labels_come_from_the_key() -> None:
    assert meeting_label("2025-03-27-summit") == "Coalition of the Willing summit, 27 March 2025"
    res = resolve([_meeting("2025-08-13-working-group")], BASE)
    assert res.label(Ref(EntityKind.MEETING, "2025-08-13-working-group")) == (
        "Coalition of the Willing working group, 13 August 2025"
    )


def test_resolution_does_not_depend_on_fact_order() -> None:
    facts = sample_facts()
    shuffled = facts[:]
    random.Random(7).shuffle(shuffled)
    a, b = resolve(facts, BASE), resolve(shuffled, BASE)
    assert a.canonical == b.canonical and a.labels == b.labels


def test_generic_meeting_merges_into_the_kind_held_at_the_same_place() -> None:
    paris, nato = Ref(EntityKind.PLACE, "paris"), Ref(EntityKind.PLACE, "nato-hq")

    def place(meeting: str, where: Ref) -> Fact:
        return Fact(
            FactKind.MEETING_PLACE,
            {"meeting": Ref(EntityKind.MEETING, meeting), "place": where},
            SPAN,
            "rule:t",
        )

    facts = [
        place("2025-03-27-meeting", paris),
        place("2025-03-27-summit", paris),
        place("2025-03-27-ministerial", nato),
    ]
    res = resolve(facts, BASE)
    assert res.canonical[(EntityKind.MEETING, "2025-03-27-meeting")] == "2025-03-27-summit"
    res = resolve([*facts[:2], place("2025-03-27-ministerial", paris)], BASE)
    assert res.canonical[(EntityKind.MEETING, "2025-03-27-meeting")] == "2025-03-27-meeting"


def _venue(meeting: str, key: str, label: str, within: str | None = None) -> list[Fact]:
    place = Ref(EntityKind.PLACE, key, label)
    facts = [
        Fact(
            FactKind.MEETING_PLACE,
            {"meeting": Ref(EntityKind.MEETING, meeting), "place": place},
            SPAN,
            "rule:t",
        )
    ]
    if within:
        outer = Ref(EntityKind.PLACE, within)
        facts.append(Fact(FactKind.PLACE, {"place": place, "within": outer}, SPAN, "rule:t"))
    return facts


def test_a_venue_written_city_first_or_city_last_is_one_place() -> None:
    """The meetings table writes 'Kyiv, Mariinskyi Palace', the place list keys the palace
    'mariinskyi-palace-kyiv': one node, under the list's key, whatever the order."""
    facts = [
        *_venue("2025-05-10-summit", "kyiv-mariinskyi-palace", "Kyiv, Mariinskyi Palace", "kyiv"),
        *_venue("2025-05-10-summit", "mariinskyi-palace-kyiv", "Mariinskyi Palace"),
    ]
    for known in (None, {}):  # with the place list, and by word order alone
        res = resolve(facts, BASE, known_places=known)
        place = EntityKind.PLACE
        keys = {
            res.canonical[(place, k)] for k in ("kyiv-mariinskyi-palace", "mariinskyi-palace-kyiv")
        }
        assert keys == {"mariinskyi-palace-kyiv"}
        assert res.canonical[(place, "kyiv")] == "kyiv"


def test_a_venue_merges_into_the_listed_place_its_name_is_an_alias_of() -> None:
    facts = [
        *_venue("2025-07-10-summit", "northwood-headquarters-eastbury", "x", "eastbury"),
        *_venue("2025-03-20-military", "northwood", "Northwood"),
    ]
    res = resolve(facts, BASE, known_places={"northwood-headquarters": "northwood"})
    assert res.canonical[(EntityKind.PLACE, "northwood-headquarters-eastbury")] == "northwood"
    assert res.canonical[(EntityKind.PLACE, "eastbury")] == "eastbury"
    res = resolve(facts, BASE, known_places={})
    assert res.canonical[(EntityKind.PLACE, "northwood-headquarters-eastbury")] != "northwood"


def test_venues_of_one_name_in_two_cities_stay_apart() -> None:
    facts = [
        *_venue("2025-01-01-summit", "city-hall-paris", "City Hall, Paris", "paris"),
        *_venue("2025-02-01-summit", "london-city-hall", "London, City Hall", "london"),
        *_venue("2025-03-01-summit", "city-hall", "City Hall"),
        *_venue("2025-04-01-summit", "paris-city-hall", "Paris, City Hall", "paris"),
    ]
    res = resolve(facts, BASE, known_places={})
    found = {
        k: res.canonical[(EntityKind.PLACE, k)] for k in ("city-hall-paris", "paris-city-hall")
    }
    assert len(set(found.values())) == 1
    assert res.canonical[(EntityKind.PLACE, "london-city-hall")] == "london-city-hall"
    assert res.canonical[(EntityKind.PLACE, "city-hall")] == "city-hall"


def test_a_merged_person_is_labelled_by_the_name_that_spells_the_key() -> None:
    facts = [
        _person("antonio-costa", "Antonio Costa"),
        _person("costa", "Costa"),
        _person("costa", "Costa"),
    ]
    res = resolve(facts, BASE)
    assert res.label(Ref(EntityKind.PERSON, "costa")) == "Antonio Costa"
