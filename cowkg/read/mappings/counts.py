"""Counts of anything: "more than 30 countries", "four points", "10,000 troops", "34 leaders".

Every number the mentions stage reads as a count of a thing (:class:`cowkg.types.Quantity`: its
bounds, the thing counted as written, the source's hedge) becomes a count claim of the source,
unless the parse says the number is not counting that noun ("one wants…", a year, a distance,
a duration). The hedge ("more than", "about", "up to", "nearly") stays the qualifier and never
becomes the value: "more than 5,000 missiles" is a minimum of 5,000 with qualifier "more than".

What the count is about is stated only when the text says it: the meeting the clause names (or,
for an undated clause of meeting or attending, the meeting named just before: "the event was
attended by 31 countries"), else the coalition when the count's own words or its sentence speak of
it ("a coalition of 35 countries"). A count of the countries pledging troops is counted as
``troop-contributing countries``; one the sentence forecasts ("expected to grow to more than 30
countries") as ``countries (forecast)``. ``as_of`` is the clause's date, else the source's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import make_fact
from cowkg.mentions import slug
from cowkg.read.clauses import LEXICON, Action, Clause
from cowkg.read.destinations import areas, first_allowed
from cowkg.read.mappings.about import (
    COALITION,
    Context,
    counts_a_thing,
    meeting_fact,
    meeting_on,
    names_coalition,
    names_meeting,
    number_token,
    predicate_token,
    walk,
)
from cowkg.read.mappings.pledges import pledge_kind
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Mention, MentionKind, Quantity, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

RULE = "count-claim"
CONTRIBUTORS = "troop-contributing countries"
FORECAST = "countries (forecast)"

_NAMING = frozenset({"know", "call", "dub", "name", "term", "label"})
"""Verbs that name a group ("leaders known as the coalition") rather than place it in one."""
_GROWTH = frozenset({"grow", "rise", "increase", "reach", "expand", "swell", "climb"})


def counts(reading: Reading) -> Iterator[Fact]:
    """The count claims of every clause of ``reading`` (see the module docstring)."""
    for context, clause in walk(reading):
        for mention in clause.quantities:
            if mention.kind is MentionKind.AMOUNT or not counts_a_thing(clause, mention):
                continue
            claim = _claim(reading, context, clause, mention)
            yield claim
            about = claim.args.get("about")
            if isinstance(about, Ref) and about.kind is EntityKind.MEETING:
                yield meeting_fact(about, claim.evidence[0], RULE)


def _claim(reading: Reading, context: Context, clause: Clause, mention: Mention) -> Fact:
    quantity = mention.value
    assert isinstance(quantity, Quantity)
    counted = _counted(context, clause, mention, quantity)
    about = _about(reading, context, clause, mention, counted)
    day = context.date(reading, clause)
    amount = "-".join(str(b) for b in (quantity.minimum, quantity.maximum))
    key = slug(
        f"{about.key if about else 'unattached'} {counted} {quantity.qualifier} {amount} "
        f"{reading.source.file[:3]}"
    )
    args: dict[str, FactValue | None] = {
        "claim": Ref(EntityKind.CLAIM, key, mention.span.text),
        "about": about,
        "counted": counted,
        "quantity": quantity,
        "text": mention.span.text,
        "as_of": day or reading.source.date,
        "deployment_area": _area(reading, clause, mention) if _troops(counted) else None,
    }
    return make_fact(FactKind.COUNT_CLAIM, args, (clause.unit.evidence(reading.source),), RULE)


_TROOPS = frozenset({"troops", "troop", "soldiers", "peacekeepers", "personnel", "servicemen",
                     "forces", "boots"})  # fmt: skip


def _troops(counted: str) -> bool:
    return bool(set(counted.lower().split()) & _TROOPS)


def _area(reading: Reading, clause: Clause, mention: Mention) -> Ref | None:
    """Where the counted troops are to be ("put 25,000 troops on the ground in X", "5,000
    soldiers deployed to X"; :mod:`cowkg.read.destinations`): a state the count's own phrase,
    or the phrases of the predicate whose object it is, name as an area, unless ruled out
    ("will not send 500 troops to X")."""
    words = _noun_phrase(clause, mention)
    number = number_token(clause, mention)
    if not words or number is None:
        return None
    noun = number.head if number.dep_ != "ROOT" else number
    if noun.dep_ in {"dobj", "nsubjpass"}:  # "put 25,000 troops on the ground in X"
        words += [t for c in noun.head.children if c.dep_ == "prep" for t in c.subtree]
    base, text = clause.unit.paragraph.start, reading.source.text
    start = mention.span.start
    end = max(base + t.idx + len(t) for t in words)
    if end <= start:
        return None
    found = areas(text, reading.mentions_in(start, end), start, end)
    return first_allowed(text, found, clause.unit.start)


def _counted(context: Context, clause: Clause, mention: Mention, quantity: Quantity) -> str:
    """What is counted, from the noun; countries pledging troops and forecast sizes apart."""
    if quantity.unit != "countries":
        return quantity.unit
    predicate = predicate_token(clause)
    if _subject_of(clause, mention) and _pledges_troops(predicate):
        return CONTRIBUTORS  # "26 nations pledged to deploy troops"
    phrase = _noun_phrase(clause, mention)
    if any(t.lower_ in _CONTRIBUTING for t in phrase) and any(
        _pledges_troops(predicate_token(c)) for c in context.siblings
    ):
        return CONTRIBUTORS  # "deploy a force … with the input of 25 participating countries"
    if predicate.lemma_.lower() in _GROWTH and clause.modality != "asserted":
        return FORECAST
    return quantity.unit


def _pledges_troops(predicate: Token) -> bool:
    """The predicate pledges or deploys troops ("pledged to deploy troops", "deploy a force")."""
    if predicate.lemma_.lower() not in LEXICON or LEXICON[predicate.lemma_.lower()] is not (
        Action.PLEDGE
    ):
        return False
    objects = [c for c in predicate.children if c.dep_ in {"dobj", "xcomp", "prep"}]
    return pledge_kind(objects, predicate) == "troops"


_CONTRIBUTING = frozenset({"participating", "contributing", "troop-contributing"})


def _subject_of(clause: Clause, mention: Mention) -> bool:
    """The count is the clause's subject ("26 nations pledged…")."""
    number = number_token(clause, mention)
    if number is not None and number.dep_ in {"nsubj", "nsubjpass"}:
        return True  # "26 of Chile's allies pledged"
    node = number.head if number is not None else None
    while node is not None and node.dep_ in {"prep", "pobj", "conj"} and node.head.i != node.i:
        node = node.head
    return node is not None and node.dep_ in {"nsubj", "nsubjpass"}


def _about(
    reading: Reading, context: Context, clause: Clause, mention: Mention, counted: str
) -> Ref | None:
    """What the count is about: the coalition for contributors and forecasts; a meeting the
    counted phrase itself names ("31 countries gathering for a summit"); the coalition the phrase
    places the things in ("countries participating in the coalition", not "leaders known as the
    coalition"); the meeting the clause names or speaks of; the coalition its sentence names;
    else nothing."""
    phrase = _noun_phrase(clause, mention)
    own = " ".join(t.text for t in phrase)
    if counted in {CONTRIBUTORS, FORECAST}:
        return COALITION
    day = context.date(reading, clause)
    if day is not None and names_meeting(phrase):
        return meeting_on(day)  # "31 countries gathering for a summit"
    if names_coalition(own) and not any(t.lemma_.lower() in _NAMING for t in phrase):
        return COALITION  # "31 countries participating in the coalition"
    meeting = context.meeting(reading, clause)
    if meeting is not None:
        return meeting
    return COALITION if names_coalition(clause.unit.text) else None


def _noun_phrase(clause: Clause, mention: Mention) -> list[Token]:
    """The words of the counted noun's phrase ("31 countries participating in the coalition")."""
    number = number_token(clause, mention)
    if number is None:
        return []
    noun = number.head if number.dep_ != "ROOT" else number
    return list(noun.subtree)


__all__ = ["CONTRIBUTORS", "FORECAST", "counts"]
