"""The document-level meeting frame: which meeting each clause of a source speaks of.

A news article is about one meeting (its *main* meeting: the one its headline or lead names); the
rest of the article says "the meeting", "the call", "the summit", "today" or just "leaders took
part" of it, and names other meetings in passing (talks with the US president, a Contact Group
meeting, next week's summit). The frame reads every clause record of a source
(:mod:`cowkg.read.clauses`) and finds its *cues*: a meeting noun the clause owns ("a virtual
summit on Saturday", "Thursday's talks"), or a meeting verb ("leaders met in Paris"). Each cue
gives what the text says of its meeting there — date (a weekday resolved against the source's date
with the clause's tense: "will on Tuesday host" is the coming Tuesday), place, kind, format, and
whether it names the coalition or marks another meeting — and is bound to one :class:`Meeting`:

- the first cue of the headline or lead is the main meeting; a definite or verb-only cue without
  a date of its own refers to it (or, when its place contradicts it, to another meeting);
- a dated cue joins the meeting of that date and a compatible kind, else opens one;
- a meeting is the coalition's (``body``) only when the text says so: the coalition named as
  subject, attendee or owner of the meeting, or, for the main meeting, named in the headline or
  lead. Talks between two parties, a meeting with the US or Russian president, a meeting of
  another organisation (a Contact Group, NATO, the EU) are *other* meetings: keyed apart, never
  the coalition's.

Keys (see :func:`meeting_key`): ``<ISO date>-<kind>`` for a dated meeting not marked other (the key
the seeds' tables share), ``<ISO date>-<kind>-other-<tag>`` for another meeting, and
``undated-<kind>-<tag>`` when the source gives no date: no date is ever guessed, the meeting says
it is undated (``cow:undated``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from cowkg.mentions import COALITION, slug
from cowkg.read.clauses import LEXICON, Action, Clause
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Mention, MentionKind, Ref, Source

MEETING_NOUNS = frozenset(
    {"meeting", "summit", "talk", "talks", "call", "videoconference", "teleconference",
     "conference", "gathering", "videocall", "session", "event", "ministerial", "hookup",
     "assembly"}
)  # fmt: skip
"""Nouns that name a meeting; ``event``/``session``/``gathering`` only when definite."""
_DEFINITE_ONLY = frozenset({"event", "session", "gathering"})
_MEETING_ACTIONS = frozenset({Action.MEET, Action.ATTEND, Action.ABSENT, Action.HOST, Action.CHAIR})

_KIND_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ministerial",
        re.compile(r"\bministerial\b|\b(?:defen[cs]e|foreign) (?:ministers?|secretar)", re.I),
    ),
    (
        "military",
        re.compile(
            r"\bmilitary (?:chiefs|officers|officials|planners|leaders|planning|commanders|"
            r"meetings?|talks)|chiefs? of (?:the )?(?:defen[cs]e )?staff|\bdefen[cs]e chiefs\b|"
            r"\bplanners\b|\bplanning (?:meetings?|days|sessions?)\b",
            re.I,
        ),
    ),
    ("directors", re.compile(r"\bdirectors?(?:-level)?\b", re.I)),
    (
        "summit",
        re.compile(
            r"\bsummits?\b|\bleaders['’]?(?!\w)|heads of (?:state|government)|(?-i:\bPMs?\b)",
            re.I,
        ),
    ),
)
"""A meeting's kind from the words of its phrase, then of its clause (first match wins)."""

_FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("hybrid", re.compile(r"\bhybrid\b", re.I)),
    (
        "virtual",
        re.compile(
            r"\bvirtual(?:ly)?\b|\bvideo\b|\bonline\b|\bvideo-?conference\b|\bteleconference\b|"
            r"\bvideocall\b|\b(?:phone|video|conference) call\b|\bremotely\b|\bby (?:phone|video)",
            re.I,
        ),
    ),
    ("in-person", re.compile(r"\bin[ -]person\b|\bface[ -]to[ -]face\b", re.I)),
)
"""The format a meeting's own phrase gives it ("a virtual summit", "the video call")."""

_OTHER_WORDS = re.compile(
    r"\bbilateral\b|\bOval Office\b|\bWhite House\b|\bContact Group\b|\bRamstein\b|\bG7\b|\bG20\b|"
    r"\bEuropean Council\b|\bpeace talks\b|\btrilateral\b|\bnegotiations?\b|"
    r"-(?:mediated|brokered)\b",
    re.I,
)
"""Words that mark a meeting as another forum's or as two-sided talks (negotiations between
parties are never the coalition's own meeting)."""
_DOMESTIC = re.compile(
    r"\bparliament(?:ary)?\b|\bpolitical part(?:y|ies)\b|\bparty leaders\b|\bfactions?\b|"
    r"\bcommittees?\b|\bcabinet\b|\bSecurity Council\b|\bopposition\b",
    re.I,
)
"""Words that make a meeting one state's own (its parties, parliament, cabinet, a committee):
another forum's meeting even when it discusses the country's role in the coalition."""
_PAIR = re.compile(r"\b[A-Z][\w.]*[-–][A-Z][\w]*\b")
"""Two parties joined by a dash before a meeting noun ("Trump-Putin summit", "US-Ukraine talks")."""
_FORWARD = frozenset({"ahead", "before", "prior", "upcoming", "next", "coming", "forthcoming"})
_FUTURE_WORDS = frozenset({"will", "shall", "'ll", "tomorrow"})
_WEEKDAY = re.compile(
    r"^(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?$"
)
_LEAD_UNITS = 3
"""The headline (and any heading, byline or caption before the text) and this many sentences
after it form the lead."""
OUTSIDE_POWERS = frozenset({"USA", "RUS"})
"""States whose leader as the counterpart of a meeting makes it talks with them, not the
coalition's ("a call with the US president", "a summit with Putin")."""


@dataclass
class Meeting:
    """One meeting a source speaks of, as the frame has gathered it."""

    ref: Ref
    day: dt.date | None
    end: dt.date | None
    kind: str
    coalition: bool
    other: bool
    main: bool
    tensed: bool = False
    """Its day is the source's, read from the lead's tense (a written date in the lead wins)."""
    earlier: bool = False
    """Its phrase sets it before the report ("the recent summit"): no dated meeting is it."""
    week: dt.date | None = None
    """The first day of the week the text puts it in ("last week"): no meeting of another week
    is it."""
    name: str | None = None
    forum: Ref | None = None
    """The organisation another forum's meeting is of ("a NATO summit", "the next Contact Group
    meeting", "a meeting of the European Council"), when its phrase names one."""
    places: list[Mention] = field(default_factory=list)
    formats: list[tuple[str, Unit]] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    """The units that name this meeting (its facts' evidence)."""
    negotiation: bool = False
    """Opened by negotiations between parties (:func:`_negotiation`): only a cue of
    negotiations or talks joins it, not a summit or meeting named later."""


@dataclass(frozen=True)
class Cue:
    """Where a clause speaks of a meeting: a noun it owns, or its meeting verb."""

    clause: Clause
    noun: Token | None
    day: dt.date | None
    end: dt.date | None
    kind: str
    coalition: bool
    other: bool
    definite: bool
    places: tuple[Mention, ...]
    format: str | None
    tensed: bool = False
    """The day is the source's, read from the lead's present tense, not written."""
    happening: bool = True
    """The clause tells the meeting taking place, not something it is the object of."""
    earlier: bool = False
    """The meeting's own phrase marks it as one before the one reported ("the recent summit")."""
    sequel: bool = False
    """The meeting's own phrase numbers it in a series ("a second meeting", "another summit")."""
    paired: bool = False
    """Marked other only as talks of one party with one other (no forum, no outside power)."""
    week: dt.date | None = None
    """The first day of the week the clause says the meeting was in ("last week"), if any."""
    forum: Ref | None = None
    """The organisation the meeting's own phrase makes it a meeting of (:func:`forum_of`)."""
    follows: Token | str | None = None
    """What the clause says this meeting came before, as a step of the same series: the meeting
    noun that is the clause's subject ("this summit follows a meeting in April"), the meeting
    noun a participle hangs on ("a meeting in May, followed by talks in June"), the meeting
    noun of the clause that governs this one ("hosts a summit, building on the recent
    gathering"), or "it" for a pronoun subject ("It follows a first meeting")."""


@dataclass(frozen=True)
class Frame:
    """The meetings of a source and the meeting each bound clause speaks of."""

    meetings: tuple[Meeting, ...]
    bound: Mapping[int, Meeting]
    """``id(clause)`` → its meeting."""
    cues: Mapping[int, Cue]
    also: Mapping[int, tuple[tuple[Cue, Meeting], ...]] = field(default_factory=dict)
    """``id(clause)`` → its further meeting nouns bound to another meeting than its first
    ("this summit follows a meeting between A and B": the meeting of A and B)."""

    def meeting_of(self, clause: Clause) -> Meeting | None:
        """The meeting ``clause`` speaks of, if any."""
        return self.bound.get(id(clause))

    def cue_of(self, clause: Clause) -> Cue | None:
        return self.cues.get(id(clause))

    def main_meeting(self) -> Meeting | None:
        """The meeting the source's headline or lead reports, if any."""
        return next((m for m in self.meetings if m.main), None)


def meeting_key(meeting: Meeting, source: Source, place: Ref | None) -> Ref:
    """A meeting's key. ``<date>-<kind>`` only for a meeting the text says is the coalition's
    (the key the seeds' tables and other sources share for it); ``<date>-<kind>-other-<tag>`` for
    another forum's meeting; ``<date>-<kind>-<tag>`` for a meeting the text does not place in
    either; ``undated-<kind>-<tag>`` when no date is given. The tag is the place where one is
    given (two sources naming the same venue meet), else the source (:func:`source_tag`)."""
    tag = place.key if place is not None else source_tag(source)
    when = meeting.day.isoformat() if meeting.day is not None else "undated"
    if meeting.other:
        return Ref(EntityKind.MEETING, f"{when}-{meeting.kind}-other-{tag}")
    if meeting.day is None or not meeting.coalition:
        return Ref(EntityKind.MEETING, f"{when}-{meeting.kind}-{tag}")
    return Ref(EntityKind.MEETING, f"{when}-{meeting.kind}")


def source_tag(source: Source) -> str:
    """The source's file stem as a key's tag: a meeting placed in no forum and at no venue is
    keyed by the source that tells it."""
    return slug(source.file.rsplit(".", 1)[0])


def kind_of(text: str) -> str:
    """The meeting kind a stretch of text gives ("meeting" when it gives none)."""
    for kind, pattern in _KIND_CUES:
        if pattern.search(text):
            return kind
    return "meeting"


