"""Group speakers: what a meeting's participants said together, and what an unnamed group said.

A reporting or position predicate (the ``say``/``announce``/``confirm``/``call-for``/``deny``/
``warn`` classes of :data:`cowkg.read.clauses.LEXICON`: said, added, stressed, underlined,
reaffirmed, condemned, called for, urged…, and "welcomed" a thing) whose subject is a group of
people no named party stands for — "the leaders", "participants", "the co-chairs", "Andean
leaders", "Western allies" — is read here, when :mod:`~cowkg.read.mappings.statements` read no
named speaker for it. The subject of a predicate that has none of its own is its governor's
("the leaders reaffirmed …, saying …"); "they" at the head of a sentence is the group the
sentence before has as its subject ("The leaders met … . They also backed …").

- **A joint position of a meeting** (``MEETING_TOPIC`` with ``agreed`` → ``cow:outcome``): the
  group is the meeting's participants — a bare "the leaders", "the participants", "the co-chairs"
  (no word of whose) in a source with a meeting to stand for, or any group of participants the
  source's frame binds the clause to a meeting. The meeting is read as for a topic
  (:func:`cowkg.read.mappings.discussions.meeting_of_clause`); "EU leaders" is another forum's.
- **An unnamed group speaker** (``cow:Statement`` whose speaker is a ``cow:UnnamedStateGroup``,
  labelled with the source's words): a group of leaders, ministers, allies, partners,
  countries, nations or governments qualified by a place or people ("European leaders",
  "Nordic ministers", "Western allies") and tied to no meeting; date, content, about and the
  meeting it was said at as for every statement.

A bare "the leaders" (or "they") that the frame binds to no meeting, after such a group was read
in the source with the same noun ("Andean leaders reaffirmed … . The leaders said …"), is that
group again. Agreeing by a named group is :mod:`~cowkg.read.mappings.agreements`'s; only "they
backed …" (a group of the sentence before) is read here.

**Not read** (ambiguous, so left alone): a group with a count or quantifier ("two leaders",
"some ministers", "both countries"), a possessive ("their leaders"), a bare group with no
meeting, a group of no place ("senior officials said"), a group that names a party ("leaders of
Chile and Peru", "EU leaders": :mod:`~cowkg.read.mappings.statements` reads those), a group
inside what another speaker reports ("Boric said the leaders welcomed …": Boric's report).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.read.clauses import LEXICON, Action, Clause
from cowkg.read.frame import PENDING_MEETING, done, predicate_token
from cowkg.read.mappings.agreements import AGREEMENT_ACTS
from cowkg.read.mappings.discussions import (
    PARTICIPANTS,
    meeting_of_clause,
    topic_args,
    topic_tokens,
)
from cowkg.read.mappings.meetings import frame_of
from cowkg.read.mappings.pledges import group_ref
from cowkg.read.mappings.statements import (
    LEMMA_ACTS,
    NO_CONTENT_OBJECT,
    SPEECH_ACTS,
    Speaker,
    content_extent,
    content_tokens,
    statements_of,
    told_in,
)
from cowkg.read.units import Unit, UnitKind
from cowkg.types import Fact, FactKind, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:group-statement"
OUTCOME_METHOD = "rule:joint-position"

GROUP_NOUNS = PARTICIPANTS | {"ally", "partner", "country", "nation", "government"}
"""Group nouns for people or states speaking together."""
_PLACE_WORDS = frozenset(
    {"western", "eastern", "northern", "southern", "nordic", "baltic", "european", "allied"}
)
"""Qualifiers of place that make a group one of states ("Western allies", "Nordic ministers")."""
_OF_A_PLACE = frozenset({"NORP", "GPE", "LOC"})
_NAMED = (MentionKind.PERSON, MentionKind.STATE, MentionKind.ORGANIZATION)
_QUANTIFIERS = frozenset(
    {"some", "many", "several", "both", "two", "three", "few", "other", "most", "all",
     "certain", "individual", "various", "these", "those"}
)  # fmt: skip


def group_positions(reading: Reading) -> Iterator[Fact]:
    """Every joint position of a meeting's participants and every unnamed group's statement."""
    said = {t.at for t in told_in(reading)}
    earlier: dict[str, Ref] = {}
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue
        for clause in clauses:
            act = _act(clause)
            token = predicate_token(clause)
            if act is None or clause.trigger.start in said or token is None:
                continue
            subject = _asserted_by_group(reading, unit, clause, token)
            if subject is not None and _says_a_position(reading, unit, clause, token, subject):
                yield from _position(reading, unit, clause, token, subject, act, earlier)


def _asserted_by_group(reading: Reading, unit: Unit, clause: Clause, token: Token) -> Token | None:
    """The group subject of a clause that asserts its act was done (see :func:`group_subject`),
    in the source's own voice: what someone says the leaders welcomed ("she said the leaders
    welcomed …") is that speaker's report, not the group's position."""
    if not clause.polarity or clause.modality != "asserted" or not done(token):
        return None
    subject = group_subject(reading, unit, token)
    if subject is None or any(_reported_by_another(a, subject) for a in token.ancestors):
        return None
    return subject


