"""News outlets as speakers of what a source relays (:mod:`cowkg.read.mappings.outlets`), on
sentences written for these tests (fictional outlets, Chile and Peru: nothing from a seed or an
article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import read
from cowkg.read.mappings.outlets import outlet_countries
from cowkg.read.mappings.statements import read_statements
from cowkg.types import EntityKind, Fact, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def statements(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(read_statements(read(source, mentions)))


def said(text: str) -> list[tuple[str | None, str, str]]:
    """(speaker key, speech act, words) of each distinct statement."""
    out = []
    for fact in statements(text):
        speaker = fact.args["speaker"]
        row = (
            speaker.key if isinstance(speaker, Ref) else None,
            str(fact.args["speech_act"]),
            str(fact.args["text"]),
        )
        if row not in out:
            out.append(row)
    return out


@pytest.mark.parametrize(
    ("text", "outlet", "words"),
    [
        (
            "Envoys of Chile and Peru met in Lima, The Andes Herald reported, citing unnamed "
            "sources.",
            "andes-herald",
            "Envoys of Chile and Peru met in Lima",
        ),
        (
            "According to the news agency Andes Wire, Chile will send ships to Peru.",
            "andes-wire",
            "Chile will send ships to Peru",
        ),
        (
            "According to Condor Press' sources in diplomatic circles, Peru doubts the plan.",
            "condor-press",
            "Peru doubts the plan",
        ),
        (
            "Chile may join, according to the Peruvian newspaper El Faro.",
            "el-faro",
            "Chile may join",
        ),
    ],
)
def test_an_outlet_reports(text: str, outlet: str, words: str) -> None:
    assert said(text) == [(outlet, "reported", words)]


@pytest.mark.parametrize(
    "text",
    [
        "According to the Peruvian newspaper El Faro, Chile will send ships.",
        "Chile declared its support on 3 May, and according to the Peruvian newspaper El Faro , "
        "Chile will send ships.",
        # a name the parser does not set beside the noun ("Die" read as a verb)
        "Chile declared its support on 3 May, and according to the Peruvian newspaper Die Faro , "
        "Chile will send ships.",
    ],
)
def test_the_outlets_country_is_neither_speaker_nor_party_of_what_it_reports(text: str) -> None:
    found = [f for f in statements(text) if f.args["speech_act"] == "reported"]
    assert [f.args["speaker"].key for f in found] in (["el-faro"], ["die-faro"])  # type: ignore[union-attr]
    about = found[0].args["about"]
    assert isinstance(about, tuple) and [r.key for r in about] == ["CHL"]
    assert all(f.args["speaker"] != Ref(EntityKind.STATE, "PER") for f in statements(text))


def test_the_report_is_the_outlet_the_source_named_last() -> None:
    text = (
        "Condor Press reports this. The report says that Chile wants Peru to pay. "
        "Condor Press said the ships will sail in June."
    )
    assert said(text) == [
        ("condor-press", "reported", "Chile wants Peru to pay"),
        ("condor-press", "reported", "the ships will sail in June"),
    ]


def test_the_report_of_a_source_that_names_no_outlet_has_no_speaker() -> None:
    assert said("The report says that Chile wants Peru to pay.") == []


def test_the_report_far_after_the_outlet_is_not_known_to_be_its() -> None:
    filler = "The engineers studied every road, bridge, port and rail line of the region. " * 9
    text = f"Condor Press reports this. {filler}The report says that Chile wants Peru to pay."
    assert said(text) == []


def test_a_name_the_source_never_presents_as_an_outlet_does_not_report_by_saying() -> None:
    assert all(act != "reported" for _, act, _ in said("Condor Press said Chile will pay."))


def test_an_according_phrase_of_a_conjunct_dates_nothing_of_its_own() -> None:
    (fact,) = statements(
        "Peru pledged ships on 2 May, and according to the news agency Andes Wire, Chile "
        "considered joining the mission."
    )
    assert fact.args["speaker"] == Ref(fact.args["speaker"].kind, "andes-wire")  # type: ignore[union-attr]
    assert "date" not in fact.args


def test_a_person_saying_is_no_outlet_reporting() -> None:
    found = said("Chilean President Gabriel Boric said that The Andes Herald reported the talks.")
    assert ("gabriel-boric", "said", "The Andes Herald reported the talks") in found


def test_an_outlet_named_beside_a_reporting_clause_of_its_own_reports_too() -> None:
    found = said(
        "Peru declared willingness to help on 18 March, and according to the Peruvian "
        "newspaper El Faro, Chile also considered joining the mission."
    )
    assert ("el-faro", "reported", "Chile also considered joining the mission") in found


@pytest.mark.parametrize(
    "text",
    [
        "According to the Andes Herald, Chilean President Gabriel Boric said Peru pays.",
        "Chilean President Gabriel Boric stated, according to the Andes Herald, that Peru pays.",
    ],
)
def test_according_to_an_outlet_that_someone_said_is_only_their_statement(text: str) -> None:
    assert [(who, act) for who, act, _ in said(text)] == [("gabriel-boric", "said")]


def test_an_outlet_of_the_source_is_known_whatever_the_parse_calls_it() -> None:
    found = said(
        "Condor Press reports this. Envoys of Chile and Peru met in Lima on Tuesday to discuss "
        "the mission with army chiefs of many states, Condor Press reported, citing sources."
    )
    assert [(who, act) for who, act, _ in found] == [("condor-press", "reported")]


def test_days_named_in_the_words_are_what_the_statement_covers() -> None:
    (fact,) = statements(
        "Chilean President Gabriel Boric said on Thursday that the group met yesterday and "
        "will meet again on 11 June."
    )
    assert fact.args["covers"] == (dt.date(2026, 5, 13), dt.date(2026, 6, 11))


@pytest.mark.parametrize(
    "text",
    [
        # said on another day than the source's: "yesterday" is not the source's yesterday
        "Chilean President Gabriel Boric said on Monday that the group met yesterday.",
        # said on no known day
        '"The group met today," Chilean President Gabriel Boric said.',
        # a week is no day
        "Chilean President Gabriel Boric said on Thursday that the group met this week.",
    ],
)
def test_relative_days_of_words_said_on_no_known_day_or_another_day_are_not_covered(
    text: str,
) -> None:
    (fact,) = statements(text)
    assert "covers" not in fact.args


# -- where an outlet is based ---------------------------------------------------------------


def based_in(text: str) -> list[tuple[str, str]]:
    """(outlet key, state key) of each BASED_IN fact."""
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    facts = outlet_countries(read(source, mentions))
    return [(f.args["organization"].key, f.args["state"].key) for f in facts]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to the German newspaper Lima Post, Peru joined.", [("lima-post", "DEU")]),
        ("Italian broadcaster Rete Sud reported that Peru would join.", [("rete-sud", "ITA")]),
        (
            "The Russian state news agency Vesti Wire said the talks failed.",
            [("vesti-wire", "RUS")],
        ),
        ("Leaders spoke to Italian TV channel Rete Sud on 3 May 2026.", [("rete-sud", "ITA")]),
        ("The Italian public broadcaster Rete Sud aired it.", [("rete-sud", "ITA")]),
    ],
)
def test_a_demonym_before_a_press_noun_is_where_the_outlet_is_based(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert based_in(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The German minister Ana Ruiz said the talks failed.",  # no press noun
        "A French newspaper reported that Peru would join.",  # no name after it
        "German officials told the newspaper Lima Post that Chile joined.",  # words between
    ],
)
def test_no_press_noun_between_demonym_and_name_gives_no_country(text: str) -> None:
    assert based_in(text) == []
