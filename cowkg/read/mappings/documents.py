"""Documents: plans, proposals, declarations, treaties, agreements and joint statements.

A document is a noun phrase whose head is a document noun (:data:`DOCUMENT_NOUNS`) and that
names one document: a numbered one ("a 12-point peace plan", "the four-point proposal" — keyed
by its number of points, so every source writing "the 12-point plan" speaks of the same plan), a
named one (a title of capitalised words ending in the noun: "the Baltic Shield Declaration",
"the Oslo Accord"), a dated joint statement ("a joint statement issued on 4 May"), a plan named
by its subject and whom it is for ("a reconstruction plan for X", :func:`_plans_for`) or an
agreement named by its subject and its parties ("a security guarantee agreement between A, B and
C", :func:`_agreements_between`). A bare "the plan" or "an agreement" names none and gives no
fact.

What the clause owning the phrase says of it, read from that clause's record, and what the
phrase itself says (whose the document is, where it places something, whom it is between):

- drafted by: the subject (active) or the ``by`` agents (passive) of a PLAN clause (draft,
  prepare, propose, draw up…), a state written as ``<State>-drafted`` in the phrase itself, or
  the party the phrase says the document is of (:func:`_owner`): a possessive ("Chile's 12-point
  plan", "the Premier's 5-point plan"), a demonym ("the French 12-point plan") or a state's name
  modifying the noun ("the US 28-point draft plan"). A state's name before a subject-matter noun
  ("a Peru 12-point peace plan") says what the plan is about, not whose: it is the plan's
  beneficiary when another party is named as its drafter ("Chile's Peru peace plan", "a Peru
  peace plan drafted by Chile") and nothing when none is (whose it is, the words do not say). A
  state can be both drafter and beneficiary when the words say both ("the Ukrainian 10-point
  plan for Ukraine": whose by the demonym, for whom by "for");
- signed by: the same of an AGREE clause (sign, adopt, approve, endorse, agree, ratify, issue…);
- outlined by: the same of an ANNOUNCE clause (announce, unveil, outline, publish…);
- deployment area: where the document places something, in what it is said to do ("the
  12-point plan focused on a buffer zone on <demonym> soil", "a 5-point plan to deploy troops
  in X"; :func:`cowkg.read.destinations.areas`), not where it was written or presented;
- parties: the states, organisations and people its "between" / "among" phrase names, on the
  noun or on the verb that settles it ("the Oslo Accord between A and B", "a deal among A, B
  and C", "an agreement to be agreed between A, B and C", "an accord was signed between A and
  B"): who it is (or is to be) between, whatever the clause says was done with it — a future
  agreement has parties and no signer;
- date: the clause's date when it drafted, signed or replaced the document;
- replaced by: "A was replaced by B" / "B replaced A" / "B superseded A".

A negated clause ("Hungary did not sign …"), one not asserted ("will sign", "plans to adopt") or
one left undone ("the moment Chile and Peru sign …", "if Peru signs") gives the document,
without a signer or a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import Args, make_fact
from cowkg.extract.layout import number
from cowkg.mentions import slug
from cowkg.read.clauses import Action, Clause
from cowkg.read.destinations import areas, beneficiaries, first_allowed
from cowkg.read.frame import done, mention_token, predicate_token
from cowkg.read.mappings.about import meeting_on, names_meeting, reference_date
from cowkg.read.units import Unit, UnitKind
from cowkg.types import PARTY_KINDS, EntityKind, Fact, FactKind, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

DOCUMENT_NOUNS = {
    **dict.fromkeys(
        ["plan", "proposal", "counterproposal", "framework", "roadmap", "blueprint"], "plan"
    ),
    **dict.fromkeys(
        ["declaration", "statement", "communique", "communiqué", "charter"], "declaration"
    ),
    **dict.fromkeys(["memorandum"], "memorandum"),
    **dict.fromkeys(
        ["agreement", "treaty", "accord", "accords", "pact", "protocol", "deal", "convention"],
        "agreement",
    ),
}  # fmt: skip
"""Head noun (lemma) → the document's kind (``plan_kind``: plan | declaration | memorandum |
agreement; agreements and memoranda are ``cow:Agreement``, the rest ``cow:Plan``)."""

_POINTS = re.compile(r"\b(?P<n>\d{1,3}|[a-z]+)\s*[-‐‑–]?\s*point\b", re.IGNORECASE)
_DRAFTING = frozenset({"draft", "propose", "author", "write", "prepare", "broker", "back"})
"""Participles that make a '<State>-drafted' compound name the document's drafter."""
_REPLACING = frozenset({"replace", "supersede"})
_JOINT = frozenset({"joint", "common"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*$")


@dataclass(frozen=True)
class Document:
    """A document named in a unit: its reference, kind, points and the tokens naming it."""

    ref: Ref
    kind: str
    points: int | None
    head: Token
    start: int
    end: int


def plan_ref(points: int) -> Ref:
    """A numbered plan by its number of points ('28-point plan')."""
    return Ref(EntityKind.PLAN, f"{points}-point-plan", f"{points}-point plan")


def _modifiers(head: Token) -> list[Token]:
    """The head noun's left modifiers (compounds, numbers, adjectives), nearest last."""
    return [t for t in head.subtree if t.i < head.i and t.dep_ not in {"det", "poss", "case"}]


def _points(head: Token) -> int | None:
    text = " ".join(t.text for t in _modifiers(head))
    match = _POINTS.search(text.replace(" - ", "-"))
    return number(match["n"]) if match else None


def _title(head: Token) -> str | None:
    """A title of capitalised words ending in a capitalised head ('Baltic Shield Declaration')."""
    if not head.text[:1].isupper():
        return None
    words: list[Token] = []
    for token in reversed(list(head.doc[head.left_edge.i : head.i])):
        if token.dep_ != "compound" or not token.text[:1].isupper():
            break
        words.insert(0, token)
    if not words:
        return None
    return " ".join(t.text for t in [*words, head])


def _title_case(unit: Unit) -> bool:
    """A unit whose words are mostly capitalised (a headline in title case) names no title by
    capitals alone: 'Leaders Back New Peace Plan' is no document called "Peace Plan"."""
    if unit.kind is not UnitKind.HEADLINE:
        return False
    words = [t.text for t in unit.sentence if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _document(
    head: Token, dates: Sequence[dt.date], base: int, *, titles: bool = True
) -> Document | None:
    kind = DOCUMENT_NOUNS.get(head.lemma_.lower())
    if kind is None or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    start, end = base + head.left_edge.idx, base + head.idx + len(head.text)
    points = _points(head)
    if points:
        return Document(plan_ref(points), "plan", points, head, start, end)
    title = _title(head) if titles else None
    if title:
        return Document(Ref(EntityKind.PLAN, slug(title), title), kind, None, head, start, end)
    joint = any(t.lower_ in _JOINT for t in head.lefts)
    if joint and dates and head.lemma_.lower() in {"statement", "declaration", "communique"}:
        when = dates[0]
        label = f"joint {head.lemma_.lower()} of {when.isoformat()}"
        return Document(Ref(EntityKind.PLAN, slug(label), label), kind, None, head, start, end)
    return None


def documents_in(unit: Unit, clauses: Sequence[Clause]) -> list[Document]:
    """Every document the unit names (see the module docstring)."""
    base = unit.paragraph.start
    dates = [d for c in clauses for d in (c.date,) if d is not None]
    found = []
    titles = not _title_case(unit)
    for token in unit.sentence:
        document = _document(token, dates, base, titles=titles)
        if document is not None:
            found.append(document)
    return found


def _owning_clause(token: Token, clauses: Sequence[Clause], base: int) -> Clause | None:
    """The clause whose predicate governs ``token`` (the nearest predicate above it)."""
    by_start = {c.trigger.start - base: c for c in clauses}
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.idx in by_start:
            return by_start[node.idx]
    return by_start.get(node.idx)


def doers(clause: Clause) -> tuple[Ref, ...]:
    """The parties doing what the clause says: its ``by`` agents when passive, else subjects; a
    demonym that only qualifies a titled person ('British Prime Minister Keir Starmer') is the
    person's title, not a second party."""
    roles = ("by",) if clause.passive else ("subject",)
    found = [m for m in clause.agents(*roles) if m.kind in PARTY_KINDS and isinstance(m.value, Ref)]
    people = any(m.kind is MentionKind.PERSON for m in found)
    return tuple(
        m.value for m in found if isinstance(m.value, Ref) and not (people and m.form == "demonym")
    )


def _signers_with(clause: Clause | None, agents: tuple[Ref, ...]) -> tuple[Ref, ...]:
    """Who signs or agrees a document: the clause's doers and the parties it was signed with
    ("Chile signed the accord with Peru": both)."""
    if clause is None:
        return agents
    partners = (
        a.mention.value
        for a in clause.arguments
        if a.mention.kind in PARTY_KINDS
        and isinstance(a.mention.value, Ref)
        and a.mention.form != "demonym"
        and a.role in {"with", "object"}
        and _after_with(clause, a.mention)
    )
    return tuple(dict.fromkeys((*agents, *partners)))


def _after_with(clause: Clause, mention: Mention) -> bool:
    """The mention is the object of a "with", on the verb or on the signed document's noun
    ("signed the accord with Peru"; not "with a pen from Peru")."""
    token = mention_token(clause.unit, mention)
    return token is not None and token.dep_ == "pobj" and token.head.lower_ == "with"


def _compound_drafter(document: Document, mentions: Sequence[Mention | None]) -> Ref | None:
    """'a Canadian-drafted plan', 'the US-backed proposal': the state before the participle."""
    states = [_ref(m.value) if m is not None and m.kind is MentionKind.STATE else None
              for m in mentions]  # fmt: skip
    for token in _modifiers(document.head):
        if token.lemma_.lower() in _DRAFTING and token.i > 0:
            return states[token.i - 1] or (states[token.i - 2] if token.i > 1 else None)
    return None


_OWNED = frozenset({"plan", "declaration"})
"""Kinds of document whose modifiers say whose it is; "the French-Polish treaty" or "the US
deal" are between parties, whom the modifiers do not tell from a drafter."""


def _owned(document: Document) -> bool:
    """Whether the document's noun is of a kind in :data:`_OWNED` (a "12-point treaty" is
    keyed as a plan, but its noun is an agreement's)."""
    return DOCUMENT_NOUNS.get(document.head.lemma_.lower()) in _OWNED


_FORM_NOUNS = frozenset({"point", "draft", "counter"})
"""Nouns before a document noun that say its form, not its subject ("28-point", "draft")."""


def _owner(document: Document, at: Sequence[Mention | None]) -> tuple[Ref | None, Ref | None]:
    """Whose the document is and what state it is about, by the words modifying its noun: a
    possessive party, a demonym or a person say whose; a state's name says whose too, unless a
    subject-matter noun is also there ("a Peru peace plan"), when it says what it is about."""
    head = document.head
    possessors = [c for c in head.children if c.dep_ == "poss"]
    inside = {t.i for p in possessors for t in p.subtree}
    whose = next((m.value for p in possessors if (m := at[p.i]) is not None), None)
    modifiers = [t for t in _modifiers(head) if t.i not in inside]
    topical = any(_subject_noun(t, at) for t in modifiers)
    about = None
    for token in modifiers:
        mention = at[token.i]
        if mention is None or mention.kind is MentionKind.ORGANIZATION or _drafting(token):
            continue  # an organisation names neither; "<State>-drafted": _compound_drafter
        named = mention.kind is MentionKind.STATE and mention.form != "demonym"
        if named and topical:
            about = about or mention.value
        else:
            whose = whose or mention.value
    return _ref(whose), _ref(about)


def _subject_of(about: Ref | None, drafter: Ref | None) -> Ref | None:
    """The state a plan is about is whom it is for when another party drafted it."""
    return about if drafter is not None and drafter != about else None


def _drafting(token: Token) -> bool:
    """The token is the state of a "<State>-drafted" compound (a participle of drafting right
    after it, a hyphen between)."""
    after = token.doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].is_punct and after[1].lemma_.lower() in _DRAFTING


def _subject_noun(token: Token, at: Sequence[Mention | None]) -> bool:
    """A common noun before the document noun saying what it is about ("peace", "recovery"),
    not its form ("draft", "28-point") nor a span ("10-year")."""
    return (
        token.pos_ == "NOUN"
        and at[token.i] is None
        and token.lemma_.lower() not in _FORM_NOUNS
        and token.is_alpha
        and not _counted(token)
    )


def _counted(token: Token) -> bool:
    """A noun a number counts ("10-year", "two-state"): a span or size, not a subject."""
    before = token.doc[max(token.i - 2, 0) : token.i]
    numbered = len(before) == 2 and before[1].is_punct and before[0].like_num
    return numbered or any(c.dep_ == "nummod" for c in token.children)


def _ref(value: object) -> Ref | None:
    return value if isinstance(value, Ref) else None


def _mention_at(unit: Unit, reading: Reading) -> list[Mention | None]:
    """For each token of the unit's parse, the state, person or organisation mention it lies in
    (else None)."""
    base = unit.paragraph.start
    out: list[Mention | None] = [None] * len(unit.paragraph.doc)
    for mention in reading.mentions_in(unit.start, unit.end):
        if mention.kind not in PARTY_KINDS or not isinstance(mention.value, Ref):
            continue
        span = unit.paragraph.doc.char_span(
            mention.span.start - base, mention.span.end - base, alignment_mode="expand"
        )
        for token in span or ():
            out[token.i] = mention
    return out


_CONTENT_VERBS = frozenset(
    {"focus", "call", "provide", "envisage", "envision", "foresee", "include", "require",
     "establish", "create", "centre", "center", "stipulate", "propose", "aim", "seek"}
)  # fmt: skip
"""Verbs by which a document (their subject) says what it is to do ("the plan focused on …",
"the plan provides for …", "the plan calls for …")."""


def _placed_area(reading: Reading, unit: Unit, document: Document) -> Ref | None:
    """Where the document places what it is to do: in its own clause ("a 5-point plan to deploy
    troops in X", "the 12-point plan that would put bases on X's soil") or in what the verb it
    is the subject of says it does ("the 12-point plan focused on a buffer zone on <demonym>
    soil"); not where it was presented or written ("drafted in X")."""
    head, base, text = document.head, unit.paragraph.start, reading.source.text
    parts = [c for c in head.children if c.dep_ in {"acl", "relcl"}]
    verb = head.head
    if head.dep_ == "nsubj" and verb.lemma_.lower() in _CONTENT_VERBS:
        parts += [c for c in verb.children if c.i > head.i and c.dep_ in _CONTENT_PARTS]
    for part in parts:
        start, right = base + part.left_edge.idx, part.right_edge
        end = base + right.idx + len(right.text)
        named = areas(text, reading.mentions_in(start, end), start, end, on_soil=True)
        found = first_allowed(text, named, start)
        if found is not None:
            return found
    return None


_CONTENT_PARTS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "oprd", "acomp"})
"""What a content verb says its document does ("calls for a buffer zone on …"): its complements,
never a clause conjoined or added to it ("…, and Peru will send troops to X" is Peru's)."""


