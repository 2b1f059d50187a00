"""Stances: which party backs, supports or defends whom (or what), and which opposes or presses
whom — a position, not a pledge of aid.

Read from the parse of each unit, in five shapes:

- **a verb of stance**: support — back, support, defend, champion, stand with/by/behind, side
  with, rally behind/around; opposition — oppose, be/remain opposed to, resist, confront,
  counter, fight, sanction, pressure, isolate, stand/side/act/fight/turn against. The holders are
  the subject (conjuncts included: "A, B and C backed …"), the ``by`` agents of a passive ("was
  opposed by A"; a participle's noun is the target: "a force supported by A"), and the
  leader of a holder ("A, led by B, opposed …": B too; "some countries, led by B" — B alone); a
  relative pronoun is the noun it stands for ("leaders of the coalition, who commit to
  defending …": the coalition), and so is the noun an infinitive hangs on ("a coalition to
  support the ceasefire"); a subjectless conjunct, complement or infinitive takes its governor's
  subject; a pronoun subject of reported speech is the speaker ("X said it would back Y": "it" a
  state or organisation, "he"/"she" a person, "we"/"I" any party);
- **a noun of stance predicated of a party**: backer, supporter, ally, partner, defender,
  champion, friend; opponent, adversary, enemy, foe, critic — with its target as possessor or
  ``of`` phrase ("Ukraine's backers", "partners of Chile"), and its holders the subject of the
  copula or of the verb of its ``as`` phrase ("A and B emerged as X's backers", "A is an ally of
  X"), its apposition ("A, X's backer,") or its ``including``/``such as`` names;
- **the noun support/backing** with its holder and target written: "support for X from Y",
  "Y's support for X", "the support of Y" (whose target is the party the clause's subject is:
  "X did it with/through the support of Y"), "in support of X" (held by the subject of the verb
  it hangs on), and support a party expresses, voices, reaffirms,
  declares or shows ("Y voiced support for X"), a demonym's ("French support for X") and a show
  of support staged by a party ("A staged a show of support for X"). Support a party pledges,
  provides, delivers, increases or continues is aid: the pledges mapping reads it, and it is no
  stance here;
- **pressure and sanctions on a party**: "Y increased pressure on X", "Y's sanctions against X"
  (opposition of the verb's subject or the noun's possessor);
- **against a party**: an ``against`` phrase on a clause's verb or its object ("pledged aid for
  X against Y's aggression", "sided with X against Y") is the clause's holders' opposition to the
  party the phrase names — itself, or the owner of its aggression, war, invasion, attacks…

**Target**: the party the object's head word is (a state, organisation, person, the coalition),
or the owner of a word that stands for it ("X's sovereignty", "Y's aggression"); otherwise no
target, and the stance is on the thing the source names (``issue``, verbatim: "the option of
sending troops to X", "the ceasefire"), with the parties that phrase names as ``about`` (a
relative clause or apposition inside it is another statement, and left out). ``against``,
nouns of stance, support, pressure and the verbs other than back, support, defend, champion and
oppose need a party ("fought fires" is none).

**Not a stance** (nothing): a negated one ("did not back X": not backing is no opposition; the
polarity flips only where the words do — "opposed" — so a negation yields no fact), one
supposed or possible ("would support if", "could back", "whether X backs"), one refused or
failed ("refused to back", "failed to support"), one with no named holder ("the plan was widely
backed", "observers opposed it", "Ukraine's allies met"), support as aid pledged or provided
("pledged support for X", "will provide support"), "support" that no party gives
("systems that support operations"), and a question or heading ("Will X oppose Y?", "Why X
opposes Y": it asks or names a topic, and asserts nothing). "Will support" is a stance with
modality ``future``, "committed to defending" ``committed``, "plans to back" ``planned``, "is
expected to back" ``expected``; "would" reported after a past verb of saying ("X said it would
stand with Y") is the speaker's "will": ``future``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.known import make_fact
from cowkg.read.clauses import LEXICON, REPORTING, Clause, negated
from cowkg.read.mappings.about import clause_date, clause_of, is_question, mentions_at
from cowkg.read.mappings.posts import verb_of
from cowkg.read.units import Unit, UnitKind
from cowkg.types import PARTY_KINDS, Fact, FactKind, FactValue, Mention, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "stance"
SUPPORT, OPPOSITION = "support", "opposition"

_VERBS: Mapping[str, str] = {
    **dict.fromkeys(["back", "support", "defend", "champion"], SUPPORT),
    **dict.fromkeys(["oppose", "resist", "confront", "counter", "fight", "sanction", "pressure",
                     "pressurise", "pressurize", "isolate"], OPPOSITION),
}  # fmt: skip
"""Verb lemma → the stance its subject takes toward its object."""
_ON_THINGS = frozenset({"back", "support", "defend", "champion", "oppose"})
"""Verbs whose object may be a thing rather than a party ("opposed the plan", "back the deal");
the others are stances only toward a party ("fight Y", not "fight fires")."""
_PHRASAL: Mapping[tuple[str, str], str] = {
    **dict.fromkeys([("stand", "with"), ("stand", "by"), ("stand", "behind"), ("side", "with"),
                     ("rally", "behind"), ("rally", "around")], SUPPORT),
    **dict.fromkeys([("oppose", "to"), ("stand", "against"), ("side", "against"),
                     ("act", "against"), ("fight", "against"), ("turn", "against")], OPPOSITION),
}  # fmt: skip
"""Verb lemma and preposition → the stance toward the preposition's object."""
_PARTICIPLES = {"opposed": "oppose", "backed": "back", "supported": "support"}
_NOUNS: Mapping[str, str] = {
    **dict.fromkeys(["backer", "supporter", "ally", "partner", "defender", "champion", "friend"],
                    SUPPORT),
    **dict.fromkeys(["opponent", "adversary", "enemy", "foe", "critic"], OPPOSITION),
}  # fmt: skip
"""Nouns that say a party's stance toward the party owning them ("X's backers")."""
_SUPPORT_NOUNS = frozenset({"support", "backing"})
_EXPRESSING = frozenset({"express", "voice", "reaffirm", "reiterate", "declare", "signal", "show",
                         "affirm", "confirm", "underline", "underscore", "stress", "emphasise",
                         "emphasize", "restate", "offer", "lend", "throw",
                         "highlight"})  # fmt: skip
