"""Meetings and attendance: what a source says of each meeting its frame finds.

The frame (:mod:`cowkg.read.frame`) binds clauses to meetings; this mapping reads the bound
clauses by their action and the grammatical roles of their agents:

- MEETING (date or ``undated``, kind, ``body`` = the coalition only when the text says so),
  MEETING_PLACE (the venue over its city), MEETING_FORMAT (only when the meeting's own phrase or
  a meeting verb of a group says so: "a virtual summit", "leaders met by video");
- PARTICIPATION: attendance verbs ("attended", "took part", "were present", "were represented";
  passive "attended by", "joined by"), meeting verbs ("leaders from A, B and C met"), a meeting
  that "featured", "included" or "brought together" its attendees, a phrase "with the
  participation of", "including", "among them", "along with"; leaders by title alone ("the Danish
  prime minister" → Denmark, in that capacity); a person on behalf of the state of their post; a
  participant's own mode ("joined by video");
- NON_ATTENDANCE: "was absent", "did not attend", "was not represented", "stayed away";
- HOST / CHAIR: "hosted by", "X hosts", "co-chaired", "chaired by", "convened by", "at the
  invitation of"; a person hosting hosts for the state of their post.

A bullet list after a bound clause that ends with a colon ("Present were:") lists attendees.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.mentions import COALITION
from cowkg.read.clauses import Action, Argument, Clause
from cowkg.read.frame import (
    Cue,
    Frame,
    Meeting,
    build_frame,
    format_of,
    mention_token,
    predicate_token,
    venue,
)
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Mention, MentionKind, Ref, Span

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_GATHERED = frozenset({"include", "feature", "bring together", "present"})
"""Attendance predicates whose attendees are their object ("the summit featured leaders of…")."""
_ALONG = ("including", "among", "along", "alongside", "with", "plus")
_AT = frozenset({"at", "during", "in", "on"})
_UNSURE = frozenset({"conditional", "possible"})
_HOST_LEMMAS = frozenset({"invitation"})
_PARTICIPATION_LEMMAS = frozenset({"participation", "presence", "addition"})
_CONVENE = frozenset({"convene", "organise", "organize", "call"})


def _rule(name: str) -> str:
    return f"rule:{name}"


def _fact(
    kind: FactKind,
    args: Mapping[str, FactValue | None],
    units: Iterable[Unit],
    reading: Reading,
    rule: str,
) -> Fact:
    evidence = tuple(sorted({u.evidence(reading.source) for u in units}))
    clean = {k: v for k, v in args.items() if v is not None}
    return Fact(kind, clean, evidence, _rule(rule))


# --------------------------------------------------------------------------------------------
# The meeting itself
# --------------------------------------------------------------------------------------------


def _meeting_facts(meeting: Meeting, reading: Reading) -> Iterator[Fact]:
    units = meeting.units[:4]
    yield _fact(
        FactKind.MEETING,
        {
            "meeting": meeting.ref,
            "date": meeting.day,
            "end_date": meeting.end,
            "undated": True if meeting.day is None else None,
            "meeting_kind": meeting.kind,
            "body": COALITION if meeting.coalition else None,
        },
        units,
        reading,
        "meeting",
    )
    place = venue(meeting)
    if place is not None and isinstance(place.value, Ref):
        unit = _unit_of(reading, place)
        yield _fact(
            FactKind.MEETING_PLACE,
            {"meeting": meeting.ref, "place": place.value},
            [unit] if unit else units,
            reading,
            "meeting-place",
        )
    for mode, unit in dict((m, u) for m, u in reversed(meeting.formats)).items():
        yield _fact(
            FactKind.MEETING_FORMAT,
            {"meeting": meeting.ref, "format": mode},
            [unit],
            reading,
            "meeting-format",
        )


def _unit_of(reading: Reading, mention: Mention) -> Unit | None:
    for unit, _ in reading.units:
        if unit.start <= mention.span.start and mention.span.end <= unit.end:
            return unit
    return None


# --------------------------------------------------------------------------------------------
# Agents of a clause
# --------------------------------------------------------------------------------------------


def _path(clause: Clause, mention: Mention) -> list[str]:
    """Lemmas from a mention up to its clause's predicate (exclusive)."""
    token = mention_token(clause.unit, mention)
    top = predicate_token(clause)
    out: list[str] = []
    while token is not None and top is not None and token.i != top.i:
        out.append(token.lemma_.lower())
        if token.head.i == token.i:
            break
        token = token.head
    return out


