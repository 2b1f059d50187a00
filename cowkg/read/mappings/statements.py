"""Statements: who said, announced, confirmed, called for, denied, warned or revealed what.

Reported speech comes in a few shapes, all read from the clause records and their parse, never
from a cue phrase of one passage:

- a reporting predicate (the ``say``/``announce``/``confirm``/``call-for``/``deny``/``warn``
  classes of :data:`cowkg.read.clauses.LEXICON`) with a subject and a content — a complement
  clause ("X said (that) …", "“…,” X told reporters"), or for announcing, confirming, calling for,
  denying and warning an object or prepositional phrase ("X called for a ceasefire", "X warned of
  delays");
- a clause with an ``according to X`` argument: the rest of the clause is X's;
- a heading or line of the form ``Name: content`` ("Boric: we stand ready");
- an invitation to act ("X invited Peru to join …": called-for, Peru addressed);
- a briefing: "X briefed Y on Z", "X provided an update to Y on Z" (:func:`briefing`: said, Y
  addressed, the content Z);
- a passive reporting verb said in someone's writing, with no agent of its own ("In a briefing
  by X, the plan was described as …", "in X's report": :func:`_authors`); words said in a
  writing to someone ("in a letter to Y") are addressed to Y (:func:`written_to`).

A statement reported in the past runs on into the next sentences that continue it in the
reported form ("X said that Chile was taking steps. These included …"): :func:`_run_on`.

The speaker is the person among the subjects, else a state or organisation; a title beside it is
the capacity, the state it speaks for the ``on_behalf_of``; "he"/"she" is the person last named
before the unit; "we"/"I" inside a quotation the speaker of the clause outside it that reports
it (:mod:`cowkg.read.quotations`), with that clause's day and meeting. What a statement is about:
the agents, dated meetings and documents its words name. The further sentences of a quotation
are read by :mod:`~cowkg.read.mappings.quoted`, from the statements here (:func:`told_in`). A
negated or future reporting verb ("did not say", "will announce") is no statement. The meeting a
statement was made at ("said after the summit", "told the meeting") is only marked here;
:mod:`cowkg.derive` attaches it to a dated meeting of the graph or drops it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from cowkg.mentions import COALITION, listed_label, reanchored
from cowkg.read.agents import ORGAN_HEADS
from cowkg.read.clauses import LEXICON, Action, Clause
from cowkg.read.continuation import continues_report, next_units, reported_form
from cowkg.read.frame import (
    PENDING_MEETING,
    Meeting,
    done,
    mention_token,
    pluperfect,
    predicate_token,
)
from cowkg.read.mappings.about import REPORTS, reference_date
from cowkg.read.mappings.documents import documents_in
from cowkg.read.mappings.meetings import frame_of
from cowkg.read.mappings.outlets import (
    PUBLISHING,
    REPORT_NOUNS,
    known_outlet,
    last_outlet,
    outlet_key,
    outlet_named,
    outlets,
    publisher_ref,
)
from cowkg.read.quotations import PROSE, Quotation, quotation_at
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:statement"

SPEECH_ACTS: Mapping[Action, str] = {
    Action.SAY: "said",
    Action.ANNOUNCE: "announced",
    Action.CONFIRM: "confirmed",
    Action.CALL_FOR: "called-for",
    Action.DENY: "denied",
    Action.WARN: "warned",
}
"""Reporting action → speech act (a ``cow:SpeechAct`` concept of the ontology)."""
_REPORTING_LEMMAS = frozenset(
    lemma for lemma, action in LEXICON.items() if action in SPEECH_ACTS and " " not in lemma
)
LEMMA_ACTS: Mapping[str, str] = {
    **dict.fromkeys(["reveal", "disclose"], "revealed"),
    **dict.fromkeys(["accuse", "blame"], "accused"),
    "thank": "thanked",
    **dict.fromkeys(["condemn", "denounce", "criticise", "criticize"], "condemned"),
}
"""Reporting predicates whose speech act is narrower than their action's: revealing what was
not known, accusing, thanking, condemning (each a ``cow:SpeechAct`` concept)."""
INVITING = frozenset({"invite"})
"""Predicates of no reporting action that call for something when they ask someone to act
("X invited Peru to join …": called-for, Peru the addressee)."""
NO_CONTENT_OBJECT = frozenset(
    {"say", "tell", "add", "write", "think", "believe", "hope", "assure", "address"}
)
"""Saying predicates whose object is not what was said ("told reporters", "said nothing",
"addressed the summit" names whom X spoke to): only a complement clause is their content. Other
saying predicates report their object ("stressed the need for talks", "expressed readiness to
help", "described the plan as sound")."""
_BRIDGING_PREPS = frozenset({"of", "for", "as"})
"""Prepositions that go on with an object as one content: "accused Peru of stalling", "thanked
Chile for its help", "described the force as a deterrent"."""
_PLACEHOLDERS = frozenset({"the", "following", "as", "follows", "these", "this", "points"})
"""Words of a content that only announces the list after it ("the following", "as follows")."""
SEATS: Mapping[str, str] = {
    "kremlin": "RUS",
    "downing-street-london": "GBR",
    "white-house-washington": "USA",
    "elysee-palace-paris": "FRA",
}
"""Seats of government that stand for their state when they speak (a place key of
``data/places.yaml``, or the bare word when no list names the place) → ISO 3166 alpha-3."""
_GROUPS_OF_STATES = frozenset(
    {"leader", "minister", "government", "representative", "official", "envoy", "diplomat"}
)
"""People of a post who speak for the states of their "of"/"from" phrase."""


_CLAUSAL = frozenset({"ccomp", "parataxis"})
_NOMINAL = frozenset({"dobj", "xcomp", "oprd"})
_CONTENT_PREPS = frozenset({"for", "of", "against", "about", "on", "over", "as"})
_MEETING_NOUNS = frozenset(
    {"summit", "meeting", "talks", "call", "conference", "gathering", "videoconference",
     "session", "ministerial"}
)  # fmt: skip
_AT_PREPS = frozenset({"at", "after", "during", "following", "on", "before", "ahead", "in"})
_PRONOUNS = frozenset({"he", "she"})
_SPEAKER_KINDS = (MentionKind.PERSON, MentionKind.STATE, MentionKind.ORGANIZATION)
_EDGE = " \t\"'“”‘’,;:.-–—…•·*"
_QUOTES = frozenset('"“”«»')
_HEADING = re.compile(r"^(?P<who>[^:\n]{2,60}?)\s*:\s+(?P<what>\S.*)$")
_PRONOUN_LOOKBACK = 600
"""How far back (characters) "he"/"she" looks for the person it stands for."""


def read_statements(reading: Reading) -> Iterator[Fact]:
    """Every statement of the source: reporting clauses, ``according to`` and ``Name:`` lines,
    each with the sentences its words run on into (:func:`_run_on`)."""
    said = told_in(reading)
    extended = _run_on(reading, said)
    for one in said:
        yield extended.get(id(one.fact), one.fact)


@dataclass(frozen=True, slots=True)
class Told:
    """A statement this mapping read, with where the words that report it stand (the reporting
    predicate, "according", the name before a colon) and where its content is, in the source:
    :mod:`~cowkg.read.mappings.quoted` tells by them who speaks in a quotation."""

    at: int
    fact: Fact
    content: tuple[int, int]


def told_in(reading: Reading) -> list[Told]:
    """The statements of :func:`read_statements`, read once per reading (:attr:`Reading.memo`)."""
    found = reading.memo.get("told")
    if not isinstance(found, list):
        found = reading.memo["told"] = list(_told(reading))
    return found


def _told(reading: Reading) -> Iterator[Told]:
    for unit, clauses in reading.units:
        found = list(_reported(reading, unit, clauses))
        found += _own_according(reading, unit, clauses, found)
        for at, fact in found or [(unit.start, f) for f in _headed(reading, unit)]:
            yield Told(at, fact, content_span(reading, fact))


def _own_according(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], reported: Sequence[tuple[int, Fact]]
) -> list[tuple[int, Fact]]:
    """The "according to" statements of a unit whose phrase is no reporting clause's and whose
    words are not inside or around those of one ("According to X, Y said that …" and "Y stated,
    according to X, that …" are Y's, not also X's; "Y declared …, and according to X, Z …" is
    both)."""
    spans = [content_span(reading, f) for _, f in reported]
    reporting = {at for at, _ in reported}
    own = [c for c in clauses if c.trigger.start not in reporting]
    return [
        (at, fact)
        for at, fact in _according(reading, unit, own)
        if not any(_overlap(content_span(reading, fact), span) for span in spans)
    ]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def content_span(reading: Reading, fact: Fact) -> tuple[int, int]:
    """Where a statement's words are: its text in the last passage it cites (its own unit)."""
    unit = fact.evidence[-1]
    text = str(fact.args["text"])
    start = reading.source.text.find(text, unit.start, unit.end)
    return (start, start + len(text)) if start >= 0 else (unit.start, unit.end)


# -- words that run on into the next sentences ----------------------------------------------------

_MARKERS = re.compile(r"\[\w{1,4}\]")
"""A reference marker ("[113]"), which closes a sentence after its words."""