def _asserted(clause: Clause) -> bool:
    return clause.polarity and clause.modality == "asserted"


def _done(clause: Clause) -> bool:
    """Asserted, and the parse says the act took place: not "the moment Chile and Peru sign
    the accord", "if Peru signs", "failed to sign" (:func:`~cowkg.read.frame.done`)."""
    token = predicate_token(clause)
    return _asserted(clause) and token is not None and done(token)


def _replacement(
    document: Document, others: Sequence[Document], clause: Clause | None
) -> Ref | None:
    """The document that replaced ``document``: passive 'A was replaced by B' (B is the agent's
    object), active 'B replaced/superseded A' (B the subject)."""
    if clause is None or clause.predicate not in _REPLACING or not _asserted(clause):
        return None
    head = document.head
    for other in others:
        if other is document:
            continue
        agent = other.head.head
        if clause.passive and head.dep_ == "nsubjpass" and agent.dep_ == "agent":
            return other.ref
        if not clause.passive and head.dep_ == "dobj" and other.head.dep_ == "nsubj":
            return other.ref
    return None


def _facts_of(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], carried: tuple[dt.date, int] | None
) -> Iterator[Fact]:
    found = documents_in(unit, clauses)
    named = any(DOCUMENT_NOUNS.get(t.lemma_.lower()) in _BY_SUBJECT for t in unit.sentence)
    at = _mention_at(unit, reading) if found or named else []
    if named:
        found += _plans_for(reading, unit, found, at)
        found += _agreements_between(unit, found, at)
    for document in found:
        clause = _owning_clause(document.head, clauses, unit.paragraph.start)
        action = clause.action if clause is not None and _done(clause) else None
        agents = doers(clause) if clause is not None and action else ()
        drafters = agents if action is Action.PLAN else ()
        whose, about = _owner(document, at) if _owned(document) else (None, None)
        drafter = _compound_drafter(document, at) or (drafters[0] if drafters else None) or whose
        replaced_by = _replacement(document, found, clause)
        dated = action in {Action.PLAN, Action.AGREE} or _is_successor(document, found, clause)
        args: Args = {
            "plan": document.ref,
            "plan_kind": document.kind,
            "points": document.points,
            "drafted_by": drafter,
            "outlined_by": agents[0] if action is Action.ANNOUNCE and agents else None,
            "signed_by": (_signers_with(clause, agents) if action is Action.AGREE else ()) or None,
            "party": _parties(document, at) or None,
            "replaced_by": replaced_by,
            "date": clause.date if clause is not None and dated else None,
            "beneficiary": _beneficiary(reading, document) or _subject_of(about, drafter),
            "deployment_area": _placed_area(reading, unit, document),
        }
        start = unit.start
        if carried is not None and dated and args["date"] is None:
            args["date"], start = carried
        evidence = unit.evidence(reading.source, start)
        yield make_fact(FactKind.PLAN, args, [evidence], "documents")


