"""A series of meetings and the day it started: "a series of meetings in A and B starting 3 May".

The meetings frame (:mod:`cowkg.read.frame`) reads "a series of talks" as several meetings, none
of them named, and binds what the series culminates in ("culminating in the summit on 6 May",
:func:`cowkg.read.mappings.meetings.culminates_in`). When the sentence also says when the series
began — a date right after "starting", "beginning", "commencing" or "from" (an "on" between them
allowed), later in the sentence than the series noun — the series is one meeting of several
days, as a plural meeting noun over a span of days is (:func:`cowkg.read.frame._ranged_plural`):
a MEETING of kind ``meeting`` dated that day, ending on the day of the meeting it culminates in
when the frame dates that one later. The source does not say whose series it is: no ``body``,
and the key is ``<date>-meeting-<source>`` (:func:`cowkg.read.frame.meeting_key` for a meeting
placed in no forum, :func:`cowkg.read.frame.source_tag`), so it merges with no other meeting.
Not read: a series a negation governs ("did not hold a series of talks starting …"), a series
of anything but meetings ("a series of sanctions starting …"), a start word with no series
("talks starting 3 May" are the frame's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.read.clauses import Clause
from cowkg.read.frame import MEETING_NOUNS, source_tag
from cowkg.read.mappings.meetings import culminates_in, frame_of
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:meeting-series"
_START_WORDS = frozenset({"starting", "beginning", "commencing", "from"})
"""Words that put the first day of a series right before its date ("starting 3 May")."""


def series_starts(reading: Reading) -> Iterator[Fact]:
    """The MEETING of each series of meetings whose sentence says the day it started."""
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue  # a cited title speaks of its own day
        series = next((t for t in unit.sentence if _series_of_meetings(t)), None)
        if series is None:
            continue
        start = _start_day(reading, unit, series)
        if start is None:
            continue
        tag = source_tag(reading.source)
        args: dict[str, FactValue] = {
            "meeting": Ref(EntityKind.MEETING, f"{start.isoformat()}-meeting-{tag}"),
            "date": start,
            "meeting_kind": "meeting",
        }
        end = _culmination_day(reading, clauses)
        if end is not None and end > start:
            args["end_date"] = end
        yield Fact(FactKind.MEETING, args, (unit.evidence(reading.source),), METHOD)


def _series_of_meetings(token: Token) -> bool:
    """ "series" with an "of" phrase of meeting nouns ("a series of meetings", "of talks"), no
    negation on it or on a word it hangs from ("did not hold a series of …")."""
    if token.lemma_.lower() != "series":
        return False
    nouns = [o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if not any(n.lemma_.lower() in MEETING_NOUNS or n.lower_ == "talks" for n in nouns):
        return False
    return not any(c.dep_ == "neg" for a in (token, *token.ancestors) for c in a.children)


def _start_day(reading: Reading, unit: Unit, series: Token) -> dt.date | None:
    """The day a start word puts right before its date, after the series noun."""
    for mention in reading.mentions_in(unit.start, unit.end):
        if mention.kind is not MentionKind.DATE or not isinstance(mention.value, dt.date):
            continue
        word = _word_before(unit, mention)
        if word is not None and word.i > series.i and word.lower_ in _START_WORDS:
            return mention.value
    return None


def _word_before(unit: Unit, mention: Mention) -> Token | None:
    """The word before a date's first token, past an "on" ("starting on 3 May")."""
    base, doc = unit.paragraph.start, unit.paragraph.doc
    span = doc.char_span(mention.span.start - base, mention.span.end - base, "expand")
    if span is None or not len(span):
        return None
    index = span[0].i - 1
    if index >= 0 and doc[index].lower_ == "on":
        index -= 1
    return doc[index] if index >= 0 else None


def _culmination_day(reading: Reading, clauses: Sequence[Clause]) -> dt.date | None:
    """The day of the meeting a clause of the unit says the series culminates in
    (:func:`~cowkg.read.mappings.meetings.culminates_in`), as the frame dates it."""
    frame = frame_of(reading)
    for clause in clauses:
        cue, meeting = frame.cue_of(clause), frame.meeting_of(clause)
        if cue is not None and meeting is not None and culminates_in(clause, cue):
            return meeting.day
    return None
