"""Statements read from reported speech, on sentences written for these tests (Chile, Peru and
people of a fictional mission: nothing here comes from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.statements import PENDING_MEETING, read_statements
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday


def statements(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(read_statements(read(source, mentions)))


def one(text: str) -> Fact:
    found = statements(text)
    assert len(found) == 1, [f.args for f in found]
    return found[0]


def key(fact: Fact, arg: str) -> str | None:
    value = fact.args.get(arg)
    return value.key if isinstance(value, Ref) else None


def test_the_mapping_is_registered_and_its_facts_cite_the_unit() -> None:
    assert ("statement", read_statements) in MAPPINGS
    text = "Gabriel Boric said that the mission would start in June."
    fact = one(text)
    assert fact.kind is FactKind.STATEMENT and fact.method == "rule:statement"
    assert [span.text for span in fact.evidence] == [text]
    assert fact.args["text"] == "the mission would start in June"
    assert text[text.index("the mission") :].startswith(str(fact.args["text"]))


def test_said_with_title_capacity_and_date() -> None:
    fact = one("Chilean President Gabriel Boric said on Monday that the plan works.")
    assert key(fact, "speaker") == "gabriel-boric"
    assert key(fact, "capacity") == "president"
    assert fact.args["speech_act"] == "said"
    assert fact.args["date"] == dt.date(2026, 5, 11)
    assert fact.args["text"] == "the plan works"


def test_a_quote_before_told_reporters_and_a_meeting_it_was_said_at() -> None:
    fact = one(
        'Dina Boluarte flew in. "We will not leave our neighbours alone," '
        "Dina Boluarte told reporters after the summit."
    )
    assert key(fact, "speaker") == "dina-boluarte"
    assert fact.args["text"] == "We will not leave our neighbours alone"
    assert fact.args["meeting"] == PENDING_MEETING  # undated: the source's meeting, if one


def test_an_interrupted_quote_keeps_its_opening_without_the_speaker() -> None:
    fact = one('"We are ready," Gabriel Boric said, "and we will go."')
    assert fact.args["text"] == "We are ready"


def test_he_said_stands_for_the_person_named_just_before() -> None:
    found = statements('Gabriel Boric landed in Lima. "It is a good day for the region," he said.')
    assert [key(f, "speaker") for f in found] == ["gabriel-boric"]


def test_a_long_run_of_he_said_sentences_speaks_for_the_person_named_before_it() -> None:
    filler = "the engineers from the northern provinces would need more time and more equipment"
    text = (
        "Gabriel Boric opened the talks in Lima. "
        + " ".join(f"He said {filler} (point {n})." for n in range(1, 8))
        + " Far later, he said the talks would go on."
    )
    assert len(text) > 700  # the last "he" is far from the name
    found = statements(text)
    assert len(found) == 8 and {key(f, "speaker") for f in found} == {"gabriel-boric"}
    alone = statements(" ".join(f"He said {filler} (point {n})." for n in range(1, 8)))
    assert alone == []  # no one named before the run: no speaker


def test_a_list_of_speakers_gives_one_statement_each() -> None:
    found = statements("Chile and Peru warned that the truce was fragile.")
    assert sorted(key(f, "speaker") or "" for f in found) == ["CHL", "PER"]
    assert {f.args["speech_act"] for f in found} == {"warned"}
    assert len({key(f, "statement") for f in found}) == 2


def test_a_title_of_a_state_speaks_for_it() -> None:
    fact = one("Peru's foreign minister warned that the ceasefire was fragile.")
    assert key(fact, "speaker") == "PER" and key(fact, "capacity") == "foreign-minister"


def test_according_to() -> None:
    fact = one("According to Peru, the engineers will deploy in June.")
    assert key(fact, "speaker") == "PER"
    assert fact.args["text"] == "the engineers will deploy in June"


def test_a_name_colon_heading() -> None:
    fact = one("Gabriel Boric: we stand ready to help our neighbours")
    assert key(fact, "speaker") == "gabriel-boric"
    assert fact.args["text"] == "we stand ready to help our neighbours"


def test_a_topic_heading_is_not_speech() -> None:
    assert statements("Peru: the engineers and the mission") == []


@pytest.mark.parametrize(
    ("text", "act", "content"),
    [
        ("Gabriel Boric called for a ceasefire.", "called-for", "a ceasefire"),
        ("Gabriel Boric warned of delays in the deployment.", "warned", "delays in the deployment"),
        ("Chile announced a fund for the engineers.", "announced", "a fund for the engineers"),
        ("Peru denied sending soldiers.", "denied", "sending soldiers"),
        ("Chile revealed a plan for the border.", "revealed", "a plan for the border"),
        ("The plan was confirmed by Peru on Friday.", "confirmed", "The plan"),
        ("Talks resumed over a border plan rejected by Peru.", "denied", "a border plan"),
        ("It is a pledge reaffirmed by Chile on Friday.", "confirmed", "a pledge"),
    ],
)
def test_speech_acts(text: str, act: str, content: str) -> None:
    fact = one(text)
    assert fact.args["speech_act"] == act
    assert fact.args["text"] == content


def test_a_participle_with_its_agent_speaks_for_the_agent_not_the_sentence_subject() -> None:
    found = statements("Chile presented a border plan, a plan rejected by Peru on Friday.")
    assert {(key(f, "speaker"), f.args["speech_act"]) for f in found} == {("PER", "denied")}


def test_a_demonym_in_a_passive_agent_phrase_speaks_only_for_people_of_its_state() -> None:
    assert statements("Leaders welcomed a loan backed by frozen Russian assets.") == []
    found = statements("The border plan was rejected by Russian officials on Friday.")
    assert [(key(f, "speaker"), f.args["speech_act"]) for f in found] == [("RUS", "denied")]


def test_a_nested_statement_is_its_own() -> None:
    found = statements("Chile warned that the truce was fragile, while Peru denied sending troops.")
    by_speaker = {key(f, "speaker"): f for f in found}
    assert by_speaker["CHL"].args["text"] == "the truce was fragile"
    assert by_speaker["PER"].args["speech_act"] == "denied"


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric did not say when the engineers would deploy.",  # negated
        "Chile will announce its contribution on Friday.",  # not yet said
        "Gabriel Boric announced on 2 March 2026.",  # no content but a date
        "The engineers said nothing new.",  # no named speaker
    ],
)
def test_no_statement(text: str) -> None:
    assert statements(text) == []


def test_about_names_the_states_of_the_content_but_not_the_speaker() -> None:
    fact = one("Chile said that Peru and NATO would lead the mission.")
    about = fact.args["about"]
    assert isinstance(about, tuple)
    assert sorted(r.key for r in about) == ["PER", "nato"]


def test_a_title_stands_for_the_person_named_with_it_before() -> None:
    found = statements(
        "UK Prime Minister Keir Starmer arrived. Later the UK prime minister urged Peru to send "
        "engineers."
    )
    fact = found[-1]
    assert key(fact, "speaker") == "keir-starmer" and key(fact, "on_behalf_of") == "GBR"
    assert fact.args["speech_act"] == "called-for"
    assert fact.args["text"] == "Peru to send engineers"


def test_an_aim_is_not_a_statement() -> None:
    assert statements("Chile began talks to press for a ceasefire.") == []


def test_according_to_in_the_middle_keeps_the_longer_part() -> None:
    fact = one("In total, according to Peru, engineers from 35 countries will take part.")
    assert fact.args["text"] == "engineers from 35 countries will take part"


def test_a_clause_the_reporting_verb_interrupts_is_kept_whole() -> None:
    fact = one("Gabriel Boric met Peru. The talks, he said, had involved 200 engineers.")
    assert key(fact, "speaker") == "gabriel-boric"
    assert fact.args["text"] == "The talks, he said, had involved 200 engineers"


def test_according_to_names_only_its_own_source_as_speaker() -> None:
    fact = one("According to the Lima Times, Chile and Peru are for the mission to start.")
    assert key(fact, "speaker") == "lima-times"
    assert fact.args["text"] == "Chile and Peru are for the mission to start"
    about = fact.args["about"]
    assert isinstance(about, tuple) and sorted(r.key for r in about) == ["CHL", "PER"]


def test_the_label_names_who_and_when_not_the_words() -> None:
    fact = one("Chilean President Gabriel Boric said on Monday that the plan works.")
    statement = fact.args["statement"]
    assert isinstance(statement, Ref)
    assert statement.label == "what Gabriel Boric said, 11 May 2026"


@pytest.mark.parametrize(
    ("text", "act", "content"),
    [
        ("Gabriel Boric accused Peru of stalling the border talks.", "accused",
         "Peru of stalling the border talks"),
        # a passive whose content is split by the agent: the whole sentence is the content
        ("Peru was blamed by Chile for the delays.", "accused",
         "Peru was blamed by Chile for the delays."),
        ("Dina Boluarte thanked Chile and Brazil for their engineers.", "thanked",
         "Chile and Brazil for their engineers"),
        ("Chile condemned the attack on the border post.", "condemned",
         "the attack on the border post"),
        ("Peru criticised the mission's slow start.", "condemned", "the mission's slow start"),
        ("Chile expressed readiness to send more engineers.", "said",
         "readiness to send more engineers"),
        ("Gabriel Boric stressed the need for a quick deployment.", "said",
         "the need for a quick deployment"),
        ("Peru described the mission as a test of the region's resolve.", "said",
         "the mission as a test of the region's resolve"),
        ("The Lima Times reported that the engineers had left.", "reported",
         "the engineers had left"),
        ("Chile affirmed its support for the mission.", "confirmed", "its support for the mission"),
    ],
)  # fmt: skip
def test_acts_of_speech_with_an_object_or_a_bridging_phrase(
    text: str, act: str, content: str
) -> None:
    fact = one(text)
    assert (fact.args["speech_act"], fact.args["text"]) == (act, content)


def test_accusing_and_thanking_name_whom_in_about() -> None:
    fact = one("Gabriel Boric thanked Peru and Dina Boluarte for the engineers.")
    about = fact.args["about"]
    assert isinstance(about, tuple)
    assert sorted(r.key for r in about) == ["PER", "dina-boluarte"]


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric told reporters in Lima.",  # a hearer is not what was said
        "Chile wrote a letter.",  # writing a thing is not saying it
        "If Peru confirms the plan, Chile will send engineers.",  # a condition
        "Chile did not condemn the attack.",  # negated
        "Peru will thank Chile tomorrow.",  # not yet
    ],
)
def test_no_statement_of_these_acts(text: str) -> None:
    assert statements(text) == []


def test_a_bare_title_stands_for_the_person_last_named_with_it() -> None:
    found = statements(
        "Prime Minister Mark Carney flew to Lima. The prime minister said that the mission works."
    )
    fact = found[-1]
    assert key(fact, "speaker") == "mark-carney" and key(fact, "capacity") == "prime-minister"
    assert fact.args["text"] == "the mission works"


def test_a_spokesman_of_a_title_is_not_the_title_holder() -> None:
    found = statements(
        "Prime Minister Mark Carney flew to Lima. The prime minister's spokesman said that the "
        "mission works."
    )
    assert found == []


def test_a_bare_title_no_one_holds_in_the_source_speaks_for_no_one() -> None:
    assert statements("The foreign minister said that the mission works.") == []


def test_a_that_clause_after_a_phrase_of_time_or_place_is_what_was_said() -> None:
    fact = one("Peru stated ahead of the meeting that its engineers have completed their work.")
    assert fact.args["text"] == "its engineers have completed their work"


def test_a_bulleted_item_is_read_without_its_bullet() -> None:
    fact = one("Peru will send engineers:\n• Chile said that the mission works.")
    assert key(fact, "speaker") == "CHL" and fact.args["text"] == "the mission works"


def test_the_coalition_a_source_names_speaks_as_the_coalition() -> None:
    found = statements(
        "Leaders of the Coalition of the Willing met in Lima. The coalition condemned the attack "
        "on the border post."
    )
    assert [(key(f, "speaker"), f.args["speech_act"]) for f in found] == [
        ("coalition-of-the-willing", "condemned")
    ]
    assert statements("The coalition condemned the attack on the border post.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Bloomberg writes that Chile will fund the engineers.", "bloomberg"),
        ("On Monday, The Courier reported that Peru would send engineers.", "courier"),
    ],
)
def test_a_publisher_no_table_lists_reports_as_an_organisation(text: str, speaker: str) -> None:
    fact = one(text)
    assert key(fact, "speaker") == speaker and fact.args["speech_act"] == "reported"


def test_people_of_a_post_are_no_publisher() -> None:
    assert statements("Army Chiefs said that the plan works.") == []


def test_a_title_the_parser_takes_for_an_organisation_saying_is_no_publisher() -> None:
    fact = one("The Taoiseach said that the plan works.")  # a national title: its state speaks
    assert key(fact, "speaker") == "IRL" and key(fact, "capacity") == "taoiseach"


def test_they_stands_for_the_parties_the_sentence_before_has_as_its_subject() -> None:
    found = statements(
        "Chile and Peru met in Lima on Monday. They warned that the truce is fragile."
    )
    assert sorted(key(f, "speaker") or "" for f in found) == ["CHL", "PER"]
    collective = statements("NATO met in Lima. They warned that the truce is fragile.")
    assert [key(f, "speaker") for f in collective] == ["nato"]


@pytest.mark.parametrize(
    "text",
    [
        "Chile met Peru in Lima on Monday. They warned that the truce is fragile.",  # one of two?
        "Officials met in Lima. They warned that the truce is fragile.",  # no named party
        "They warned that the truce is fragile.",  # nothing before
    ],
)
def test_they_of_unknown_parties_speaks_for_no_one(text: str) -> None:
    assert statements(text) == []


def test_who_stands_for_the_person_the_relative_clause_is_about() -> None:
    fact = one(
        "The warning came from Gabriel Boric, a historian of the region, who explains that the "
        "engineers would be too few."
    )
    assert key(fact, "speaker") == "gabriel-boric"
    assert fact.args["text"] == "the engineers would be too few"


def test_a_statement_that_introduces_a_list_is_also_each_item() -> None:
    lead = "After the meeting, Gabriel Boric said that three points had been agreed:"
    found = statements(f"{lead}\n- keep the engineers at the border posts;\n- open the bridges.")
    assert [f.args["text"] for f in found] == [
        "three points had been agreed",
        "keep the engineers at the border posts",
        "open the bridges",
    ]
    assert {key(f, "speaker") for f in found} == {"gabriel-boric"}
    assert [s.text for s in found[1].evidence] == [lead, "keep the engineers at the border posts;"]


def test_a_content_that_only_announces_its_list_is_not_said_itself() -> None:
    found = statements(
        "Chile warned of the following:\n- delays at the border;\n- a fragile truce."
    )
    assert [f.args["text"] for f in found] == ["delays at the border", "a fragile truce"]


def test_she_stands_for_the_last_person_named_as_a_subject_before_any_other_named() -> None:
    found = statements(
        "Dina Boluarte spoke to reporters after a meeting hosted by Gabriel Boric. Later she "
        "warned that the truce was fragile."
    )
    assert [key(f, "speaker") for f in found] == ["dina-boluarte"]


def test_he_inside_what_a_person_reports_is_that_person() -> None:
    found = statements(
        "Dina Boluarte met Chile. Gabriel Boric said after the call that he had told Dina Boluarte "
        "that the truce was fragile."
    )
    told = [f for f in found if f.args["text"] == "the truce was fragile"]
    assert [key(f, "speaker") for f in told] == ["gabriel-boric"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Kremlin has warned that troops in Peru would trigger a confrontation.", "RUS"),
        ("Downing Street said that the plan works.", "GBR"),
        ("The Élysée said that the plan works.", "FRA"),
    ],
)
def test_a_seat_of_government_speaks_for_its_state(text: str, speaker: str) -> None:
    assert key(one(text), "speaker") == speaker


def test_people_of_a_post_from_named_states_speak_for_each_state() -> None:
    found = statements("Leaders from Chile, Peru and Brazil urged the bank to move quickly.")
    assert sorted(key(f, "speaker") or "" for f in found) == ["BRA", "CHL", "PER"]
    assert statements("European leaders said that the plan works.") == []


def test_irish_titles_are_titles_not_part_of_a_name() -> None:
    fact = one("Tánaiste Simon Harris has said that the engineers are ready.")
    assert key(fact, "speaker") == "simon-harris"
    assert key(fact, "capacity") == "tanaiste"  # Ireland's own title, not another state's post


def test_a_title_of_one_state_does_not_stand_for_another_state_s_prime_minister() -> None:
    text = "Prime Minister Mark Carney landed. The Taoiseach said that the mission works."
    assert [key(f, "speaker") for f in statements(text)] == ["IRL"]  # Ireland's, not Carney's


def test_a_bare_title_two_people_hold_in_the_source_speaks_for_no_one() -> None:
    found = statements(
        "Prime Minister Mark Carney met Prime Minister Keir Starmer. The prime minister said that "
        "the mission works."
    )
    assert found == []


def test_he_inside_what_an_unresolved_title_reports_is_no_one_else() -> None:
    found = statements(
        "Prime Minister Mark Carney met Prime Minister Keir Starmer. The prime minister said that "
        "he had told Peru that the truce was fragile."
    )
    assert found == []
    (fact,) = statements(
        "Prime Minister Mark Carney landed. The prime minister said that he had told Peru that "
        "the truce was fragile."
    )[-1:]
    assert key(fact, "speaker") == "mark-carney"


def test_we_in_a_quotation_is_whoever_the_text_reports_saying_it() -> None:
    text = (
        'After the talks, Gabriel Boric said, "Together, we stand by our neighbours. We have '
        'agreed that Chile will send engineers."'
    )
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    reading = read(source, mentions)
    found = [f for _, mapping in MAPPINGS for f in mapping(reading) if f.kind is FactKind.STATEMENT]
    agreed = [f for f in found if f.args["speech_act"] == "agreed"]
    assert [(key(f, "speaker"), f.args["text"]) for f in agreed] == [
        ("gabriel-boric", "Chile will send engineers")
    ]
    bare = statements('Gabriel Boric spoke in Lima.\n"We warned that the truce is fragile."')
    assert bare == []  # the paragraph before reports no one saying it
    quoted = statements(
        'Gabriel Boric said on Monday:\n"We warned them that the truce is fragile."'
    )
    assert [key(f, "speaker") for f in quoted if f.args["speech_act"] == "warned"] == [
        "gabriel-boric"
    ]


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("Chile warned Peru and Bolivia that the talks would fail.", ["BOL", "PER"]),
        ("Peru was told by Chile that the mission would start in May.", ["PER"]),
        (
            "Chilean President Gabriel Boric assured Peruvian President Dina Boluarte that "
            "the engineers would stay.",
            ["dina-boluarte"],  # her title's state is not addressed itself
        ),
        ("Gabriel Boric called on Peru to join the border mission.", ["PER"]),
        ("Gabriel Boric called upon Peru and Bolivia to send engineers.", ["BOL", "PER"]),
        ("Gabriel Boric called on Monday for a truce.", []),  # "on" a day: no one called on
        ("Gabriel Boric invited Peru to join the border mission.", ["PER"]),
        ("Peru was invited by Chile to send engineers.", ["PER"]),
        ("Gabriel Boric appealed to Peru and Bolivia to send engineers.", ["BOL", "PER"]),
        ("Gabriel Boric invited envoys from all neighbouring states to join the talks.", []),
        ("Gabriel Boric told reporters that Peru would join.", []),  # no party addressed
        ("Chile thanked Peru for its engineers.", []),  # whom one thanks is what it is about
    ],
)
def test_whom_a_statement_was_told_to(text: str, addressed: list[str]) -> None:
    told = one(text).args.get("addressee", ())
    assert isinstance(told, tuple)
    assert sorted(r.key for r in told) == addressed


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Gabriel Boric invited Peru to join the border mission.",
            "Peru to join the border mission",
        ),
        ("Peru was urged by Chile to send engineers.", "to send engineers"),
        (
            "Gabriel Boric invited envoys from all neighbouring states to join the talks.",
            "envoys from all neighbouring states to join the talks",
        ),
        ("Gabriel Boric appealed to Peru to send engineers.", "to send engineers"),
    ],
)
def test_an_invitation_or_appeal_to_act_is_a_call(text: str, said: str) -> None:
    fact = one(text)
    assert fact.args["speech_act"] == "called-for"
    assert fact.args["text"] == said


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric invited Dina Boluarte to the summit in Lima.",  # to a meeting: its host's
        "Gabriel Boric has invited to a summit in Lima to prepare the mission.",  # its aim
        "Gabriel Boric did not invite Peru to join the border mission.",
        "Gabriel Boric will invite Peru to join the border mission.",
        "Peru was invited to join the border mission.",  # by no one named
        "Gabriel Boric invited Peru's engineers.",  # to do nothing
    ],
)
def test_what_is_no_call_of_an_invitation(text: str) -> None:
    assert not [f for f in statements(text) if f.args["speech_act"] == "called-for"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("Chile said on Monday that the mission was ready. It added that Peru would help.",
         ["CHL", "CHL"]),
        ("NATO said the plan was sound. It also warned that Peru was not ready.",
         ["nato", "nato"]),
        # not a party: the plan says nothing
        ("The plan was drafted in Lima. It says that Peru will send engineers.", []),
        # "it" is no person, and stands for no one of several parties
        ("President Gabriel Boric said the plan was sound. It added that Peru was ready.",
         ["gabriel-boric"]),
        ("Chile and Peru said the plan was sound. It added that Bolivia was ready.",
         ["CHL", "PER"]),
        # another paragraph: not the sentence before
        ("Chile said the plan was sound.\n\nIt added that Bolivia was ready.", ["CHL"]),
    ],
)  # fmt: skip
def test_it_stands_for_the_one_party_the_sentence_before_has_as_subject(
    text: str, speakers: list[str]
) -> None:
    assert [key(f, "speaker") for f in statements(text)] == speakers


def test_a_date_inside_what_was_said_is_not_the_day_it_was_said() -> None:
    """The parse cuts the quote at the editor's bracket and hangs its date on "said": the date
    is still what was said (the group meets then), not when Boric spoke."""
    fact = one(
        "So the minister will chair the next Andean Contact Group [the Lima format] on June 11, "
        'to send more aid and keep Chile in the race," Gabriel Boric said.'
    )
    assert "June 11" in str(fact.args["text"])
    assert "date" not in fact.args
    dated = one("On 11 June, Gabriel Boric said the plan works.")
    assert dated.args["date"] == dt.date(2026, 6, 11)
    told = one("Gabriel Boric said on Monday that the minister would chair the group on 11 June.")
    assert told.args["date"] == dt.date(2026, 5, 11)


def test_addressing_a_meeting_is_no_statement_of_its_name() -> None:
    """'addressed the summit' says whom Boric spoke to, not what he said."""
    assert not statements("Gabriel Boric addressed the coalition summit by video link.")
    assert not statements("Peru addressed the question of sanctions.")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("In a joint statement, Chile and Peru said the border must stay open.\n\n"
         "The statement added that Bolivia must be heard. It also said that talks would go on.",
         ["CHL", "PER"] * 3),
        ("Chile said on Monday that the plan was ready. The declaration also warned that Peru "
         "was late.", ["CHL", "CHL"]),
        # who issued, released or published the statement before
        ("Chile and Peru issued a joint statement on Monday. The statement said that Bolivia "
         "must be heard.", ["CHL", "PER"]),
        ('Chile released a statement. Talks "must go on," the statement said.', ["CHL"]),
        ("Chile and Peru discussed a statement. The statement said Bolivia was late.", []),
        # no issuer reported before, or an indefinite statement: no one
        ("The statement said that Peru was late.", []),
        ("A statement said that Peru was late.", []),
        # too far back: two paragraphs before
        ("Chile said the plan was ready.\n\nPeru met.\n\nThe statement added that Peru was late.",
         ["CHL"]),
    ],
)  # fmt: skip
def test_the_statement_speaks_for_the_party_last_reported_issuing_it(
    text: str, speakers: list[str]
) -> None:
    assert [key(f, "speaker") for f in statements(text)] == speakers


def test_after_the_meeting_is_the_meeting_the_frame_reads_not_one_recalled() -> None:
    # a report of one summit whose lead recalls an earlier dated one: "the meeting" right after
    # the recalled one is that one, "the meeting" of a later paragraph the summit reported
    found = statements(
        "Gabriel Boric and Jonas Berg convene another meeting of the coalition of the willing\n"
        "Leaders of the coalition of the willing at yesterday's meeting in Oslo.\n"
        "On 12 April, Peru hosted a summit of the coalition in Lima. After the meeting, Dina "
        "Boluarte said that the mission was ready.\n"
        "The leaders agreed to prepare the mission.\n"
        "Following the meeting, Gabriel Boric said that the mission would start in June.\n"
        'Jonas Berg told the other leaders at the summit that "the plan works."\n'
    )
    made_at = {key(f, "speaker"): key(f, "meeting") for f in found}
    assert made_at == {
        "dina-boluarte": "2026-04-12-summit",
        "gabriel-boric": "2026-05-13-summit",
        "jonas-berg": "2026-05-13-summit",
    }


def test_a_statement_after_another_forums_meeting_is_made_at_that_meeting() -> None:
    fact = one(
        "Coalition of the willing leaders met in Oslo on Tuesday.\n"
        "After a meeting with the US president on Monday, Gabriel Boric said that the plan works.\n"
    )
    meeting = key(fact, "meeting")
    assert meeting is not None and meeting.startswith("2026-05-11-") and "other" in meeting


REPORT = (
    "Coalition of the willing leaders meet in Lima\n"
    "The coalition of the willing met in Lima on Wednesday, in a summit hosted by Dina Boluarte "
    "and attended by Gabriel Boric.\n"
    "Gabriel Boric said that the mission would start in June.\n"
    "Jonas Berg said that the plan works.\n"
)


def test_a_news_report_of_a_summit_tells_what_its_participants_said_there() -> None:
    found = statements(REPORT + "Dina Boluarte said on Friday that the border is calm.\n")
    made_at = {key(f, "speaker"): key(f, "meeting") for f in found}
    # the host, undated, spoke at the summit; someone not said to take part, or a statement on
    # a day of its own, is no statement of the summit
    assert made_at == {"gabriel-boric": "2026-05-13-summit", "jonas-berg": None,
                       "dina-boluarte": None}  # fmt: skip


def test_a_report_long_after_its_meeting_does_not_place_undated_statements() -> None:
    late = REPORT.replace("on Wednesday", "on 2 May")
    assert {key(f, "meeting") for f in statements(late)} == {None}


def encyclopedia_statement(*paragraphs: str) -> Fact:
    text = "\n".join(("Coalition of the willing", *paragraphs)) + "\n"
    source = Source("t.txt", text, "t", "en", "encyclopedia", None)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    (fact,) = read_statements(read(source, mentions))
    return fact


def test_an_encyclopedias_paragraph_opening_after_the_meeting_names_no_meeting() -> None:
    lima = "On 3 March 2026 leaders of the coalition met in Lima."
    quito = "On 10 April 2026 ministers of the coalition met in Quito."
    said = "Right after the meeting, Gabriel Boric said that the plan works."
    fact = encyclopedia_statement(lima, quito, said)
    assert fact.args["meeting"] == PENDING_MEETING  # the source's one meeting, if it has one
    fact = encyclopedia_statement(lima, f"{quito} {said}")  # the meeting its paragraph names
    assert (key(fact, "meeting") or "").startswith("2026-04-10-")


def test_whom_it_was_told_to_is_not_what_it_is_about() -> None:
    fact = one("Chile told Peru that Peru and Bolivia would join the mission.")
    about = fact.args["about"]
    assert key(fact, "speaker") == "CHL" and isinstance(about, tuple)
    assert [r.key for r in about] == ["BOL"]


def test_about_names_the_meetings_and_documents_of_the_content() -> None:
    found = statements(
        "Coalition meets in Lima\n"
        "Leaders of the coalition met in Lima on Monday. Later Gabriel Boric said that the "
        "Lima summit was a success and that the 12-point plan works.\n"
        "Peru said that the plan was drafted well."
    )
    about = {key(f, "speaker"): f.args.get("about") for f in found}
    assert about["gabriel-boric"] == (
        Ref(EntityKind.MEETING, "2026-05-11-summit"),
        Ref(EntityKind.PLAN, "12-point-plan"),
    )
    assert about["PER"] is None  # "the plan": which one is not said


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("In a June briefing by the Andean Policy Institute, the coalition was described as a "
         "last resort for funding Chile's defence.", "andean-policy-institute"),
        ("In Peru's report, the plan was described as a failure of diplomacy.", "PER"),
        ("In a note from the Andean Policy Institute, the truce was described as fragile.",
         "andean-policy-institute"),
        ("In a message from the Andean Policy Institute, the truce was described as fragile.",
         "andean-policy-institute"),
    ],
)  # fmt: skip
def test_a_passive_said_in_someones_writing_is_theirs(text: str, speaker: str) -> None:
    assert key(one(text), "speaker") == speaker


@pytest.mark.parametrize(
    "text",
    [
        "In a report, the plan was described as a failure.",
        "In Lima, the plan was described as a failure.",
    ],
)
def test_a_passive_said_in_no_ones_writing_has_no_speaker(text: str) -> None:
    assert statements(text) == []


def test_an_abbreviation_ending_the_words_keeps_its_stop_and_is_spoken_of() -> None:
    fact = one("Talks are needed with other partners, including the U.S., Gabriel Boric said.")
    assert str(fact.args["text"]).endswith("the U.S.")
    assert fact.args["about"] == (Ref(EntityKind.STATE, "USA", "United States"),)
