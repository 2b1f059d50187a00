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
- **who hosts or chairs attends**: a person who hosts or chairs a meeting took part in it (on
  behalf of the one state any source gives their post), and so did a state or organisation a
  host or chair verb says hosts or chairs it ("Portugal hosted the summit"; not the country a
  table's host column or a venue names) — unless a source says it did not attend, or it hosts
  through a person who hosts or chairs (who then stands for it). Evidence: the host or chair
  fact's passages. Made once here so that a host or chair from any mapping or source counts as
  an attendee.
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
    hosts = list(attendance_by_hosting(facts))
    log.info("derive: %d participation(s) of hosts and chairs", len(hosts))
    facts += hosts
    derived = list(memberships_by_attendance(facts, rules))
    log.info("derive: %d membership(s) by attendance", len(derived))
    return replace(res, facts=tuple(facts) + tuple(derived))


# -- who hosts or chairs attends ------------------------------------------------------------

HOSTING_METHOD = "rule:attendance-by-hosting"
IN_PERSON_METHODS = frozenset({"rule:host-clause", "rule:chair-clause"})
"""A state or organisation hosts or chairs in person only where a host or chair verb says so
("Portugal hosted the summit", "co-chaired by Chile and Peru"); a table's host column or a venue
names the country a meeting is held in."""
INVITATION_METHOD = "rule:host-invitation"
"""Who invites to a meeting hosts it, but the invitation does not say who came: no attendance."""


def posts_of(facts: Iterable[Fact]) -> dict[Ref, tuple[Ref, Ref]]:
    """Person → (role, state) of their post, for people whose posts name exactly one state."""
    found: dict[Ref, set[tuple[Ref, Ref]]] = defaultdict(set)
    for fact in facts:
        person, role, state = (fact.args.get(k) for k in ("person", "role", "organization"))
        if (
            fact.kind is FactKind.POST_HOLDING
            and isinstance(person, Ref)
            and isinstance(role, Ref)
            and isinstance(state, Ref)
            and state.kind is EntityKind.STATE
        ):
            found[person].add((role, state))
    return {
        person: min(posts, key=lambda post: post[0].key)
        for person, posts in found.items()
        if len({state for _, state in posts}) == 1
    }


def attendance_by_hosting(facts: Sequence[Fact]) -> Iterator[Fact]:
    """A PARTICIPATION for each host and chair of a meeting that the sources stating it do not
    already say takes part in it or is absent from it (see the module docstring)."""
    said: set[tuple[Ref, Ref, str]] = set()
    for fact in facts:
        meeting = fact.args.get("meeting")
        party = fact.args.get("participant" if fact.kind is FactKind.PARTICIPATION else "party")
        if (
            fact.kind in {FactKind.PARTICIPATION, FactKind.NON_ATTENDANCE}
            and isinstance(meeting, Ref)
            and isinstance(party, Ref)
        ):
            said.update((meeting, party, span.seed) for span in fact.evidence)
    posts = posts_of(facts)
    hosting = [
        (m, w, f)
        for f in facts
        for m, w in [_host_or_chair(f)]
        if m
        and w
        and f.method != INVITATION_METHOD
        and (w.kind is EntityKind.PERSON or f.method in IN_PERSON_METHODS)
    ]
    through = {(m, posts[w][1]) for m, w, _ in hosting if w in posts}
    for meeting, who, fact in hosting:
        seeds = {span.seed for span in fact.evidence}
        if all((meeting, who, seed) in said for seed in seeds) or (meeting, who) in through:
            continue
        said.update((meeting, who, seed) for seed in seeds)
        args: dict[str, FactValue] = {"meeting": meeting, "participant": who}
        if who in posts:
            args["capacity"], args["on_behalf_of"] = posts[who]
        yield Fact(FactKind.PARTICIPATION, args, fact.evidence, HOSTING_METHOD)


def _host_or_chair(fact: Fact) -> tuple[Ref | None, Ref | None]:
    """(meeting, host or chair) of a HOST or CHAIR fact, else (None, None)."""
    if fact.kind not in {FactKind.HOST, FactKind.CHAIR}:
        return None, None
    meeting = fact.args.get("meeting")
    who = fact.args.get("host" if fact.kind is FactKind.HOST else "chair")
    if isinstance(meeting, Ref) and isinstance(who, Ref):
        return meeting, who
    return None, None


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


def _about_known_meetings(fact: Fact, meetings: set[str]) -> Fact:
    """A statement is about the meetings its words name only where the graph holds them."""
    about = fact.args.get("about")
    if fact.kind is not FactKind.STATEMENT or not isinstance(about, tuple):
        return fact
    kept = tuple(
        r
        for r in about
        if isinstance(r, Ref) and (r.kind is not EntityKind.MEETING or r.key in meetings)
    )
    if kept == about:
        return fact
    args = {k: v for k, v in fact.args.items() if k != "about"}
    return replace(fact, args={**args, "about": kept} if kept else args)


_AT_MEETINGS = frozenset({FactKind.STATEMENT, FactKind.MEETING_TOPIC})
"""Facts whose meeting the mappings mark by date or as the source's (``PENDING_MEETING``)."""


def _with_meeting(fact: Fact, meetings: set[str], by_seed: Mapping[str, set[str]]) -> Fact:
    fact = _about_known_meetings(fact, meetings)
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
