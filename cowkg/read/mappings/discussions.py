"""Discussions: what a meeting discussed or was to discuss, and what named parties discussed.

A clause of the ``discuss`` action (:data:`cowkg.read.clauses.LEXICON`: discuss, debate,
consider, review, focus) is read two ways, from its parse:

- **a meeting's topic** (``MEETING_TOPIC``): the meeting is the subject ("the summit discussed
  sanctions"), the noun the clause describes ("a call focused on air defence", "talks that
  reviewed the plan"), the meeting a gathering is for ("the ministers met to discuss the
  force"), or the meeting the clause names for its participants ("leaders discussed X at the
  summit", "X was debated during the call"). Participants named only as a group ("the leaders
  will also discuss …") discuss at the meeting their source reports, when the clause is a plan
  for it (future, expected). A list a meeting's topics introduce ("The topics of the summit
  were:" / "- …") is one topic per item; so is what a meeting's agenda "includes" ("The agenda
  of the summit included X"). The topic is the object, the phrase after "on"/"about"
  or a complement clause, verbatim. ``planned``: the clause is future or expected ("will
  discuss", "are expected to review", "will meet to discuss") — on the agenda, not known to
  have been discussed. The meeting (:func:`meeting_of_clause`): the one the meetings frame
  binds the clause to; else the one of the clause's date; else the one coalition meeting the
  source reports (:mod:`cowkg.derive` attaches it; no meeting, no topic) — but not for meetings
  in the plural or an undated meeting the frame does not know. Not topics: negated or
  conditional clauses ("did not discuss", "could discuss"), another forum's meeting ("the EU
  summit discussed …"), a meeting that is itself discussed ("discussed the upcoming summit").
- **a discussion by named parties**: "Chile and Peru discussed the border mission" is a
  ``cow:Statement`` of each, speech act ``discussed``, like anything else they said
  (:func:`cowkg.read.mappings.statements.statements_of`); "consider", "review" and "focus"
  are not discussion when a party is their subject ("Peru considered the plan too risky").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.mentions import COALITION
from cowkg.read.clauses import Action, Clause
from cowkg.read.frame import MEETING_NOUNS, PENDING_MEETING, done, predicate_token
from cowkg.read.mappings.about import meeting_on
from cowkg.read.mappings.meetings import frame_of
from cowkg.read.mappings.statements import (
    content_extent,
    content_tokens,
    item_extent,
    items_after,
    made_at,
    statements_of,
)
from cowkg.read.units import Unit, UnitKind
from cowkg.types import PARTY_KINDS, Fact, FactKind, FactValue, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:discussion"
_BY_PARTIES = frozenset({"discuss", "debate"})
"""Predicates that are a discussion when named parties are their subject."""
PARTICIPANTS = frozenset(
    {"leader", "participant", "minister", "delegate", "delegation", "counterpart", "head", "chief",
     "co-chair"}
)  # fmt: skip
"""Group nouns for a meeting's participants ("the leaders", "defence ministers", "the
co-chairs")."""
_PLANNED = frozenset({"future", "planned", "expected"})
_TOPIC_NOUNS = frozenset({"topic", "agenda"})
"""Nouns that introduce a meeting's topics ("the main topics of the summit were:")."""
_MEETING_VERBS = frozenset(
    {"meet", "gather", "convene", "reconvene", "assemble", "hold", "host", "co-host", "chair",
     "co-chair", "organise", "organize", "begin", "open", "call"}
)  # fmt: skip
"""Verbs of a gathering, or of holding, opening or calling a meeting ("hosted a summit to
discuss …", "a meeting has begun … to discuss …"): a "to discuss" aim of theirs is the topic of
the meeting the frame binds them to (none when it binds them to none)."""


