"""Headline grammar (Title Case, "X to V", present for past, "…, X says", nominal titles) and
the titles of cited works, on headlines and references written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index, titled_names
from cowkg.read.agents import person_names
from cowkg.read.clauses import Action, Clause
from cowkg.read.headlines import is_title_case, sentence_cased, vocabulary
from cowkg.read.mappings import Reading, read
from cowkg.read.mappings.documents import documents
from cowkg.read.mappings.meetings import read_meetings
from cowkg.read.mappings.pledges import pledges
from cowkg.types import Fact, FactKind, Ref, Source

THURSDAY = dt.date(2026, 5, 14)


def reading_of(text: str, kind: str = "news", published: dt.date | None = THURSDAY) -> Reading:
    source = Source("t.txt", text, "t", "en", kind, published)
    people = people_index(titled_names(source) + person_names(source))
    return read(source, _mentions_stage(source, None, people))


def headline(text: str, body: str) -> list[Clause]:
    """The clauses of a news source's headline (its first line)."""
    reading = reading_of(f"{text}\n{body}")
    return list(reading.units[0][1])


def acting(clauses: list[Clause], action: Action) -> Clause:
    found = [c for c in clauses if c.action is action]
    assert len(found) == 1, [(c.predicate, c.action) for c in clauses]
    return found[0]


def keys(clause: Clause, *roles: str) -> list[str]:
    return [m.value.key for m in clause.agents(*roles)]  # type: ignore[union-attr]


# -- sentence case ----------------------------------------------------------------------------


def test_title_case_is_shown_in_sentence_case_keeping_names_and_length() -> None:
    text = "Portugal To Host Nordic Allies For Talks On Air Defence In May"
    words = vocabulary("the allies will host talks on air defence; for me, in time")
    cased = sentence_cased(text, [(0, len(text))], words)
    assert cased == "Portugal to host Nordic allies for talks on air defence in May"
    assert len(cased) == len(text)


def test_a_word_the_source_never_writes_is_lowered_when_english_and_a_name_is_kept() -> None:
    from cowkg.read.nlp import english_words

    words = vocabulary("Minister Kaja Kallas spoke; Kallas met Ghana's envoy.", english_words())
    text = "Kallas Seeks Sanctions As Talks Stall In Ghana"
    assert (
        sentence_cased(text, [(0, len(text))], words)
        == "Kallas seeks sanctions as talks stall in Ghana"
    )


def test_a_headline_in_sentence_case_or_a_short_one_is_left_as_it_is() -> None:
    assert not is_title_case("Portugal to host allies for talks on air defence")
    assert not is_title_case("Talks End")
    text = "Portugal to host allies"
    assert sentence_cased(text, [(0, len(text))], vocabulary("to host allies")) == text


# -- headline grammar -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Portugal To Host Nordic Allies For Air Defence Talks",
        "Portugal to host Nordic allies for air defence talks",
    ],
)
def test_to_infinitive_is_the_future_with_its_subject(text: str) -> None:
    clause = acting(
        headline(
            text, "The allies will meet there, and Portugal is to host the air defence talks."
        ),
        Action.HOST,
    )
    assert keys(clause, "subject") == ["PRT"]
    assert clause.modality == "future"


def test_present_tense_headline_verb_read_as_a_noun_is_the_predicate() -> None:
    clause = acting(
        headline("Norway pledges drones for Kyiv air defence", "Oslo made the offer on Monday."),
        Action.PLEDGE,
    )
    assert keys(clause, "subject") == ["NOR"]
    assert clause.modality == "asserted" and clause.polarity


@pytest.mark.parametrize(
    ("text", "action", "subjects"),
    [
        ("Chile & Peru host border talks in Lima", Action.HOST, ["CHL", "PER"]),
        ("Sweden and Norway pledge troops for the mission", Action.PLEDGE, ["SWE", "NOR"]),
        (
            "Chile & Peru convene another meeting of allies, who vow to defend Bolivia",
            Action.MEET,
            ["CHL", "PER"],
        ),
    ],
)
def test_names_joined_before_a_plain_present_verb_read_as_a_noun_are_its_subject(
    text: str, action: Action, subjects: list[str]
) -> None:
    clause = acting(headline(text, "More soon."), action)
    assert keys(clause, "subject") == subjects
    assert clause.modality == "asserted" and clause.polarity