def _run_on(reading: Reading, said: Sequence[Told]) -> dict[int, Fact]:
    """The statements whose words go on past their sentence (by ``id`` of the fact read there),
    extended. A statement reported in the past ("X said that Britain was taking steps") whose
    content closes its sentence runs on into each next sentence of the paragraph that speaks in
    its backshifted or modal form and points back to it ("These included …", "It would …", "The
    United Kingdom would play a leading role in it": :func:`~cowkg.read.continuation.\
continues_report`), up to a sentence with a speaker of its own, one in the narrator's present,
    future or plain past, or the paragraph's end. One statement, not one per sentence: "These
    included …" says nothing without the steps it lists."""
    extended: dict[int, Fact] = {}
    for unit, clauses in reading.units:
        last = last_reported(reading, unit, said)
        past = {c.trigger.start for c in clauses if c.tense == "past"}
        if not last or last[0].at not in past or not _closes(reading, unit, last[0].content[1]):
            continue
        backshifted = _backshifted(unit, last[0].at)
        following: list[Unit] = []
        for later, clauses_after in next_units(reading, unit):
            speaks = any(c.action in SPEECH_ACTS for c in clauses_after)
            if speaks or not continues_report(later, backshifted):
                break
            following.append(later)
        for one in last if following else ():
            extended[id(one.fact)] = _ran_on(reading, one, following)
    return extended


def _backshifted(unit: Unit, at: int) -> bool:
    """Whether the words the reporting predicate at ``at`` reports are in the past or the
    backshifted modal ("said that Britain was taking steps", "that it would"): a clause, not
    a noun phrase."""
    token = _token(unit, at)
    content = [c for c in token.children if c.dep_ in _CLAUSAL] if token is not None else []
    return bool(content) and reported_form(content[0]) is not None


def last_reported(reading: Reading, unit: Unit, said: Sequence[Told]) -> list[Told]:
    """The statements of the last reporting clause of ``unit`` that stands outside quotations
    and reports words of the unit."""
    inside = [
        one for one in said if unit.start <= one.at < unit.end
        and quotation_at(reading, one.at) is None and unit.start <= one.content[0] < unit.end
    ]  # fmt: skip
    if not inside:
        return []
    last = max(one.at for one in inside)
    return [one for one in inside if one.at == last]


def _closes(reading: Reading, unit: Unit, end: int) -> bool:
    """Whether words ending at ``end`` close ``unit`` (only stops, marks and reference markers
    after them): a content followed by the narrator's words ("…, while Peru waits") runs on into
    nothing."""
    return not _MARKERS.sub("", reading.source.text[end : unit.end]).strip(_EDGE + "!?)]")


def _ran_on(reading: Reading, one: Told, following: Sequence[Unit]) -> Fact:
    """``one``'s statement with its words running on through ``following``: the text from its
    start to the last sentence's end, what those sentences name and the days they cover added,
    citing each sentence too (same speaker, act, day, meeting, capacity and addressees)."""
    fact, source = one.fact, reading.source
    last = following[-1]
    end = last.start + len(_MARKERS.sub(lambda m: " " * len(m.group()), last.text).rstrip(_EDGE))
    text = source.text[one.content[0] : end]
    speaker, act, date = fact.args["speaker"], str(fact.args["speech_act"]), fact.args.get("date")
    told, meeting = fact.args.get("addressee") or (), fact.args.get("meeting")
    assert isinstance(speaker, Ref) and isinstance(told, tuple), fact
    assert (date is None or isinstance(date, dt.date)) and (
        meeting is None or isinstance(meeting, Ref)
    )
    about = [r for r in _tuple(fact.args.get("about")) if isinstance(r, Ref)]
    covers = [d for d in _tuple(fact.args.get("covers")) if isinstance(d, dt.date)]
    for unit in following:
        about += _about(reading, unit.start, unit.end, {speaker, *told})
        covers += days_named(reading, unit.start, unit.end, words_day(reading, date, meeting))
    args = dict(fact.args, statement=_statement_ref(speaker, act, text, date), text=text)
    if about:
        args["about"] = tuple(dict.fromkeys(about))
    if covers:
        args["covers"] = tuple(dict.fromkeys(covers))
    evidence = (*fact.evidence, *(unit.evidence(source) for unit in following))
    return Fact(FactKind.STATEMENT, args, evidence, fact.method)


def _tuple(value: FactValue | None) -> tuple[object, ...]:
    return value if isinstance(value, tuple) else ()


# -- the three shapes ---------------------------------------------------------------------------


def _reported(
    reading: Reading, unit: Unit, clauses: Sequence[Clause]
) -> Iterator[tuple[int, Fact]]:
    for clause in clauses:
        action = clause.action
        briefed = briefing(reading, unit, clause)
        if briefed is not None:
            yield clause.trigger.start, briefed
            continue
        if action is not None and action in SPEECH_ACTS:
            act = LEMMA_ACTS.get(clause.predicate, SPEECH_ACTS[action])
        elif clause.predicate in INVITING and _asks_to_act(unit, clause):
            act = SPEECH_ACTS[Action.CALL_FOR]
        else:
            continue
        nominal = action is not Action.SAY or clause.predicate not in NO_CONTENT_OBJECT
        for fact in statements_of(reading, unit, clause, act, nominal=nominal):
            yield clause.trigger.start, fact


BRIEFING_VERBS = frozenset({"brief", "update", "inform"})
"""Telling verbs whose object is whom they tell and whose "on"/"about" phrase is what they told
("briefed Peru on the talks", "updated the Senate about the force")."""
BRIEFING_NOUNS = frozenset(
    {"update", "briefing", "statement", "report", "address", "speech", "account", "overview",
     "assessment", "presentation", "testimony", "readout"}
)  # fmt: skip
"""Nouns of a telling given to someone ("provided an update to the Senate on …")."""
_GIVING = frozenset({"provide", "give", "deliver", "present", "make", "submit"})
"""Verbs that give a telling noun to its hearers ("gave a briefing to …", "delivered a statement
to …")."""
_TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning"})


def briefing(reading: Reading, unit: Unit, clause: Clause) -> Fact | None:
    """A statement told to someone on something: "X briefed Y on Z", "X provided an update to Y
    on Z", "X gave Y a briefing about Z" — the speaker the clause's subject, the addressee Y (a
    state, organisation or person the hearer phrase names), the content the "on"/"about" phrase
    Z, speech act "said". None unless the clause asserts it was done (not "will brief", "did not
    update", "asked to brief"), in the active voice, with both a hearer and a topic: "gave an
    update" says nothing of whom it told, "briefed Y" nothing of what."""
    token = _token(unit, clause.trigger.start)
    if token is None or clause.passive or not clause.polarity or clause.modality != "asserted":
        return None
    told = _told_on(token)
    if told is None or not done(token):
        return None
    hearers, topic = told
    addressed = parties_in(reading, unit, hearers)
    speakers = speakers_of(reading, unit, clause, token)
    if not addressed or not speakers:
        return None
    meeting = reported_at(reading, clause, speakers[0].ref)
    return _statement(reading, unit, clause, speakers[0], "said", topic, meeting, told=addressed)


def _told_on(token: Token) -> tuple[list[Token], list[Token]] | None:
    """The hearer phrases and the topic's tokens of a briefing predicate (see :func:`briefing`):
    the object of a briefing verb, or the "to" phrase (or the indirect object) of a giving verb
    whose object is a telling noun; the topic an "on"/"about" phrase of the verb or the noun."""
    lemma = token.lemma_.lower()
    if lemma in BRIEFING_VERBS:
        holders = [token]
        hearers = [c for c in token.children if c.dep_ == "dobj"]
    elif lemma in _GIVING:
        nouns = [
            c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in BRIEFING_NOUNS
        ]
        holders = [token, *nouns[:1]]
        hearers = [c for c in token.children if c.dep_ == "dative" and c.lower_ != "to"] + [
            o
            for h in holders
            for p in h.children
            if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
            for o in p.children
            if o.dep_ == "pobj"
        ]
        hearers = hearers if nouns else []
    else:
        return None
    topics = [
        o
        for h in holders
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in _TOPIC_PREPS and not _dated(p)
        for o in p.children
        if o.dep_ in {"pobj", "pcomp"}
    ]
    if not hearers or not topics:
        return None
    return hearers, [t for o in topics[:1] for t in o.subtree]


def _asks_to_act(unit: Unit, clause: Clause) -> bool:
    """An invitation to someone to do something ("invited Peru to join the mission", "Peru was
    invited to send engineers"): the invited as its object (the passive's subject) and an
    infinitive on the predicate. An invitation to a meeting ("invited leaders to Lima", "has
    invited to a summit in Lima to prepare …": the infinitive is the meeting's aim) is its
    host's (:mod:`~.meetings`), no call."""
    token = _token(unit, clause.trigger.start)
    if token is None or any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
        return False
    invited = any(c.dep_ in {"dobj", "nsubjpass"} for c in token.children)
    return invited and any(
        c.dep_ in {"xcomp", "ccomp"}
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in token.children
    )


def statements_of(
    reading: Reading,
    unit: Unit,
    clause: Clause,
    act: str,
    *,
    nominal: bool = True,
    method: str = METHOD,
    speakers: Sequence[Speaker] | None = None,
) -> Iterator[Fact]:
    """The statements of one clause whose predicate performs ``act`` (said, agreed, discussed…):
    one per speaker, if the clause asserts the act was done and reports a content — a complement
    clause, or (``nominal``) an object or prepositional phrase. Used by every mapping of acts of
    speech (:mod:`~cowkg.read.mappings.agreements`, :mod:`~cowkg.read.mappings.discussions`,
    :mod:`~cowkg.read.mappings.groups`, which gives the ``speakers`` it read itself)."""
    if not clause.polarity or clause.modality != "asserted":
        return
    token = _token(unit, clause.trigger.start)
    if token is None or not done(token):
        return
    content = content_tokens(token, nominal)
    if content is None:
        return
    meeting, told = _setting(reading, unit, clause, token)
    said_on, meeting = _as_reported(reading, unit, token, meeting)
    named = _named_in(reading, unit, content) if clause.subjectless else set()
    items = items_after(reading, unit) if _ends_unit(unit, content) else []
    placeholder = bool(items) and {t.lower_ for t in content if not t.is_punct} <= _PLACEHOLDERS
    for speaker in speakers if speakers is not None else speakers_of(reading, unit, clause, token):
        if speaker.ref in named:
            continue
        at = meeting if meeting is not None else reported_at(reading, clause, speaker.ref)
        said = reported_by(reading, speaker.ref, act)
        if not placeholder:  # "discussed the following:" says nothing but its list
            yield _statement(
                reading, unit, clause, speaker, said, content, at, method, told=told, on=said_on
            )
        for item in items:  # "X said four points were agreed:" / "- …" / "- …": each item too
            extent = item_extent(item)
            yield _statement(
                reading,
                item,
                clause,
                speaker,
                said,
                extent,
                at,
                method,
                unit,
                told=told,
                on=said_on,
            )


