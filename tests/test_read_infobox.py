"""Infobox rows and photo captions, on flattened infoboxes written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures.structure import WIKI, real_sources
from test_read_documents import facts_of, reading_of

from cowkg.read.agents import _named_like_a_person
from cowkg.read.mappings.infobox import captions, infobox
from cowkg.types import FactKind

TITLE = "Coalition of the Willing (Nordic deployment)\n\n"


def rows(body: str, title: str = TITLE) -> list[dict[str, object]]:
    return facts_of(infobox, title + body, "encyclopedia")


def of_kind(found: list[dict[str, object]], kind: FactKind) -> list[dict[str, object]]:
    return [{k: v for k, v in f.items() if k != "kind"} for f in found if f["kind"] is kind]


# -- founding ---------------------------------------------------------------------------------


def test_a_foundation_row_dates_the_founding_of_the_subject() -> None:
    found = rows("Foundation 14 June 2026 (2026-06-14), Oslo\nStatus Active\n")
    assert of_kind(found, FactKind.FOUNDING) == [
        {"entity": "coalition-of-the-willing", "date": dt.date(2026, 6, 14), "place": "oslo"}
    ]


def test_a_row_of_two_places_gives_the_founding_no_place() -> None:
    found = rows("Foundation 14 June 2026, Paris and London\n")
    assert of_kind(found, FactKind.FOUNDING) == [
        {"entity": "coalition-of-the-willing", "date": dt.date(2026, 6, 14)}
    ]


def test_a_glossed_date_is_read_with_its_gloss() -> None:
    found = rows(
        "Formation 3 May 2026 (proposed)\n9 July 2026 (2026-07-09) (launched,\nstill active)\n"
    )
    assert [f["date"] for f in of_kind(found, FactKind.FOUNDING)] == [dt.date(2026, 7, 9)]


def test_a_founding_leader_founds_and_holds_the_post_the_title_and_flag_give() -> None:
    found = rows("Founding leader Norwegian prime minister\nFlag of Norway.svg Anna Berg\n")
    assert of_kind(found, FactKind.FOUNDING) == [
        {"entity": "coalition-of-the-willing", "founded_by": ("anna-berg",)}
    ]
    assert of_kind(found, FactKind.POST_HOLDING) == [
        {"person": "anna-berg", "role": "prime-minister", "organization": "NOR"}
    ]
    assert not of_kind(found, FactKind.LEADS)


def test_a_founders_row_of_counted_states_names_no_founder() -> None:
    assert rows("Founders Nine nations, 1 organization:\nNorway • Sweden • EU\n") == []


# -- leaders ----------------------------------------------------------------------------------


def test_a_leader_row_gives_the_post_and_the_state_that_leads() -> None:
    found = rows("Leaders Swedish prime minister\nFlag of Sweden.svg Jonas Lind\nDenmark\n")
    assert of_kind(found, FactKind.POST_HOLDING) == [
        {"person": "jonas-lind", "role": "prime-minister", "organization": "SWE"}
    ]
    assert of_kind(found, FactKind.LEADS) == [
        {"coalition": "coalition-of-the-willing", "leader": "SWE"}
    ]  # the bare "Denmark" line after it says nothing of who leads


def test_a_flag_that_contradicts_the_title_gives_no_post() -> None:
    found = rows("Leaders Swedish prime minister\nFlag of Finland.svg Peter Holm\n")
    assert not of_kind(found, FactKind.POST_HOLDING)
    assert not of_kind(found, FactKind.LEADS)


def test_prose_opening_with_a_label_word_is_no_row() -> None:
    assert rows("Leaders meet in Oslo on 3 May 2026\nHead of the Swedish delegation\n") == []


# -- headquarters and meetings ----------------------------------------------------------------


def test_a_headquarters_label_alone_takes_its_value_after_a_blank_line() -> None:
    found = rows("Headquarters\n\nParis Flag of France.svg JHQ [4]\nMotto Together\n")
    assert of_kind(found, FactKind.COMMAND_POST) == [{"post": "paris-hq", "place": "paris"}]


def test_a_headquarters_not_established_gives_nothing() -> None:
    assert rows("Headquarters Paris (not established)\n") == []


def test_summits_held_are_the_subjects_summits() -> None:
    found = rows("Summits held\n2026:date/HOST [b]\n3 March [4] 21 April\nMinisterials\n")
    meetings = of_kind(found, FactKind.MEETING)
    assert [m["meeting"] for m in meetings] == ["2026-03-03-summit", "2026-04-21-summit"]
    assert all(m["body"] == "coalition-of-the-willing" for m in meetings)


def test_a_list_item_is_a_value_not_a_row() -> None:
    assert rows("Outline\n  • Meetings held\n4 May 2026 (2026-05-04)–present\n") == []


def test_rows_of_a_source_about_something_else_give_nothing() -> None:
    news = "Coalition of the Willing meets in Oslo\n\n"
    assert rows("Foundation 14 June 2026, Oslo\n", title=news) == []
    assert rows("Foundation 14 June 2026, Oslo\n", title="Nordic Ferry Company (firm)\n\n") == []


# -- timeline -----------------------------------------------------------------------------------


def test_a_timeline_entry_is_read_with_its_gloss() -> None:
    found = rows(
        "Timeline\n  Joint HQ Oslo, Akershus Fortress\n14 June 2026 (2026-06-14) (inaugurated)\n"
        "Working group on Arctic patrols\n2 July 2026\n(announced to be formed)\n"
        "Working group on cyber defence\n9 July 2026 (first met)\n"
    )
    assert of_kind(found, FactKind.COMMAND_POST) == [
        {"post": "oslo-hq", "inaugurated": dt.date(2026, 6, 14)}
    ]
    assert of_kind(found, FactKind.GROUP) == [
        {
            "group": "working-group-arctic-patrols",
            "group_kind": "working",
            "parent": "coalition-of-the-willing",
            "announced_on": dt.date(2026, 7, 2),
        }
    ]  # "first met" is neither an inauguration nor an announcement


def test_the_real_infobox_timeline_gives_the_inauguration_and_the_announcement() -> None:
    source = next(s for s in real_sources() if s.file == WIKI)
    found = facts_of(infobox, source.text, "encyclopedia")
    posts = of_kind(found, FactKind.COMMAND_POST)
    assert {"post": "paris-hq", "inaugurated": dt.date(2025, 11, 17)} in posts
    groups = of_kind(found, FactKind.GROUP)
    assert [g["announced_on"] for g in groups] == [dt.date(2025, 11, 25)]


def test_a_founders_row_lists_the_organisations_it_names() -> None:
    found = rows("Founders Nine nations, 2 organizations:\n2 Nordic realms \u2022 EU (EC)NATO\n")
    assert of_kind(found, FactKind.FOUNDING) == [
        {"entity": "coalition-of-the-willing", "founded_by": ("european-union", "nato")}
    ]


def test_inaugural_summits_are_the_subjects_summits_on_each_date() -> None:
    found = rows("Timeline\nInaugural summit/s\nApril 8/21, 2026\n")
    meetings = of_kind(found, FactKind.MEETING)
    assert [m["meeting"] for m in meetings] == ["2026-04-08-summit", "2026-04-21-summit"]
    assert all(m["body"] == "coalition-of-the-willing" for m in meetings)


LEADER = "Leaders Swedish prime minister\nFlag of Sweden.svg Jonas Lind\n\nTimeline\n"


def test_a_chair_statement_entry_gives_the_chair_of_that_days_meeting() -> None:
    found = rows(LEADER + "Lind chair statement\nMay 4, 2026 (2026-05-04)\n")
    assert of_kind(found, FactKind.CHAIR) == [
        {"meeting": "2026-05-04-meeting", "chair": "jonas-lind"}
    ]
    assert of_kind(found, FactKind.MEETING)[0]["date"] == dt.date(2026, 5, 4)


@pytest.mark.parametrize(
    "entry",
    [
        "Lind press statement\nMay 4, 2026\n",  # no chair
        "Lind chair statement\nMay 4, 2026 (withdrawn)\n",  # a gloss says something else
    ],
)
def test_other_statement_entries_give_no_chair(entry: str) -> None:
    assert not of_kind(rows(LEADER + entry), FactKind.CHAIR)


def test_an_event_where_the_subject_was_discussed_is_a_meeting_there() -> None:
    found = rows(
        "Timeline\nMidsummer ceremonies, Oslo\nNorway\n\nJune 21, 2025 (2025-06-21)\n"
        "(discussed, agreed on)\n"
    )
    assert of_kind(found, FactKind.MEETING) == [
        {"meeting": "2025-06-21-meeting", "date": dt.date(2025, 6, 21), "meeting_kind": "meeting"}
    ]
    assert of_kind(found, FactKind.MEETING_PLACE) == [
        {"meeting": "2025-06-21-meeting", "place": "oslo"}
    ]


@pytest.mark.parametrize(
    "entry",
    [
        "Midsummer ceremonies, Oslo\nJune 21, 2025 (celebrated)\n",  # not discussed
        "Midsummer ceremonies, Oslo and Riga\nJune 21, 2025 (discussed)\n",  # where?
        "Midsummer ceremonies\nJune 21, 2025 (discussed)\n",
    ],
)
def test_an_event_entry_without_a_discussion_or_one_place_gives_no_meeting(entry: str) -> None:
    assert rows("Timeline\n" + entry) == []


# -- cells: flags, icons and post codes ---------------------------------------------------------

COMMAND_POST = FactKind.COMMAND_POST
POSTS = "Locations\nOHQ Norway, Oslo\nRiga Flag of Latvia.svg LVA RHQ\n\n"


def test_political_leaders_are_the_states_of_the_first_cell_of_states() -> None:
    found = rows(
        "Political leaders\nForce leader\nCOM\nNorway Flag of Norway and Sweden.svg Sweden\n"
    )
    assert of_kind(found, FactKind.LEADS) == [
        {"coalition": "coalition-of-the-willing", "leader": "NOR"},
        {"coalition": "coalition-of-the-willing", "leader": "SWE"},
    ]


def test_political_leaders_over_a_cell_of_people_give_no_state() -> None:
    found = rows("Political leaders\nNorwegian prime minister Anna Berg\n")
    assert not of_kind(found, FactKind.LEADS)


def test_planned_by_a_flag_gives_the_posts_lead_nations() -> None:
    found = rows(POSTS + "Planned by Flag of Norway and Denmark.svg RHQ c. MAY26 [n]\n")
    assert of_kind(found, FactKind.COMMAND_POST) == [
        {"post": "riga-hq", "lead_nations": ("NOR", "DNK")}
    ]


def test_planned_by_an_unknown_code_gives_nothing() -> None:
    assert not of_kind(rows(POSTS + "Planned by Flag of Norway.svg XHQ c. MAY26\n"), COMMAND_POST)


def test_an_army_icon_under_commanded_by_gives_the_commander_nation() -> None:
    found = rows(
        POSTS + "Commanded by (based in Oslo) 3 star COM\nEmblem.svg Norwegian Army, OHQ\n"
        "(to be based in Riga) 2* DCOM\nFlag of the Danish Army.svg Danish Army, RHQ [4]\n"
    )
    assert of_kind(found, FactKind.COMMAND_POST) == [
        {"post": "oslo-hq", "commander_nation": "NOR"},
        {"post": "riga-hq", "commander_nation": "DNK"},
    ]


def test_officers_of_a_state_are_no_army_of_a_post() -> None:
    assert not of_kind(
        rows(POSTS + "Commanded by 3 star COM\nNorwegian officers, OHQ\n"), COMMAND_POST
    )


# -- a place's state ----------------------------------------------------------------------------


def test_a_place_lies_in_the_state_whose_flag_or_name_is_beside_it() -> None:
    found = rows(
        "Locations\nOHQ Norway, Oslo\n\nFlag of Norway.svg 59°54′N 10°45′E\n"
        "Riga Flag of Latvia.svg LVA RHQ\nMidsummer ceremonies, Helsinki\nFinland\n"
    )
    assert of_kind(found, FactKind.PLACE) == [
        {"place": "oslo", "state": "NOR"},
        {"place": "riga", "state": "LVA"},
        {"place": "helsinki", "state": "FIN"},
    ]


@pytest.mark.parametrize(
    "cell",
    [
        "Oslo Flag of Sweden.svg SWE\n",  # the place list puts Oslo elsewhere
        "Oslo, Norway and Sweden\n",  # two states
        "Anna Berg visited Oslo, Norway\n",  # a person: no place's cell
        "Leaders met in Oslo, Norway.\n",  # prose
    ],
)
def test_a_cell_of_another_state_or_more_than_places_gives_no_state(cell: str) -> None:
    assert not of_kind(rows(cell), FactKind.PLACE)


# -- captions ---------------------------------------------------------------------------------


def caption(text: str) -> list[dict[str, object]]:
    return facts_of(captions, f"Some article\n\n{text}\n\nThe text goes on.\n", "encyclopedia")


def test_a_caption_gives_the_meeting_its_place_and_the_people_there() -> None:
    found = caption(
        "Anna Berg, Jonas Lind (pictured left) and Petra Holm (not pictured) at a joint press "
        "conference. 6 May 2026, Élysée Palace, Paris"
    )
    assert of_kind(found, FactKind.MEETING) == [
        {"meeting": "2026-05-06-meeting", "date": dt.date(2026, 5, 6), "meeting_kind": "meeting"}
    ]
    assert of_kind(found, FactKind.MEETING_PLACE)[0]["place"] == "elysee-palace-paris"
    people = [f["participant"] for f in of_kind(found, FactKind.PARTICIPATION)]
    assert people == ["anna-berg", "jonas-lind", "petra-holm"]


def test_a_caption_of_titled_people_lists_the_people() -> None:
    found = caption(
        "Swedish Prime Minister Anna Berg and Danish Prime Minister Jonas Lind during the "
        "signing ceremony. 6 May 2026, Lancaster House, London"
    )
    assert [
        (f["participant"], f["capacity"], f["on_behalf_of"])
        for f in of_kind(found, FactKind.PARTICIPATION)
    ] == [("anna-berg", "prime-minister", "SWE"), ("jonas-lind", "prime-minister", "DNK")]


def test_a_caption_leaves_out_who_a_bracket_says_was_absent() -> None:
    found = caption(
        "Anna Berg and Jonas Lind (absent) at the summit. 6 May 2026, Lancaster House, London"
    )
    assert [f["participant"] for f in of_kind(found, FactKind.PARTICIPATION)] == ["anna-berg"]
    assert of_kind(found, FactKind.MEETING)[0]["meeting"] == "2026-05-06-summit"


@pytest.mark.parametrize(
    "event", ["the NATO summit", "a bilateral meeting", "the Chile-Peru talks", "the G7 summit"]
)
def test_a_caption_of_another_forums_meeting_gives_nothing(event: str) -> None:
    assert (
        caption(f"Anna Berg and Jonas Lind at {event}. 6 May 2026, Lancaster House, London") == []
    )


def test_a_caption_needs_a_date_and_a_place_and_a_bare_list() -> None:
    assert caption("Anna Berg and Jonas Lind at a joint press conference. Paris") == []
    assert caption("Anna Berg met Jonas Lind at a joint press conference. 6 May 2026, Paris") == []
    assert caption("Anna Berg and Jonas Lind at a joint press conference on 6 May 2026.") == []


# -- recogniser: a person's name is no organisation -------------------------------------------


@pytest.mark.parametrize(
    ("name", "person_like"),
    [
        ("Oksana Hrytsenkova", True),  # a byline's name spaCy may type as an organisation
        ("Mykola Zelenskiy", True),
        ("Nordic Ferry Company", False),
        ("Liberal Party", False),
        ("Getty Images", False),
        ("European Pravda", False),  # not written as a person's name
    ],
)
def test_an_organisation_written_as_a_persons_name_is_not_taken(
    name: str, person_like: bool
) -> None:
    assert _named_like_a_person(name) is person_like


@pytest.mark.parametrize(
    "row", ["Location Berlin", "Status International alliance of states", "Leaders Anna Berg"]
)
def test_an_infobox_label_is_no_part_of_a_name(row: str) -> None:
    reading = reading_of(f"{TITLE}{row}\n", "encyclopedia")
    names = [m.span.text for m in reading.mentions if m.span.start > len(TITLE)]
    assert not any(name.split()[0] == row.split()[0] for name in names)


# -- a force's name in the establishment block --------------------------------------------------


def _name_uses(found: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        (f["entity"], f["label"], f["act"], f["date"])
        for f in of_kind(found, FactKind.NAME)
        if "act" in f
    ]


def test_dated_lines_glossed_as_uses_of_a_force_name_date_those_uses() -> None:
    found = rows(
        "Timeline\n Nordic Shield Force\n(NSF)\n\n"
        "2 March 2026 (2026-03-02) (mentioned as titled in a letter)\n"
        "9 April 2026 (2026-04-09) [12]\n"
        "1 May 2026 (2026-05-01) (revealed in parliament)\n"
        "3 June 2026 (2026-06-03) (discussed)\n\n"
        "The Nordic Shield Force (NSF) is planned.\n"
    )
    assert _name_uses(found) == [
        ("nsf", "Nordic Shield Force", "used", dt.date(2026, 3, 2)),
        ("nsf", "Nordic Shield Force", "revealed", dt.date(2026, 5, 1)),
    ]


def test_a_name_gloss_under_a_label_that_names_no_force_gives_nothing() -> None:
    found = rows(
        "Timeline\n Autumn exercises\n\n2 March 2026 (2026-03-02) (revealed)\n\n"
        "The Nordic Shield Force (NSF) is planned.\n"
    )
    assert _name_uses(found) == []


# -- motives, purpose, aims -------------------------------------------------------------------


def test_a_motives_row_is_the_subjects_stated_aim_with_whom_it_is_for() -> None:
    found = of_kind(rows("MotivesTo\u00a0bolster\u00a0Moldova's air defences\nStatus Active\n"),
                    FactKind.PLAN)  # fmt: skip
    assert len(found) == 1
    aim = found[0]
    assert aim["planned_by"] == ("coalition-of-the-willing",)
    assert aim["aim"] == "To\u00a0bolster\u00a0Moldova's air defences"
    assert (aim["status"], aim["beneficiary"]) == ("intended", "MDA")


def test_a_purpose_row_with_a_deployment_gives_its_area() -> None:
    found = of_kind(rows("Purpose To deploy engineers to Moldova [4]\n"), FactKind.PLAN)
    assert [(f["aim"], f.get("deployment_area")) for f in found] == [
        ("To deploy engineers to Moldova", "MDA")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Motives Peace and stability in Moldova\n",  # no infinitive: no aim of anyone's
        "Aims To not deploy troops to Moldova\n",  # negated
        "Motives of the founders were debated at length by historians\n",  # prose
    ],
)
def test_no_aim_without_an_infinitive(body: str) -> None:
    assert not of_kind(rows(body), FactKind.PLAN)