def test_joined_names_before_a_noun_that_is_no_verb_stay_a_noun_phrase() -> None:
    clauses = headline("Chile and Peru border guards on alert", "More soon.")
    assert not [c for c in clauses if c.action in {Action.HOST, Action.PLEDGE, Action.MEET}]


def test_a_says_tail_makes_the_infinitive_reported_speech_of_the_future() -> None:
    clauses = headline(
        "Chile to send engineers for demining mission, minister says",
        "The defence minister spoke in Santiago.",
    )
    clause = acting(clauses, Action.PLEDGE)
    assert keys(clause, "subject") == ["CHL"]
    assert clause.modality == "future"


def test_a_negated_headline_infinitive_stays_negated() -> None:
    clause = acting(
        headline("Ireland not to send troops to Ukraine", "Dublin ruled it out."), Action.PLEDGE
    )
    assert keys(clause, "subject") == ["IRL"] and not clause.polarity


def test_a_headline_pledge_in_the_present_is_a_pledge() -> None:
    found = list(pledges(reading_of("Latvia pledges troops for peacekeeping mission\nMore soon.")))
    assert [f.args["pledger"] for f in found] == [Ref(found[0].args["pledger"].kind, "LVA")]  # type: ignore[union-attr]
    assert found[0].args["pledge_kind"] == "troops"


# -- titles of cited works --------------------------------------------------------------------

WIKI = (
    "The coalition of the willing met often; Portugal hosts the air defence meeting.\n"
    "References\n"
    '  1. Doe, Jane (12 June 2026). "Portugal Hosts Coalition Of The Willing Meeting On Air '
    'Defence". Example News. Retrieved 13 June 2026.\n'
    '  2. "Coalition of the willing to meet in Riga on Friday". Example News. 8 June 2026. '
    "Retrieved 9 June 2026.\n"
    '  3. "Joint statement of Chile and Peru on maritime security: 20 June 2026" (Press '
    "release). Example Office. Retrieved 21 June 2026.\n"
    '  4. "Virtual leaders\' meeting of the coalition of the willing". Example Office. 22 June '
    "2026.\n"
    '  5. "Coalition leaders to gather for a summit". Example News. 1 July 2026.\n'
    '  6. "Minister confirms Peru hosting coalition call". Example News. 2 July 2026.\n'
    '  7. "Chile and Peru met in Lima". Example News. Retrieved 3 July 2026. Officials said '
    '"leaders of the coalition of the willing met in Quito today".\n'
)


def wiki_facts() -> list[Fact]:
    reading = reading_of(WIKI, kind="encyclopedia", published=None)
    return list(read_meetings(reading)) + list(documents(reading))


def of_kind(facts: list[Fact], kind: FactKind) -> dict[str, Fact]:
    return {
        str(f.args.get("meeting", f.args.get("plan")).key): f  # type: ignore[union-attr]
        for f in facts
        if f.kind is kind
    }


def test_a_cited_title_in_the_present_tells_its_meeting_on_the_references_date() -> None:
    facts = wiki_facts()
    meetings = of_kind(facts, FactKind.MEETING)
    assert meetings["2026-06-12-meeting"].args["body"].key == "coalition-of-the-willing"  # type: ignore[union-attr]
    hosts = {(f.args["meeting"].key, f.args["host"].key) for f in facts if f.kind is FactKind.HOST}  # type: ignore[union-attr]
    assert ("2026-06-12-meeting", "PRT") in hosts


def test_a_weekday_in_a_cited_title_is_read_against_the_references_date() -> None:
    places = {
        (f.args["meeting"].key, f.args["place"].key)  # type: ignore[union-attr]
        for f in wiki_facts()
        if f.kind is FactKind.MEETING_PLACE
    }
    assert ("2026-06-12-meeting", "riga") in places  # the Friday after Monday 8 June


def test_a_nominal_meeting_title_is_the_meeting_of_its_date_with_its_format() -> None:
    facts = wiki_facts()
    meeting = of_kind(facts, FactKind.MEETING)["2026-06-22-summit"]
    assert meeting.args["date"] == dt.date(2026, 6, 22)
    formats = of_kind(facts, FactKind.MEETING_FORMAT)
    assert formats["2026-06-22-summit"].args["format"] == "virtual"


