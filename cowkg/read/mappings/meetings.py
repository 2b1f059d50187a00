"""Meetings and attendance: what a source says of each meeting its frame finds.

The frame (:mod:`cowkg.read.frame`) binds clauses to meetings; this mapping reads the bound
clauses by their action and the grammatical roles of their agents:

- MEETING (date or ``undated``, kind, ``body`` = the coalition only when the text says so),
  MEETING_PLACE (the venue over its city), MEETING_FORMAT (one per meeting, from its phrase,
  how it was held, how its participants took part and where it was held: see :func:`_format`);
- PARTICIPATION: attendance verbs ("attended", "took part", "were present", "were represented";
  passive "attended by", "joined by"), meeting verbs ("leaders from A, B and C met"), a meeting
  that "featured", "included" or "brought together" its attendees, a phrase "with the
  participation of", "including", "among them", "along with"; a caption listing agents "at" a
  meeting ("A, B and C at the coalition summit"); leaders by title alone ("the Danish
  prime minister" → Denmark, in that capacity); a person on behalf of the state of their post; a
  participant's own mode ("joined by video"); who speaks at the meeting ("told the meeting",
  "said that today's meeting …", "in her opening remarks", "urged leaders gathered in …");
- NON_ATTENDANCE: "was absent", "did not attend", "was not represented", "stayed away";
- HOST / CHAIR: "hosted by", "X hosts", "co-chaired", "chaired by", "convened by", "at the
  invitation of"; a person hosting hosts for the state of their post; who convenes or holds a
  meeting, or receives a group in their own state, chairs it and their state hosts it; a
  counterpart hosting with the host; the people a chairs' statement is issued on behalf of.
  That hosts and chairs attend is derived (:func:`cowkg.derive.attendance_by_hosting`).

A bullet list after a bound clause that ends with a colon ("Present were:") lists attendees.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.mentions import COALITION, place_state
from cowkg.read.clauses import REPORTING, Action, Argument, Clause
from cowkg.read.frame import (
    MEETING_NOUNS,
    OUTSIDE_POWERS,
    Cue,
    Frame,
    Meeting,
    build_frame,
    caption_list,
    format_of,
    fronted_pair,
    mention_token,
    own_words,
    predicate_token,
    venue,
)
from cowkg.read.mappings.about import reference_date
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_GATHERED = frozenset({"include", "feature", "bring together", "present"})
"""Attendance predicates whose attendees are their object ("the summit featured leaders of…")."""
_ALONG = ("including", "among", "along", "alongside", "with", "plus")
_AT = frozenset({"at", "during", "in", "on"})
_TOLD = frozenset({"tell", "assure"})
"""Verbs of telling someone something: told at a meeting, the one told was there too."""
_UNSURE = frozenset({"conditional", "possible"})
_HOST_LEMMAS = frozenset({"invitation"})
_PARTICIPATION_LEMMAS = frozenset({"participation", "presence", "addition"})
_CONVENE = frozenset({"convene", "organise", "organize", "call"})
_THROUGH = frozenset({"of", "with", "between", "among", "including", "featuring"})
"""Prepositions by which a meeting's phrase names who took part ("a summit of A", "talks with
B")."""
_TOPIC = frozenset({"on", "about", "for", "over", "regarding", "against"})
"""Prepositions of what a meeting or a group is about or for ("talks on Ukraine")."""


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


def _writes_day(reading: Reading, unit: Unit, meeting: Meeting) -> bool:
    """The unit writes the day (or last day) of the meeting it names ("at yesterday's meeting"):
    its date is stated there too, so the meeting's fact cites it (beyond its first units)."""
    days = {meeting.day, meeting.end} - {None}
    return any(
        m.kind is MentionKind.DATE and m.value in days and m.span.end <= unit.end
        for m in reading.mentions_in(unit.start, unit.end)
    )


