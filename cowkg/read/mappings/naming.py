"""Founding and naming events read from clause records: the coalition, a headquarters or a
working group established, set up, launched, inaugurated or announced (:func:`founding`), and
other names of the coalition or a force (:func:`naming`: 'known as', 'dubbed', 'called',
'referred to as').

The founded thing is the object of an active FOUND clause ("Italy and Spain launched a working
group on maritime security"), the subject of a passive one ("the Oslo headquarters was
inaugurated on 3 June"), or what an ANNOUNCE clause announces the creation, establishment or
formation of ("X announced the creation of a working group on …"). It is:

- a headquarters (head noun headquarters / HQ) named by the place in its phrase ("the Oslo
  headquarters", "its headquarters in Lisbon"): a COMMAND_POST fact, ``inaugurated`` with the
  clause's date for inaugurate/open, ``established`` (the date as written in ISO) otherwise;
- a working or planning group: a GROUP fact of the coalition, keyed by its topic ("working group
  on maritime security"); a group written without a topic ("this working group", "the group") is
  the one the source names by topic when it names exactly one, else the last one named before
  it in the paragraph. Announcing its creation gives ``announced_by``/``announced_on``; founding
  it gives ``inaugurated_by`` (the founders); "… to <do something>" gives its ``mandate``.

- the coalition (a coalition mention in the phrase, or "the coalition" / "the initiative" in a
  source that names it): a FOUNDING fact with the clause's date and its founders (the subject,
  or the ``by`` agents when passive) — "was launched on 6 January", "was announced by X on 3
  April". Sources that date it differently give claims side by side (``cow:foundedOn``).

A negated, not asserted or not past clause ("will set up", "plans to launch", "are in talks to
create") founds nothing.

**Uses of a name** (:func:`naming`) the source dates or credits give the NAME fact an ``act``
(used | confirmed | revealed | adopted), a ``date`` and a ``by`` (who used it):

- a naming verb with a user or a date: "referred to by the Lima Times as 'X'", "which the Lima
  Times calls X" (``used``, ``by`` the outlet, state or person doing the naming);
- the noun *name* as what an act verb does: "the name was confirmed on 4 May", "X, a name first
  used in a letter on 2 June", "the allies adopted the name 'X'". The name is the one the phrase
  writes ("the name 'X'"), the phrase *name* stands beside ("X, a name …"), or — for "the name",
  "the new name", "this name" — the last name of the coalition or a force written in the
  paragraph before the sentence. Only a name the source gives the coalition or a force counts,
  and a negated or not-yet act ("will be confirmed", "was not adopted") gives nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.extract.force import NAMED_GROUP, working_group_ref
from cowkg.extract.known import Args, make_fact
from cowkg.extract.names import forces, iter_force_mentions, read_names
from cowkg.extract.tables import command_post_ref
from cowkg.mentions import COALITION, slug
from cowkg.read.clauses import Action, Clause
from cowkg.read.mappings.documents import doers
from cowkg.read.mappings.outlets import outlet_named, publisher_ref
from cowkg.read.units import Unit, UnitKind
from cowkg.types import PARTY_KINDS, EntityKind, Fact, FactKind, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_HQ_NOUNS = frozenset({"headquarters", "hq", "headquarter"})
_CREATION_NOUNS = frozenset({"creation", "establishment", "formation", "launch", "founding"})
_COALITION_NOUNS = frozenset({"coalition", "initiative"})
_OPENING = frozenset({"inaugurate", "open"})
_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+day|on\s+the\s+same\s+day)\b", re.I)


def _founded(clause: Clause, tokens: dict[int, Token]) -> Token | None:
    """The head noun of what the clause founds, announces the creation of, or announces."""
    predicate = tokens.get(clause.trigger.start)
    if predicate is None:
        return None
    if clause.action is Action.ANNOUNCE:
        # 'announced the creation of X' (the parser may hang 'the creation' on a complement:
        # 'announced the creation of X to define …')
        creation = next((t for t in predicate.subtree if t.lemma_.lower() in _CREATION_NOUNS), None)
        if creation is not None:
            return _object_of(creation)
    wanted = {"nsubjpass"} if clause.passive else {"dobj"}
    return next((child for child in predicate.children if child.dep_ in wanted), None)


def _done(clause: Clause) -> bool:
    """A founding that happened: asserted, not negated, in the past ('are in talks to create a
    coalition', 'is setting up a headquarters' found nothing yet)."""
    return clause.polarity and clause.modality == "asserted" and clause.tense == "past"


def _is_coalition(head: Token, unit: Unit, reading: Reading) -> bool:
    """Whether a phrase names the coalition: a coalition mention in it, or 'the coalition' /
    'the initiative' in a source that names the coalition."""
    base = unit.paragraph.start
    start, end = base + head.left_edge.idx, base + head.right_edge.idx + len(head.right_edge)
    named = [m for m in reading.mentions if isinstance(m.value, Ref) and m.value == COALITION]
    if any(start <= m.span.start < end for m in named):
        return True
    definite = any(t.lower_ in {"the", "this"} for t in head.lefts)
    return bool(named) and definite and head.lemma_.lower() in _COALITION_NOUNS


def _coalition_founding(reading: Reading, unit: Unit, clause: Clause) -> Fact | None:
    """FOUNDING of the coalition: 'the coalition was launched on 6 January', 'the initiative
    was announced by X on 3 April' (a date or a founder is needed)."""
    agents = doers(clause)
    if clause.date is None and not agents:
        return None
    args: Args = {"entity": COALITION, "date": clause.date, "founded_by": agents or None}
    return make_fact(FactKind.FOUNDING, args, [unit.evidence(reading.source)], "founding")


def _object_of(noun: Token) -> Token | None:
    """'creation of a working group' -> 'group'."""
    for prep in noun.children:
        if prep.lower_ == "of":
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def _place_in(head: Token, unit: Unit, reading: Reading) -> str | None:
    """The place a headquarters phrase names: a compound ('Oslo headquarters') or 'in <place>'."""
    base = unit.paragraph.start
    start, end = base + head.left_edge.idx, base + head.right_edge.idx + len(head.right_edge)
    places = [
        m.span.text
        for m in reading.mentions
        if m.kind in {MentionKind.PLACE, MentionKind.ORGANIZATION}
        and start <= m.span.start < end
        and m.span.text[:1].isupper()
    ]
    cities = [p for p in places if " " not in p] or places
    return cities[-1] if cities else None


def _group(head: Token, named: Sequence[Ref], last: Ref | None) -> Ref | None:
    """The group a phrase names: by its topic ('working group on X'), else the source's one named
    group, else the last group named before it in the paragraph."""
    if head.lemma_.lower() != "group":
        return None
    phrase = head.doc[head.left_edge.i : head.right_edge.i + 1].text
    match = NAMED_GROUP.search(phrase)
    if match:
        return working_group_ref(match["topic"])
    if len(named) == 1:
        return named[0]
    return last


def _date(clause: Clause, unit: Unit, last_date: dt.date | None) -> dt.date | None:
    """The clause's date, or the paragraph's last one when the unit says 'the same day'."""
    if clause.date is not None:
        return clause.date
    return last_date if _SAME_DAY.search(unit.text) else None


def _headquarters(reading: Reading, unit: Unit, clause: Clause, head: Token) -> Fact | None:
    place = _place_in(head, unit, reading) or (
        clause.places[-1].span.text if clause.places else None  # 'opened its HQ in Lisbon'
    )
    when = clause.date
    if place is None or when is None or clause.action is not Action.FOUND:
        return None
    opened = clause.predicate in _OPENING
    args: Args = {
        "post": command_post_ref(place),
        "inaugurated": when if opened else None,
        "established": None if opened else when.isoformat(),
    }
    evidence = unit.evidence(reading.source)
    return make_fact(FactKind.COMMAND_POST, args, [evidence], "founding")


def _mandate(head: Token) -> str | None:
    """What a group is founded to do: the infinitive hanging on the group, on 'the creation',
    or on the founding verb ('launched a group to coordinate patrols', 'announced the creation
    of a group to define …'), as written after 'to'."""
    anchors = {head.i}
    node = head
    while node.head.i != node.i and node.dep_ not in {"ROOT"}:
        node = node.head
        anchors.add(node.i)
        if node.pos_ in {"VERB", "AUX"}:
            break
    for verb in node.subtree:
        is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        hangs = verb.head.i in anchors or verb.i > head.i
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i in anchors for c in verb.children):
            own_subject = False  # 'the creation of a group to define …': parsed as its subject
        if verb.pos_ == "VERB" and is_infinitive and hangs and not own_subject:
            words = verb.doc[verb.i : verb.right_edge.i + 1].text
            return words.rstrip(" .;,") or None
    return None


