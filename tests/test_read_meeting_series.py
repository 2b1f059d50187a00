"""Meeting series, date ranges and bracketed details of conjoined meetings (the meeting frame,
:mod:`cowkg.read.frame`), on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index, titled_names
from cowkg.read.agents import person_names
from cowkg.read.mappings import MAPPINGS, read
from cowkg.read.mappings.series import series_starts
from cowkg.types import Fact, FactKind, Source
from tests.test_read_meetings import facts_of, keyed, meetings

THURSDAY = dt.date(2026, 5, 14)


def spans(facts: list[Fact]) -> dict[str, tuple[object, object]]:
    """Each meeting's key → (date, end date)."""
    return {k: (f.args.get("date"), f.args.get("end_date")) for k, f in meetings(facts).items()}


def test_a_plural_meeting_noun_over_a_span_of_days_is_one_meeting() -> None:
    past = facts_of(
        "At the meeting, Ruiz outlined what the planning meetings that took place at the "
        "Lima base on 4-6 May had produced.",
        THURSDAY,
    )
    assert spans(past)["2026-05-04-military-lima"] == (dt.date(2026, 5, 4), dt.date(2026, 5, 6))
    assert keyed(past, FactKind.MEETING_PLACE, "place") >= {("2026-05-04-military-lima", "lima")}
    future = facts_of(
        "Staff officers of the coalition of the willing will continue their work across two "
        "planning days from 18–19 May in Quito.",
        THURSDAY,
    )
    assert spans(future)["2026-05-18-military"] == (dt.date(2026, 5, 18), dt.date(2026, 5, 19))
    deeper = facts_of(
        "Four working groups will bring back the officers to continue discussions across two "
        "intensive planning days from 18–20 May at the Lima base.",
        THURSDAY,
    )
    assert spans(deeper)["2026-05-18-military-lima"] == (dt.date(2026, 5, 18), dt.date(2026, 5, 20))


def test_a_plural_with_single_days_or_no_day_is_no_one_meeting_over_them() -> None:
    several = facts_of(
        "The coalition of the willing held meetings (3 and 5 May) in Lima.", THURSDAY
    )
    assert not any(end for _, end in spans(several).values())
    none = facts_of("Planning meetings of the coalition of the willing are often long.", THURSDAY)
    assert spans(none) == {}
    days = facts_of("The officers spent three days from 4-6 May in Lima.", THURSDAY)
    assert spans(days) == {}  # days that are not planning days are no meeting
    one = facts_of("The officers will continue their work across two planning days on 18 May.")
    assert spans(one) == {}  # one single day over a plural names no one meeting


def test_absence_from_a_ranged_series_of_meetings_is_read() -> None:
    facts = facts_of("Chile did not attend the coalition's planning meetings on 4-6 May.", THURSDAY)
    assert keyed(facts, FactKind.NON_ATTENDANCE, "party") == {("2026-05-04-military", "CHL")}


def test_each_bracketed_modifier_of_a_shared_plural_is_a_meeting_of_its_own() -> None:
    facts = facts_of(
        "The coalition of the willing has convened its third ministerial (3 March, Lima) and "
        "second directors-level (4 April, Quito) meetings.",
        THURSDAY,
    )
    assert set(spans(facts)) == {"2026-03-03-ministerial", "2026-04-04-directors"}
    assert keyed(facts, FactKind.MEETING_PLACE, "place") == {
        ("2026-03-03-ministerial", "lima"),
        ("2026-04-04-directors", "quito"),
    }
    planned = facts_of(
        "Chile hosted the first ministerial (2 May, Lima) and will host the first announced "
        "directors-level (4 June, Quito) meetings of the coalition of the willing.",
        THURSDAY,
    )
    assert "2026-06-04-directors" in spans(planned)


def test_the_summit_a_series_culminates_in_has_who_comes_along() -> None:
    facts = facts_of(
        "A series of talks will culminate in the coalition summit, along with Chile, on "
        "15 June in Lima.",
        THURSDAY,
    )
    assert set(spans(facts)) == {"2026-06-15-summit"}  # "a series of talks" is no one meeting
    assert keyed(facts, FactKind.PARTICIPATION, "participant") == {("2026-06-15-summit", "CHL")}
    denied = facts_of(
        "A series of talks will not culminate in the coalition summit, along with Chile, on "
        "15 June in Lima.",
        THURSDAY,
    )
    assert keyed(denied, FactKind.PARTICIPATION, "participant") == set()
    thing = facts_of(
        "A series of talks culminated in the coalition summit on 15 June in Lima, along with a "
        "declaration by Peru.",
        THURSDAY,
    )
    assert keyed(thing, FactKind.PARTICIPATION, "participant") == set()