def _meeting_facts(meeting: Meeting, reading: Reading, told: _Told) -> Iterator[Fact]:
    units = meeting.units[:4]
    dating = [u for u in meeting.units[4:] if _writes_day(reading, u, meeting)]
    yield _fact(
        FactKind.MEETING,
        {
            "meeting": meeting.ref,
            "date": meeting.day,
            "end_date": meeting.end,
            "undated": True if meeting.day is None else None,
            "meeting_kind": meeting.kind,
            "body": COALITION if meeting.coalition else meeting.forum,
        },
        [*units, *dating],
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
    decided = _format(meeting, told, reading)
    if decided is not None:
        mode, evidence = decided
        yield _fact(
            FactKind.MEETING_FORMAT,
            {"meeting": meeting.ref, "format": mode},
            evidence[:4],
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


def culminates_in(clause: Clause, cue: Cue) -> bool:
    """The meeting is what the clause's series culminates in ("the series of meetings,
    culminating in the summit, along with A"): who comes "along with" the series is at it."""
    noun = cue.noun
    if noun is None or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return False
    verb, top = noun.head.head, predicate_token(clause)
    culminating = verb.lemma_.lower() == "culminate" and clause.polarity
    return culminating and top is not None and verb.i == top.i


def _roles(clause: Clause, cue: Cue) -> tuple[str, ...]:
    """The roles whose agents attended, by the clause's action and voice."""
    action, predicate = clause.action, clause.predicate
    passive = _passive(clause)
    if action is None and predicate == "do":
        return ("subject",)
    at_meeting = cue.noun is not None and cue.noun.dep_ == "pobj" and cue.noun.head.lower_ in _AT
    if predicate == "present" and at_meeting and clause.agents("subject"):
        return ("subject",)  # "At the summit, Chile presented a plan": Chile was there
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
    if culminates_in(clause, cue):
        return _ALONG  # "a series of talks culminating in the summit, along with A, on 4 May"
    if action is Action.SAY and _addressed(clause, cue):
        return ("by",) if _passive(clause) else ("subject",)
    if at_meeting and action is Action.SAY and predicate in _TOLD and not _passive(clause):
        return ("subject", "object")  # "X told Y during the meeting": both were there
    if at_meeting:
        return ("subject",)
    if cue.noun is None and action is not Action.ABSENT:
        return _ALONG  # "…, focused on X, alongside A and B" after an attendance clause
    return ()


def _addressed(clause: Clause, cue: Cue) -> bool:
    """A speaker who tells, briefs or addresses the meeting itself ("X told the summit", "X
    addressed the coalition meeting by video", "the summit was addressed by X") speaks at it: the
    meeting noun is the verb's object, or its subject in the passive (also the subject a
    passive conjunct shares: "the summit opened and was addressed by X")."""
    token, noun = predicate_token(clause), cue.noun
    if token is not None and noun is not None and token.dep_ == "conj" and noun.dep_ == "nsubj":
        return noun.head.i == token.head.i and _passive(clause)
    top = _phrase_top(clause, noun)
    return top is not None and top.dep_ in {"dobj", "dative", "nsubjpass"}


def _phrase_top(clause: Clause, noun: Token | None) -> Token | None:
    """The word of the meeting noun's phrase that hangs on the predicate, through "of" and
    compounds (the parse may head "the coalition of the willing meeting" by "coalition")."""
    token, top = noun, predicate_token(clause)
    while token is not None and top is not None and token.head.i != token.i:
        if token.head.i == top.i:
            return token
        if token.dep_ not in {"pobj", "prep", "compound"} or (
            token.dep_ == "prep" and token.lower_ != "of"
        ):
            return None
        token = token.head
    return None


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
            or (clause.action in {Action.ATTEND, Action.JOIN} and _listed_on(clause, a))
        )
        and not _modifies_noun(clause, cue, a)
        and not _topic(clause, a)
        and not _possessor(clause, a)
        and not (clause.action is Action.MEET and _inherited(clause, a))
    ]
    if clause.action in {Action.HOST, Action.CHAIR}:
        out = [a for a in out if a.role != "object" or _own_object(clause, a)]
    if cue.noun is not None and clause.action not in {Action.ATTEND, Action.JOIN}:
        out += [a for a in clause.arguments if _through_noun(clause, cue, a) and a not in out]
    out += [a for a in clause.arguments if _pictured(clause, cue, a) and a not in out]
    return out


def _pictured(clause: Clause, cue: Cue, argument: Argument) -> bool:
    """A caption: a verbless list of agents at a meeting ("A, B and C at the coalition summit
    in Riga", "A and B in Kyiv for the coalition summit"): the listed agents attended it."""
    listed = caption_list(clause, cue.noun)
    token = mention_token(clause.unit, argument.mention)
    return token is not None and token.i in listed


def _topic(clause: Clause, argument: Argument) -> bool:
    """A name in a phrase on what an agent is for or about ("the coalition for Ukraine met"):
    no attendee (a preposition of the predicate itself is its role: "For Chile, X attended")."""
    path = _path(clause, argument.mention)
    return bool(set(path[1:-1]) & _TOPIC) and "behalf" not in path


def _listed_on(clause: Clause, argument: Argument) -> bool:
    """An agent in a noun phrase the parse made a conjunct of the attendance verb itself ("was
    attended by A, and representatives of B – C and D": "representatives" hangs on "attended"),
    which goes on with the verb's list of attendees; a name behind a preposition other than
    "of" ("from", "about") is not."""
    token = mention_token(clause.unit, argument.mention)
    top = predicate_token(clause)
    while token is not None and top is not None and token.head.i != token.i:
        if token.head.i == top.i:
            return token.dep_ == "conj" and token.pos_ in {"NOUN", "PROPN"}
        if token.dep_ == "prep" and token.lower_ != "of":
            return False
        token = token.head
    return False


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