def kind_near(tokens: Sequence[Token], noun: Token | None) -> str:
    """The kind the clause's words give, the cue nearest the meeting noun winning: "told the
    other leaders at yesterday's meeting" is a summit even when the clause spoke of military
    planning before; a cue that names another meeting ("the planning meetings") is that
    meeting's kind, not this one's (without a noun, the first cue in :data:`_KIND_CUES`' order)."""
    text, starts, nouns = "", [], []
    for token in tokens:
        starts.append(len(text))
        if token.lemma_.lower() in MEETING_NOUNS and token != noun:
            nouns.append((len(text), len(text) + len(token.text)))
        text += token.text + " "
    if noun is None or noun not in tokens:
        return kind_of(text)
    at = starts[list(tokens).index(noun)]
    found = [
        (min(abs(m.start() - at), abs(m.end() - at)), order, kind)
        for order, (kind, pattern) in enumerate(_KIND_CUES)
        for m in pattern.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in nouns)
    ]
    return min(found)[2] if found else "meeting"


def format_of(text: str) -> str | None:
    """The format (in-person | virtual | hybrid) a stretch of text gives, if any."""
    found = {name for name, pattern in _FORMATS if pattern.search(text)}
    if "hybrid" in found or {"virtual", "in-person"} <= found:
        return "hybrid"  # "an in-person and virtual get-together"
    return next(iter(found), None)


# --------------------------------------------------------------------------------------------
# Tokens of a clause
# --------------------------------------------------------------------------------------------


def predicate_token(clause: Clause) -> Token | None:
    """The spaCy token of a clause's predicate."""
    return token_at(clause.unit, clause.trigger.start, clause.trigger.end)


def token_at(unit: Unit, start: int, end: int) -> Token | None:
    """The root token of the source stretch ``start:end`` inside ``unit``."""
    base = unit.paragraph.start
    span = unit.paragraph.doc.char_span(start - base, end - base, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def mention_token(unit: Unit, mention: Mention) -> Token | None:
    return token_at(unit, mention.span.start, mention.span.end)


def _clause_tokens(clause: Clause) -> list[Token]:
    base = clause.unit.paragraph.start
    return [
        t
        for t in clause.unit.sentence
        if clause.start <= base + t.idx and base + t.idx + len(t.text) <= clause.end
    ]


_AROUND = frozenset({"ahead", "before", "prior", "after", "following", "since"})


def own_words(clause: Clause, noun: Token | None) -> str:
    """A clause's text as far as it speaks of its own meeting ``noun`` (or verb): without the
    clauses nested in it ("A attended in person, while B joined remotely": B's part is its own
    clause's; "met to discuss online threats"), the phrases of its other meeting nouns ("convened
    a meeting in response to a phone call") and what it happens before or after ("hosted him
    ahead of a virtual gathering")."""
    tokens = _clause_tokens(clause)
    top = predicate_token(clause)
    heads = [
        c
        for c in (top.children if top is not None else ())
        if c.dep_ in _NESTED and c.pos_ in {"VERB", "AUX"}
    ]
    heads += [n for n in tokens if n.lower_ in _AROUND and n.dep_ in {"prep", "advmod"}]
    heads += [n for n in tokens if _is_meeting_noun(n) and (noun is None or n.i != noun.i)]
    apart = {
        t.i for h in heads for t in (h.subtree if not _is_meeting_noun(h) else _phrase_tokens(h))
    }
    return "".join(t.text_with_ws for t in tokens if t.i not in apart)


_NESTED = frozenset({"advcl", "relcl", "ccomp", "conj", "xcomp"})


def _is_meeting_noun(token: Token) -> bool:
    if _negotiation(token):
        return True
    if token.pos_ not in {"NOUN", "PROPN"} or token.lower_ not in MEETING_NOUNS | {"talks"}:
        return token.lemma_.lower() in {"videoconference", "teleconference"}
    if token.lemma_.lower() == "call" and token.dep_ == "compound":
        return False
    if any(c.lower_ in {"press", "news"} for c in token.children):
        return False  # a press conference is no meeting
    if token.lower_ == "event" and token.head.lower_ == "in" and _idiom_event(token):
        return False  # "in the event that talks fail", "in the event of a ceasefire"
    if token.dep_ == "pobj" and _means(token):
        return False  # "joined via video conference", "took part by videoconference"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ == "series":
        return False  # "a series of talks" is several meetings, none of them named
    return token.lemma_.lower() not in _DEFINITE_ONLY or _definite(token)


NEGOTIATION_NOUNS = frozenset({"negotiation", "negotiations"})
"""Nouns that name talks only when their parties are written (:func:`_negotiation`)."""
_ATTEMPTS = frozenset({"attempt", "attempts", "round", "rounds"})
_PARTY_PREPS = frozenset({"between", "with"})
"""Prepositions of the noun itself that name its parties; in a participle of it only "between"
("launched between A and B", not "launched with great hopes")."""


def _negotiation(token: Token) -> bool:
    """Negotiations as a meeting of their parties: "negotiations between A and B", "A-B
    negotiations", "negotiations with A", also as the modifier of "attempts" or "rounds" ("the
    negotiation attempts launched between A and B"), only where the parties are written;
    "negotiations on a ceasefire" or "within negotiations" name no meeting."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    word = token.lower_
    if word in _ATTEMPTS:
        if not any(c.dep_ == "compound" and c.lower_ in NEGOTIATION_NOUNS for c in token.children):
            return False
    elif word not in NEGOTIATION_NOUNS or token.dep_ == "compound":
        return False
    return _parties_written(token)


def _parties_written(noun: Token) -> bool:
    """The noun's own phrase, or a participle of it, names its parties: "between"/"with" a
    party, or two parties joined by a dash before it ("A-B negotiations")."""
    premodifiers = [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}]
    if any(_PAIR.search(_text_of(list(c.subtree))) for c in premodifiers):
        return True
    if _PAIR.search(noun.doc[max(noun.left_edge.i, noun.i - 4) : noun.i].text):
        return True
    participles = [t for c in noun.children if c.dep_ in {"acl", "relcl"} for t in c.subtree]
    return any(
        t.dep_ == "prep"
        and t.lower_ in (_PARTY_PREPS if t.head.i == noun.i else {"between"})
        and any(g.dep_ == "pobj" for g in t.children)
        for t in [*noun.children, *participles]
    )


def _idiom_event(token: Token) -> bool:
    """ "In the event that …", "in the event of …": a condition, not an event held."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ in {"that", "of"}


def _means(token: Token) -> bool:
    """A meeting noun after "via", or a medium after "by" ("by video call"): how someone took
    part, not a meeting of its own ("followed by a meeting" is one)."""
    if token.head.lower_ == "via":
        return True
    media = {"video", "phone", "telephone", "conference", "tele"}
    return token.head.lower_ == "by" and (
        token.lemma_.lower() in {"videoconference", "teleconference", "videocall"}
        or any(c.lower_ in media for c in token.children)
    )


def _definite(token: Token) -> bool:
    return any(
        (c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "today", "today's"})
        or c.dep_ == "poss"
        for c in token.children
    )


def _phrase_tokens(noun: Token) -> list[Token]:
    """The noun's phrase without clauses hanging from it (a relative clause is its own)."""
    out: list[Token] = []
    stack = [noun]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in {"relcl", "acl", "advcl"})
    return sorted(out, key=lambda t: t.i)