def discussions(reading: Reading) -> Iterator[Fact]:
    """Every meeting topic and every discussion by named parties of one source."""
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue  # a cited title speaks of its own day, which the source cannot date
        listed = list(_listed_topics(reading, unit, clauses))
        yield from listed
        yield from _noun_topics(reading, unit, clauses)
        yield from _agenda_topics(reading, unit, clauses) if not listed else ()
        for clause in clauses if not listed else ():
            if clause.action is not Action.DISCUSS or not clause.polarity:
                continue
            said = []
            if clause.predicate in _BY_PARTIES:
                said = list(statements_of(reading, unit, clause, "discussed", method=METHOD))
            yield from said
            topic = None if said else _topic(reading, unit, clauses, clause)
            if topic is not None:
                yield topic


def _listed_topics(reading: Reading, unit: Unit, clauses: Sequence[Clause]) -> Iterator[Fact]:
    """The items of a list a meeting's topics introduce ("The topics of the summit were:", "The
    leaders will discuss the following:"): one topic per item, citing the lead and the item."""
    items = items_after(reading, unit)
    lemmas = {t.lemma_.lower() for t in unit.sentence}
    discussing = [c for c in clauses if c.action is Action.DISCUSS and c.polarity]
    if not items or not (lemmas & _TOPIC_NOUNS or discussing):
        return
    frame = frame_of(reading)
    bound = next((m for c in clauses if (m := frame.meeting_of(c)) is not None), None)
    meeting = bound.ref if bound is not None else _discussed_at(reading, clauses, discussing)
    if meeting is None and lemmas & _TOPIC_NOUNS and lemmas & MEETING_NOUNS:
        day = next((c.date for c in clauses if c.date is not None), None)
        meeting = meeting_on(day) if day is not None else PENDING_MEETING
    if meeting is None:
        return
    planned = any(c.modality in _PLANNED for c in clauses)
    for item in items:
        args = topic_args(reading, meeting, *item_extent(item))
        if planned:
            args["planned"] = True
        evidence = (unit.evidence(reading.source), item.evidence(reading.source))
        yield Fact(FactKind.MEETING_TOPIC, args, evidence, METHOD)


_AGENDA_VERBS = frozenset({"include", "be", "cover", "feature", "comprise", "contain"})
_AGENDA_OBJECTS = frozenset({"dobj", "attr", "xcomp", "ccomp", "oprd"})


def _agenda_topics(reading: Reading, unit: Unit, clauses: Sequence[Clause]) -> Iterator[Fact]:
    """ "The agenda of the summit included X", "The summit's agenda covers X", "Topics of the
    call were X": a meeting's agenda or topics as the subject of "include", "be", "cover"…, its
    object the topic (planned when the clause is future or expected). The meeting is the one the
    frame binds the clause to, through the meeting noun of the subject."""
    frame = frame_of(reading)
    for clause in clauses:
        token = predicate_token(clause)
        meeting = frame.meeting_of(clause)
        if token is None or meeting is None or token.lemma_.lower() not in _AGENDA_VERBS:
            continue
        if not clause.polarity or clause.modality in {"conditional", "possible"}:
            continue
        subject = _subject(token)
        if subject is None or subject.lemma_.lower() not in _TOPIC_NOUNS:
            continue
        if not any(_is_meeting(t) for t in subject.subtree):
            continue
        objects = [c for c in token.children if c.dep_ in _AGENDA_OBJECTS and c.i > token.i]
        fact = _phrase_topic(
            reading, unit, clause, meeting.ref, [t for o in objects for t in o.subtree]
        )
        if fact is not None:
            yield fact


def _phrase_topic(
    reading: Reading, unit: Unit, clause: Clause, meeting: Ref, tokens: Sequence[Token]
) -> Fact | None:
    """The MEETING_TOPIC of ``meeting`` whose topic is ``tokens`` verbatim (planned when the
    clause is future or expected), or None when they make no topic."""
    extent = content_extent(unit, list(tokens), words=1)
    if extent is None:
        return None
    args = topic_args(reading, meeting, *extent)
    if clause.modality in _PLANNED:
        args["planned"] = True
    return Fact(FactKind.MEETING_TOPIC, args, (unit.evidence(reading.source),), METHOD)