def reported_by(reading: Reading, speaker: Ref, act: str) -> str:
    """ "reported" for what an outlet of the source (:func:`~.outlets.outlets`) says, writes or
    reports; else ``act``."""
    outlet = speaker.kind is EntityKind.ORGANIZATION and outlet_key(speaker) in outlets(reading)
    return "reported" if outlet and act == "said" else act


def _as_reported(
    reading: Reading, unit: Unit, token: Token, meeting: Ref | None
) -> tuple[dt.date | None, Ref | None]:
    """The day and meeting of what "we" or "I" did inside a quotation ("“… We agreed that …”"):
    those of the reporting clause outside it ("Boric said after the summit on Monday"), unless
    the clause inside names its own meeting."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.lower_ in {"we", "i"} or _some_of_us(subject)):
        return None, meeting
    quotation = quotation_at(reading, unit.paragraph.start + token.idx)
    reporting = _reporting(reading, quotation) if quotation is not None else []
    if quotation is None or not reporting:
        return None, meeting
    outer_unit, outer, outer_token = reporting[0]
    said_on = _said_on(reading, outer, quotation.start, quotation.end)
    return said_on, meeting or _setting(reading, outer_unit, outer, outer_token)[0]


def _setting(
    reading: Reading, unit: Unit, clause: Clause, token: Token
) -> tuple[Ref | None, tuple[Ref, ...]]:
    """The meeting a reporting clause says it was made at, and whom it was told to."""
    hearer = clause.action in SPEECH_ACTS
    meeting = made_at(token, clause, hearer=hearer)
    if meeting is not None:
        meeting = framed_meeting(reading, clause, token, hearer, meeting)
    return meeting, addressees(reading, unit, token)


def introduced(
    reading: Reading, lead: Unit, clause: Clause, unit: Unit, extent: tuple[int, int], method: str
) -> list[Fact]:
    """Words a reporting clause introduces or closes beside its own content ("Chile's minister
    said on Monday:" / "“…”", "“One plan for all,” Boric said."): ``extent`` of ``unit``, said
    by the clause's speakers (the clause asserted and done, as for :func:`statements_of`),
    citing ``lead`` (the clause's unit) too."""
    if clause.action not in SPEECH_ACTS or not clause.polarity or clause.modality != "asserted":
        return []
    token = _token(lead, clause.trigger.start)
    if token is None or not done(token):
        return []
    meeting, told = _setting(reading, lead, clause, token)
    cited = lead if lead is not unit else None
    return [
        _statement(reading, unit, clause, speaker, "said", extent, at, method, cited, told=told)
        for speaker in speakers_of(reading, lead, clause, token)
        for at in [meeting if meeting is not None else reported_at(reading, clause, speaker.ref)]
    ]


def items_after(reading: Reading, unit: Unit) -> list[Unit]:
    """The list items right after ``unit`` when it ends with a colon (what it introduces)."""
    if not unit.text.rstrip().endswith(":"):
        return []
    index = next((i for i, (u, _) in enumerate(reading.units) if u is unit), len(reading.units))
    items = []
    for item, _ in reading.units[index + 1 :]:
        if item.kind is not UnitKind.LIST_ITEM:
            break
        items.append(item)
    return items


def item_extent(item: Unit) -> tuple[int, int]:
    """A list item's words, without its bullet and closing punctuation."""
    lead = len(item.text) - len(item.text.lstrip(_EDGE))
    trail = len(item.text) - len(item.text.rstrip(_EDGE))
    return item.start + lead, item.end - trail


def _ends_unit(unit: Unit, content: Sequence[Token]) -> bool:
    """The content runs to the unit's closing colon: the list after it goes on with it."""
    last = max(t.i for t in content)
    rest = [t for t in unit.sentence if t.i > last]
    return all(t.is_punct or t.is_space for t in rest)


def _named_in(reading: Reading, unit: Unit, content: list[Token]) -> set[Ref]:
    """The agents named in a content. A speaker a predicate without its own subject inherits
    (from the parse's conjunct) is not one its own content names: "X is facing …, and
    repeatedly proposing X should …" is a misread conjunct, not X proposing about itself."""
    extent = content_extent(unit, content)
    if extent is None:
        return set()
    return {
        m.value
        for m in reading.mentions
        if extent[0] <= m.span.start and m.span.end <= extent[1] and isinstance(m.value, Ref)
    }


def _according(
    reading: Reading, unit: Unit, clauses: Sequence[Clause]
) -> Iterator[tuple[int, Fact]]:
    for clause in clauses:
        token = _token(unit, clause.trigger.start)
        if token is None or not clause.polarity:
            continue
        phrase = _according_phrase(token.subtree)
        if phrase and token.doc[min(phrase)].head.i != token.i:
            continue  # the phrase of a conjunct ("X pledged …, and according to Y, Z …")
        inside = {token.doc[i].idx + unit.paragraph.start for i in phrase}
        # an outlet first: "the Peruvian newspaper X" is X's, not Peru's
        speakers = _according_outlet(token.doc, phrase) or _choose(
            [
                a.mention
                for a in clause.arguments
                if a.role == "according" and a.mention.span.start in inside
            ]
        )
        if not speakers:
            continue
        content = content_extent(
            unit, [t for t in token.subtree if t.i not in phrase], longest=True
        )
        if content is None:
            continue
        at = unit.paragraph.start + token.doc[min(phrase)].idx
        for speaker in speakers:
            said = reported_by(reading, speaker.ref, "said")
            own = (unit.paragraph.start + token.left_edge.idx, unit.paragraph.start
                   + token.right_edge.idx + len(token.right_edge))  # fmt: skip
            yield at, _statement(reading, unit, clause, speaker, said, content, None, own=own)


def _according_outlet(doc: Doc, phrase: set[int]) -> list[Speaker]:
    """The outlet an "according to" phrase names ("according to the Peruvian newspaper X",
    "according to X's sources"): its object, read by :func:`~.outlets.outlet_named`; the state
    that qualifies the outlet is its country, not the speaker."""
    objects = [
        doc[i] for i in sorted(phrase) if doc[i].dep_ == "pobj" and doc[i].head.lower_ == "to"
    ]
    ref = outlet_named(objects[0]) if objects else None
    return [Speaker(ref, None, None)] if ref is not None else []


def _headed(reading: Reading, unit: Unit) -> Iterator[Fact]:
    match = _HEADING.match(unit.text)
    if match is None:
        return
    who_end = unit.start + match.end("who")
    named = [
        m
        for m in reading.mentions
        if unit.start <= m.span.start and m.span.end == who_end and m.kind in _SPEAKER_KINDS
    ]
    # only people: "Ukraine: peace talks" is a topic heading, not speech
    content = (unit.start + match.start("what"), unit.start + match.end("what"))
    for speaker in _choose([m for m in named if m.kind is MentionKind.PERSON]):
        yield _statement(reading, unit, None, speaker, "said", content, None)


# -- the speaker ---------------------------------------------------------------------------------


class Speaker:
    """Who speaks, in which capacity, for whom (read from the subject's mentions)."""

    __slots__ = ("capacity", "on_behalf_of", "ref")

    def __init__(self, ref: Ref, capacity: Ref | None, on_behalf_of: Ref | None) -> None:
        self.ref, self.capacity, self.on_behalf_of = ref, capacity, on_behalf_of


def _demonym_of_agents(unit: Unit, mention: Mention) -> bool:
    """A demonym in a passive's agent phrase speaks for its state only when it qualifies people
    or an organ of the state ("by Russian officials", "by the Russian side"), not a thing ("a
    loan backed by frozen Russian assets")."""
    token = mention_token(unit, mention)
    return token is not None and token.head.lemma_.lower() in _AGENT_NOUNS


def _choose(mentions: Sequence[Mention]) -> list[Speaker]:
    """Who speaks among ``mentions``: each person named, else each state or organisation ("Chile
    and Peru warned"; a state's organ for its state), else the state a title belongs to ("Peru's
    foreign minister said"). A title is the capacity; the state or organisation a post belongs to
    is whom one speaks for."""
    people = [m for m in mentions if m.kind is MentionKind.PERSON and isinstance(m.value, Ref)]
    roles = [m for m in mentions if m.kind is MentionKind.ROLE and isinstance(m.value, Ref)]
    parties = [m for m in mentions if m.kind in (MentionKind.STATE, MentionKind.ORGANIZATION)]
    title = _ref(roles[0]) if roles else None
    post_of = roles[0].of if roles else None
    party = _ref(parties[0]) if len(parties) == 1 else None
    if people:
        alone = len(people) == 1
        return [
            Speaker(
                _ref(p),
                p.role or (title if alone else None),
                p.of or ((post_of or party) if alone else None),
            )
            for p in people
        ]
    if roles and (post_of or party):
        return [Speaker(post_of or party, title, None)]  # type: ignore[arg-type]
    return [Speaker(_ref(m), None, _organ_of(m)) for m in parties]


def _organ_of(mention: Mention) -> Ref | None:
    """The state a state's organ speaks for ("the Polish Foreign Ministry denied …": Poland,
    :func:`cowkg.read.agents.with_open_mentions`); None for any other party."""
    return mention.of if mention.kind is MentionKind.ORGANIZATION else None


def speakers_of(reading: Reading, unit: Unit, clause: Clause, token: Token) -> list[Speaker]:
    """The speakers of a reporting clause: its subjects (the ``by`` agents of a passive), the
    person a subject "he"/"she" stands for, the parties "they" stands for, the one "who" stands
    for, or the one a bare title stands for; a spokesperson (:func:`_spokesperson`) first."""
    spoken = _spokesperson(reading, unit, token)
    if spoken is not None:
        return spoken
    agents = clause.agents("by" if clause.passive else "subject")
    if clause.passive:  # "a loan backed by frozen Russian assets": no agent of Russia's
        agents = [m for m in agents if m.form != "demonym" or _demonym_of_agents(unit, m)]
    found = _choose(agents) or (_authors(unit, clause, token) if clause.passive else [])
    if found:
        return [_holder(reading, unit, s) for s in found]
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects or unit.kind is UnitKind.REFERENCE:
        return []
    if subjects[0].lower_ in _PRONOUNS:
        outer = _outer_speaker(reading, unit, token)
        return outer if outer is not None else _antecedent(reading, unit)
    if subjects[0].lower_ == "they":
        return _they(reading, unit)
    if subjects[0].lower_ == "it":
        return _it(reading, unit)
    if _the_statement(subjects[0]):
        return _issuer(reading, unit)
    if subjects[0].lower_ in {"we", "i"} or _some_of_us(subjects[0]):
        return _quoting(reading, unit, token)
    if subjects[0].lower_ == "who" and token.dep_ == "relcl":
        return _who(reading, unit, token)
    found = (
        _titled(reading, unit, subjects[0])
        or _the_coalition(reading, subjects[0])
        or _seat(reading, unit, subjects[0])
        or _group_of(reading, unit, subjects[0])
    )
    return found or _publisher(reading, unit, subjects[0], clause.predicate)


_WRITINGS = frozenset({"briefing", "report", "paper", "note", "analysis", "assessment",
                       "study", "letter", "memo", "review", "statement", "communiqué",
                       "readout", "message", "email", "e-mail", "cable",
                       "telegram"})  # fmt: skip
"""Writings words are said in: whose they are (:func:`_authors`) and whom they are to
(:func:`written_to`) are read from their phrase."""


def _writings(token: Token) -> Iterator[Token]:
    """The writings the predicate's words were in ("in a briefing by X", "said in a letter to
    Peru", "wrote via a note to Chile")."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "via", "through"}:
            yield from (
                w for w in prep.children if w.dep_ == "pobj" and w.lemma_.lower() in _WRITINGS
            )


def _authors(unit: Unit, clause: Clause, token: Token) -> list[Speaker]:
    """The authors of the writing a passive reporting verb is said in, when it names no agent
    ("In a May briefing by X, the coalition was suggested as …", "in X's report, the plan was
    described as …"): what was said there is theirs."""
    base = unit.paragraph.start
    for noun in _writings(token):
        owners = [c for c in noun.children if c.dep_ == "poss"] + [
            g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}
            for g in c.children if g.dep_ == "pobj"
        ]  # fmt: skip
        spans = [(base + t.left_edge.idx, base + t.right_edge.idx + len(t.right_edge))
                 for t in owners]  # fmt: skip
        named = [
            a.mention
            for a in clause.arguments
            if any(s <= a.mention.span.start < e for s, e in spans)
        ]
        if named:
            return _choose(named)
    return []


SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                          "spokeswomen", "spokespersons"})  # fmt: skip
"""Nouns of one who speaks for another ("the prime minister's spokesman")."""
_AGENT_NOUNS = (
    _GROUPS_OF_STATES
    | SPOKESPEOPLE
    | {head.lower() for head in ORGAN_HEADS}
    | {"president", "chancellor", "delegation", "negotiator", "side", "embassy", "authority",
       "force"}
)  # fmt: skip
"""Nouns a demonym makes the agents of its state ("rejected by Russian officials")."""
_FOR_WHOM = frozenset({"poss", "compound", "amod", "nmod"})


