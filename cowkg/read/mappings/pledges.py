"""Pledges and offers: "X pledged / committed / offered / will send / is ready to deploy …".

A clause of the ``pledge`` action (pledge, commit, offer, send, deploy, provide, contribute…,
"Ukraine will receive …" announced by someone, "make a contribution", announcing an amount of
money) is a pledge when it is not negated ("will not send troops" is not one), has a pledger and
says what is pledged:

- **pledger**: the passive's ``by`` agents, else the subject (a titled person speaks for their
  state, as does one any source titles so: ``Reading.affiliations``), else — a pronoun or "the
  country" — the speaker of the reported speech, else "he/she/it" the subject of the previous
  sentence, "we" in a bare quotation the previous paragraph's speaker, "the country" the last
  state named before it; the parties of an agreement that pledges ("A and B signed a deal that
  pledged aid"); states the subject counts but does not name ("21 of Ukraine's partners") are one
  unnamed group (``EntityKind.STATE_GROUP`` with ``pledger_count``); a titled person of no
  stated state who reports one state's pledge in the source pledges for it. Several subjects
  ("A and B are ready to send…") make ONE pledge with several pledgers: a group's pledge is not
  each member's;
- **kind**, from the words of what is pledged (the predicate's complements, never its subject):
  money (an amount, or funding, a loan…), troops (soldiers, peacekeepers, a brigade, "boots on
  the ground"…), equipment (missiles, air-defence systems, drones…), capability (air policing,
  mine clearing, logistics…), training; a strong pledge verb ("pledged", "committed",
  "promised") with an object of no such kind is a pledge of kind ``other``; a weak one ("send",
  "provide") with nothing recognisable is not read;
- **modality**, kept on the pledge: ``pledged`` (pledge, commit, promise, vow), ``offered``,
  ``ready`` (ready, prepared, willing, open to, readiness), ``considering``, ``planned`` (plans,
  intends, is set to), ``future`` (will; a headline's "X to send"), ``conditional`` (would,
  could), ``possible`` (may, might), ``asserted`` (sent, provides);
- the amount (and an equivalent in brackets after it), the number of what is pledged with its
  hedge, the purpose ("to purchase …", "for …"), the condition ("if a ceasefire holds", "subject
  to a parliamentary mandate", "once a peace deal is reached", "post-ceasefire"), the date the
  clause owns, the meeting it was made at ("at the summit" with a date), and the beneficiary
  (Ukraine when the clause names it as a recipient).

Investing in Ukraine or making things for it ("invested in Ukrainian production of drones",
"will manufacture shells for Ukraine": :data:`FOR_UKRAINE`) is a contribution too, of money when
invested.

Prolonging a deployment or support ("extended its deployment", "will continue support") pledges
it again, and stepping up support, aid or funding for another ("will boost X funding by £2bn",
"stepped up its aid") pledges more of it; a list after a colon, a semicolon series or
coordinated objects with an amount, and the means a semicolon series lists for a state's support
are one pledge per item; a source that
restates a pledge (same pledger, kind, amount, number and modality; a headline: same pledger and
kind) makes one pledge of it. A sentence that points back and sets an earlier pledge beside the
last one ("This complemented a previously announced £N loan") is a pledge of its one pledger
(:func:`_referred_back`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import make_fact
from cowkg.mentions import slug, state_key
from cowkg.read.clauses import REPORTING, Action, Argument, Clause, headline_future
from cowkg.read.continuation import points_back, previous_units, subject_of
from cowkg.read.destinations import areas, beneficiaries, first_allowed
from cowkg.read.mappings.about import (
    Context,
    counts_a_thing,
    meeting_fact,
    predicate_token,
    walk,
)
from cowkg.read.mappings.documents import DOCUMENT_NOUNS
from cowkg.read.units import Unit, UnitKind
from cowkg.types import (
    PARTY_KINDS,
    EntityKind,
    Fact,
    FactKind,
    FactValue,
    Mention,
    MentionKind,
    Money,
    Quantity,
    Ref,
)

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

RULE = "pledge"
UKRAINE = Ref(EntityKind.STATE, "UKR", "Ukraine")

STRONG = frozenset({"pledge", "commit", "promise", "vow", "offer"})
"""Verbs that make a pledge whatever is pledged (kind ``other`` when no kind is recognised), as
do the words of readiness and pledging that govern another verb ("willing to deploy support")."""
_FIRM = frozenset({"ready", "pledged", "offered"})
JOINING = frozenset({"participate", "join", "take", "lead"})
"""Verbs that pledge when what is joined is a force, mission or guarantee and a word of
readiness governs them ("open to participating in a peacekeeping force", "prepared to join the
security guarantees", "ready to lead a reassurance force"); "Chile joined the talks" and "France
leads the mission" pledge nothing."""
_JOINED = frozenset({"force", "mission", "peacekeeping", "operation", "guarantee", "guarantees",
                     "arrangement", "arrangements", "contingent", "deployment"})  # fmt: skip
CONTINUING = frozenset({"extend", "continue", "prolong", "renew"})
"""Verbs that pledge again what they prolong when it is a deployment, support, aid or sanctions
(see :func:`_continues_a_pledge`)."""
_CONTINUED = frozenset({"deployment", "mission", "support", "aid", "assistance", "help",
                        "sanction", "sanctions", "funding", "presence", "contribution",
                        "training", "troops", "troop"})  # fmt: skip
STEPPING_UP = frozenset({"boost", "increase", "step", "double", "triple", "scale",
                         "ramp", "top", "bolster", "expand"})  # fmt: skip
"""Verbs that pledge more of the support, aid or funding they step up (see :func:`_steps_up`);
not "raise", which also brings a matter up ("raised its support for X with the leaders")."""
_STEPPED = frozenset({"support", "aid", "assistance", "help", "funding", "financing"})
_INVESTING = frozenset({"invest", "spend", "co-finance", "cofinance"})
FOR_UKRAINE = _INVESTING | {"manufacture", "produce"}
"""Predicates that are a contribution only when Ukraine is what they are in or for ("invested in
Ukrainian production of drones", "spent €2 billion on aid to Ukraine", "will manufacture shells
for Ukraine"), not the lexicon's
pledge verbs: investing in one's own army or producing for one's own stocks pledges nothing.
Investing and spending are contributions of money, whatever they pay for."""
RECEIVING = frozenset({"receive", "get", "obtain"})
"""Verbs whose subject is the beneficiary: "Ukraine will receive …" (pledged by the speaker)."""

KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "troops",
        frozenset(
            {"troop", "troops", "soldier", "peacekeeper", "personnel", "brigade", "battalion",
             "contingent", "servicemen", "serviceman", "force", "forces", "boots", "military",
             "company", "regiment", "division", "platoon", "marines", "officer", "staff",
             "peacekeeping", "mission", "deployment", "unit"}
        ),
    ),
    (
        "training",
        frozenset({"training", "instructor", "trainer", "instruction", "train"}),
    ),
    (
        "equipment",
        frozenset(
            {"missile", "system", "drone", "tank", "vehicle", "ammunition", "shell", "weapon",
             "equipment", "jet", "aircraft", "fighter", "munition", "artillery", "gun", "radar",
             "interceptor", "rocket", "howitzer", "helicopter", "armour", "armor", "launcher",
             "f-16", "f-16s", "patriot", "arms"}
        ),
    ),
    (
        "capability",
        frozenset(
            {"policing", "clearing", "demining", "logistics", "intelligence", "surveillance",
             "reconnaissance", "airlift", "refuelling", "refueling", "ship", "frigate",
             "minehunter", "minesweeper", "navy", "naval", "support", "capability", "capabilities",
             "assistance", "presence", "protection", "backstop"}
        ),
    ),
    (
        "money",
        frozenset({"funding", "fund", "funds", "money", "loan", "grant", "finance", "financing",
                   "euro", "dollar", "pound", "budget", "cash", "aid"}),
    ),
)  # fmt: skip
"""Pledge kinds by the head words of what is pledged, in order of precedence (an amount of money
makes a money pledge whatever the words). "Support" and "assistance" are capabilities only when
they name one ("air support", "intelligence support"); "military support" alone says no more
than "other"; see :func:`pledge_kind`."""
_MILITARY_ONLY = frozenset({"support", "assistance", "presence", "protection", "aid"})
_MILITARY = frozenset(
    {"air", "naval", "maritime", "intelligence", "logistic", "logistical", "logistics",
     "air-defence", "air-defense", "sea", "land", "cyber"}
)  # fmt: skip

