"""Command posts the coalition or a force has or will have, on sentences written for these tests
(fictional posts in Lisbon, Vilnius, Riga and Tallinn: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.posts import posts
from cowkg.types import Fact, FactKind, Ref, Source

COALITION = "The Coalition of the Willing"


def _posts(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", dt.date(2026, 5, 14))
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(posts(read(source, mentions)))


def _read(text: str) -> list[tuple[str, str | None, str]]:
    """(post key, level, status) of every post the text states."""
    out = []
    for fact in _posts(text):
        post, status, level = fact.args["post"], fact.args["status"], fact.args.get("level")
        assert isinstance(post, Ref) and isinstance(status, str)
        out.append((post.key, level if isinstance(level, str) else None, status))
    return out


def test_a_future_headquarters_and_a_planned_cell_are_the_coalitions_posts() -> None:
    assert ("post", posts) in MAPPINGS
    text = (
        f"{COALITION} will have a new permanent headquarters in Lisbon, with plans in place "
        "for a future co-ordination cell in Vilnius."
    )
    assert _read(text) == [
        ("lisbon-hq", None, "planned"),
        ("vilnius-hq", "coordination", "planned"),
    ]
    fact = _posts(text)[0]
    assert fact.kind is FactKind.COMMAND_POST and fact.method == "rule:post"
    coalition, place = fact.args["coalition"], fact.args["place"]
    assert isinstance(coalition, Ref) and coalition.key == "coalition-of-the-willing"
    assert isinstance(place, Ref) and place.key == "lisbon"
    assert "force" not in fact.args
    assert fact.evidence[0].text.startswith(COALITION)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{COALITION} has its headquarters in Lisbon.", [("lisbon-hq", None, "in-place")]),
        (f"{COALITION} set up a command centre in Riga.", [("riga-hq", "command", "in-place")]),
        (f"{COALITION} is to get a Lisbon headquarters.", [("lisbon-hq", None, "planned")]),
        (
            f"In May 2026, {COALITION} established its command headquarters in Fort Saint Elme, "
            "Lisbon, co-led by Chile and Peru.",
            [("lisbon-hq", "command", "in-place")],  # the city, not the fort in it
        ),
        (
            f"{COALITION} plans to open a liaison cell in Tallinn and is setting up its "
            "headquarters in Lisbon.",
            [("tallinn-hq", "liaison", "planned"), ("lisbon-hq", None, "planned")],
        ),
    ],
)
def test_posts_in_place_or_planned(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"{COALITION} will not have a headquarters in Vilnius.",  # negated
        f"{COALITION} could open a headquarters in Riga.",  # only possible
        f"{COALITION} has ruled out a headquarters in Riga.",  # not having
        f"{COALITION} met at NATO headquarters in Brussels on Monday.",  # a venue, not its post
        f"{COALITION} held talks in a prison cell in Riga.",  # no command cell
        "Spain will have a new headquarters in Madrid.",  # not the coalition's or a force's
        f"{COALITION} will have a new headquarters.",  # no city
    ],
)
def test_no_post(text: str) -> None:
    assert _posts(text) == []