def _roles(clause: Clause, cue: Cue) -> tuple[str, ...]:
    """The roles whose agents attended, by the clause's action and voice."""
    action, predicate = clause.action, clause.predicate
    passive = _passive(clause)
    if action is None and predicate == "do":
        return ("subject",)
    if action is Action.ATTEND and predicate in _GATHERED:
        return ("object", *_ALONG)
    if action is Action.ATTEND and predicate.startswith("be "):
        return ("subject", "object", *_ALONG)  # "A was present", "Present were A and B"
    if action in {Action.ATTEND, Action.JOIN}:
        return ("by", "object", *_ALONG) if passive else ("subject", *_ALONG)
    if action is Action.MEET:
        if clause.passive:
            return ("subject", *_ALONG)
        if _convenes(clause) and _has_object(clause):
            return ("object", *_ALONG)  # who convenes hosts; whom they convene attend
        return ("subject", "object", *_ALONG)
    if action in {Action.HOST, Action.CHAIR}:
        return ("object", *_ALONG)
    if cue.noun is not None and cue.noun.dep_ == "pobj" and cue.noun.head.lower_ in _AT:
        return ("subject",)
    return ()


def _passive(clause: Clause) -> bool:
    """Passive, or a participle with its agent ("…, joined by A", "and co-chaired by B"): an
    agent is a state, person, organisation or title, not a means ("by video link")."""
    return clause.passive or any(
        a.role == "by" and a.mention.kind is not MentionKind.PLACE for a in clause.arguments
    )


def _attendee_arguments(clause: Clause, cue: Cue) -> list[Argument]:
    roles = _roles(clause, cue)
    out = [
        a
        for a in clause.arguments
        if (
            (a.role in roles and not _hosting(clause, a))
            or set(_path(clause, a.mention)) & _PARTICIPATION_LEMMAS
            or (clause.action in {Action.ATTEND, Action.JOIN} and _fronted_for(clause, a))
        )
        and not _modifies_noun(clause, cue, a)
    ]
    if clause.action in {Action.HOST, Action.CHAIR}:
        out = [a for a in out if a.role != "object" or _own_object(clause, a)]
    if cue.noun is not None and clause.action not in {Action.ATTEND, Action.JOIN}:
        out += [a for a in clause.arguments if _through_noun(clause, cue, a) and a not in out]
    return out


def _fronted_for(clause: Clause, argument: Argument) -> bool:
    """A state fronted with "for" before who attended ("For Chile, its defence chief was
    present"): the attendee took part for it, so it took part."""
    token = mention_token(clause.unit, argument.mention)
    top = predicate_token(clause)
    if token is None or top is None or argument.mention.kind is not MentionKind.STATE:
        return False
    prep = token.head
    subjects = [c.i for c in top.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "for"
        and prep.head.i == top.i
        and bool(subjects)
        and prep.i < min(subjects)
    )


def _modifies_noun(clause: Clause, cue: Cue, argument: Argument) -> bool:
    """A name written as the meeting's modifier ("the Ukraine talks", "the London summit") says
    what or where it is about, not who took part."""
    token = mention_token(clause.unit, argument.mention)
    return (
        cue.noun is not None
        and token is not None
        and token.head.i == cue.noun.i
        and token.dep_ in {"compound", "amod", "nmod", "poss"}
    )


def _through_noun(clause: Clause, cue: Cue, argument: Argument) -> bool:
    """An agent written in the meeting's own phrase as who took part ("a summit of the leaders of
    A and B", "talks with C", "the call among D and E")."""
    assert cue.noun is not None
    token = mention_token(clause.unit, argument.mention)
    while token is not None and token.head.i != token.i:
        if token.head.i == cue.noun.i:
            return False
        if token.dep_ == "pobj" and token.head.head.i == cue.noun.i:
            return token.head.lower_ in {"of", "with", "between", "among", "including", "featuring"}
        token = token.head
    return False


def _hosting(clause: Clause, argument: Argument) -> bool:
    return bool(set(_path(clause, argument.mention)) & _HOST_LEMMAS)


