"""Command posts of the coalition or its force stated as planned or in place: "the coalition will
have a permanent headquarters in Lisbon, with plans for a co-ordination cell in Vilnius", "the
force has set up its headquarters in Oslo", "the mission is to get a command centre in Riga".

A headquarters, HQ, or a co-ordination, command or liaison cell, centre or post, placed by the
city in its phrase ("the Oslo headquarters", "a cell in Vilnius"), that the coalition or a force
the source names has, will have, sets up, opens, bases or runs (the subject of the clause the
post's phrase hangs on, or of its governor when the clause has none of its own): a COMMAND_POST
fact of that post (the key every source shares, ``<city>-hq``) with its place, the coalition
(``coalition``) or force (``force``) it belongs to, its level when the phrase says it
("co-ordination"), and its ``status``:

- ``planned``: the clause is in the future, planned or expected ("will have", "plans to open",
  "is expected to set up"), or the post is a "future" or "planned" one, or what "plans for" name;
- ``in-place``: an asserted clause in the present or past ("has its headquarters in Oslo",
  "set up a headquarters in Oslo").

A negated clause ("will not have a headquarters in Kyiv"), a conditional or merely possible one
("could open"), a post of someone else ("NATO headquarters in Brussels", where leaders meet) or a
post without a city gives nothing. A dated founding ("inaugurated its headquarters in Oslo on 3
June") is :mod:`cowkg.read.mappings.naming`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import Args, make_fact
from cowkg.extract.tables import command_post_ref, place_ref
from cowkg.read.clauses import Action, Clause
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Fact, FactKind, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_HQ_NOUNS = frozenset({"headquarters", "headquarter", "hq"})
_UNIT_NOUNS = frozenset({"cell", "centre", "center", "post"})
"""A cell, centre or post is a command post only when its phrase says of what
(:data:`_UNIT_KINDS`): "a co-ordination cell", not "a prison cell"."""
_UNIT_KINDS = {"ordination": "coordination", "command": "command", "liaison": "liaison"}
_HAVING = frozenset(
    {
        "have",
        "set",
        "establish",
        "open",
        "base",
        "run",
        "operate",
        "host",
        "get",
        "locate",
        "create",
    }
)
_PLANNED_MODALITIES = frozenset({"future", "planned", "expected"})
_PLANNED_WORDS = frozenset({"future", "planned", "plan", "proposed", "envisaged"})
_OWNERS = frozenset({EntityKind.COALITION, EntityKind.FORCE})
_OWN_POSSESSORS = frozenset({"its", "their", "our", "coalition", "force", "mission", "willing"})


def posts(reading: Reading) -> Iterator[Fact]:
    """COMMAND_POST facts of the posts the coalition or a force has or will have."""
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE or not clauses:
            continue
        at = {clause.trigger.start: clause for clause in clauses}
        base = unit.paragraph.start
        for token in unit.sentence:
            level = _post_level(token)
            if level is None:
                continue
            verb = verb_of(token)
            clause = at.get(base + verb.idx) if verb is not None else None
            if verb is None or clause is None or verb.lemma_.lower() not in _HAVING:
                continue
            fact = _post_fact(reading, unit, clauses, clause, token, verb, level)
            if fact is not None:
                yield fact


def _post_level(token: Token) -> str | None:
    """The command level a post noun's phrase gives ("" for a headquarters that says none), or
    None when the token is no post."""
    lemma = token.lemma_.lower()
    if token.pos_ not in {"NOUN", "PROPN"} or lemma not in _HQ_NOUNS | _UNIT_NOUNS:
        return None
    before = " ".join(t.lower_ for t in token.lefts)
    level = next((name for cue, name in _UNIT_KINDS.items() if cue in before), None)
    if lemma in _UNIT_NOUNS:
        return level
    return level or ""


def verb_of(token: Token) -> Token | None:
    """The verb a noun's phrase hangs on ("will have … headquarters", "plans for a cell",
    "during the visit … was revived")."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _post_fact(
    reading: Reading,
    unit: Unit,
    clauses: tuple[Clause, ...],
    clause: Clause,
    noun: Token,
    verb: Token,
    level: str,
) -> Fact | None:
    status = _status(clauses, clause, noun, verb)
    owner = _owner(clauses, clause)
    city = _city(reading, unit, noun, clause)
    if status is None or owner is None or city is None or _someone_elses(noun):
        return None
    place = city.value if isinstance(city.value, Ref) else place_ref(city.span.text)
    args: Args = {
        "post": command_post_ref(city.span.text),
        "place": place,
        "level": level or None,
        "force": owner if owner.kind is EntityKind.FORCE else None,
        "coalition": owner if owner.kind is EntityKind.COALITION else None,
        "status": status,
    }
    return make_fact(FactKind.COMMAND_POST, args, [unit.evidence(reading.source)], "post")


