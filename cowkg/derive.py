"""Derive: facts that follow from the resolved facts of all sources together, with evidence.

Runs between :mod:`cowkg.resolve` and :mod:`cowkg.assemble`, on canonical entities (so a meeting
two sources key differently is one meeting here), and yields ordinary facts, each with the
passages it rests on:

- **membership by attendance**: when a source states the coalition's own membership rule — a
  sentence that speaks of membership, of attending or participating, and of meetings (read from
  the parse, by lemma) — every state that took part in a coalition meeting is a member, as of the
  first coalition meeting it attended. Evidence: the participations at that meeting and the
  sentence stating the rule. No source stating the rule, no derived membership. Organisations
  (NATO, the EU) attend as partners and are not made members by this rule.
- **the meeting a statement was made at**: :mod:`cowkg.read.mappings.statements` marks a
  statement made "after the summit" with the meeting of its date, or, undated, with
  :data:`~cowkg.read.frame.PENDING_MEETING`; here it becomes the meeting of the
  graph on that date, or the one coalition meeting the statement's source reports, or is dropped.
  A meeting's topic (:mod:`cowkg.read.mappings.discussions`) is attached the same way, and
  dropped with its meeting when no meeting is found: a topic of no meeting says nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace

from cowkg.mentions import COALITION
from cowkg.read.frame import PENDING_MEETING
from cowkg.read.units import Unit
from cowkg.resolve import Resolution
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Ref, Span

log = logging.getLogger(__name__)

MEMBERSHIP_METHOD = "rule:membership-by-attendance"
_MEMBERSHIP_WORDS = frozenset({"member", "membership"})
_ATTENDING_WORDS = frozenset(
    {"attend", "attendance", "attendee", "participate", "participation", "participant"}
)
_MEETING_WORDS = frozenset({"meeting", "summit"})


def derive(res: Resolution, rules: Sequence[Span]) -> Resolution:
    """``res`` with the derived facts added and statements' meetings attached (``rules``: the
    units of the sources that state the membership rule, :func:`states_membership_rule`)."""
    facts = _attach_statement_meetings(res.facts)
    derived = list(memberships_by_attendance(facts, rules))
    log.info("derive: %d membership(s) by attendance", len(derived))
    return replace(res, facts=tuple(facts) + tuple(derived))


# -- membership by attendance ---------------------------------------------------------------------


def states_membership_rule(unit: Unit) -> bool:
    """Whether ``unit`` states that taking part in meetings confers membership (by lemma: a
    word of membership, one of attending or participating, one of meetings; not negated)."""
    lemmas = {t.lemma_.lower() for t in unit.sentence}
    negated = any(t.dep_ == "neg" for t in unit.sentence)
    return (
        not negated
        and bool(lemmas & _MEMBERSHIP_WORDS)
        and bool(lemmas & _ATTENDING_WORDS)
        and bool(lemmas & _MEETING_WORDS)
    )


def coalition_meetings(facts: Iterable[Fact]) -> dict[str, dt.date]:
    """Meeting key → date, for the meetings a MEETING fact says are the coalition's."""
    found: dict[str, dt.date] = {}
    for fact in facts:
        meeting, date = fact.args.get("meeting"), fact.args.get("date")
        body = fact.args.get("body")
        if (
            fact.kind is FactKind.MEETING
            and isinstance(meeting, Ref)
            and isinstance(body, Ref)
            and body.key == COALITION.key
            and isinstance(date, dt.date)
        ):
            found[meeting.key] = min(date, found.get(meeting.key, date))
    return found


def _attendee_states(fact: Fact) -> Iterator[Ref]:
    for name in ("participant", "on_behalf_of"):
        value = fact.args.get(name)
        if isinstance(value, Ref) and value.kind is EntityKind.STATE:
            yield value


def memberships_by_attendance(facts: Sequence[Fact], rules: Sequence[Span]) -> list[Fact]:
    """A MEMBERSHIP (basis attendance) per state that took part in a coalition meeting, dated
    by its first one, when some source states the rule (see the module docstring)."""
    meetings = coalition_meetings(facts)
    first: dict[Ref, dt.date] = {}
    attended: dict[tuple[Ref, dt.date], list[Span]] = defaultdict(list)
    for fact in facts:
        meeting = fact.args.get("meeting")
        if fact.kind is not FactKind.PARTICIPATION or not isinstance(meeting, Ref):
            continue
        date = meetings.get(meeting.key)
        if date is None:
            continue
        for state in _attendee_states(fact):
            attended[(state, date)] += fact.evidence
            first[state] = min(date, first.get(state, date))
    out = []
    for state, date in sorted(first.items()) if rules else ():
        evidence = tuple(sorted(set(attended[(state, date)]) | set(rules)))
        args: dict[str, FactValue] = {
            "member": state,
            "coalition": COALITION,
            "basis": "attendance",
            "date": date,
        }
        out.append(Fact(FactKind.MEMBERSHIP, args, evidence, MEMBERSHIP_METHOD))
    return out


# -- the meeting a statement was made at ----------------------------------------------------------


def _attach_statement_meetings(facts: Sequence[Fact]) -> list[Fact]:
    meetings = {
        ref.key
        for f in facts
        if f.kind is FactKind.MEETING and isinstance(ref := f.args.get("meeting"), Ref)
    }
    coalition = coalition_meetings(facts)
    by_seed: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        meeting = fact.args.get("meeting")
        if fact.kind is FactKind.MEETING and isinstance(meeting, Ref) and meeting.key in coalition:
            for span in fact.evidence:
                by_seed[span.seed].add(meeting.key)
    attached = [_with_meeting(f, meetings, by_seed) for f in facts]
    return [f for f in attached if f.kind is not FactKind.MEETING_TOPIC or "meeting" in f.args]


_AT_MEETINGS = frozenset({FactKind.STATEMENT, FactKind.MEETING_TOPIC})
"""Facts whose meeting the mappings mark by date or as the source's (``PENDING_MEETING``)."""


def _with_meeting(fact: Fact, meetings: set[str], by_seed: Mapping[str, set[str]]) -> Fact:
    meeting = fact.args.get("meeting")
    if fact.kind not in _AT_MEETINGS or not isinstance(meeting, Ref):
        return fact
    args = dict(fact.args)
    del args["meeting"]
    if meeting.key == PENDING_MEETING.key:
        reported = set().union(*(by_seed.get(s.seed, set()) for s in fact.evidence))
        if len(reported) == 1:
            args["meeting"] = Ref(EntityKind.MEETING, reported.pop())
    elif meeting.key in meetings:
        args["meeting"] = meeting
    return replace(fact, args=args)
