"""Finding entities by any name: labels, aliases, ISO codes, demonyms, in every language.

The index is built once per server (the data cannot change) from what the graph holds —
``rdfs:label``, ``skos:altLabel``, ``schema:name`` in every language, the ISO 3166 codes of the
alignment graph — plus the names the recogniser tables know for entities the graph has: the aliases
and demonyms of ``cowkg/data/*.yaml`` ("UK", "Britain", "British", "Turkey") and pycountry's names
of each state, in English and translated into each language the graph's labels use. A meeting is
also found by its place, type and date ("Paris summit", "ministerial 2025-04").

Matching folds case and diacritics on both sides (NFKD, combining marks dropped: "elysee" finds
"Élysée", and Cyrillic folds the same way), drops dots and apostrophes ("U.K." = "uk"), and ranks:
a name equal to the text, then a name holding every word of the text as a word, then a name starting
with it, then every word of the text starting a word of one name, then the text inside a name,
then every word found among the entity's names and context (place, type, date). Within a rank the
things (states, people, meetings…) come before the nodes of relations (participations, posts)
and named graphs, then shorter names first. The works a source cites and its images come after
all of these whatever their rank: their titles hold every word of many a query ("… Paris summit
…") that means the thing itself.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pycountry
import pyoxigraph as ox
import yaml

from cowkg.mentions import DATA_DIR
from cowkg.serve.deps import ServeState
from cowkg.serve.views import PROLOGUE

MAX_HITS = 200
PRIMARY = {
    "state",
    "person",
    "organization",
    "coalition",
    "meeting",
    "place",
    "force",
    "plan",
    "group",
}

NAMES = """SELECT ?e ?name ?via WHERE {
  VALUES (?p ?via) { (rdfs:label "label") (skos:altLabel "alternative label") (schema:name "name")
    (cow:iso3166Alpha2 "ISO 3166 alpha-2") (cow:iso3166Alpha3 "ISO 3166 alpha-3") }
  ?e ?p ?name FILTER(isIRI(?e) && isLiteral(?name))
}"""

TYPES = (
    """SELECT ?e ?type WHERE { ?e a ?type FILTER(isIRI(?e) && STRSTARTS(STR(?type), STR(cow:))) }"""
)

# What else a meeting is known by: its places (and the city a venue is in) and its dates
MEETING_CONTEXT = """SELECT ?e ?word WHERE {
  ?e a schema:Event .
  { ?e schema:location/schema:containedInPlace?/rdfs:label ?word }
  UNION { ?e schema:startDate ?d BIND(STR(?d) AS ?word) }
}"""


@dataclass(frozen=True, slots=True)
class Name:
    """One way an entity is written: the text, its language, where the name comes from."""

    text: str
    lang: str
    via: str
    folded: str


@dataclass
class Entry:
    """An entity of the index: its names and the other words it can be found by."""

    iri: str
    names: list[Name] = field(default_factory=list)
    context: set[str] = field(default_factory=set)
    types: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result: the entity and the name of it that matched."""

    iri: str
    matched: Name
    rank: int
    types: tuple[str, ...]