"""Verbs by which a party states its support ("voiced support for X"); other verbs over the noun
(pledge, provide, deliver, increase, continue…) give support as aid: a pledge, not a stance."""
_SHOWING = frozenset({"show", "display", "expression", "message", "declaration", "statement",
                      "gesture", "sign", "signal", "demonstration"})  # fmt: skip
"""Nouns whose ``of support`` is support shown by their verb's subject ("staged a show of
support for X"); a pledge of support is a pledge."""
_PRESSING = frozenset({"pressure", "sanction", "sanctions"})
_STAND_INS = frozenset({
    "sovereignty", "security", "defence", "defense", "independence", "integrity", "people",
    "government", "fight", "struggle", "cause", "resistance", "aggression", "war", "invasion",
    "attack", "occupation", "regime", "offensive", "strike", "assault", "bombardment",
    "expansionism", "imperialism", "forces", "army", "troops", "leadership", "threat",
})  # fmt: skip
"""Words that stand for their owner as a stance's target ("X's sovereignty", "Y's aggression")."""
_GROUPS = frozenset({"leader", "government", "minister", "member", "country", "state", "nation",
                     "coalition", "group", "alliance", "delegation", "head", "representative",
                     "official"})  # fmt: skip
"""Nouns that speak for the party of their ``of`` phrase or possessor ("leaders of the
coalition", "a coalition of 35 countries")."""
_SPEAKING: Mapping[str, frozenset[MentionKind]] = {
    "it": frozenset({MentionKind.STATE, MentionKind.ORGANIZATION}),
    **dict.fromkeys(["he", "she"], frozenset({MentionKind.PERSON})),
    **dict.fromkeys(["we", "i"], PARTY_KINDS),
}
"""Pronouns that, as the subject of reported speech, stand for its speaker, and the kinds of
party each can stand for."""
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_KEPT = frozenset({"asserted", "future", "planned", "expected"})
"""Clause modality → the stance's modality; conditional and possible stances give none."""
_COMMITTING = frozenset({"commit", "pledge", "vow", "promise"})
_UNDOING = frozenset({"refuse", "fail", "decline", "hesitate", "reluctant", "unwilling",
                      "consider", "whether", "if"})  # fmt: skip
