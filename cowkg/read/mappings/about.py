"""What a clause is about and when: the meeting it names, the one its source is speaking of, the
coalition, and the date of a cited reference's title — shared by the pledge and count mappings;
and the small readings of a unit's parse the mappings share (the clause a word is the predicate
of, the mentions a word is part of, whether a unit is a question).

A meeting is only linked when the text names one: a meeting word ("summit", "meeting", "talks",
"call"…) or a meeting verb ("met", "gathered", "attended") in the clause, with a date the
clause owns; or, for a clause about attending or meeting that names no date ("the event was
attended by…"), the last dated meeting its source spoke of a few units before. A meeting is keyed
``<date>-meeting``: its kind is not guessed here, and the resolver merges it into the one meeting
of known kind held that day. No date, no meeting: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.mentions import COALITION
from cowkg.read.clauses import Action, Clause
from cowkg.read.frame import tells_its_day
from cowkg.read.headlines import RETRIEVAL
from cowkg.read.units import Unit, UnitKind
from cowkg.resolve import GENERIC_MEETING
from cowkg.types import (
    EntityKind,
    Fact,
    FactKind,
    FactValue,
    Mention,
    MentionKind,
    Quantity,
    Ref,
    Span,
)

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_MEETING_NOUNS = frozenset(
    {"meeting", "summit", "talks", "conference", "gathering", "call", "videocall",
     "session", "event", "videoconference"}
)  # fmt: skip
_MEETING_VERBS = frozenset({"meet", "gather", "convene", "attend", "assemble"})


def names_meeting(words: Iterable[Token]) -> bool:
    """Whether ``words`` name a meeting: a meeting noun ("summit", "call" — not the verb "they
    call"), or a verb of meeting ("gathering", "met")."""
    return any(
        (t.pos_ in {"NOUN", "PROPN"} and {t.lemma_.lower(), t.lower_} & _MEETING_NOUNS)
        or (t.pos_ == "VERB" and t.lemma_.lower() in _MEETING_VERBS)
        for t in words
    )


_COALITION_WORD = re.compile(r"\bcoalition\b", re.I)
_MEETING_ACTIONS = frozenset({Action.MEET, Action.ATTEND, Action.ABSENT, Action.HOST, Action.CHAIR})
_CONTEXT_REACH = 4
"""How many units after a dated meeting its undated references ("the event") still point to it."""


def meeting_on(day: dt.date) -> Ref:
    """The meeting held on ``day``, kind unknown (merged by the resolver into the known one)."""
    return Ref(EntityKind.MEETING, f"{day.isoformat()}-{GENERIC_MEETING}")


def meeting_fact(meeting: Ref, evidence: Span, rule: str) -> Fact:
    """The MEETING fact of a meeting a clause names with its date (``meeting_on``), so that a
    meeting a count or pledge points to is dated by the passage that names it."""
    day = dt.date.fromisoformat(meeting.key[:10])
    args: dict[str, FactValue] = {"meeting": meeting, "date": day, "meeting_kind": GENERIC_MEETING}
    return Fact(FactKind.MEETING, args, (evidence,), f"rule:{rule}")


def predicate_token(clause: Clause) -> Token:
    """The predicate token of ``clause`` in its unit's parse."""
    paragraph = clause.unit.paragraph
    span = paragraph.doc.char_span(
        clause.trigger.start - paragraph.start,
        clause.trigger.end - paragraph.start,
        alignment_mode="expand",
    )
    assert span is not None and len(span), clause.trigger
    return span.root


def clause_of(unit: Unit, clauses: Sequence[Clause], token: Token) -> Clause | None:
    """The clause among ``clauses`` whose predicate is ``token`` (none for a word that is no
    clause's predicate)."""
    at = unit.paragraph.start + token.idx
    return next((c for c in clauses if c.trigger.start == at), None)


def mentions_at(reading: Reading, unit: Unit, token: Token) -> list[Mention]:
    """The mentions ``token`` is part of (whatever its phrase's extent: a name in quotation
    marks the parser leaves outside the phrase is still the word's)."""
    at = unit.paragraph.start + token.idx
    return [m for m in reading.mentions_in(at - 200, at + 1) if m.span.start <= at < m.span.end]


def clause_tokens(clause: Clause) -> list[Token]:
    """The clause's own words (its extent in the source)."""
    paragraph = clause.unit.paragraph
    span = paragraph.doc.char_span(
        clause.start - paragraph.start, clause.end - paragraph.start, alignment_mode="expand"
    )
    return list(span) if span is not None else []


def reference_date(reading: Reading, unit: Unit) -> dt.date | None:
    """The date a cited reference gives its work: for its title, the last date before the title
    on its line (an author's "(17 August 2025)"), else the first after it ("…". Publisher. 13
    August 2025.); for a passage it quotes after its retrieval note, the line's first date (the
    work's, which may sit in its title: "remarks … (24 October 2025)"); the retrieval and archive
    dates ("Retrieved 7 November 2025") date the citation, never the work."""
    if unit.kind is not UnitKind.REFERENCE:
        return None
    note = RETRIEVAL.search(unit.paragraph.doc.text)
    stop = unit.start if note is None else min(unit.start, unit.paragraph.start + note.start())
    line_end = unit.paragraph.end if note is None else unit.paragraph.start + note.start()
    dates = _dates_in(reading, unit.paragraph.start, stop)
    quoted = note is not None and unit.start > unit.paragraph.start + note.start()
    if dates:
        return dates[0] if quoted else dates[-1]
    after = [] if quoted else _dates_in(reading, unit.end, line_end)
    return after[0] if after else None


def _dates_in(reading: Reading, start: int, end: int) -> list[dt.date]:
    return [
        m.value
        for m in reading.mentions
        if m.kind is MentionKind.DATE
        and isinstance(m.value, dt.date)
        and start <= m.span.start < end
    ]


def clause_date(reading: Reading, clause: Clause) -> dt.date | None:
    """The clause's own date, else (a cited title) its reference's date."""
    return clause.date or reference_date(reading, clause.unit)


def _now(reading: Reading, clause: Clause) -> dt.date | None:
    """A news source's date for a clause in the present ("leaders gather", "is attended by",
    "has begun"): what it reports is happening as the source is published."""
    token = predicate_token(clause)
    perfect = any(c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in token.children)
    passive = any(c.dep_ == "auxpass" and c.lower_ in {"is", "are"} for c in token.children)
    finite = token.tag_ in {"VBZ", "VBP"} or (token.tag_ == "VBN" and (perfect or passive))
    if finite and clause.modality == "asserted" and reading.source.kind in REPORTS:
        return reading.source.date
    return None


REPORTS = frozenset({"news", "blog", "official", "report"})
"""Source kinds that report events as of their date (not an encyclopedia's standing account)."""


@dataclass
class Context:
    """The meetings a source has named so far, walked in unit order (:func:`walk`), and the
    clauses of the unit at hand (a clause inside another takes its date)."""

    last: Ref | None = None
    since: int = 0
    siblings: tuple[Clause, ...] = ()

    def date(self, reading: Reading, clause: Clause) -> dt.date | None:
        """The clause's date, else that of the clause it sits in, else a present-tense news
        clause's publication date."""
        node: Clause | None = clause
        seen = 0
        while node is not None and seen < len(self.siblings) + 1:
            day = clause_date(reading, node)
            if day is not None:
                return day
            node = self.siblings[node.governor] if node.governor is not None else None
            seen += 1
        return _now(reading, clause)

    def named(self, reading: Reading, clause: Clause) -> Ref | None:
        """The meeting ``clause`` names with a date, if any."""
        if clause.action in _MEETING_ACTIONS or names_meeting(clause_tokens(clause)):
            if _undated_title(clause):
                return None
            day = self.date(reading, clause)
            return meeting_on(day) if day is not None else None
        return None

    def meeting(self, reading: Reading, clause: Clause) -> Ref | None:
        """The meeting the clause names, or, for an undated clause of meeting or attending, the
        meeting named a few units before."""
        named = self.named(reading, clause)
        if named is not None:
            return named
        if clause.action in _MEETING_ACTIONS and self.date(reading, clause) is None:
            return self.last if self.since <= _CONTEXT_REACH else None
        return None


def _undated_title(clause: Clause) -> bool:
    """A cited title that names a meeting without a date of its own and does not tell it taking
    place on the day it is published — a verb of meeting or attending in the present or past, or
    a verbless title ("leaders meet in Paris", "Virtual leaders meeting of the coalition") —: the
    reference's date is not the meeting's ("confirms UK hosting coalition call", "to meet", "two
    words matter most in peace talks")."""
    if clause.unit.kind is not UnitKind.REFERENCE or clause.date is not None:
        return False
    verbless = predicate_token(clause).pos_ in {"NOUN", "PROPN"}
    return not (tells_its_day(clause) and (clause.action in _MEETING_ACTIONS or verbless))


def is_question(unit: Unit) -> bool:
    """Whether ``unit`` asks (ends in a question mark, before closing quotes): a question
    asserts nothing ("Will Chile send troops?")."""
    return unit.text.rstrip(" \"'”’").endswith("?")


def walk(reading: Reading) -> Iterator[tuple[Context, Clause]]:
    """Every clause of ``reading`` in order, with the meeting context before it (updated after
    each unit with the meetings the unit names)."""
    context = Context()
    for unit, clauses in reading.units:
        context.siblings = clauses
        if is_question(unit):
            continue
        for clause in clauses:
            yield context, clause
        named = [m for c in clauses if (m := context.named(reading, c)) is not None]
        if named:
            context.last, context.since = named[-1], 0
        else:
            context.since += 1


def number_token(clause: Clause, mention: Mention) -> Token | None:
    """The first number word of a quantity mention, in the parse of its unit."""
    paragraph = clause.unit.paragraph
    span = paragraph.doc.char_span(
        mention.span.start - paragraph.start,
        mention.span.end - paragraph.start,
        alignment_mode="expand",
    )
    if span is None:
        return None
    numbers = [t for t in span if t.like_num]
    return numbers[0] if numbers else None


def counts_a_thing(clause: Clause, mention: Mention) -> bool:
    """The quantity mention counts its noun: a number modifying it (or "30-nation"), not a
    year, not a lone "one", not a distance, duration, share or sum."""
    quantity = mention.value
    if not isinstance(quantity, Quantity) or quantity.minimum is quantity.maximum is None:
        return False
    words = re.findall(r"[\w-]+", quantity.unit.lower())
    if not words or words[-1] in _NOT_COUNTED or "percentage" in words:
        return False
    number = number_token(clause, mention)
    if number is None or number.lower_ == "one" or re.fullmatch(r"(?:19|20)\d\d", number.text):
        return False
    return number.dep_ in _COUNT_DEPS or "-" in mention.span.text or mention.form == "partitive"


_NOT_COUNTED = frozenset(
    {"kilometres", "kilometers", "km", "kms", "metres", "meters", "miles", "percent", "per",
     "cent", "hours", "ones", "others", "times", "years", "days", "weeks", "months", "minutes",
     "seconds", "decades", "centuries", "euros", "dollars", "pounds"}
)  # fmt: skip
"""Nouns a number measures rather than counts (distances, durations, shares, money)."""
_COUNT_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "npadvmod", "appos", "nmod"})


def names_coalition(text: str) -> bool:
    """Whether ``text`` speaks of the coalition (by the word: "the coalition", "a coalition of")."""
    return bool(_COALITION_WORD.search(text))


__all__ = [
    "COALITION",
    "Context",
    "clause_date",
    "clause_of",
    "clause_tokens",
    "counts_a_thing",
    "is_question",
    "meeting_fact",
    "meeting_on",
    "mentions_at",
    "names_coalition",
    "names_meeting",
    "number_token",
    "predicate_token",
    "reference_date",
    "walk",
]