def _host_arguments(clause: Clause) -> list[Argument]:
    action = clause.action
    hosts = [a for a in clause.arguments if _hosting(clause, a)]
    if action in {Action.HOST, Action.CHAIR}:
        role = "by" if _passive(clause) else "subject"
        hosts += [a for a in clause.arguments if a.role == role and _direct(clause, a)]
    elif action is Action.MEET and _convenes(clause):
        if clause.passive:
            hosts += [a for a in clause.arguments if a.role == "by"]
        elif any(a.role == "object" for a in clause.arguments) or _has_object(clause):
            hosts += [a for a in clause.arguments if a.role == "subject"]
    return hosts


def _direct(clause: Clause, argument: Argument) -> bool:
    """An agent that is itself the subject or agent, not one named in a phrase hanging from it
    ("Starmer, coordinating with Macron, hosted…": Macron did not host)."""
    token = mention_token(clause.unit, argument.mention)
    top = predicate_token(clause)
    while token is not None and top is not None and token.head.i != token.i:
        if token.head.i == top.i or _raised(token, top):
            return True
        if token.dep_ in {"acl", "relcl", "advcl"}:
            return False
        if token.dep_ == "prep" and token.lower_ != "by":
            return False
        token = token.head
    return False


def _raised(token: Token, top: Token) -> bool:
    """The subject of the verb a host verb complements ("X is to host", "X plans to host", "X is
    expected to host"): the host verb's own subject."""
    return (
        top.dep_ == "xcomp" and token.head.i == top.head.i and token.dep_ in {"nsubj", "nsubjpass"}
    )


def _own_object(clause: Clause, argument: Argument) -> bool:
    """The guest a host receives is the verb's own object ("welcomed A and B"), not a name inside
    it ("welcomed A's efforts")."""
    token = mention_token(clause.unit, argument.mention)
    top = predicate_token(clause)
    while token is not None and top is not None and token.head.i != token.i:
        if token.head.i == top.i:
            return token.dep_ == "dobj"
        if token.dep_ not in {"conj", "appos", "compound", "cc"}:
            return False
        token = token.head
    return False


def _convenes(clause: Clause) -> bool:
    """A meeting verb whose subject brings the meeting about: "convened", "called", and "held"
    of one agent ("Macron held a meeting"; leaders who "held talks" took part in them)."""
    if clause.predicate in _CONVENE:
        return True
    token = predicate_token(clause)
    subjects = [c for c in token.children if c.dep_ == "nsubj"] if token is not None else []
    return (
        clause.predicate == "hold"
        and len(subjects) == 1
        and subjects[0].tag_ not in {"NNS", "NNPS"}
        and not any(c.dep_ == "conj" for c in subjects[0].children)
    )


def _has_object(clause: Clause) -> bool:
    token = predicate_token(clause)
    return token is not None and any(c.dep_ == "dobj" for c in token.children)


def _titled(mention: Mention, arguments: Sequence[Argument]) -> bool:
    """A title that is part of a titled person's name in the same list ("President X")."""
    return mention.kind is MentionKind.ROLE and any(
        a.mention.kind is MentionKind.PERSON
        and a.mention.role == mention.value
        and a.mention.of == mention.of
        for a in arguments
    )


def _owners(arguments: Sequence[Argument]) -> set[str]:
    """States a titled person or a title in the same list already stands for."""
    return {
        a.mention.of.key
        for a in arguments
        if a.mention.of is not None and a.mention.kind in {MentionKind.PERSON, MentionKind.ROLE}
    }


def _folded(mention: Mention, owners: set[str]) -> bool:
    """A state or organisation written only as the owner of a title beside it ("the Danish
    prime minister", "Japan's prime minister"): the title's participation carries it."""
    ref = mention.value
    return (
        mention.kind in {MentionKind.STATE, MentionKind.ORGANIZATION}
        and isinstance(ref, Ref)
        and ref.key in owners
    )


def _agent(
    mention: Mention, affiliations: Mapping[str, Ref], owners: set[str]
) -> tuple[Ref, Ref | None, Ref | None] | None:
    """(participant, capacity, on behalf of) for one mention, or None when it is no agent."""
    ref = mention.value
    if not isinstance(ref, Ref) or ref == COALITION:
        return None
    if mention.kind is MentionKind.ROLE:
        if mention.of is None:
            return None
        return mention.of, ref, None
    if mention.kind is MentionKind.PERSON:
        on_behalf = mention.of or affiliations.get(ref.key)
        return ref, mention.role, on_behalf if on_behalf != ref else None
    if _folded(mention, owners):
        return None
    if mention.kind is MentionKind.STATE:
        return ref, None, None
    if mention.kind is MentionKind.ORGANIZATION and ref.kind is EntityKind.ORGANIZATION:
        return ref, None, None
    return None