def _group_fact(
    reading: Reading,
    unit: Unit,
    clause: Clause,
    group: Ref,
    when: dt.date | None,
    head: Token,
) -> Fact:
    agents = doers(clause)
    announced = clause.action is Action.ANNOUNCE
    people = tuple(a for a in agents if a.kind.value == "person")
    args: Args = {
        "group": group,
        "group_kind": "working",
        "parent": COALITION,
        "announced_by": (people or agents)[0] if announced and agents else None,
        "announced_on": when if announced else None,
        "inaugurated_by": agents if not announced and agents else None,
        "mandate": _mandate(head),
    }
    return make_fact(FactKind.GROUP, args, [unit.evidence(reading.source)], "founding")


def _named_groups(reading: Reading) -> list[Ref]:
    """The working groups the source names by topic; a topic whose words all occur in a fuller
    one ('security guarantees' in 'Ukraine security guarantees') is that group."""
    topics = {" ".join(m["topic"].split()) for m in NAMED_GROUP.finditer(reading.source.text)}
    words = {topic: set(topic.casefold().split()) for topic in topics}
    fullest = {t for t in topics if not any(words[t] < words[o] for o in topics)}
    return sorted((working_group_ref(t) for t in fullest), key=lambda r: r.key)


def founding(reading: Reading) -> Iterator[Fact]:
    """COMMAND_POST and GROUP facts of founding events (see the module docstring)."""
    named = _named_groups(reading)
    last_group: Ref | None = None
    last_date: dt.date | None = None
    paragraph = -1
    for unit, clauses in reading.units:
        if unit.kind is UnitKind.REFERENCE:
            continue
        if unit.paragraph.index != paragraph:
            paragraph, last_group, last_date = unit.paragraph.index, None, None
        tokens = {unit.paragraph.start + t.idx: t for t in unit.sentence}
        topic = NAMED_GROUP.search(unit.text)
        last_group = working_group_ref(topic["topic"]) if topic else last_group
        for clause in clauses:
            founds = clause.action in {Action.FOUND, Action.ANNOUNCE}
            head = _founded(clause, tokens) if founds else None
            if head is None or not _done(clause):
                continue
            if _is_coalition(head, unit, reading):
                fact = _coalition_founding(reading, unit, clause)
                yield from [fact] if fact else []
                continue
            if head.lemma_.lower() in _HQ_NOUNS or head.lower_ in _HQ_NOUNS:
                fact = _headquarters(reading, unit, clause, head)
                yield from [fact] if fact else []
                continue
            group = _group(head, named, last_group)
            if group is not None:
                last_group = group
                when = _date(clause, unit, last_date)
                yield _group_fact(reading, unit, clause, group, when, head)
        dates = [c.date for c in clauses if c.date is not None]
        last_date = dates[-1] if dates else last_date