_MODALITY_HEADS: tuple[tuple[str, frozenset[str]], ...] = (
    ("ready", frozenset({"ready", "prepared", "prepare", "willing", "open", "readiness",
                         "able", "willingness", "openness"})),
    ("considering", frozenset({"consider", "weigh", "mull", "explore", "study"})),
    ("planned", frozenset({"plan", "intend", "aim", "set", "expect", "due", "seek", "want",
                           "poised"})),
    ("pledged", frozenset({"pledge", "commit", "promise", "vow", "agree", "decide"})),
    ("offered", frozenset({"offer", "propose"})),
)  # fmt: skip
_AUX_MODALITY = {"will": "future", "'ll": "future", "shall": "future", "wo": "future",
                 "would": "conditional", "could": "conditional", "should": "conditional",
                 "might": "possible", "may": "possible", "can": "possible"}  # fmt: skip

_CONDITION_MARKS = frozenset(
    {"if", "once", "unless", "provided", "providing", "when", "after", "until", "should"}
)
_CONDITION_PREPS = frozenset({"after", "under", "upon", "following", "pending", "to", "in"})
_CONDITION_WORDS = re.compile(
    r"cease-?fire|peace|deal|agreement|mandate|approv|parliament|condition|request|truce|"
    r"hostilities|war\b|end|guarantee|back-?stop|settlement|decision|vote|consent|necessary",
    re.I,
)
_PURPOSE_VERBS = frozenset({"purchase", "buy", "fund", "finance", "help", "rebuild", "support",
                            "strengthen", "bolster", "procure", "train", "secure", "protect",
                            "cover", "pay", "build", "produce"})  # fmt: skip
_NOMINAL = frozenset({"country", "nation", "state", "government"})
"""Nouns that stand for a state named before them ("the country", "the Nordic nation")."""
_PEOPLE = frozenset({MentionKind.PERSON, MentionKind.ROLE})
_BODIES = frozenset({MentionKind.STATE, MentionKind.ORGANIZATION})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "we", "they", "i", "country", "government",
                               "nation", "state"})  # fmt: skip


def pledges(reading: Reading) -> Iterator[Fact]:
    """The pledges of every clause of ``reading`` (see the module docstring), and those a noun
    names with its pledger ("the French pledge of €2 billion", "Peru's offer of 300 troops");
    a pledge the source restates is one pledge (see :func:`restated`)."""
    found: list[Fact] = []
    spoken: dict[str, set[Ref]] = {}
    for context, clause in walk(reading):
        fact = _pledge(reading, context, clause)
        lead = fact or _support_lead(reading, context, clause)
        if lead is not None:
            items = _items(reading, clause, lead is not fact)
            found += [_item_pledge(reading, lead, clause, item) for item in items]
            if fact is not None and not items:
                found.append(fact)
        if fact is not None:
            _note_speakers(spoken, fact, _speakers(context, clause))
            meeting = fact.args.get("meeting")
            if isinstance(meeting, Ref):
                yield meeting_fact(meeting, fact.evidence[0], RULE)
        found += _noun_pledges(reading, context, clause)
    found += _referred_back(reading, found)
    found = [_for_their_state(fact, spoken) for fact in found]
    headlines = {u.start for u, _ in reading.units if u.kind is UnitKind.HEADLINE}
    body = [f for f in found if f.evidence[0].start not in headlines]
    yield from restated(body, [f for f in found if f.evidence[0].start in headlines])


def _note_speakers(spoken: dict[str, set[Ref]], fact: Fact, speakers: Sequence[Mention]) -> None:
    """Who speaks for which state: a titled person of no stated state or organisation who
    reports a state's pledge ("President Ruiz's office says she told allies that Chile is willing
    to send troops") speaks for it; someone with an organisation's post ("NATO's Secretary
    General") or no title (an analyst) does not."""
    pledger = fact.args["pledger"]
    if not isinstance(pledger, Ref) or pledger.kind is not EntityKind.STATE:
        return
    for mention in speakers:
        person = _agent_ref(mention)
        leader = mention.role is not None and mention.of is None  # a title, of no stated body
        if person is not None and person.kind is EntityKind.PERSON and leader:
            spoken.setdefault(person.key, set()).add(pledger)


def _for_their_state(fact: Fact, spoken: dict[str, set[Ref]]) -> Fact:
    """A pledge by a person the same source shows speaking for one state, and for no other,
    is that state's ("Ruiz promises troops" where Ruiz reports Chile's offer); a person who
    speaks for no state, or for several, stays the pledger."""
    pledger = fact.args["pledger"]
    if not isinstance(pledger, Ref) or pledger.kind is not EntityKind.PERSON:
        return fact
    states = spoken.get(pledger.key, set())
    if len(states) != 1:
        return fact
    (state,) = states
    pledge = fact.args["pledge"]
    args = dict(fact.args, pledger=state)
    if isinstance(pledge, Ref):
        key = slug(pledge.key.replace(pledger.key, state.key, 1))
        label = pledge.label.replace(pledger.label or pledger.key, state.label or state.key, 1)
        args["pledge"] = Ref(EntityKind.PLEDGE, key, label)
    return replace(fact, args=args)


Item = tuple[int, int]
"""One pledge of a list: its (start, end) in the source."""


def _items(reading: Reading, clause: Clause, support: bool) -> list[Item]:
    """What a pledge lists, one (start, end) per item: the list items that follow a unit
    ending in a colon ("Chile offered:" / "- 300 soldiers" / "- air policing"); the parts of a
    series separated by semicolons ("Peru pledged: 40 drones; a field hospital; and 2 million
    euros", "Peru pledged 2 million euros for fuel; 40 drones; and a field hospital"); or the
    coordinated objects of the predicate when one of them has its own amount ("announced
    $2 billion in aid, a $1 billion loan and a sanctions package"). A series read for a state's
    support (``support``: "Chile's support, lately through …; …; and …") needs an amount."""
    unit = clause.unit
    if unit.text.rstrip().endswith(":") and not support:
        units = [u for u, _ in reading.units]
        at = units.index(unit) + 1 if unit in units else len(units)
        items = []
        for after in units[at:]:
            if after.kind is not UnitKind.LIST_ITEM:
                break
            items.append((after.start, after.end))
        return items
    items = _series(reading, clause) or ([] if support else _coordinated(clause))
    amounts = [m for m in reading.mentions if m.kind is MentionKind.AMOUNT]
    priced = any(any(s <= m.span.start < e for m in amounts) for s, e in items)
    colon = reading.source.text.find(":", clause.start, items[0][0]) if items else -1
    return items if priced or (colon >= 0 and not support) else []


def _series(reading: Reading, clause: Clause) -> list[Item]:
    """The parts of a series separated by semicolons that follows the predicate: after its
    colon, else from the phrase that ends where the first semicolon is (a later part with a
    subject of its own is a clause, not an item: then there is no series)."""
    unit, text = clause.unit, reading.source.text
    first = text.find(";", clause.start, unit.end)
    if first < 0 or ";" in text[unit.start : clause.start]:
        return []
    colon = text.find(":", clause.start, first)
    begin = colon + 1 if colon >= 0 else _first_item(clause, first)
    if begin is None:
        return []
    items, at = [], begin
    for part in text[begin : unit.end].split(";"):
        stripped = re.sub(r"^(?:and|or)\s+", "", part.strip(" .,")).strip(" .,")
        if stripped:
            start = text.index(stripped, at)
            items.append((start, start + len(stripped)))
        at += len(part) + 1
    if len(items) < 2 or any(_has_subject(clause, item) for item in items[1:]):
        return []
    if any(_led_by_an_agent(reading, item) for item in items[1:]):
        return []  # "Chile pledged €2 million; Peru, €3 million": each item its own pledger's
    return items


_MEANS = frozenset({"through", "including", "via", "namely"})
"""Words after which a state's support lists its means ("lately through …; …; and …")."""


def _first_item(clause: Clause, semicolon: int) -> int | None:
    """Where the first item of a semicolon series without a colon starts: after the first word
    of means that follows the predicate ("raised its support, lately through a package …;" →
    "a package …"), else at the predicate's object ("pledged 2 million euros for fuel; …")."""
    paragraph, token = clause.unit.paragraph, predicate_token(clause)
    base = paragraph.start
    after = [t for t in token.doc[token.i + 1 :] if base + t.idx < semicolon]
    means = [t for t in after[:-1] if t.lower_ in _MEANS]
    if means:
        return base + token.doc[means[0].i + 1].idx
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and c.i > token.i]
    if objects and base + objects[0].left_edge.idx < semicolon:
        return base + objects[0].left_edge.idx
    return None


def _led_by_an_agent(reading: Reading, item: Item) -> bool:
    """The item opens with a state, person or organisation: an elided clause of its own."""
    return any(m.span.start == item[0] and m.kind in _AGENT_MENTIONS for m in reading.mentions)


_AGENT_MENTIONS = frozenset(
    {MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.ROLE}
)


def _has_subject(clause: Clause, item: Item) -> bool:
    """The item holds a subject: it is a clause of its own, not a listed thing."""
    doc, base = clause.unit.paragraph.doc, clause.unit.paragraph.start
    return any(t.dep_ in {"nsubj", "nsubjpass"} and item[0] <= base + t.idx < item[1] for t in doc)