def _possessor(clause: Clause, argument: Argument) -> bool:
    """A person named as the possessor of who acts ("X's special envoy", "X's team"): the one
    they own took part, not they."""
    token = mention_token(clause.unit, argument.mention)
    while token is not None and token.dep_ in {"compound", "amod"}:
        token = token.head  # a title of the possessor ("President X's envoy")
    return (
        argument.mention.kind in {MentionKind.PERSON, MentionKind.ROLE}
        and token is not None
        and token.dep_ == "poss"
        and token.head.pos_ in {"NOUN", "PROPN"}
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
            return token.head.lower_ in _THROUGH
        if token.dep_ == "pobj" and token.head.lower_ in _TOPIC:
            return False  # "a meeting of the coalition on Ukraine": what it is about
        token = token.head
    return False


def _hosting(clause: Clause, argument: Argument) -> bool:
    return bool(set(_path(clause, argument.mention)) & _HOST_LEMMAS)


def _host_arguments(clause: Clause) -> list[Argument]:
    action = clause.action
    hosts = [a for a in clause.arguments if _hosting(clause, a)] + _inviters(clause)
    if action in {Action.HOST, Action.CHAIR}:
        role = "by" if _passive(clause) else "subject"
        hosts += [
            a
            for a in clause.arguments
            if (a.role == role and _direct(clause, a) and not _possessor(clause, a))
            or _counterpart(clause, a)
        ]
    elif action is Action.MEET and _convenes(clause):
        if _passive(clause):  # "convened by X", "a meeting convened by X"
            hosts += [a for a in clause.arguments if a.role == "by"]
        elif any(a.role == "object" for a in clause.arguments) or _has_object(clause):
            hosts += [a for a in clause.arguments if a.role == "subject"]
    return hosts


_RECEIVED = frozenset({"leader", "chief", "minister", "counterpart", "representative", "general",
                       "commander", "official", "envoy", "delegation", "head"})  # fmt: skip


def _receiving(clause: Clause, meeting: Meeting, reading: Reading) -> list[Argument]:
    """One titled person who meets a group ("X met 34 army chiefs in Paris", "X met defence
    ministers of 20 countries") in a town of their own state receives it: they chair it (and
    their state hosts, :func:`_hosting_roles`). Elsewhere they are one more attendee."""
    top = predicate_token(clause)
    if clause.action is not Action.MEET or clause.passive or top is None or _convenes(clause):
        return []
    subjects = [a for a in clause.arguments if a.role == "subject"]
    people = [a for a in subjects if a.mention.kind is MentionKind.PERSON]
    objects = [c for c in top.children if c.dep_ == "dobj"]
    group = (
        len(objects) == 1
        and objects[0].tag_ == "NNS"
        and objects[0].lemma_.lower() in _RECEIVED
        and not any(a.role == "object" and _own_object(clause, a) for a in clause.arguments)
    )
    place = venue(meeting)
    if len(people) != 1 or not group or place is None or not isinstance(place.value, Ref):
        return []
    agent = _agent(people[0].mention, reading.affiliations, set())
    state = agent[2] if agent is not None else None
    return people if state is not None and place_state(place.value.key) == state.key else []


def _counterpart(clause: Clause, argument: Argument) -> bool:
    """The state of a host's counterpart who hosts with them ("X will host with his French
    counterpart", "X and her Polish counterpart hosted"): a co-host, whose name is not given."""
    token = mention_token(clause.unit, argument.mention)
    if token is None or argument.mention.kind is not MentionKind.STATE:
        return False
    noun, top = token.head, predicate_token(clause)
    verb = noun.head.head  # the word "with" hangs on: the host verb (or the word it was read as)
    with_host = (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
        and top is not None
        and (verb.i == top.i or verb.lower_ == clause.predicate)
    )
    return (
        token.dep_ in {"amod", "compound", "poss", "nmod"}
        and noun.lemma_.lower() == "counterpart"
        and (with_host or (noun.dep_ == "conj" and noun.head.dep_ in {"nsubj", "nsubjpass"}))
    )


def _inviters(clause: Clause) -> list[Argument]:
    """Who invites to a meeting hosts it ("X has invited leaders to a meeting in Paris", "the
    leaders were invited by X to the summit"); the invited are not yet attendees."""
    token = predicate_token(clause)
    if clause.predicate != "invite" or token is None or not _invites_to_meeting(token):
        return []
    role = "by" if _passive(clause) else "subject"
    return [a for a in clause.arguments if a.role == role and _direct(clause, a)]


def _invites_to_meeting(token: Token) -> bool:
    return any(
        c.dep_ in {"prep", "dative"}
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in MEETING_NOUNS for g in c.children)
        for c in token.children
    )


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


def _apposed(clause: Clause, arguments: Sequence[Argument]) -> list[Argument]:
    """A person in apposition with a title ("the President of Chile, Gabriel Boric", "Gabriel
    Boric, the Chilean president") holds it: the person takes the title and its state, and the
    title is no second agent (see :func:`_titled`). Read from the text between the two names,
    as the parse of such lists often hangs the names on the wrong title."""
    titles = [a.mention for a in arguments if a.mention.kind is MentionKind.ROLE and a.mention.of]
    out = []
    for argument in arguments:
        mention = argument.mention
        if mention.kind is MentionKind.PERSON:
            title = next((t for t in titles if _beside(clause.unit, t, mention)), None)
            if title is not None and isinstance(title.value, Ref):
                mention = dataclasses.replace(mention, role=title.value, of=title.of)
        out.append(Argument(mention, argument.role))
    return out