def _spokesperson(reading: Reading, unit: Unit, token: Token) -> list[Speaker] | None:
    """A spokesperson speaking ("the president's spokesman said", "a spokesperson for Peru said",
    "Ivan Petrov, a spokesman for the Kremlin, said", "the Kremlin, via spokesman Ivan Petrov,
    accused …"): the spokesperson if named, for the state of whom they speak for
    (``on_behalf_of``: its state, the state of its post or person, a seat of government's
    state); unnamed, the state itself (its government, the office speaking). Not known for
    which state: no one (a named spokesperson speaks for themself). None: no spokesperson."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "acl":
        subject = token.head  # "the Kremlin, via spokesman …, accused": the parse's noun
    if subject is None and token.dep_ in {"advcl", "conj"} and token.head.i != token.i:
        return _spokesperson(reading, unit, token.head)  # "… accused X, rejecting …"
    if subject is None:
        return None
    via, principal = _via(token, subject)
    phrase = [t for h in via for t in h.subtree] if via else list(subject.subtree)
    spokes = next((t for t in phrase if t.lemma_.lower() in SPOKESPEOPLE), None)
    if spokes is None:
        return None
    whom = [t for c in spokes.children if c.dep_ in _FOR_WHOM for t in c.subtree]
    whom += [t for c in spokes.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
             for t in c.subtree]  # fmt: skip
    if principal is not None:  # "the Kremlin, via spokesman …": its own words, not the clause's
        whom += [principal, *(t for c in principal.children if c.dep_ in _FOR_WHOM
                              for t in c.subtree)]  # fmt: skip
        phrase = [t for t in phrase if t.i != principal.i]
    state = _spoken_for(reading, unit, whom)
    inside = {t.i for t in whom}
    base = unit.paragraph.start
    named = {
        _ref(m): m
        for t in phrase
        if t.i not in inside
        for m in reading.mentions_in(base + t.idx, base + t.idx + len(t.text))
        if m.kind is MentionKind.PERSON and isinstance(m.value, Ref)
    }
    if len(named) == 1:
        (person,) = named.values()
        return [Speaker(_ref(person), person.role, state or person.of)]
    return [Speaker(state, None, None)] if state is not None and not named else []


_VIA = frozenset({"via", "through"})


def _via(token: Token, subject: Token) -> tuple[list[Token], Token | None]:
    """The spokesperson a "via"/"through" phrase names and the one it speaks for ("the Kremlin,
    via spokesman X, accused …": the parse hangs the phrase on the subject, on a comma or on the
    verb, or makes X the noun the verb describes); none, no such phrase."""
    if subject.dep_ == "pobj" and subject.head.lower_ in _VIA:
        principal = subject.head.head
        while principal.is_punct and principal.head.i != principal.i:
            principal = principal.head
        return [subject], principal
    clause = {t.i for t in token.subtree} - {t.i for t in subject.subtree}
    own = [t for t in subject.subtree if t.i not in clause]
    via = [g for c in [*token.children, *own] if c.dep_ == "prep" and c.lower_ in _VIA
           for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return via, subject if via else None


def _spoken_for(reading: Reading, unit: Unit, whom: Sequence[Token]) -> Ref | None:
    """The one state the words ``whom`` say a spokesperson speaks for: a state named, the state
    of a post or of a person (as a source titles them), a seat of government. A bare title ("the
    prime minister's spokesman") names no state: a report may name prime ministers of several
    states, and one titled before need not be the one whose spokesman speaks."""
    base = unit.paragraph.start
    states: dict[Ref, None] = {}
    for t in whom:
        for m in reading.mentions_in(base + t.idx, base + t.idx + len(t.text)):
            value = m.value if isinstance(m.value, Ref) else None
            if m.kind is MentionKind.STATE and value is not None:
                states[value] = None
            elif m.kind in (MentionKind.ROLE, MentionKind.PERSON) and m.of is not None:
                states[m.of] = None
            elif (
                m.kind is MentionKind.PERSON
                and value is not None
                and value.key in reading.affiliations
            ):
                states[reading.affiliations[value.key]] = None
        states.update(dict.fromkeys(s.ref for s in _seat(reading, unit, t)))
    keys = {s.key for s in states}  # "Russia's Kremlin": the state's name and its seat, one state
    return next(iter(states)) if len(keys) == 1 else None


def _seat(reading: Reading, unit: Unit, subject: Token) -> list[Speaker]:
    """A seat of government speaking for its state ("the Kremlin warned", "Downing Street
    said", "the Élysée said"): the place the subject names, or the bare word."""
    at = unit.paragraph.start + subject.idx
    places = [
        m.value.key
        for m in reading.mentions
        if m.kind is MentionKind.PLACE and m.span.start <= at < m.span.end
        and isinstance(m.value, Ref)
    ]  # fmt: skip
    code = next((SEATS[k] for k in places if k in SEATS), None) or SEATS.get(subject.lower_)
    if code is None:
        return []
    return [Speaker(Ref(EntityKind.STATE, code, listed_label(EntityKind.STATE, code)), None, None)]


def _group_of(reading: Reading, unit: Unit, subject: Token) -> list[Speaker]:
    """People of a post from named states speaking as a group ("leaders from Chile and Peru
    urged …", "the foreign ministers of Chile and Peru said"): each state speaks."""
    if subject.lemma_.lower() not in _GROUPS_OF_STATES:
        return []
    base = unit.paragraph.start
    inside = {
        base + t.idx
        for p in subject.children
        if p.dep_ == "prep" and p.lower_ in {"of", "from"}
        for t in p.subtree
    }
    states = [m for m in reading.mentions if m.kind is MentionKind.STATE and m.span.start in inside]
    return [Speaker(_ref(m), None, None) for m in states]


def _outer_speaker(reading: Reading, unit: Unit, token: Token) -> list[Speaker] | None:
    """ "Boric said (after the call) that he had told Peru that …": "he" inside what someone
    reports is that someone — the subject of a reporting verb above it in the sentence, when a
    person is named there or a title stands for one; unnamed ("the minister said that he …",
    two ministers named before), no one. None when no reporting verb is above."""
    base = unit.paragraph.start
    node = token
    while node.head.i != node.i:
        node = node.head
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if node.lemma_.lower() in _REPORTING_LEMMAS and subject is not None:
            at = base + subject.idx
            named = [
                m
                for m in reading.mentions
                if m.kind is MentionKind.PERSON and m.span.start <= at < m.span.end
            ]
            found = [_holder(reading, unit, s) for s in _choose(named)]
            return found or _titled(reading, unit, subject)
    return None


_SOME = frozenset({"many", "some", "all", "most", "each", "several", "both"})


def _some_of_us(subject: Token) -> bool:
    """ "Many of us", "all of us": the speaker's own group, as "we" is."""
    return subject.lower_ in _SOME and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ == "us" for o in p.children)
        for p in subject.children
    )