# -- names ----------------------------------------------------------------------------------

_NAMING = frozenset({"dub", "call", "name", "nickname", "term", "rename", "brand", "label"})
_NAMING_AS = frozenset({"know", "refer"})
"""Verbs that give a name directly ('dubbed Y', 'call X Y') or through 'as' ('known as Y')."""
_QUOTES = "\"“”'‘’«»"


def _name_tokens(predicate: Token) -> tuple[Token, Token] | None:
    """(what is named, the name) of a naming verb: 'X, dubbed Y' / 'X is known as Y' / 'call X
    "Y"' (the parser may read the name as X's apposition)."""
    lemma = predicate.lemma_.lower()
    named: Token | None = None
    name: Token | None = None
    if lemma in _NAMING | _NAMING_AS:  # 'as' may hang lower: 'referred to by analysts as Y'
        as_ = next((t for t in predicate.subtree if t.lower_ == "as" and t.dep_ == "prep"), None)
        name = next((o for o in as_.children if o.dep_ == "pobj"), None) if as_ else None
    for child in predicate.children:
        if child.dep_ == "oprd" and lemma in _NAMING:
            name = child
        elif child.dep_ in {"nsubjpass", "dobj"}:
            named = child
            appositive = next((a for a in child.children if a.dep_ == "appos"), None)
            name = name or (appositive if lemma in _NAMING else None)
    relative = named is not None and named.lower_ in {"which", "that", "whom"}
    if (named is None and predicate.dep_ == "acl") or (relative and predicate.dep_ == "relcl"):
        named = predicate.head  # 'the force, dubbed Y' / 'the force, which X calls Y'
    return (named, name) if named is not None and name is not None else None