"""Governing words under which a stance is not taken: refused, failed, only considered, asked."""
_CLIMB = frozenset({"conj", "xcomp", "ccomp", "pcomp", "advcl", "prep", "acomp"})
"""Dependencies through which a predicate without a subject takes its governor's."""
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_DEPTH = 4
"""How many steps a noun phrase is followed to the party it stands for."""
_OUTSIDE = frozenset({"relcl", "appos", "advcl"})
"""Children whose words are another statement than the target phrase's own."""
_BREAKS = frozenset({",", ";", ":", "(", "—", "–"})
"""Marks that end a target phrase as the source words it."""


def stances(reading: Reading) -> Iterator[Fact]:
    """Every stance a named party takes toward a party or a thing (see the module doc)."""
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.HEADING or is_question(unit):
            continue  # a heading names a topic ("Why Chile opposes Bolivia"), a question asks
        found: dict[tuple[object, ...], Fact] = {}
        for token in unit.sentence:
            for fact in _read(reading, unit, clauses, token):
                found.setdefault(_identity(fact), fact)
        yield from found.values()


def _identity(fact: Fact) -> tuple[object, ...]:
    args = fact.args
    return (args["holder"], args["polarity"], args.get("target"), args.get("issue"))


def _read(reading: Reading, unit: Unit, clauses: Sequence[Clause], token: Token) -> Iterator[Fact]:
    lemma = _lemma(token)
    verbal = lemma in _VERBS or any((lemma, p.lower_) in _PHRASAL for p in _preps(token))
    if verbal and (clause_of(unit, clauses, token) is not None or token.dep_ == "acomp"):
        yield from _by_verb(reading, unit, clauses, token)
    elif token.pos_ in {"NOUN", "PROPN"} and lemma in _NOUNS:
        yield from _by_noun(reading, unit, clauses, token)
    elif lemma in _SUPPORT_NOUNS and token.pos_ == "NOUN":
        yield from _by_support(reading, unit, clauses, token)
    elif lemma in _PRESSING and token.pos_ == "NOUN":
        yield from _by_pressure(reading, unit, clauses, token)
    if token.lower_ == "against" and token.dep_ == "prep":
        yield from _by_against(reading, unit, clauses, token)


def _lemma(token: Token) -> str:
    """The verb's lemma, also for its participle tagged an adjective ("remains opposed to X")."""
    lemma = token.lemma_.lower()
    return _PARTICIPLES.get(lemma, lemma)


def _preps(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"prep", "prt"}]


def _by_verb(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], token: Token
) -> Iterator[Fact]:
    clause = clause_of(unit, clauses, token)
    if clause is None and token.dep_ == "acomp":  # "remains opposed to X"
        clause = clause_of(unit, clauses, token.head)
    modality = _modality(clause, token)
    if clause is None or modality is None:
        return
    lemma = _lemma(token)
    phrasal = [p for p in _preps(token) if (lemma, p.lower_) in _PHRASAL]
    readings = [(_PHRASAL[(lemma, p.lower_)], _pobjs_of(p)) for p in phrasal]
    passive = _is_passive(token) or any(c.dep_ == "agent" for c in token.children)
    if not phrasal:
        deps = {"nsubjpass"} if passive else {"dobj", "npadvmod"}
        objects = [c for c in token.children if c.dep_ in deps]
        if passive and not objects:
            objects = _modified(token)  # "a force … supported by X": the force
        readings = [(_VERBS[lemma], objects)]
    holders = _holders(reading, unit, token, passive and not phrasal)
    party_only = lemma not in _ON_THINGS
    for polarity, objects in readings:
        for head in objects:
            yield from _facts(reading, unit, clause, holders, polarity, head, modality, party_only)


def _modified(participle: Token) -> list[Token]:
    """The noun a participle (or its first conjunct) modifies: "a force composed of … and
    supported by X"."""
    node = participle
    while node.dep_ == "conj":
        node = node.head
    return [node.head] if node.dep_ == "acl" and node.head.pos_ in _NOMINAL else []


