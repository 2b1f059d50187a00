"""A state's name inside a force's or working group's name is no state mention; beside one, or
in a phrase that only describes a force or group, it still is (sentences written for these
tests)."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage, shared_context
from cowkg.extract.inner_names import without_inner_states
from cowkg.extract.names import forces, read_names
from cowkg.mentions import find_mentions, people_index
from cowkg.read.agents import person_names
from cowkg.types import Mention, MentionKind, Source

NAMING = (
    "Title\n\n"
    "The Coastal Guard Force–Chile (CGF–C) is a proposed force led by Peru and Bolivia.\n"
    "Peru said the Coastal Guard Force\u00a0Chile would deploy to Chile after a truce.\n"
)
OTHER = (
    "Title\n\n"
    "Officers of the coastal guard force Chile met in Lima on 4 May 2026.\n"
    "Bolivia had offered a coastal guard force in Chile, Peru recalled.\n"
    "The Working group on Chile maritime security met on 2 May 2026.\n"
    "GroupWorking\u00a0group:\u00a0Chile reconstruction\n"
    "Peru joined Chile's working group on demining; the working group on Chile reconstruction "
    "will report.\n"
)


def _source(name: str, text: str) -> Source:
    return Source(name, text, name, "en", "news", dt.date(2026, 5, 10))


def _states(mentions: list[Mention], text: str) -> list[tuple[str, str]]:
    """(state as written, the rest of its line after it) for each state mention."""
    found = []
    for m in mentions:
        if m.kind is MentionKind.STATE:
            rest = text[m.span.end : text.find("\n", m.span.end)]
            found.append((m.span.text, rest[:12]))
    return found


def _shared() -> dict[str, list[Mention]]:
    sources = [_source("a.txt", NAMING), _source("b.txt", OTHER)]
    return shared_context(sources).mentions_by_file(sources)


def test_a_state_inside_a_force_name_is_no_mention_but_one_beside_it_is() -> None:
    states = _states(_shared()["a.txt"], NAMING)
    assert ("Chile", " after a tru") in states  # 'deploy to Chile'
    assert [s for s, _ in states].count("Chile") == 1  # not the two inside the force's name
    assert {s for s, _ in states} == {"Chile", "Peru", "Bolivia"}


def test_a_force_named_in_another_source_is_known_there_as_written_in_its_words() -> None:
    states = _states(_shared()["b.txt"], OTHER)
    assert ("Chile", " met in Lima") not in states  # 'the coastal guard force Chile': its name
    assert ("Chile", ", Peru recal") in states  # 'a coastal guard force in Chile': a place


def test_a_state_inside_a_capitalised_working_group_name_is_no_mention() -> None:
    states = _states(_shared()["b.txt"], OTHER)
    assert ("Chile", " maritime se") not in states
    assert states.count(("Chile", " reconstruct")) == 1  # lower case 'working group on Chile …'
    assert ("Chile", "'s working g") in states  # beside the group: a state


def test_unchanged_for_sources_without_such_names() -> None:
    text = "Title\n\nChile and Peru met; Ukraine's defence contact group praised Chile.\n"
    source = _source("c.txt", text)
    found = _mentions_stage(source, None, people_index(person_names(source)))
    assert shared_context([source]).mentions_by_file([source])["c.txt"] == found
    assert [s for s, _ in _states(found, text)] == ["Chile", "Peru", "Ukraine", "Chile"]


def test_one_source_alone_knows_its_own_force_names() -> None:
    source = _source("a.txt", NAMING)
    mentions = without_inner_states(source, find_mentions(source), forces(read_names(source)))
    assert [s for s, _ in _states(mentions, NAMING)] == ["Peru", "Bolivia", "Peru", "Chile"]


def test_a_state_inside_a_credited_office_name_is_no_mention() -> None:
    text = (
        "Title\n\nChile and Peru met in Lima.\n"
        "The leaders in Lima. Photo: Office of the President of Chile\n"
        "Source: Andes Wire with reference to the Office of the Peruvian President\n"
        "Photo: Reuters / Chile\n"
    )
    source = _source("d.txt", text)
    states = _states(shared_context([source]).mentions_by_file([source])["d.txt"], text)
    assert states == [("Chile", " and Peru me"), ("Peru", " met in Lima"), ("Chile", "")]
