"""Resolve: map every :class:`~cowkg.types.Ref` to one canonical entity and mint its IRI.

Extraction speaks of entities by kind and key, and different seeds (or rules) spell the same
thing differently: "Zelensky" and "Volodymyr Zelenskyy", a meeting keyed ``2025-03-15-meeting`` by
one rule and ``2025-03-15-summit`` by another. Resolution is the one place where such keys are
merged, so that the graph has one node per real-world entity. It is deterministic: the same facts
always give the same canonical keys and labels, whatever their order.

Merging rules, applied per entity kind:

* spelling variants: keys equal once doubled letters are collapsed ("zelenskyy" ~ "zelensky");
* people named by surname only ("starmer") merge into the one full name ending in that surname;
* keys that are the slug of a name a NAME fact gives another entity of the same kind merge into it;
* a meeting of unknown kind ("<date>-meeting") merges into the one meeting of known kind on that
  date, when there is exactly one;
* places whose keys differ only in word order or in the city written beside the venue
  ("kyiv-mariinskyi-palace" ~ "mariinskyi-palace-kyiv", "northwood-headquarters-eastbury" ~
  "northwood-headquarters"): a key's *core* is its words without those of a place some PLACE fact
  says something lies in, compared as a set; a core that is a name the place list gives a place
  ("Northwood Headquarters" is the listed Northwood) merges into that listed key.

The canonical key of a merged group is the longest (then greatest) key: the fullest spelling wins;
a place named in the place list keeps the list's key, so its IRI does not depend on which seed
named it first.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rdflib import URIRef

from cowkg.errors import CowkgError
from cowkg.mentions import known_place_names, listed_label
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Lang, Ref

log = logging.getLogger(__name__)

Node = tuple[EntityKind, str]
"""A canonical entity as (kind, key)."""

GENERIC_MEETING = "meeting"
MEETING_KINDS = "summit|ministerial|military|directors|working-group|meeting"
MEETING_KEY = re.compile(
    rf"^(?P<date>\d{{4}}-\d{{2}}-\d{{2}}|undated)-(?P<kind>{MEETING_KINDS}|[a-z0-9-]+?)"
    r"(?:-(?P<other>other)?-?(?P<tag>(?<=-)[a-z0-9_.-]+))?$"
)
"""Meeting keys (:func:`cowkg.read.frame.meeting_key`): ``<date>-<kind>``, ``<date>-<kind>-other-
<tag>`` (another forum's meeting) and ``undated-<kind>-<tag>`` (a meeting no source dates)."""


KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
"""Keys are ASCII slugs (states: ISO 3166-1 alpha-3), so every IRI is safe unescaped."""


class ResolveError(CowkgError):
    """A reference cannot be given an IRI (its key is not a slug)."""


def entity_iri(base: str, kind: str, key: str) -> URIRef:
    """The IRI of an entity: ``{base}id/{kind}/{key}`` (see docs/data-model.md)."""
    if not KEY.match(key):
        raise ResolveError(
            f"{kind} key {key!r} is not a slug ([A-Za-z0-9._-]); the extractor must normalise it "
            "(see docs/data-model.md, 'Entity IRIs')."
        )
    return URIRef(f"{base}id/{kind}/{key}")


def slugify(text: str) -> str:
    """An ASCII slug (``[a-z0-9-]``) of a name, as extraction keys are built."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def _skeleton(key: str) -> str:
    """A key with doubled letters collapsed, so transliteration variants compare equal
    ("zelenskyy", "zelensky"); digits are kept as written: "gbp-2000000000" and
    "gbp-2200000000" are two amounts, not two spellings."""
    return re.sub(r"([^\W\d_])\1+", r"\1", key)


def meeting_label(key: str) -> str:
    """A meeting's English label from its key: 'Coalition of the Willing summit, 27 March 2025';
    'summit (other forum, white house), 18 August 2025'; 'summit (lancaster house london),
    undated'."""
    match = MEETING_KEY.match(key)
    if not match:
        return key.replace("-", " ")
    kind = match["kind"].replace("-", " ")
    when = "undated"
    if match["date"] != "undated":
        day = dt.date.fromisoformat(match["date"])
        when = f"{day.day} {day:%B} {day.year}"
    tag = (match["tag"] or "").replace("-", " ")
    if match["other"]:
        return f"{kind} (other forum, {tag}), {when}"
    if tag:
        return f"{kind} ({tag}), {when}"
    return f"Coalition of the Willing {kind}, {when}"


def meeting_kind(key: str) -> str:
    """The kind part of a meeting key ('summit', 'ministerial', ... or 'meeting')."""
    match = MEETING_KEY.match(key)
    return match["kind"] if match else GENERIC_MEETING


@dataclass(frozen=True)
class Resolution:
    """The outcome of resolution: canonical refs, their labels, and the facts rewritten to them.

    ``canonical`` maps every (kind, key) seen to its canonical key; ``labels`` holds, per canonical
    (kind, key), the one ``rdfs:label`` per language a seed gives (further names are alternatives).
    """

    base: str
    facts: tuple[Fact, ...]
    canonical: Mapping[Node, str]
    labels: Mapping[Node, Mapping[str, str]]
    subtypes: Mapping[Node, str] = field(default_factory=dict)

    def ref(self, ref: Ref) -> Ref:
        """The canonical form of ``ref`` (itself if it was never seen)."""
        key = self.canonical.get((ref.kind, ref.key), ref.key)
        return Ref(ref.kind, key, self.label(Ref(ref.kind, key)))

    def iri(self, ref: Ref) -> URIRef:
        """The IRI of ``ref``'s canonical entity."""
        return entity_iri(self.base, ref.kind.value, self.ref(ref).key)

    def label(self, ref: Ref, lang: str = "en") -> str:
        """The label of ``ref`` in ``lang`` ('' if none); English always has one."""
        key = self.canonical.get((ref.kind, ref.key), ref.key)
        found = self.labels.get((ref.kind, key), {})
        if lang in found:
            return found[lang]
        return _fallback_label(ref.kind, key) if lang == "en" else ""

    def subtype(self, ref: Ref) -> str:
        """The sub-kind a GROUP or PLAN fact gave the entity ('planning', 'agreement'...) or ''."""
        return self.subtypes.get((ref.kind, self.ref(ref).key), "")

    def entities(self) -> list[Ref]:
        """Every canonical entity, sorted."""
        keys = sorted(_nodes(self.canonical))
        return [Ref(kind, key, self.label(Ref(kind, key))) for kind, key in keys]


def _nodes(canon: Mapping[Node, str]) -> set[Node]:
    """The canonical (kind, key) pairs."""
    return {(kind, key) for (kind, _), key in canon.items()}


def _fallback_label(kind: EntityKind, key: str) -> str:
    """A readable label when no seed gave one: meetings by date and kind, listed entities by
    their listed name, otherwise the key."""
    if kind is EntityKind.MEETING:
        return meeting_label(key)
    if listed := listed_label(kind, key):
        return listed
    if kind is EntityKind.STATE:
        return key
    words = key.replace("-", " ")
    return words.title() if kind is EntityKind.PERSON else words


def refs_in(value: FactValue) -> list[Ref]:
    """The refs inside one fact argument (a Ref, or a tuple of them)."""
    if isinstance(value, Ref):
        return [value]
    if isinstance(value, tuple):
        return [v for v in value if isinstance(v, Ref)]
    return []


def _all_refs(facts: Iterable[Fact]) -> list[Ref]:
    return [ref for fact in facts for value in fact.args.values() for ref in refs_in(value)]


def _name_facts(facts: Iterable[Fact]) -> list[tuple[Ref, str, str, bool]]:
    """(entity, label, lang, alternative) of every NAME fact."""
    out = []
    for fact in facts:
        if fact.kind is not FactKind.NAME:
            continue
        entity, label = fact.args["entity"], fact.args["label"]
        text = label.text if isinstance(label, Lang) else str(label)
        lang = label.lang if isinstance(label, Lang) else str(fact.args.get("lang", "en"))
        if isinstance(entity, Ref):
            out.append((entity, text, lang, bool(fact.args.get("alternative", False))))
    return out


class _UnionFind:
    """Groups of keys, merged pairwise; each group's representative is its canonical key."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            winner, loser = sorted((ra, rb), key=lambda k: (len(k), k), reverse=True)
            self.parent[loser] = winner

    def attach(self, key: str, owner: str) -> None:
        """Merge ``key``'s group into ``owner``'s, keeping ``owner``'s representative."""
        rk, ro = self.find(key), self.find(owner)
        if rk != ro:
            self.parent[rk] = ro


def _merge_spellings(keys: set[str], groups: _UnionFind) -> None:
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for key in sorted(keys):
        by_skeleton[_skeleton(key)].append(key)
    for same in by_skeleton.values():
        for other in same[1:]:
            groups.union(same[0], other)


def _merge_surnames(keys: set[str], groups: _UnionFind) -> None:
    """A one-word person key merges into the one multi-word key whose last word matches."""
    full = [k for k in sorted(keys) if "-" in k]
    for key in sorted(k for k in keys if "-" not in k):
        matches = {groups.find(f) for f in full if _skeleton(f.rsplit("-", 1)[1]) == _skeleton(key)}
        if len(matches) == 1:
            groups.union(matches.pop(), key)


def _merge_aliases(
    kind: EntityKind, keys: set[str], names: list[tuple[Ref, str, str, bool]], groups: _UnionFind
) -> None:
    """A key that is the slug of a name given to another entity of the same kind merges into it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity, label, _lang, _alt in names:
        if entity.kind is kind and entity.key in keys:
            owners[slugify(label)].add(groups.find(entity.key))
    for key in sorted(keys):
        found = owners.get(key, set())
        if len(found) == 1:
            groups.attach(key, found.pop())


def _meeting_places(facts: Iterable[Fact]) -> dict[str, set[str]]:
    """The place keys MEETING_PLACE facts give each meeting key."""
    places: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        meeting, place = fact.args.get("meeting"), fact.args.get("place")
        if (
            fact.kind is FactKind.MEETING_PLACE
            and isinstance(meeting, Ref)
            and isinstance(place, Ref)
        ):
            places[meeting.key].add(place.key)
    return places


def _merge_meetings(keys: set[str], places: Mapping[str, set[str]], groups: _UnionFind) -> None:
    """'<date>-meeting' merges into the one meeting of known kind on that date, if unique, or
    else into the one of them held at a place the generic meeting is also said to be held at."""
    by_date: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        match = MEETING_KEY.match(key)
        if match and match["kind"] != GENERIC_MEETING and _plain(match):
            by_date[match["date"]].add(key)
    for key in sorted(keys):
        match = MEETING_KEY.match(key)
        if not match or match["kind"] != GENERIC_MEETING or not _plain(match):
            continue
        candidates = by_date[match["date"]]
        if len(candidates) > 1:
            candidates = {c for c in candidates if places.get(c, set()) & places.get(key, set())}
        if len(candidates) == 1:
            groups.attach(key, next(iter(candidates)))


def _plain(match: re.Match[str]) -> bool:
    """A dated meeting key without a tag: another forum's or an undated meeting never merges."""
    return match["date"] != "undated" and not match["tag"]


def _place_containers(facts: Iterable[Fact]) -> dict[str, set[str]]:
    """Place key → the keys of the places PLACE facts say it lies in."""
    within: dict[str, set[str]] = defaultdict(set)
    for fact in facts:
        place, outer = fact.args.get("place"), fact.args.get("within")
        if fact.kind is FactKind.PLACE and isinstance(place, Ref) and isinstance(outer, Ref):
            within[place.key].add(outer.key)
    return within


def _place_core(key: str, containers: Iterable[str]) -> tuple[list[str], frozenset[str]]:
    """A place key's words without the containing places written before or after it
    ('kyiv-mariinskyi-palace' -> ['mariinskyi', 'palace'], {'kyiv'}), longest container first."""
    words = key.split("-")
    stripped: set[str] = set()
    ordered = sorted(containers, key=lambda c: (-len(c.split("-")), c))
    changed = True
    while changed:
        changed = False
        for container in ordered:
            part = container.split("-")
            if len(words) <= len(part) or container == key:
                continue
            if words[: len(part)] == part:
                words = words[len(part) :]
            elif words[-len(part) :] == part:
                words = words[: -len(part)]
            else:
                continue
            stripped.add(container)
            changed = True
    return words, frozenset(stripped)


def _merge_places(
    keys: set[str], facts: list[Fact], known: Mapping[str, str], groups: _UnionFind
) -> None:
    """Places one word order or one city qualifier apart are one place (see the module doc).

    Keys with the same core merge when the cities stripped from them agree (one set contains the
    other: "mariinskyi-palace" and "kyiv-mariinskyi-palace"); two venues of one name in different
    cities ("city-hall-paris", "city-hall-london") stay apart, and so does a bare name then."""
    within = _place_containers(facts)
    containers = {outer for outers in within.values() for outer in outers}
    by_core: dict[tuple[str, ...], list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for key in sorted(keys):
        words, qualifiers = _place_core(key, containers)
        by_core[tuple(sorted(words))].append((key, qualifiers))
        listed = known.get("-".join(words))
        if listed is not None and listed != key and listed not in within.get(key, set()):
            if listed not in groups.parent:
                groups.parent[listed] = listed
            groups.attach(key, listed)
    for members in by_core.values():
        qualifier_sets = {q for _, q in members if q}
        nested = all(a <= b or b <= a for a in qualifier_sets for b in qualifier_sets)
        for i, (key, qualifiers) in enumerate(members):
            for other, other_qualifiers in members[i + 1 :]:
                if qualifiers == other_qualifiers or nested:
                    _join(groups, key, other, known)


def _join(groups: _UnionFind, a: str, b: str, known: Mapping[str, str]) -> None:
    """Merge two groups; a listed place's key stays the representative."""
    listed = set(known.values())
    ra, rb = groups.find(a), groups.find(b)
    if ra in listed and rb not in listed:
        groups.attach(b, a)
    elif rb in listed and ra not in listed:
        groups.attach(a, b)
    else:
        groups.union(a, b)


def _canonical_keys(
    facts: list[Fact], known_places: Mapping[str, str] | None = None
) -> dict[Node, str]:
    keys_by_kind: dict[EntityKind, set[str]] = defaultdict(set)
    for ref in _all_refs(facts):
        keys_by_kind[ref.kind].add(ref.key)
    names = _name_facts(facts)
    canonical: dict[Node, str] = {}
    for kind, keys in keys_by_kind.items():
        groups = _UnionFind(keys)
        if kind is EntityKind.MEETING:
            _merge_meetings(keys, _meeting_places(facts), groups)
        elif kind is not EntityKind.STATE:
            _merge_spellings(keys, groups)
            _merge_aliases(kind, keys, names, groups)
            if kind is EntityKind.PERSON:
                _merge_surnames(keys, groups)
            if kind is EntityKind.PLACE:
                places = known_place_names() if known_places is None else known_places
                _merge_places(keys, facts, places, groups)
        for key in keys:
            canonical[(kind, key)] = groups.find(key)
    return canonical


def _rewrite(value: FactValue, canon: Mapping[Node, str]) -> FactValue:
    if isinstance(value, Ref):
        return Ref(value.kind, canon.get((value.kind, value.key), value.key), value.label)
    if isinstance(value, tuple):
        refs = tuple(
            Ref(v.kind, canon.get((v.kind, v.key), v.key), v.label)
            for v in value
            if isinstance(v, Ref)
        )
        return refs if len(refs) == len(value) else value  # a tuple of dates stays as it is
    return value


def _pick(candidates: Counter[str]) -> str:
    """The preferred label: the most frequent, then the longest, then alphabetically first."""
    return min(candidates, key=lambda s: (-candidates[s], -len(s), s))


def _labels(facts: list[Fact], canon: Mapping[Node, str]) -> dict[Node, dict[str, str]]:
    """One label per language per entity (NAME facts first, then the labels refs carry)."""
    named: dict[Node, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for entity, label, lang, alternative in _name_facts(facts):
        if not alternative:
            named[(entity.kind, canon.get((entity.kind, entity.key), entity.key))][lang][label] += 1
    carried: dict[Node, Counter[str]] = defaultdict(Counter)
    for ref in _all_refs(facts):
        if ref.label.strip():
            carried[(ref.kind, canon[(ref.kind, ref.key)])][_clean_label(ref.label)] += 1
    labels: dict[Node, dict[str, str]] = {}
    for node in _nodes(canon):
        chosen = {lang: _pick(c) for lang, c in named.get(node, {}).items()}
        if "en" not in chosen and carried.get(node) and node[0] is not EntityKind.MEETING:
            # a label spelling out the canonical key ("Antonio Costa") beats a more frequent
            # shorter one ("Costa") that resolution merged into it
            full = Counter({s: n for s, n in carried[node].items() if slugify(s) == node[1]})
            chosen["en"] = _pick(full or carried[node])
        labels[node] = chosen
    return labels


def _clean_label(label: str) -> str:
    """A carried label without a leading article ('the Netherlands' -> 'Netherlands')."""
    label = " ".join(label.split())
    return label[4:] if label.lower().startswith("the ") and len(label) > 4 else label


def _subtypes(facts: list[Fact], canon: Mapping[Node, str]) -> dict[Node, str]:
    """Sub-kinds of groups and plans from their GROUP / PLAN facts (first in sorted order)."""
    found: dict[Node, set[str]] = defaultdict(set)
    for fact in facts:
        for role, sub in (("group", "group_kind"), ("plan", "plan_kind")):
            ref, kind = fact.args.get(role), fact.args.get(sub)
            if isinstance(ref, Ref) and isinstance(kind, str):
                found[(ref.kind, canon.get((ref.kind, ref.key), ref.key))].add(kind)
    return {node: sorted(kinds)[0] for node, kinds in found.items()}


def resolve(
    facts: Iterable[Fact], base: str, known_places: Mapping[str, str] | None = None
) -> Resolution:
    """Merge refs to canonical entities, choose their labels, and rewrite the facts to them.

    ``known_places`` maps the slug of every name of a listed place to its key (default: the
    place list the mention recogniser uses, :func:`cowkg.mentions.known_place_names`)."""
    facts = list(facts)
    canon = _canonical_keys(facts, known_places)
    merged = {k: v for k, v in canon.items() if k[1] != v}
    for (kind, key), target in sorted(merged.items()):
        log.debug("resolve: %s/%s -> %s/%s", kind.value, key, kind.value, target)
    rewritten = tuple(
        Fact(f.kind, {k: _rewrite(v, canon) for k, v in f.args.items()}, f.evidence, f.method)
        for f in facts
    )
    log.info(
        "resolve: %d keys -> %d entities (%d merged)", len(canon), len(_nodes(canon)), len(merged)
    )
    return Resolution(
        base=base,
        facts=rewritten,
        canonical=canon,
        labels=_labels(facts, canon),
        subtypes=_subtypes(facts, canon),
    )