_TITLE_THEN_NAME = re.compile(r"^\s*(?:of\s+(?:the\s+)?\S+(?:\s+\S+){0,2}\s*)?,\s*$")
_NAME_THEN_TITLE = re.compile(r"^\s*,\s*(?:[Tt]he\s+)?(?:[A-ZÀ-Þ][\w'’.-]*\s+){0,2}$")


def _beside(unit: Unit, title: Mention, person: Mention) -> bool:
    """Whether only a comma (and the title's "of <state>") stands between a title and a name."""
    if title.span.end <= person.span.start:
        gap = unit.text[title.span.end - unit.start : person.span.start - unit.start]
        return bool(_TITLE_THEN_NAME.match(gap)) and not re.search(r"\band\b", gap)
    gap = unit.text[person.span.end - unit.start : title.span.start - unit.start]
    return bool(_NAME_THEN_TITLE.match(gap))


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


def _mode(clause: Clause, noun: Token | None) -> str | None:
    """A participant's own mode, when its own clause says how it took part."""
    text = own_words(clause, noun)
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
    """Hosts and chairs of an affirmed clause ("did not host" names none); that they attend is
    derived from these facts (:func:`cowkg.derive.attendance_by_hosting`)."""
    if not clause.polarity:
        return
    arguments = _apposed(clause, _host_arguments(clause) + _receiving(clause, meeting, reading))
    for argument in arguments:
        agent = _agent(argument.mention, reading.affiliations, _owners(arguments))
        if agent is None or _titled(argument.mention, arguments):
            continue
        who, _, state = agent
        for kind, ref in _hosting_roles(clause, who, state):
            role = "chair" if kind is FactKind.CHAIR else "host"
            rule = f"{role}-invitation" if clause.predicate == "invite" else f"{role}-clause"
            yield _fact(kind, {"meeting": meeting.ref, role: ref}, [clause.unit], reading, rule)


def _hosting_roles(clause: Clause, who: Ref, state: Ref | None) -> list[tuple[FactKind, Ref]]:
    """A chair verb names the chair alone; a person who convenes or holds a meeting chairs it
    and their state hosts it; a person who hosts hosts it for the state of their post too."""
    if clause.action is Action.CHAIR:
        return [(FactKind.CHAIR, who)]
    if clause.action is Action.MEET and who.kind is EntityKind.PERSON:
        return [(FactKind.CHAIR, who), *([(FactKind.HOST, state)] if state else [])]
    return [(FactKind.HOST, who), *([(FactKind.HOST, state)] if state else [])]


def _clause_facts(
    meeting: Meeting, clause: Clause, cue: Cue, reading: Reading, listed: Sequence[Mention]
) -> Iterator[Fact]:
    if clause.modality in _UNSURE:
        return
    unit = clause.unit
    yield from _hosts(meeting, clause, reading)
    arguments = [  # the forum whose meeting it is does not take part in it
        a
        for a in _apposed(clause, _attendee_arguments(clause, cue))
        if meeting.forum is None or a.mention.value != meeting.forum
    ]
    absent = clause.action is Action.ABSENT and clause.polarity
    if absent or (not clause.polarity and clause.action in {Action.ATTEND, Action.JOIN}):
        if not absent and _delayed(clause):
            return  # "did not join until 13 May": it joined then, it was not absent
        absentees = [a for a in clause.arguments if a.role in _ABSENTEE_ROLES]
        yield from _absences(meeting, arguments if not absent else absentees, reading, unit)
        return
    if not clause.polarity:
        return
    if listed and not arguments:
        arguments = [Argument(m, "object") for m in listed]
    if not meeting.coalition and cue.noun is not None:  # talks between parties, their mediator
        mediators = _mediators(clause, cue.noun, reading)
        yield from _mediations(meeting, mediators, reading, unit)
        arguments = [a for a in arguments if a.mention not in {m.mention for m in mediators}]
        parties = _parties(clause, cue.noun, reading)
        arguments += [a for a in parties if a.mention not in {b.mention for b in arguments}]
    arguments = [*arguments, *_apposed(clause, _speaks_of_this(clause, cue, reading))]
    arguments = [*arguments, *_apposed(clause, _addresses_gathering(clause, reading))]
    yield from _participations(meeting, arguments, reading, _mode(clause, cue.noun), [unit])


_MEDIATE = frozenset({"mediate", "broker"})
"""Verbs of a third party bringing others to talks ("mediated by C", "C-brokered talks")."""
_MEDIATOR_DEPS = frozenset({"nsubj", "npadvmod", "compound", "nmod"})