def _coordinated(clause: Clause) -> list[Item]:
    """The predicate's coordinated objects ("an extra $2 billion in aid, a $1 billion loan,
    and a sanctions package"): the direct object and the conjuncts and appositions chained to
    it, each from its first word to the next one's."""
    token = predicate_token(clause)
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects:
        return []
    heads = [objects[0]]
    for head in heads:
        heads += [
            c
            for c in head.children
            if c.dep_ in {"conj", "appos"} and c.pos_ != "VERB" and not _bracketed(c)
        ]
    if len(heads) < 2 or not any(c.dep_ == "cc" for h in heads for c in h.children):
        return []  # no "and": an apposition describing the object ("$2 billion, its largest")
    heads.sort(key=lambda t: t.i)
    base = clause.unit.paragraph.start
    doc = token.doc
    items = []
    for head, after in zip(heads, [*heads[1:], None], strict=True):
        end = after.left_edge.i if after is not None else head.right_edge.i + 1
        words = [t for t in doc[head.left_edge.i : end] if not (t.is_punct or t.dep_ == "cc")]
        while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
            words.pop()
        if words:
            items.append((base + words[0].idx, base + words[-1].idx + len(words[-1])))
    return items


def _bracketed(token: Token) -> bool:
    """An aside in brackets ("£1.5 billion (about $1.9 billion)"): an equivalent, not an item."""
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i else None
    return token.left_edge.text == "(" or (before is not None and before.text == "(")


_SUPPORT = frozenset({"support", "aid", "assistance", "help", "contribution", "contributions",
                      "package", "packages"})  # fmt: skip
"""Nouns of support of no named kind: a state's, whose means a series lists ("Chile's support,
lately through a $2 billion package; …; and …"), or what a weak verb gives ("will provide
support")."""


def _support_lead(reading: Reading, context: Context, clause: Clause) -> Fact | None:
    """The template of the pledges a series lists as a state's support: the object or subject
    of the clause is a support noun its state owns ("raised Chile's support to Ukraine, lately
    through …"); the items are its pledges (see :func:`_items`). Not when negated."""
    if ";" not in clause.unit.text or not clause.polarity:
        return None  # the support's means are a series (see _series)
    token = predicate_token(clause)
    if _negated_above(token):
        return None
    nouns = [
        c
        for c in token.children
        if c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.lemma_.lower() in _SUPPORT
    ]
    owners = _owners(reading, clause, nouns[0]) if nouns else []
    if not owners:
        return None
    day = context.date(reading, clause)
    args: dict[str, FactValue | None] = {
        "pledger": owners[0] if len(owners) == 1 else tuple(owners),
        "pledge_kind": "other",
        "modality": "asserted",
        "date": day,
        "beneficiary": UKRAINE if _for_ukraine(clause, [], nouns, False) else None,
    }
    return make_fact(FactKind.PLEDGE, args, (clause.unit.evidence(reading.source),), RULE)


def _item_pledge(reading: Reading, fact: Fact, clause: Clause, item: tuple[int, int]) -> Fact:
    """The pledge of one listed item: the lead's pledger and firmness, the item's own kind,
    amount and number (kind ``other`` when the item names no kind)."""
    start, end = item
    holder = next((u for u, _ in reading.units if u.start <= start < u.end), clause.unit)
    paragraph = holder.paragraph
    span = paragraph.doc.char_span(
        start - paragraph.start, end - paragraph.start, alignment_mode="expand"
    )
    words = [t for t in span or () if t.pos_ != "ADJ"]
    inside = [
        m
        for m in reading.mentions
        if start <= m.span.start
        and m.span.end <= end
        and m.kind in {MentionKind.AMOUNT, MentionKind.QUANTITY, MentionKind.COUNT}
    ]
    amounts = [m for m in inside if m.kind is MentionKind.AMOUNT]
    kind = "money" if amounts else _kind_of(words) or "other"
    pledger = fact.args["pledger"]
    pledgers = (
        [p for p in pledger if isinstance(p, Ref)] if isinstance(pledger, tuple) else [pledger]
    )
    amount = _amount(amounts, pledgers)
    day = fact.args.get("date")
    args: dict[str, FactValue | None] = {
        **fact.args,
        "pledge_kind": kind,
        "amount": amount,
        "equivalent": None,
        "quantity": _quantity(inside, kind),
        "purpose": None,
        "pledge": _pledge_ref(
            [p for p in pledgers if isinstance(p, Ref)],
            amount,
            day if isinstance(day, dt.date) else None,
            clause,
            start,
        ),
    }
    evidence = (*fact.evidence, holder.evidence(reading.source, start, end))
    return make_fact(FactKind.PLEDGE, args, evidence, RULE)


def restated(found: Sequence[Fact], headlines: Sequence[Fact] = ()) -> list[Fact]:
    """One pledge per pledger, kind, amount, number and firmness in a source: a sentence that says
    the same offer again ("Chile is ready to send troops." … "If a truce holds, Chile is ready to
    deploy soldiers.") adds its evidence and the details it alone gives to the first. A
    headline sums up the body in its own words: its pledge is a body pledge of the same
    pledger(s) and kind whose amount and number it does not contradict, whatever its verb
    ("Ruiz promises troops" over "Chile is willing to send 300 soldiers")."""
    kept: list[Fact] = []
    for fact in [*found, *headlines]:
        same_as = _sums_up if fact in headlines else _same_pledge
        same = next((i for i, k in enumerate(kept) if same_as(k, fact)), None)
        if same is None:
            kept.append(fact)
            continue
        first = kept[same]
        args = {**{k: v for k, v in fact.args.items() if k != "pledge"}, **first.args}
        kept[same] = replace(
            first, args=args, evidence=tuple(sorted({*first.evidence, *fact.evidence}))
        )
    return kept


def _same_pledge(first: Fact, later: Fact) -> bool:
    """Same pledger(s), kind, amount, number of what is pledged and firmness: "a plan to deploy
    troops" is not the offer "ready to send troops" said again, nor "500 soldiers" "soldiers"."""
    keys = ("pledger", "pledge_kind", "amount", "quantity", "modality")
    return all(first.args.get(k) == later.args.get(k) for k in keys)


def _sums_up(body: Fact, headline: Fact) -> bool:
    """The headline's pledge is the body's: same pledger(s) and kind, and its amount and number
    absent or the same."""
    if any(body.args.get(k) != headline.args.get(k) for k in ("pledger", "pledge_kind")):
        return False
    return all(headline.args.get(k) in {None, body.args.get(k)} for k in ("amount", "quantity"))


_REFERRING: dict[str, frozenset[str]] = {
    **dict.fromkeys(["complement", "supplement", "follow", "match", "double"], frozenset()),
    "add": frozenset({"to"}),
    "build": frozenset({"on", "upon"}),
    "come": frozenset({"of", "to"}),  # "comes on top of", "comes in addition to"
    "be": frozenset({"to"}),  # "is in addition to"
}
"""Predicates by which a pledge the sentence before made is set beside an earlier one ("This
complemented a previously announced £N loan"), and where the earlier one is: their object, or
the object of the last preposition of their phrase ("adds to", "builds on", "comes on top of",
"is in addition to"), when it is one of these."""
_DONE = frozenset({"deliver", "disburse", "send", "provide", "give", "spend", "pay"})


def _referred_back(reading: Reading, found: Sequence[Fact]) -> list[Fact]:
    """The earlier pledges a sentence sets a pledge beside, pointing back to it ("This
    complemented a previously announced £2.2 billion loan for Ukraine", "It comes on top of €50
    million pledged in May"): a pledge of the pledger of the last sentence of the paragraph
    before it that makes pledges, when that sentence's pledges have one pledger, one and the
    same; with the amount, kind, purpose and beneficiary the phrase names. Such a pledge was
    made before — modality ``pledged`` (``asserted`` when the phrase says it was delivered or
    paid, ``offered`` when offered) —, on no day the sentence tells: none is guessed. Nothing
    for a sentence that makes a pledge of its own."""
    made = {f.evidence[0].start for f in found}
    more: list[Fact] = []
    for unit, clauses in reading.units:
        if unit.start in made or unit.kind is not UnitKind.SENTENCE:
            continue
        for clause in clauses:
            earlier = _earlier_pledge(clause)
            pledger = _pledger_before(reading, unit, found) if earlier is not None else None
            if earlier is not None and pledger is not None:
                fact = _earlier(reading, clause, earlier, pledger)
                more += [fact] if fact is not None else []
    return more


def _earlier_pledge(clause: Clause) -> Token | None:
    """The noun of the earlier pledge a clause points back to (see :data:`_REFERRING`), when
    its subject points back ("This", "It", "The package" not: a named thing may be anything)."""
    token = predicate_token(clause)
    where = _REFERRING.get(token.lemma_.lower())
    if where is None or not clause.polarity or not points_back(subject_of(token)):
        return None
    if not where:
        return next((c for c in token.children if c.dep_ == "dobj"), None)
    node, found = token, None
    while True:  # down the chain of prepositions: "on top of X", "in addition to X"
        preps = [c for c in node.children if c.dep_ == "prep"]
        objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        if not objects:
            return found
        node = objects[0]
        found = node if node.head.lower_ in where else found