def _text_of(tokens: Sequence[Token]) -> str:
    """The text a phrase spans, as written."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1].text


def _within(tokens: Sequence[Token], unit: Unit, mention: Mention) -> bool:
    token = mention_token(unit, mention)
    return token is not None and any(t.i == token.i for t in tokens)


# --------------------------------------------------------------------------------------------
# Dates with tense
# --------------------------------------------------------------------------------------------


def _forward(clause: Clause, token: Token | None) -> bool:
    """Whether a weekday is ahead of the source's date: the clause speaks of the future, or the
    date hangs from "ahead of", "before", "next", "upcoming"."""
    if clause.tense == "future" or clause.modality not in {"asserted"}:
        return True
    if any(t.lower_ in _FUTURE_WORDS for t in _clause_tokens(clause)):
        return True  # a parse that missed the auxiliary ("will on Tuesday host")
    node = token
    for _ in range(4):
        if node is None or node.head.i == node.i:
            break
        node = node.head
        if node.lower_ in _FORWARD or any(c.lower_ in _FORWARD for c in node.children):
            return True
    return False


def _on_or_before(anchor: dt.date, name: str) -> dt.date:
    """The weekday ``name`` on or before ``anchor`` (as the mention table resolves a bare one
    against its source's date; here against the date of the text it is read in)."""
    weekday = list(calendar.day_name).index(name)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def resolve_date(
    clause: Clause, mention: Mention, anchor: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """A date mention's day (and last day) read with the clause's tense: a bare weekday the
    mention table resolved backwards is the coming one when the clause speaks of the future (a
    bare weekday is read against ``anchor``: a cited reference's date in its title). A
    week ("this week") names no day; an unresolved relative date (no source date) stays None."""
    weekday = _WEEKDAY.match(mention.span.text.strip())
    if weekday is not None and anchor is not None:
        day, end = _on_or_before(anchor, weekday.group("day")), None
    elif not isinstance(mention.value, dt.date) or mention.form == "relative-week":
        return None, None
    else:
        day, end = mention.value, mention.end
    forward = weekday and anchor is not None and day < anchor
    if forward and _forward(clause, mention_token(clause.unit, mention)):
        shift = dt.timedelta(days=7)
        day, end = day + shift, (end + shift if end else None)
    return day, end


# --------------------------------------------------------------------------------------------
# Cues
# --------------------------------------------------------------------------------------------


def _other(clause: Clause, phrase: Sequence[Token], affiliations: Mapping[str, Ref]) -> bool:
    """Whether the meeting is marked as another forum's or as talks with an outside power, or
    as talks of one party with one other."""
    return _forum(clause, phrase, affiliations) or _two_sided(clause, phrase) or _between(phrase)


def _between(phrase: Sequence[Token]) -> bool:
    """The meeting's own phrase names its two sides ("talks between A and B"): a bilateral
    meeting, whichever clause it is read in."""
    return any(
        t.lower_ == "between"
        and t.dep_ == "prep"
        and any(
            g.dep_ == "pobj" and len(g.conjuncts) == 1 and _party(g) and _party(g.conjuncts[0])
            for g in t.children
        )
        for t in phrase
    )


def names_another_forum(text: str) -> bool:
    """Whether a meeting's words mark it as another forum's, two-sided talks or one state's own
    ("the G7 summit", "a bilateral meeting", "US-Ukraine talks", "a cabinet meeting")."""
    return bool(_OTHER_WORDS.search(text) or _PAIR.search(text) or _DOMESTIC.search(text))


def _forum(clause: Clause, phrase: Sequence[Token], affiliations: Mapping[str, Ref]) -> bool:
    """Whether the meeting is marked as another forum's or as talks with an outside power."""
    unit = clause.unit
    if names_another_forum(_text_of(phrase)):
        return True
    if not phrase and _DOMESTIC.search(_text_of(_subject_tokens(clause))):
        return True  # "the cabinet met", "party leaders gathered"
    for argument in clause.arguments:
        mention = argument.mention
        ref = mention.value
        if not isinstance(ref, Ref):
            continue
        inside = _within(phrase, unit, mention)
        if (
            inside
            and mention.kind is MentionKind.ORGANIZATION
            and ref.kind is EntityKind.ORGANIZATION
            and _modifies(unit, mention, phrase)
        ):
            return True
        met = clause.action is Action.MEET and argument.role == "object"  # "meets Mr Trump"
        counterpart = (
            met
            or argument.role in {"with", "between"}
            or (inside and _prep_above(unit, mention, phrase) in {"with", "between"})
        )
        if counterpart and _state_of(mention, affiliations) in OUTSIDE_POWERS:
            return True
    return False


def _subject_tokens(clause: Clause) -> list[Token]:
    """The words of a meeting verb's own subject ("Peru's cabinet" in "Peru's cabinet met")."""
    token = predicate_token(clause)
    if token is None or clause.action is not Action.MEET:
        return []
    return [t for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]


def forum_of(clause: Clause, phrase: Sequence[Token]) -> Ref | None:
    """The organisation (not the coalition) the meeting's phrase is of: written as its modifier
    ("a NATO summit", "the next Contact Group meeting", "a meeting of the European Council"),
    not a place it is held at or a group of its participants' ("talks with NATO officials")."""
    for argument in clause.arguments:
        mention = argument.mention
        ref = mention.value
        if (
            isinstance(ref, Ref)
            and ref.kind is EntityKind.ORGANIZATION
            and mention.kind is MentionKind.ORGANIZATION
            and _within(phrase, clause.unit, mention)
            and _modifies(clause.unit, mention, phrase)
        ):
            return ref
    return None


def _modifies(unit: Unit, mention: Mention, phrase: Sequence[Token]) -> bool:
    """An organisation written as the meeting's own modifier ("a NATO summit", "EU talks",
    "a meeting of the Contact Group"), not a place it is held at."""
    token = mention_token(unit, mention)
    if token is None:
        return False
    return _premodifies(token) or (
        token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head in phrase
    )


def _premodifies(token: Token) -> bool:
    """A modifier of the meeting noun itself, through other modifiers ("a NATO defence
    ministers meeting"), not of another noun in its phrase ("30 countries, mainly NATO
    allies")."""
    while token.dep_ in {"compound", "poss", "nmod", "amod"} and token.head.i != token.i:
        token = token.head
        if _is_meeting_noun(token):
            return True
    return False


def _prep_above(unit: Unit, mention: Mention, phrase: Sequence[Token]) -> str:
    token = mention_token(unit, mention)
    while token is not None and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            return token.head.lower_
        if token.dep_ not in {"conj", "appos", "compound"}:
            return ""
        token = token.head
    return ""


def _state_of(mention: Mention, affiliations: Mapping[str, Ref]) -> str | None:
    ref = mention.value
    if not isinstance(ref, Ref):
        return None
    if ref.kind is EntityKind.STATE:
        return ref.key
    if mention.of is not None and mention.of.kind is EntityKind.STATE:
        return mention.of.key
    known = affiliations.get(ref.key)
    return known.key if known is not None else None


def _agents(clause: Clause, *roles: str) -> list[Ref]:
    return [
        m.value
        for m in clause.agents(*roles)
        if isinstance(m.value, Ref)
        and m.value.kind in {EntityKind.STATE, EntityKind.PERSON, EntityKind.ORGANIZATION}
        and m.form != "demonym"
    ]


def _party(token: Token) -> bool:
    """A side of "between A and B" that is a named party: a proper name, not a day ("between
    12 and 14 May") nor a group ("between the coalition and Peru" is the coalition's)."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ not in {"DATE", "TIME"}
        and token.lower_ not in {"coalition", "willing"}
    )


def _two_sided(clause: Clause, phrase: Sequence[Token]) -> bool:
    """Talks of one party with one other ("Starmer met Meloni", "talks between Kyiv and Washington")
    and no group: a bilateral meeting, not the coalition's."""
    if any(t.lower_ in {"leaders", "allies", "partners", "countries", "ministers"} for t in phrase):
        return False
    pairs = {Action.MEET, Action.HOST}
    if clause.action not in pairs and not phrase:
        return False
    if any(a.mention.value == COALITION for a in clause.arguments):
        return False  # "UK to host Ukraine coalition meeting": a meeting of the group
    sides = _agents(clause, "subject") if clause.action in pairs else []
    others = _agents(clause, "with", "between", "object")
    if any(t.lower_ == "between" for t in phrase):
        return len(others) + len(sides) == 2
    return len(sides) == 1 and len(others) == 1 and not _group_subject(clause)


def _group_subject(clause: Clause) -> bool:
    token = predicate_token(clause)
    if token is None:
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (c.tag_ in {"NNS", "NNPS"} or any(g.dep_ == "conj" for g in c.children))
        for c in token.children
    )


def _names_coalition(clause: Clause, phrase: Sequence[Token]) -> bool:
    """The coalition owns the meeting ("a coalition summit", "a meeting of the coalition") or is
    the subject or an attendee of the clause ("the coalition will hold its next meeting")."""
    if any(t.lower_ == "coalition" and not _topic(t, phrase) for t in phrase):
        return True
    token = predicate_token(clause)
    if token is not None and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "coalition" for c in token.children
    ):
        return True
    return any(
        a.mention.value == COALITION
        and a.role in {"subject", "object", "by", "with", "of"}
        and _through_of(clause, a.mention)
        for a in clause.arguments
    )


_BUSINESS = re.compile(
    r"\bpeace-?keep\w*|\breassurance force\b|\bmultinational force\b|\bsecurity guarantees?\b|"
    r"\bpost-ceasefire force\b|\bcoalition of the willing\b",
    re.I,
)
"""The coalition's own business: a meeting held for it is the coalition's."""
_PURPOSE_VERBS = frozenset(
    {"focus", "discuss", "consider", "prepare", "plan", "continue", "finalise", "finalize",
     "advance", "work", "centre", "center", "dedicate", "devote", "review", "coordinate"}
)  # fmt: skip
_ROLES = frozenset({"role", "part", "contribution", "participation", "position", "stance"})


def _for_coalition(clause: Clause, noun: Token | None, phrase: Sequence[Token]) -> bool:
    """A meeting whose stated purpose is the coalition's business ("a new meeting in Paris to
    continue preparations for a peacekeeping force", "a call focused on the coalition of the
    willing", "talks on security guarantees for Ukraine", "leaders met to plan the reassurance
    force"). Not one a state holds on its own part in it ("to discuss the country's role in the
    guarantees"), nor one an organisation's phrase or subject marks as its own ("EU leaders met
    to discuss security guarantees")."""
    top = predicate_token(clause)
    heads = [t for t in (noun, top) if t is not None]
    purposes = [
        c
        for head in heads
        for c in head.children
        if (c.dep_ == "prep" and c.lower_ in {"on", "about", "over", "for"} and head is noun)
        or (c.dep_ in {"acl", "advcl", "xcomp", "relcl", "conj"} and _purposive(c))
    ]
    return any(_business(p) for p in purposes) and not _organisation_owned(clause, phrase)


def _purposive(token: Token) -> bool:
    """A clause that says what a meeting is for: an infinitive ("to discuss …") or a verb of
    focus or preparation ("focused on …")."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return infinitive or token.lemma_.lower() in _PURPOSE_VERBS


def _business(token: Token) -> bool:
    """The purpose speaks of the coalition's business, not of a state's own part in it nor of
    another meeting ("to consider the outcomes of the recent coalition meeting")."""
    words = list(token.subtree)
    if any(t.lemma_.lower() in _ROLES and any(c.dep_ == "poss" for c in t.children) for t in words):
        return False  # "the country's role in providing security guarantees"
    if any(_is_meeting_noun(t) for t in words):
        return False
    return bool(_BUSINESS.search(_text_of(words)))


def _organisation_owned(clause: Clause, phrase: Sequence[Token]) -> bool:
    """An organisation other than the coalition in the meeting's phrase or the clause's subject
    ("a NATO meeting", "EU leaders met"): that organisation's meeting."""
    subject = _subject_tokens(clause)
    for argument in clause.arguments:
        mention = argument.mention
        if mention.kind is not MentionKind.ORGANIZATION or mention.value == COALITION:
            continue
        if _within(phrase, clause.unit, mention) or _within(subject, clause.unit, mention):
            return True
    return False


def _topic(token: Token, phrase: Sequence[Token]) -> bool:
    """A word of the meeting's phrase under "on"/"about" names its topic ("a meeting of the
    parliament's factions on the coalition"), not whose meeting it is."""
    while token in phrase and token.head.i != token.i and token.head in phrase:
        if token.dep_ == "pobj" and token.head.lower_ in {"on", "about", "regarding", "over"}:
            return True
        token = token.head
    return False


def _through_of(clause: Clause, mention: Mention) -> bool:
    """The coalition is the clause's own agent, or that of a group it names ("leaders of the
    coalition met"), not the frame of something else ("as part of the coalition")."""
    token = mention_token(clause.unit, mention)
    top = predicate_token(clause)
    while token is not None and top is not None and token.i != top.i:
        if token.dep_ == "prep" and token.lower_ not in {"of", "by", "with"}:
            return False
        if token.lower_ in {"part", "framework", "role", "member", "members"}:
            return False
        if token.head.i == token.i:
            return False
        token = token.head
    return True


def _cue(
    clause: Clause,
    noun: Token | None,
    nouns: Sequence[Token],
    anchor: dt.date | None,
    affiliations: Mapping[str, Ref],
    lead: bool = False,
) -> Cue:
    unit = clause.unit
    phrase = _phrase_tokens(noun) if noun is not None else []
    others = [t for n in nouns if noun is None or n.i != noun.i for t in _phrase_tokens(n)]
    dates = [d for d in clause.dates if not _dateline(unit, d) and not _said_on(clause, d)]
    own = [d for d in dates if phrase and _within(phrase, unit, d)]
    free = [d for d in dates if not _within(others, unit, d)]
    earlier = noun is not None and _earlier(clause, noun)
    apart = earlier or (noun is not None and (_ahead(noun) or _sought(noun)))
    day, end = None, None
    for mention in own if apart else own or free:
        day, end = resolve_date(clause, mention, anchor)
        if day is not None:
            break
    tensed = (
        day is None
        and not apart
        and lead
        and anchor is not None
        and (_present(clause) or (_reported(clause) and not dates))
        and _happening(clause, noun)
    )
    if tensed:
        day = anchor
    held = [
        p
        for p in clause.places
        if _prep_above(unit, p, ()) not in {"from", "to", "into"}
        and not any(_dateline(unit, d) and p.span.end <= d.span.start for d in clause.dates)
        and not _acting(clause, p)
    ]
    places = tuple(p for p in held if not phrase or _within(phrase, unit, p)) or tuple(
        p for p in held if not _within(others, unit, p) and not apart
    )
    phrase_text = _text_of(phrase)
    kind = kind_of(phrase_text) if phrase else "meeting"
    if kind == "meeting":
        kind = kind_near([t for t in _clause_tokens(clause) if t not in others], noun)
    return Cue(
        clause=clause,
        noun=noun,
        day=day,
        end=end,
        kind=kind,
        coalition=_names_coalition(clause, phrase)
        or _for_coalition(clause, noun, phrase)
        or _after_coalition_name(noun),
        other=_other(clause, phrase, affiliations),
        forum=forum_of(clause, phrase) if phrase else None,
        paired=not _forum(clause, phrase, affiliations) and _two_sided(clause, phrase),
        week=_week(dates),
        definite=noun is None or _definite(noun),
        places=places,
        format=_noun_format(noun, phrase_text) if noun is not None else None,
        tensed=tensed,
        happening=_happening(clause, noun),
        earlier=earlier,
        sequel=noun is not None and _sequel(noun),
    )