def _quoting(reading: Reading, unit: Unit, token: Token) -> list[Speaker]:
    """ "we"/"I" in a quotation is whoever the text reports speaking it: the speaker of the
    reporting clause outside the quotation that reports its words, however many sentences and
    paragraphs it runs over (:func:`_reporter`); else inside a quotation a
    sentence before opened in the paragraph ("Starmer said, “Together, we … We have agreed
    …”"), the named subject of the last reporting clause before it there; in a paragraph that
    is a bare quotation, the one the previous paragraph last reports speaking."""
    quotation = quotation_at(reading, unit.paragraph.start + token.idx)
    found = _reporter(reading, quotation) if quotation is not None else None
    if found is not None:
        return found
    paragraph = unit.paragraph
    before = paragraph.doc.text[: unit.start - paragraph.start]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    bare = paragraph.doc.text.lstrip()[:1] in {'"', "“"}
    if opened:
        index = paragraph.index
    elif bare:
        index = paragraph.index - 1
    else:
        return []
    reporting = [
        c
        for u, clauses in reading.units
        if u.paragraph.index == index and u.start < unit.start
        for c in clauses
        if c.action in SPEECH_ACTS and c.polarity
    ]
    for clause in reversed(reporting):
        found = _choose([m for m in clause.agents("subject") if m.kind is MentionKind.PERSON])
        if found:
            return [_holder(reading, clause.unit, s) for s in found]
    return []


def _reporter(reading: Reading, quotation: Quotation) -> list[Speaker] | None:
    """The speakers of the reporting clauses outside ``quotation`` whose content lies in it
    ("Boric said, “… we …”", "“… we …,” Boric said"; None: no such clause; none: two clauses of
    different speakers)."""
    reporting = _reporting(reading, quotation)
    if not reporting:
        return None
    found = {
        s.ref: s
        for unit, clause, token in reporting
        for s in speakers_of(reading, unit, clause, token)
    }
    return list(found.values()) if len(found) == 1 else []


def _reporting(reading: Reading, quotation: Quotation) -> list[tuple[Unit, Clause, Token]]:
    """The reporting clauses outside ``quotation`` whose content lies in it, in order."""
    found = []
    for unit, unit_clauses in reading.units:
        if unit.kind not in PROSE or not quotation.within(unit.start, unit.end):
            continue
        for clause in unit_clauses:
            if clause.action not in SPEECH_ACTS or not clause.polarity:
                continue
            token = _token(unit, clause.trigger.start)
            content = content_tokens(token, nominal=False) if token is not None else None
            inside = content is not None and any(
                quotation.covers(unit.paragraph.start + t.idx) for t in content
            )
            if token is None or quotation_at(reading, clause.trigger.start) or not inside:
                continue
            found.append((unit, clause, token))
    return found


def _they(reading: Reading, unit: Unit) -> list[Speaker]:
    """ "They" at the head of a sentence stands for the parties the sentence before has as its
    subject, when it names several ("Chile and Peru met on Monday. They agreed …") or one
    collective (an organisation, the coalition); else it is not known who."""
    index = next((i for i, (u, _) in enumerate(reading.units) if u is unit), 0)
    if index == 0:
        return []
    previous, clauses = reading.units[index - 1]
    for clause in clauses:
        subjects = [m for m in clause.agents("subject") if m.kind in _SPEAKER_KINDS]
        if len(subjects) > 1 or (subjects and subjects[0].kind is MentionKind.ORGANIZATION):
            return [_holder(reading, previous, s) for s in _choose(subjects)]
        token = predicate_token(clause)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None) if token else None
        if subjects or subject is not None:
            return _the_coalition(reading, subject) if subject is not None else []
    return []


def _it(reading: Reading, unit: Unit) -> list[Speaker]:
    """ "It" at the head of a sentence stands for the one state or organisation the sentence
    before, in the same paragraph, has as its subject ("The Chilean ministry said … . It added
    …"); a subject that is a person, several parties, or no party ("The plan was ready. It
    says …") leaves it unknown."""
    index = next((i for i, (u, _) in enumerate(reading.units) if u is unit), 0)
    if index == 0:
        return []
    previous, clauses = reading.units[index - 1]
    if previous.paragraph.index != unit.paragraph.index:
        return []
    for clause in clauses:
        token = predicate_token(clause)
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None) if token else None
        if subject is not None and _the_statement(subject) and clause.action in SPEECH_ACTS:
            return _issuer(reading, previous)  # "The statement said … . It added …"
        if token is None or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            continue
        subjects = [m for m in clause.agents("subject") if m.kind in _SPEAKER_KINDS]
        named = {_ref(m) for m in subjects}
        if len(named) == 1 and subjects[0].kind is not MentionKind.PERSON:
            return [_holder(reading, previous, s) for s in _choose(subjects)]
        return []
    return []


_STATEMENT_NOUNS = frozenset({"statement", "declaration", "communique", "communiqué", "readout"})
"""Nouns of a text that "says" what its issuer said ("the statement added that …")."""


def _the_statement(subject: Token) -> bool:
    """ "The (joint) statement", "the declaration": a definite statement noun of no named owner."""
    return subject.lemma_.lower() in _STATEMENT_NOUNS and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subject.children
    )


def _issuer(reading: Reading, unit: Unit) -> list[Speaker]:
    """Who issued "the statement" a unit speaks of: the one party the last reporting clause
    before it (in its paragraph or the one before) has as its subject ("In a joint statement,
    Chile and Peru said … . The statement added …" gives both), or the last clause that issues a
    statement ("Chile and Peru issued a joint statement. … the statement said"); no such clause,
    no one."""
    index = next((i for i, (u, _) in enumerate(reading.units) if u is unit), 0)
    for previous, clauses in reversed(reading.units[:index]):
        if previous.paragraph.index < unit.paragraph.index - 1:
            return []
        for clause in reversed(clauses):
            if not clause.polarity or not (
                clause.action in SPEECH_ACTS or _issues_statement(previous, clause)
            ):
                continue
            subjects = [m for m in clause.agents("subject") if m.kind in _SPEAKER_KINDS]
            if subjects:
                return [_holder(reading, previous, s) for s in _choose(subjects)]
    return []


_ISSUING = frozenset({"issue", "release", "publish", "adopt", "sign", "make", "agree"})


def _issues_statement(unit: Unit, clause: Clause) -> bool:
    """The clause issues a statement: its verb issues, releases, publishes… an object that is a
    statement noun ("Chile and Peru issued a joint statement")."""
    token = _token(unit, clause.trigger.start)
    return (
        token is not None
        and token.lemma_.lower() in _ISSUING
        and any(c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS for c in token.children)
    )


def _who(reading: Reading, unit: Unit, token: Token) -> list[Speaker]:
    """ "…, who said that …": the agent the relative clause is about (past an apposition:
    "Gabriel Boric, a historian, who explains …")."""
    noun = token.head
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    at = unit.paragraph.start + noun.idx
    named = [
        m for m in reading.mentions if m.kind in _SPEAKER_KINDS and m.span.start <= at < m.span.end
    ]
    return [_holder(reading, unit, s) for s in _choose(named)]


def _publisher(reading: Reading, unit: Unit, subject: Token, predicate: str) -> list[Speaker]:
    """An organisation no table lists, named alone as the subject of reporting or writing
    ("Reuters reported that …", "The Lima Times writes that …"): spaCy's ``ORG``; of saying only
    when the source presents it as an outlet elsewhere (:func:`~.outlets.outlets`: spaCy takes
    some titles for organisations, "the Taoiseach said"). "The report" is the outlet the source
    named last."""
    if _the_report(subject):
        ref = last_outlet(reading, unit.paragraph.start + subject.idx)
    else:
        ref = publisher_ref(subject) or outlet_named(subject) or known_outlet(reading, subject)
        known = ref is not None and outlet_key(ref) in outlets(reading)
        if predicate not in PUBLISHING and not known:
            ref = None
    return [Speaker(ref, None, None)] if ref is not None else []


def _the_report(subject: Token) -> bool:
    """ "The report", "the article": the report a source relays, not someone's own report."""
    return subject.lemma_.lower() in REPORT_NOUNS and any(
        c.dep_ == "det" and c.lower_ in {"the", "this"} for c in subject.children
    )