def test_a_future_a_gerund_and_another_pairs_talks_give_no_dated_meeting() -> None:
    days = {f.args.get("date") for f in wiki_facts() if f.kind is FactKind.MEETING}
    assert days.isdisjoint({dt.date(2026, 7, 1), dt.date(2026, 7, 2), dt.date(2026, 7, 3)})


def test_a_title_that_names_a_statement_is_the_document() -> None:
    plans = of_kind(wiki_facts(), FactKind.PLAN)
    statement = plans["joint-statement-of-chile-and-peru-on-maritime-security-20-june-2026"]
    assert statement.args["plan_kind"] == "declaration"
    assert [r.key for r in statement.args["signed_by"]] == ["CHL", "PER"]  # type: ignore[union-attr]
    assert statement.args["date"] == dt.date(2026, 6, 20)


def test_a_statement_following_a_dated_meeting_is_about_it_and_dated_by_the_reference() -> None:
    text = (
        "The coalition issued texts.\nReferences\n"
        '  1. "Chairs\' statement following the 9 June 2026 coalition meeting". Example Council. '
        "10 June 2026. Retrieved 11 June 2026.\n"
    )
    reading = reading_of(text, kind="encyclopedia", published=None)
    (plan,) = [f for f in documents(reading) if f.kind is FactKind.PLAN]
    assert plan.args["discussed_at"].key == "2026-06-09-meeting"  # type: ignore[union-attr]
    assert plan.args["date"] == dt.date(2026, 6, 10)


def test_a_noun_read_as_a_verb_that_cannot_agree_is_a_meeting_noun() -> None:
    text = (
        "The coalition met by phone.\nReferences\n"
        '  1. "Chancellor call with the coalition of the willing: 3 June 2026". Example Office. '
        "Retrieved 4 June 2026.\n"
    )
    facts = list(read_meetings(reading_of(text, kind="encyclopedia", published=None)))
    meetings = of_kind(facts, FactKind.MEETING)
    assert meetings["2026-06-03-meeting"].args["body"].key == "coalition-of-the-willing"  # type: ignore[union-attr]


# -- captions ---------------------------------------------------------------------------------


def test_a_caption_lists_who_is_pictured_at_the_meeting_it_names() -> None:
    text = (
        "Coalition leaders meet in Riga\n"
        "Chile's president, Peru's prime minister and Norway's foreign minister at the coalition "
        "summit in Riga, 3 June 2026\n"
        "The coalition of the willing met in Riga on 3 June 2026.\n"
    )
    facts = list(read_meetings(reading_of(text)))
    attended = {
        (f.args["participant"].key, f.args.get("capacity"))
        for f in facts
        if f.kind is FactKind.PARTICIPATION
    }  # type: ignore[union-attr]
    assert {p for p, _ in attended} == {"CHL", "PER", "NOR"}


def test_a_caption_of_a_press_conference_names_no_meeting() -> None:
    text = (
        "Leaders speak in Riga\n"
        "Chile's president and Peru's prime minister at a joint press conference, 3 June 2026\n"
        "They spoke to reporters.\n"
    )
    facts = list(read_meetings(reading_of(text)))
    assert not [f for f in facts if f.kind is FactKind.PARTICIPATION]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Chile To Give Kyiv $45M For Demining, Officials Say", 45_000_000),
        ("Chile to give Kyiv €1.5 Billion for demining", 1_500_000_000),
    ],
)
def test_a_headline_amount_keeps_its_scale_and_an_infinitive_pledge_is_future(
    text: str, value: int
) -> None:
    body = "Officials say the money will give demining crews new kit."
    (pledge,) = list(pledges(reading_of(f"{text}\n{body}")))
    assert pledge.args["amount"].value == value  # type: ignore[union-attr]
    assert pledge.args["modality"] == "future"


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru will co-chair coalition summit on Friday",
        "Chile and Peru co-chaired the coalition summit on Friday.",
        "The coalition summit on Friday was co-chaired by Chile and Peru.",
    ],
)
def test_a_shared_role_verb_is_one_word_with_its_lemma(text: str) -> None:
    clause = acting(headline(text, "More soon."), Action.CHAIR)
    assert sorted(keys(clause, "subject", "by")) == ["CHL", "PER"]


