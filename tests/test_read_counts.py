"""The count mapping on sentences written for these tests (no seed or article sentence)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import read
from cowkg.read.mappings.counts import CONTRIBUTORS, FORECAST, counts
from cowkg.types import Fact, FactKind, Quantity, Ref, Source

PUBLISHED = dt.date(2026, 5, 14)


def counts_of(text: str, published: dt.date | None = PUBLISHED) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", published)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return [f for f in counts(read(source, mentions)) if f.kind is FactKind.COUNT_CLAIM]


def one(text: str) -> Fact:
    found = counts_of(text)
    assert len(found) == 1, [f.args for f in found]
    return found[0]


def quantity(fact: Fact) -> Quantity:
    value = fact.args["quantity"]
    assert isinstance(value, Quantity)
    return value


def about(fact: Fact) -> str | None:
    value = fact.args.get("about")
    return value.key if isinstance(value, Ref) else None


@pytest.mark.parametrize(
    ("text", "minimum", "maximum", "qualifier"),
    [
        ("More than 40 countries sent delegates to the talks on Friday.", 40, None, "more than"),
        ("Nearly 40 leaders took part in the call on Friday.", None, 40, "nearly"),
        ("About 40 countries sent delegates to the summit on Friday.", 40, 40, "about"),
        ("Up to 6,000 troops could be deployed.", None, 6000, "up to"),
    ],
)
def test_the_hedge_is_the_qualifier_never_the_value(
    text: str, minimum: int | None, maximum: int | None, qualifier: str
) -> None:
    q = quantity(one(text))
    assert (q.minimum, q.maximum, q.qualifier) == (minimum, maximum, qualifier)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("The ministers agreed on five points.", "points"),
        ("The plan rests on three pillars.", "pillars"),
        ("Over 300 military planners worked on it.", "military planners"),
        ("The force would number 12,000 troops.", "troops"),
    ],
)
def test_counts_of_anything_named_from_the_noun(text: str, counted: str) -> None:
    assert one(text).args["counted"] == counted


@pytest.mark.parametrize(
    "text",
    [
        "One wants peace.",
        "The plan runs until 2031 elections.",
        "The border is 900 kilometres long.",
        "Talks lasted three days.",
    ],
)
def test_numbers_that_count_nothing_are_not_read(text: str) -> None:
    assert counts_of(text) == []


def test_a_dated_meeting_and_an_undated_reference_to_it() -> None:
    facts = counts_of(
        "Defence chiefs met in Lima on 2 March 2026. The event was attended by 28 countries."
    )
    assert [about(f) for f in facts] == ["2026-03-02-meeting"]


def test_the_coalition_when_the_phrase_places_the_count_in_it() -> None:
    fact = one("Officials of the 33 countries taking part in the coalition will meet soon.")
    assert about(fact) == "coalition-of-the-willing"


def test_no_about_when_the_text_does_not_say() -> None:
    fact = one("The plan rests on three pillars.")
    assert about(fact) is None
    assert fact.args["as_of"] == PUBLISHED


def test_contributors_and_forecasts() -> None:
    pledged = one("In the coalition, 24 nations have pledged to send troops.")
    assert pledged.args["counted"] == CONTRIBUTORS
    grown = one("The coalition is expected to grow to more than 40 countries.")
    assert grown.args["counted"] == FORECAST
    assert about(grown) == "coalition-of-the-willing"


def test_as_of_is_the_clause_date() -> None:
    fact = one("On 4 April 2026, 29 countries joined the coalition.")
    assert fact.args["as_of"] == dt.date(2026, 4, 4)


def test_a_partitive_count_of_pledging_allies() -> None:
    fact = one("Macron said 24 of Chile's allies have pledged to deploy troops.")
    assert quantity(fact).minimum == 24 and fact.args["counted"] == CONTRIBUTORS


def test_longer_counted_phrases_and_irregular_plurals() -> None:
    assert quantity(one("Generals of 30 EU and NATO countries came.")).minimum == 30
    fact = one("There has been talk of a force of 12,000 men.")
    assert fact.args["counted"] == "men" and about(fact) is None  # "talk of" is no meeting


def test_a_cited_title_and_a_quoted_passage_are_read_with_their_citation_date() -> None:
    text = (
        "The coalition met.\n\nReferences\n\n"
        '  7. Doe, Ann (12 May 2026). "Envoys from 29 countries gather for Lima summit". '
        "Example Wire.\n"
        '  8. Roe, Bo (1 May 2026). "Remarks at the coalition call". Example Office. Retrieved '
        "3 May 2026. We plan to deploy a force with the help of 19 contributing countries.\n"
    )
    facts = {quantity(f).minimum: f for f in counts_of(text, None)}
    assert about(facts[29]) == "2026-05-12-meeting"
    assert facts[29].args["as_of"] == dt.date(2026, 5, 12)
    assert facts[19].args["counted"] == CONTRIBUTORS
    assert about(facts[19]) == "coalition-of-the-willing"


def test_a_quoted_passage_takes_its_works_date_not_the_retrieval_date() -> None:
    """A reference's quote is dated by the work (its first date), never by "Retrieved …"."""
    import datetime as dt

    from cowkg.extract import _mentions_stage
    from cowkg.mentions import people_index
    from cowkg.read.agents import person_names
    from cowkg.read.mappings import read
    from cowkg.read.mappings.about import reference_date
    from cowkg.read.units import UnitKind
    from cowkg.types import Source

    text = (
        "Body.\n\nReferences\n\n"
        '  3. Remarks at the Oslo meeting (2 May 2026). "Leaders meet in Oslo". Ministry. '
        "9 May 2026. Retrieved 20 June 2026. Some 14 countries will send engineers.\n"
    )
    source = Source("r.txt", text, "r", "en", "encyclopedia", None)
    reading = read(source, _mentions_stage(source, None, people_index(person_names(source))))
    refs = [u for u, _ in reading.units if u.kind is UnitKind.REFERENCE]
    dates = {u.text[:12]: reference_date(reading, u) for u in refs}
    assert dates["Leaders meet"] == dt.date(2026, 5, 2)
    assert dates["Some 14 coun"] == dt.date(2026, 5, 2)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Officials said that of the 30 nations, 19 had agreed to help.", [19, 30]),
        ("Of the 27 member states, twelve voted against the plan.", [12, 27]),
        ("Of the 30 nations, 19 leaders came to Lima.", [19, 30]),
    ],
)
def test_a_bare_number_after_the_set_it_is_part_of_counts_that_set(
    text: str, values: list[int]
) -> None:
    found = sorted(counts_of(text), key=lambda f: quantity(f).minimum or 0)
    assert [quantity(f).minimum for f in found] == values
    assert quantity(found[0]).unit == ("leaders" if "leaders" in text else "countries")