def _pledger_before(reading: Reading, unit: Unit, found: Sequence[Fact]) -> Ref | None:
    """The one pledger of the last sentence before ``unit`` in its paragraph that makes
    pledges (None: none there, several pledgers, or a sentence between that names a party —
    "Peru also got a grant from Bolivia": "This" may be Bolivia's; a sentence between that
    names none tells more of the same pledge: "The missiles will be made in Lima")."""
    for earlier, _ in previous_units(reading, unit):
        pledgers = {
            f.args["pledger"] for f in found if earlier.start <= f.evidence[0].start < earlier.end
        }
        if pledgers:
            (one, *more) = pledgers
            return one if not more and isinstance(one, Ref) else None
        if any(m.kind in PARTY_KINDS for m in reading.mentions_in(earlier.start, earlier.end)):
            return None
    return None


def _earlier(reading: Reading, clause: Clause, noun: Token, pledger: Ref) -> Fact | None:
    """The earlier pledge ``noun`` heads, made by ``pledger`` (see :func:`_referred_back`)."""
    unit, token = clause.unit, predicate_token(clause)
    # a participle after the noun that the parse hangs on the verb is the noun's ("comes on top
    # of €40 million already disbursed to Peru")
    phrase = [noun, *(c for c in token.children if c.tag_ == "VBN" and c.i > noun.i)]
    inside = _unit_mentions(reading, unit)
    owned = _within(inside, phrase, unit)
    amounts = [m for m in owned if m.kind is MentionKind.AMOUNT]
    kind = "money" if amounts else pledge_kind(phrase, token)
    if kind is None:
        return None
    said = {t.lemma_.lower() for t in _words(phrase) if t.tag_ == "VBN"}
    firmness = "asserted" if said & _DONE else "offered" if "offer" in said else "pledged"
    for_ukraine = _for_ukraine(clause, inside, phrase, False)
    args: dict[str, FactValue | None] = {
        "pledger": pledger,
        "pledge_kind": kind,
        "modality": firmness,
        **_what(amounts, owned, kind, [pledger], unit, phrase, token),
        "beneficiary": _beneficiary(reading, clause, token, phrase, False, for_ukraine),
    }
    args["pledge"] = _pledge_ref([pledger], args["amount"], None, clause)
    return make_fact(FactKind.PLEDGE, args, (unit.evidence(reading.source),), RULE)


_PLEDGE_NOUNS = frozenset({"pledge", "commitment", "announcement", "offer", "contribution",
                           "promise"})  # fmt: skip


def _noun_pledges(reading: Reading, context: Context, clause: Clause) -> Iterator[Fact]:
    """A pledge noun of the clause with its pledger as a demonym or possessive ("the French
    announcement of 2 billion euros", "its contributions" after a state) and what is pledged
    after "of", or after "to" when that names whom it helps ("Chile's contributions to securing
    Moldova's ports", kind ``other`` when no kind is named; not "Chile's commitment to
    peace")."""
    unit = clause.unit
    token = predicate_token(clause)
    nouns = [t for t in token.subtree if t.pos_ == "NOUN" and t.lemma_.lower() in _PLEDGE_NOUNS]
    if not nouns:
        return
    predicates = {predicate_token(c).i for c in context.siblings}
    states = {
        m.span.start: m
        for m in reading.mentions_in(unit.start, unit.end)
        if m.kind is MentionKind.STATE
    }
    for noun in nouns:
        if _owner(noun, predicates) != token.i:
            continue
        owners = [
            states[unit.paragraph.start + c.idx]
            for c in noun.children
            if c.dep_ in {"amod", "poss", "compound"} and unit.paragraph.start + c.idx in states
        ]
        pledger = (
            _agent_ref(owners[0]) if owners else next(iter(_owners(reading, clause, noun)), None)
        )
        objects = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
        helped = _helped_by(reading, clause, noun)
        if pledger is None or not (objects or helped):
            continue
        objects = objects or [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "to"]
        inside = _unit_mentions(reading, unit)
        owned = _within(inside, objects, unit)
        amounts = [m for m in owned if m.kind is MentionKind.AMOUNT]
        kind = "money" if amounts else pledge_kind(objects, noun) or ("other" if helped else None)
        if kind is None:
            continue
        day = context.date(reading, clause)
        args: dict[str, FactValue | None] = {
            "pledger": pledger,
            "pledge_kind": kind,
            "modality": "offered" if noun.lemma_.lower() == "offer" else "pledged",
            "amount": _amount(amounts, [pledger]),
            "quantity": _quantity(owned, kind),
            "date": day,
            "beneficiary": helped,
        }
        args["pledge"] = _pledge_ref([pledger], args["amount"], day, clause)
        yield make_fact(FactKind.PLEDGE, args, (unit.evidence(reading.source),), RULE)


def _helped_by(reading: Reading, clause: Clause, noun: Token) -> Ref | None:
    """The state a pledge noun's own "to" or "of" phrase names as helped ("contributions to
    securing X's ports", "a pledge of aid to X"), or gives it to ("a pledge of €2 billion to
    X")."""
    base, text = clause.unit.paragraph.start, reading.source.text
    given = _recipients(reading, clause, noun)
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "of"}):
        start = base + noun.left_edge.idx
        end = base + prep.right_edge.idx + len(prep.right_edge)
        states = reading.mentions_in(base + prep.idx, end)
        named = (*beneficiaries(text, states, start, end), *(m for m in given if m in states))
        found = first_allowed(text, named, start)
        if found is not None:
            return found
    return None


def _owner(token: Token, predicates: set[int]) -> int:
    """The nearest predicate above ``token`` (the clause that holds it)."""
    node = token
    while node.head.i != node.i and node.i not in predicates:
        node = node.head
    return node.i


def _pledge(reading: Reading, context: Context, clause: Clause) -> Fact | None:
    token = predicate_token(clause)
    receiving = token.lemma_.lower() in RECEIVING
    continued = _continues_a_pledge(token) or _joins_a_force(token) or _steps_up(token)
    announced = clause.action is Action.ANNOUNCE and _announces_money(reading, clause, token)
    made = _makes_a_pledge(token)
    invested = token.lemma_.lower() in FOR_UKRAINE
    if clause.action is not Action.PLEDGE and not (
        receiving or continued or announced or made or invested
    ):
        return None
    if not clause.polarity or _negated_above(token) or _inner_pledge(token):
        return None
    parties = _parties(context, clause, token)
    if parties is None and not _asserted_by_governors(token):
        return None
    if clause.subjectless and not clause.agents("subject", "by"):
        # "Chile is open to participating in …", "… considering a request to send …": the
        # subject of the clause the pledge complements
        clause = replace(clause, arguments=_governing_subjects(context, clause) + clause.arguments)
    pledgers = _readiness_of(reading, clause, token) or _affiliated(
        reading,
        _refs(clause, parties)
        if parties is not None
        else _pledgers(reading, context, clause, token, receiving),
    )
    unnamed = all(m.kind in _PEOPLE for m in clause.agents("subject", "by"))
    group = None if pledgers else _unnamed_group(reading, clause, token)
    if group is not None:
        pledgers = [group[0]]
    if not pledgers and unnamed and modality(token) != "asserted":
        pledgers = _own_troops(clause, token)  # no agent, or a post of no named state
    if not pledgers:
        return None
    objects = _complements(token, receiving)
    unit = clause.unit
    inside = _unit_mentions(reading, unit)
    owned = [
        m
        for m in _within(inside, objects, unit)
        if m.kind is MentionKind.AMOUNT or counts_a_thing(clause, m)
    ]
    amounts = [m for m in owned if m.kind is MentionKind.AMOUNT]
    for_ukraine = _for_ukraine(clause, inside, objects, receiving)
    if invested and not for_ukraine:
        return None
    investing = token.lemma_.lower() in _INVESTING
    kind = "money" if amounts or investing else pledge_kind(objects, token)
    firmness = modality(token)
    strong = token.lemma_.lower() in STRONG or firmness in _FIRM or continued
    if kind is None and objects and (strong or _gives_support(token)):
        kind = "other"
    if kind is None:
        return None
    day = context.date(reading, clause)
    args: dict[str, FactValue | None] = {
        "pledge": None,
        "pledger": pledgers[0] if len(pledgers) == 1 else tuple(pledgers),
        "pledge_kind": kind,
        "modality": firmness,
        **_what(amounts, owned, kind, pledgers, unit, objects, token),
        "condition": condition(token),
        "date": day,
        "meeting": _meeting_at(reading, context, clause),
        "beneficiary": _beneficiary(reading, clause, token, objects, receiving, for_ukraine),
        "deployment_area": _area(reading, clause, objects, receiving),
        "pledger_count": group[1] if group is not None else None,
    }
    args["pledge"] = _pledge_ref(pledgers, args["amount"], day, clause)
    return make_fact(FactKind.PLEDGE, args, (unit.evidence(reading.source),), RULE)