def _by_noun(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], noun: Token
) -> Iterator[Fact]:
    owners = [c for c in noun.children if c.dep_ == "poss"] + _pobjs(noun, "of")
    if not owners:
        return
    holders = _predicated(reading, unit, noun)
    clause = _clause_over(unit, clauses, noun)
    modality = _modality(clause, noun)
    if modality is None or clause is None:
        return
    for owner in owners:
        yield from _facts(reading, unit, clause, holders, _NOUNS[noun.lemma_.lower()], owner,
                          modality, party_only=True)  # fmt: skip


def _by_support(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], noun: Token
) -> Iterator[Fact]:
    shown = _shown(noun)
    phrase = noun if shown is None else shown  # "a show of support": the show's verb and owner
    verb = phrase.head if phrase.dep_ == "dobj" else None
    if verb is not None and shown is None and verb.lemma_.lower() not in _EXPRESSING:
        return  # support pledged, provided, increased: aid (the pledges mapping)
    clause = _clause_over(unit, clauses, noun)
    modality = _modality(clause, noun)
    if clause is None or modality is None:
        return
    owners = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"}]
    owners += [c for c in phrase.children if c.dep_ == "poss" and phrase is not noun]
    holders = _parties_of(reading, unit, owners)
    targets = _pobjs(noun, "for") + _pobjs(noun, "to")
    in_support = noun.dep_ == "pobj" and noun.head.lower_ == "in"  # "in support of X"
    if in_support:
        targets, over = _pobjs(noun, "of"), verb_of(noun)
        verb = over if over is not None and over.pos_ != "AUX" else None
    froms = _pobjs(noun, "from") + [f for t in targets for f in _pobjs(t, "from")]
    holders += _parties_of(reading, unit, froms + ([] if in_support else _pobjs(noun, "of")))
    if verb is not None and not holders:
        holders = _holders(reading, unit, verb, _is_passive(verb))
    elif not targets and noun.dep_ == "pobj" and noun.head.lower_ in {"with", "through"}:
        over = verb_of(noun)
        targets = _subjects(over) if over is not None else []
    for head in targets:
        yield from _facts(reading, unit, clause, holders, SUPPORT, head, modality,
                          party_only=True)  # fmt: skip