def test_a_second_meeting_after_a_fronted_preposition_is_conjoined_with_the_first() -> None:
    attended = facts_of(
        "Despite being represented in the virtual meeting on 15 March, and the 10 April meeting, "
        "Chile was not represented in the 27 April meeting.",
        THURSDAY,
    )
    assert keyed(attended, FactKind.PARTICIPATION, "participant") == {
        ("2026-03-15-meeting-t", "CHL"),
        ("2026-04-10-meeting-t", "CHL"),
    }
    assert keyed(attended, FactKind.NON_ATTENDANCE, "party") == {("2026-04-27-meeting-t", "CHL")}
    skipped = facts_of(
        "Despite having skipped the meeting on 15 March, and the 10 April meeting, Chile will "
        "attend the 27 April summit of the coalition.",
        THURSDAY,
    )
    absent = {m for m, _ in keyed(skipped, FactKind.NON_ATTENDANCE, "party")}
    assert absent == {"2026-03-15-meeting", "2026-04-10-meeting-t"}


def test_a_meeting_the_clause_is_said_despite_is_not_what_it_speaks_of() -> None:
    facts = facts_of(
        "Despite the 10 April meeting, Chile was not represented in the 27 April meeting.", THURSDAY
    )
    assert keyed(facts, FactKind.NON_ATTENDANCE, "party") == {("2026-04-27-meeting-t", "CHL")}
    assert "2026-04-10-meeting-t" in spans(facts)  # still a meeting of its own


def test_a_plural_takes_no_bracketed_date_of_another_meeting_noun() -> None:
    facts = facts_of(
        "Besides summits, the coalition of the willing has held its first ministerial (3 March, "
        "Lima).",
        THURSDAY,
    )
    assert set(spans(facts)) == {"2026-03-03-ministerial"}


def test_a_span_from_one_day_to_another_dates_the_planning_meetings() -> None:
    facts = facts_of(
        "Coalition of the willing planners will hold planning meetings from 18 to 20 May in Lima.",
        THURSDAY,
    )
    assert spans(facts)["2026-05-18-military"] == (dt.date(2026, 5, 18), dt.date(2026, 5, 20))


def series_of(text: str) -> list[tuple[object, object, object]]:
    """(key, date, end date) of each series the series mapping reads in ``text``."""
    source = Source("t.txt", text, "t", "en", "news", THURSDAY)
    people = people_index(titled_names(source) + person_names(source))
    reading = read(source, _mentions_stage(source, None, people))
    return [
        (f.args["meeting"].key, f.args["date"], f.args.get("end_date"))  # type: ignore[union-attr]
        for f in series_starts(reading)
    ]


def test_a_series_starting_on_a_day_is_a_meeting_from_that_day_to_its_culmination() -> None:
    assert ("meeting-series", series_starts) in MAPPINGS
    assert series_of(
        "Talks went on with a series of meetings in Lima and Quito starting 3 May 2026, "
        "culminating in the coalition summit on 6 May 2026."
    ) == [("2026-05-03-meeting-t", dt.date(2026, 5, 3), dt.date(2026, 5, 6))]
    assert series_of("Peru held a series of talks with Chile beginning on 3 May 2026.") == [
        ("2026-05-03-meeting-t", dt.date(2026, 5, 3), None)  # no culmination: no end
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Peru did not hold a series of talks with Chile starting 3 May 2026.",
        "Peru imposed a series of sanctions on Chile starting 3 May 2026.",  # no meetings
        "Peru held talks with Chile starting 3 May 2026.",  # no series: the frame's talks
        "Starting 3 May 2026, the coalition planned a series of meetings.",  # day before it
    ],
)
def test_no_series_start_without_a_series_of_meetings_and_its_start_word(text: str) -> None:
    assert series_of(text) == []