def _reported_by_another(ancestor: Token, subject: Token) -> bool:
    """A reporting verb above the clause with a subject of its own ("Boric said …"), not the
    group's own ("the leaders reaffirmed …, saying …")."""
    own = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
    reporting = LEXICON.get(ancestor.lemma_.lower()) in SPEECH_ACTS
    return reporting and own is not None and own.i != subject.i


def _says_a_position(
    reading: Reading, unit: Unit, clause: Clause, token: Token, subject: Token
) -> bool:
    """Not an agreement :mod:`~cowkg.read.mappings.agreements` reads itself (only "they agreed"
    is left to this mapping), not a welcome of guests ("welcomed Boric", "welcomed Peru": a
    named party is the object's head word, not "welcomed Peru's offer")."""
    if clause.action is Action.AGREE:
        return subject.doc is not token.doc or not _same_sentence(subject, token)
    if clause.predicate != "welcome":
        return True
    base = unit.paragraph.start
    guests = [
        m
        for c in token.children
        if c.dep_ == "dobj"
        for m in reading.mentions_in(base + c.left_edge.idx, base + c.idx + len(c.text))
        if m.kind in _NAMED and m.span.start <= base + c.idx < m.span.end
    ]
    return not guests


def _same_sentence(subject: Token, token: Token) -> bool:
    return subject.sent.start == token.sent.start


def _act(clause: Clause) -> str | None:
    """The speech act of a reporting, position or agreeing predicate ("backed" is endorsed, as
    for :mod:`~cowkg.read.mappings.agreements`); "welcomed" (a thing, not guests) is a joint
    position only, so its act is none a statement has ("welcome")."""
    if clause.predicate == "welcome":
        return "welcome"
    if clause.action is Action.AGREE:
        return AGREEMENT_ACTS.get(clause.predicate)
    if clause.action is None or clause.action not in SPEECH_ACTS:
        return None
    return LEMMA_ACTS.get(clause.predicate, SPEECH_ACTS[clause.action])


def _position(
    reading: Reading,
    unit: Unit,
    clause: Clause,
    token: Token,
    subject: Token,
    act: str,
    earlier: dict[str, Ref],
) -> Iterator[Fact]:
    """A joint position of the group's meeting, or a statement of the unnamed group; a bare
    "the leaders" not bound to a meeting by the frame is the group of a place read before in the
    source with the same noun ("European leaders reaffirmed … . The leaders said …"), which
    ``earlier`` keeps (noun → group)."""
    bound, meeting = _meeting(reading, subject)
    noun = subject.lemma_.lower()
    group = earlier.get(noun) if _bare(subject) else None
    if meeting is not None and (bound or group is None):
        outcome = _outcome(reading, unit, clause, token, meeting)
        if outcome is not None:
            yield outcome
        return
    if act == "welcome" or (group is None and not _of_a_place(subject)):
        return
    group = group or group_ref(clause, _words(subject))
    earlier.setdefault(noun, group)
    nominal = clause.predicate not in NO_CONTENT_OBJECT
    yield from statements_of(
        reading,
        unit,
        clause,
        act,
        nominal=nominal,
        method=METHOD,
        speakers=[Speaker(group, None, None)],
    )


