"""Clause records: who does what to whom, when, where, how much, said by whom — per predicate.

A unit (:mod:`cowkg.read.units`) holds one clause per predicate of its dependency parse (a verb,
a copular "was absent", the root of a verbless headline). A clause record gathers what the typed
fact mappings need, read from the parse rather than from a passage's wording:

- ``action``: the class of the predicate, from one table (:data:`LEXICON`, lemma → action), with
  particles and prepositions that make phrasal predicates ("take part", "call for", "set up");
- ``arguments``: the unit's mentions (states, people, organisations, places…) owned by this
  predicate, each with its grammatical role — ``subject``, ``object``, ``by`` (the agent of a
  passive), a preposition for obliques (``with``, ``from``, ``at``, ``in``…) or ``other``; a
  conjunct ("A, B and C") takes the role of the first, an apposition that of its head;
- ``polarity`` (False when negated), ``modality`` (asserted, future, conditional, possible, planned,
  expected) and ``tense`` (past, present, future), from auxiliaries and governing verbs ("plans to
  send", "is expected to attend", "ready to deploy");
- ``dates``, ``places``, ``quantities``: the date, place, money, quantity and count mentions the
  predicate owns (inherited from the governing clause when it has none: "met on Thursday and
  pledged…" dates both);
- ``speaker``: the subject of a reporting verb the clause is said under ("X said (that) …",
  "according to X"), for reported speech;
- ``start``/``end``: the clause's verbatim extent in the source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Token

from cowkg.read.units import Unit, units
from cowkg.types import Mention, MentionKind, Source, Span


class Action(StrEnum):
    """Classes of predicates the typed-fact mappings read."""

    MEET = "meet"
    ATTEND = "attend"
    ABSENT = "absent"
    HOST = "host"
    CHAIR = "chair"
    LEAD = "lead"
    PLEDGE = "pledge"
    SAY = "say"
    ANNOUNCE = "announce"
    CONFIRM = "confirm"
    CALL_FOR = "call-for"
    DENY = "deny"
    WARN = "warn"
    JOIN = "join"
    FOUND = "found"
    NAME = "name"
    PLAN = "plan"
    AGREE = "agree"
    DISCUSS = "discuss"


LEXICON: Mapping[str, Action] = {
    **dict.fromkeys(
        ["meet", "gather", "convene", "reconvene", "assemble", "hold", "talk", "come together",
         "get together"],
        Action.MEET,
    ),
    **dict.fromkeys(
        ["attend", "participate", "take part", "feature", "present", "represent", "dial in",
         "join in", "be present", "be represented", "be among", "include", "bring together",
         "arrive"],
        Action.ATTEND,
    ),
    **dict.fromkeys(
        ["absent", "be absent", "miss", "skip", "boycott", "stay away", "stay absent",
         "remain absent"],
        Action.ABSENT,
    ),
    **dict.fromkeys(["host", "welcome", "organise", "organize", "receive", "arrange"], Action.HOST),
    **dict.fromkeys(["chair", "co-chair", "cochair", "preside", "co-host", "cohost"], Action.CHAIR),
    **dict.fromkeys(["lead", "co-lead", "spearhead", "head"], Action.LEAD),
    **dict.fromkeys(
        ["pledge", "commit", "offer", "promise", "provide", "contribute", "send", "deploy",
         "donate", "allocate", "give", "supply", "deliver", "fund", "finance", "earmark",
         "dispatch", "put forward", "sign up", "station", "train", "disburse"],
        Action.PLEDGE,
    ),
    **dict.fromkeys(
        ["say", "tell", "state", "note", "stress", "emphasize", "emphasise", "add", "argue",
         "insist", "declare", "write", "describe", "explain", "assure", "underline",
         "underscore", "suggest", "comment", "remark", "acknowledge", "admit", "vow",
         "predict", "believe", "hope", "think", "report", "express", "characterize", "mention",
         "indicate",
         "characterise", "accuse", "blame", "thank", "condemn", "denounce", "criticise",
         "criticize", "address"],
        Action.SAY,
    ),
    **dict.fromkeys(
        ["announce", "unveil", "reveal", "disclose", "publish", "outline"], Action.ANNOUNCE
    ),
    **dict.fromkeys(["confirm", "reaffirm", "reiterate", "affirm"], Action.CONFIRM),
    **dict.fromkeys(
        ["urge", "call for", "call on", "call upon", "demand", "ask", "appeal", "press"],
        Action.CALL_FOR,
    ),
    **dict.fromkeys(["deny", "reject", "dismiss", "refuse", "rule out"], Action.DENY),
    **dict.fromkeys(["warn", "caution", "threaten"], Action.WARN),
    **dict.fromkeys(["join", "sign on"], Action.JOIN),
    **dict.fromkeys(
        ["found", "establish", "create", "set up", "launch", "form", "inaugurate", "open"],
        Action.FOUND,
    ),
    **dict.fromkeys(["name", "call", "dub", "rename", "term", "designate"], Action.NAME),
    **dict.fromkeys(["plan", "propose", "prepare", "draft", "draw up", "work on", "finalise",
                     "finalize", "develop", "design", "intend", "aim"], Action.PLAN),
    **dict.fromkeys(["sign", "adopt", "approve", "endorse", "back", "support", "agree", "agree on",
                     "ratify", "issue", "decide", "accept"], Action.AGREE),
    **dict.fromkeys(["discuss", "debate", "consider", "review", "focus"], Action.DISCUSS),
}  # fmt: skip
"""Predicate (lemma, or lemma + particle/preposition) → action class. One table: add a verb here."""

REPORTING = frozenset({Action.SAY, Action.ANNOUNCE, Action.CONFIRM, Action.DENY, Action.WARN,
                       Action.CALL_FOR})  # fmt: skip
"""Actions whose complement clause is reported speech of their subject."""

_CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}
)
_FUTURE = frozenset({"will", "'ll", "shall", "wo"})
_CONDITIONAL = frozenset({"would", "could", "might", "may", "should", "can", "must"})
_PLANNING = frozenset(
    {"plan", "intend", "aim", "expect", "set", "ready", "prepare", "prepared", "want", "seek",
     "hope", "propose", "consider", "willing", "likely", "due", "poised", "go"}
)  # fmt: skip
_SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "dative", "acomp"})
_ENTITY_KINDS = frozenset(
    {MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.PLACE,
     MentionKind.ROLE}
)  # fmt: skip
_QUANTITY_KINDS = frozenset({MentionKind.AMOUNT, MentionKind.QUANTITY, MentionKind.COUNT})


@dataclass(frozen=True, slots=True)
class Argument:
    """A mention owned by a clause, with its grammatical role (``subject``, ``object``, ``by``,
    a preposition such as ``with``/``from``/``at``, or ``other``)."""

    mention: Mention
    role: str


@dataclass(frozen=True, slots=True)
class Clause:
    """One predicate of one unit, with what it says (see the module docstring)."""

    source: str
    unit: Unit
    predicate: str
    action: Action | None
    trigger: Span
    start: int
    end: int
    polarity: bool
    modality: str
    tense: str
    passive: bool
    arguments: tuple[Argument, ...]
    dates: tuple[Mention, ...]
    places: tuple[Mention, ...]
    quantities: tuple[Mention, ...]
    speaker: Argument | None
    governor: int | None
    """Index (in the unit's clause list) of the clause this one is a complement or conjunct of."""
    subjectless: bool
    """The predicate has no subject of its own in the parse (a conjunct or complement whose
    subject is its governor's); only such a clause inherits the governor's subject."""

    def agents(self, *roles: str) -> list[Mention]:
        """The entity mentions in the given roles (all roles when none is given)."""
        return [a.mention for a in self.arguments if not roles or a.role in roles]

    @property
    def date(self) -> dt.date | None:
        """The first resolved date the clause owns, if any."""
        for mention in self.dates:
            if isinstance(mention.value, dt.date):
                return mention.value
        return None


def _is_predicate(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    if token.dep_ not in _CLAUSE_DEPS:
        return False
    if token.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in token.children):
        return True  # verbless, as headlines write: "Peru ready to send troops, minister says"
    return token.pos_ in {"VERB", "AUX"} or (token.pos_ == "ADJ" and token.lemma_ in LEXICON)


def _phrase(token: Token) -> str:
    """The predicate's lemma, with a particle or preposition that makes a phrasal predicate."""
    lemma = token.lemma_.lower()
    for child in token.children:
        candidate = f"{lemma} {child.lemma_.lower()}"
        if (
            child.dep_ in {"prt", "prep", "dobj", "acomp", "advmod"}
            and candidate in LEXICON
            and not _introduces_date(child)
        ):
            return candidate
    stranded = _stranded_verb(token)
    if stranded is not None:
        return stranded
    if token.pos_ == "AUX" or lemma == "be":
        for child in token.children:
            inverted = child.dep_ == "nsubj" and child.pos_ in {"ADJ", "PROPN"}  # "Present were A"
            if (child.dep_ in {"acomp", "attr"} or inverted) and (
                f"be {child.lemma_.lower()}" in LEXICON
            ):
                return f"be {child.lemma_.lower()}"
            if child.dep_ == "prep" and f"be {child.lemma_.lower()}" in LEXICON:
                return f"be {child.lemma_.lower()}"
    return lemma


def _appositive_agent(token: Token) -> bool:
    """ "X, as represented by Y, …": a passive participle marked "as" names who acts for X in the
    clause it sits in, not that X attended anything (no attendance, no meeting)."""
    return (
        token.tag_ == "VBN"
        and token.lemma_.lower() == "represent"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def _stranded_verb(token: Token) -> str | None:
    """A modal the parse made the predicate, its verb read as a noun after a date ("X will on
    Tuesday host a meeting": "host" the object of "on"): that verb, when the lexicon has it."""
    if token.tag_ != "MD" or any(c.pos_ in {"VERB", "AUX"} for c in token.children):
        return None
    for prep in token.children:
        for word in prep.children if prep.dep_ == "prep" else ():
            if word.dep_ == "pobj" and word.lower_ in LEXICON and word.i > prep.i + 1:
                return word.lower_
    return None


def _introduces_date(preposition: Token) -> bool:
    """'signed on 4 May' is 'sign' dated, not the phrasal 'sign on' (join)."""
    return preposition.dep_ == "prep" and any(
        child.ent_type_ in {"DATE", "TIME"} for child in preposition.children
    )


def negated(token: Token) -> bool:
    """Whether a word is negated by a child of its own or of its auxiliary: "not", "n't",
    "never", or "no longer" (the parse hangs "no" on "longer", and "longer" at times on the
    auxiliary: "Chile is no longer opposed to Peru")."""
    helpers = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    return any(
        c.dep_ == "neg"
        or c.lower_ in {"never", "not", "n't"}
        or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for word in [token, *helpers]
        for c in word.children
    )


def _modality(token: Token) -> tuple[str, str]:
    """(modality, tense) of a predicate from its auxiliaries and the verb that governs it."""
    auxes = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    if token.tag_ == "MD":  # the modal the parse made the predicate (see _stranded_verb)
        auxes.add(token.lower_)
    if auxes & _FUTURE:
        return "future", "future"
    if auxes & _CONDITIONAL:
        return ("possible" if auxes - {"would"} else "conditional"), "future"
    head = token.head
    if "to" in auxes and headline_future(token):
        return "future", "future"
    if token.dep_ == "xcomp" and head.i != token.i:
        if head.lemma_.lower() in _PLANNING:
            return ("expected" if head.lemma_.lower() == "expect" else "planned"), "future"
        if head.lemma_.lower() == "be" and token.head.head.lemma_.lower() in _PLANNING:
            return "planned", "future"
    if token.tag_ in {"VBD", "VBN"} or auxes & {"had", "has", "have", "was", "were", "did"}:
        return "asserted", "past"
    return "asserted", "present"


def headline_future(token: Token) -> bool:
    """A headline's "to"-infinitive with its own subject, as the root or what a reporting verb
    says ("UK to host talks", "UK to send troops, minister says"): the future."""
    said = token.dep_ == "ccomp" and LEXICON.get(token.head.lemma_.lower()) is Action.SAY
    return (token.dep_ == "ROOT" or said) and any(c.dep_ == "nsubj" for c in token.children)


def _role_of(token: Token, predicate: Token) -> str:
    """The role of ``token`` (a mention's root) with respect to ``predicate``, its owner."""
    node = token
    role = "other"
    while node.i != predicate.i and node.head.i != node.i:
        dep = node.dep_
        if node.head.i == predicate.i:
            if dep in _SUBJECT_DEPS:
                return "subject"
            if dep == "nsubjpass":
                return "object"
            if dep in _OBJECT_DEPS:
                return "object"
            if dep == "agent":
                return "by"
            if dep == "prep":
                return node.lower_
            return role
        if dep == "pobj" and _preposition(node.head):
            role = node.head.lower_
            if node.head.head.i == predicate.i:
                return "by" if role == "by" and node.head.dep_ == "agent" else role
        elif dep == "pobj" and node.head.dep_ == "agent":
            return "by"
        node = node.head
    return role


def _preposition(token: Token) -> bool:
    """A preposition, also one the parse makes a conjunct of the predicate ("attended by A and
    by B": the second "by")."""
    return token.dep_ == "prep" or (token.dep_ == "conj" and token.pos_ == "ADP")


def _owner(token: Token, predicates: Sequence[Token]) -> Token | None:
    node = token
    while True:
        if node in predicates:
            return node
        if node.head.i == node.i:
            return None
        node = node.head


def _mention_root(unit: Unit, mention: Mention) -> Token | None:
    doc = unit.paragraph.doc
    start = mention.span.start - unit.paragraph.start
    end = mention.span.end - unit.paragraph.start
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_extent(predicate: Token, predicates: Sequence[Token]) -> tuple[int, int]:
    inside = {t.i for t in predicate.subtree}
    inner = {t.i for p in predicates if p.i != predicate.i and p.i in inside for t in p.subtree}
    tokens = [t for t in predicate.subtree if t.i not in inner] or [predicate]
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _read_unit(source: Source, unit: Unit, mentions: Sequence[Mention]) -> list[Clause]:
    predicates = [t for t in unit.sentence if _is_predicate(t)]
    owned: dict[int, list[tuple[Mention, str]]] = {p.i: [] for p in predicates}
    for mention in mentions:
        root = _mention_root(unit, mention)
        owner = _owner(root, predicates) if root is not None else None
        if root is not None and owner is not None:
            owned[owner.i].append((mention, _role_of(root, owner)))
    index = {p.i: n for n, p in enumerate(predicates)}
    clauses = [_clause(source, unit, p, owned[p.i], predicates, index) for p in predicates]
    return _inherit(clauses)


def _passive(predicate: Token) -> bool:
    """A passive predicate: with a passive subject or auxiliary, or a past participle with its
    agent and no auxiliary ("a plan rejected by Chile", "a pledge reiterated by X on Monday")."""
    children = list(predicate.children)
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children):
        return True
    return (
        predicate.tag_ == "VBN"
        and any(c.dep_ == "agent" for c in children)
        and not any(c.dep_ == "aux" for c in children)
    )


def _clause(
    source: Source,
    unit: Unit,
    predicate: Token,
    owned: Sequence[tuple[Mention, str]],
    predicates: Sequence[Token],
    index: Mapping[int, int],
) -> Clause:
    base = unit.paragraph.start
    start, end = _clause_extent(predicate, predicates)
    phrase = _phrase(predicate)
    modality, tense = _modality(predicate)
    governor = _owner(predicate.head, predicates) if predicate.head.i != predicate.i else None
    return Clause(
        source=source.file,
        unit=unit,
        predicate=phrase,
        action=None if _appositive_agent(predicate) else LEXICON.get(phrase),
        trigger=Span(
            source.file,
            base + predicate.idx,
            base + predicate.idx + len(predicate.text),
            predicate.text,
        ),
        start=base + start,
        end=base + end,
        polarity=not negated(predicate),
        modality=modality,
        tense=tense,
        passive=_passive(predicate),
        arguments=tuple(Argument(m, r) for m, r in owned if m.kind in _ENTITY_KINDS),
        dates=tuple(m for m, _ in owned if m.kind is MentionKind.DATE),
        places=tuple(m for m, _ in owned if m.kind is MentionKind.PLACE),
        quantities=tuple(m for m, _ in owned if m.kind in _QUANTITY_KINDS),
        speaker=None,
        governor=index.get(governor.i) if governor is not None else None,
        subjectless=not any(c.dep_ in _SUBJECT_DEPS | {"nsubjpass"} for c in predicate.children),
    )


def _inherit(clauses: list[Clause]) -> list[Clause]:
    """Conjuncts and complements take their governor's subject, dates and places when they have
    none; a complement of a reporting verb takes its subject as speaker; negation and modality of
    a governor carry into a conjunct that has none of its own. A participle opening the sentence,
    before its governor, takes its subject only ("After attending the talks, Peru pledged …")."""
    out: dict[int, Clause] = {}
    for index in _governors_first(clauses):
        clause = clauses[index]
        gov = out.get(clause.governor) if clause.governor is not None else None
        dep = _dep_of(clause) if gov is not None else ""
        if gov is not None and clause.governor is not None and index < clause.governor:
            out[index] = _fronted(clause, gov, dep)
            continue
        if gov is None:
            out[index] = clause
            continue
        changes: dict[str, object] = {}
        if (
            clause.subjectless
            and dep in {"conj", "xcomp", "advcl", "acl"}
            and not (
                dep == "acl" and clause.passive  # "a plan rejected by X": the noun is its patient
            )
        ):
            inherited = tuple(
                Argument(a.mention, "subject")
                for a in gov.arguments
                if a.role == _subject_of(gov, dep)
            )
            changes["arguments"] = inherited + clause.arguments
        if not clause.dates and dep in {"conj", "xcomp", "advcl", "ccomp"}:
            changes["dates"] = gov.dates
        elif not clause.dates and dep == "relcl":
            changes["dates"] = _dated_by(clause, gov)
        if not clause.places and dep in {"conj", "xcomp", "advcl"}:
            changes["places"] = gov.places
        if dep in {"ccomp", "parataxis"} and gov.action in REPORTING:
            speakers = [a for a in gov.arguments if a.role == "subject"]
            changes["speaker"] = speakers[0] if speakers else gov.speaker
        elif gov.speaker is not None:
            changes["speaker"] = gov.speaker
        if dep == "conj" and clause.modality == "asserted" and gov.modality != "asserted":
            changes["modality"], changes["tense"] = gov.modality, gov.tense
        if dep == "xcomp" and not gov.polarity:
            changes["polarity"] = False
        out[index] = replace(clause, **changes) if changes else clause  # type: ignore[arg-type]
    return [out[index] for index in range(len(clauses))]


def _fronted(clause: Clause, gov: Clause, dep: str) -> Clause:
    """A participle adjunct before its governor ("After attending …, Peru", "Despite being
    represented at A, Chile …") takes the governor's subject, as its object when passive; any
    other clause before its governor (a quotation before "he said") inherits nothing here."""
    if not clause.subjectless or dep not in {"pcomp", "advcl"}:
        return clause
    role = "object" if clause.passive else "subject"
    inherited = tuple(Argument(a.mention, role) for a in gov.arguments if a.role == "subject")
    if gov.passive:  # "Despite being invited, Chile was not represented": Chile is its object
        inherited = tuple(Argument(a.mention, role) for a in gov.arguments if a.role == "object")
    return replace(clause, arguments=inherited + clause.arguments)


def _governors_first(clauses: Sequence[Clause]) -> list[int]:
    """The clauses' indices, each governor before what it governs (a fronted adjunct, "Despite
    being represented at A, Chile …", comes before its governor in the unit)."""

    def depth(index: int) -> int:
        seen: set[int] = set()
        while (gov := clauses[index].governor) is not None and gov not in seen:
            seen.add(index)
            index = gov
        return len(seen)

    return sorted(range(len(clauses)), key=lambda i: (depth(i), i))


def _dated_by(clause: Clause, gov: Clause) -> tuple[Mention, ...]:
    """The date a relative clause hangs from ("on 17 May, when X convened a meeting"): the
    time of the relative clause."""
    doc = clause.unit.paragraph.doc
    base = clause.unit.paragraph.start
    span = doc.char_span(
        clause.trigger.start - base, clause.trigger.end - base, alignment_mode="expand"
    )
    if span is None or not len(span):
        return ()
    head = span.root.head
    return tuple(d for d in gov.dates if d.span.start <= base + head.idx < d.span.end)


_RAISING = frozenset({"set", "expect", "schedule", "due", "invite", "poise", "slate"})
"""Passive verbs whose subject is the subject of the verb they complement ("A was set to
attend", "B is expected to host", "C was invited to join")."""


def _subject_of(governor: Clause, dep: str) -> str:
    """The role of the governor's arguments a subjectless complement takes as its subject."""
    raised = dep in {"xcomp", "advcl"} and governor.passive and governor.predicate in _RAISING
    return "object" if raised else "subject"


def _dep_of(clause: Clause) -> str:
    doc = clause.unit.paragraph.doc
    token = doc.char_span(
        clause.trigger.start - clause.unit.paragraph.start,
        clause.trigger.end - clause.unit.paragraph.start,
        alignment_mode="expand",
    )
    return token.root.dep_ if token is not None and len(token) else ""


def read_source(source: Source, mentions: Iterable[Mention]) -> list[tuple[Unit, list[Clause]]]:
    """Every unit of ``source`` with its clause records (mentions: the mentions stage's, with
    :func:`cowkg.read.agents.open_mentions`)."""
    ordered = sorted(mentions, key=lambda m: m.span.start)
    out = []
    cursor = 0
    for unit in units(source):
        while cursor < len(ordered) and ordered[cursor].span.start < unit.start:
            cursor += 1
        inside = []
        for mention in ordered[cursor:]:
            if mention.span.start >= unit.end:
                break
            if mention.span.end <= unit.end:
                inside.append(mention)
        out.append((unit, _read_unit(source, unit, inside)))
    return out