def _shown(noun: Token) -> Token | None:
    """The noun of showing a support noun is the ``of`` phrase of ("a show of support")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in _SHOWING:
        return noun.head.head
    return None


def _by_pressure(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], noun: Token
) -> Iterator[Fact]:
    verb = verb_of(noun)
    targets = _pobjs(noun, "on") + _pobjs(noun, "against")
    if not targets and verb is not None and noun.dep_ == "dobj":
        targets = _pobjs(verb, "on")  # "increased pressure on X": the parser hangs it on the verb
    clause = _clause_over(unit, clauses, noun)
    modality = _modality(clause, noun)
    if not targets or clause is None or modality is None:
        return
    holders = _parties_of(reading, unit, [c for c in noun.children if c.dep_ == "poss"])
    holders += _parties_of(reading, unit, _pobjs(noun, "from"))
    if not holders and verb is not None:
        holders = _holders(reading, unit, verb, _is_passive(verb))
    for head in targets:
        yield from _facts(reading, unit, clause, holders, OPPOSITION, head, modality,
                          party_only=True)  # fmt: skip


def _by_against(
    reading: Reading, unit: Unit, clauses: Sequence[Clause], prep: Token
) -> Iterator[Fact]:
    over = prep.head
    if over.lemma_.lower() in _PRESSING or (over.lemma_.lower(), "against") in _PHRASAL:
        return  # read as pressure, sanctions or a phrasal verb of stance
    verb = over if over.pos_ in {"VERB", "AUX"} else verb_of(over)
    owners = [c for c in over.children if c.dep_ in {"poss", "amod", "compound"}]
    owners += _pobjs(over, "of") + _pobjs(over, "by")
    holders = [] if verb is None or over is verb else _parties_of(reading, unit, owners)
    if verb is None or (not holders and verb is not over and over.dep_ not in {"dobj", "pobj"}):
        return  # "Y's war against X" is Y's; an object's "against" its verb's subject's
    clause = clause_of(unit, clauses, verb)
    modality = _modality(clause, verb)
    if clause is None or modality is None:
        return
    if not holders:
        holders = _holders(reading, unit, verb, _is_passive(verb))
    for head in _pobjs_of(prep):
        yield from _facts(reading, unit, clause, holders, OPPOSITION, head, modality,
                          party_only=True)  # fmt: skip


def _facts(
    reading: Reading,
    unit: Unit,
    clause: Clause,
    holders: Sequence[Mention],
    polarity: str,
    head: Token,
    modality: str,
    party_only: bool = False,
) -> Iterator[Fact]:
    """One stance per holder and target (each conjunct of the object is a target of its own)."""
    first = _party_at(reading, unit, head)
    for conjunct in [head, *(t for t in head.conjuncts if t.i > head.i)]:
        target, issue, about = _target(reading, unit, conjunct)
        if not issue or (target is None and (party_only or first is not None)):
            continue  # a party's conjunct that is none ("to X and the assurances …") is no target
        for holder in holders:
            ref = holder.value
            if not isinstance(ref, Ref) or ref == target:
                continue
            args: dict[str, FactValue | None] = {
                "holder": ref,
                "polarity": polarity,
                "target": target,
                "issue": issue,
                "about": tuple(r for r in about if r != ref) or None,
                "date": clause_date(reading, clause),
                "modality": None if modality == "asserted" else modality,
            }
            yield make_fact(FactKind.STANCE, args, [unit.evidence(reading.source)], METHOD)


def _target(reading: Reading, unit: Unit, head: Token) -> tuple[Ref | None, str, tuple[Ref, ...]]:
    """The party ``head`` is (or its owner, for a word standing for it), the phrase as written
    (without its relative clauses and appositions), and the other parties that phrase names."""
    party = _party_at(reading, unit, head)
    if party is None and head.lemma_.lower() in _STAND_INS:
        owners = [c for c in head.children if c.dep_ in {"poss", "amod", "compound"}]
        party = next((p for o in owners if (p := _party_at(reading, unit, o)) is not None), None)
    if party is None and (head.pos_ in {"PRON", "DET"} or _own(head)):
        return None, "", ()  # "what the coalition supports", "back its commitments": its own
    tokens = _own_tokens(head)
    base = unit.paragraph.start
    start, end = base + tokens[0].idx, base + tokens[-1].idx + len(tokens[-1])
    issue = reading.source.text[start:end]
    named = _party_mention(reading, unit, head)
    if named is not None:
        issue = named.span.text
    about = tuple(
        dict.fromkeys(
            m.value
            for m in reading.mentions_in(start, end)
            if m.kind in PARTY_KINDS and isinstance(m.value, Ref) and m.value != party
        )
    )
    return party, issue, about if party is None else ()


def _own(head: Token) -> bool:
    """A thing owned by a pronoun ("defend its sovereignty", "back its commitments with
    troops"): the holder's own, no stance toward another."""
    return any(
        c.dep_ == "poss" and c.pos_ == "PRON"
        for c in min([head, *head.conjuncts], key=lambda t: t.i).children
    )


def _own_tokens(head: Token) -> list[Token]:
    """The words of ``head``'s phrase up to its first comma, relative clause or apposition
    (another statement than the phrase's own), without its conjuncts (targets of their own)."""
    after = [t for t in head.subtree if t.i > head.i]
    stops = [t.i for t in after if t.text in _BREAKS]
    stops += [
        c.left_edge.i
        for c in head.children
        if c.dep_ == "acl" and c.i > head.i and any(g.dep_ == "agent" for g in c.children)
    ]  # "a force supported by X"
    stops += [t.left_edge.i for t in after if t.dep_ in _OUTSIDE]
    cut = min(stops, default=head.right_edge.i + 1)
    words = [t for t in head.subtree if t.i < cut and not t.is_punct]
    first = min((c.i for c in head.conjuncts if c.i > head.i), default=cut)
    kept = [t for t in words if t.i < first and not (t.dep_ == "cc" and t.head == head)]
    return kept or [head]


def _party_at(reading: Reading, unit: Unit, token: Token) -> Ref | None:
    """The state, organisation, person or coalition ``token`` is part of the name of."""
    mention = _party_mention(reading, unit, token)
    return mention.value if mention is not None and isinstance(mention.value, Ref) else None


def _party_mention(reading: Reading, unit: Unit, token: Token) -> Mention | None:
    for mention in mentions_at(reading, unit, token):
        if mention.kind in PARTY_KINDS and isinstance(mention.value, Ref):
            return mention
    return None


def _holders(reading: Reading, unit: Unit, verb: Token, passive: bool) -> list[Mention]:
    """Who takes the stance a verb says: its ``by`` agents (passive), else its subject."""
    if passive:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        return _parties_of(reading, unit, agents)
    return _parties_of(reading, unit, _subjects(verb))


def _subjects(verb: Token) -> list[Token]:
    """The subject of ``verb``, else of the clause it is a conjunct, complement or infinitive of;
    the noun an infinitive or participle hangs on ("a coalition to support …")."""
    node = verb
    for _ in range(8):
        if node.lemma_.lower() in _UNDOING:
            return []
        helpers = [c for c in node.children if c.dep_ in {"aux", "auxpass"}]
        subject = [c for h in [node, *helpers] for c in h.children  # "is/nsubj opposed"
                   if c.dep_ in {"nsubj", "nsubjpass"}]  # fmt: skip
        if subject:
            return subject
        if node.dep_ in {"acl", "relcl"} and node.head.pos_ in {"NOUN", "PROPN"}:
            return [node.head]
        if node.dep_ not in _CLIMB or (node.dep_ == "conj" and node.head.pos_ in _NOMINAL):
            return []  # a verb conjoined to a noun is a misparse, not a shared subject
        node = node.head
    return []


def _parties_of(reading: Reading, unit: Unit, heads: Sequence[Token]) -> list[Mention]:
    found: list[Mention] = []
    for head in heads:
        if _imperative(head):
            continue
        for token in [head, *head.conjuncts]:
            found += _parties(reading, unit, token, 0)
    return list({m.value: m for m in found}.values())


def _parties(reading: Reading, unit: Unit, token: Token, depth: int) -> list[Mention]:
    """The named parties a noun phrase stands for: the party its head is; a relative pronoun's
    noun; a group noun's ``of`` phrase, possessor or demonym ("leaders of the coalition", "the
    Chilean government"); the party an ``of`` phrase of a group is part of ("a coalition of 35
    countries, which …"); the subject of a copula the noun is predicated of; and the leader
    of any of them ("A, led by B": B too)."""
    if depth > _DEPTH:
        return []
    own = [m for m in mentions_at(reading, unit, token)
           if m.kind in PARTY_KINDS and isinstance(m.value, Ref)]  # fmt: skip
    lemma = token.lemma_.lower()
    if not own and lemma in _SPEAKING and depth < _DEPTH:  # the speaker's own name only
        own = _speaker(reading, unit, token, _SPEAKING[lemma])
    if not own and lemma in _RELATIVE and token.head.dep_ == "relcl":
        own = _parties(reading, unit, token.head.head, depth + 1)
    if not own and lemma in _GROUPS:
        inner = _pobjs(token, "of") + [
            c for c in token.children if c.dep_ in {"poss", "amod", "compound"}
        ]
        inner += [c for t in inner for c in t.conjuncts]
        own = [m for t in inner for m in _parties(reading, unit, t, depth + 1)]
    if not own and token.dep_ == "pobj" and token.head.lower_ == "of":
        group = token.head.head
        if group.lemma_.lower() in _GROUPS:
            own = _parties(reading, unit, group, depth + 1)
    if not own and token.dep_ == "attr":
        own = [m for s in _subjects(token.head) for m in _parties(reading, unit, s, depth + 1)]
    return own + _leaders(reading, unit, token)


def _speaker(
    reading: Reading, unit: Unit, pronoun: Token, kinds: frozenset[MentionKind]
) -> list[Mention]:
    """Whom a pronoun subject of reported speech stands for: the subject of the verb of saying
    it is said under ("X said it would back Y", "“We stand with Y,” X said"), of a kind the
    pronoun can stand for ("it" a state or organisation, "he"/"she" a person)."""
    saying = next((a for a in pronoun.ancestors if _reporting(a)), None)
    if saying is None:
        return []
    subjects = [c for c in saying.children if c.dep_ == "nsubj"]
    named = [m for s in subjects for m in _parties(reading, unit, s, _DEPTH)]
    return [m for m in named if m.kind in kinds]


def _leaders(reading: Reading, unit: Unit, token: Token) -> list[Mention]:
    """The parties of "…, led by B" on ``token``."""
    led = [c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() == "lead"]
    agents = [g for c in led for a in c.children if a.dep_ == "agent" for g in a.children]
    return [
        m for a in agents for t in [a, *a.conjuncts] for m in _parties(reading, unit, t, _DEPTH)
    ]


def _imperative(head: Token) -> bool:
    """An imperative the parser took for a name ("Support X and increase …": "Support X" the
    subject of "increase"): a phrase opening the sentence with a verb of stance."""
    first = head.left_edge
    return first.i == first.sent.start and first.lemma_.lower() in _VERBS and first.i != head.i


def _predicated(reading: Reading, unit: Unit, noun: Token) -> list[Mention]:
    """The parties a noun of stance is said of: the subject of its copula or of the verb of its
    ``as`` phrase, its apposition, the names it includes, or the party it is in apposition to."""
    heads: list[Token] = []
    if noun.dep_ == "attr":
        heads = _subjects(noun.head)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as":  # its verb's own subject only
        heads = [c for c in noun.head.head.children if c.dep_ == "nsubj"]
    heads += [c for c in noun.children if c.dep_ == "appos"]
    heads += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in {"including", "like"}
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    heads += [g for c in noun.children if c.lower_ == "such" for a in c.children
              for g in a.children if g.dep_ == "pobj"]  # fmt: skip
    if noun.dep_ == "appos":
        heads.append(noun.head)
    return _parties_of(reading, unit, heads)


def _pobjs(head: Token, preposition: str) -> list[Token]:
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ == preposition
            for g in c.children if g.dep_ == "pobj"]  # fmt: skip