_ABOUT_PREPS = frozenset({"on", "about", "regarding", "concerning"})
"""Prepositions by which a meeting noun names its topic ("a summit on security guarantees")."""
_FOCUS = frozenset({"focus", "emphasis"})
"""Nouns whose "on" phrase, in a "with" phrase of a meeting noun or of the verb holding it, is
the meeting's topic ("talks with a focus on X", "held meetings … with emphasis on X")."""
_NOT_TOPICS = frozenset(
    {"sideline", "sidelines", "margin", "margins", "behalf", "occasion", "eve", "anniversary",
     "day", "weekend", "morning", "afternoon", "evening", "night", "basis", "line", "video",
     "phone", "telephone", "screen", "site", "ground", "record", "camera", "condition", "way",
     "board", "time", "date", "invitation", "initiative", "request", "outskirts", "premises",
     "grounds", "soil", "doorstep"}
)  # fmt: skip
"""Words after "on" that say when, how or where a meeting is, not what it is about ("on the
sidelines of", "on Monday's morning", "on the phone", "on behalf of", "on the initiative of")."""


def _noun_topics(reading: Reading, unit: Unit, clauses: Sequence[Clause]) -> Iterator[Fact]:
    """ "a summit on security guarantees", "talks about the border mission": what a meeting noun
    the frame binds names as its topic, after "on"/"about" — not a date, a weekday, a place or
    how it was held ("on Tuesday", "on 3 June", "on the sidelines", "on the phone"). Planned
    when its clause is future or expected; none in a negated, conditional or possible one."""
    frame = frame_of(reading)
    for clause in clauses:
        if not clause.polarity or clause.modality in {"conditional", "possible"}:
            continue
        bound, cue = frame.meeting_of(clause), frame.cue_of(clause)
        pairs = [(cue, bound)] if cue is not None and bound is not None else []
        for cue, meeting in [*pairs, *frame.also.get(id(clause), ())]:
            held = None if cue.noun is not None else _held(clause)
            noun = cue.noun or held
            for tokens in _about_phrases(reading, unit, noun, verb_on=held is not None):
                fact = _phrase_topic(reading, unit, clause, meeting.ref, tokens)
                if fact is not None:
                    yield fact


def _held(clause: Clause) -> Token | None:
    """The meeting noun a meeting verb the frame binds by the verb itself holds as its object
    ("held virtual meetings on X", "convened talks about X"): the plural names no one meeting
    of its own, but the clause's meetings are the one the frame bound, so their topic is its."""
    verb = predicate_token(clause)
    if verb is None or clause.action is not Action.MEET:
        return None
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in MEETING_NOUNS),
        None,
    )


def _about_phrases(
    reading: Reading, unit: Unit, noun: Token | None, *, verb_on: bool = False
) -> Iterator[list[Token]]:
    """The object phrases of the "on"/"about" prepositions of ``noun`` (or "about" of the verb
    that holds it: "held talks on Tuesday about …"; "on" too with ``verb_on``, the meetings of
    :func:`_held`, which the parse may hang on the verb; and the "on" of a "with a focus on"
    phrase of either) that name a topic, without the phrases
    of when and where inside them ("on guarantees for Chile in Lima": "guarantees for Chile")."""
    if noun is None:
        return
    preps = [c for c in noun.children if c.lower_ in _ABOUT_PREPS]
    holders = [noun]
    if noun.dep_ in {"dobj", "nsubjpass"}:
        own = _ABOUT_PREPS if verb_on else _ABOUT_PREPS - {"on"}
        preps += [c for c in noun.head.children if c.lower_ in own]
        holders.append(noun.head)
    preps += [  # "(held talks …) with a focus on X"
        on
        for holder in holders
        for w in holder.children
        if w.dep_ == "prep" and w.lower_ == "with"
        for focus in w.children
        if focus.dep_ == "pobj" and focus.lemma_.lower() in _FOCUS
        for on in focus.children
        if on.dep_ == "prep" and on.lower_ in {"on", "upon"}
    ]
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ != "prep" or len(objects) != 1 or _when_or_where(reading, unit, objects[0]):
            continue
        if {objects[0].lemma_.lower(), objects[0].lower_} & _NOT_TOPICS:
            continue
        cut = {
            t.i
            for p in objects[0].subtree
            if p.dep_ == "prep" and any(_when_or_where(reading, unit, o) for o in p.children)
            for t in p.subtree
        }
        yield [t for t in objects[0].subtree if t.i not in cut]


