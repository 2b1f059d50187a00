"""Standing chairmanships (:mod:`cowkg.read.mappings.chairs`), on sentences written for these
tests (Chile, Peru, Ecuador, fictional people: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.chairs import chairmanships
from cowkg.types import Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)
LEAD = "Leaders of the Coalition of the Willing met in Lima. "


def chairs(text: str, lead: str = LEAD) -> list[Fact]:
    source = Source("t.txt", lead + text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(chairmanships(read(source, mentions)))


def rows(text: str, lead: str = LEAD) -> list[dict[str, object]]:
    return [
        {k: (v.key if isinstance(v, Ref) else v) for k, v in f.args.items()}
        for f in chairs(text, lead)
    ]


def test_the_mapping_is_registered_and_cites_the_sentence() -> None:
    assert ("chairmanship", chairmanships) in MAPPINGS
    text = "Chile and Peru are permanent co-chairs of the coalition."
    found = chairs(text)
    assert [f.kind for f in found] == [FactKind.CHAIRMANSHIP] * 2
    assert all([s.text for s in f.evidence] == [text] for f in found)
    assert all(f.method == "rule:chairmanship" for f in found)


def test_standing_co_chairs_of_the_summits_from_a_month() -> None:
    found = rows("From June 2026, Chile and Peru are constant co-chairs of the summit meetings.")
    common = {"body": "coalition-of-the-willing", "role": "co-chair", "standing": True,
              "since": "2026-06"}  # fmt: skip
    assert found == [{**common, "chair": "CHL"}, {**common, "chair": "PER"}]


def test_a_third_co_chair_as_of_a_month_and_how_many_times() -> None:
    found = rows("As of May 2026, Ecuador joined the pair twice as the third co-chair.")
    assert found == [
        {
            "body": "coalition-of-the-willing",
            "role": "co-chair",
            "as_of": "2026-05",
            "times": 2,
            "chair": "ECU",
        }
    ]


@pytest.mark.parametrize(
    ("text", "chair", "role"),
    [
        ("Chile chairs the coalition.", "CHL", "chair"),
        ("Chile is the chair of the coalition.", "CHL", "chair"),
        ("Peru serves as co-chair of the Coalition of the Willing.", "PER", "co-chair"),
        ("Since 3 May, Peru has been the chairman of the coalition's summits.", "PER", "chair"),
        ("Chile remains co-chair of the coalition.", "CHL", "co-chair"),
        ("Chile stays on as co-chair of the coalition.", "CHL", "co-chair"),
    ],
)
def test_paraphrases(text: str, chair: str, role: str) -> None:
    found = rows(text)
    assert [(r["chair"], r["role"]) for r in found] == [(chair, role)]


def test_a_day_from_which_it_holds_is_a_date() -> None:
    (found,) = rows("Since 3 May, Peru has been the chairman of the coalition's summits.")
    assert found["since"] == dt.date(2026, 5, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru were co-chairs of the summit.",  # one meeting: the frame's CHAIR
        "Chile and Peru co-chaired the 6 May meeting.",
        "Chile and Peru will be co-chairs of the coalition.",  # future
        "Chile is not the chair of the coalition.",  # negated
        "Chile could chair the coalition.",  # possible
        "Chile is the chair of the NATO committee.",  # another body
        "Chile and Peru are members of the coalition.",  # no chair
    ],
)
def test_what_is_no_standing_chairmanship(text: str) -> None:
    assert chairs(text) == []


def test_no_body_written_is_the_coalition_only_in_a_source_naming_it() -> None:
    assert [r["chair"] for r in rows("Chile joined twice as co-chair.")] == ["CHL"]
    assert chairs("Chile joined twice as co-chair.", lead="Leaders met in Lima. ") == []
