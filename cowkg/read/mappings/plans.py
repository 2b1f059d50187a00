"""Plans and intentions: what a named party plans, intends, aims or is preparing to do, and
what it proposed.

Read from clauses of the ``plan`` action (:data:`cowkg.read.clauses.LEXICON`), with a party as
their subject — as for statements (:func:`cowkg.read.mappings.statements.speakers_of`: a named
person, state or organisation, "he"/"she", a title the source gave a person, "the coalition"):

- **an intention** (``PLAN``, ``plan_kind`` plan): "Peru plans to send engineers", "Chile
  intends to host the next meeting", "the coalition aims to secure the border" — status
  ``intended``; "Chile is preparing to open a field hospital", "Peru is working on a plan to
  rebuild the bridges", "Chile and Peru are working to reopen the border" — status
  ``in-preparation``. The aim is the infinitive (or the plan
  noun's infinitive), verbatim; ``planned_by`` the party (several parties, one plan). A plan
  of several parties is one plan (``planned_by`` lists each).
- **a stated aim** (``PLAN``, status ``intended``): "the stated aim of the coalition is to
  secure …", "Peru's goal is to open …" — the party whose aim it is plans it.
- **a proposal** (``cow:Statement``, speech act ``proposed``): "Peru proposed that the
  engineers deploy in June", "Chile proposed a joint brigade".

Not plans: a negated or conditional one ("does not plan to", "might plan to"), one in the
future ("will prepare"), one with no infinitive or plan noun to say what is planned ("Peru is
planning"), a subject that is no named party ("officials plan to …"). A pledge the plan
governs ("plans to send troops") is also a pledge (:mod:`~cowkg.read.mappings.pledges`,
modality planned); the plan says it is the party's intention, in the source's words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.mentions import COALITION
from cowkg.read.clauses import Action, Clause
from cowkg.read.destinations import areas, beneficiaries, first_allowed
from cowkg.read.frame import done, predicate_token
from cowkg.read.mappings.statements import (
    content_extent,
    speakers_of,
    statements_of,
)
from cowkg.read.units import Unit
from cowkg.types import PARTY_KINDS, EntityKind, Fact, FactKind, FactValue, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:plan"
STATUSES: Mapping[str, str] = {
    **dict.fromkeys(["plan", "intend", "aim"], "intended"),
    **dict.fromkeys(["prepare", "work on", "draw up", "draft", "develop", "design", "work"],
                    "in-preparation"),
}  # fmt: skip
"""Predicate of the ``plan`` action → the status of what it plans."""
_PLAN_NOUNS = frozenset({"plan", "proposal", "strategy", "roadmap", "blueprint"})
_IN_PROGRESS = frozenset({"VBG", "VBP", "VBZ"})
"""Preparing in progress ("is preparing", "are working on", "prepares"), not done ("prepared")."""
_LABEL_WORDS = 12


def plans(reading: Reading) -> Iterator[Fact]:
    """Every intention, plan in preparation and proposal a named party is credited with."""
    for unit, clauses in reading.units:
        for clause in clauses:
            if clause.action is not Action.PLAN and not _working_to(clause):
                continue
            if clause.predicate == "propose":
                yield from statements_of(reading, unit, clause, "proposed", method=METHOD)
            elif clause.predicate in STATUSES:
                fact = _intention(reading, unit, clause)
                if fact is not None:
                    yield fact
        yield from _stated_aims(reading, unit, clauses)


_AIM_NOUNS = frozenset({"aim", "goal", "objective", "purpose", "intention"})
"""Nouns of an aim that "is to" do something ("the aim of the coalition is to …")."""
_STANDING_FOR = frozenset({"coalition", "initiative"})
"""What "the coalition" / "the initiative" stands for in a source naming the coalition."""


def _stated_aims(reading: Reading, unit: Unit, clauses: Sequence[Clause]) -> Iterator[Fact]:
    """ "The (stated) aim of <party> is to <do>", "<party>'s goal is to <do>": an intention of
    the party whose aim it is (status ``intended``). Not when negated ("the aim was not to …"),
    nor an aim of no named party ("the aim of the talks is to …")."""
    for clause in clauses:
        token = predicate_token(clause)
        if clause.predicate != "be" or token is None or not clause.polarity:
            continue
        nouns = [c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in _AIM_NOUNS]
        aims = [c for c in token.children if c.dep_ == "xcomp" and _infinitive(c)]
        if not nouns or not aims or any(c.dep_ == "neg" for c in aims[0].children):
            continue
        parties = _whose(reading, unit, nouns[0])
        extent = content_extent(unit, list(aims[0].subtree))
        fact = _plan_fact(reading, unit, parties, extent, "intended")
        if fact is not None:
            yield fact


def _whose(reading: Reading, unit: Unit, noun: Token) -> tuple[Ref, ...]:
    """The parties an aim belongs to: a possessive ("Peru's goal"), or the object of its "of"
    ("the aim of Chile and Peru"; "of the coalition", "of the initiative" in a source naming
    the coalition), as the state, organisation or person named there."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    base, found = unit.paragraph.start, []
    named = any(m.value == COALITION for m in reading.mentions)
    for owner in owners:
        if owner.lemma_.lower() in _STANDING_FOR and named:
            found.append(COALITION)
            continue
        start, end = base + owner.left_edge.idx, base + owner.right_edge.idx + len(owner.right_edge)
        found += [
            m.value
            for m in reading.mentions_in(start, end)
            if m.kind in PARTY_KINDS and isinstance(m.value, Ref) and m.form != "demonym"
        ]
    return tuple(dict.fromkeys(found))


