"""Appointments read as post holdings, on sentences written for these tests (Chile, Peru and
people of a fictional cabinet: nothing here comes from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.appointments import appointments
from cowkg.types import Fact, FactKind, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)


def posts(text: str) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(appointments(read(source, mentions)))


def described(fact: Fact) -> tuple[str, str, str | None, dt.date | None]:
    person, role, of = (fact.args.get(k) for k in ("person", "role", "organization"))
    assert isinstance(person, Ref) and isinstance(role, Ref)
    as_of = fact.args.get("as_of")
    assert as_of is None or isinstance(as_of, dt.date)
    return person.key, role.key, of.key if isinstance(of, Ref) else None, as_of


def test_the_mapping_is_registered_and_cites_the_sentence() -> None:
    assert ("appointment", appointments) in MAPPINGS
    text = "Gabriel Boric became President of Chile on 11 March 2022."
    (fact,) = posts(text)
    assert fact.kind is FactKind.POST_HOLDING and fact.method == "rule:appointment"
    assert fact.evidence[0].text == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the successor, not the predecessor
        ("Gabriel Boric replaced Sebastian Pinera as President of Chile.",
         ("gabriel-boric", "president", "CHL", None)),
        ("Dina Boluarte was replaced by Gabriel Boric as Peru's defence minister.",
         ("gabriel-boric", "defence-minister", "PER", None)),
        ("In May, Dina Boluarte was appointed Peru's defence minister.",
         ("dina-boluarte", "defence-minister", "PER", None)),
        # the post taken, not the title she is described by
        ("Former senator Dina Boluarte was sworn in as President of Peru on 7 December 2022.",
         ("dina-boluarte", "president", "PER", dt.date(2022, 12, 7))),
        # "he": the one person the sentence before has as its subject
        ("Gabriel Boric met Dina Boluarte in Lima. He succeeded Sebastian Pinera as President "
         "of Chile.", ("gabriel-boric", "president", "CHL", None)),
    ],
)  # fmt: skip
def test_who_took_which_post(text: str, expected: tuple[str, str, str | None, object]) -> None:
    assert [described(f) for f in posts(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Gabriel Boric will replace Sebastian Pinera as President of Chile.",  # not yet
        "Gabriel Boric was not appointed President of Chile.",  # negated
        "Gabriel Boric could be elected President of Chile.",  # possible only
        "Gabriel Boric replaced the old plan with a new one.",  # no post
        "Chile and Peru met. He succeeded Sebastian Pinera as President of Chile.",  # who?
    ],
)
def test_no_post_taken(text: str) -> None:
    assert posts(text) == []


def test_the_title_of_whoever_appoints_is_not_the_post() -> None:
    assert posts("Dina Boluarte was appointed by President Gabriel Boric.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "he" back over another "he", into the paragraph before
        ("President Gabriel Boric arrived in Lima on Monday. He is expected in Quito later.\n\n"
         "He succeeded Sebastian Pinera as President of Chile.", ["gabriel-boric"]),
        # the nearest subject is a state: "he" is not known
        ("President Gabriel Boric arrived in Lima. Peru welcomed the visit.\n\n"
         "He succeeded Sebastian Pinera as President of Chile.", []),
        # two paragraphs back is too far
        ("President Gabriel Boric arrived in Lima.\n\nThe talks began.\n\n"
         "He succeeded Sebastian Pinera as President of Chile.", []),
    ],
)  # fmt: skip
def test_he_is_the_person_the_sentences_before_have_as_subject(
    text: str, expected: list[str]
) -> None:
    assert [described(f)[0] for f in posts(text)] == expected