def _the_coalition(reading: Reading, subject: Token) -> list[Speaker]:
    """ "The coalition" as the subject, in a source that names the Coalition of the Willing, is
    that coalition ("the coalition condemned …")."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    if subject.lemma_.lower() != "coalition" or not definite:
        return []
    named = any(m.value == COALITION for m in reading.mentions)
    return [Speaker(COALITION, None, None)] if named else []


def _titled(reading: Reading, unit: Unit, subject: Token) -> list[Speaker]:
    """A title of no named state as the subject itself ("the prime minister said", not "the
    prime minister's spokesman said") stands for the one person the source named with it
    before; with two or more so titled, for no one."""
    at = unit.paragraph.start + subject.idx
    titles = [
        m
        for m in reading.mentions
        if m.kind is MentionKind.ROLE and m.of is None and m.span.start <= at < m.span.end
    ]
    if not titles:
        return []
    title = titles[0]
    holders = {
        m.value: m
        for m in reading.mentions
        if m.kind is MentionKind.PERSON
        and m.span.start < title.span.start
        and m.role == title.value
        and isinstance(m.value, Ref)
    }
    if len(holders) != 1:
        return []  # two prime ministers named before: which one speaks is not known
    (holder,) = holders.values()
    return [Speaker(_ref(holder), holder.role, holder.of)]


def _holder(reading: Reading, unit: Unit, speaker: Speaker) -> Speaker:
    """A title standing for a person ("the UK prime minister urged …") is the person the source
    last named with that title for that state, before or in the unit; else the state speaks."""
    if speaker.capacity is None or speaker.ref.kind is not EntityKind.STATE:
        return speaker
    for m in reversed(reading.mentions):
        if (
            m.kind is MentionKind.PERSON
            and m.span.start < unit.end
            and m.role == speaker.capacity
            and m.of == speaker.ref
            and isinstance(m.value, Ref)
        ):
            return Speaker(m.value, speaker.capacity, speaker.ref)
    return speaker


def _antecedent(reading: Reading, unit: Unit) -> list[Speaker]:
    """Whom "he"/"she" stands for: the person last named before ``unit`` (not far back) as the
    subject of a clause, else the person last named at all ("Frederiksen told TV2 after a
    meeting hosted by Keir Starmer. … she acknowledged …" is Frederiksen), else, when no one is
    named that near, whom the "he said" of a unit in that stretch stands for."""
    window = range(unit.start - _PRONOUN_LOOKBACK, unit.start)
    subjects = [
        a.mention
        for u, clauses in reading.units
        if u.end > window.start and u.start < unit.start
        for c in clauses
        for a in c.arguments
        if a.role == "subject" and a.mention.kind is MentionKind.PERSON
        and a.mention.span.start in window and isinstance(a.mention.value, Ref)
    ]  # fmt: skip
    if subjects:
        return _choose([max(subjects, key=lambda m: m.span.start)])
    before = [
        m
        for m in reading.mentions
        if m.kind is MentionKind.PERSON and m.span.start in window and isinstance(m.value, Ref)
    ]
    if before:
        return _choose(before[-1:])
    earlier = _same_pronoun_before(reading, unit, window.start)
    return _antecedent(reading, earlier) if earlier is not None else []


def _same_pronoun_before(reading: Reading, unit: Unit, since: int) -> Unit | None:
    """The last unit since ``since`` that reports what "he"/"she" said: a run of "He said …"
    sentences speaks for one person, named once before the run, however long it is."""
    for earlier, clauses in reversed(reading.units):
        if earlier.start >= unit.start or earlier.end <= since:
            continue
        for clause in clauses:
            token = _token(earlier, clause.trigger.start)
            if token is None or token.lemma_.lower() not in _REPORTING_LEMMAS:
                continue
            if any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in token.children):
                return earlier
    return None


def _ref(mention: Mention) -> Ref:
    assert isinstance(mention.value, Ref), mention
    return mention.value


# -- the content and the meeting -----------------------------------------------------------------


def _token(unit: Unit, start: int) -> Token | None:
    doc = unit.paragraph.doc
    span = doc.char_span(
        start - unit.paragraph.start, start - unit.paragraph.start + 1, alignment_mode="expand"
    )
    return span.root if span is not None and len(span) else None


def content_tokens(token: Token, nominal: bool) -> list[Token] | None:
    """The tokens of what was said: a complement clause, else (``nominal``) the object, with a
    preposition that goes on with it ("accused Peru of stalling"), or the object of 'call for',
    'warn of', 'agree on', or the noun a participle modifies ("a plan rejected by X"). A nested
    reporting clause with its own subject ("…, while Y denied …") is its own statement, not part
    of this one."""
    clausal = [c for c in token.children if c.dep_ in _CLAUSAL]
    if not clausal and token.dep_ == "parataxis" and token.head.i != token.i and _set_off(token):
        clausal = [token.head]  # "…, X said, …": the quote is the head the verb interrupts
    clausal = clausal or _misattached(token)
    if clausal:
        tokens = [t for c in clausal for t in _subtree_without(c, token)]
        tokens = _bridged(tokens, token)
    elif not nominal:
        return None
    else:
        heads = [c for c in token.children if c.dep_ in _NOMINAL | {"nsubjpass"}]
        preps = [
            c
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and not _dated(c)
        ]
        heads += [
            c if heads and c.lower_ in _BRIDGING_PREPS else g
            for c in preps
            for g in (c.children if not heads or c.lower_ not in _BRIDGING_PREPS else [c])
            if g is c or g.dep_ in {"pobj", "pcomp"}
        ]
        tokens = _asked(token) or [t for c in heads for t in c.subtree] or _modified(token)
    if not _says_something(tokens, clausal=bool(clausal)):
        return None
    nested = {t.i for t in tokens if t.i != token.i and _reports_on_its_own(t)}
    inside = {t.i for t in tokens for n in nested if t in tokens[0].doc[n].subtree}
    kept = [t for t in tokens if t.i not in inside and not (t.dep_ == "mark" and t.head in clausal)]
    return kept or None


def _asked(token: Token) -> list[Token]:
    """What a telling or inviting predicate asks someone to do ("urged envoys from all sides to
    join the talks", "invited Peru to send engineers"): the addressee and the infinitive, as one
    run (a phrase the parse hangs on the verb between them included); in the passive ("Peru was
    urged by Chile to …") only the infinitive. Nothing for another predicate."""
    if token.lemma_.lower() not in _TELLING:
        return []
    asked = [
        c for c in token.children
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]  # fmt: skip
    if not asked:
        return []
    whom = [c for c in token.children if c.dep_ in {"dobj", "dative"} and c.i < asked[0].i]
    start = whom[0].left_edge.i if whom else asked[0].left_edge.i
    return list(token.doc[start : asked[0].right_edge.i + 1])


def _modified(token: Token) -> list[Token]:
    """What a past participle with no object of its own says of the noun it modifies ("a plan
    rejected by Chile", "a pledge reiterated by X"): that noun's phrase, less the participle's."""
    if token.dep_ != "acl" or token.tag_ != "VBN" or token.head.i == token.i:
        return []
    own = {t.i for t in token.subtree}
    return [t for t in token.head.subtree if t.i not in own]


def _misattached(token: Token) -> list[Token]:
    """A "that"-clause the parse hung on the noun of a phrase between the verb and it ("said after
    the meeting that …", "told reporters at the summit that …"): a relative clause introduced
    by the conjunction "that" is the verb's complement."""
    return [
        t
        for c in token.children
        if c.dep_ in {"prep", "advmod", "npadvmod", "dobj", "dative"}
        for t in c.subtree
        if t.dep_ == "relcl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)
    ][:1]


def _dated(preposition: Token) -> bool:
    """'on Monday', 'over the weekend': a phrase of time, not of content."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in preposition.subtree)


def _set_off(token: Token) -> bool:
    """The reporting clause stands apart from what it reports: in a quote, or between commas."""
    left = token.left_edge
    before = token.doc[left.i - 1] if left.i > 0 else None
    comma = left.text == "," or (before is not None and before.text == ",")
    return comma or any(c in _QUOTES for c in token.doc.text)


def _bridged(tokens: list[Token], reporting: Token) -> list[Token]:
    """What was said, when the reporting clause interrupts it: the opening alone when it is a
    clause ("“We are ready,” X said, “and …”"), else the whole stretch with the interruption
    ("The talks, he said, had involved …")."""
    ordered = sorted(tokens, key=lambda t: t.i)
    opening = [t for t in ordered if t.i < reporting.left_edge.i]
    if not opening or any(t.pos_ in {"VERB", "AUX"} for t in opening) or opening == ordered:
        return tokens
    return list(reporting.doc[ordered[0].i : ordered[-1].i + 1])


def _says_something(tokens: Sequence[Token], clausal: bool) -> bool:
    """Content worth a statement: a clause has a verb; an object names something that is not
    only a date or a number ("announced on 2 March" reports no content)."""
    if clausal:
        return any(t.pos_ in {"VERB", "AUX"} for t in tokens)
    return any(
        t.pos_ in {"NOUN", "PROPN", "VERB"} and t.ent_type_ not in {"DATE", "CARDINAL", "TIME"}
        for t in tokens
    )


def _reports_on_its_own(token: Token) -> bool:
    """A reporting verb with a subject of its own, subordinate to another clause."""
    return (
        token.pos_ in {"VERB", "AUX"}
        and token.lemma_.lower() in _REPORTING_LEMMAS
        and token.dep_ in {"advcl", "conj"}
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
    )


def _subtree_without(head: Token, reporting: Token) -> list[Token]:
    """The subtree of ``head`` without the reporting clause (when the quote is its head)."""
    inside = {t.i for t in reporting.subtree} if reporting in head.subtree else set()
    return [t for t in head.subtree if t.i not in inside]


def _according_phrase(tokens: Iterable[Token]) -> set[int]:
    """The token indices of an 'according to X' phrase: from 'according' to the comma after it
    (the parse may hang the clause's own subject on X), or to the phrase's end."""
    for token in tokens:
        if token.lower_ == "according" and token.dep_ == "prep":
            end = token.right_edge.i + 1
            comma = next((t.i for t in token.doc[token.i : end] if t.text == ","), end)
            return set(range(token.i, comma))
    return set()


def content_extent(
    unit: Unit, tokens: Iterable[Token], longest: bool = False, words: int = 2
) -> tuple[int, int] | None:
    """Source offsets of the first unbroken run of ``tokens`` (a quote the reporting clause
    interrupts is two runs: its opening is kept), or of the ``longest`` run (what an 'according
    to' phrase leaves of a clause); quotes, bullets and commas trimmed; none shorter than
    ``words`` words (a one-word content is rarely what was said, but can be a topic)."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    if not runs:
        return None
    ordered = max(runs, key=len) if longest else runs[0]
    base = unit.paragraph.start
    start, end = base + ordered[0].idx, base + ordered[-1].idx + len(ordered[-1].text)
    text = unit.paragraph.doc.text[start - base : end - base]
    lead = len(text) - len(text.lstrip(_EDGE))
    trail = len(text) - len(text.rstrip(_EDGE))
    if "." in ordered[-1].text[:-1] and text.endswith(ordered[-1].text):
        trail = 0  # an abbreviation's own stop ("… with partners including the U.S.")
    start, end = start + lead, end - trail
    return (start, end) if end - start >= 3 and len(text.split()) >= words else None


_TELLING = frozenset({"tell", "assure", "inform", "brief", "warn", "urge", "ask", "remind",
                      "press", "caution", *INVITING})  # fmt: skip
"""Reporting predicates whose object is whom the words were addressed to ("told Peru that …",
"assured the Chilean president that …", "urged Peru to …"), not what was said."""


_APPEALED = {"call": frozenset({"on", "upon"}), "appeal": frozenset({"to"})}
"""Calling predicates whose addressee is the object of a preposition ("called on Peru to …",
"appealed to Peru to …")."""


def addressees(reading: Reading, unit: Unit, token: Token) -> tuple[Ref, ...]:
    """The parties a telling predicate's object names ("told Peru and Chile that …",
    "warned Prime Minister Ana Ruiz that …", "called on Peru to …"; not "told reporters"); the
    state of an addressed person's title ("the Peruvian president Dina Boluarte") is not
    addressed itself."""
    lemma = token.lemma_.lower()
    asked = _APPEALED.get(lemma, frozenset())
    calls_on = [c for c in token.children if c.dep_ == "prep" and c.lower_ in asked]
    objects = written_to(token)  # "said in a letter to Peru that …"
    if calls_on:  # "called on Peru to …", "appealed to Peru to …": Peru is asked
        objects += [o for c in calls_on for o in c.children if o.dep_ == "pobj"]
    elif lemma in _TELLING:  # "told Peru that …", "Peru was told that …"
        objects += [c for c in token.children if c.dep_ in {"dobj", "dative", "nsubjpass"}]
    return parties_in(reading, unit, objects)


def written_to(token: Token) -> list[Token]:
    """The "to" phrases of a writing the predicate's words were in ("said in a letter to Peru",
    "In a message to the Council, X warned …", "wrote via a note to Chile"): whom they were
    addressed to."""
    return [
        o
        for w in _writings(token)
        for q in w.children
        if q.dep_ == "prep" and q.lower_ == "to"
        for o in q.children
        if o.dep_ == "pobj"
    ]


def parties_in(reading: Reading, unit: Unit, objects: Sequence[Token]) -> tuple[Ref, ...]:
    """The people, states and organisations the phrases of ``objects`` name (whom words were
    told to); the state of a named person's title is not one of them."""
    base = unit.paragraph.start
    found: list[Mention] = []
    for child in objects:
        start, end = base + child.left_edge.idx, base + child.right_edge.idx + len(child.right_edge)
        found += [
            m
            for m in reading.mentions_in(start, end)
            if m.kind in _SPEAKER_KINDS and m.span.end <= end
        ]
    posts = {m.of for m in found if m.kind is MentionKind.PERSON}
    return tuple(dict.fromkeys(_ref(m) for m in found if _ref(m) not in posts))


def made_at(token: Token, clause: Clause, hearer: bool = True) -> Ref | None:
    """The meeting the reporting clause says it was made at ("after the summit", "told the
    meeting": with ``hearer``, an object of reporting is who was told), by the clause's date when
    it has one. For acts whose object is their content ("discussed the summit"), not ``hearer``."""
    if at_meeting_noun(token, hearer) is None:
        return None
    date = clause.date
    return Ref(EntityKind.MEETING, f"{date.isoformat()}-meeting") if date else PENDING_MEETING


def at_meeting_noun(token: Token, hearer: bool = True) -> Token | None:
    """The meeting noun the reporting predicate ``token`` is said at, after or to (see
    :func:`made_at`)."""
    for child in token.children:
        nouns = [child] if hearer and child.dep_ in {"dobj", "dative"} else []
        if child.dep_ == "prep" and child.lower_ in _AT_PREPS:
            nouns = [t for t in child.subtree if t.dep_ == "pobj"]
        found = next((n for n in nouns if n.lemma_.lower() in _MEETING_NOUNS), None)
        if found is not None:
            return found
    return None


_REPORT_DAYS = 1
"""How many days after its main meeting a report may be published for its undated statements
to be read as made there."""
_TAKING_PART = frozenset({Action.ATTEND, Action.HOST, Action.CHAIR, Action.MEET})


def reported_at(reading: Reading, clause: Clause, speaker: Ref) -> Ref | None:
    """The main meeting of a news report, when ``speaker`` took part in it and ``clause``
    reports them speaking there (see :func:`reported_takers`)."""
    main = frame_of(reading).main_meeting()
    return main.ref if main is not None and speaker in reported_takers(reading, clause) else None


def reported_takers(reading: Reading, clause: Clause) -> frozenset[Ref]:
    """Who, speaking in ``clause``, spoke at the meeting the report is about (news, a blog's
    or an official one: :data:`~.about.REPORTS`): a report published on the day of its main
    coalition meeting or the day after tells what the meeting's hosts, chairs and attendees (as
    its clauses bound to that meeting name them) said, in the present or past, at no date or
    place of its own ("Boric said that the plan works" in the report of the summit he co-hosted;
    not "said on Friday", "said in Lima", "will say", "had said", nor what an outsider said)."""
    main = frame_of(reading).main_meeting()
    published = reading.source.date
    if main is None or main.day is None or published is None or reading.source.kind not in REPORTS:
        return frozenset()
    if not main.coalition or main.other or not 0 <= (published - main.day).days <= _REPORT_DAYS:
        return frozenset()
    if clause.date is not None or clause.places or clause.tense not in {"past", "present"}:
        return frozenset()
    token = _token(clause.unit, clause.trigger.start)
    if token is not None and pluperfect(token):
        return frozenset()
    return _takers(reading, main)


def _takers(reading: Reading, main: Meeting) -> frozenset[Ref]:
    frame = frame_of(reading)
    return frozenset(
        _ref(a.mention)
        for c in reading.clauses()
        if c.action in _TAKING_PART and c.polarity and frame.meeting_of(c) is main
        for a in c.arguments
        if a.mention.kind is MentionKind.PERSON and a.role in {"subject", "by"}
    )


def framed_meeting(
    reading: Reading, clause: Clause, token: Token, hearer: bool, stated: Ref
) -> Ref | None:
    """The meeting a statement was made at, as the source's frame binds the meeting noun of
    ``stated`` (:func:`made_at`): in a report of one summit that also recalls earlier ones, "after
    the meeting" is the summit the lead reports, or the meeting named just before it in its
    paragraph. A dated meeting is that meeting; an undated other forum's or earlier one is no
    meeting of the source's to attach (None); else ``stated`` (the meeting of the clause's date,
    or the source's one meeting)."""
    noun = at_meeting_noun(token, hearer)
    frame = frame_of(reading)
    cue, bound = frame.cue_of(clause), frame.meeting_of(clause)
    pairs = [(cue, bound)] if cue is not None and bound is not None else []
    pairs += list(frame.also.get(id(clause), ()))
    found = [m for c, m in pairs if noun is not None and c.noun is not None and c.noun.i == noun.i]
    if not found or not _told_of(reading, clause, found[0]):
        return stated
    if found[0].day is not None:
        return found[0].ref
    return None if found[0].other or found[0].earlier else stated


def _told_of(reading: Reading, clause: Clause, meeting: Meeting) -> bool:
    """The text says which meeting "the meeting" is: its paragraph named it before, or the
    clause dates it, or it is the meeting a report is about (an encyclopedia's article is about
    no one meeting: its "right after the meeting" opening a paragraph is none the frame knows)."""
    unit = clause.unit
    named = any(u.paragraph.index == unit.paragraph.index and u.start < unit.start
                for u in meeting.units)  # fmt: skip
    reported = meeting.main and reading.source.kind != "encyclopedia"
    return named or clause.date is not None or reported


# -- the fact ------------------------------------------------------------------------------------


def _statement(
    reading: Reading,
    unit: Unit,
    clause: Clause | None,
    speaker: Speaker,
    act: str,
    content: tuple[int, int] | list[Token],
    meeting: Ref | None,
    method: str = METHOD,
    lead: Unit | None = None,
    *,
    told: tuple[Ref, ...] = (),
    on: dt.date | None = None,
    own: tuple[int, int] | None = None,
) -> Fact:
    """The statement; ``lead``: the unit that introduces ``unit``, a list item, with who spoke
    (cited with it); ``told``: whom it was addressed to; ``on``: the day it was said when its
    own clause does not tell (that of the clause that reports it); ``own``: where the clause's own
    words are, when its dates may be a conjunct's before it ("X pledged on 2 May, and according to
    Y, Z …": 2 May is not Y's day)."""
    source = reading.source
    extent = content if isinstance(content, tuple) else content_extent(unit, content)
    start, end = extent if extent is not None else (unit.start, unit.end)
    text = source.text[start:end]
    date = _said_on(reading, clause, start, end, own, on) or on or reference_date(reading, unit)
    addressed = tuple(r for r in told if r != speaker.ref)
    args: dict[str, FactValue | None] = {
        "statement": _statement_ref(speaker.ref, act, text, date),
        "speaker": speaker.ref,
        "speech_act": act,
        "text": text,
        "date": date,
        "meeting": meeting,
        "about": _about(reading, start, end, {speaker.ref, *addressed}) or None,
        "covers": days_named(reading, start, end, words_day(reading, date, meeting)) or None,
        "addressee": addressed or None,
        "capacity": speaker.capacity,
        "on_behalf_of": speaker.on_behalf_of if speaker.on_behalf_of != speaker.ref else None,
    }
    present = {k: v for k, v in args.items() if v is not None}
    evidence = (lead.evidence(source),) if lead is not None else ()
    return Fact(FactKind.STATEMENT, present, (*evidence, unit.evidence(source)), method)


def restated(
    reading: Reading, said: Fact, unit: Unit, extent: tuple[int, int], method: str
) -> Fact:
    """More words of the statement ``said`` (the rest of its quotation, in ``unit``): the same
    speaker, capacity, date, meeting and addressees, speech act "said", citing the passage that
    says who speaks (the first ``said`` cites) and ``unit``."""
    start, end = extent
    text = reading.source.text[start:end]
    speaker = said.args["speaker"]
    assert isinstance(speaker, Ref), said
    date = said.args.get("date")
    told = said.args.get("addressee") or ()
    assert isinstance(told, tuple) and (date is None or isinstance(date, dt.date)), said
    args = {k: v for k, v in said.args.items() if k not in {"about", "text", "speech_act"}}
    args |= {"statement": _statement_ref(speaker, "said", text, date), "speech_act": "said",
             "text": text}  # fmt: skip
    about = _about(reading, start, end, {speaker, *told})
    if about:
        args["about"] = about
    args.pop("covers", None)
    meeting = said.args.get("meeting")
    assert meeting is None or isinstance(meeting, Ref), said
    covers = days_named(reading, start, end, words_day(reading, date, meeting))
    if covers:
        args["covers"] = covers
    lead, own = said.evidence[0], unit.evidence(reading.source)
    evidence = (lead,) if (lead.start, lead.end) == (own.start, own.end) else (lead, own)
    return Fact(FactKind.STATEMENT, args, evidence, method)


def _statement_ref(speaker: Ref, act: str, text: str, date: dt.date | None) -> Ref:
    """A statement's node: keyed by its day and a digest of who, the act and the words."""
    digest = hashlib.sha1(f"{speaker.key}\n{act}\n{text}".encode()).hexdigest()[:12]
    key = f"{date.isoformat() if date else 'undated'}-{digest}"
    return Ref(EntityKind.STATEMENT, key, _label(speaker, act, date))


def _about(reading: Reading, start: int, end: int, besides: set[Ref]) -> tuple[Ref, ...]:
    """What the words ``[start, end)`` speak of: the states, organisations and people they name
    but ``besides`` (the speaker and whom they spoke to), the dated meetings the source's frame
    binds their meeting words to ("the Lima summit was a success"), the documents they name
    ("the 12-point plan"). :mod:`cowkg.derive` keeps only meetings the graph holds."""
    agents = [
        _ref(m)
        for m in reading.mentions_in(start, end)
        if m.span.end <= end and m.kind in _SPEAKER_KINDS and _ref(m) not in besides
    ]
    unit = next((u for u, c in reading.units if u.start <= start < u.end), None)
    if unit is None:
        return tuple(dict.fromkeys(agents))
    clauses = next(c for u, c in reading.units if u is unit)
    return tuple(
        dict.fromkeys(
            [
                *agents,
                *_meetings_named(reading, clauses, start, end),
                *_documents_named(unit, clauses, start, end),
            ]
        )
    )


def _meetings_named(reading: Reading, clauses: Sequence[Clause], start: int, end: int) -> list[Ref]:
    """The dated meetings the frame binds a meeting noun (or verb) inside ``[start, end)`` to."""
    frame = frame_of(reading)
    found = []
    for clause in clauses:
        cue, bound = frame.cue_of(clause), frame.meeting_of(clause)
        pairs = [(cue, bound)] if cue is not None and bound is not None else []
        for cue, meeting in [*pairs, *frame.also.get(id(clause), ())]:
            base = clause.unit.paragraph.start
            at = base + cue.noun.idx if cue.noun is not None else clause.trigger.start
            if start <= at < end and meeting.day is not None:
                found.append(meeting.ref)
    return found


def _documents_named(unit: Unit, clauses: Sequence[Clause], start: int, end: int) -> list[Ref]:
    """The documents :mod:`~cowkg.read.mappings.documents` reads in ``[start, end)`` (it reads
    none in headings and cited titles)."""
    if unit.kind in {UnitKind.HEADING, UnitKind.REFERENCE}:
        return []
    return [d.ref for d in documents_in(unit, clauses) if start <= d.start and d.end <= end]


_RELATIVE_DAY = "relative"
"""The mention form of a date named relative to the source's date ("today", "yesterday",
"on Tuesday", "relative-week" for "this week": a week, not a day)."""


def words_day(reading: Reading, said_on: dt.date | None, meeting: Ref | None) -> dt.date | None:
    """The day a statement's words were said: its own day, else that of the dated meeting it was
    made at (a report of the day after the summit quoting what a host said there)."""
    if said_on is not None or meeting is None:
        return said_on
    days = {m.day for m in frame_of(reading).meetings if m.ref == meeting and m.end is None}
    return days.pop() if len(days) == 1 else None


def _quoted(reading: Reading, mention: Mention) -> bool:
    """Whether ``mention`` lies inside a quotation (:mod:`cowkg.read.quotations`)."""
    return quotation_at(reading, mention.span.start) is not None


def _reread(reading: Reading, mention: Mention, said_on: dt.date) -> Mention:
    """``mention``, a relative date in quoted words, read against ``said_on``, the day they were
    said (kept in :attr:`~cowkg.read.mappings.Reading.reread` for the ledger)."""
    found = reading.reread[mention.span.start, mention.span.end] = reanchored(mention, said_on)
    return found


def days_named(
    reading: Reading, start: int, end: int, said_on: dt.date | None
) -> tuple[dt.date, ...]:
    """The days the words ``[start, end)``, said on ``said_on``, name (a date's closing full stop
    may lie after them): each calendar date, and each day named relative to a day ("today",
    "yesterday's meeting", "on Tuesday"). Ranges and weeks are no day.

    Whose "today" it is depends on whose words they are. Inside quotation marks they are the
    speaker's: a relative day is re-read against ``said_on`` (:func:`cowkg.mentions.reanchored`;
    "“We met today,” X said on Monday" covers that Monday), and left out when the words were
    said on no known day. Outside them (reported speech, "X said on Monday that the group met
    yesterday") the words are the writer's, whose relative days are read from the source's date,
    yet may be the speaker's ("said on 2 May the leaders would meet yesterday" is the writer's
    yesterday; "said on Monday that they met yesterday" is ambiguous): kept only when the
    statement was made on the source's date, where both readings agree."""
    days = []
    for m in reading.mentions_in(start, end):
        if m.kind is not MentionKind.DATE:
            continue
        writers = m.form.startswith(_RELATIVE_DAY) and not _quoted(reading, m)
        if writers and (said_on is None or said_on != reading.source.date):
            continue
        said = _as_said(reading, m, said_on)
        if said is not None and said.end is None and isinstance(said.value, dt.date):
            days.append(said.value)
    return tuple(dict.fromkeys(days))


def _as_said(reading: Reading, mention: Mention, said_on: dt.date | None) -> Mention | None:
    """``mention`` as the words it lies in mean it: a relative day inside quotation marks read
    against ``said_on``, the day they were said (None when that is unknown, also in a source
    with no date of its own), any other mention as the recogniser read it."""
    if mention.form.startswith(_RELATIVE_DAY) and _quoted(reading, mention):
        return _reread(reading, mention, said_on) if said_on is not None else None
    return mention


def _said_on(
    reading: Reading,
    clause: Clause | None,
    start: int,
    end: int,
    own: tuple[int, int] | None = None,
    quoted_on: dt.date | None = None,
) -> dt.date | None:
    """The day the clause was said: its first resolved date outside its words ``[start, end)``.
    A date inside them is what was said ("the group will meet on 11 June," X said), even where
    the parse hangs it on the reporting verb (a sentence cut at an editor's bracket). A clause
    inside a quotation ("“We agreed today that …”") has the speaker's relative days: read
    against ``quoted_on``, the day the quotation was said, and skipped when that is unknown."""
    for mention in clause.dates if clause is not None else ():
        inside = start <= mention.span.start and mention.span.end <= end
        away = own is not None and not own[0] <= mention.span.start < own[1]
        if inside or away:
            continue
        said = _as_said(reading, mention, quoted_on)
        if said is not None and isinstance(said.value, dt.date):
            return said.value
    return None


def _label(speaker: Ref, act: str, date: dt.date | None) -> str:
    """A statement's label: who, the act and the day ("what Gabriel Boric said, 11 May 2026").
    Its words are its text (``cow:statementText``), not its name, so a search for a place or a
    meeting finds the place or meeting, not every statement that mentions it."""
    when = f", {date.day} {date:%B} {date.year}" if date else ""
    return f"what {speaker.label or speaker.key} {act.replace('-', ' ')}{when}"