def _mediators(clause: Clause, noun: Token, reading: Reading) -> list[Argument]:
    """Who the clause says mediates or brokers the talks ``noun`` names: the agent of a
    mediating participle of the noun ("talks … mediated by C", "launched and mediated by C"),
    the subject of a mediating verb whose object is the noun ("C mediated the talks"), or the
    name dashed before it ("C-brokered talks"); never a party under "between"."""
    verbs = [
        t
        for t in noun.doc[noun.sent.start : noun.sent.end]
        if t.lemma_.lower() in _MEDIATE and _of_noun(t, noun)
    ]
    heads = [c for v in verbs for c in v.children if c.dep_ in _MEDIATOR_DEPS]
    heads += [g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children]
    named = {t.i for h in heads for t in (h, *h.conjuncts)}
    unit = clause.unit
    return [
        Argument(m, "by")
        for m in reading.mentions_in(unit.start, unit.end)
        if (token := mention_token(unit, m)) is not None and token.i in named
    ]


def _of_noun(verb: Token, noun: Token) -> bool:
    """The mediating verb speaks of ``noun``: a participle or adjective of it ("talks brokered
    by C", "C-mediated talks", also the second of two participles: "launched and mediated by
    C"), or the verb whose object it is ("C mediated the talks")."""
    if verb.dep_ == "conj" and verb.head.head.i == noun.i:
        return True
    if verb.dep_ == "advcl" and noun.head.i == verb.head.i and noun.dep_ == "dobj":
        return True  # "A and B held talks, mediated by C"
    return verb.head.i == noun.i or (noun.head.i == verb.i and noun.dep_ in {"dobj", "nsubjpass"})


def _parties(clause: Clause, noun: Token, reading: Reading) -> list[Argument]:
    """The parties talks are written between: under "between" in the noun's phrase or in a
    participle of it ("negotiations launched by C between A and B"), or dashed before it ("A-B
    talks", a demonym too: "A-Bian talks"; the clause may not take such a name as its own)."""
    reach = {noun.i} | {t.i for c in noun.children if c.dep_ in {"acl", "relcl"} for t in c.subtree}
    unit, out = clause.unit, []
    for argument in clause.arguments:
        token = mention_token(unit, argument.mention)
        while token is not None and token.dep_ in {"conj", "appos"} and token.head.i != token.i:
            token = token.head
        if _under_between(token, reach):
            out.append(argument)
    for mention in reading.mentions_in(clause.start, clause.end):
        token = mention_token(unit, mention)
        if token is not None and _dashed(token, noun):
            out.append(Argument(mention, "between"))
    return out


def _under_between(token: Token | None, reach: set[int]) -> bool:
    """The name is the object of "between" hung on the talks' noun or a participle of it."""
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "between":
        return False
    return token.head.head.i in reach


def _dashed(token: Token, noun: Token) -> bool:
    """A name joined by a dash to another name before the meeting noun ("A-B talks")."""
    if not (token.i < noun.i and noun.left_edge.i <= token.i):
        return False
    doc = noun.doc
    after = doc[token.i + 1] if token.i + 1 < noun.i else None
    before = doc[token.i - 1] if token.i > 0 else None
    dash = {"-", "–"}
    if after is not None and after.text in dash and token.i + 2 < len(doc):
        return doc[token.i + 2].text[:1].isupper()
    if before is None or before.text not in dash or token.i < 2:
        return False
    return doc[token.i - 2].text[:1].isupper()


def _mediations(
    meeting: Meeting, mediators: Sequence[Argument], reading: Reading, unit: Unit
) -> Iterator[Fact]:
    """MEDIATION facts, once per meeting and mediator of a unit (each clause of the sentence
    bound to the talks sees the same mediating verb)."""
    owners, told = _owners(mediators), reading.memo.setdefault("mediations", set())
    assert isinstance(told, set)
    for argument in mediators:
        agent = _agent(argument.mention, reading.affiliations, owners)
        if agent is None or _titled(argument.mention, mediators):
            continue
        said = (meeting.ref, agent[0], unit.start)
        if said not in told:
            told.add(said)
            yield _fact(
                FactKind.MEDIATION,
                {"meeting": meeting.ref, "mediator": agent[0]},
                [unit],
                reading,
                "mediation",
            )


_ABSENTEE_ROLES = frozenset({"subject", "by"})
"""Who an absence predicate says stayed away: its subject ("Peru skipped the summit", "Peru
was absent") or its agent ("the summit was boycotted by Peru") — not a party named elsewhere
under it ("absent as Chile took the lead", "absent from Chile's summit")."""
_UNTIL = frozenset({"until", "till"})


def _delayed(clause: Clause) -> bool:
    """A negated attending that lasts until a time ("did not join a meeting until May", "was
    not represented until it was invited") says when the party began to take part, not that
    it stayed away from the meeting of that time."""
    token = predicate_token(clause)
    if token is None:
        return False
    marks = [g for c in token.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "mark"]
    heads = [c for c in token.children if c.dep_ == "prep"]
    return any(t.lower_ in _UNTIL for t in [*heads, *marks])


_THIS = frozenset({"today", "tonight", "this"})