def _said_on(clause: Clause, mention: Mention) -> bool:
    """A date a clause in the future or short of an assertion inherits from the clause it is
    said, planned or agreed under ("Peru said on 3 May that the leaders would meet", "met on
    Thursday and will meet again", "said on 3 May that it had hosted a summit"): the day of the
    saying, never that of a meeting still to come or one held before it."""
    inherited = not clause.start <= mention.span.start < clause.end
    token = predicate_token(clause)
    before = token is not None and pluperfect(token)  # "said on 3 May that it had hosted …"
    return inherited and (clause.tense == "future" or clause.modality != "asserted" or before)


def pluperfect(token: Token) -> bool:
    """ "had said", "had hosted": what was done before the time the text speaks of."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


_HYPOTHETICAL = frozenset({"if", "unless", "whether", "once", "until"})
_PRESENT = frozenset({"VB", "VBP", "VBZ"})
_TIME_MARKS = frozenset({"when", "after", "before", "once", "as", "until", "whenever"})
_TIME_NOUNS = frozenset({"moment", "time", "day", "point", "minute"})


def done(token: Token) -> bool:
    """Whether the parse says the predicate's act took place: not an aim ("talks to press for a
    deal"), not a condition or question ("if Peru agrees", "whether Chile confirms"), not
    an act an infinitive leaves undone ("failed to agree", "hopes to confirm"), not one a
    clause of time in the present sets ahead ("the moment Chile and Peru sign a deal", "when
    Peru agrees")."""
    if any(
        (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL)
        for c in token.children
    ):
        return False
    return not (token.tag_ in _PRESENT and _of_time(token))


def _of_time(token: Token) -> bool:
    """A clause of time: "when …", "after …", or one that qualifies "the moment", "the day"."""
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    if token.dep_ != "ROOT" and before is not None and before.lemma_.lower() in _TIME_NOUNS:
        return True  # "… the moment X and Y sign …"
    if token.dep_ == "advcl":
        return any(c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_MARKS for c in token.children)
    return token.dep_ in {"relcl", "acl"} and token.head.lemma_.lower() in _TIME_NOUNS


_SEEKING = frozenset({Action.PLAN, Action.CALL_FOR})


def _sought(noun: Token) -> bool:
    """A meeting noun a verb of planning, proposing or calling for has as its object
    ("proposed a summit in Lima", "called for talks", "is preparing a meeting"): a meeting
    sought, not held, which takes no date of its clause — only its own phrase's ("proposed a
    summit on 12 May")."""
    if noun.dep_ == "dobj":
        verb = noun.head.lemma_.lower()
    elif noun.dep_ == "pobj" and noun.head.lower_ == "for":
        verb = f"{noun.head.head.lemma_.lower()} for"  # "called for talks"
    else:
        return False
    return LEXICON.get(verb) in _SEEKING


_REMOTE_NOUNS = frozenset({"call", "videoconference", "teleconference", "videocall", "hookup"})
"""Meeting nouns that are remote by what they are: a call is held by phone or video."""


def _noun_format(noun: Token, phrase: str) -> str | None:
    """The format a meeting noun's phrase gives ("a virtual summit", "an in-person and virtual
    gathering"), else the noun's own: a call is virtual ("a call with European leaders"), not
    a call for something ("her call for more air defence" is an appeal)."""
    said = format_of(phrase)
    if said is not None or noun.lemma_.lower() not in _REMOTE_NOUNS:
        return said
    appeal = any(
        (c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ in {"acl", "relcl"} and c.tag_ == "VB")
        for c in noun.children
    )
    return None if appeal else "virtual"


def _week(dates: Sequence[Mention]) -> dt.date | None:
    """The first day of a week a clause's date names ("last week", "this week")."""
    for mention in dates:
        if mention.form == "relative-week" and isinstance(mention.value, dt.date):
            return mention.value
    return None


def _ahead(noun: Token) -> bool:
    """A meeting something happens ahead of ("hugged him ahead of the summit", "met before the
    summit"): a later meeting than the clause's, which takes no day or place of it."""
    if _after_coalition_name(noun):  # the parse hangs the noun on the name: read the name's place
        noun = next(
            t for t in reversed(noun.doc[max(0, noun.i - 6) : noun.i]) if t.lower_ == "coalition"
        )
    preposition = noun.head if noun.dep_ == "pobj" else None
    if preposition is None:
        return False
    if preposition.lower_ == "of" and preposition.head.lower_ in {"ahead", "prior"}:
        return True
    return preposition.lower_ in {"before", "ahead"}


def _after_coalition_name(noun: Token | None) -> bool:
    """The coalition's name written right before the meeting noun ("the so-called 'coalition of
    the willing' meeting"), which the parse may have made the noun's head instead."""
    if noun is None:
        return False
    words = [t.lower_ for t in noun.doc[max(0, noun.i - 6) : noun.i] if not t.is_punct]
    return words[-4:] == ["coalition", "of", "the", "willing"]


_EARLIER = frozenset({"recent", "previous", "earlier", "prior", "preceding", "past"})


def _earlier(clause: Clause, noun: Token) -> bool:
    """A meeting noun its own modifier sets before the time of the report ("the recent summit",
    "a previous coalition meeting"): another meeting than the one reported, which takes no date
    of its clause ("met on Tuesday to review the recent summit": Tuesday is not the summit's).
    The words before the noun are read as written, a name in them skipped whole (the parse may
    hang the modifier on the name: "the recent Coalition of the Willing meeting")."""
    base = clause.unit.paragraph.start
    names = [(a.mention.span.start - base, a.mention.span.end - base) for a in clause.arguments]
    token = noun
    while token.i > token.sent.start:
        token = token.doc[token.i - 1]
        if token.lemma_.lower() in _EARLIER:
            return True
        named = any(s <= token.idx < e for s, e in names) or _in_name(token)
        if not named and token.dep_ not in {"compound", "amod", "nmod", "punct", "hyph"}:
            return False
    return False


_LINKS = frozenset({"of", "the", "and", "for", "de"})


def _in_name(token: Token) -> bool:
    """A word of a capitalised name ("Coalition of the Willing"), whichever clause the parse
    gives the name to: a capitalised word, or a small word between two of them."""
    if token.is_title or token.is_upper:
        return True
    if token.lower_ not in _LINKS:
        return False
    doc = token.doc
    left = next(
        (t for t in reversed(doc[max(0, token.i - 3) : token.i]) if t.lower_ not in _LINKS), None
    )
    right = next((t for t in doc[token.i + 1 : token.i + 4] if t.lower_ not in _LINKS), None)
    return left is not None and right is not None and left.is_title and right.is_title


_SEQUEL = frozenset({"another", "further", "next"})


def _sequel(noun: Token) -> bool:
    """A meeting noun numbered in a series by its own modifier ("a second summit", "another
    meeting", "the 7th meeting")."""
    return any(
        c.dep_ in {"amod", "det", "nummod"} and (c.lower_ in _SEQUEL or c.ent_type_ == "ORDINAL")
        for c in noun.children
    )


def _acting(clause: Clause, mention: Mention) -> bool:
    """A "place" that is the clause's own subject does what the clause says (a title or body the
    name table took for a place: "the Ombudsman attended"), it is not where the meeting is held;
    only a host verb's subject is a place that holds it ("Rome hosts the summit")."""
    return clause.action is not Action.HOST and any(
        a.mention == mention and a.role == "subject" for a in clause.arguments
    )


_DATELINE_END = re.compile(r"^\s*(?:[—–-]|\(|/)")


def _dateline(unit: Unit, mention: Mention) -> bool:
    """A date opening a report ("LISBON, 3 May 2026 — …", "3 May (Agency) -"): the day it was
    filed, not the day of what it reports."""
    offset = mention.span.start - unit.start
    after = unit.text[mention.span.end - unit.start :]
    return offset <= 40 and bool(_DATELINE_END.match(after))


def caption_list(clause: Clause, noun: Token | None) -> set[int]:
    """The tokens of a caption's list of agents at a meeting — a verbless root and its conjuncts
    and appositions, naming an agent, one of which has the meeting noun "at", "during" or "for"
    it ("A, B and C at the coalition summit", "A and B in Kyiv for the summit") — else nothing
    ("Funding for the summit" lists no agent)."""
    top = predicate_token(clause)
    if top is None or noun is None or top.dep_ != "ROOT" or top.pos_ not in {"NOUN", "PROPN"}:
        return set()
    listed = {top.i} | {t.i for t in top.subtree if _listed_under(t, top)}
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "for 'coalition of the willing' summit" parsed as "for coalition"
    at = noun.dep_ == "pobj" and noun.head.lower_ in {"at", "during", "for"}
    agents = {
        token.i
        for a in clause.arguments
        if a.mention.kind in _LISTED and (token := mention_token(clause.unit, a.mention))
    }
    return listed if at and noun.head.head.i in listed and listed & agents else set()


_LISTED = frozenset({MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION,
                     MentionKind.ROLE})  # fmt: skip


def _listed_under(token: Token, top: Token) -> bool:
    """``token`` is a conjunct or apposition of ``top`` (through others): an item of its list."""
    while token.i != top.i and token.dep_ in {"conj", "appos"}:
        token = token.head
    return token.i == top.i


def _happening(clause: Clause, noun: Token | None) -> bool:
    """The clause tells the meeting itself taking place ("leaders meet", "the summit opens", a
    caption "A and B at the summit"), not something it is the object of ("it follows a
    meeting")."""
    if noun is None:
        return clause.action in _MEETING_ACTIONS or clause.action is Action.JOIN
    if caption_list(clause, noun) or _at_meeting(clause, noun):
        return True
    return noun.dep_ in {"nsubj", "nsubjpass", "ROOT"} or clause.action in {
        Action.MEET,
        Action.ATTEND,
        Action.HOST,
        Action.CHAIR,
        Action.JOIN,
    }


def _at_meeting(clause: Clause, noun: Token) -> bool:
    """A headline's predicate done "at" a meeting ("X pledges aid at virtual summit"), or a
    verbless caption's people "at" one ("Ministers of the alliance at Monday's talks in Oslo",
    wherever the parse hangs the "at"), tells the meeting taking place, as the report's lead."""
    top = predicate_token(clause)
    if top is None or noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return False
    if top.dep_ == "ROOT" and top.pos_ in {"NOUN", "PROPN"}:
        return True
    return clause.unit.kind is UnitKind.HEADLINE and (
        noun.head.head.i == top.i or noun.head.head.head.i == top.i
    )  # "pledges aid at …", or the parse hangs "at" on the object: "pledges [aid at …]"


def _present(clause: Clause) -> bool:
    """A report's lead in the present tense tells what happens on the day it is published
    ("Leaders meet in Paris", "a meeting is beginning at the palace"); a plan or a future ("to
    meet", "will meet") and the past give no day."""
    token = predicate_token(clause)
    infinitive = token is not None and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )
    return (
        clause.tense == "present"
        and clause.modality == "asserted"
        and clause.polarity
        and not infinitive
    )