def _unit_mentions(reading: Reading, unit: Unit) -> list[Mention]:
    """The mentions that lie whole inside ``unit``."""
    return [m for m in reading.mentions_in(unit.start, unit.end) if m.span.end <= unit.end]


def _what(
    amounts: Sequence[Mention],
    owned: Sequence[Mention],
    kind: str,
    pledgers: Sequence[FactValue],
    unit: Unit,
    phrase: Sequence[Token],
    token: Token,
) -> dict[str, FactValue | None]:
    """What is pledged, as a pledge's arguments: its amount and the equivalent in brackets, the
    number of what is pledged, and what for."""
    return {
        "amount": _amount(amounts, pledgers),
        "equivalent": _equivalent(amounts, unit),
        "quantity": _quantity(owned, kind),
        "purpose": _purpose(phrase, token),
    }


_MADE = frozenset({"contribution", "commitment", "pledge", "offer", "promise", "donation"})
"""Nouns that "make" turns into the pledge verb ("make a concrete contribution")."""


def _makes_a_pledge(token: Token) -> bool:
    """ "decided to make a contribution", "made a commitment of 300 troops": a light verb
    whose object is a pledge noun pledges as the noun's verb would."""
    return token.lemma_.lower() == "make" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _MADE for c in token.children
    )


_GROUP_NOUNS = frozenset({"countries", "nations", "states", "allies", "partners", "members",
                          "governments", "contributors"})  # fmt: skip
"""What an unnamed group of states is counted as ("26 of our allies", "19 nations")."""
_DEFINITE = frozenset({"the", "these", "those", "both", "its", "their", "all"})


def _unnamed_group(reading: Reading, clause: Clause, token: Token) -> tuple[Ref, Quantity] | None:
    """The pledger when the subject counts states it does not name ("21 of Ukraine's partners
    have pledged …", "Seventeen nations will send …", and a bare number after a partitive set
    before it, "of the 30 nations, 19 had decided to …"): a group of that many states, labelled
    with the source's words. A definite count ("the two countries", "both nations") points back
    to states already named: no group."""
    subject = _by_word(token) if clause.passive else _subject_word(token)
    if subject is None:
        return None
    base = clause.unit.paragraph.start
    counts = [
        (m.span.start, m.span.end, m.span.text, m.value)
        for m in reading.mentions
        if isinstance(m.value, Quantity)
        and clause.unit.start <= m.span.start < clause.unit.end
        and _counts_states(m.span.text, m.value)
    ]
    at = base + subject.idx
    number = _number(subject.text) if subject.pos_ == "NUM" else None
    text = reading.source.text
    for start, end, _, quantity in counts:
        of = re.search(r"\bof\s+(?:the\s+)?$", text[clause.unit.start : start])
        if number is not None and of and re.fullmatch(r"\s*,\s*", text[end:at]):
            words = f"{subject.text} {text[clause.unit.start + of.start() : end]}"
            return group_ref(clause, words), Quantity(number, number, quantity.unit, "")
    for start, end, words, quantity in counts:
        if start <= at < end:
            definite = {subject.left_edge.lower_, words.split()[0].lower()} & _DEFINITE
            return None if definite else (group_ref(clause, words), quantity)
    return None


def _by_word(token: Token) -> Token | None:
    """The agent of a passive predicate ("promised by 12 nations" → nations)."""
    by = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return by[0] if by else None


def _counts_states(text: str, quantity: Quantity) -> bool:
    """A count of states: of countries, or of allies, partners, members…"""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return quantity.unit == "countries" or bool(words & _GROUP_NOUNS)


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def group_ref(clause: Clause, words: str) -> Ref:
    """An unnamed group of states: keyed by its words and its source (two sources' "26
    countries" need not be the same 26), labelled with its words."""
    label = " ".join(words.split())
    return Ref(EntityKind.STATE_GROUP, slug(f"{label} {Path(clause.source).stem}"), label)


def _gives_support(token: Token) -> bool:
    """ "will provide support", "has given 30 packages of military aid": a weak verb whose
    object is support of no named kind still pledges it (kind ``other``)."""
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _SUPPORT for c in token.children
    )


def _announces_money(reading: Reading, clause: Clause, token: Token) -> bool:
    """ "Chile announced $2 billion in aid", "unveiled a €500 million package": announcing an
    amount of money (in the object) pledges it; "announced a plan" does not."""
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    owned = _within(reading.mentions, objects, clause.unit)
    return any(m.kind is MentionKind.AMOUNT for m in owned)


def _continues_a_pledge(token: Token) -> bool:
    """ "extended its deployment of instructors", "will continue its support for Ukraine":
    prolonging a deployment, support, aid or sanctions pledges them again; "continued the
    talks" pledges nothing."""
    if token.lemma_.lower() not in CONTINUING:
        return False
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(t.lemma_.lower() in _CONTINUED for t in _words(objects))


def _steps_up(token: Token) -> bool:
    """ "will boost its support for X", "to increase X funding by £2bn", "stepped up military
    aid": more support, aid or funding given to another is pledged. The object must be such
    support, and funding must name whom it is for ("boost X funding", "funding for X") — a
    state's own spending stepped up ("raise defence funding", "increase pressure") pledges
    nothing."""
    if token.lemma_.lower() not in STEPPING_UP:
        return False
    own = {t.lower_ for s in token.children if s.dep_ == "nsubj" for t in s.subtree}
    for top in (c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}):
        lemma = top.lemma_.lower()
        if lemma in _STEPPED - {"funding", "financing"}:
            return True
        others = [
            t
            for t in top.subtree
            if t is not top and (t.ent_type_ == "GPE" or t.pos_ == "PROPN") and t.lower_ not in own
        ]  # "Chile will increase Chile's defence funding": its own
        if lemma in _STEPPED and others:
            return True
    return False