def _speaks_of_this(clause: Clause, cue: Cue, reading: Reading) -> list[Argument]:
    """Who says what "today's meeting" or "this meeting" was speaks from it: the subjects of
    the reporting verb whose reported clause has that meeting as its subject. Not a speaker of
    the US or Russia, who comment on the coalition's meetings from outside."""
    top = _phrase_top(clause, cue.noun)
    if clause.speaker is None or top is None or top.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    words = [*top.children, *(cue.noun.children if cue.noun is not None else ())]
    if not clause.polarity or not any(
        c.lower_ in _THIS and c.dep_ in {"poss", "det", "npadvmod"} for c in words
    ):
        return []
    return _from_inside(_reporting_subjects(clause, reading), reading)


def _addresses_gathering(clause: Clause, reading: Reading) -> list[Argument]:
    """Who urges or tells a group gathered for the meeting ("the prime minister urged leaders
    gathered in Rome to …", "X told ministers meeting in Oslo that …") speaks to it there: the
    subjects of the affirmed addressing verb, not the US or Russia."""
    top = predicate_token(clause)
    if clause.action is not Action.MEET or top is None or not _gathered_group(top):
        return []
    governor = _governor(clause, reading)
    addressing = governor is not None and (
        governor.action is Action.CALL_FOR or governor.predicate in {"tell", "address", "brief"}
    )
    return _from_inside(_reporting_subjects(clause, reading), reading) if addressing else []


def _gathered_group(top: Token) -> bool:
    """A meeting verb telling a group of people gathered ("leaders gathered in Rome"), as the
    clause a verb reports (its subject the group) or as the group's participle."""
    if top.dep_ == "ccomp":
        return any(c.dep_ == "nsubj" and c.tag_ == "NNS" for c in top.children)
    return top.dep_ == "acl" and top.head.tag_ == "NNS"


def _inherited(clause: Clause, argument: Argument) -> bool:
    """A subject a participle took from its governor ("X urged leaders gathered in Rome": the
    governor's X did not gather; the leaders did)."""
    top = predicate_token(clause)
    outside = not clause.start <= argument.mention.span.start < clause.end
    return top is not None and top.dep_ == "acl" and argument.role == "subject" and outside


def _governor(clause: Clause, reading: Reading) -> Clause | None:
    for unit, clauses in reading.units:
        if unit is clause.unit and clause.governor is not None:
            return clauses[clause.governor]
    return None


def _from_inside(speakers: list[Argument], reading: Reading) -> list[Argument]:
    """The speakers, or none when one speaks for the US or Russia (who comment on the
    coalition's meetings from outside)."""
    for argument in speakers:
        agent = _agent(argument.mention, reading.affiliations, set())
        if agent is not None and {r.key for r in (agent[0], agent[2]) if r} & OUTSIDE_POWERS:
            return []
    return speakers


def _reporting_subjects(clause: Clause, reading: Reading) -> list[Argument]:
    """The subjects of the affirmed reporting clause that governs ``clause`` (all of them:
    "French President X" is a demonym, a title and a name)."""
    governor = _governor(clause, reading)
    if governor is None or governor.action not in REPORTING or not governor.polarity:
        return []  # "X did not say …"
    if governor.modality != "asserted":
        return []  # "X will say …"
    return [a for a in governor.arguments if a.role == "subject"]


def _opening_remarks(clause: Clause) -> bool:
    """ "X said in her opening remarks", "X told reporters in his closing statement": speaking
    in the meeting's opening or closing speech."""
    top = predicate_token(clause)
    return (
        clause.action is Action.SAY
        and clause.polarity
        and clause.modality == "asserted"
        and top is not None
        and any(
            prep.dep_ == "prep"
            and prep.lower_ in {"in", "during"}
            and any(
                n.lemma_.lower() in _SPEECHES and any(m.lower_ in _OPENING for m in n.children)
                for n in prep.children
            )
            for prep in top.children
        )
    )


_SPEECHES = frozenset({"remark", "remarks", "address", "speech", "statement"})
_OPENING = frozenset({"opening", "closing", "introductory", "keynote", "concluding"})


def _introduces_attendees(clauses: Sequence[Clause]) -> bool:
    """A unit that introduces a list of attendees ("Taking part were:", "Present were:") speaks
    of attending; one that reports what was said or agreed ("the PM said four points were
    agreed:") introduces its points, whose states took no part."""
    return any(c.action in _ATTENDING for c in clauses) and not any(
        c.action in REPORTING or c.action is Action.AGREE for c in clauses
    )


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
    told = _how_held(frame, reading)
    for meeting in frame.meetings:
        yield from _meeting_facts(meeting, reading, told.get(meeting.ref, {}))
    yield from _attendance(frame, reading)
    yield from _chairs_by_statement(frame, reading)


_CHAIR_NOUNS = frozenset({"chair", "chairs", "co-chair", "co-chairs", "cochair", "cochairs",
                          "chairman", "chairmen", "chairwoman", "chairperson"})  # fmt: skip
_DOCUMENTS = frozenset({"statement", "document", "declaration", "communique", "communiqué",
                        "letter", "readout", "text"})  # fmt: skip
_STATEMENT_REACH = 3
"""A statement the chairs issue is named in their unit or the next two."""


