"""Relative dates inside quoted words, read against the day they were said
(:func:`cowkg.mentions.reanchored`, :func:`cowkg.read.mappings.statements.days_named`), on
sentences written for these tests (Chile and Peru: nothing from a seed or an article)."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.ledger import unit_records
from cowkg.mentions import people_index, reanchored
from cowkg.read.agents import person_names
from cowkg.read.mappings import Reading, facts_of, read
from cowkg.read.mappings.statements import read_statements
from cowkg.types import Fact, MentionKind, Source

PUBLISHED = dt.date(2026, 5, 14)  # a Thursday
WEDNESDAY, TUESDAY = dt.date(2026, 5, 13), dt.date(2026, 5, 12)


def reading_of(text: str, published: dt.date | None = PUBLISHED) -> Reading:
    source = Source("t.txt", text, "t", "en", "news", published)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return read(source, mentions)


def statements(reading: Reading) -> list[Fact]:
    return list(read_statements(reading))


def covered(text: str) -> set[dt.date]:
    """Every day the statements of ``text`` cover."""
    return {d for f in statements(reading_of(text)) for d in f.args.get("covers", ())}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the quotation before its reporting clause
        ("“The envoys met today in Lima,” Chilean President Gabriel Boric said on Wednesday.",
         {WEDNESDAY}),
        # the quotation after it
        ("Chilean President Gabriel Boric said on Wednesday: “The envoys met today in Lima.”",
         {WEDNESDAY}),
        # "yesterday" in a speech given the day before the report
        ("“Peru signed the pact yesterday,” Chilean President Gabriel Boric said on Wednesday.",
         {TUESDAY}),
        # said at yesterday's meeting: the clause's day is the meeting's
        ("At yesterday's meeting, Chilean President Gabriel Boric said: “Peru joins today.”",
         {WEDNESDAY}),
        # said today: the quotation's "today" is the source's
        ("Chilean President Gabriel Boric said today: “Peru joins today.”", {PUBLISHED}),
    ],
)  # fmt: skip
def test_a_quoted_relative_day_is_the_speakers(text: str, days: set[dt.date]) -> None:
    assert covered(text) == days


@pytest.mark.parametrize(
    "text",
    [
        # said on no day the text gives: the quotation's "today" stays unread
        "“Peru joins today,” Chilean President Gabriel Boric said.",
        # reported speech of another day: whose "yesterday" it is the text does not say
        "Chilean President Gabriel Boric said on Monday that Peru joined yesterday.",
    ],
)
def test_a_relative_day_of_no_known_speakers_day_is_not_covered(text: str) -> None:
    assert covered(text) == set()


def test_a_quoted_relative_day_of_a_dated_speech_in_an_undated_source() -> None:
    text = "“The envoys met today in Lima,” Chilean President Gabriel Boric said on 3 May 2026."
    found = statements(reading_of(text, published=None))
    assert {d for f in found for d in f.args.get("covers", ())} == {dt.date(2026, 5, 3)}  # type: ignore[union-attr]


def test_reported_speech_of_the_source_day_keeps_the_writers_day() -> None:
    text = "Chilean President Gabriel Boric said today that Peru joined yesterday."
    assert covered(text) == {WEDNESDAY}


def test_a_clause_inside_a_quotation_is_dated_by_the_day_it_was_said() -> None:
    found = facts_of(
        reading_of("“We agreed today that Peru joins,” Chilean President Gabriel Boric said on "
                   "Tuesday.")
    )  # fmt: skip
    agreed = [f for f in found if f.args.get("speech_act") == "agreed"]
    assert agreed and {f.args.get("date") for f in agreed} == {TUESDAY}


def test_a_clause_inside_an_undated_quotation_takes_no_day_from_it() -> None:
    found = facts_of(
        reading_of("“We agreed today that Peru joins,” Chilean President Gabriel Boric said.")
    )
    agreed = [f for f in found if f.args.get("speech_act") == "agreed"]
    assert agreed and all("date" not in f.args for f in agreed)


def test_the_ledger_counts_the_reread_day() -> None:
    reading = reading_of(
        "“The envoys met today in Lima,” Chilean President Gabriel Boric said on Wednesday."
    )
    statements(reading)
    dates = [
        m.value for r in unit_records(reading) for m in r.counted if m.kind is MentionKind.DATE
    ]
    assert WEDNESDAY in dates and dates.count(WEDNESDAY) == 2  # "today" and "Wednesday"


def test_an_undated_quotation_leaves_its_mentions_as_read() -> None:
    reading = reading_of("“The envoys met today in Lima,” Chilean President Gabriel Boric said.")
    statements(reading)
    assert reading.reread == {}
    (today,) = [r for r in unit_records(reading) for m in r.counted if m.span.text == "today"]
    assert [m.value for m in today.counted if m.span.text == "today"] == [PUBLISHED]


@pytest.mark.parametrize(
    ("phrase", "value", "end"),
    [
        ("today", WEDNESDAY, None),
        ("yesterday", TUESDAY, None),
        ("tomorrow", PUBLISHED, None),
        ("on Monday", dt.date(2026, 5, 11), None),
        ("this week", dt.date(2026, 5, 11), dt.date(2026, 5, 17)),
    ],
)
def test_reanchored_reads_a_relative_date_against_another_day(
    phrase: str, value: dt.date, end: dt.date | None
) -> None:
    reading = reading_of(f"Peru and Chile met {phrase} in Lima.")
    (mention,) = [m for m in reading.mentions if m.kind is MentionKind.DATE]
    again = reanchored(mention, WEDNESDAY)
    assert (again.value, again.end, again.span) == (value, end, mention.span)


def test_reanchored_leaves_a_calendar_date_alone() -> None:
    reading = reading_of("Peru and Chile met on 3 May 2026 in Lima.")
    (mention,) = [m for m in reading.mentions if m.kind is MentionKind.DATE]
    assert reanchored(mention, WEDNESDAY) is mention


BLOG = (
    "Chile and Peru host the coalition of the willing\n"
    "The coalition of the willing met in Lima yesterday, in a summit hosted by Dina Boluarte and "
    "attended by Gabriel Boric.\n"
)


def blog_statements(text: str) -> list[Fact]:
    """The statements of a blog post of the day after the Lima summit (Wednesday)."""
    source = Source("t.txt", BLOG + text, "t", "en", "blog", PUBLISHED)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return statements(read(source, mentions))


def test_a_blogs_quotation_of_a_summit_host_covers_the_summits_day() -> None:
    (fact,) = blog_statements("Gabriel Boric said, “Peru and Chile stand together today.”\n")
    meeting = fact.args.get("meeting")
    assert meeting is not None and meeting.key == "2026-05-13-summit"  # type: ignore[union-attr]
    assert "date" not in fact.args and fact.args["covers"] == (WEDNESDAY,)


def test_what_a_host_had_said_before_is_not_said_at_the_summit() -> None:
    (fact,) = blog_statements("Gabriel Boric had said, “Peru and Chile stand together today.”\n")
    assert "meeting" not in fact.args and "covers" not in fact.args