def fold(text: str) -> str:
    """Lower case, no diacritics, no dots ("U.K." = "uk"), words separated by one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = re.sub(r"\.", "", bare)
    return " ".join(re.findall(r"\w+", bare))


def _name(text: str, lang: str, via: str) -> Name:
    return Name(text, lang, via, fold(text))


@dataclass
class SearchIndex:
    """Every entity with a name, by IRI."""

    base: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def add_name(self, iri: str, name: Name, create: bool = True) -> None:
        """Record a name; with ``create=False`` only for an entity the index has already."""
        if not name.folded or (not create and iri not in self.entries):
            return
        entry = self.entries.setdefault(iri, Entry(iri))
        if all(n.folded != name.folded for n in entry.names):
            entry.names.append(name)

    def secondary(self, iri: str) -> bool:
        """Nodes that carry a relation (a participation, a post holding…) or a named graph come
        after the things themselves when they match as well."""
        kind = iri.removeprefix(self.base).split("/")[:2]
        return kind[0] != "id" or kind[1] not in PRIMARY

    def bibliographic(self, iri: str) -> bool:
        """A work a source cites or an image of a source: found by its title, listed last."""
        kind = iri.removeprefix(self.base).split("/")[:2]
        return kind[0] == "id" and kind[1:] in (["work"], ["image"])

    def search(self, text: str, limit: int = MAX_HITS) -> list[Hit]:
        """The entities matching ``text``, best first (see the module docstring)."""
        query = fold(text)
        if not query:
            return []
        hits = [hit for entry in self.entries.values() if (hit := _match(entry, query))]
        hits.sort(
            key=lambda h: (
                self.bibliographic(h.iri),
                h.rank,
                self.secondary(h.iri),
                len(h.matched.text),
                h.iri,
            )
        )
        return hits[:limit]


def _match(entry: Entry, query: str) -> Hit | None:
    words = query.split()
    best: tuple[int, Name] | None = None
    for name in entry.names:
        rank = _rank(name.folded, query, words)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, name)
    if best is None:
        everything = " ".join([*(n.folded for n in entry.names), *entry.context]).split()
        if entry.names and all(any(w.startswith(q) for w in everything) for q in words):
            best = (5, _label(entry))
    return Hit(entry.iri, best[1], best[0], tuple(entry.types)) if best else None


def _rank(name: str, query: str, words: list[str]) -> int | None:
    parts = name.split()
    if name == query:
        return 0
    if all(w in parts for w in words):
        return 1
    if name.startswith(query):
        return 2
    if all(any(p.startswith(w) for p in parts) for w in words):
        return 3
    if query in name:
        return 4
    return None


def _label(entry: Entry) -> Name:
    """The English label (else the first name) of an entry: what a context match shows."""
    labels = [n for n in entry.names if n.via == "label"]
    english = [n for n in labels if n.lang in ("en", "")]
    return (english or labels or entry.names)[0]


async def build_index(state: ServeState) -> SearchIndex:
    """The index over the served graph and the recogniser tables (once per server)."""
    index = SearchIndex(state.base)
    languages: set[str] = set()
    for e, text, via in (await state.select(PROLOGUE + NAMES)).rows:
        if isinstance(e, ox.NamedNode) and isinstance(text, ox.Literal):
            lang = text.language or ""
            index.add_name(e.value, _name(text.value, lang, str(getattr(via, "value", ""))))
            if lang:
                languages.add(lang)
    for e, kind in (await state.select(PROLOGUE + TYPES)).rows:
        entry = index.entries.get(getattr(e, "value", ""))
        if entry is not None and isinstance(kind, ox.NamedNode):
            entry.types.append(kind.value)
            entry.context.add(fold(_words(kind.value.rpartition("#")[2])))
    for e, word in (await state.select(PROLOGUE + MEETING_CONTEXT)).rows:
        entry = index.entries.get(getattr(e, "value", ""))
        if entry is not None and isinstance(word, ox.Literal):
            entry.context.add(fold(word.value))
    for iri, name in table_names(state.base, sorted(languages)):
        index.add_name(iri, name, create=False)
    return index


def _words(camel: str) -> str:
    """ "MinisterialMeeting" → "Ministerial Meeting"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel)


def table_names(base: str, languages: Iterable[str]) -> Iterator[tuple[str, Name]]:
    """(entity IRI, name) for every name the recogniser tables and pycountry give an entity."""
    states: dict[str, Any] = _yaml("states.yaml")
    for code, spec in states.items():
        iri = f"{base}id/state/{code}"
        for alias in spec.get("aliases", []):
            yield iri, _name(alias, "en", "alias")
        for demonym in spec.get("demonyms", []):
            yield iri, _name(demonym, "en", "demonym")
    yield from _country_names(base, languages)
    for table, default in (("organizations.yaml", "organization"), ("places.yaml", "place")):
        for spec in _yaml(table):
            iri = f"{base}id/{spec.get('kind', default)}/{spec['key']}"
            for alias in spec.get("aliases", []):
                yield iri, _name(alias, "en", "alias")
    for spec in _yaml("roles.yaml"):
        for alias in spec.get("aliases", []):
            yield f"{base}id/role/{spec['key']}", _name(alias, "en", "alias")


def _country_names(base: str, languages: Iterable[str]) -> Iterator[tuple[str, Name]]:
    """pycountry's names of every state, in English and in each of ``languages`` it translates."""
    translations = {"en": gettext.NullTranslations()}
    for lang in languages:
        try:
            translations[lang] = _translation(lang.split("-")[0])
        except OSError:
            continue  # no ISO 3166 translation for this language
    for country in pycountry.countries:
        iri = f"{base}id/state/{country.alpha_3}"
        for attr in ("name", "common_name", "official_name"):
            english = getattr(country, attr, None)
            if english:
                for lang, translation in translations.items():
                    yield iri, _name(translation.gettext(english), lang, "name (ISO 3166)")


@functools.cache
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])


@functools.cache
def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