def _chairs_by_statement(frame: Frame, reading: Reading) -> Iterator[Fact]:
    """The chairs of a meeting named as those on whose behalf its statement is issued: "the
    meeting's co-chairs said in a joint statement" then "the statement, on behalf of A, B and
    C, says …" (in the same unit or the next two)."""
    for index, (unit, clauses) in enumerate(reading.units):
        for clause in clauses:
            meeting = frame.meeting_of(clause)
            if meeting is None or not _chairs_state(clause):
                continue
            for later, _ in reading.units[index : index + _STATEMENT_REACH]:
                for person in _on_behalf(later, reading):
                    yield _fact(
                        FactKind.CHAIR,
                        {"meeting": meeting.ref, "chair": person},
                        [unit, later],
                        reading,
                        "chair-statement",
                    )


def _chairs_state(clause: Clause) -> bool:
    """An affirmed reporting clause whose subject is the chairs and which names a statement
    ("the co-chairs said in a joint statement", "the chairs issued a declaration")."""
    top = predicate_token(clause)
    if top is None or not clause.polarity or clause.modality != "asserted":
        return False
    subjects = [c for c in top.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(c.lower_ in _CHAIR_NOUNS for c in subjects) and any(
        t.lemma_.lower() in _DOCUMENTS for t in top.subtree
    )


def _on_behalf(unit: Unit, reading: Reading) -> list[Ref]:
    """The people a document in ``unit`` is issued on behalf of ("the statement on behalf of
    A and B")."""
    behalf = [
        t
        for t in unit.sentence
        if t.lower_ == "behalf" and t.head.lower_ == "on" and _document(t.head.head)
    ]
    people: list[Ref] = []
    for mention in reading.mentions:
        token = (
            mention_token(unit, mention) if unit.start <= mention.span.start < unit.end else None
        )
        if (
            token is not None
            and mention.kind is MentionKind.PERSON
            and isinstance(mention.value, Ref)
            and any(b in token.ancestors for b in behalf)
            and mention.value not in people
        ):
            people.append(mention.value)
    return people


def _document(token: Token) -> bool:
    """A document noun, or a verb that issues one ("issued a statement on behalf of …")."""
    return token.lemma_.lower() in _DOCUMENTS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENTS for c in token.children
    )


_Told = dict[str, list[Unit]]
"""What a source's clauses tell of how one meeting was held: ``said`` modes (the meeting's own
phrase, a meeting, host or chair verb: "a virtual summit", "leaders met by video", "the meeting
was held partly in person"), ``took`` modes (how someone took part: "A joined online"),
``denied`` (a meeting verb negated: "did not meet in person"), each with the units that tell
it."""
_HELD = frozenset({Action.MEET, Action.HOST, Action.CHAIR})
_TOOK_PART = frozenset({Action.ATTEND, Action.JOIN})


def _how_held(frame: Frame, reading: Reading) -> dict[Ref, _Told]:
    """Per meeting, the modes its bound clauses tell (see :data:`_Told`); the meeting's own
    phrase ("a virtual summit", "the call") counts as said."""
    told: dict[Ref, _Told] = {}
    for meeting in frame.meetings:
        for mode, unit in meeting.formats:
            for one in _parts(mode):
                _tell(told.setdefault(meeting.ref, {}), f"said {one}", unit)
    for clause in reading.clauses():
        bound, cue = frame.meeting_of(clause), frame.cue_of(clause)
        if bound is None or cue is None or clause.modality in _UNSURE:
            continue
        took = clause.action in _TOOK_PART  # "the meeting was attended online by A": A's part
        held = clause.action in _HELD or (not took and _subject_noun(clause, cue))
        if not (held or (took and clause.polarity)):
            continue  # one who did not attend in person says nothing of the meeting
        how = ("said " if held else "took ") if clause.polarity else "denied "
        for one in _parts(format_of(own_words(clause, cue.noun))):
            _tell(told.setdefault(bound.ref, {}), how + one, clause.unit)
    return told


def _parts(mode: str | None) -> tuple[str, ...]:
    """The ways of taking part a format says: hybrid is both."""
    if mode == "hybrid":
        return ("virtual", "in-person")
    return (mode,) if mode else ()


def _tell(told: _Told, what: str, unit: Unit) -> None:
    units = told.setdefault(what, [])
    if unit not in units:
        units.append(unit)


def _subject_noun(clause: Clause, cue: Cue) -> bool:
    """The clause's meeting noun is its subject ("the meeting was held by video link")."""
    top = predicate_token(clause)
    return (
        cue.noun is not None
        and top is not None
        and cue.noun.head.i == top.i
        and cue.noun.dep_ in {"nsubj", "nsubjpass"}
    )