def _written_name(name: Token) -> str | None:
    """The name as written, without its article and quotes, when it reads as a name (quoted or
    capitalised)."""
    doc = name.doc
    first = name.left_edge.i
    while first < name.i and (doc[first].dep_ == "det" or doc[first].text in _QUOTES):
        first += 1
    words = doc[first : name.right_edge.i + 1].text.strip(_QUOTES + " ,.")
    quoted = any(t.text in _QUOTES for t in doc[max(0, name.left_edge.i - 2) : name.i])
    return words if words and (quoted or words[:1].isupper()) else None


def source_forces(reading: Reading) -> dict[str, Ref]:
    """The names of forces the source gives, name → force (:func:`cowkg.extract.names.forces`
    of its name facts), read once per reading."""
    made = reading.memo.get("forces")
    if not isinstance(made, dict):
        made = reading.memo["forces"] = forces(read_names(reading.source))
    return made


def _forces_named(reading: Reading) -> list[Ref]:
    """The forces the source names ('Long Name (ACR)', an infobox name block)."""
    return sorted(set(source_forces(reading).values()), key=lambda r: r.key)


def _named_entity(named: Token, label: str, unit: Unit, reading: Reading) -> Ref | None:
    """What a naming sentence names: the coalition, or a force (the source's one named force,
    else one keyed by the acronym the name gives)."""
    if _is_coalition(named, unit, reading):
        return COALITION
    if named.lemma_.lower() != "force":
        return None
    acronym = re.search(r"\(([A-Z]{2,}(?:[-–][A-Z]+)?)\)", label)
    if acronym:
        return Ref(EntityKind.FORCE, slug(acronym.group(1)), re.sub(r"\s*\(.*", "", label))
    named_forces = _forces_named(reading)
    return named_forces[0] if len(named_forces) == 1 else None


def _name_facts(reading: Reading, unit: Unit) -> Iterator[Fact]:
    for predicate in unit.sentence:
        pair = _name_tokens(predicate) if predicate.pos_ == "VERB" else None
        label = _written_name(pair[1]) if pair else None
        entity = _named_entity(pair[0], label, unit, reading) if pair and label else None
        if entity is None or label is None:
            continue
        label = re.sub(r"\s*\([^)]*\)\s*$", "", label)
        if slug(label) == entity.key or _negated(predicate):
            continue
        first = entity.label == label  # a force this sentence itself introduces
        args: Args = {"entity": entity, "label": label, "lang": "en", "alternative": not first}
        args |= _use(reading, unit, predicate, "used", skip=pair[1] if pair else None)
        yield make_fact(FactKind.NAME, args, [unit.evidence(reading.source)], "naming")


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