_GROUPS = frozenset({"country", "state", "member", "nation", "ally", "partner", "government"})


def _qualifier(reading: Reading, argument: Argument) -> bool:
    """An organisation written as the qualifier of a group ("officers of EU and NATO countries",
    "NATO allies"): the group's members took part, not the organisation."""
    mention = argument.mention
    unit = _unit_of(reading, mention)
    token = mention_token(unit, mention) if unit is not None else None
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return (
        mention.kind is MentionKind.ORGANIZATION
        and token is not None
        and token.dep_ in {"compound", "amod", "nmod"}
        and token.head.lemma_.lower() in _GROUPS
    )


def _mode(clause: Clause) -> str | None:
    """A participant's own mode, when its clause says how it took part."""
    text = clause.unit.text[clause.start - clause.unit.start : clause.end - clause.unit.start]
    if "capitals" in text.lower():
        return "virtual"
    mode = format_of(text)
    return mode if mode in {"virtual", "in-person"} else None


# --------------------------------------------------------------------------------------------
# Participation, absence, hosts
# --------------------------------------------------------------------------------------------


def _participations(
    meeting: Meeting,
    arguments: Sequence[Argument],
    reading: Reading,
    mode: str | None,
    units: Sequence[Unit],
) -> Iterator[Fact]:
    owners = _owners(arguments)
    for argument in arguments:
        agent = _agent(argument.mention, reading.affiliations, owners)
        if agent is None or _titled(argument.mention, arguments) or _qualifier(reading, argument):
            continue
        participant, capacity, on_behalf = agent
        yield _fact(
            FactKind.PARTICIPATION,
            {
                "meeting": meeting.ref,
                "participant": participant,
                "capacity": capacity,
                "on_behalf_of": on_behalf,
                "mode": mode,
            },
            units,
            reading,
            "participation",
        )


def _absences(
    meeting: Meeting, arguments: Sequence[Argument], reading: Reading, unit: Unit
) -> Iterator[Fact]:
    owners = _owners(arguments)
    for argument in arguments:
        agent = _agent(argument.mention, reading.affiliations, owners)
        if agent is not None and not _titled(argument.mention, arguments):
            party = agent[0]
            yield _fact(
                FactKind.NON_ATTENDANCE,
                {"meeting": meeting.ref, "party": party},
                [unit],
                reading,
                "non-attendance",
            )


def _hosts(meeting: Meeting, clause: Clause, reading: Reading) -> Iterator[Fact]:
    kind = FactKind.CHAIR if clause.action is Action.CHAIR else FactKind.HOST
    role = "chair" if kind is FactKind.CHAIR else "host"
    arguments = _host_arguments(clause)
    for argument in arguments:
        agent = _agent(argument.mention, reading.affiliations, _owners(arguments))
        if agent is None or _titled(argument.mention, arguments):
            continue
        who, _, state = agent
        # a person hosting hosts for the state of their post; a chair is the person alone
        for ref in (who, state if kind is FactKind.HOST else None):
            if ref is not None:
                yield _fact(
                    kind,
                    {"meeting": meeting.ref, role: ref},
                    [clause.unit],
                    reading,
                    f"{role}-clause",
                )
    if clause.polarity:  # who hosts or chairs a meeting attends it
        yield from _participations(meeting, arguments, reading, None, [clause.unit])


def _clause_facts(
    meeting: Meeting, clause: Clause, cue: Cue, reading: Reading, listed: Sequence[Mention]
) -> Iterator[Fact]:
    if clause.modality in _UNSURE:
        return
    unit = clause.unit
    yield from _hosts(meeting, clause, reading)
    arguments = _attendee_arguments(clause, cue)
    absent = clause.action is Action.ABSENT and clause.polarity
    if absent or (not clause.polarity and clause.action in {Action.ATTEND, Action.JOIN}):
        subjects = [a for a in clause.arguments if a.role in {"subject", "object"}]
        yield from _absences(meeting, arguments if not absent else subjects, reading, unit)
        return
    if not clause.polarity:
        return
    if listed and not arguments:
        arguments = [Argument(m, "object") for m in listed]
    yield from _participations(meeting, arguments, reading, _mode(clause), [unit])