def _reported(clause: Clause) -> bool:
    """A report's lead in the simple or present perfect past tells the meeting the report is
    about, on the day it is published ("leaders gathered in Rome", "the summit has ended"), when
    the clause writes no date of its own; a past before another ("had met") is an earlier one."""
    token = predicate_token(clause)
    other = token is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _NOT_PAST for c in token.children
    )
    asserted = clause.modality == "asserted" and clause.polarity
    return clause.tense == "past" and asserted and not other


_NOT_PAST = frozenset({"had", "'d", "is", "are", "am", "'s", "'re", "be", "being"})
"""Auxiliaries of a participle that make it no report of the past: a past before another ("had
met"), a present passive or a plan in progress ("is set to", "is being arranged")."""


def _meeting_nouns(clause: Clause, tokens: Sequence[Token], owner: Token | None) -> list[Token]:
    """The meeting nouns a clause owns: in its own extent, or the noun a participle clause
    modifies ("the summit hosted by…"); a plural one only over one span of days
    (:func:`_ranged_plural`)."""
    nouns = [t for t in tokens if _is_meeting_noun(t) or _ranged_plural(clause, t)]
    participle = owner
    if participle is not None and participle.dep_ == "conj" and participle.tag_ == "VBN":
        participle = participle.head  # "the talks launched and mediated by C": both the talks'
    modified = (
        participle.head if participle is not None and participle.dep_ in {"acl", "relcl"} else None
    )
    if modified is not None and (_is_meeting_noun(modified) or _ranged_plural(clause, modified)):
        nouns.insert(0, modified)
    if owner is not None and owner.dep_ == "pcomp":
        paired = [(t, fronted_pair(t)) for t in owner.head.children]
        nouns.extend(t for t, verb in paired if verb is not None and verb.i == owner.i)
    shared = _shared_subject(clause, owner)
    if shared is not None and not nouns:
        nouns.append(shared)
    return nouns


def fronted_pair(noun: Token) -> Token | None:
    """The predicate a meeting noun is conjoined with when the parse hangs it straight on a
    fronted preposition ("Despite being represented at the meeting on 15 March, and the 10 May
    meeting, X …": the second meeting is the object of "Despite", after "and", beside its
    "being represented"): that predicate, whose clause says of it what it says of the first."""
    if noun.dep_ != "pobj" or not _is_meeting_noun(noun):
        return None
    siblings = list(noun.head.children)
    verbs = [
        t for t in siblings if t.dep_ == "pcomp" and t.pos_ in {"VERB", "AUX"} and t.i < noun.i
    ]
    joined = any(t.dep_ == "cc" and verbs and verbs[0].i < t.i < noun.i for t in siblings)
    return verbs[0] if verbs and joined else None


def _ranged_plural(clause: Clause, noun: Token) -> bool:
    """A plural meeting noun ("meetings", "talks" aside; also "planning days") is one meeting of
    several days when its phrase, with the participles and relative clauses hanging from it,
    holds one date of the clause and that date is a span ("the planning meetings held on Monday
    through Wednesday", "three planning days from 4–6 May") or a bracket of its own
    (:func:`_bracketed`); or, when it holds none, the clause it is an argument of holds one date
    and that is a span (a bracket there is another meeting's: "in addition to summits, …").
    With several days, or none, a plural names no one meeting (several single days:
    :func:`date_siblings`)."""
    if noun.tag_ != "NNS" or noun.lower_ == "talks":
        return False
    lemma = noun.lemma_.lower()
    planning = lemma == "day" and any(c.lower_ == "planning" for c in noun.children)
    if lemma not in MEETING_NOUNS and not planning:
        return False
    own = [d for d in clause.dates if _within(list(noun.subtree), clause.unit, d)]
    if own:
        return len(own) == 1 and (own[0].end is not None or _bracketed(clause.unit, own[0]))
    spans = clause.dates if _argument_of(noun, predicate_token(clause)) else ()
    return len(spans) == 1 and spans[0].end is not None  # "attended planning meetings on 4–6 May"


def _argument_of(noun: Token, top: Token | None) -> bool:
    """``noun`` is the predicate's subject or object, or the object of a preposition on one of
    these or on the predicate ("continue talks across two planning days from 4–6 May")."""
    token = noun
    while top is not None and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "prep"}:
        if token.head.i == top.i:
            return True
        token = token.head
    return False


def _bracketed(unit: Unit, mention: Mention) -> bool:
    """A date written in brackets right after a meeting's modifier — "its first ministerial
    (2 May, Lima) and second directors-level (4 June, Quito) meetings": the plural the brackets'
    modifiers share is one meeting per bracket, the last one that of the plural's own phrase."""
    before = unit.text[: mention.span.start - unit.start]
    after = unit.text[mention.span.end - unit.start :]
    return before.rstrip().endswith("(") and ")" in after  # "(3 and 5 May)" is not one date


def _shared_subject(clause: Clause, owner: Token | None) -> Token | None:
    """The meeting noun a conjoined predicate with no subject of its own shares with the one
    before it ("the summit opened in Lima and was addressed by X": the summit)."""
    if owner is None or owner.dep_ != "conj" or not clause.subjectless:
        return None
    return next((c for c in owner.head.children if c.dep_ == "nsubj" and _is_meeting_noun(c)), None)


def _when_of(clause: Clause, token: Token | None, clauses: Sequence[Clause]) -> Clause | None:
    """The clause a "when" clause dates ("X was launched on 4 May, when Y convened a meeting"):
    the meeting is on its day, and is the coalition's when that clause's subject is."""
    if token is None or clause.governor is None or clause.governor >= len(clauses):
        return None
    if not any(c.lower_ == "when" and c.dep_ == "advmod" for c in token.children):
        return None
    return clauses[clause.governor]


_SERIES_VERBS = frozenset({"follow", "build", "succeed"})
_SERIES_PREPS = frozenset({"after", "following", "since"})


def _follows(noun: Token, top: Token | None) -> Token | str | None:
    """The earlier meeting's later step, when the clause presents ``noun`` as an earlier step of
    a series (see :attr:`Cue.follows`): "follows", "builds on", "succeeds", "comes after" it."""
    if top is None or noun.i == top.i or not _linked_back(noun, top):
        return None
    subjects = [c for c in top.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != noun.i]
    if subjects and _is_meeting_noun(subjects[0]):
        return subjects[0]
    if subjects and subjects[0].lower_ in {"this", "it", "that"}:
        return "it"
    if top.dep_ in {"acl", "relcl"} and _is_meeting_noun(top.head) and top.head.i != noun.i:
        return top.head
    if not subjects and top.dep_ in {"advcl", "conj", "xcomp"}:
        mine = {t.i for t in top.subtree}
        nouns = [t for t in top.head.subtree if t.i not in mine and _is_meeting_noun(t)]
        return nouns[0] if nouns else None  # "is to host a summit, building on the gathering"
    return None


def _linked_back(noun: Token, top: Token) -> bool:
    """``noun`` is what the predicate follows or builds on (its object, "by"/"on" phrase), or
    hangs from "after"/"following" on it."""
    token = noun
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    series = top.lemma_.lower() in _SERIES_VERBS
    if token.head.i == top.i:
        return series and token.dep_ in {"dobj", "nsubjpass"}
    preposition = token.head
    if token.dep_ != "pobj" or preposition.head.i != top.i:
        return False
    word = preposition.lower_
    return word in _SERIES_PREPS or (series and word in {"on", "by", "upon"})


def date_siblings(cue: Cue, noun: Token, anchor: dt.date | None) -> Iterator[Cue]:
    """The further meetings of a verb's cue ("skipped", "attended") whose one plural meeting
    noun dates several in its own phrase ("the 3 July and 9 August meetings", "the meetings of
    3 July and 9 August"): one cue per further day, the first day being the cue's own (a
    singular noun, "the 3-4 July summit", is one meeting; a plural alone is none)."""
    if cue.day is None or cue.tensed:
        return
    unit, phrase = cue.clause.unit, _phrase_tokens(noun)
    if noun.dep_ == "conj" and noun.head.i != noun.i:
        phrase = _phrase_tokens(noun.head)  # parsed "[3 July] and [9 August meetings]"
    days = [
        resolve_date(cue.clause, mention, anchor)
        for mention in cue.clause.dates
        if _within(phrase, unit, mention) and not _dateline(unit, mention)
    ]
    if cue.day not in {day for day, _ in days}:
        return  # the cue's day is not the noun's: its dates are of another meeting
    seen = {cue.day}
    for day, end in days:
        if day is not None and day not in seen:
            seen.add(day)
            yield replace(cue, day=day, end=end)


def _dated_nearby(cue: Cue, clauses: Sequence[Clause], anchor: dt.date | None) -> Cue:
    """A meeting noun without a day of its own takes the day a participle of its phrase writes
    ("a virtual meeting of leaders hosted by X on Saturday", "the summit, held on 4 May,")."""
    if cue.noun is None or (cue.day is not None and not cue.tensed):
        return cue
    for clause in clauses:
        token = predicate_token(clause)
        if token is None or token.dep_ not in {"acl", "relcl"} or not clause.dates:
            continue
        if _meeting_phrase_of(token.head) != cue.noun:
            continue
        for mention in clause.dates:
            day, end = resolve_date(clause, mention, anchor)
            if day is not None:
                return replace(cue, day=day, end=end, tensed=False)
    return cue