# -- uses of a name -------------------------------------------------------------------------

_ACTS = {"use": "used", "coin": "used", "mention": "used", "give": "used", "confirm": "confirmed",
         "reveal": "revealed", "unveil": "revealed", "disclose": "revealed", "adopt": "adopted",
         "choose": "adopted", "approve": "adopted", "agree": "adopted"}  # fmt: skip
"""Verbs whose object is a name, by the act (``cow:nameAct``) they say was done with it."""
_NOT_YET = frozenset({"will", "would", "may", "might", "could", "should", "shall", "must", "to"})


def _at(unit: Unit, token: Token) -> int:
    return unit.paragraph.start + token.idx


def _agent(reading: Reading, unit: Unit, token: Token) -> Ref | None:
    """The agent a token names: a person, state or organisation mention on it, else an outlet."""
    at = _at(unit, token)
    for mention in reading.mentions:
        hit = mention.span.start <= at < mention.span.end
        if hit and mention.kind in PARTY_KINDS and isinstance(mention.value, Ref):
            return mention.value
    return outlet_named(token) or publisher_ref(token)


def _user(reading: Reading, unit: Unit, verb: Token) -> Ref | None:
    """Who did the naming: the passive's 'by' agent, else the active subject."""
    for child in verb.children:
        if child.dep_ == "agent":
            by = next((o for o in child.children if o.dep_ == "pobj"), None)
            return _agent(reading, unit, by) if by is not None else None
        if child.dep_ == "nsubj":
            return _agent(reading, unit, child)
    return None


def _day_in(reading: Reading, unit: Unit, verb: Token, skip: Token | None) -> dt.date | None:
    """The first full date written in the verb's phrase (outside the name itself)."""
    start, end = _at(unit, verb.left_edge), _at(unit, verb.right_edge) + 1
    if skip is not None:
        lo, hi = _at(unit, skip.left_edge), _at(unit, skip.right_edge) + 1
    else:
        lo = hi = -1
    for mention in reading.mentions:
        inside = start <= mention.span.start < end and not lo <= mention.span.start < hi
        if inside and mention.kind is MentionKind.DATE and isinstance(mention.value, dt.date):
            return mention.value
    return None


def _use(reading: Reading, unit: Unit, verb: Token, act: str, skip: Token | None) -> Args:
    """A naming's ``act``, ``date`` and ``by``, when the source dates or credits it."""
    by, day = _user(reading, unit, verb), _day_in(reading, unit, verb, skip)
    return {"act": act, "date": day, "by": by} if by or day else {}


def _act_verb(noun: Token) -> Token | None:
    """The act verb the noun 'name' is the object of: 'the name was confirmed', 'adopted the
    name', 'a name first used in …'."""
    if noun.dep_ in {"nsubjpass", "dobj"} and noun.head.lemma_.lower() in _ACTS:
        return noun.head
    return next((c for c in noun.children if c.dep_ in {"acl", "relcl"}
                 and c.lemma_.lower() in _ACTS), None)  # fmt: skip


def _not_done(verb: Token) -> bool:
    """A negated or not-yet act: 'was not confirmed', 'will be adopted', 'to adopt'."""
    return _negated(verb) or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _NOT_YET
                                 for c in verb.children)  # fmt: skip


def _known_names(reading: Reading) -> list[tuple[int, int, Ref]]:
    """(start, end, entity) of every name of the coalition or a force the source writes (a
    coalition's name capitalised, not 'the coalition')."""
    found = list(iter_force_mentions(reading.source, source_forces(reading)))
    found += [
        (m.span.start, m.span.end, COALITION)
        for m in reading.mentions
        if m.value == COALITION and m.span.text[:1].isupper() and " " in m.span.text.strip()
    ]
    return sorted(found, key=lambda f: f[0])