def _when_or_where(reading: Reading, unit: Unit, token: Token) -> bool:
    """A date, a time or a place: spaCy says so, or a date or place mention starts in it."""
    if token.ent_type_ in {"DATE", "TIME", "FAC"}:  # a state (GPE) is a topic: "talks on Peru"
        return True
    base = unit.paragraph.start
    start = base + token.idx
    return any(
        m.kind in {MentionKind.DATE, MentionKind.PLACE}
        for m in reading.mentions_in(start, start + len(token.text))
    ) or any(
        m.kind in {MentionKind.DATE, MentionKind.PLACE} and m.span.start <= start < m.span.end
        for m in reading.mentions_in(start - 40, start)
    )


def topic_args(reading: Reading, meeting: Ref, start: int, end: int) -> dict[str, FactValue]:
    """A meeting topic's arguments: the meeting, the topic verbatim (``[start, end)``), and
    ``about``, the states, organisations and people the topic names ("sanctions against
    Russia", "military aid to Ukraine" — what the meeting was about, for "which meetings were
    about X?")."""
    about = tuple(
        dict.fromkeys(
            m.value
            for m in reading.mentions_in(start, end)
            if m.kind in PARTY_KINDS and m.span.end <= end and isinstance(m.value, Ref)
        )
    )
    args: dict[str, FactValue] = {"meeting": meeting, "topic": reading.source.text[start:end]}
    if about:
        args["about"] = about
    return args


def _discussed_at(
    reading: Reading, clauses: Sequence[Clause], discussing: Sequence[Clause]
) -> Ref | None:
    """The meeting the first clause of discussing that gives one gives."""
    for clause in discussing:
        token = predicate_token(clause)
        planned = _planned(clauses, clause, token) if token is not None else None
        if token is not None and planned is not None:
            meeting = meeting_of_clause(reading, clauses, clause, token, planned)
            if meeting is not None:
                return meeting
    return None


def _topic(reading: Reading, unit: Unit, clauses: Sequence[Clause], clause: Clause) -> Fact | None:
    token = predicate_token(clause)
    if token is None:
        return None
    planned = _planned(clauses, clause, token)
    if planned is None:
        return None
    meeting = meeting_of_clause(reading, clauses, clause, token, participants=planned)
    content = topic_tokens(token)
    extent = content_extent(unit, content, words=1) if content else None
    if meeting is None or extent is None:
        return None
    args = topic_args(reading, meeting, *extent)
    if planned:
        args["planned"] = True
    return Fact(FactKind.MEETING_TOPIC, args, (unit.evidence(reading.source),), METHOD)