def _pair_dated(cue: Cue, clauses: Sequence[Clause], anchor: dt.date | None) -> Cue:
    """A meeting noun conjoined across a fronted preposition (:func:`fronted_pair`) lies outside
    its clause's extent: its day is the one its own phrase writes ("…, and the 10 May meeting"),
    read from the sentence's clauses, never the first meeting's."""
    if cue.noun is None:
        return cue
    phrase, unit = _phrase_tokens(cue.noun), cue.clause.unit
    own = [(c, m) for c in clauses for m in c.dates if _within(phrase, unit, m)]
    for clause, mention in own:
        day, end = resolve_date(clause, mention, anchor)
        if day is not None:
            return replace(cue, day=day, end=end, tensed=False)
    return replace(cue, day=None, end=None, tensed=False)


def _dated_by(cue: Cue, when: Clause, anchor: dt.date | None) -> Cue:
    """A cue of a "when" clause takes the day of the clause it dates, and is the coalition's
    when that clause's subject is the coalition ("the coalition was launched on 4 May, when …")."""
    if cue.day is None or cue.tensed:
        for mention in when.dates:
            day, end = resolve_date(when, mention, anchor)
            if day is not None:
                cue = replace(cue, day=day, end=end, tensed=False)
                break
    founding = _names_coalition(when, []) and not cue.other
    return replace(cue, coalition=True) if founding else cue


def _owned(noun: Token, owner: Token | None, clauses: Sequence[Clause]) -> bool:
    """A meeting noun is its nearest predicate's (or the noun its participle modifies): "met on
    Tuesday to review the recent summit" — the summit is the review's, not the meeting's."""
    if owner is None or (owner.dep_ in {"acl", "relcl"} and noun.i == owner.head.i):
        return True
    if owner.dep_ == "conj" and owner.tag_ == "VBN" and owner.head.dep_ in {"acl", "relcl"}:
        return noun.i == owner.head.head.i  # "the talks launched and mediated by C"
    if owner.dep_ == "conj" and noun.dep_ == "nsubj" and noun.head.i == owner.head.i:
        return True  # the subject a conjoined predicate shares (:func:`_shared_subject`)
    predicates = {
        t.i
        for t in (predicate_token(c) for c in clauses)
        if t is not None
        and (t.i == owner.i or (t.lemma_ not in {"be", "have"} and t.dep_ != "acl"))
    }  # a light verb or a noun's participle owns no noun alone: "noted there was no deal at the
    # summit", "among the leaders taking part in the meeting, in addition to A"
    beside = [c for c in noun.head.children if c.dep_ == "pcomp" and c.i in predicates]
    if noun.dep_ == "pobj" and beside:  # "despite being represented at A, and the B meeting"
        return beside[0].i == owner.i
    token = noun
    while token.i not in predicates and token.head.i != token.i:
        token = token.head
    return token.i == owner.i or token.i not in predicates


def _conceded(noun: Token) -> bool:
    """A meeting the clause's predicate is said *despite* ("Despite the 10 May meeting, X was not
    represented at the 27 May one") is not what the predicate speaks of: it comes after the
    clause's own meeting noun, which is the one the clause is read for."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "despite"


def _joined(clause: Clause, token: Token | None) -> bool:
    """ "X joined (by video)", "X was joined by Y": joining a meeting, not a body (which is the
    verb's object: "joined the coalition")."""
    if clause.action is not Action.JOIN or token is None:
        return False
    return clause.passive or not any(c.dep_ in {"dobj", "attr"} for c in token.children)


def cues(
    clauses: Iterable[Clause],
    anchor: dt.date | None,
    affiliations: Mapping[str, Ref],
    lead: bool = False,
) -> Iterator[Cue]:
    """Every meeting cue, in text order: one per meeting noun a clause owns, else one for a
    clause whose predicate is a meeting, attendance, absence, host or chair verb."""
    clauses = list(clauses)
    for clause in clauses:
        owner = predicate_token(clause)
        tokens = _clause_tokens(clause)
        found = _meeting_nouns(clause, tokens, owner)
        held = [n for n in found if not _did_not_happen(clause, owner, n)]
        if len(held) < len(found) or (not found and _did_not_happen(clause, owner, None)):
            found = held  # "did not hold a meeting", "no talks", "the summit was cancelled":
            if not found:  # no meeting, nor one of the verb alone ("no meeting was held")
                continue
        nouns = sorted((n for n in found if _owned(n, owner, clauses)), key=_conceded)
        when = _when_of(clause, owner, clauses)
        if nouns:
            for noun in nouns:
                cue = _cue(clause, noun, found, anchor, affiliations, lead)
                cue = _dated_by(cue, when, anchor) if when is not None else cue
                cue = replace(cue, follows=_follows(noun, owner))
                cue = _pair_dated(cue, clauses, anchor) if fronted_pair(noun) else cue
                yield _dated_nearby(cue, clauses, anchor)
        elif (
            (
                clause.action in _MEETING_ACTIONS
                and not _describes(clause, owner)
                and not _takes_part_in_other(clause, owner)
            )
            or _joined(clause, owner)
            or _as_did(clause, clauses)
            or _alongside(clause, clauses)
        ):
            cue = _cue(clause, None, found, anchor, affiliations, lead)  # others' dates aside
            forum = next_sitting(clause, owner)
            if forum is not None:
                cue = replace(cue, other=True, coalition=False, forum=forum)
            yield cue
            plural = [t for t in tokens if t.tag_ == "NNS" and t.lemma_.lower() in MEETING_NOUNS]
            for noun in plural if len(plural) == 1 else ():
                yield from date_siblings(cue, noun, anchor)


_TALKS = frozenset({"talk", "talks"}) | NEGOTIATION_NOUNS | _ATTEMPTS
_UNSURE = frozenset({"conditional", "possible"})


_CALLED_OFF = frozenset({"cancel", "postpone", "scrap", "shelve", "abandon"})


def _did_not_happen(clause: Clause, owner: Token | None, noun: Token | None) -> bool:
    """The clause says the meeting of ``noun`` (None: of its verb alone) did not or will not
    take place: a meeting noun under "no" or only supposed (:func:`_unreal`); a negated verb of
    meeting whose own subject or object it is, or that has none ("did not hold a meeting", "the
    leaders will not meet on Monday" — not "did not attend" or "did not host", nor "did not meet
    Peru at the summit": those meetings took place); a meeting called off ("the summit was
    cancelled", "postponed the meeting", "called off the talks")."""
    if noun is not None and _unreal(clause, noun):
        return True
    if owner is None:
        return False
    own = noun is None or (noun.head.i == owner.i and noun.dep_ in _OWN_ARGUMENTS)
    if not clause.polarity and clause.action is Action.MEET:
        return own
    lemma = owner.lemma_.lower()
    called_off = lemma in _CALLED_OFF or (
        lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in owner.children)
    )
    return called_off and noun is not None and own


_OWN_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})


