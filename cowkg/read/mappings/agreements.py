"""Agreements and decisions: who agreed, decided, endorsed or signed what, when, where; and what
a meeting's participants agreed together.

A clause of the ``agree`` action (:data:`cowkg.read.clauses.LEXICON`: agree, agree on, decide,
endorse, approve, adopt, back, sign, ratify…) whose subject (the ``by`` agents of a passive) is a
named person, state or organisation is a ``cow:Statement`` of that party — the act of speech by
which it commits itself — with the speech act read from the predicate:

- ``agreed``: "Chile and Peru agreed that the mission starts in June", "agreed to share the
  costs", "agreed on a timetable" (one statement per party, as "Chile and Peru warned" gives two);
- ``decided``: "Peru decided to send engineers";
- ``endorsed``: "Chile endorsed the plan", "the roadmap was approved by Peru";
- ``signed``: "Chile and Peru signed a border accord".

The content is the complement clause, the infinitive or the object ("on …" included), verbatim;
the date, the meeting it was made at ("agreed at the summit") and the capacity are read as for
every statement (:func:`cowkg.read.mappings.statements.statements_of`). **Not** agreements: a
negated one ("did not agree"), one left undone ("failed to agree", "met to agree", "if Peru
agrees", "whether Chile would sign", "the moment Chile and Peru sign"), one not yet made
("will sign", "plans to endorse"). Named documents also get their signers from
:mod:`cowkg.read.mappings.documents`; this reads every agreement, named document or not.

**A meeting's outcome**: when no party is named but the meeting's participants as a group
agreed, decided or endorsed ("the participants agreed that …", "the leaders decided to …", "the
summit endorsed …"), it is the meeting's ``MEETING_TOPIC`` with ``agreed`` (``cow:outcome``),
the meeting read as for a topic (:func:`cowkg.read.mappings.discussions.meeting_of_clause`);
"EU leaders agreed" is another forum's, "officials agreed" no meeting's.

Why a statement and not a fact kind of its own: an agreement as a source reports it is what a
party is credited with having agreed, in the source's words; the same shape as what it said
(speaker, act, verbatim content, date, meeting, capacity), so one query finds both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from cowkg.read.clauses import Action, Clause
from cowkg.read.frame import done, predicate_token
from cowkg.read.mappings.discussions import meeting_of_clause, topic_args, topic_tokens
from cowkg.read.mappings.statements import content_extent, statements_of
from cowkg.read.units import UnitKind
from cowkg.types import Fact, FactKind

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

AGREEMENT_ACTS: Mapping[str, str] = {
    **dict.fromkeys(["agree", "agree on", "accept"], "agreed"),
    "decide": "decided",
    **dict.fromkeys(["endorse", "approve", "adopt", "back"], "endorsed"),
    **dict.fromkeys(["sign", "ratify"], "signed"),
}
"""Predicate of the ``agree`` action → speech act. "support" and "issue" stay out: "countries
that support Ukraine" states no agreement, and an issued document is read by its own mapping."""


METHOD = "rule:agreement"
_OUTCOMES = frozenset({"agreed", "decided", "endorsed"})
"""Acts that, done by a meeting's participants as a group, are the meeting's outcome."""


def agreements(reading: Reading) -> Iterator[Fact]:
    """Every agreement, decision, endorsement and signature a named party is credited with, and
    every one a meeting's participants reached together."""
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue  # a cited title speaks of its own day, which the source cannot date
        for clause in clauses:
            act = AGREEMENT_ACTS.get(clause.predicate)
            if clause.action is not Action.AGREE or act is None:
                continue
            said = list(statements_of(reading, unit, clause, act, method=METHOD))
            yield from said
            outcome = None if said or act not in _OUTCOMES else _outcome(reading, clauses, clause)
            if outcome is not None:
                yield outcome


def _outcome(reading: Reading, clauses: Sequence[Clause], clause: Clause) -> Fact | None:
    """ "The leaders agreed that …", "the summit endorsed …": what the meeting's participants
    agreed together (``MEETING_TOPIC`` with ``agreed``), when no named party did."""
    token = predicate_token(clause)
    if token is None or not clause.polarity or clause.modality != "asserted" or not done(token):
        return None
    meeting = meeting_of_clause(reading, clauses, clause, token, participants=True)
    content = topic_tokens(token)
    extent = content_extent(clause.unit, content) if content else None
    if meeting is None or extent is None:
        return None
    args = topic_args(reading, meeting, *extent)
    args["agreed"] = True
    evidence = (clause.unit.evidence(reading.source),)
    return Fact(FactKind.MEETING_TOPIC, args, evidence, METHOD)