def _beneficiary(reading: Reading, document: Document) -> Ref | None:
    """Whom the document is for, as the object of its own "for" says ("a reconstruction plan
    for X"; :mod:`cowkg.read.destinations`) — not a state named further on in a list the parse
    hangs on it, nor the one it is presented to ("present a plan to X")."""
    text, head = reading.source.text, document.head
    base = document.start - head.left_edge.idx
    objects = [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for pobj in objects:
        end = base + pobj.idx + len(pobj.text)
        states = reading.mentions_in(base + pobj.left_edge.idx, end)
        found = first_allowed(
            text, beneficiaries(text, states, document.start, end), document.start
        )
        if found is not None:
            return found
    return None


def _plans_for(
    reading: Reading, unit: Unit, found: Sequence[Document], at: Sequence[Mention | None]
) -> list[Document]:
    """A plan named by its subject and whom it is for — "a reconstruction plan for X", "the
    recovery roadmap for X" — names one plan: the one of that subject for that state (keyed by
    both). No subject ("a plan for X"), an owner ("Peru's plan for X": whose plan, not named
    here) or a state that is not its beneficiary ("a plan for talks in X") names none."""

    def whom(probe: Document) -> list[Ref]:
        state = _beneficiary(reading, probe)
        return [state] if state is not None else []

    return _named_by_subject(unit, found, at, frozenset({"plan"}), whom, "for")


def _named_by_subject(
    unit: Unit,
    found: Sequence[Document],
    at: Sequence[Mention | None],
    kinds: frozenset[str],
    related: Callable[[Document], Sequence[Ref]],
    relation: str,
) -> list[Document]:
    """The documents of ``kinds`` a unit names by their subject (a common noun before the
    document noun: :func:`_subject_noun`) and the parties ``related`` finds for them, keyed by
    both, the parties sorted — one document whichever order a source writes them in. An owner
    ("Peru's plan for X") or a denial ("no deal between A and B") names none."""
    base, known = unit.paragraph.start, {d.head.i for d in found}
    named = []
    for head in unit.sentence:
        kind = DOCUMENT_NOUNS.get(head.lemma_.lower())
        if head.i in known or kind not in kinds or head.pos_ != "NOUN":
            continue
        if any(c.dep_ == "poss" or c.lower_ == "no" for c in head.children):
            continue
        topic = [t for t in _modifiers(head) if t.dep_ == "compound" and _subject_noun(t, at)]
        start, end = base + head.left_edge.idx, base + head.idx + len(head.text)
        probe = Document(Ref(EntityKind.PLAN, ""), kind, None, head, start, end)
        parties = sorted(set(related(probe)), key=lambda r: r.key) if topic else []
        if not parties:
            continue
        name = " ".join(t.text for t in [*topic, head])
        keys = " ".join(p.key for p in parties)
        labels = ", ".join(p.label or p.key for p in parties)
        ref = Ref(EntityKind.PLAN, slug(f"{name} {relation} {keys}"), f"{name} {relation} {labels}")
        named.append(Document(ref, kind, None, head, start, end))
    return named


_BETWEEN = frozenset({"between", "among", "amongst"})
_SETTLED = frozenset({"agreement", "memorandum"})
"""Kinds of document named by their subject and the parties they are between."""
_BY_SUBJECT = _SETTLED | {"plan"}
"""Kinds of document a unit may name by their subject and parties (:func:`_named_by_subject`)."""
_SETTLING = frozenset(
    {"agree", "sign", "conclude", "negotiate", "reach", "strike", "seal", "broker", "draft"}
)
"""Verbs whose "between" phrase names the parties of the agreement they settle ("to be agreed
between A and B", "an accord signed between A and B")."""


def _parties(document: Document, at: Sequence[Mention | None]) -> tuple[Ref, ...]:
    """The parties a document's "between" / "among" phrase names, on its noun or on the verb
    settling it (its own clause, or the verb it is the object of); demonyms say whose, not who."""
    head = document.head
    holders = [head, *(c for c in head.children if c.dep_ in {"acl", "relcl"})]
    if head.dep_ in {"nsubjpass", "dobj"}:
        holders.append(head.head)
    found: list[Ref] = []
    for holder in holders:
        if holder.i != head.i and holder.lemma_.lower() not in _SETTLING:
            continue
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _BETWEEN:
                continue
            mentions = (at[t.i] for t in prep.subtree)
            found += _named_parties(mentions)
    if DOCUMENT_NOUNS.get(head.lemma_.lower()) in _SETTLED:
        found += _settled_by(head, at)
    return tuple(dict.fromkeys(found))


def _named_parties(mentions: Iterable[Mention | None]) -> list[Ref]:
    return [
        m.value
        for m in mentions
        if m is not None and m.form != "demonym" and isinstance(m.value, Ref)
    ]


_JOINTLY = frozenset({"sign", "conclude", "reach", "strike", "seal", "agree", "negotiate"})
"""Verbs by which two or more subjects settle an agreement between themselves."""


def _settled_by(head: Token, at: Sequence[Mention | None]) -> list[Ref]:
    """Two or more parties that sign, conclude or reach an agreement together are whom it is
    between, whether they did or will ("the moment A and B sign a ceasefire agreement or a peace
    deal", "A and B will sign a border treaty"); not one party alone ("Peru will sign the
    treaty": with whom, not said), not a negated settling ("A and B never signed …"), and not a
    verb the subjects govern from above ("A and B refused to sign …")."""
    while head.dep_ == "conj":
        head = head.head  # "an agreement or a peace deal": both are what the verb settles
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in _JOINTLY:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    parties = _named_parties(at[t.i] for s in subjects for t in (s, *s.conjuncts))
    return parties if len(set(parties)) >= 2 else []


def _agreements_between(
    unit: Unit, found: Sequence[Document], at: Sequence[Mention | None]
) -> list[Document]:
    """An agreement named by its subject and its parties — "a security guarantee agreement
    between A, B and C", "a defence deal among A, B and C" — names one agreement (keyed by both,
    as :func:`_plans_for` keys a plan by subject and beneficiary). No subject ("an agreement
    between A and B"), no named party, an owner ("Peru's deal with …") or a denial ("no
    security deal between A and B") names none."""
    return _named_by_subject(
        unit, found, at, _SETTLED, lambda probe: _parties(probe, at), "between"
    )


def _is_successor(document: Document, found: Sequence[Document], clause: Clause | None) -> bool:
    """Whether ``document`` is what replaced another (it is dated by the replacing clause)."""
    return any(_replacement(other, found, clause) == document.ref for other in found)


def _carried_date(
    previous: tuple[Unit, Sequence[Clause]] | None, unit: Unit
) -> tuple[dt.date, int] | None:
    """The last date of the previous unit when the parser cut one sentence in two there (same
    line, no sentence-final stop: "On 8 May, after talks in Rome (of A, B; [3] and C), X had
    prepared …"), with where that unit starts (the evidence then spans both)."""
    if previous is None or previous[0].paragraph is not unit.paragraph:
        return None
    if _SENTENCE_END.search(previous[0].text):
        return None
    dates = [d for c in previous[1] for d in (c.date,) if d is not None]
    return (dates[-1], previous[0].start) if dates else None


def documents(reading: Reading) -> Iterator[Fact]:
    """PLAN facts for every document the source's units name (what a cited work's title says
    is not the source's claim, nor is a section heading; but a title that *is* a statement's
    name is read: :func:`_titled_statement`)."""
    previous: tuple[Unit, Sequence[Clause]] | None = None
    for unit, clauses in reading.units:
        if unit.kind not in {UnitKind.REFERENCE, UnitKind.HEADING}:
            yield from _facts_of(reading, unit, clauses, _carried_date(previous, unit))
        if unit.kind in {UnitKind.REFERENCE, UnitKind.HEADLINE}:
            yield from _titled_statement(reading, unit, clauses)
        previous = (unit, clauses)


_OWNERS = frozenset({"poss", "compound"})


def _titled_statement(reading: Reading, unit: Unit, clauses: Sequence[Clause]) -> Iterator[Fact]:
    """A title that names a statement: a verbless title whose head is a declaration noun
    ("Joint statement of A and B on …: 4 May 2026", "Chairs' statement following the 24 October
    meeting", "Communiqué of the Riga summit") is that document, keyed by its title. Its date is
    the one the title writes, else (or when that date is the meeting's) the cited reference's
    (or a headline's source's); its signers
    the states, people and organisations the title gives it ("of A and B", "A's statement");
    the meeting it follows, when the title names one with a date."""
    root = unit.sentence.root
    if DOCUMENT_NOUNS.get(root.lemma_.lower()) != "declaration" or root.pos_ not in _NOUNS:
        return
    base = unit.paragraph.start
    own = next((c for c in clauses if c.trigger.start == base + root.idx), None)
    written = next((d for c in clauses for d in (c.date,) if d is not None), None)
    meeting = meeting_on(written) if written and names_meeting(unit.sentence) else None
    published = (
        reference_date(reading, unit) if unit.kind is UnitKind.REFERENCE else reading.source.date
    )
    date = published if meeting is not None else written or published
    args: Args = {
        "plan": Ref(EntityKind.PLAN, slug(unit.text), unit.text),
        "plan_kind": "declaration",
        "signed_by": _signers(root, own) or None,
        "discussed_at": meeting,
        "date": date,
    }
    yield make_fact(FactKind.PLAN, args, [unit.evidence(reading.source)], "documents")


def _signers(root: Token, clause: Clause | None) -> tuple[Ref, ...]:
    """The agents a statement's head owns: possessive or compound ("France's statement"), or the
    objects of its own "of" ("statement of A and B"), with their conjuncts."""
    if clause is None:
        return ()
    out: list[Ref] = []
    base = clause.unit.paragraph.start
    for mention in clause.agents():
        if mention.kind not in PARTY_KINDS or not isinstance(mention.value, Ref):
            continue
        span = clause.unit.paragraph.doc.char_span(
            mention.span.start - base, mention.span.end - base, alignment_mode="expand"
        )
        token = span.root if span is not None and len(span) else None
        while token is not None and token.dep_ == "conj":
            token = token.head
        if token is None or token.head.i == token.i:
            continue
        owned = token.head.i == root.i and token.dep_ in _OWNERS
        of = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i == root.i
        if owned or of:
            out.append(mention.value)
    return tuple(dict.fromkeys(out))