def _pobjs_of(prep: Token) -> list[Token]:
    return [g for g in prep.children if g.dep_ == "pobj"]


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _clause_over(unit: Unit, clauses: Sequence[Clause], noun: Token) -> Clause | None:
    """The clause a noun's phrase belongs to (its verb's); a verbless unit's first clause."""
    verb = verb_of(noun)
    if verb is not None:
        return clause_of(unit, clauses, verb)
    return clauses[0] if clauses else None


def _modality(clause: Clause | None, token: Token) -> str | None:
    """The stance's modality, or None when the clause does not hold it: negated, supposed,
    possible, refused, failed, or asked."""
    if clause is None or not clause.polarity:
        return None
    modality = "future" if _reported_will(token) else clause.modality
    if modality not in _KEPT:
        return None
    ancestors = [a.lemma_.lower() for a in token.ancestors] + [
        c.lower_ for a in [token, *token.ancestors] for c in a.children if c.dep_ == "mark"
    ]
    if any(a in _UNDOING for a in ancestors) or negated(token):  # a word not the predicate
        return None
    if modality == "asserted" and _committed(token):
        return "committed"
    return modality


def _committed(token: Token) -> bool:
    """The stance is what its holder commits to ("commit to defending X"): a verb of committing
    governs it with no noun between (not "officials committed to a force supported by X")."""
    for ancestor in token.ancestors:
        if ancestor.lemma_.lower() in _COMMITTING:
            return True
        if ancestor.pos_ in _NOMINAL:
            return False
    return False


def _reported_will(token: Token) -> bool:
    """ "would" reported after a past verb of saying is the speaker's "will" ("X said it would
    continue to stand with Y"), not a condition (an "if" is read as one before this)."""
    node = token
    while node.dep_ in {"xcomp", "conj"} and not any(c.lower_ == "would" for c in node.children):
        node = node.head
    conditions = [c for c in node.children if c.dep_ == "advcl"
                  and any(m.lower_ in {"if", "unless"} for m in c.children)]  # fmt: skip
    return (
        any(c.lower_ == "would" for c in node.children)
        and not conditions
        and any(a.tag_ == "VBD" and _reporting(a) for a in node.ancestors)
    )


def _reporting(token: Token) -> bool:
    return LEXICON.get(token.lemma_.lower()) in REPORTING