def _intention(reading: Reading, unit: Unit, clause: Clause) -> Fact | None:
    token = predicate_token(clause)
    if token is None or not clause.polarity or clause.modality != "asserted" or not done(token):
        return None
    if token.dep_ in {"acl", "amod"} or _unnamed_subject(reading, unit, token):
        return None  # "countries prepared to …", "a French delegation planning to …"
    status = STATUSES[clause.predicate]
    if status == "in-preparation" and token.tag_ not in _IN_PROGRESS:
        return None  # "had prepared a plan": a document drafted, not a plan in the making
    aim = _aim(token)
    extent = content_extent(unit, list(aim.subtree)) if aim is not None else None
    parties = tuple(dict.fromkeys(s.ref for s in speakers_of(reading, unit, clause, token)))
    return _plan_fact(reading, unit, parties, extent, status)


def _plan_fact(
    reading: Reading,
    unit: Unit,
    parties: tuple[Ref, ...],
    extent: tuple[int, int] | None,
    status: str,
) -> Fact | None:
    """The intention of ``parties`` to do what ``extent`` says (none without either)."""
    if extent is None or not parties:
        return None
    args = intention_args(reading, parties, extent, status)
    return Fact(FactKind.PLAN, args, (unit.evidence(reading.source),), METHOD)


def intention_args(
    reading: Reading, parties: tuple[Ref, ...], extent: tuple[int, int], status: str
) -> dict[str, FactValue]:
    """The PLAN arguments of the intention of ``parties`` to do what ``text[extent]`` says, in
    its words: the aim verbatim, where it sends something and whom it is for."""
    text = reading.source.text[slice(*extent)]
    args: dict[str, FactValue | None] = {
        "plan": _plan_ref(parties, text),
        "plan_kind": "plan",
        "planned_by": parties,
        "aim": text,
        "status": status,
        **_destinations(reading, *extent),
    }
    return {k: v for k, v in args.items() if v is not None}


def _destinations(reading: Reading, start: int, end: int) -> dict[str, FactValue | None]:
    """Where what the aim says is to be done ("to send troops to X": ``deployment_area``) and
    whom it is for ("to guarantee X's security": ``beneficiary``), as its words name them."""
    text, states = reading.source.text, reading.mentions_in(start, end)
    return {
        "deployment_area": first_allowed(text, areas(text, states, start, end), start),
        "beneficiary": first_allowed(text, beneficiaries(text, states, start, end), start),
    }


def _working_to(clause: Clause) -> bool:
    """ "Chile and Peru are working to reopen the border": working at what an infinitive says
    is a plan in the making, as "working on a plan to" is (the verb "work" alone is no plan:
    "the plan works", "Peru works with Chile")."""
    token = predicate_token(clause)
    return (
        clause.predicate == "work"
        and token is not None
        and any(_aimed(token, c) and _infinitive(c) for c in token.children)
    )


def _aimed(token: Token, child: Token) -> bool:
    """The complement that says what is planned; after "working" the parse often hangs it as
    a clause of purpose ("are working to reopen …"), which is what the work is for."""
    return child.dep_ == "xcomp" or (child.dep_ == "advcl" and token.lemma_.lower() == "work")


def _unnamed_subject(reading: Reading, unit: Unit, token: Token) -> bool:
    """The subject is a common noun that names no party ("a French delegation", "countries"),
    whatever a word inside its phrase names; a title ("the prime minister") and "the coalition"
    stand for a party."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.lemma_.lower() == "coalition":
        return False
    at = unit.paragraph.start + subject.idx
    return not any(
        m.kind is MentionKind.ROLE and m.span.start <= at < m.span.end for m in reading.mentions
    )


def _aim(token: Token) -> Token | None:
    """What is planned: the infinitive ("plans to send …"), or the infinitive of the plan noun
    the predicate prepares or works on ("working on a plan to rebuild …")."""
    for child in token.children:
        if _aimed(token, child) and _infinitive(child):
            return child
    near = {token.i, *(c.i for c in token.children)}
    for noun in token.subtree:
        if noun.lemma_.lower() in _PLAN_NOUNS and noun.head.i in near:
            return next((c for c in noun.children if c.dep_ == "acl" and _infinitive(c)), None)
    return None


def _infinitive(token: Token) -> bool:
    """An active "to"-infinitive ("to send …"; not "to be shared with …", which says what will
    be done with the plan, not what it is to do)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and not any(
        c.dep_ == "auxpass" for c in token.children
    )


def _plan_ref(parties: tuple[Ref, ...], aim: str) -> Ref:
    """One key per parties and aim: a plan restated in other words is another entry."""
    names = " and ".join(p.label or p.key for p in parties)
    digest = hashlib.sha1(f"{[p.key for p in parties]}\n{aim}".encode()).hexdigest()[:12]
    words = aim.split()
    short = " ".join(words[:_LABEL_WORDS]) + (" …" if len(words) > _LABEL_WORDS else "")
    return Ref(EntityKind.PLAN, f"intention-{digest}", f"plan of {names} {short}")
