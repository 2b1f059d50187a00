"""Names of the coalition and its force, in several languages, from infobox debris and footnotes.

Three patterns are read:

* the infobox name block — consecutive lines of ``Name (ACRONYM[, Language])`` items, sometimes
  fused on one line ("Force multinationale en Ukraine (FMN–U)Багатонаціональні сили-Україна
  (Ukrainian)"). A name with no language that shares words with an entity already named is a
  translation of it: its language is the one of the block's languages not yet used for that entity
  and written in the name's script. A labelled name with no shared words (another script) belongs
  to the entity named just before it;
* footnotes ``Language: name, romanized: …`` — attached to the entity with a same-language name
  sharing at least half its words;
* running text ``Long Name (ACRONYM)`` for names of forces, so a new article that only writes
  "the Multinational Force Ukraine (MNF-U)" still names its force.

The first name of an entity in a language is its label; later ones are alternatives, as are
acronyms. A name that differs from one already given only by spacing, or by a dash where the other
has a space (the capture drops dashes), is not repeated; one written with another dash character
("сили-Україна" / "сили–Україна") is a spelling of its own and is kept.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pycountry

from cowkg.extract.known import Args, make_fact, span
from cowkg.extract.layout import DASHES, Line, clean, lines, name_tokens, normalise_name
from cowkg.mentions import slug
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source, Span

log = logging.getLogger(__name__)

_ITEM = re.compile(r"\s*(?P<name>[^()\n]+?)\s*\((?P<inner>[^()\n]+)\)")
_ACRONYM = re.compile(rf"^[A-Z][A-Za-z]*(?:[{DASHES}][A-Z]+)*$")
_FOOTNOTE = re.compile(r"(?P<lang>[A-Z][a-z]+): (?P<name>[^,\[\]\n:]+?)\s*(?=,|\[|$)")
_ROMANIZED = re.compile(r"\s*(?:\[\d+\]\s*)?,\s*romanized:\s*(?P<r>[^,\n]+)")
_SEP = rf"[\s{DASHES}]+"
_FORCE_NAME = re.compile(
    rf"(?P<name>(?:[A-Z]\w+{_SEP}){{1,3}}Forces?(?:{_SEP}(?:for{_SEP}|in{_SEP})?[A-Z]\w+)?)"
    rf"\s*(?:\[[^\]]*\]\s*)?\((?P<acr>[A-Z]{{2,}}(?:[{DASHES}][A-Z]+)?)\)"
)
_BLOCK_SEARCH_LINES = 25
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CYRILLIC_LANGS = frozenset({"uk", "ru", "be", "bg", "sr", "mk", "kk"})


@dataclass(frozen=True)
class _Item:
    """One ``Name (inner)`` item of the name block, with its seed offsets."""

    name: str
    start: int
    end: int
    langs: tuple[str, ...]
    acronyms: tuple[str, ...]


@dataclass
class _Entity:
    ref: Ref
    names: dict[str, list[str]] = field(default_factory=dict)

    def knows(self, label: str, lang: str) -> bool:
        """Whether ``label`` is a name already given: the same words, and no dash written in
        both that differs ("MNF U" = "MNF–U", but "MNF-U" is another spelling of it)."""
        return any(
            normalise_name(label) == normalise_name(name)
            and (not _dashes(label) or not _dashes(name) or _dashes(label) == _dashes(name))
            for name in self.names.get(lang, [])
        )


def _dashes(label: str) -> list[str]:
    return [c for c in label if c in DASHES]


def language_code(name: str) -> str | None:
    """'French' -> 'fr' (ISO 639-1 via pycountry); None for words that are not language names."""
    found = pycountry.languages.get(name=name)
    code = getattr(found, "alpha_2", None) if found is not None else None
    return str(code) if code else None


def read_names(source: Source) -> list[Fact]:
    """NAME facts for the entities of the infobox name block, footnotes and 'Name (ACR)' text."""
    entities: list[_Entity] = []
    facts = _block_names(source, entities)
    facts += _footnote_names(source, entities)
    facts += _acronym_names(source, entities)
    return facts


def forces(facts: Sequence[Fact]) -> dict[str, Ref]:
    """Every name given to a force (normalised) -> the force: how force rules find it in text."""
    found: dict[str, Ref] = {}
    for fact in facts:
        entity, label = fact.args.get("entity"), fact.args.get("label")
        if (
            fact.kind is FactKind.NAME
            and isinstance(entity, Ref)
            and isinstance(label, str)
            and entity.kind is EntityKind.FORCE
        ):
            found.setdefault(normalise_name(label), entity)
    return found


def _name_fact(
    source: Source, entity: _Entity, label: str, lang: str, evidence: Span, *, acronym: bool = False
) -> Fact | None:
    """A NAME fact unless the entity already has this name (see :meth:`_Entity.knows`)."""
    label = clean(label)
    if not label or entity.knows(label, lang):
        return None
    alternative = acronym or bool(entity.names.get(lang))
    entity.names.setdefault(lang, []).append(label)
    args: Args = {"entity": entity.ref, "label": label, "lang": lang, "alternative": alternative}
    return make_fact(FactKind.NAME, args, [evidence], "names")


def _block_items(source: Source) -> list[_Item]:
    """The items of the first run of two or more 'Name (…)' lines near the top of the seed."""
    block: list[_Item] = []
    for line in lines(source)[:_BLOCK_SEARCH_LINES]:
        items = _line_items(line)
        if items:
            block.extend(items)
        elif len(block) >= 2:
            break
        else:
            block = []
    return block if len(block) >= 2 else []


def _line_items(line: Line) -> list[_Item] | None:
    """The items of a line made only of 'Name (inner)' items, else None."""
    items: list[_Item] = []
    pos = 0
    while pos < len(line.text.rstrip()):
        match = _ITEM.match(line.text, pos)
        if match is None:
            return None
        parts = [p.strip() for p in match["inner"].split(",")]
        langs = tuple(c for p in parts if (c := language_code(p)))
        acronyms = tuple(
            p for p in parts if _ACRONYM.match(p) and sum(ch.isupper() for ch in p) >= 2
        )
        if len(langs) + len(acronyms) != len(parts):
            return None
        start = line.start + match.start("name")
        items.append(_Item(match["name"], start, start + len(match["name"]), langs, acronyms))
        pos = match.end()
    return items or None


def _block_names(source: Source, entities: list[_Entity]) -> list[Fact]:
    items = _block_items(source)
    block_langs = sorted({lang for item in items for lang in item.langs})
    facts: list[Fact] = []
    for item in items:
        entity = _entity_of(item, entities)
        lang = item.langs[0] if item.langs else _guess_language(item.name, entity, block_langs)
        if lang is None:
            log.warning(
                "%s: offset %d: no language for name %r", source.file, item.start, item.name
            )
            continue
        evidence = span(source, item.start, item.end)
        facts += filter(None, [_name_fact(source, entity, item.name, lang, evidence)])
        for acronym in item.acronyms:
            where = source.text.find(acronym, item.end)
            acr_span = span(source, where, where + len(acronym))
            facts += filter(
                None, [_name_fact(source, entity, acronym, lang, acr_span, acronym=True)]
            )
    return facts


def _entity_of(item: _Item, entities: list[_Entity]) -> _Entity:
    """The entity an item names: one sharing words with it, else (for a name in another language
    or script) the entity named just before, else a new entity whose English name this is."""
    tokens = name_tokens(item.name)
    for entity in reversed(entities):
        if any(tokens & name_tokens(n) for names in entity.names.values() for n in names):
            return entity
    if item.langs and item.langs[0] != "en" and entities:
        return entities[-1]
    entity = _Entity(_entity_ref(item))
    entities.append(entity)
    return entity


def _entity_ref(item: _Item) -> Ref:
    """A coalition, force or organisation, by the head word of its English name."""
    words = {w.casefold() for w in re.findall(r"\w+", item.name)}
    label = clean(item.name)
    if "coalition" in words:
        return Ref(EntityKind.COALITION, slug(label), label)
    if words & {"force", "forces"}:
        key = slug(item.acronyms[0]) if item.acronyms else slug(label)
        return Ref(EntityKind.FORCE, key, label)
    return Ref(EntityKind.ORGANIZATION, slug(label), label)


def _guess_language(name: str, entity: _Entity, block_langs: Sequence[str]) -> str | None:
    """The language of an unlabelled name: English for a new entity; for an entity already named,
    the one block language it lacks that is written in the name's script."""
    if not entity.names:
        return "en"
    cyrillic = bool(_CYRILLIC.search(name))
    candidates = [
        lang
        for lang in block_langs
        if lang not in entity.names and (lang in _CYRILLIC_LANGS) == cyrillic
    ]
    return candidates[0] if len(candidates) == 1 else None


