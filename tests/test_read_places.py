"""A place written with the state it lies in (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.places import place_states
from cowkg.types import Ref, Source


def placed(text: str) -> set[tuple[str, str]]:
    source = Source("t.txt", f"Title\n\n{text}\n", "t", "en", "news", dt.date(2026, 5, 8))
    reading = read(source, _mentions_stage(source, None, people_index(person_names(source))))
    out = set()
    for fact in place_states(reading):
        place, state = fact.args["place"], fact.args["state"]
        assert isinstance(place, Ref) and isinstance(state, Ref)
        assert fact.evidence[0].text == text and fact.method == "rule:place-state"
        out.add((place.key, state.key))
    return out


def test_the_mapping_is_registered() -> None:
    assert ("place-state", place_states) in MAPPINGS


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met in the Norwegian capital, Oslo, on 4 May.",
        "Leaders met in Oslo, the Norwegian capital, on 4 May.",
        "Leaders met in Norway's capital Oslo on 4 May.",
        "Leaders met in the Norwegian city of Oslo.",
        "Talks were held in Oslo, Norway, on 4 May.",
        "Talks were held in Oslo, Norway.",
    ],
)
def test_a_place_written_with_its_state(text: str) -> None:
    assert placed(text) == {("oslo", "NOR")}


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met in Oslo, the Swedish capital, on 4 May.",  # the list puts Oslo in Norway
        "Leaders met in Oslo, Norway and Sweden said.",  # a list of states, not Oslo's
        "Talks in Oslo, Sweden said, were useful.",  # a state speaking beside the place
        "Leaders from Norway met in Oslo.",  # nothing joins them
    ],
)
def test_a_place_and_a_state_not_so_written(text: str) -> None:
    assert placed(text) == set()