def _aim_of(clauses: Sequence[Clause], clause: Clause, token: Token) -> Clause | None:
    """The clause a "to discuss" infinitive is the aim of ("met to discuss", "will gather to
    review"), when that clause is a gathering."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return None
    governor = clauses[clause.governor] if clause.governor is not None else None
    if governor is not None and governor.predicate in _MEETING_VERBS:
        return governor
    return None


def _planned(clauses: Sequence[Clause], clause: Clause, token: Token) -> bool | None:
    """Whether the topic is planned (True), discussed (False), or neither — negated, conditional,
    an aim of something that is no gathering, a condition ("if they discuss")."""
    aim = _aim_of(clauses, clause, token)
    planning = clause.modality in _PLANNED  # "are expected to review", "plan to discuss"
    if aim is None and not planning and not done(token):
        noun = token.head if token.dep_ in {"acl", "relcl"} else None
        if noun is None or not _is_meeting(noun):
            return None  # "efforts to discuss", "if they discuss": no topic of a meeting
    modality = (aim or clause).modality
    if aim is not None and not aim.polarity:
        return None
    if modality == "asserted":
        return False
    return True if modality in _PLANNED else None


def meeting_of_clause(
    reading: Reading, clauses: Sequence[Clause], clause: Clause, token: Token, participants: bool
) -> Ref | None:
    """The meeting a clause of discussing or agreeing speaks of, when its subject is a meeting,
    it describes a meeting noun, it is the aim of a gathering, it names the meeting, or
    (``participants``) its subject is the meeting's participants as a group ("the leaders"):
    the meeting the frame binds the clause to, else the one of its date, else the source's. The
    aim of a gathering is the gathering's topic: of the meeting the frame binds that gathering
    to, or of none ("convened a meeting of party leaders to discuss …" is not the summit)."""
    frame = frame_of(reading)
    aim = _aim_of(clauses, clause, token)
    if aim is not None:
        gathering = frame.meeting_of(aim) or frame.meeting_of(clause)
        return gathering.ref if gathering is not None else None
    bound = frame.meeting_of(clause)
    meeting = _meeting(reading, clause, token, participants, bound is not None)
    return bound.ref if meeting is not None and bound is not None else meeting


def _meeting(
    reading: Reading, clause: Clause, token: Token, participants: bool, bound: bool
) -> Ref | None:
    """The meeting a clause speaks of, read from its own words (see :func:`meeting_of_clause`);
    ``bound``: the frame binds the clause to a meeting. Without it, meetings in the plural ("the
    planning meetings had considered …") and an undated meeting the clause names ("during a
    call this weekend") are none the source's one meeting can stand for."""
    subject = _subject(token)
    if subject is not None and _is_meeting(subject):
        if subject.tag_ == "NNS" and not bound:
            return None
        noun: Token | None = subject
    elif token.dep_ in {"acl", "relcl"} and _is_meeting(token.head):
        noun = token.head
    else:
        stated = made_at(token, clause, hearer=False)
        if stated is not None:  # "discussed X at the summit" (not "discussed the summit")
            return None if stated == PENDING_MEETING and not bound else stated
        if not participants or subject is None or subject.lemma_.lower() not in PARTICIPANTS:
            return None
        noun = subject  # "the leaders", not "the EU leaders"
    if noun is not None and _another_forum(reading, clause.unit, noun, subject is noun):
        return None
    return meeting_on(clause.date) if clause.date is not None else PENDING_MEETING


def topic_tokens(token: Token) -> list[Token] | None:
    """What is discussed or agreed: the object or the phrase after "on"/"about", or a complement
    clause ("discussed whether to …", "agreed that …") — not a clause the parse merely sets
    beside the predicate (a parataxis is another sentence run on). A "to" phrase right after
    the object, which the parse hangs on the verb, goes on with it ("discuss aid to Chile")."""
    if any(c.dep_ == "parataxis" for c in token.children) and not any(
        c.dep_ in {"dobj", "ccomp", "xcomp", "prep", "nsubjpass"} for c in token.children
    ):
        return None
    tokens = content_tokens(token, nominal=True)
    if not tokens:
        return tokens
    last = max(t.i for t in tokens)
    to = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to" and c.i == last + 1]
    return tokens + [t for c in to for t in c.subtree]  # "discuss aid to Chile": one topic


def _subject(token: Token) -> Token | None:
    """The predicate's subject, or its governor's for a complement or conjunct without one
    ("ministers are expected to review …")."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ in {"xcomp", "conj"} and token.head.i != token.i:
        subject = next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject


def _is_meeting(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in MEETING_NOUNS


def _another_forum(reading: Reading, unit: Unit, noun: Token, whole: bool = True) -> bool:
    """The meeting's (or its participants') phrase names an organisation other than the coalition
    ("the EU summit", "EU leaders"); ``whole``: with what follows the noun ("leaders of NATO")."""
    base = unit.paragraph.start
    last = noun.right_edge if whole else noun
    start = base + noun.left_edge.idx
    end = base + last.idx + len(last.text)
    return any(
        m.kind is MentionKind.ORGANIZATION and m.value != COALITION
        for m in reading.mentions
        if start <= m.span.start and m.span.end <= end
    )