def group_subject(reading: Reading, unit: Unit, token: Token) -> Token | None:
    """The group noun that is the predicate's subject (its governor's, for a predicate without
    one: "…, saying …"; the previous sentence's for "they"), when no party is named in it and
    no count, quantifier or possessive makes it ambiguous."""
    subject = _subject(token)
    if subject is not None and subject.lower_ == "they":
        return _they(reading, unit)
    if subject is None or subject.lemma_.lower() not in GROUP_NOUNS or subject.tag_ != "NNS":
        return None
    if any(c.dep_ in {"nummod", "poss"} or _quantifier(c) for c in subject.children):
        return None
    base = unit.paragraph.start
    start = base + subject.left_edge.idx
    end = base + subject.right_edge.idx + len(subject.right_edge.text)
    named = [m for m in reading.mentions_in(start, end) if m.kind in _NAMED]
    return None if named else subject


def _subject(token: Token) -> Token | None:
    """The nominal subject of ``token``, or of the predicate it hangs on when it has none
    ("reaffirmed …, saying …", "met and stressed …")."""
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None or token.dep_ not in {"advcl", "conj", "xcomp"}:
            return subject
        token = token.head
    return None


def _quantifier(child: Token) -> bool:
    """ "some leaders", "both countries", "other ministers": which of them is not said."""
    return child.dep_ in {"det", "amod", "predet"} and child.lower_ in _QUANTIFIERS


def _they(reading: Reading, unit: Unit) -> Token | None:
    """ "They" at the head of a sentence: the group the sentence before (a sentence too, in this
    paragraph or closing the one before) has as its subject."""
    index = next((i for i, (u, _) in enumerate(reading.units) if u is unit), 0)
    if index == 0:
        return None
    previous, clauses = reading.units[index - 1]
    if previous.kind is not unit.kind:
        return None
    for clause in clauses:
        token = predicate_token(clause)
        subject = _subject(token) if token is not None else None
        if subject is not None and subject.lower_ != "they":
            return group_subject(reading, previous, token) if token is not None else None
    return None


def _owner(reading: Reading, subject: Token) -> tuple[Sequence[Clause], Clause, Token] | None:
    """The clause whose predicate the subject belongs to (the governor of "…, saying …", the
    sentence before for "they"), with its unit's clauses."""
    head = subject.head
    for _, clauses in reading.units:
        for clause in clauses:
            token = predicate_token(clause)
            if token is not None and token.doc is head.doc and token.i == head.i:
                return clauses, clause, head
    return None


def _meeting(reading: Reading, subject: Token) -> tuple[bool, Ref | None]:
    """The meeting whose participants the group is, and whether the frame binds it: the one the
    frame binds the owning clause to (any group of participants), else for a bare "the leaders"
    the meeting read as for a topic, when the source has a meeting it can stand for."""
    owner = _owner(reading, subject)
    if subject.lemma_.lower() not in PARTICIPANTS or owner is None:
        return False, None
    clauses, clause, token = owner
    frame = frame_of(reading)
    bound = frame.meeting_of(clause)
    if bound is not None and not bound.other:
        return True, bound.ref
    if not _bare(subject):
        return False, None
    meeting = meeting_of_clause(reading, clauses, clause, token, participants=True)
    return False, None if meeting == PENDING_MEETING and not frame.meetings else meeting


def _bare(subject: Token) -> bool:
    """ "the leaders", "participants": no word says whose group it is."""
    return all(c.dep_ in {"det", "punct"} and c.lower_ != "their" for c in subject.children)


def _of_a_place(subject: Token) -> bool:
    """A group qualified by a place or people: "Andean leaders", "Western allies"."""
    return any(
        c.dep_ in {"amod", "compound"}
        and (c.ent_type_ in _OF_A_PLACE or c.lemma_.lower() in _PLACE_WORDS)
        for c in subject.children
    )


def _words(subject: Token) -> str:
    """The group's words, without a leading determiner ("the Nordic ministers" → "Nordic
    ministers")."""
    tokens = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
    return " ".join(t.text for t in tokens)


def _outcome(
    reading: Reading, unit: Unit, clause: Clause, token: Token, meeting: Ref
) -> Fact | None:
    """The meeting's joint position: the clause's content, verbatim, as ``cow:outcome``."""
    nominal = clause.predicate not in NO_CONTENT_OBJECT
    content = topic_tokens(token) if nominal else content_tokens(token, nominal=False)
    extent = content_extent(unit, content) if content else None
    if extent is None:
        return None
    args = topic_args(reading, meeting, *extent)
    args["agreed"] = True
    return Fact(FactKind.MEETING_TOPIC, args, (unit.evidence(reading.source),), OUTCOME_METHOD)