def _joins_a_force(token: Token) -> bool:
    """ "ready to join the force", "open to participating in peacekeeping" (see JOINING): what
    is joined is the force — the head of the object or of the object of "in" — not talks that
    merely speak of one ("will participate in talks on a security force")."""
    if token.lemma_.lower() not in JOINING or modality(token) == "asserted":
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    heads = objects + [
        g
        for word in (token, *objects)
        for c in word.children
        if c.dep_ == "prep" and c.lower_ in {"in", "into"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    joined = {h.lemma_.lower() for h in heads} | {h.lower_ for h in heads}
    taken = token.lemma_.lower() != "take" or any(o.lower_ == "part" for o in objects)
    return bool(joined & _JOINED) and taken


def _governing_subjects(context: Context, clause: Clause) -> tuple[Argument, ...]:
    """The subjects of the nearest clause above ``clause`` that has a subject (none when that
    subject names no agent: "the force would … train", "26 nations pledged to deploy")."""
    node = clause
    for _ in context.siblings:
        if node.governor is None:
            break
        node = context.siblings[node.governor]
        subjects = tuple(a for a in node.arguments if a.role == "subject")
        if subjects or not node.subjectless:
            return subjects
    return ()


def _negated_above(token: Token) -> bool:
    """A negation on a governing predicate: "is not ready to send", "did not pledge to send"."""
    node = token
    while node.dep_ in {"xcomp", "acl", "ccomp"} and node.head.i != node.i:
        node = node.head
        if any(c.dep_ == "neg" for c in node.children):
            return True
    return False


_RELAYS = frozenset({"request", "proposal", "option", "possibility", "idea"})
"""Nouns that pass a pledge on to the verb that takes them ("considering a request to send",
"weighing the option of deploying")."""
_REPORTING_LEMMAS = frozenset(
    {"say", "announce", "tell", "confirm", "state", "add", "declare", "reveal", "write", "insist",
     "stress", "affirm", "reaffirm", "emphasize", "emphasise", "underline", "underscore", "note",
     "explain", "assure"}
)  # fmt: skip


def _asserted_by_governors(token: Token) -> bool:
    """A pledge inside another clause is the source's (or a speaker's) pledge only when what
    governs it firms it up: a word of readiness, planning or pledging ("ready to send", "offered
    to deploy", "willingness to provide"), a reporting verb ("said it would send"), or "be".
    Not when another act governs it ("urged the EU to provide", "observed an operation to
    train", "discussed sending", "efforts to offer") or it is an indirect question ("whether
    it would offer")."""
    if token.dep_ in {"csubj", "csubjpass"}:
        return False  # "committing troops would mean …": a topic, not a pledge
    node = token
    while node.dep_ in {"xcomp", "acl", "advcl", "pcomp", "ccomp", "relcl", "conj"}:
        if node.dep_ == "relcl" and _relative_subject(node):
            return True  # "12 countries, which have pledged …": said of its antecedent
        if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in node.children):
            return False
        head = governor(node)
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and head.lemma_.lower() in _RELAYS:
            head = head.head  # "considering a request to send": the request is considered
        lemma = head.lemma_.lower()
        if head.pos_ == "ADJ" and head.dep_ in {"amod", "acl"}:
            return False  # "countries willing to contribute": the willing are not named
        if node.dep_ == "conj":
            node = head
            continue
        firm = any(lemma in heads for _, heads in _MODALITY_HEADS) or lemma == "be"
        if not firm and not (node.dep_ == "ccomp" and lemma in _REPORTING_LEMMAS):
            return False
        node = head
    return True


def _relative_subject(token: Token) -> bool:
    """The clause's subject is a relative pronoun ("which", "that", "who"): the clause asserts
    its act of the noun it hangs on."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in _RELATIVES for c in token.children)


def governor(token: Token) -> Token:
    """The word ``token`` depends on, through a preposition ("open to participating" → open)."""
    head = token.head
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        return head.head
    return head


def _inner_pledge(token: Token) -> bool:
    """The predicate hands its pledge to a complement ("pledged to send", "offered to
    contribute"): the complement is the pledge, read on its own clause."""
    return any(
        c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"} and c.lemma_.lower() not in _PURPOSE_VERBS
        for c in token.children
    )


def _agent_ref(mention: Mention) -> Ref | None:
    if not isinstance(mention.value, Ref):
        return None
    if (
        mention.kind in {MentionKind.PERSON, MentionKind.ROLE}
        and mention.of
        and mention.of.kind is EntityKind.STATE
    ):
        return mention.of  # a titled person, or a post ("Chile's defence minister"), speaks for it
    if mention.value.kind in _AGENT_KINDS:
        return mention.value
    return None


_AGENT_KINDS = frozenset({EntityKind.STATE, EntityKind.ORGANIZATION, EntityKind.PERSON})


def _pledgers(
    reading: Reading, context: Context, clause: Clause, token: Token, receiving: bool
) -> list[Ref]:
    """Who pledges (see the module docstring); one entry per distinct agent, in text order."""
    if receiving:
        mentions = _speakers(context, clause)
    else:
        mentions = clause.agents("by") if clause.passive else clause.agents("subject")
        if not mentions and _pronoun_subject(token):
            mentions = (
                _relative_antecedent(reading, clause, token)
                or _speakers(context, clause)
                or _antecedents(reading, clause, token)
            )
            mentions = _the_country(reading, clause, token, mentions)
    return _refs(clause, mentions)


def _relative_antecedent(reading: Reading, clause: Clause, token: Token) -> list[Mention]:
    """For a relative pronoun subject, the agent named by the noun the clause hangs on ("Chile,
    which has pledged 40 drones …" → Chile)."""
    if token.dep_ != "relcl" or not _relative_subject(token):
        return []
    base, noun = clause.unit.paragraph.start, token.head
    at = base + noun.idx
    return [
        m
        for m in reading.mentions_in(clause.unit.start, clause.unit.end)
        if m.kind in _AGENT_MENTIONS and m.span.start <= at < m.span.end
    ]


def _refs(clause: Clause, mentions: Sequence[Mention]) -> list[Ref]:
    """The agents ``mentions`` name, Ukraine (the beneficiary) and agents inside a phrase
    left out, one entry per distinct agent in text order."""
    refs = [
        r
        for m in mentions
        if (r := _agent_ref(m)) is not None and r != UKRAINE and not _inside_a_phrase(clause, m)
    ]
    return list(dict.fromkeys(refs))


_AGREEMENTS = frozenset(
    n for n, kind in DOCUMENT_NOUNS.items() if kind in {"agreement", "memorandum"}
)
"""Nouns of an agreement between parties ("deal", "pact", "accord", "memorandum"…)."""


_CONCLUDING = frozenset({"conclude", "strike", "seal", "ink", "reach"})
"""Verbs that conclude an agreement besides those of ``Action.AGREE`` (sign, ratify…)."""


def _parties(context: Context, clause: Clause, token: Token) -> list[Mention] | None:
    """When an agreement pledges ("A and B signed a deal that pledged aid", "the pact signed by
    A and B commits troops"), its parties, who pledge: the subjects of the verb that concluded it
    (the ``by`` agents of a passive one), when that verb is itself asserted ("urged A to sign a
    pact that pledges …" pledges nothing); a pledge the agreement frames with a subject of its
    own ("signed a deal under which Chile will train …") is that subject's. None when the
    pledge is no agreement's."""
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if token.dep_ == "relcl":
        noun = token.head
    elif subjects:
        noun = subjects[0]
    else:
        return None
    if noun.lemma_.lower() not in _AGREEMENTS:
        return None
    own = token.dep_ == "relcl" and any(s.lower_ not in _RELATIVES for s in subjects)
    verbs = [noun.head] if noun.dep_ in {"dobj", "nsubjpass"} else []
    verbs += [
        c for c in noun.children if c.dep_ == "relcl" or (c.dep_ == "acl" and c.tag_ == "VBN")
    ]
    for concluded in context.siblings:
        verb = predicate_token(concluded)
        if verb not in verbs or not (
            concluded.action is Action.AGREE or verb.lemma_.lower() in _CONCLUDING
        ):
            continue
        asserted = verb.head.i == noun.i or _asserted_by_governors(verb)
        if not concluded.polarity or _negated_above(verb) or not asserted:
            return []
        if own:
            return clause.agents("by") if clause.passive else clause.agents("subject")
        passive = verb.dep_ == "acl" or concluded.passive
        return concluded.agents("by") if passive else concluded.agents("subject")
    return None


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def _the_country(
    reading: Reading, clause: Clause, token: Token, speakers: list[Mention]
) -> list[Mention]:
    """ "the country" / "the Baltic state" whose speaker names no state ("President Vega, who
    represents Peru, said the country would join …"): the last state the paragraph names
    before it."""
    subject = _subject_word(token)
    if subject is None or subject.pos_ == "PRON" or subject.lemma_.lower() not in _NOMINAL:
        return speakers
    said = _affiliated(reading, [r for m in speakers if (r := _agent_ref(m)) is not None])
    if any(r.kind is EntityKind.STATE for r in said):
        return speakers
    paragraph = clause.unit.paragraph
    at = paragraph.start + subject.idx
    before = [
        m
        for m in reading.mentions
        if m.kind is MentionKind.STATE and paragraph.start <= m.span.start and m.span.end <= at
    ]
    return before[-1:]


_READINESS_NOUNS = frozenset({"readiness", "willingness", "openness", "commitment", "offer",
                              "plan", "pledge", "promise", "decision", "intention"})  # fmt: skip


def _readiness_of(reading: Reading, clause: Clause, token: Token) -> list[Ref]:
    """The state whose readiness the pledge complements ("Swedish openness to participating in
    the force", "Chile's willingness to provide …"): it pledges, not the clause's subject."""
    node = token
    while node.dep_ in {"acl", "pcomp", "xcomp"} and node.head.i != node.i:
        node = governor(node)
        if node.pos_ == "NOUN" and node.lemma_.lower() in _READINESS_NOUNS:
            return _owners(reading, clause, node)
    return []


def _owners(reading: Reading, clause: Clause, noun: Token) -> list[Ref]:
    """The states a noun belongs to: a demonym or possessive ("Swedish", "Chile's"), or for
    "its" the last state the unit names before it."""
    base = clause.unit.paragraph.start
    states = [
        (m.span.start, m.span.end, m.value)
        for m in reading.mentions
        if m.kind is MentionKind.STATE
        and clause.unit.start <= m.span.start < clause.unit.end
        and isinstance(m.value, Ref)
        and m.value != UKRAINE
    ]
    out: list[Ref] = []
    for child in noun.children:
        if child.dep_ not in {"poss", "amod"}:
            continue
        at = base + child.idx
        if child.lower_ == "its":
            out += [ref for _, end, ref in states if end <= at][-1:]
        out += [ref for start, _, ref in states if start == at]
    return list(dict.fromkeys(out))


def _inside_a_phrase(clause: Clause, mention: Mention) -> bool:
    """The agent only qualifies the subject through a preposition ("24 of Chile's allies",
    "officials from Peru"): the subject is not the agent."""
    paragraph = clause.unit.paragraph
    span = paragraph.doc.char_span(
        mention.span.start - paragraph.start,
        mention.span.end - paragraph.start,
        alignment_mode="expand",
    )
    if span is None or not len(span):
        return False
    node = span.root
    while node.dep_ not in {"nsubj", "nsubjpass"} and node.head.i != node.i:
        if node.dep_ == "pobj" and node.head.dep_ != "agent":
            return True
        node = node.head
    return False


def _own_troops(clause: Clause, token: Token) -> list[Ref]:
    """With no named pledger, the states whose troops the clause pledges ("a plan to deploy
    British and French troops"): the demonyms modifying what is pledged — the pledged noun
    itself, not another word of its phrase ("support against Russian aggression")."""
    words = {
        t.idx + clause.unit.paragraph.start
        for t in _words(_complements(token, False))
        if _modifies_a_pledged_noun(t)
    }
    return list(
        dict.fromkeys(
            a.mention.value
            for a in clause.arguments
            if a.mention.kind is MentionKind.STATE
            and a.mention.form == "demonym"
            and a.mention.span.start in words
            and isinstance(a.mention.value, Ref)
            and a.mention.value != UKRAINE
        )
    )


def _modifies_a_pledged_noun(token: Token) -> bool:
    """A modifier (or a conjunct of one: "British and French") of a noun of a pledge kind."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    return node.dep_ in {"amod", "compound"} and _kind_of([node.head]) is not None


def _affiliated(reading: Reading, refs: Sequence[Ref]) -> list[Ref]:
    """People the source names elsewhere with their state's title stand for that state
    ("Prime Minister Ana Ruiz of Chile" … "Ruiz promised …"), as do people any other source
    titles so (``reading.affiliations``) when this one gives no title."""
    states = {
        m.value.key: m.of
        for m in reading.mentions
        if m.kind is MentionKind.PERSON
        and isinstance(m.value, Ref)
        and m.of is not None
        and m.of.kind is EntityKind.STATE
    }
    states = {**reading.affiliations, **states}
    return list(dict.fromkeys(states.get(r.key, r) if r.kind is EntityKind.PERSON else r
                              for r in refs))  # fmt: skip


def _speakers(context: Context, clause: Clause) -> list[Mention]:
    """Everyone whose reported speech the clause is ("A and B said they would …"): the subjects
    of the nearest reporting clause above it, else the clause's speaker."""
    node = clause
    for _ in context.siblings:
        if node.governor is None:
            break
        node = context.siblings[node.governor]
        if node.action in REPORTING:
            subjects = node.agents("subject")
            if subjects:
                return subjects
    return [clause.speaker.mention] if clause.speaker is not None else []


def _pronoun_subject(token: Token) -> bool:
    """The subject is a pronoun or "the/his country" (so the speaker is who pledges), or the
    predicate has no subject in its own sentence."""
    subject = _subject_word(token)
    return subject is not None and (subject.lower_ in _PRONOUN_SUBJECTS or subject.pos_ == "PRON")


_UP_TO_SUBJECT = frozenset({"xcomp", "conj", "acl", "advcl", "acomp", "pcomp"})


def _subject_word(token: Token) -> Token | None:
    """The subject of the predicate, or of the predicate it complements or is conjoined to."""
    node = token
    while True:
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return subjects[0]
        if node.head.i == node.i or node.dep_ not in _UP_TO_SUBJECT:
            return None
        node = governor(node)


_ANAPHORS = {"he": _PEOPLE, "she": _PEOPLE, "it": _BODIES}
"""Singular pronouns that take the subject of the previous sentence when no one is quoted
("Chile's president spoke in Lima. She pledged …"), with the mention kinds they can stand for."""


def _quoted(reading: Reading, clause: Clause) -> list[Mention]:
    """ "we"/"I" in a paragraph that is a bare quotation: whoever the previous paragraph last
    reports speaking ("Ruiz said …" / "\"We are ready to send troops.\"")."""
    paragraph = clause.unit.paragraph
    if not paragraph.doc.text.lstrip().startswith(('"', "“", "'", "‘")):
        return []
    before = [
        c
        for u, clauses in reading.units
        if u.paragraph.index == paragraph.index - 1
        for c in clauses
        if c.action in REPORTING and c.agents("subject")
    ]
    return before[-1].agents("subject") if before else []


def _antecedents(reading: Reading, clause: Clause, token: Token) -> list[Mention]:
    """For "he/she/it" with no speaker: the subjects of the main clause of the previous
    sentence of the paragraph that "he/she" (a person) or "it" (a state, an organisation) can
    stand for; for "we/I", the speaker of a bare quotation (:func:`_quoted`)."""
    subject = _subject_word(token)
    if subject is not None and subject.lower_ in {"we", "i"}:
        return _quoted(reading, clause)
    kinds = _ANAPHORS.get(subject.lower_, frozenset()) if subject is not None else frozenset()
    units = [u for u, _ in reading.units]
    at = units.index(clause.unit) if clause.unit in units else 0
    if not kinds or at == 0 or units[at - 1].paragraph is not clause.unit.paragraph:
        return []
    for previous in reading.units[at - 1][1]:
        if previous.governor is None and previous.agents("subject"):
            return [m for m in previous.agents("subject") if m.kind in kinds]
    return []


def _complements(token: Token, receiving: bool) -> list[Token]:
    """What is pledged: the predicate's objects, obliques and complements (never its subject;
    the passive's subject is what was pledged; the receiver's object)."""
    out = sorted(
        (c for c in token.children if c.dep_ in _COMPLEMENT_ORDER),
        key=lambda c: (_COMPLEMENT_ORDER.index(c.dep_), c.i),
    )
    if token.dep_ == "acl" and not receiving:
        out.append(token.head)  # "readiness to send troops": no object of its own
    return out


_COMPLEMENT_ORDER = ("dobj", "nsubjpass", "attr", "oprd", "dative", "acomp", "xcomp", "npadvmod",
                     "advmod", "pobj", "prep", "ccomp", "advcl")  # fmt: skip
"""What a predicate pledges, most direct first: the kind of the object wins over an oblique's."""


def _words(tokens: Iterable[Token]) -> list[Token]:
    return [t for top in tokens for t in top.subtree]


def pledge_kind(objects: Sequence[Token], predicate: Token) -> str | None:
    """The kind of what ``objects`` (tokens heading what is pledged) name, or None."""
    if predicate.lemma_.lower() == "train":
        return "training"
    for top in objects:
        kind = _kind_of([t for t in top.subtree if t.pos_ != "ADJ"])
        if kind is not None:
            return kind
    return None


def _kind_of(words: Sequence[Token]) -> str | None:
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    if "boots" in lemmas and "ground" in lemmas:
        return "troops"
    for kind, heads in KINDS:
        if any(
            (t.lemma_.lower() in heads or t.lower_ in heads)
            and not (t.lemma_.lower() in _MILITARY_ONLY and not _military(t))
            for t in words
        ):
            return kind
    return None


def _military(token: Token) -> bool:
    """'military support', 'air-defence assistance': support that is a military capability."""
    return any(c.lower_ in _MILITARY or c.lemma_.lower() in _MILITARY for c in token.children)


def modality(token: Token) -> str:
    """How firmly the pledge is made (see the module docstring), from the predicate's
    auxiliaries and the words that govern it."""
    node = token
    while True:
        auxes = [c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}]
        for kind, heads in _MODALITY_HEADS:
            if node.i != token.i and node.lemma_.lower() in heads:
                return kind
        for aux in auxes:
            if aux in _AUX_MODALITY:
                return _AUX_MODALITY[aux]
        if node.dep_ == "dobj" and node.lemma_.lower() in _RELAYS:
            node = node.head  # "considering a request to send"
            continue
        if node.dep_ not in {"xcomp", "acl", "acomp", "ccomp", "pcomp"} or node.head.i == node.i:
            break
        if node.dep_ == "ccomp" and node.head.lemma_.lower() not in {"be"}:
            break
        node = governor(node)
    lemma = token.lemma_.lower()
    for kind, heads in _MODALITY_HEADS:
        if lemma in heads:
            return kind
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return "future" if infinitive and headline_future(token) else "asserted"


def condition(token: Token) -> str | None:
    """The condition the pledge is made under, in the source's words, if the sentence states
    one: a conditional clause ("if …", "once …", "provided …") or phrase ("subject to …",
    "under a peace deal", "after a ceasefire", "post-ceasefire") of the predicate or of a word
    governing it, that speaks of a ceasefire, a deal, a mandate, a request…"""
    for node in _up(token):
        for child in node.children:
            near = [child, *(c for c in child.children if child.dep_ in {"dobj", "nsubjpass"})]
            for word in near:
                text = _condition_of(word)
                if text:
                    return text
    return None


def _up(token: Token) -> Iterator[Token]:
    node = token
    yield node
    while node.head.i != node.i and node.dep_ in {"xcomp", "acl", "acomp", "conj", "ccomp"}:
        node = node.head
        yield node


def _condition_of(child: Token) -> str | None:
    if child.dep_ == "advcl":
        marks = [c for c in child.children if c.dep_ in {"mark", "advmod"}]
        if any(m.lower_ in _CONDITION_MARKS for m in marks):
            return _span_text(child)
    if child.dep_ == "prep" and child.lower_ in _CONDITION_PREPS:
        text = _span_text(child)
        if child.lower_ == "to" and child.head.lower_ != "subject":
            return None
        if child.lower_ == "in" and "event" not in text.lower():
            return None
        return text if _CONDITION_WORDS.search(text) else None
    if child.dep_ in {"acomp", "amod", "advmod", "advcl"} and child.lower_ == "subject":
        return _span_text(child)
    if child.lower_.startswith("post-") and _CONDITION_WORDS.search(child.lower_):
        return child.text
    for grand in child.children:
        if grand.lower_.startswith("post-") and _CONDITION_WORDS.search(grand.lower_):
            return grand.text
    return None


def _span_text(token: Token) -> str:
    words = list(token.subtree)
    doc = token.doc
    return doc[words[0].i : words[-1].i + 1].text.strip(" ,;")


def _within(mentions: Sequence[Mention], objects: Sequence[Token], unit: Unit) -> list[Mention]:
    """The amount and quantity mentions that lie inside what is pledged."""
    if not objects:
        return []
    doc = objects[0].doc
    base = unit.paragraph.start
    ranges = [
        (base + doc[min(t.i for t in o.subtree)].idx,
         base + doc[max(t.i for t in o.subtree)].idx + len(doc[max(t.i for t in o.subtree)]))
        for o in objects
    ]  # fmt: skip
    return [
        m
        for m in mentions
        if m.kind in {MentionKind.AMOUNT, MentionKind.QUANTITY, MentionKind.COUNT}
        and any(s <= m.span.start and m.span.end <= e for s, e in ranges)
    ]


_OWN_DOLLAR = {"CAN": "CAD", "AUS": "AUD", "NZL": "NZD"}
"""States whose own currency is a dollar (``C$``, ``A$``, ``NZ$`` in the mention table)."""


def _amount(amounts: Sequence[Mention], pledgers: Sequence[FactValue]) -> Money | None:
    """The first amount pledged; a bare "$" in the pledge of one state whose currency is a
    dollar is that state's dollar ("Canada pledged $2 billion": Canadian dollars, as its own
    readouts write them), not the US dollar the symbol means elsewhere."""
    value = amounts[0].value if amounts else None
    if not isinstance(value, Money):
        return None
    states = [p.key for p in pledgers if isinstance(p, Ref) and p.kind is EntityKind.STATE]
    bare = amounts[0].span.text.lstrip().startswith("$")
    if bare and len(states) == 1 and states[0] in _OWN_DOLLAR:
        return replace(value, currency=_OWN_DOLLAR[states[0]])
    return value


def _equivalent(amounts: Sequence[Mention], unit: Unit) -> Money | None:
    """An amount in brackets right after the first: "£1.6 billion (about $2 billion)"."""
    if len(amounts) < 2:
        return None
    text = unit.paragraph.doc.text
    base = unit.paragraph.start
    gap = text[amounts[0].span.end - base : amounts[1].span.start - base]
    value = amounts[1].value
    if re.fullmatch(r"\s*\((?:about|approximately|around|roughly|some|c\.)?\s*", gap):
        return value if isinstance(value, Money) else None
    return None


def _quantity(owned: Sequence[Mention], kind: str) -> FactValue | None:
    """The number of what is pledged (the first count of the pledge's kind, else the first)."""
    numbers = [m for m in owned if m.kind is not MentionKind.AMOUNT]
    heads = dict(KINDS).get(kind, frozenset())
    fitting = [m for m in numbers if any(w in heads for w in re.findall(r"\w+", m.span.text))]
    pick = (fitting or numbers)[:1]
    return pick[0].value if pick else None


def _purpose(objects: Sequence[Token], predicate: Token) -> str | None:
    """What the pledge is for: "to purchase …", "for …", "towards …" (not "for Ukraine", "for
    Moldova": a state is the beneficiary)."""
    candidates = [*objects, *(c for o in objects for c in o.children)]
    for token in candidates:
        if token.dep_ in {"xcomp", "advcl", "acl", "relcl"} and token.lemma_.lower() in (
            _PURPOSE_VERBS
        ):
            if token.lemma_.lower() == predicate.lemma_.lower():
                continue
            words = [t for t in token.subtree if t.dep_ != "aux" or t.lower_ != "to"]
            return token.doc[words[0].i : words[-1].i + 1].text.strip(" ,;")
        if token.dep_ == "prep" and token.lower_ in {"for", "towards", "toward"}:
            text = _span_text(token)
            body = re.sub(r"^(?:for|towards|toward)\s+", "", text, flags=re.I)
            if not re.fullmatch(r"(?:Kyiv|Kiev|Ukrainians?)", body) and state_key(body) is None:
                return body  # "for Ukraine", "for Moldova": whom it is for, not what
    return None


def _meeting_at(reading: Reading, context: Context, clause: Clause) -> Ref | None:
    """The meeting the pledge was made at, when the clause names one with its date."""
    return context.named(reading, clause)


def _for_ukraine(
    clause: Clause, inside: Sequence[Mention], objects: Sequence[Token], receiving: bool
) -> bool:
    """Ukraine receives: the subject of "receive", or named among what is pledged ("to/for
    Ukraine", "into Ukraine")."""
    if receiving:
        return any(_agent_ref(m) == UKRAINE for m in clause.agents("subject"))
    words = {t.lower_ for t in _words(objects)}
    return bool(words & {"ukraine", "kyiv", "kiev", "ukrainian"})


def _beneficiary(
    reading: Reading,
    clause: Clause,
    token: Token,
    objects: Sequence[Token],
    receiving: bool,
    for_ukraine: bool,
) -> Ref | None:
    """Whom the pledge is for: the state what is pledged names as helped ("aid to X", "support
    for X", "X's defence", "to secure X"; :mod:`cowkg.read.destinations`), else the state it is
    given to or for ("offered 40 drones to X"), else Ukraine when it receives or is named among
    what is pledged (:func:`_for_ukraine`)."""
    extent = None if receiving else _extent(objects, clause.unit)
    if extent is not None:
        text, (start, end) = reading.source.text, extent
        found = beneficiaries(text, reading.mentions_in(start, end), start, end)
        helped = first_allowed(text, (*found, *_recipients(reading, clause, token)), start)
        if helped is not None:
            return helped
    return UKRAINE if for_ukraine else None


def _recipients(reading: Reading, clause: Clause, token: Token) -> list[Mention]:
    """The states the predicate (or pledge noun) or its object gives "to" or "for" ("pledged
    40 drones to X", "will send troops to X", "€2 million for X"); a demonym says whose, not to
    whom."""
    heads = [token, *(c for c in token.children if c.dep_ in {"dobj", "nsubjpass"})]
    objects = [
        g
        for h in heads
        for c in h.children
        if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    base, unit = clause.unit.paragraph.start, clause.unit
    return [
        m
        for m in reading.mentions_in(unit.start, unit.end)
        if m.kind is MentionKind.STATE
        and m.form != "demonym"
        and any(m.span.start <= base + g.idx < m.span.end for g in objects)
    ]


def _area(
    reading: Reading, clause: Clause, objects: Sequence[Token], receiving: bool
) -> Ref | None:
    """Where what is pledged is to go ("send 300 soldiers to X", "a deployment in X")."""
    extent = None if receiving else _extent(objects, clause.unit)
    if extent is None:
        return None
    text, (start, end) = reading.source.text, extent
    return first_allowed(text, areas(text, reading.mentions_in(start, end), start, end), start)


def _extent(objects: Sequence[Token], unit: Unit) -> tuple[int, int] | None:
    """Where what is pledged is written: from the first to the last word of the objects."""
    words = _words(objects)
    if not words:
        return None
    first, last = min(words, key=lambda t: t.i), max(words, key=lambda t: t.i)
    base = unit.paragraph.start
    return base + first.idx, base + last.idx + len(last)


def _pledge_ref(
    pledgers: Sequence[Ref],
    amount: FactValue | None,
    day: dt.date | None,
    clause: Clause,
    item: int | None = None,
) -> Ref:
    """Pledges of the same amount by the same pledger(s) are one pledge whichever source states
    them; others are keyed by date, else by where the source states them (and where the item
    of a list of pledges starts)."""
    who = "-".join(p.key for p in pledgers)
    if isinstance(amount, Money):
        key = f"{who}-{amount.currency}-{amount.value.normalize():f}"
    elif day is not None:
        key = f"{who}-{day.isoformat()}-{clause.trigger.text}"
    else:
        key = f"{who}-{clause.source[:3]}-{clause.start}"
    if item is not None and not isinstance(amount, Money):
        key += f"-{item}"
    label = "pledge by " + " and ".join(p.label or p.key for p in pledgers)
    if isinstance(amount, Money):
        label += f", {amount.currency} {amount.value.normalize():,f}"
    if day is not None:
        label += f", {day.day} {day:%B} {day.year}"
    return Ref(EntityKind.PLEDGE, slug(key), label)


__all__ = ["KINDS", "condition", "modality", "pledge_kind", "pledges", "restated"]