def _name_in(noun: Token, named: list[tuple[int, int, Ref]], reading: Reading, unit: Unit
             ) -> tuple[Ref, str] | None:  # fmt: skip
    """The name the phrase of 'name' writes or stands beside: 'the name "X"', 'X, a name …'."""
    written = [c for c in noun.children if c.dep_ in {"appos", "oprd"}] + _of(noun)
    near = written + ([noun.head] if noun.dep_ == "appos" else [])
    for token in near:
        start, end = _at(unit, token.left_edge), _at(unit, token.right_edge) + 1
        for s, e, entity in named:
            if start <= s and e <= end:
                return entity, reading.source.text[s:e]
    return None


def _of(noun: Token) -> list[Token]:
    """What 'the name of …' names ('the name of the force'; 'of its minister' names another)."""
    return [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


_OWNERS = {"force": EntityKind.FORCE, "coalition": EntityKind.COALITION}
"""'the name of the force' / 'of the coalition': whose name the paragraph gave before."""


def _name_before(noun: Token, named: list[tuple[int, int, Ref]], reading: Reading, unit: Unit
                 ) -> tuple[Ref, str] | None:  # fmt: skip
    """'the name', 'the new name', 'this name', 'the name of the force': the last name (of
    that kind) written before the sentence in its paragraph; 'the name of X' for anything else,
    or 'a name', is no name given before."""
    if not {t.lower_ for t in noun.lefts} & {"the", "this", "that", "new", "its"}:
        return None
    owners = _of(noun)
    kind = _OWNERS.get(owners[0].lemma_.lower()) if len(owners) == 1 else None
    if owners and kind is None:
        return None
    return _last_named([n for n in named if kind in (None, n[2].kind)], unit, reading)


def _last_named(named: list[tuple[int, int, Ref]], unit: Unit, reading: Reading
                ) -> tuple[Ref, str] | None:  # fmt: skip
    """The last name written in the paragraph before the sentence ('the name', 'the new name')."""
    before = [(s, e, r) for s, e, r in named if unit.paragraph.start <= s and e <= unit.start]
    if not before:
        return None
    s, e, entity = before[-1]
    long = [(ls, le) for ls, le, r in before if r == entity and 0 < s - le <= 2]
    s, e = long[-1] if long else (s, e)  # 'Long Name (ACR)': the long name
    return entity, reading.source.text[s:e]


def _name_use_facts(reading: Reading, unit: Unit, named: list[tuple[int, int, Ref]]
                    ) -> Iterator[Fact]:  # fmt: skip
    for noun in unit.sentence:
        verb = _act_verb(noun) if noun.lemma_.lower() == "name" and noun.pos_ == "NOUN" else None
        if verb is None or _not_done(verb):
            continue
        which = _name_in(noun, named, reading, unit) or _name_before(noun, named, reading, unit)
        if which is None:
            continue
        entity, written = which
        label = " ".join(written.split())
        own = label == entity.label  # the entity's own name: no alternative to it
        args: Args = {"entity": entity, "label": label, "lang": "en", "alternative": not own}
        use = _use(reading, unit, verb, _ACTS[verb.lemma_.lower()], skip=None)
        if use:
            yield make_fact(FactKind.NAME, args | use, [unit.evidence(reading.source)], "naming")


def naming(reading: Reading) -> Iterator[Fact]:
    """NAME facts (alternative names of the coalition or a force) from naming sentences: 'the
    force, dubbed "Y"', 'the coalition is known as Y', 'officials call the coalition "Y"'. A name
    equal to the entity's own key ('known as the Coalition of the Willing') adds nothing. Uses of
    a name the source dates or credits carry them (see the module docstring)."""
    named = _known_names(reading)
    for unit, _clauses in reading.units:
        if unit.kind is not UnitKind.REFERENCE:
            yield from _name_facts(reading, unit)
            yield from _name_use_facts(reading, unit, named)