def _footnote_names(source: Source, entities: list[_Entity]) -> list[Fact]:
    """Alternatives from 'French: Force multinationale – Ukraine, … Ukrainian: …, romanized: …'."""
    facts: list[Fact] = []
    for match in _FOOTNOTE.finditer(source.text):
        lang = language_code(match["lang"])
        entity = _closest(match["name"], lang, entities) if lang else None
        if lang is None or entity is None:
            continue
        evidence = span(source, match.start(), match.end())
        facts += filter(None, [_name_fact(source, entity, match["name"], lang, evidence)])
        roman = _ROMANIZED.match(source.text, match.end())
        if roman:
            r_span = span(source, roman.start("r"), roman.end("r"))
            alt = _name_fact(source, entity, roman["r"], f"{lang}-Latn", r_span, acronym=True)
            facts += filter(None, [alt])
    return facts


def _closest(name: str, lang: str, entities: Sequence[_Entity]) -> _Entity | None:
    """The entity with a ``lang`` name sharing at least half of the words of both names."""
    words = set(normalise_name(name).split())
    for entity in entities:
        for other in entity.names.get(lang, []):
            theirs = set(normalise_name(other).split())
            if words and len(words & theirs) / len(words | theirs) >= 0.5:
                return entity
    return None


def _acronym_names(source: Source, entities: list[_Entity]) -> list[Fact]:
    """'The Multinational Force Ukraine (MNF-U)': a force's name and acronym in running text."""
    facts: list[Fact] = []
    for match in _FORCE_NAME.finditer(source.text):
        name = re.sub(r"^(?:The|the|A|An)\s+", "", match["name"])
        entity = _by_acronym(match["acr"], entities)
        if entity is None:
            ref = Ref(EntityKind.FORCE, slug(match["acr"]), clean(name))
            entity = _Entity(ref)
            entities.append(entity)
        start = match.end("name") - len(name)
        for text, begin, end, acronym in (
            (name, start, match.end("name"), False),
            (match["acr"], match.start("acr"), match.end("acr"), True),
        ):
            fact = _name_fact(source, entity, text, "en", span(source, begin, end), acronym=acronym)
            facts += filter(None, [fact])
    return facts


def _by_acronym(acronym: str, entities: Sequence[_Entity]) -> _Entity | None:
    wanted = normalise_name(acronym).replace(" ", "")
    for entity in entities:
        for names in entity.names.values():
            if any(normalise_name(n).replace(" ", "") == wanted for n in names):
                return entity
    return None


def iter_force_mentions(source: Source, names: dict[str, Ref]) -> Iterator[tuple[int, int, Ref]]:
    """(start, end, force) for every place ``source`` writes one of the forces' names (dashes,
    no-break spaces and a 'for'/'in' between words allowed; long names case-insensitively)."""
    for normalised, ref in sorted(names.items(), key=lambda kv: -len(kv[0])):
        words = normalised.split()
        if not words:
            continue
        if len(words) > 2:
            pattern = rf"{_SEP}(?:(?:for|in){_SEP})?".join(re.escape(w) for w in words)
            flags = re.IGNORECASE
        else:  # acronyms: upper case only, so 'mnf' inside a URL is not the force
            pattern = _SEP.join(re.escape(w.upper()) for w in words)
            flags = re.NOFLAG
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", source.text, flags):
            yield match.start(), match.end(), ref