def _listed_after(reading: Reading, index: int) -> list[Mention]:
    """Agents of the bullet list after unit ``index`` when that unit ends with a colon."""
    unit = reading.units[index][0]
    if not unit.text.rstrip().endswith(":"):
        return []
    out: list[Mention] = []
    for item, _ in reading.units[index + 1 :]:
        if item.kind is not UnitKind.LIST_ITEM:
            break
        out += [
            m
            for m in reading.mentions
            if item.start <= m.span.start < item.end
            and m.kind in {MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION,
                           MentionKind.ROLE}
        ]  # fmt: skip
    return out


def read_meetings(reading: Reading) -> Iterator[Fact]:
    """Meetings, places, formats, participation, absence, hosts and chairs of one source."""
    frame = frame_of(reading)
    for meeting in frame.meetings:
        yield from _meeting_facts(meeting, reading)
    facts = list(_attendance(frame, reading))
    yield from facts
    yield from _mixed(facts)


def _mixed(facts: Sequence[Fact]) -> Iterator[Fact]:
    """A meeting some attended in person and others remotely, as the text says of each, is
    hybrid (one participant by video alone does not make a meeting virtual)."""
    modes: dict[Ref, dict[str, list[Span]]] = {}
    for fact in facts:
        mode, meeting = fact.args.get("mode"), fact.args.get("meeting")
        if (
            fact.kind is FactKind.PARTICIPATION
            and isinstance(mode, str)
            and isinstance(meeting, Ref)
        ):
            modes.setdefault(meeting, {}).setdefault(mode, []).extend(fact.evidence)
    for meeting, spans in modes.items():
        if {"virtual", "in-person"} <= set(spans):
            evidence = tuple(sorted({s for found in spans.values() for s in found}))
            yield Fact(
                FactKind.MEETING_FORMAT,
                {"meeting": meeting, "format": "hybrid"},
                evidence,
                _rule("meeting-format"),
            )


def _attendance(frame: Frame, reading: Reading) -> Iterator[Fact]:
    """Participation, absence, hosts and chairs of every clause the frame binds."""
    attended: tuple[Meeting, Unit] | None = None
    for index, (unit, clauses) in enumerate(reading.units):
        if attended is not None and _continues(reading, index):
            yield from _continuation(attended, unit, reading)
        attended = None
        listed = _listed_after(reading, index)
        for clause in clauses:
            bound, cue = frame.meeting_of(clause), frame.cue_of(clause)
            if bound is not None and cue is not None:
                yield from _clause_facts(bound, clause, cue, reading, listed)
                if clause.action in _ATTENDING and clause.polarity:
                    attended = bound, unit


_ATTENDING = frozenset({Action.ATTEND, Action.JOIN, Action.MEET})


def _continues(reading: Reading, index: int) -> bool:
    """A unit that goes on with the sentence a paragraph break cut after a comma ("…, in addition
    to A and B," / "were those of C, D and E")."""
    previous, unit = reading.units[index - 1][0], reading.units[index][0]
    return previous.text.rstrip().endswith(",") and unit.text[:1].islower()


def _continuation(attended: tuple[Meeting, Unit], unit: Unit, reading: Reading) -> Iterator[Fact]:
    """The agents of a cut sentence's second part attended what its first part says they did."""
    meeting, first = attended
    mentions = [
        Argument(m, "object")
        for m in reading.mentions
        if unit.start <= m.span.start < unit.end
        and m.kind in {MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION,
                       MentionKind.ROLE}
    ]  # fmt: skip
    yield from _participations(meeting, mentions, reading, None, [first, unit])


_LAST_FRAME: list[tuple[Reading, Frame]] = []
"""The frame of the reading the mappings read now: every mapping of a source asks for it, and
the mappings run one source at a time (:func:`cowkg.read.mappings.facts_of`)."""


def frame_of(reading: Reading) -> Frame:
    """The reading's meeting frame (other mappings use it to find the meeting a clause speaks
    of), built once per reading."""
    if _LAST_FRAME and _LAST_FRAME[0][0] is reading:
        return _LAST_FRAME[0][1]
    frame = build_frame(reading.source, reading.units, reading.affiliations)
    _LAST_FRAME[:] = [(reading, frame)]
    return frame
