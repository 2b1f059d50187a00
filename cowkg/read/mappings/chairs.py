"""Standing chairmanships: who chairs a body across its meetings, not one meeting.

"A and B are the permanent co-chairs of the summit meetings", "From June 2026, A and B are
co-chairs of the coalition", "C joined twice as the third co-chair", "A chairs the coalition":
a state or person (the clause's subject) holds the role of chair or co-chair (a chair noun as
the complement of *be*, *remain*, *become*, or after "as" of *join*, *serve*, *act*, *sit*; or
the verbs *chair* / *co-chair* with the body as object) of a body — the coalition the source
names, written as "the coalition" or a coalition mention, or as the plural of a meeting noun
("the summit meetings", "its summits"); with no body written, the coalition when the sentence
names no other organisation. A CHAIRMANSHIP fact with ``standing`` when the source calls it
permanent, constant or standing; ``since`` the day or month of a "from"/"since" phrase,
``as_of`` that of an "as of" phrase (a month as "2026-06": :mod:`cowkg.mentions` reads days
only); ``times`` how many times ("twice").

Not a chairmanship: the chair of one meeting ("co-chaired the 6 May summit", "A and B were
co-chairs of the summit" — one meeting, the meeting frame's CHAIR), another body's chair ("the
chair of the NATO committee"), a negated, future, conditional or merely possible clause
("will be co-chairs", "could chair").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import make_fact
from cowkg.extract.layout import MONTHS
from cowkg.mentions import COALITION
from cowkg.read.clauses import Action, Clause
from cowkg.read.frame import token_at
from cowkg.read.units import Unit, UnitKind
from cowkg.types import Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "chairmanship"
CHAIR_NOUNS = frozenset({"chair", "co-chair", "cochair", "chairman", "chairwoman", "chairperson",
                         "co-chairman", "co-chairwoman", "co-chairperson"})  # fmt: skip
_COPULAS = frozenset({"be", "remain", "become", "stay"})
_AS_VERBS = frozenset({"join", "serve", "act", "sit", "remain", "continue", "stay"})
_CHAIR_VERBS = frozenset({"chair", "co-chair"})
_STANDING = frozenset({"permanent", "constant", "standing", "permanently", "constantly"})
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_MEETING_NOUNS = frozenset({"summit", "meeting", "session", "conference", "call", "gathering"})
_MONTH = re.compile(
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December)[ \u00a0]+(?P<year>(?:19|20)\d\d)\b"
)


def chairmanships(reading: Reading) -> Iterator[Fact]:
    """The standing chairmanships the source states (see the module doc)."""
    names_coalition = any(m.value == COALITION for m in reading.mentions)
    for unit, clauses in reading.units:
        if unit.kind in {UnitKind.REFERENCE, UnitKind.HEADING, UnitKind.HEADLINE}:
            continue
        for clause in clauses:
            yield from _of_clause(reading, unit, clause, names_coalition)


def _of_clause(
    reading: Reading, unit: Unit, clause: Clause, names_coalition: bool
) -> Iterator[Fact]:
    if not clause.polarity or clause.modality != "asserted" or clause.tense == "future":
        return
    token = token_at(unit, clause.trigger.start, clause.trigger.end)
    if token is None:
        return
    noun, body_phrase = _chair_of(token, clause)
    if noun is None:
        return
    body = _body(reading, unit, body_phrase, names_coalition)
    chairs = [
        a.mention
        for a in clause.arguments
        if a.role == "subject" or (a.role == "other" and a.mention.span.end <= clause.trigger.start)
    ]
    chairs = [m for m in chairs if m.kind in (MentionKind.STATE, MentionKind.PERSON)]
    if body is None or not chairs or _one_meeting(reading, unit, token):
        return
    args: dict[str, FactValue | None] = {
        "body": body,
        "role": "co-chair" if noun.lemma_.lower().startswith("co") else "chair",
        "standing": True if _standing(noun, token) else None,
        "since": _dated(reading, unit, token, {"from", "since"}),
        "as_of": _dated(reading, unit, token, {"as"}),
        "times": _times(token),
    }
    for chair in dict.fromkeys(m.value for m in chairs if isinstance(m.value, Ref)):
        yield make_fact(
            FactKind.CHAIRMANSHIP, {**args, "chair": chair}, [unit.evidence(reading.source)], METHOD
        )


def _chair_of(token: Token, clause: Clause) -> tuple[Token | None, Token | None]:
    """The chair noun the predicate ``token`` says its subject is or serves as, and the head of
    the body phrase ("of the coalition"; the object of *chair*); (None, None): no chair."""
    lemma = token.lemma_.lower()
    if clause.action is Action.CHAIR and lemma in _CHAIR_VERBS:
        body = next((c for c in token.children if c.dep_ == "dobj"), None)
        return (token, body) if body is not None else (None, None)
    nouns = [c for c in token.children if c.dep_ in {"attr", "oprd"}] if lemma in _COPULAS else []
    if lemma in _AS_VERBS:  # "as" on the verb, or on a word of it ("joined twice as …")
        near = [g for c in token.children for g in (c, *c.children)]
        nouns += [g for c in near if c.dep_ == "prep" and c.lower_ == "as"
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    noun = next((n for n in nouns if n.lemma_.lower() in CHAIR_NOUNS), None)
    if noun is None:
        return None, None
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return noun, (of[0] if of else None)


def _body(reading: Reading, unit: Unit, head: Token | None, names_coalition: bool) -> Ref | None:
    """The body chaired: the coalition its phrase names, or (a plural meeting noun, "the
    coalition", no phrase at all) the coalition the source names, when no other organisation
    is named in the phrase (or, with no phrase, in the sentence)."""
    base = unit.paragraph.start
    if head is None:
        start, end = unit.start, unit.end
    else:
        start, end = base + head.left_edge.idx, base + head.right_edge.idx + len(head.right_edge)
    named = [m for m in reading.mentions_in(start, end) if m.kind is MentionKind.ORGANIZATION]
    if any(m.value == COALITION for m in named):
        return COALITION
    if named or not names_coalition:
        return None
    if head is None:
        return COALITION
    lemma = head.lemma_.lower()
    plural_meetings = lemma in _MEETING_NOUNS and head.tag_ in {"NNS", "NNPS"}
    return COALITION if plural_meetings or lemma == "coalition" else None


def _one_meeting(reading: Reading, unit: Unit, token: Token) -> bool:
    """The clause speaks of one meeting: a day is named in it ("co-chairs of the 6 May summit",
    "chaired on 3 June"), or a singular meeting noun hangs on it ("co-chair at the summit")."""
    base = unit.paragraph.start
    start, end = base + token.left_edge.idx, base + token.right_edge.idx + len(token.right_edge)
    days = [
        m
        for m in reading.mentions_in(start, end)
        if m.kind is MentionKind.DATE and isinstance(m.value, dt.date) and not _framing(m, unit)
    ]
    singular = any(
        t.lemma_.lower() in _MEETING_NOUNS and t.tag_ in {"NN", "NNP"} and t.dep_ != "compound"
        for t in token.subtree
    )  # "the summit meetings": a compound of a plural is no one meeting
    return bool(days) or singular


def _framing(mention: Mention, unit: Unit) -> bool:
    """A date set in a "from", "since" or "as of" phrase frames the chairmanship's time, it
    does not name a meeting."""
    before = unit.paragraph.doc.text[: mention.span.start - unit.paragraph.start].rstrip().lower()
    return before.endswith(("from", "since", "as of"))


def _standing(noun: Token, token: Token) -> bool:
    words = [c for c in noun.children if c.dep_ == "amod"] + [
        c for c in token.children if c.dep_ == "advmod"
    ]
    return any(w.lower_ in _STANDING for w in words)


def _times(token: Token) -> int | None:
    """How many times: "twice", "three times" (on the predicate, or hung on a phrase of it: "joined
    twice as the third co-chair")."""
    near = [g for c in token.children for g in (c, *c.children)]
    for child in near:
        if child.dep_ == "advmod" and child.lower_ in _TIMES:
            return _TIMES[child.lower_]
        if child.lower_ == "times":
            number = next((g for g in child.children if g.dep_ == "nummod"), None)
            if number is not None and number.like_num and number.text.isdigit():
                return int(number.text)
    return None


def _dated(reading: Reading, unit: Unit, token: Token, preps: set[str]) -> dt.date | str | None:
    """The day or month of a time phrase on the clause ("From June 2026, …", "since 3 May",
    "As of May 2026, …"): a day as the mentions read it, a month as "YYYY-MM"."""
    base = unit.paragraph.start
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        if child.lower_ == "as" and not any(g.lower_ == "of" for g in child.children):
            continue
        start = base + child.idx
        end = base + child.right_edge.idx + len(child.right_edge)
        days = [
            m.value
            for m in reading.mentions_in(start, end)
            if m.kind is MentionKind.DATE and isinstance(m.value, dt.date) and m.end is None
        ]
        if days:
            return days[0]
        month = _MONTH.search(reading.source.text, start, end)
        if month is not None:
            return f"{month['year']}-{MONTHS[month['month'].lower()]:02d}"
    return None
