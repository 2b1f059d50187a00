"""Visits (:mod:`cowkg.read.mappings.visits`), on sentences written for these tests (fictional
people, Peru and Chile: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures.structure import reading_of

from cowkg.read.mappings import MAPPINGS
from cowkg.read.mappings.visits import visits
from cowkg.types import Fact, FactKind, Ref

PUBLISHED = dt.date(2026, 5, 14)


def found(text: str) -> list[Fact]:
    return list(visits(reading_of(text, published=PUBLISHED)))


def rows(text: str) -> list[dict[str, object]]:
    return [
        {k: (v.key if isinstance(v, Ref) else v) for k, v in f.args.items()} for f in found(text)
    ]


def test_the_mapping_is_registered_and_cites_the_sentence() -> None:
    assert ("visit", visits) in MAPPINGS
    text = "French President Ana Ruiz visited Peru on 3 May."
    (fact,) = found(text)
    assert fact.kind is FactKind.VISIT and fact.method == "rule:visit"
    assert [s.text for s in fact.evidence] == [text]


def test_a_titled_visitor_visits_a_state_on_a_day_in_her_capacity_for_her_state() -> None:
    assert rows("French President Ana Ruiz visited Peru on 3 May.") == [
        {
            "visitor": "ana-ruiz",
            "destination": "PER",
            "date": dt.date(2026, 5, 3),
            "capacity": "president",
            "on_behalf_of": "FRA",
        }
    ]


def test_the_visit_of_x_to_y_for_a_days_ceremonies() -> None:
    (row,) = rows(
        "French President Ana Ruiz spoke in Paris. The idea was revived during the visit of "
        "French President Ana Ruiz to Peru for the 3 May ceremonies."
    )
    assert row["visitor"] == "ana-ruiz" and row["destination"] == "PER"
    assert row["date"] == dt.date(2026, 5, 3)
    assert row["occasion"] == "for the 3 May ceremonies"


def test_during_her_visit_is_the_visit_of_the_one_the_phrase_hangs_on() -> None:
    (row,) = rows(
        "Earlier, French President Ana Ruiz during her official visit to Peru called on the "
        "country to join the mission."
    )
    assert (row["visitor"], row["destination"]) == ("ana-ruiz", "PER")
    assert "date" not in row


def test_a_possessor_visits_a_city() -> None:
    assert [(r["visitor"], r["destination"]) for r in rows("Peru's visit to Lima went well.")] == [
        ("PER", "lima")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "French President Ana Ruiz plans to visit Peru.",
        "French President Ana Ruiz will visit Peru on 3 May.",
        "French President Ana Ruiz did not visit Peru.",
        "French President Ana Ruiz could visit Peru.",
        "French President Ana Ruiz's visit to Peru was cancelled.",
        "The planned visit of French President Ana Ruiz to Peru drew crowds.",
        "A joint French-Peruvian delegation planning to visit Lima met in Paris.",
        "French President Ana Ruiz visited the new plant.",  # no state or place
        # a state deeper in what was visited is not what was visited
        "French President Ana Ruiz visited the headquarters of the mission for Peru on Monday.",
    ],
)
def test_what_is_no_visit_made(text: str) -> None:
    assert found(text) == []