def _unreal(clause: Clause, noun: Token) -> bool:
    """A meeting noun the text says did not take place ("there were no talks between A and B"),
    or talks a clause only supposes ("C would mediate talks between A and B"): no meeting."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    return clause.modality in _UNSURE and noun.lower_ in _TALKS


def _describes(clause: Clause, token: Token | None) -> bool:
    """A host or chair verb describing something that is no meeting: a relative or participle
    clause of another noun ("the coalition, which is co-chaired by A and B", also as the second
    of two conjoined predicates: "which was born in X and is co-chaired by A and B"), or a verb
    whose own object is a body ("the coalition is chaired by A", "B chairs the coalition")."""
    if clause.action not in {Action.HOST, Action.CHAIR} or token is None:
        return False
    if next_sitting(clause, token) is not None:
        return False  # "will chair the next Contact Group": a meeting of that group
    prefix = token.doc[token.i - 2] if token.i >= 2 else None
    if prefix is not None and prefix.lower_ == "co" and token.doc[token.i - 1].text == "-":
        token = prefix  # "co-chaired" split in three: the parse attaches "co"
    if any(c.lemma_.lower() in _BODIES for c in _hosted(token)):
        return True
    while token.dep_ in {"conj", "ccomp"} and token.head.i != token.i:
        token = token.head  # "which was born in X and is co-chaired by A and B"
    return token.dep_ in {"relcl", "acl"} and _meeting_phrase_of(token.head) is None


def next_sitting(clause: Clause, token: Token | None) -> Ref | None:
    """The organisation a host or chair verb hosts the next sitting of ("will chair the next
    Contact Group on 11 April", "hosts the upcoming European Council"): a meeting of that
    organisation, though no meeting noun is written. Hosting or chairing the organisation
    itself ("chairs the Contact Group") is no meeting."""
    if clause.action not in {Action.HOST, Action.CHAIR} or token is None:
        return None
    hosted = {t.i: t for t in _hosted(token)}
    forward = [t for t in hosted.values() if any(c.lower_ in _FORWARD for c in t.children)]
    for argument in clause.arguments:
        mention, ref = argument.mention, argument.mention.value
        if not isinstance(ref, Ref) or ref.kind is not EntityKind.ORGANIZATION:
            continue
        head = mention_token(clause.unit, mention)
        if head is not None and any(head.i == t.i for t in forward):
            return ref
    return None


def _meeting_phrase_of(token: Token) -> Token | None:
    """The meeting noun whose phrase ``token`` is in: the noun itself, or a noun of its "of"
    phrase ("a meeting of world leaders hosted by X": the participle hangs on "leaders")."""
    for _ in range(3):
        if _is_meeting_noun(token):
            return token
        if token.dep_ != "pobj" or token.head.lower_ != "of" or token.head.head.i == token.i:
            return None
        token = token.head.head
    return None


def _hosted(token: Token) -> list[Token]:
    """What a host or chair verb hosts: its object, or its subject when passive (also when the
    parse hangs the subject on the auxiliary: "the coalition is co-chaired by…")."""
    near = [token, *(c for c in token.children if c.dep_ in {"aux", "auxpass"})]
    if token.head.i != token.i and token.head.dep_ in {"aux", "auxpass"}:
        near.append(token.head)
    passive = any(c.dep_ in {"agent", "auxpass"} for c in token.children) or any(
        t.dep_ == "auxpass" for t in near
    )
    deps = {"dobj", "nsubjpass"} | ({"nsubj"} if passive else set())
    return [c for t in near for c in t.children if c.dep_ in deps]


def _takes_part_in_other(clause: Clause, token: Token | None) -> bool:
    """An attendance verb whose complement is something other than one meeting: taking part in
    an operation, a force or a doing ("could take part in guaranteeing security",
    "participating in a peacekeeping force"), or in meetings in general ("represented X at the
    coalition's meetings")."""
    if clause.action is not Action.ATTEND or token is None:
        return False
    objects = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == _TAKEN_PART.get(clause.predicate)
        for g in c.children
        if g.dep_ in {"pobj", "pcomp"}
    ]
    if clause.predicate == "attend":  # "attended the ceremony"
        objects += [c for c in token.children if c.dep_ == "dobj"]
    return any(
        o.pos_ in {"NOUN", "VERB"}
        and not _is_meeting_noun(o)
        and o.lemma_.lower() not in _MANNERS
        and o.lower_ not in {"meetings", "summits", "talks"}
        for o in objects
    ) or any(o.lower_ in {"meetings", "summits"} for o in objects)


_TAKEN_PART = {"take part": "in", "participate": "in", "join in": "in", "represent": "at",
               "be represented": "at", "be present": "at"}  # fmt: skip
"""The preposition that names what one takes part in ("take part in", "represented at")."""


_MANNERS = frozenset(
    {"person", "absentia", "public", "private", "addition", "total", "principle", "capital",
     "form", "way", "role", "capacity", "video", "time"}
)  # fmt: skip
"""Nouns of "in"/"at" phrases that say how one took part, not in what ("in person")."""


_BODIES = frozenset(
    {"coalition", "initiative", "alliance", "force", "mission", "group", "grouping", "headquarters",
     "effort", "process", "cell", "operation", "format", "coordination"}
)  # fmt: skip
"""Nouns of a body or an undertaking, not a meeting: hosting or chairing one is no meeting."""


def _as_did(clause: Clause, clauses: Sequence[Clause]) -> bool:
    """ "…, as did B" after an attendance clause: B did the same."""
    if clause.predicate != "do" or clause.action is not None or clause.governor is None:
        return False
    governor = clauses[clause.governor] if clause.governor < len(clauses) else None
    return governor is not None and governor.action in {Action.ATTEND, Action.JOIN, Action.MEET}


_ALONGSIDE = frozenset({"alongside", "along", "including"})


def _alongside(clause: Clause, clauses: Sequence[Clause]) -> bool:
    """A predicate joined to an attendance clause that names who else was there ("took part in
    a call on Saturday, focused on X, alongside A and B"): its "alongside" agents attended."""
    if clause.action in _MEETING_ACTIONS or clause.governor is None or not clause.subjectless:
        return False
    governor = clauses[clause.governor] if clause.governor < len(clauses) else None
    attends = governor is not None and governor.action in {Action.ATTEND, Action.JOIN}
    return attends and any(a.role in _ALONGSIDE for a in clause.arguments)


# --------------------------------------------------------------------------------------------
# Binding cues to meetings
# --------------------------------------------------------------------------------------------


def _compatible(meeting: Meeting, cue: Cue) -> bool:
    if meeting.negotiation and (cue.noun is None or cue.noun.lower_ not in _TALKS):
        return False  # "the negotiations between A and B …. Participants at the summit"
    kinds = {meeting.kind, cue.kind}
    if len(kinds) == 2 and "meeting" not in kinds:
        return False
    if cue.other != meeting.other and (cue.other or cue.coalition):
        return False
    return not _contradicts(meeting, cue)


_NEWS_WINDOW = dt.timedelta(days=7)
"""How far from the day a report is published its lead may date the meeting its headline tells
in the present or past: a day written further off is another meeting the lead recalls."""


def _redates(main: Meeting, cue: Cue) -> bool:
    """A day the lead writes for a meeting taking place dates the main meeting that the
    headline's tense dated to the report's day — only within the news window: "On 2 May leaders
    met in Oslo" in a report of 28 May recalls an earlier meeting, it is not the one reported."""
    if not main.tensed or main.day is None or cue.day is None or cue.tensed:
        return False
    near = abs(cue.day - main.day) <= _NEWS_WINDOW
    return cue.happening and near and _compatible(main, cue)


def _outside_week(meeting: Meeting, cue: Cue) -> bool:
    """The cue's week ("met in Paris last week") is not the week of the meeting's day."""
    if cue.week is None or meeting.day is None:
        return False
    return not cue.week <= meeting.day < cue.week + dt.timedelta(days=7)


def _contradicts(meeting: Meeting, cue: Cue) -> bool:
    if _outside_week(meeting, cue):
        return True
    if not meeting.places or not cue.places:
        return False
    mine = {_key(p) for p in meeting.places} | {_within_key(p) for p in meeting.places}
    theirs = {_key(p) for p in cue.places} | {_within_key(p) for p in cue.places}
    return not mine & theirs


def _key(mention: Mention) -> str:
    return mention.value.key if isinstance(mention.value, Ref) else ""


def _within_key(mention: Mention) -> str:
    key = _key(mention)
    return key.rsplit("-", 1)[-1] if "-" in key else key


def _lead(units: Sequence[Unit]) -> set[int]:
    """Indexes of the headline and the first sentences after it."""
    out: set[int] = set()
    sentences = 0
    for index, unit in enumerate(units):
        if unit.kind is UnitKind.REFERENCE:
            break
        out.add(index)
        if unit.kind in {UnitKind.SENTENCE, UnitKind.LIST_ITEM}:
            sentences += 1
            if sentences >= _LEAD_UNITS:
                break
    return out


class _Binder:
    """Cues to meetings, in text order (see the module docstring)."""

    def __init__(self, source: Source, lead_names_coalition: bool, series: bool) -> None:
        self.source = source
        self.lead_names_coalition = lead_names_coalition
        self.series = series
        self.meetings: list[Meeting] = []
        self.main: Meeting | None = None
        self.recent: Meeting | None = None
        self.recent_paragraph = -1
        """The meeting last named, and in which paragraph: "the meeting" there is that one."""
        self.own: tuple[Meeting | None, int] = (None, -1)
        """The meeting not marked other last named, and in which paragraph."""
        self.nouns: dict[tuple[int, int], Meeting] = {}
        """Meeting nouns already bound (paragraph, token index) → their meeting."""

    def bind(self, cue: Cue, in_lead: bool) -> Meeting | None:
        noun_of = self._named(cue)
        if noun_of is not None:  # "I joined a meeting … convened by X": one noun, one meeting
            if noun_of.tensed and cue.day is not None and not cue.tensed:
                # "talks brokered by C took place on 4 June": the written day, not the report's
                noun_of.day, noun_of.end, noun_of.tensed = cue.day, cue.end, False
            return self._join(noun_of, cue)
        if (not cue.other or cue.paired) and self._continues(cue):
            # "this coalition summit follows a meeting …", also one between two of its states
            cue = replace(cue, coalition=True, other=False)
        if cue.sequel and not cue.other and self._series(_paragraph(cue)):
            cue = replace(cue, coalition=True)  # "… launched when A met. A second meeting …"
        if cue.tensed and self.main is not None and self.main.day is not None:
            # the report's day is that of its main meeting, dated already
            cue = replace(cue, day=None, end=None, tensed=False)
        if cue.earlier and cue.day is None:
            return self._earlier(cue)  # "the recent summit in Rome": not the reported one
        if cue.sequel and not cue.coalition and not cue.definite and cue.day is not None:
            return self._open(cue, main=False)  # "held another meeting with X on Friday"
        if in_lead and not cue.other and _substantial(cue) and (cue.definite or cue.happening):
            if self.main is None and self.recent is not None and _bare(cue):
                return self._join(self.recent, cue)  # "X convened a meeting of …. The meeting"
            placed = self._placed(cue) if cue.day is None and cue.definite else None
            if self.main is None and placed is not None:
                return self._join(placed, cue)  # "the Paris talks" after "a meeting in Paris"
            if self.main is None:
                self.main = self._open(cue, main=True)
                return self.main
            if _redates(self.main, cue):
                self.main.day, self.main.end, self.main.tensed = cue.day, cue.end, False
            recalled = self._recalled(cue)
            if recalled is not None:  # "On 2 May X hosted a summit. The meeting was …"
                return self._join(recalled, cue)
            same_day = cue.day in {None, self.main.day} or (self.main.day is None and cue.happening)
            placed = self._placed(cue) if cue.day is None and not self.main.places else None
            if placed is not None:  # "the Paris talks": the meeting said to be in Paris
                return self._join(placed, cue)
            if same_day and _compatible(self.main, cue):
                return self._join(self.main, cue)
        if cue.day is not None:
            for meeting in self.meetings:
                if meeting.day == cue.day and _compatible(meeting, cue):
                    return self._join(meeting, cue)
            undated = self.main is not None and self.main.day is None
            named = cue.noun is not None and cue.definite and cue.happening
            if undated and named and self.main is not None and _compatible(self.main, cue):
                return self._join(self.main, cue)  # "the call on Saturday": the article's call
            return self._open(cue, main=False)
        if cue.other:  # another forum's meeting or talks with one party: a meeting of its own
            meets = cue.noun is not None or cue.clause.action is Action.MEET
            return self._open(cue, main=False) if meets else None
        if not cue.definite and cue.noun is not None:
            return self._open(cue, main=False) if cue.places or cue.coalition else None
        recent = self.recent if self.recent_paragraph == _paragraph(cue) else None
        placed = self._placed(cue)
        for candidate in [placed, recent, self.main, *reversed(self.meetings)]:
            if candidate is not None and _compatible(candidate, cue):
                return self._join(candidate, cue)
        return self._open(cue, main=False) if cue.places else None

    def _recalled(self, cue: Cue) -> Meeting | None:
        """The other meeting a lead named just before a bare "the meeting" of the same
        paragraph: the lead recalling an earlier meeting goes on speaking of it, not of the
        article's main meeting."""
        recent = self.recent
        if recent is None or recent is self.main or self.recent_paragraph != _paragraph(cue):
            return None
        return recent if _bare(cue) and _compatible(recent, cue) else None

    def _continues(self, cue: Cue) -> bool:
        """The cue's meeting is an earlier step of a coalition meeting's series: what the clause
        says it came before (:attr:`Cue.follows`) is a meeting of the coalition."""
        later: Meeting | None = None
        if isinstance(cue.follows, Token):
            later = self.nouns.get((_paragraph(cue), cue.follows.i))
        elif cue.follows == "it":
            own, at = self.own
            later = own if at == _paragraph(cue) else self.main
        return later is not None and later.coalition and not later.other

    def _named(self, cue: Cue) -> Meeting | None:
        """The meeting a clause bound before through the same meeting noun: a participle or
        relative clause of the noun ("a meeting … convened by X", "the summit, which Y hosted")
        speaks of the meeting its noun names, whatever its own date or kind."""
        if cue.noun is None:
            return None
        return self.nouns.get((_paragraph(cue), cue.noun.i))

    def _series(self, paragraph: int) -> bool:
        """The meeting last named in this paragraph (other forums' and talks with one party
        aside) is the coalition's: "a second meeting", "another meeting" go on with its series."""
        own, at = self.own
        return own is not None and at == paragraph and own.coalition

    def _placed(self, cue: Cue) -> Meeting | None:
        """The last meeting said to be held where an undated definite cue places its meeting
        ("the Paris talks" after "the recent meeting in Paris"); one of the cue's own forum
        first ("the London summit" is not the bilateral talks held in London before it)."""
        if not cue.places:
            return None
        placed = [m for m in self.meetings if m.places and _compatible(m, cue)]
        same = [m for m in placed if m.other == cue.other]
        return (same or placed)[-1] if placed else None

    def _earlier(self, cue: Cue) -> Meeting:
        """An earlier meeting: one named before as earlier and not contradicting the cue, else a
        meeting of its own."""
        for meeting in reversed(self.meetings):
            if meeting.earlier and _compatible(meeting, cue):
                return self._join(meeting, cue)
        meeting = self._open(cue, main=False)
        meeting.earlier = True
        return meeting

    def _open(self, cue: Cue, main: bool) -> Meeting:
        coalition = not cue.other and (
            cue.coalition or self.series or (main and self.lead_names_coalition)
        )
        meeting = Meeting(
            ref=Ref(EntityKind.MEETING, ""),
            day=cue.day,
            end=cue.end,
            kind=cue.kind,
            coalition=coalition,
            other=cue.other,
            main=main,
            tensed=cue.tensed,
            week=cue.week,
            forum=cue.forum if cue.other else None,
            negotiation=cue.noun is not None and _negotiation(cue.noun),
        )
        self.meetings.append(meeting)
        return self._join(meeting, cue)

    def _join(self, meeting: Meeting, cue: Cue) -> Meeting:
        self.recent, self.recent_paragraph = meeting, _paragraph(cue)
        if cue.noun is not None:
            self.nouns.setdefault((_paragraph(cue), cue.noun.i), meeting)
        if not meeting.other:
            self.own = meeting, _paragraph(cue)
        if meeting.day is None and cue.day is not None:
            meeting.day, meeting.end = cue.day, cue.end
        if meeting.day is None and meeting.week is None:
            meeting.week = cue.week
        if meeting.kind == "meeting":
            meeting.kind = cue.kind
        meeting.coalition = meeting.coalition or (cue.coalition and not meeting.other)
        if meeting.other and meeting.forum is None:
            meeting.forum = cue.forum
        meeting.places.extend(p for p in cue.places if p not in meeting.places)
        if cue.format is not None:
            meeting.formats.append((cue.format, cue.clause.unit))
        if cue.clause.unit not in meeting.units:
            meeting.units.append(cue.clause.unit)
        return meeting

    def merge_undated(self) -> dict[int, Meeting]:
        """An undated meeting that is the one dated meeting of the source of its kind held where
        it is (both unplaced, or at the same place) is that meeting ("took part in a meeting of
        the coalition" beside "today's coalition meeting"): ``id(undated)`` → the dated one."""
        merged: dict[int, Meeting] = {}
        for meeting in [m for m in self.meetings if m.day is None and not m.earlier]:
            same = [d for d in self.meetings if d.day is not None and _same(meeting, d)]
            if len(same) == 1:
                merged[id(meeting)] = _absorb(same[0], meeting)
        self.meetings = [m for m in self.meetings if id(m) not in merged]
        return merged

    def keyed(self) -> list[Meeting]:
        for meeting in self.meetings:
            place = _venue(meeting.places)
            meeting.ref = meeting_key(
                meeting,
                self.source,
                place.value if place is not None and isinstance(place.value, Ref) else None,
            )
        return self.meetings


def _same(undated: Meeting, dated: Meeting) -> bool:
    kinds = {undated.kind, dated.kind} - {"meeting"}
    places = {_key(p) for p in undated.places}, {_key(p) for p in dated.places}
    held = places[0] & places[1] if all(places) else not any(places)
    week = undated.week
    other_week = (
        week is not None
        and dated.day is not None
        and not week <= dated.day < week + dt.timedelta(days=7)
    )
    return len(kinds) <= 1 and undated.other == dated.other and bool(held) and not other_week


def _absorb(dated: Meeting, undated: Meeting) -> Meeting:
    """``dated`` with what the text says of ``undated`` (the same meeting)."""
    dated.coalition = dated.coalition or undated.coalition
    dated.main = dated.main or undated.main
    dated.places.extend(p for p in undated.places if p not in dated.places)
    dated.formats.extend(undated.formats)
    dated.units.extend(u for u in undated.units if u not in dated.units)
    if dated.kind == "meeting":
        dated.kind = undated.kind
    return dated


def _bare(cue: Cue) -> bool:
    """A meeting noun with nothing of its own but a definite article ("the meeting", "this
    call"): the meeting named just before, whatever forum's it is."""
    noun = cue.noun
    return (
        noun is not None
        and not cue.coalition
        and not cue.places
        and all(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
            for c in noun.children
            if c.dep_ not in {"prep", "acl", "relcl", "punct"}
        )
        and any(c.dep_ == "det" for c in noun.children)
    )


def _paragraph(cue: Cue) -> int:
    return cue.clause.unit.paragraph.index


def _substantial(cue: Cue) -> bool:
    """A cue that can open the article's main meeting: a meeting noun or a meeting verb (not a
    conditional one: "the country would join" tells no meeting)."""
    if cue.noun is not None:
        return True
    unsure = cue.clause.modality in {"conditional", "possible"}
    return cue.clause.action in _MEETING_ACTIONS - {Action.ABSENT} and not unsure


def _venue(places: Sequence[Mention]) -> Mention | None:
    """The most precise place: a venue (its key carries its city) over a city."""
    if not places:
        return None
    venues = [p for p in places if "-" in _key(p)]
    return (venues or list(places))[0]


def venue(meeting: Meeting) -> Mention | None:
    """The place a meeting is said to be held at (a venue over its city)."""
    return _venue(meeting.places)


def build_frame(
    source: Source,
    units: Sequence[tuple[Unit, Sequence[Clause]]],
    affiliations: Mapping[str, Ref],
    cited: Callable[[Unit], dt.date | None] | None = None,
) -> Frame:
    """The meeting frame of a source's units and clause records (``cited``: the date a cited
    reference gives its work, for the meetings its title tells of; see :func:`_cited`)."""
    lead = _lead([u for u, _ in units])
    lead_clauses = [c for i, (_, cs) in enumerate(units) if i in lead for c in cs]
    names = any(m.value == COALITION for c in lead_clauses for m in c.agents()) or any(
        "coalition" in u.text.lower() for i, (u, _) in enumerate(units) if i in lead
    )
    series = source.kind not in {"news"} and "coalition" in source.title.lower()
    binder = _Binder(source, names, series)
    bound: dict[int, Meeting] = {}
    found: dict[int, Cue] = {}
    also: dict[int, list[tuple[Cue, Meeting]]] = {}
    for index, (unit, clauses) in enumerate(units):
        if unit.kind is UnitKind.REFERENCE:
            continue  # a cited work's title speaks of its own day, which the frame cannot read
        for cue in cues(clauses, source.date, affiliations, index in lead):
            meeting = binder.bind(cue, index in lead)
            if meeting is not None and id(cue.clause) not in bound:
                bound[id(cue.clause)] = meeting
                found[id(cue.clause)] = cue
            elif meeting is not None and meeting is not bound.get(id(cue.clause)):
                also.setdefault(id(cue.clause), []).append((cue, meeting))
    merged = binder.merge_undated()
    bound = {clause: merged.get(id(meeting), meeting) for clause, meeting in bound.items()}
    further = {
        clause: tuple((cue, merged.get(id(m), m)) for cue, m in pairs)
        for clause, pairs in also.items()
    }
    meetings = binder.keyed()
    for reference in _references(units) if cited is not None else ():
        anchor = cited(reference[0][0]) if cited is not None else None
        meetings += _cited(source, reference, anchor, affiliations, bound, found)
    return Frame(tuple(meetings), bound, found, further)


def _references(
    units: Sequence[tuple[Unit, Sequence[Clause]]],
) -> list[list[tuple[Unit, Sequence[Clause]]]]:
    """The units of each cited reference (its title, the passage it quotes), by line."""
    lines: dict[int, list[tuple[Unit, Sequence[Clause]]]] = {}
    for unit, clauses in units:
        if unit.kind is UnitKind.REFERENCE:
            lines.setdefault(unit.paragraph.index, []).append((unit, clauses))
    return list(lines.values())


def _cited(
    source: Source,
    reference: Sequence[tuple[Unit, Sequence[Clause]]],
    anchor: dt.date | None,
    affiliations: Mapping[str, Ref],
    bound: dict[int, Meeting],
    found: dict[int, Cue],
) -> list[Meeting]:
    """The meetings a dated reference's title (and the passage it quotes) tells of, read as the
    lead of a report published on the reference's date ``anchor`` ("France hosts coalition
    meeting": that day; "UK to host meeting Thursday": the Thursday after it; with no ``anchor``
    only a date the title writes counts); only dated
    meetings that are not another forum's are kept: an undated or earlier one is no meeting the
    reference dates. ``bound`` and ``found`` get the clauses bound to them."""
    names = any("coalition" in unit.text.lower() for unit, _ in reference)
    binder = _Binder(source, names, series=False)
    local: dict[int, tuple[Meeting, Cue]] = {}
    for _, clauses in reference:
        for cue in cues(clauses, anchor, affiliations, lead=True):
            if cue.tensed and not tells_its_day(cue.clause):
                cue = replace(cue, day=None, end=None, tensed=False)
            meeting = binder.bind(cue, True)
            if meeting is not None:
                local.setdefault(id(cue.clause), (meeting, cue))
    merged = binder.merge_undated()
    told = {id(merged.get(id(m), m)) for m, cue in local.values() if _tells_meeting(cue)}
    kept = [
        m
        for m in binder.keyed()
        if m.day is not None and m.coalition and not (m.other or m.earlier) and id(m) in told
    ]
    for clause, (meeting, cue) in local.items():
        meeting = merged.get(id(meeting), meeting)
        if any(meeting is k for k in kept):
            bound[clause], found[clause] = meeting, cue
    return kept


def _tells_meeting(cue: Cue) -> bool:
    """A cue that names a meeting itself: a meeting noun or a verb of meeting ("leaders meet"),
    not a verb of attending or hosting alone ("the force includes…", "the HQ hosts planners")."""
    return cue.noun is not None or cue.clause.action is Action.MEET


_FINITE = frozenset({"VBZ", "VBP", "VBD"})


def tells_its_day(clause: Clause) -> bool:
    """A headline's clause that tells what happens or happened on the day it is published: an
    asserted finite verb in the present or past ("France hosts …", "leaders met", "is attended
    by"), or a verbless title ("Virtual leaders meeting of …"); not a gerund, an infinitive or a
    future ("confirms UK hosting a call", "to host", "will meet")."""
    token = predicate_token(clause)
    if token is None or clause.modality != "asserted" or not clause.polarity:
        return False
    finite_aux = any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in token.children)
    verbless = token.dep_ == "ROOT" and token.pos_ in {"NOUN", "PROPN"}
    return token.tag_ in _FINITE or (token.tag_ == "VBN" and finite_aux) or verbless


PENDING_MEETING = Ref(EntityKind.MEETING, "meeting-of-this-source")
"""The meeting a statement was made at when the clause gives no date ("after the summit"):
:func:`cowkg.derive.attach_statement_meetings` replaces it by the source's one coalition meeting,
or drops it."""
