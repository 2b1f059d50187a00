"""Agreements and decisions: who agreed, decided, endorsed or signed what, when, where.

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
agrees", "whether Chile would sign"), one not yet made ("will sign", "plans to endorse"), one of
no named party ("the participants agreed"). Named documents also get their signers from
:mod:`cowkg.read.mappings.documents`; this reads every agreement, named document or not.

Why a statement and not a fact kind of its own: an agreement as a source reports it is what a
party is credited with having agreed, in the source's words; the same shape as what it said
(speaker, act, verbatim content, date, meeting, capacity), so one query finds both.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from cowkg.read.clauses import Action
from cowkg.read.mappings.statements import statements_of
from cowkg.types import Fact

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


def agreements(reading: Reading) -> Iterator[Fact]:
    """Every agreement, decision, endorsement and signature a named party is credited with."""
    for unit, clauses in reading.units:
        for clause in clauses:
            act = AGREEMENT_ACTS.get(clause.predicate)
            if clause.action is Action.AGREE and act is not None:
                yield from statements_of(reading, unit, clause, act, method="rule:agreement")