def _status(clauses: tuple[Clause, ...], clause: Clause, noun: Token, verb: Token) -> str | None:
    """ "planned" or "in-place" (see the module docstring); None when negated or only possible."""
    if not clause.polarity:
        return None
    path = {t.lemma_.lower() for t in noun.lefts} | _heads_up_to_verb(noun)
    governors = list(_governors(clauses, clause))
    planned = (
        any(c.modality in _PLANNED_MODALITIES or c.action is Action.PLAN for c in governors)
        or bool(path & _PLANNED_WORDS)
        or (clause.action is Action.FOUND and verb.tag_ == "VBG")  # "is setting up"
        or (_is_infinitive(verb) and verb.head.lemma_.lower() == "be")  # "is to get"
    )
    if planned:
        return "planned"
    return "in-place" if clause.modality == "asserted" else None


def _governors(clauses: tuple[Clause, ...], clause: Clause) -> Iterator[Clause]:
    """The clause and the clauses it is a complement or conjunct of, nearest first."""
    seen: set[int] = set()
    current: Clause | None = clause
    while current is not None:
        yield current
        index = current.governor
        if index is None or index in seen:
            return
        seen.add(index)
        current = clauses[index]


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _heads_up_to_verb(token: Token) -> set[str]:
    """The lemmas between a noun and the verb its phrase hangs on ("plans for a cell": plan)."""
    out, node = set(), token.head
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        out.add(node.lemma_.lower())
        node = node.head
    return out


def _owner(clauses: tuple[Clause, ...], clause: Clause) -> Ref | None:
    """The coalition or force that is the clause's subject (its governor's when the clause has
    no subject of its own)."""
    while True:
        for mention in clause.agents("subject"):
            if isinstance(mention.value, Ref) and mention.value.kind in _OWNERS:
                return mention.value
        if not clause.subjectless or clause.governor is None:
            return None
        clause = clauses[clause.governor]


def _city(reading: Reading, unit: Unit, noun: Token, clause: Clause) -> Mention | None:
    """The city of the post's own phrase ("the Oslo headquarters", "a cell in Riga"; of "in Fort
    X, Paris" the city, a one-word place, as the other mappings key the post), else the clause's
    "in" place when the post is its object ("set up a centre in Riga")."""
    base = unit.paragraph.start
    at = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}), None)
    phrase = (noun.left_edge, noun.right_edge) if at is None else (at, at.right_edge)
    start, end = base + phrase[0].idx, base + phrase[1].idx + len(phrase[1])
    places = [m for m in reading.mentions_in(start, end) if m.kind is MentionKind.PLACE]
    if not places and noun.dep_ in {"dobj", "nsubjpass"}:
        places = [m for m in clause.agents("in") if m.kind is MentionKind.PLACE]
    cities = [m for m in places if " " not in m.span.text] or places
    return cities[-1] if cities else None


def _someone_elses(noun: Token) -> bool:
    """A post its phrase gives to someone else: "NATO headquarters", "the alliance's HQ" (not
    "its", "the coalition's", "the force's")."""
    for t in noun.lefts:
        if t.dep_ == "compound" and t.ent_type_ == "ORG":
            return True
        if t.dep_ == "poss" and t.lemma_.lower() not in _OWN_POSSESSORS:
            return True
    return False