def _format(meeting: Meeting, told: _Told, reading: Reading) -> tuple[str, list[Unit]] | None:
    """A meeting's one format, as a reader takes it from everything the source says of it:

    - said both ways ("held partly in person and partly by video link") → hybrid;
    - said virtual ("a virtual summit", "the call", "leaders met by video") → virtual, hybrid
      when someone is said to have attended in person;
    - said or taken part in person, or held at a place the text names ("leaders gathered in
      Lima", "a meeting at the palace") unless denied ("did not meet in person") → in-person,
      hybrid when someone took part remotely ("while others joined via video conference");
    - only someone's remote part, with nothing said of the meeting → none: one participant by
      video does not make a meeting virtual (their own mode is on their participation)."""
    said = {w.split()[1] for w in told if w.startswith("said ")}
    took = {w.split()[1] for w in told if w.startswith("took ")}
    if said == {"virtual", "in-person"} or ("virtual" in said and "in-person" in took):
        return "hybrid", _told(told, "said virtual", "said in-person", "took in-person")
    if "virtual" in said:
        return "virtual", _told(told, "said virtual")
    place = venue(meeting) if "denied in-person" not in told else None
    unit = _unit_of(reading, place) if place is not None else None
    placed = [unit] if unit is not None and "in-person" not in said | took else []
    if not ("in-person" in said | took or placed):
        return None
    evidence = _told(told, "said in-person", "took in-person") + placed
    if "virtual" in took:
        return "hybrid", evidence + _told(told, "took virtual")
    return "in-person", evidence


def _told(told: _Told, *what: str) -> list[Unit]:
    return [unit for w in what for unit in told.get(w, [])]


def _attendance(frame: Frame, reading: Reading) -> Iterator[Fact]:
    """Participation, absence, hosts and chairs of every clause the frame binds; who speaks in
    the opening or closing remarks took part in the source's main meeting."""
    attended: tuple[Meeting, Unit] | None = None
    main = next((m for m in frame.meetings if m.main), None)
    for index, (unit, clauses) in enumerate(reading.units):
        if attended is not None and _continues(reading, index):
            yield from _continuation(attended, unit, reading)
        attended = None
        listed = _listed_after(reading, index) if _introduces_attendees(clauses) else []
        for clause in clauses:
            bound, cue = frame.meeting_of(clause), frame.cue_of(clause)
            if bound is not None and cue is not None:
                yield from _clause_facts(bound, clause, cue, reading, listed)
                if clause.action in _ATTENDING and clause.polarity:
                    attended = bound, unit
            elif main is not None and _opening_remarks(clause):
                speakers = [a for a in clause.arguments if a.role == "subject"]
                yield from _participations(main, speakers, reading, None, [unit])
            yield from _further_nouns(frame, clause, reading)


_ATTENDING = frozenset({Action.ATTEND, Action.JOIN, Action.MEET})


def _further_nouns(frame: Frame, clause: Clause, reading: Reading) -> Iterator[Fact]:
    """Who a clause's further meeting nouns name in their own phrase ("this summit follows a
    meeting between officials of A and B": A and B took part in that meeting); and the further
    days of its own meeting noun (:func:`cowkg.read.frame.date_siblings`: "was absent from the 3
    July and 9 August meetings") get what the clause says of the first day's meeting."""
    first = frame.cue_of(clause)
    for cue, meeting in frame.also.get(id(clause), ()):
        if first is not None and (cue.noun is first.noun or _conjoined(cue, first)):
            # "the 3 July and 9 August meetings", "the meeting on 3 July and the 9 August one"
            yield from _clause_facts(meeting, clause, cue, reading, [])
            continue
        if cue.noun is None or clause.modality in _UNSURE or not clause.polarity:
            continue
        named = [a for a in clause.arguments if _through_noun(clause, cue, a)]
        yield from _participations(meeting, named, reading, None, [clause.unit])


def _conjoined(cue: Cue, first: Cue) -> bool:
    """Two meeting nouns in one coordination of the clause ("attended the meeting on 15 March
    and the 10 May meeting", "was present at A and at B"): climbing conjuncts, prepositions and
    their objects, the second reaches where the first stands, or the word the first hangs from
    (the parser may hang the second on the first's date or on the verb), through a conjunct
    ("after the 10 May meeting" is no conjunct)."""
    if cue.noun is None or first.noun is None or cue.noun.i == first.noun.i:
        return False
    pair = fronted_pair(cue.noun)
    if pair is not None and first.noun.i in {t.i for t in pair.subtree}:
        return True  # "despite being represented at A, and the B meeting"
    path, top = _climb(cue.noun), _climb(first.noun)[-1]
    return path[-1].i in {top.i, top.head.i} and any(t.dep_ == "conj" for t in path)


def _climb(token: Token) -> list[Token]:
    """The token and its heads through conjuncts, prepositions and their objects."""
    path = [token]
    while token.dep_ in {"conj", "pobj", "prep"} and token.head.i != token.i:
        token = token.head
        path.append(token)
    return path


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


def frame_of(reading: Reading) -> Frame:
    """The reading's meeting frame (other mappings use it to find the meeting a clause speaks
    of), built once per reading."""
    made = reading.memo.get("frame")
    if isinstance(made, Frame):
        return made
    frame = build_frame(
        reading.source,
        reading.units,
        reading.affiliations,
        lambda unit: reference_date(reading, unit),
    )
    reading.memo["frame"] = frame
    return frame
