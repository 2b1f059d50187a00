"""A meeting's aim (``cow:meetingAim`` + ``cow:topicAbout``), on sentences written for these
tests: the infinitive of a meeting noun, of a gathering verb, of a meeting that seeks."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index, titled_names
from cowkg.read.agents import person_names
from cowkg.read.mappings import read
from cowkg.read.mappings.purposes import purposes
from cowkg.types import Fact, Ref, Source

MONDAY = dt.date(2026, 5, 11)


def aims_of(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", MONDAY)
    people = people_index(titled_names(source) + person_names(source))
    return list(purposes(read(source, _mentions_stage(source, None, people))))


def about(fact: Fact) -> set[str]:
    refs = fact.args.get("about") or ()
    assert isinstance(refs, tuple)
    return {r.key for r in refs if isinstance(r, Ref)}


@pytest.mark.parametrize(
    ("text", "aim", "named"),
    [
        (
            "The coalition leaders met in Lima on Friday to strengthen support for Chile.",
            "to strengthen support for Chile",
            {"CHL"},
        ),
        (
            "A summit of the coalition to bolster air defences for Peru opened in Oslo on Friday.",
            "to bolster air defences for Peru",
            {"PER"},
        ),
        (
            "The coalition summit in Oslo on Friday sought to secure lasting guarantees for Chile.",
            "to secure lasting guarantees for Chile",
            {"CHL"},
        ),
        (
            "Leaders of the coalition will gather in Oslo next Friday to coordinate aid to Peru.",
            "to coordinate aid to Peru",
            {"PER"},
        ),
        (
            "The coalition leaders met again in Lima on 2 May 2025, with an agenda to finalise "
            "the plans for Peru.",
            "to finalise the plans for Peru",
            {"PER"},
        ),
        (
            "A meeting of the coalition of the willing to back Chile opened in Lima on Friday.",
            "to back Chile",
            {"CHL"},
        ),
    ],
)
def test_an_aim_of_a_meeting_names_who_it_is_for(text: str, aim: str, named: set[str]) -> None:
    facts = aims_of(text)
    assert [f.args["topic"] for f in facts] == [aim]
    assert facts[0].args["aim"] is True
    assert about(facts[0]) == named


def test_the_meetings_place_is_not_what_it_is_about() -> None:
    facts = aims_of("The coalition leaders met in Peru on Friday to plan the next steps.")
    assert [f.args["topic"] for f in facts] == ["to plan the next steps"]
    assert about(facts[0]) == set()


@pytest.mark.parametrize(
    "text",
    [
        # to discuss: a topic, read by the discussions mapping
        "The coalition leaders met in Lima on Friday to discuss support for Chile.",
        # a plan's infinitive, not a meeting's
        "Peru is working on a plan to send troops to Chile.",
        # readiness to deploy: a pledge's, not a meeting's
        "Peru said on Friday it was ready to deploy troops to Chile.",
        # a negated gathering has no aim
        "The coalition leaders did not meet in Lima on Friday to strengthen support for Chile.",
        # an agenda of a party, not of a meeting
        "Peru has an agenda to rebuild the bridges of Chile.",
        # an "of" phrase that is no meeting's
        "The mission of the coalition of the willing to back Chile began on Friday.",
        # what a meeting did not seek is no aim of it
        "The coalition summit in Oslo on Friday did not seek to replace the truce talks.",
        # a passive infinitive says when, not what for
        "A coalition summit to be held in Oslo was announced on Friday.",
    ],
)
def test_no_aim_without_a_meeting_that_has_one(text: str) -> None:
    assert aims_of(text) == []
