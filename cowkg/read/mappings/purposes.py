"""Purposes: what a meeting was for — the aim its own sentence gives it.

A "to"-infinitive is a meeting's aim (``MEETING_TOPIC`` with ``aim`` → ``cow:meetingAim``, and
``about`` → ``cow:topicAbout`` for the states, organisations and people the aim names) when it

- hangs on a meeting noun: "a summit to bolster air defence for Chile", "the meeting of the
  coalition to back Peru";
- is the purpose of a gathering verb: "the leaders met in Lima to strengthen support for Chile",
  "Peru convened the ministers to coordinate aid to Chile";
- is what a meeting sought, aimed or was meant to do: "the conference sought to secure guarantees
  for Chile", "the call aimed to rally support for Peru";
- is the infinitive of an aim noun the gathering or meeting has "with": "the leaders met in Lima,
  with an agenda to finalise the plans for Chile".

A meeting noun is also the one whose "of" phrase the infinitive hangs on ("a meeting of the
coalition of partners to back Peru": the parse may hang it on "partners").

The meeting is the one the meetings frame binds the noun's or the verb's clause to; no bound
meeting, no aim. Not aims: "to discuss …" (a topic, :mod:`~cowkg.read.mappings.discussions`), a
passive infinitive ("a summit to be held in Oslo": when, not what for), a negated gathering or
seeking ("did not meet to …", "the summit did not seek to …"), an infinitive of anything but a
meeting or gathering ("a plan to send troops to Chile", "Peru is ready to deploy in Chile") —
and a name that is only the meeting's place ("a summit in Oslo to back Chile": Oslo is no
topic, the aim's own words alone count).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.read.clauses import Action, Clause
from cowkg.read.frame import MEETING_NOUNS, Meeting, predicate_token
from cowkg.read.mappings.discussions import topic_args
from cowkg.read.mappings.meetings import frame_of
from cowkg.read.mappings.statements import content_extent
from cowkg.read.units import UnitKind
from cowkg.types import Fact, FactKind

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:meeting-aim"
_GATHERING = frozenset(
    {"meet", "gather", "convene", "reconvene", "assemble", "hold", "host", "co-host",
     "organise", "organize", "call", "summon"}
)  # fmt: skip
"""Verbs of gathering or of holding a meeting whose purpose infinitive is the meeting's aim."""
_SEEKING = frozenset({"seek", "aim", "intend", "mean", "try", "attempt", "strive"})
"""Verbs by which a meeting (their subject) is said to aim at something."""
_AIM_NOUNS = frozenset({"agenda", "aim", "goal", "purpose", "objective", "mission", "view"})
"""Nouns of an aim that a gathering or meeting has "with" ("met with an agenda to …")."""


def purposes(reading: Reading) -> Iterator[Fact]:
    """Every aim a source gives a meeting it reports."""
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE or not clauses:
            continue
        for token in unit.sentence:
            meeting = _meeting_aimed(reading, clauses, token) if _infinitive(token) else None
            extent = content_extent(unit, list(token.subtree)) if meeting is not None else None
            if meeting is None or extent is None:
                continue
            args = {**topic_args(reading, meeting.ref, *extent), "aim": True}
            yield Fact(FactKind.MEETING_TOPIC, args, (unit.evidence(reading.source),), METHOD)


def _infinitive(token: Token) -> bool:
    """An active "to"-infinitive that is not "to discuss" (a topic, read by discussions)."""
    return (
        token.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ == "auxpass" for c in token.children)
        and token.lemma_.lower() not in {"discuss", "debate", "be"}
    )


def _meeting_aimed(reading: Reading, clauses: Sequence[Clause], token: Token) -> Meeting | None:
    """The meeting ``token`` is the aim of: of the meeting noun it hangs on, of the gathering
    verb it is the purpose of, or of the meeting that seeks it."""
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ in {"acl", "relcl"} and head.lemma_.lower() in _AIM_NOUNS:
        return _with_aim(reading, clauses, head)
    if token.dep_ == "acl" and (noun := _meeting_of(head)) is not None:
        return _of_noun(reading, clauses, noun)
    if token.dep_ in {"advcl", "xcomp"} and head.lemma_.lower() in _GATHERING:
        return _of_verb(reading, clauses, head)
    if token.dep_ == "xcomp" and head.lemma_.lower() in _SEEKING and not _negated(head):
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and _meeting_noun(subject):
            return _of_noun(reading, clauses, subject)
    return None


def _meeting_of(noun: Token) -> Token | None:
    """The meeting noun ``noun`` is, or ends the "of" phrase of ("a meeting of the coalition of
    the willing to back …": the parse may hang the infinitive on the phrase's last noun)."""
    while not _meeting_noun(noun):
        if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.i == noun.i:
            return None
        noun = noun.head.head
    return noun


def _with_aim(reading: Reading, clauses: Sequence[Clause], noun: Token) -> Meeting | None:
    """The meeting of an aim noun "with" a gathering verb or a meeting noun ("met in Lima, with
    an agenda to …", "a summit with the goal to …")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with":
        return None
    if _meeting_noun(prep.head):
        return _of_noun(reading, clauses, prep.head)
    if prep.head.lemma_.lower() in _GATHERING:
        return _of_verb(reading, clauses, prep.head)
    return None


def _negated(token: Token) -> bool:
    """ "did not seek", "never aimed": what the meeting did not aim at is no aim of it."""
    return any(c.dep_ == "neg" for c in token.children)


def _meeting_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in MEETING_NOUNS


def _of_noun(reading: Reading, clauses: Sequence[Clause], noun: Token) -> Meeting | None:
    """The meeting the frame binds the clause owning ``noun`` to."""
    frame = frame_of(reading)
    for clause in clauses:
        cue = frame.cue_of(clause)
        if cue is not None and cue.noun is not None and cue.noun.i == noun.i:
            return frame.meeting_of(clause)
    return None


def _of_verb(reading: Reading, clauses: Sequence[Clause], verb: Token) -> Meeting | None:
    """The meeting the frame binds the gathering clause of ``verb`` to (none when negated)."""
    frame = frame_of(reading)
    for clause in clauses:
        token = predicate_token(clause)
        if token is not None and token.i == verb.i:
            if not clause.polarity or clause.action is Action.DISCUSS:
                return None
            return frame.meeting_of(clause)
    return None
