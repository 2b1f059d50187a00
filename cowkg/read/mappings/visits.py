"""Visits: who visited which state or place, when and for what.

Two shapes, read from the parse of each unit:

- the verb: "X visited Y (on <date>) (for <occasion>)" — the clause's subjects visit the state or
  place its object names;
- the noun: "the visit of X to Y", "X's visit to Y", "during his (official) visit to Y" — the
  agents of its "of" phrase or its possessor ("his"/"her" is the person the sentence is about:
  the one the phrase hangs on, else the subject of its clause) visit what its "to" phrase
  names; the day its phrase names is the visit's ("the visit … for the 3 May ceremonies": the day
  of the occasion it was for), its "for" phrase the occasion.

A visitor named with a title visits in that capacity, for the state or organisation of the post.
Not a visit (nothing): a clause that is negated, future, planned, possible or conditional ("will
visit", "plans to visit", "a delegation planning to visit"), a visit noun that is planned,
upcoming, proposed or possible, or one a clause cancels, postpones, plans, proposes or denies
("the visit was cancelled").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import make_fact
from cowkg.read.clauses import Clause
from cowkg.read.mappings.about import clause_of, mentions_at
from cowkg.read.mappings.posts import verb_of
from cowkg.read.units import Unit, UnitKind
from cowkg.types import Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "visit"
_VISITORS = (MentionKind.PERSON, MentionKind.STATE, MentionKind.ORGANIZATION)
_DESTINATIONS = (MentionKind.STATE, MentionKind.PLACE)
_NOT_MADE = frozenset({"planned", "upcoming", "proposed", "possible", "future", "expected",
                       "scheduled", "potential", "intended", "forthcoming"})  # fmt: skip
"""Words that make a visit noun one not (yet) made."""
_UNDOING = frozenset({"cancel", "postpone", "delay", "plan", "propose", "consider", "scrap",
                      "refuse", "deny", "reject", "call off", "prepare", "discuss", "announce",
                      "schedule"})  # fmt: skip
"""Clauses whose visit noun was not made: cancelled, planned, announced ahead…"""
_POSSESSIVES = frozenset({"his", "her", "their"})


def visits(reading: Reading) -> Iterator[Fact]:
    """Every visit the source says was made (see the module doc)."""
    for unit, clauses in reading.units:
        if unit.kind in {UnitKind.REFERENCE, UnitKind.HEADING}:
            continue
        base = unit.paragraph.start
        span = unit.paragraph.doc.char_span(
            unit.start - base, unit.end - base, alignment_mode="expand"
        )
        for token in span if span is not None else ():
            if token.lemma_.lower() != "visit":
                continue
            if token.pos_ == "VERB":
                yield from _by_verb(reading, unit, clauses, token)
            elif token.pos_ == "NOUN":
                yield from _by_noun(reading, unit, clauses, token)


def _by_verb(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], token: Token
) -> Iterator[Fact]:
    clause = clause_of(unit, clauses, token)
    if clause is None or not _made(clause):
        return
    visitors = _choose([a.mention for a in clause.arguments if a.role == "subject"])
    where = [
        m for c in token.children if c.dep_ == "dobj" for m in _headed_mentions(reading, unit, c)
    ]
    day = next((m.value for m in clause.dates if _day(m)), None)
    occasion = _phrase(unit, token, "for")
    yield from _facts(reading, unit, visitors, where, day, occasion)


def _by_noun(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], noun: Token
) -> Iterator[Fact]:
    if any(c.lower_ in _NOT_MADE or c.lower_ == "no" for c in noun.children):
        return
    verb = verb_of(noun)
    clause = clause_of(unit, clauses, verb) if verb is not None else None
    if clause is not None and (not _made(clause) or clause.predicate in _UNDOING):
        return
    of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    owner = [c for c in noun.children if c.dep_ == "poss"]
    found = [m for t in of + owner for m in _phrase_mentions(reading, unit, t)]
    if not found and any(o.lower_ in _POSSESSIVES for o in owner):
        found = _antecedent(reading, unit, noun)
    visitors = _choose([m for m in found if m.kind in _VISITORS])
    # "to" on the noun, or on the visitor's name ("the visit of President, X to Y")
    heads = [noun, *(t for o in of for t in o.subtree)]
    to = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
          for g in c.children]  # fmt: skip
    where = [m for t in to for m in _headed_mentions(reading, unit, t)]
    base = unit.paragraph.start
    inside = reading.mentions_in(base + noun.left_edge.idx, base + noun.right_edge.idx + 1)
    day = next((m.value for m in inside if _day(m)), None)
    yield from _facts(reading, unit, visitors, where, day, _phrase(unit, noun, "for"))


def _facts(
    reading: Reading,
    unit: Unit,
    visitors: Sequence[Mention],
    where: Sequence[Mention],
    day: object,
    occasion: str | None,
) -> Iterator[Fact]:
    places = [m.value for m in where if m.kind in _DESTINATIONS and isinstance(m.value, Ref)]
    if not places:
        return
    for visitor in visitors:
        ref = visitor.value
        if not isinstance(ref, Ref) or ref == places[0]:
            continue
        args: dict[str, FactValue | None] = {
            "visitor": ref,
            "destination": places[0],
            "date": day if isinstance(day, dt.date) else None,
            "occasion": occasion,
            "capacity": visitor.role if visitor.kind is MentionKind.PERSON else None,
            "on_behalf_of": _post_of(reading, visitor),
        }
        yield make_fact(FactKind.VISIT, args, [unit.evidence(reading.source)], METHOD)


_TITLE_GAP = 3
"""At most this many characters between a title and the name it titles ("Prime Minister, X")."""


def _post_of(reading: Reading, visitor: Mention) -> Ref | None:
    """The state or organisation a titled visitor's post is of: the person's own, else that of
    the title written right before the name ("Chilean President Gabriel Boric")."""
    if visitor.kind is not MentionKind.PERSON:
        return None
    if visitor.of is not None:
        return visitor.of
    start = visitor.span.start
    titles = [
        m
        for m in reading.mentions_in(start - 80, start)
        if m.kind is MentionKind.ROLE and 0 <= start - m.span.end <= _TITLE_GAP
    ]
    return titles[-1].of if titles else None


def _made(clause: Clause) -> bool:
    """The clause says the act took place: asserted, not negated, not in the future."""
    return clause.polarity and clause.modality == "asserted" and clause.tense != "future"


def _phrase_mentions(reading: Reading, unit: Unit, token: Token) -> list[Mention]:
    """The mentions inside the phrase ``token`` heads."""
    base = unit.paragraph.start
    start = base + token.left_edge.idx
    end = base + token.right_edge.idx + len(token.right_edge)
    return [m for m in reading.mentions_in(start, end) if m.span.end <= end]


def _headed_mentions(reading: Reading, unit: Unit, token: Token) -> list[Mention]:
    """The state or place the phrase ``token`` heads is ("visited Peru", "to Lima"): the mention
    its head word is part of, not one deeper in it ("visited the headquarters of the force for
    Peru" visited no Peru)."""
    at = unit.paragraph.start + token.idx
    return [m for m in _phrase_mentions(reading, unit, token) if m.span.start <= at < m.span.end]


def _choose(mentions: Sequence[Mention]) -> list[Mention]:
    """The visitors among ``mentions``: each person named, else each state or organisation (a
    state that is only a named person's post is not a visitor of its own)."""
    people = [m for m in mentions if m.kind is MentionKind.PERSON and isinstance(m.value, Ref)]
    if people:
        return list({m.value: m for m in people}.values())
    return [m for m in mentions if m.kind in (MentionKind.STATE, MentionKind.ORGANIZATION)]


def _antecedent(reading: Reading, unit: Unit, noun: Token) -> list[Mention]:
    """Whom "his"/"her" stands for: the person the visit's phrase hangs on ("X during his visit
    to Y called …"), else the subject of the clause it belongs to."""
    node = noun
    while node.head.i != node.i:
        node = node.head
        named = [m for m in mentions_at(reading, unit, node) if m.kind is MentionKind.PERSON]
        if named:
            return named
        if node.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            return _phrase_mentions(reading, unit, subject) if subject is not None else []
    return []


def _day(mention: Mention) -> bool:
    return (
        mention.kind is MentionKind.DATE
        and isinstance(mention.value, dt.date)
        and mention.end is None
    )


def _phrase(unit: Unit, head: Token, preposition: str) -> str | None:
    """The words of ``head``'s prepositional phrase (with the preposition), verbatim."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    if prep is None:
        return None
    end = prep.right_edge.idx + len(prep.right_edge)
    return unit.paragraph.doc.text[prep.idx : end]