@pytest.mark.parametrize(
    ("text", "pledged"),
    [
        ("Kristersson to join coalition of the willing peacekeeping call", False),
        ("Kristersson to join coalition peacekeeping force", True),
    ],
)
def test_joining_a_meeting_about_peacekeeping_is_no_pledge(text: str, pledged: bool) -> None:
    body = "Prime Minister Ulf Kristersson of Sweden will join the leaders on Saturday."
    assert bool(list(pledges(reading_of(f"{text}\n{body}")))) is pledged


def test_a_listed_subject_keeps_its_plural_verb() -> None:
    clause = acting(
        headline("Nordic leaders, Zelensky hold talks in Oslo", "They met on Monday."), Action.MEET
    )
    assert clause.predicate == "hold"


@pytest.mark.parametrize(
    "text",
    [
        "Chile's president and Peru's prime minister in Riga for coalition summit",
        "Chile's president and Peru's prime minister in Riga for 'coalition of the willing' summit",
    ],
)
def test_a_headline_list_of_leaders_in_a_city_for_a_summit_attended_it_that_day(text: str) -> None:
    facts = list(read_meetings(reading_of(f"{text}\nMore soon.")))
    meetings = of_kind(facts, FactKind.MEETING)
    assert meetings["2026-05-14-summit"].args["body"].key == "coalition-of-the-willing"  # type: ignore[union-attr]
    attended = {f.args["participant"].key for f in facts if f.kind is FactKind.PARTICIPATION}  # type: ignore[union-attr]
    assert attended == {"CHL", "PER"}


def test_funding_for_a_summit_lists_no_attendee() -> None:
    facts = list(read_meetings(reading_of("Chilean funding for coalition summit\nMore soon.")))
    assert not [f for f in facts if f.kind is FactKind.PARTICIPATION]


def test_a_cited_title_that_only_mentions_talks_dates_no_meeting_by_its_reference() -> None:
    from cowkg.read.mappings.counts import counts

    text = (
        "The coalition met.\nReferences\n"
        '  1. "Minister says three points matter most in peace talks". Example News. 2 July 2026.\n'
    )
    found = list(counts(reading_of(text, kind="encyclopedia", published=None)))
    assert found and all(f.kind is not FactKind.MEETING for f in found)
    assert all(not str(getattr(f.args.get("about"), "key", "")).startswith("2026") for f in found)


def test_a_prime_ministers_meeting_with_the_coalition_is_a_summit() -> None:
    text = (
        "The coalition met.\nReferences\n"
        '  1. "PM virtual meeting with the coalition of the willing: 3 June 2026". Example Office.'
        "\n"
    )
    facts = list(read_meetings(reading_of(text, kind="encyclopedia", published=None)))
    assert "2026-06-03-summit" in of_kind(facts, FactKind.MEETING)


def test_a_repair_that_would_make_a_cycle_is_not_made() -> None:
    from cowkg.read.headlines import _is_forest

    assert _is_forest([0, 0, 1, 3])
    assert not _is_forest([1, 2, 1, 3])


@pytest.mark.parametrize(
    "title",
    [
        "Nordic states developing joint air patrol to back a ceasefire, Kristersson says",
        "War latest: Sweden developing a 'joint air patrol' to back ceasefire, Kristersson says",
    ],
)
def test_the_clause_before_a_says_tail_is_what_the_speaker_says(title: str) -> None:
    from cowkg.read.mappings.statements import read_statements

    text = (
        "Prime Minister Ulf Kristersson spoke.\nReferences\n"
        f'  1. "{title}". Example News. 2 July 2026.\n'
    )
    reading = reading_of(text, kind="encyclopedia", published=None)
    said = [f for f in read_statements(reading) if f.kind is FactKind.STATEMENT]
    assert [f.args["speaker"].key for f in said] == ["ulf-kristersson"]  # type: ignore[union-attr]
    assert "developing" in str(said[0].args["text"])
    assert said[0].args["date"] == dt.date(2026, 7, 2)  # the reference's
