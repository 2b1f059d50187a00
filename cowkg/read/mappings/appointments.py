"""Appointments: who took up which post — "X replaced Y as defence minister", "X succeeded Y as
President of Chile", "X was appointed (as) Peru's defence minister", "X was sworn in as president",
"X was elected prime minister", "X became foreign minister".

Each is a post holding (``POST_HOLDING``, ``rule:appointment``) of the person who took the post: the
subject of replacing, succeeding and becoming (never the predecessor they replaced), the person the
appointing, naming, electing or swearing-in is done to (the passive's subject, the active's object).
The post is the title the clause gives "as" or as its complement — a title mention of
:mod:`cowkg.mentions`, with the state or organisation it is of ("President of Chile", "Peru's
defence minister") — never a title the person is only described by ("former senator X"). A
"he"/"she" subject is the one person the nearest sentence before with a subject has as its subject
(passing over "he"/"she" subjects, back to the paragraph before at most). The date is the clause's
own. Not read: negated, future or conditional clauses ("will replace", "could be appointed"), and a
clause with no title or no named person.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from cowkg.extract.known import make_fact
from cowkg.read.clauses import Clause
from cowkg.read.frame import predicate_token
from cowkg.read.units import Unit
from cowkg.types import Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

RULE = "appointment"
TAKING = frozenset({"replace", "succeed", "become"})
"""Predicates whose subject takes the post."""
GIVEN = frozenset({"appoint", "name", "elect", "swear", "swear in", "nominate", "install"})
"""Predicates whose object (the passive's subject) is given the post."""
_PRONOUNS = frozenset({"he", "she"})


def appointments(reading: Reading) -> Iterator[Fact]:
    """Every post a named person is said to have taken up in one source."""
    for unit, clauses in reading.units:
        for clause in clauses:
            fact = _appointment(reading, unit, clause)
            if fact is not None:
                yield fact


def _appointment(reading: Reading, unit: Unit, clause: Clause) -> Fact | None:
    taking = clause.predicate in TAKING
    if not (taking or clause.predicate in GIVEN):
        return None
    if not clause.polarity or clause.modality != "asserted":
        return None
    holder = _holder(reading, unit, clause, taking)
    post = _post(clause, holder, taking and clause.passive)
    if holder is None or post is None or not isinstance(post.value, Ref):
        return None
    args: dict[str, FactValue | None] = {
        "person": holder,
        "role": post.value,
        "organization": post.of,
        "as_of": clause.date,
    }
    return make_fact(FactKind.POST_HOLDING, args, (unit.evidence(reading.source),), RULE)


def _holder(reading: Reading, unit: Unit, clause: Clause, taking: bool) -> Ref | None:
    """The person who took the post: the subject of taking it (the predecessor is the object),
    the one a post is given to (the passive's subject is read as an object too)."""
    if taking and clause.passive:
        people = _people(clause.agents("by"))
    else:
        people = _people(clause.agents("subject" if taking else "object"))
    if len(people) == 1:
        return people[0]
    if people or not taking:
        return None
    token = predicate_token(clause)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None) if token else None
    if subject is not None and subject.lower_ in _PRONOUNS:
        return _previous_subject(reading, unit)
    return None


def _people(mentions: Sequence[Mention]) -> list[Ref]:
    found = [m.value for m in mentions if m.kind is MentionKind.PERSON]
    return list(dict.fromkeys(v for v in found if isinstance(v, Ref)))


def _post(clause: Clause, holder: Ref | None, by_holder: bool) -> Mention | None:
    """The title the clause gives "as" or as its complement (after the holder's name, so not a
    title the holder is only described by); ``by_holder``: the holder is the passive's agent
    ("was replaced by X as …"), whose phrase the parse may give the title — not the agent of
    giving a post ("was appointed by President X")."""
    roles = {"as", "object", "other"} | ({"by"} if by_holder else set())
    after = max(
        (a.mention.span.end for a in clause.arguments if a.mention.value == holder), default=0
    )
    titles = [
        a.mention
        for a in clause.arguments
        if a.mention.kind is MentionKind.ROLE and a.mention.span.start >= after
        if a.role in roles
    ]
    return titles[0] if titles else None


def _previous_subject(reading: Reading, unit: Unit) -> Ref | None:
    """The one person the sentences before have as their subject: the nearest sentence with a
    subject, in the same paragraph or the one before, passing over "he"/"she" subjects ("X
    arrived in Lima. He is expected in Quito. ¶ He replaced …"); any other subject ends it."""
    index = next((i for i, (u, _) in enumerate(reading.units) if u is unit), 0)
    for previous, clauses in reversed(reading.units[:index]):
        if previous.paragraph.index < unit.paragraph.index - 1:
            return None
        token = predicate_token(clauses[0]) if clauses else None
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None) if token else None
        if subject is None:
            continue
        if subject.lower_ in _PRONOUNS:
            continue
        people = _people(clauses[0].agents("subject"))
        return people[0] if len(people) == 1 else None
    return None
