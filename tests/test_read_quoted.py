"""Quotations that run over several sentences and paragraphs, on sentences written for these tests
(Chile, Peru and people of a fictional mission: nothing here comes from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.quoted import read_quotations
from cowkg.read.mappings.statements import read_statements
from cowkg.read.nlp import parse
from cowkg.read.quotations import quotations
from cowkg.types import Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def _source(text: str) -> Source:
    return Source("t.txt", text, "t", "en", "news", PUBLISHED)


def quoted(text: str) -> list[Fact]:
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(read_quotations(read(source, mentions)))


def said(text: str) -> list[tuple[str, str]]:
    """(speaker, words) of every statement and quotation statement of ``text``."""
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    reading = read(source, mentions)
    facts = [*read_statements(reading), *read_quotations(reading)]
    return [(_key(f, "speaker"), str(f.args["text"])) for f in facts]


def _key(fact: Fact, arg: str) -> str:
    value = fact.args.get(arg)
    return value.key if isinstance(value, Ref) else ""


def _keys(fact: Fact, arg: str) -> list[str]:
    value = fact.args.get(arg, ())
    return [r.key for r in value] if isinstance(value, tuple) else []


def pieces(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.pieces] for q in quotations(parse(_source(text)))]


# -- typography ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boric said, “We go. We stay.” Then he left.", [["We go. We stay."]]),
        ('Boric said, "We go. We stay." Then he left.', [["We go. We stay."]]),
        ("“We go,” Boric said, “and we stay.”", [["We go,"], ["and we stay."]]),
        ("Chile is «ready», Boric said.", [["ready"]]),
        # a paragraph that opens with a mark continues the quotation left open before it
        ("Boric said: “We go.\n“We stay.”\nPeru left.", [["We go.", "We stay."]]),
        # a line broken inside the quotation: the next line closes it
        ("Boric said: “We go and\nstay here.” Peru left.", [["We go and", "stay here."]]),
        # a quotation left open before a paragraph that does not go on with it ends there
        ("Boric said: “We go.\nPeru left.", [["We go."]]),
        # a closing mark with no opening one: the quotation began at the paragraph's start
        ("We go. We stay,” Boric said.", [["We go. We stay,"]]),
    ],
)
def test_quotations_are_read_from_typography(text: str, expected: list[list[str]]) -> None:
    assert pieces(text) == expected


def test_a_bare_quotation_opens_its_paragraph() -> None:
    found = quotations(parse(_source('Boric spoke.\n"We go."\nHe said "yes" to Peru.')))
    assert [q.opens_paragraph for q in found] == [True, False]


# -- the statements ------------------------------------------------------------------------------


def test_the_mapping_is_registered_after_the_statements() -> None:
    names = [name for name, _ in MAPPINGS]
    assert names.index("quotation") == names.index("statement") + 1


def test_every_sentence_after_said_comma_is_the_speakers() -> None:
    text = (
        "On Monday, Gabriel Boric said, “Peru will send engineers. Chile will pay for the "
        "bridges. We are ready.”"
    )
    found = quoted(text)
    assert [(_key(f, "speaker"), f.args["text"]) for f in found] == [
        ("gabriel-boric", "Chile will pay for the bridges"),
        ("gabriel-boric", "We are ready"),
    ]
    first = found[0]
    assert first.kind is FactKind.STATEMENT and first.method == "rule:quotation"
    assert first.args["speech_act"] == "said" and first.args["date"] == dt.date(2026, 5, 11)
    assert _keys(first, "about") == ["CHL"]
    # it cites the sentence that says who speaks, and its own
    assert [span.text for span in first.evidence] == [
        "On Monday, Gabriel Boric said, “Peru will send engineers.",
        "Chile will pay for the bridges.",
    ]


def test_sentences_before_a_closing_attribution_with_curly_quotes() -> None:
    text = "“The truce is fragile. Bolivia must act now,” Dina Boluarte told reporters on Tuesday."
    assert said(text) == [
        ("dina-boluarte", "Bolivia must act now"),
        ("dina-boluarte", "The truce is fragile"),
    ]
    (fact,) = quoted(text)
    assert fact.args["date"] == dt.date(2026, 5, 12)


def test_straight_quotes_after_he_said_go_on_with_the_same_speaker() -> None:
    text = (
        'Gabriel Boric landed in Lima. "The truce is fragile," he said. "Peru has to move. '
        'Bolivia too."'
    )
    assert said(text) == [
        ("gabriel-boric", "The truce is fragile"),
        ("gabriel-boric", "Peru has to move"),
        ("gabriel-boric", "Bolivia too"),
    ]


def test_a_quote_interrupted_by_he_added() -> None:
    assert said("“We are ready,” Gabriel Boric added, “and Peru will follow soon.”") == [
        ("gabriel-boric", "We are ready"),
        ("gabriel-boric", "and Peru will follow soon"),
    ]


def test_a_colon_introduces_a_quotation_over_paragraphs() -> None:
    text = (
        "Gabriel Boric said on Monday:\n"
        "“Peru will send engineers. Chile will pay for the bridges.\n"
        "“We will not wait for the truce.”\n"
        "The mission starts in June."
    )
    found = quoted(text)
    assert [f.args["text"] for f in found] == [
        "Peru will send engineers",
        "Chile will pay for the bridges",
        "We will not wait for the truce",
    ]
    assert {_key(f, "speaker") for f in found} == {"gabriel-boric"}
    assert {f.args["date"] for f in found} == {dt.date(2026, 5, 11)}


def test_a_bare_quoted_paragraph_is_the_speaker_the_paragraph_before_reports() -> None:
    text = 'Dina Boluarte said the plan works.\n"It is a good plan. Peru will join it."'
    assert said(text)[1:] == [
        ("dina-boluarte", "It is a good plan"),
        ("dina-boluarte", "Peru will join it"),
    ]


def test_a_bare_quotation_whose_stop_follows_its_closing_mark() -> None:
    text = 'Gabriel Boric explained that the mission was short.\n"It needs two bridges". [4]'
    assert [(_key(f, "speaker"), f.args["text"]) for f in quoted(text)] == [
        ("gabriel-boric", "It needs two bridges")
    ]


def test_a_chain_of_bare_quoted_paragraphs_keeps_its_speaker() -> None:
    text = (
        '"We go to Lima," Dina Boluarte said.\n'
        '"Peru will send engineers."\n'
        '"Chile will pay for the bridges."'
    )
    assert {speaker for speaker, _ in said(text)} == {"dina-boluarte"}
    assert len(quoted(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # the paragraph before reports no one speaking
        'Gabriel Boric spoke in Lima.\n"Peru will send engineers. Chile will pay."',
        # its own attribution the statements mapping does not read: not the speaker before
        'Dina Boluarte said the plan works.\n"Peru will send engineers," the minister posted.',
        # two speakers report words of one quotation: whose is not known
        'Chile and Peru said, "The truce holds.',
        # a quoted heading is an editor's pick
        'Dina Boluarte said the plan works.\n"A good plan"\nPeru met.',
        'Dina Boluarte said the plan works.\n"Nothing will change"\nPeru met.',
        # a quotation in the narrator's next sentence does not go on with the one before
        "“The truce holds,” Gabriel Boric said. Peru is ready, calling it “a plan that works.”",
        # scare quotes inside a sentence are no further words
        "Gabriel Boric said the “coalition of the willing” would meet. Peru left.",
    ],
)
def test_no_quotation_statement(text: str) -> None:
    assert [f.args["text"] for f in quoted(text) if len(str(f.args["text"]).split()) > 1] == []


def test_negations_questions_and_pledges_inside_a_quotation_are_still_said() -> None:
    text = (
        "Gabriel Boric said, “Chile will not send troops. Why would Peru wait? Chile would send "
        "200 troops if the truce holds.”"
    )
    assert [f.args["text"] for f in quoted(text)] == [
        "Why would Peru wait?",
        "Chile would send 200 troops if the truce holds",
    ]
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    reading = read(source, mentions)
    pledges = [f for _, m in MAPPINGS if _ == "pledge" for f in m(reading)]
    assert [f.args.get("modality") for f in pledges] == ["conditional"]


def test_the_speaker_and_addressees_are_not_what_it_is_about() -> None:
    (fact,) = quoted(
        "Gabriel Boric told Dina Boluarte, “Peru is ready. Dina Boluarte and Chile will lead.”"
    )
    assert _keys(fact, "addressee") == ["dina-boluarte"]
    assert _keys(fact, "about") == ["CHL"]


def facts_of(text: str) -> list[Fact]:
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    reading = read(source, mentions)
    return [f for _, mapping in MAPPINGS for f in mapping(reading) if f.kind is FactKind.STATEMENT]


def test_we_and_many_of_us_in_a_later_paragraph_of_a_quotation_are_its_speaker() -> None:
    text = (
        "Coalition meets in Lima\n"
        "After the summit, Gabriel Boric said, “Peru is ready. The truce is fragile.\n"
        "“We agreed that Chile will send engineers. Many of us expressed readiness to fund the "
        "bridges.”"
    )
    acts = {(f.args["speech_act"], f.args["text"]): _key(f, "speaker") for f in facts_of(text)}
    assert acts[("agreed", "Chile will send engineers")] == "gabriel-boric"
    assert acts[("said", "readiness to fund the bridges")] == "gabriel-boric"


@pytest.mark.parametrize(
    "text",
    [
        # "we" of the narrator, in no quotation
        "Gabriel Boric said the truce holds. We agreed that Chile will send engineers.",
        # many of them: not the speaker's group
        "Gabriel Boric said, “Many of them expressed readiness to fund the bridges.”",
    ],
)
def test_we_outside_a_quotation_or_a_group_of_others_is_not_the_speaker(text: str) -> None:
    found = facts_of(text)
    assert not [f for f in found if f.args["speech_act"] == "agreed"]
    assert not [f for f in found if f.args["text"] == "readiness to fund the bridges"]


def test_we_closed_by_the_speaker_after_several_sentences() -> None:
    text = "“The truce is fragile. We warned Peru that the border is closed,” Dina Boluarte said."
    warned = [f for f in facts_of(text) if f.args["speech_act"] == "warned"]
    assert [(_key(f, "speaker"), f.args["text"]) for f in warned] == [
        ("dina-boluarte", "the border is closed")
    ]


def test_a_transcript_after_its_colon_line_is_the_speakers_up_to_the_next_heading() -> None:
    text = (
        "Peru met.\n"
        "President Gabriel Boric’s remarks at the Lima summit on 3 May:\n"
        "Good morning to all of you. Peru will send engineers to the border.\n"
        "We stand ready.\n"
        "Next steps\n"
        "The mission starts in June."
    )
    found = quoted(text)
    assert [f.args["text"] for f in found] == [
        "Good morning to all of you",
        "Peru will send engineers to the border",
        "We stand ready",
    ]
    assert {(_key(f, "speaker"), _key(f, "capacity")) for f in found} == {
        ("gabriel-boric", "president")
    }
    assert {f.args["date"] for f in found} == {dt.date(2026, 5, 3)}
    assert found[1].evidence[0].text.startswith("President Gabriel Boric’s remarks")
    by = quoted("Speech by Gabriel Boric on 3 May:\nPeru will send engineers. We stand ready.")
    assert [f.args["text"] for f in by] == ["Peru will send engineers", "We stand ready"]


@pytest.mark.parametrize(
    "text",
    [
        "The remarks of Chile and Peru:\nPeru will send engineers.",  # no one person
        "Gabriel Boric made his remarks:\nPeru will send engineers.",  # a clause, not a title
        "The remarks at the summit:\nPeru will send engineers.",  # no one named
        "Gabriel Boric’s remarks at the summit.\nPeru will send engineers.",  # no colon
    ],
)
def test_no_transcript(text: str) -> None:
    assert quoted(text) == []


def test_a_quotation_a_participle_introduces_beside_another_statement() -> None:
    text = (
        "Dina Boluarte met Chile. However, she acknowledged the limits of the mission, stressing "
        'that "it will be hard for the engineers to hold every bridge."'
    )
    (fact,) = quoted(text)
    assert (_key(fact, "speaker"), fact.args["text"]) == (
        "dina-boluarte",
        "it will be hard for the engineers to hold every bridge",
    )
    assert len(fact.evidence) == 1


def test_two_quotations_one_participle_introduces_are_each_said_once() -> None:
    text = (
        "Dina Boluarte met Chile. However, she acknowledged the limits of the mission, stressing "
        'that "it will be hard to hold the bridges" and "we will need more engineers soon."'
    )
    assert [f.args["text"] for f in quoted(text)] == [
        "it will be hard to hold the bridges",
        "we will need more engineers soon",
    ]


def test_the_rest_of_a_sentence_a_statement_carries_is_no_statement_of_its_own() -> None:
    text = (
        "Gabriel Boric said, “Peru is late. Many of us expressed readiness to send engineers, "
        "including through a fund, and will help more.”"
    )
    assert said(text) == [
        ("gabriel-boric", "Peru is late"),
        ("gabriel-boric", "readiness to send engineers, including through a fund"),
    ]


def test_first_person_sentences_before_an_unmarked_closing_attribution() -> None:
    text = (
        "Gabriel Boric met Peru.\n"
        "Yes, I will go to Lima if Peru invites me. But I have not seen the letter yet, says "
        "Boric during a break.\n"
        "Then we know what we can send. The mission started in May. But we have the means, says "
        "Boric."
    )
    assert said(text) == [
        ("gabriel-boric", "But I have not seen the letter yet"),
        ("gabriel-boric", "But we have the means"),
        ("gabriel-boric", "Yes, I will go to Lima if Peru invites me"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the narrator's sentence before: no first person
        "Peru will send engineers. The plan works, says Gabriel Boric.",
        # an attribution before its words reports one sentence only
        "We have the means. Gabriel Boric says that the plan works.",
        # another paragraph
        "We have the means.\nThe plan works, says Gabriel Boric.",
    ],
)
def test_no_unmarked_quotation(text: str) -> None:
    assert quoted(text) == []


def test_what_we_agreed_in_a_quotation_was_agreed_when_and_where_it_was_reported_said() -> None:
    text = (
        "Coalition meets in Lima\n"
        "Leaders of the coalition met in Lima on Monday. After the summit on Monday, Gabriel Boric "
        "said, “Peru is ready.\n"
        "“We agreed that Chile will send engineers.”"
    )
    (agreed,) = [f for f in facts_of(text) if f.args["speech_act"] == "agreed"]
    assert agreed.args["date"] == dt.date(2026, 5, 11)
    assert _key(agreed, "meeting") == "2026-05-11-summit"
    # "Chile" agreeing inside the same quotation keeps its own (no) day: not first person
    (other,) = [
        f
        for f in facts_of(text.replace("We agreed that Chile", "Chile agreed that Peru"))
        if f.args["speech_act"] == "agreed"
    ]
    assert "date" not in other.args
