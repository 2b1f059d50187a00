"""Mentions: find the states, organisations, people, roles, places, dates, amounts and counts a
seed names, each with its verbatim span and a normalised value.

Recognition is by tables plus patterns, never by a list of answers: states come from ISO 3166
(pycountry) plus the aliases and demonyms news uses (``data/states.yaml``); organisations, places
and titles from small alias tables (``data/*.yaml``); people are the capitalised names written next
to a title ("French President Emmanuel Macron", "Sanae Takaichi, prime minister of Japan") or
already known from such a place, in this seed or another; dates, money and counts by patterns.
Relative dates ("yesterday", "on Tuesday") are resolved against the source's date, and stay
unresolved (the text as value) when the source has none; :func:`reanchored` re-reads one against
another day (the day quoted words were said, once the statements mapping knows it).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import difflib
import functools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pycountry
import yaml

from cowkg.errors import CowkgError
from cowkg.types import EntityKind, Mention, MentionKind, Money, Quantity, Ref, Source, Span

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
COALITION = Ref(EntityKind.COALITION, "coalition-of-the-willing", "Coalition of the Willing")

_TRANSLIT = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "ð": "d",
        "–": "-",
        "—": "-",
    }
)
_LETTER = r"[^\W\d_]"
_BOUNDARY_BEFORE = r"(?<![\w\-])"
_BOUNDARY_AFTER = r"(?![\w$])"
"""A name ends at a word boundary, and not before "$": "US$2 billion" names a currency, not the
United States."""


def slug(text: str) -> str:
    """An ASCII slug (``[a-z0-9-]``), accents transliterated: 'Élysée Palace' → 'elysee-palace'."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _load_yaml(name: str) -> Any:
    path = DATA_DIR / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CowkgError(f"{path}: cannot read recogniser table: {exc}") from exc


@dataclass(frozen=True)
class _Entry:
    """One name a table knows: what it refers to and how it is written (name/alias/demonym)."""

    ref: Ref
    form: str


@dataclass
class _Table:
    """Names → entries, with one compiled alternation (longest name first) to find them in text."""

    names: dict[str, _Entry] = field(default_factory=dict)
    flags: int = 0
    no_break: bool = False
    """A no-break space may stand for a space of a name (places: captured tables write
    "Lancaster\u00a0House", which spaCy then takes for an organisation)."""

    def add(self, name: str, entry: _Entry) -> None:
        self.names.setdefault(name, entry)

    @functools.cached_property
    def pattern(self) -> re.Pattern[str]:
        alternatives = sorted(self.names, key=lambda n: (-len(n), n))
        space = "[ \u00a0]" if self.no_break else r"\ "
        body = "|".join(re.escape(n).replace(r"\ ", space) for n in alternatives)
        return re.compile(f"{_BOUNDARY_BEFORE}(?:{body}){_BOUNDARY_AFTER}", self.flags)

    def lookup(self, text: str) -> _Entry | None:
        """The entry of ``text`` as matched by :attr:`pattern`."""
        text = text.replace("\u00a0", " ") if self.no_break else text
        if self.flags & re.IGNORECASE:
            folded = {k.casefold(): v for k, v in self.names.items()}
            return folded.get(text.casefold())
        return self.names.get(text)


def _state_label(country: Any) -> str:
    return str(getattr(country, "common_name", None) or country.name)


@functools.cache
def _states() -> _Table:
    """ISO 3166 names (pycountry) plus the aliases and demonyms of ``data/states.yaml``."""
    table = _Table()
    extra: Mapping[str, Mapping[str, list[str]]] = _load_yaml("states.yaml")
    labels = {}
    for country in pycountry.countries:
        code = country.alpha_3
        labels[code] = _state_label(country)
        for attr in ("common_name", "name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                table.add(name, _Entry(Ref(EntityKind.STATE, code, labels[code]), "name"))
    for code, spec in extra.items():
        ref = Ref(EntityKind.STATE, code, labels[code])
        for alias in spec.get("aliases", []):
            table.add(alias, _Entry(ref, "alias"))
        for demonym in spec.get("demonyms", []):
            table.add(demonym, _Entry(ref, "demonym"))
    return table


def _kind_of(spec: Mapping[str, Any], default: EntityKind) -> EntityKind:
    return EntityKind(spec["kind"]) if "kind" in spec else default


@functools.cache
def _organizations() -> _Table:
    table = _Table()
    for spec in _load_yaml("organizations.yaml"):
        ref = Ref(_kind_of(spec, EntityKind.ORGANIZATION), spec["key"], spec["label"])
        for alias in spec["aliases"]:
            form = "acronym" if alias.replace(".", "").isupper() else "name"
            table.add(alias, _Entry(ref, form))
    return table


@functools.cache
def _places() -> _Table:
    table = _Table(no_break=True)
    for spec in _load_yaml("places.yaml"):
        ref = Ref(EntityKind.PLACE, spec["key"], spec["label"])
        for alias in spec["aliases"]:
            table.add(alias, _Entry(ref, "name"))
    return table


@functools.cache
def _listed_labels() -> dict[tuple[EntityKind, str], str]:
    tables = (_states(), _organizations(), _places(), *_roles())
    return {(e.ref.kind, e.ref.key): e.ref.label for t in tables for e in t.names.values()}


def listed_label(kind: EntityKind, key: str) -> str:
    """The English name the lists (pycountry, ``data/*.yaml``) give an entity, or ''; the label
    of last resort for an entity that only a curation entry (which names it by key) mentions."""
    return _listed_labels().get((kind, key), "")


@functools.cache
def place_state(key: str) -> str | None:
    """The ISO 3166 alpha-3 code of the state a listed place is in (a venue: its town's), or
    None for a place the list does not place in a state."""
    specs = {spec["key"]: spec for spec in _load_yaml("places.yaml")}
    spec = specs.get(key)
    while spec is not None and not spec.get("state") and spec.get("within"):
        spec = specs.get(spec["within"])
    return spec.get("state") if spec is not None else None


@functools.cache
def known_place_names() -> Mapping[str, str]:
    """Slug of every name the place list gives a place (label and aliases) → its key: what
    resolution needs to see that "Northwood Headquarters, Eastbury" is the listed Northwood
    (read once per process: the open-name readers ask for every candidate name)."""
    names: dict[str, str] = {}
    for spec in _load_yaml("places.yaml"):
        for name in [spec["label"], *spec["aliases"]]:
            names.setdefault(slug(name), spec["key"])
    return names


@functools.cache
def _roles() -> tuple[_Table, _Table]:
    """Titles: (case-insensitive table, case-sensitive table of all-capital acronyms)."""
    words, acronyms = _Table(flags=re.IGNORECASE), _Table()
    for spec in _load_yaml("roles.yaml"):
        ref = Ref(EntityKind.ROLE, spec["key"], spec["label"])
        for alias in spec["aliases"]:
            (acronyms if alias.isupper() else words).add(alias, _Entry(ref, "title"))
    return words, acronyms


@functools.cache
def _national_titles() -> dict[str, Ref]:
    """Role key → the state a national title names by itself ("Taoiseach" → Ireland)."""
    out = {}
    for spec in _load_yaml("roles.yaml"):
        if spec.get("state"):
            country = pycountry.countries.get(alpha_3=spec["state"])
            if country is None:
                raise ValueError(f"roles.yaml: {spec['state']!r} is no ISO 3166 alpha-3 code")
            out[spec["key"]] = Ref(EntityKind.STATE, spec["state"], _state_label(country))
    return out


FUZZY_STATE_CUTOFF = 0.9
"""How similar (difflib ratio) a misspelt name must be to a state's name to be read as it."""


def misspelt_state(name: str) -> Ref | None:
    """The state whose name or alias ``name`` misspells ("New Zeeland"), or None: a capitalised
    name of five or more letters, at least :data:`FUZZY_STATE_CUTOFF` similar to exactly one
    state's name of the same first letter (so "Austrian", "Nigeria", "Slovenia" stay apart).
    Callers use it only where a list says the name is a state's."""
    if len(name) < 5 or not name[:1].isupper() or state_key(name):
        return None
    names = [n for n in _states().names if n[:1] == name[:1] and len(n) >= 5]
    close = difflib.get_close_matches(name, names, n=2, cutoff=FUZZY_STATE_CUTOFF)
    refs = {_states().names[n].ref for n in close}
    return refs.pop() if len(refs) == 1 else None


def state_key(name: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of a state from its name, alias or demonym; None if unknown.

    Accepts "Britain", "the UK", "U.S.", "Türkiye", "Turkish", "Czech Republic", "Lithuania's".
    """
    text = name.strip()
    text = re.sub(r"['’]s$", "", text)
    for candidate in (text, re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)):
        entry = _states().lookup(candidate)
        if entry:
            return entry.ref.key
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return str(country.alpha_3)


# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

_HONORIFICS = frozenset(
    {
        "Sir",
        "Dame",
        "Baroness",
        "Baron",
        "Lord",
        "Lady",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "General",
        "Admiral",
        "baroness",
    }
)
_PARTICLES = frozenset(
    {"von", "der", "van", "den", "de", "da", "di", "del", "du", "le", "la", "bin"}
)
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "And",
        "Of",
        "On",
        "In",
        "At",
        "For",
        "To",
        "By",
        "With",
        "From",
        "As",
        "Is",
        "Was",
        "Will",
        "Has",
        "Had",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "Our",
        "Their",
        "His",
        "Her",
        "Its",
        "Said",
        "Says",
        "Also",
        "But",
        "Or",
        "Not",
        "No",
        "Following",
        "After",
        "Before",
        "Photo",
        "Source",
        "Details",
        "Background",
        "Cover",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Republic",
        "General",
        "Office",
        "Government",
        "Ministry",
        "Army",
        "Council",
        "Commission",
        "Union",
        "Official",
        "Website",
        "Press",
        "Statement",
        "Speech",
        "Report",
        "News",
        "Live",
        "Prime",
        "Minister",
        "President",
    ]
)
_NAME_TOKEN = re.compile(rf"{_LETTER}(?:{_LETTER}|['’\-.](?={_LETTER}))*\.?")
_MAX_NAME_TOKENS = 4


def person_ref(name: str) -> Ref:
    """The Ref of a person by name: key is the slug of the name without honorifics or possessive."""
    label = _clean_person_name(name)
    return Ref(EntityKind.PERSON, slug(label), label)


def _clean_person_name(name: str) -> str:
    tokens = re.sub(r"['’]s$", "", name.strip()).split()
    while tokens and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and token not in _NOT_NAMES


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The (start, end) of a personal name starting at ``pos`` (after spaces), if one is there.

    A name is up to four capitalised tokens, with lower-case particles inside ("von der Leyen");
    a possessive "'s" ends it. Tokens that name a state, organisation or month are not names.
    """
    match = re.compile(r"[ \u00a0]+").match(text, pos)
    if not match or "\n" in match.group(0):
        return None
    cursor, start, end, count = match.end(), match.end(), -1, 0
    while count < _MAX_NAME_TOKENS:
        token = _NAME_TOKEN.match(text, cursor)
        if not token:
            break
        word = token.group(0).rstrip(".")
        if word in _PARTICLES:
            pass
        elif _is_capitalised(word) and not _is_known_non_person(word) and word not in _HONORIFICS:
            end, count = cursor + len(word), count + 1
            if re.search(r"['’]s$", word):  # "X's special envoy": the possessive ends the name
                end -= 2
                break
        elif word in _HONORIFICS and count == 0:
            start = token.end() + 1
        else:
            break
        space = re.compile(r" (?=\S)").match(text, cursor + len(token.group(0).rstrip(".")))
        if not space:
            break
        cursor = space.end()
    return (start, end) if end > start else None


_NOT_A_NAME = frozenset(
    {"Yesterday", "Today", "Tomorrow", "Meanwhile", "Earlier", "Later", "Then", "Now", "Also",
     "But", "And", "However", "Last", "This", "Next", "On", "In", "At", "When", "While",
     *calendar.day_name, *(m for m in calendar.month_name if m)}
)  # fmt: skip
"""Capitalised words that open a sentence before a name ("Yesterday Kristen Michal, prime
minister of …"): adverbs, time words, days and months, never the first word of a name."""


def _is_known_non_person(word: str) -> bool:
    return (
        bool(_states().lookup(word) or _organizations().lookup(word) or _places().lookup(word))
        or _role_at(word, 0) is not None
    )


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """The (start, end) of a name of 2–4 capitalised tokens ending right before ``end``."""
    window = text[max(0, end - 80) : end]
    match = re.search(
        rf"((?:{_LETTER}[\w'’\-]*[ \u00a0]){{1,3}}{_LETTER}[\w'’\-]*)$", window, flags=re.UNICODE
    )
    if not match:
        return None
    tokens = match.group(1).split()
    while tokens and (
        not (_is_capitalised(tokens[0]) or tokens[0] in _PARTICLES) or tokens[0] in _NOT_A_NAME
    ):
        tokens = tokens[1:]
    while tokens and tokens[0] in _PARTICLES:
        tokens = tokens[1:]
    caps = [t for t in tokens if t not in _PARTICLES]
    if len(caps) < 2 or not all(_is_capitalised(t) and not _is_known_non_person(t) for t in caps):
        return None
    length = len(" ".join(tokens))
    return end - length, end


@dataclass
class PeopleIndex:
    """Full names of people known from titled mentions, to resolve short forms ("Starmer").

    Built from every seed before mentions are found, so a surname in one seed resolves to the full
    name another seed gives. Spellings that differ only by doubled letters ("Zelensky",
    "Zelenskyy") are one person, keyed by the longest spelling. A surname shared by two known
    people stays unresolved.
    """

    full: dict[str, str] = field(default_factory=dict)  # skeleton of key → (key, label)
    labels: dict[str, str] = field(default_factory=dict)  # canonical key → label
    by_surname: dict[str, set[str]] = field(default_factory=dict)  # skeleton surname → skeletons
    spellings: set[str] = field(default_factory=set)  # every full name as written
    shorts: set[str] = field(default_factory=set)  # one-word titled names ("President Costa")

    def add(self, label: str) -> None:
        ref = person_ref(label)
        if sum(1 for t in ref.label.split() if t not in _PARTICLES) < 2:
            self.shorts.add(ref.label)
            return
        skel = _skeleton(ref.key)
        known = self.full.get(skel)
        if known is None or (len(ref.key), ref.key) > (len(known), known):
            if known is not None:
                del self.labels[known]
            self.full[skel] = ref.key
            self.labels[ref.key] = ref.label
        self.by_surname.setdefault(_skeleton(_surname(ref.label)), set()).add(skel)
        self.spellings.add(ref.label)

    def copy(self) -> PeopleIndex:
        surnames = {k: set(v) for k, v in self.by_surname.items()}
        return PeopleIndex(
            dict(self.full), dict(self.labels), surnames, set(self.spellings), set(self.shorts)
        )

    def _ref(self, skel: str) -> Ref:
        key = self.full[skel]
        return Ref(EntityKind.PERSON, key, self.labels[key])

    def resolve(self, name: str) -> Ref:
        """The full-name Ref of ``name`` when it is a known person's surname (or full name)."""
        ref = person_ref(name)
        skel = _skeleton(ref.key)
        if skel in self.full:
            return self._ref(skel)
        candidates = self.by_surname.get(_skeleton(_surname(ref.label)), set())
        if " " in ref.label:  # "Antonio Costa" must not resolve to another Costa
            candidates = {c for c in candidates if c.endswith(skel)}
        if len(candidates) == 1:
            return self._ref(next(iter(candidates)))
        variant = self._variant(ref.label)
        return self._ref(variant) if variant is not None else ref

    def _variant(self, label: str) -> str | None:
        """The one known full name (its skeleton) that ``label`` spells differently: the same
        first name and a surname at least :data:`SPELLING_CUTOFF` similar ("Volodymyr Zelenskiy"
        for Volodymyr Zelenskyy); None for a one-word name or when none or several are."""
        if len(label.split()) < 2:
            return None
        first, surname = label.split()[0], _skeleton(_surname(label))
        close = [
            key
            for key, known in self.labels.items()
            if known.split()[0] == first
            and difflib.SequenceMatcher(None, _skeleton(_surname(known)), surname).ratio()
            >= SPELLING_CUTOFF
        ]
        return _skeleton(close[0]) if len(close) == 1 else None

    def known(self, name: str) -> Ref | None:
        """The known person ``name`` names (in full, by a unique surname or in another
        spelling), or None when it names nobody the index knows."""
        ref = self.resolve(name)
        return ref if ref.key in self.labels else None

    def names(self) -> Iterator[str]:
        """Every full name and unambiguous surname, as written, for matching in text."""
        for label in self.spellings:
            yield label
            surname = _surname(label)
            if len(self.by_surname.get(_skeleton(surname), ())) == 1:
                yield surname
        yield from self.shorts


SPELLING_CUTOFF = 0.85
"""How similar (difflib ratio of the skeletons) two surnames of one first name must be to be
spellings of one person's name ("Zelenskiy", "Zelenskyy")."""


def _surname(label: str) -> str:
    tokens = label.split()
    index = len(tokens) - 1
    while index > 0 and tokens[index - 1] in _PARTICLES:
        index -= 1
    return " ".join(tokens[index:])


def _skeleton(key: str) -> str:
    """Collapse doubled letters so transliteration variants compare equal (Zelensky ~ Zelenskyy)."""
    return re.sub(r"(.)\1+", r"\1", slug(key))


# --------------------------------------------------------------------------------------------
# Recognisers of entities
# --------------------------------------------------------------------------------------------


def _span(source: Source, start: int, end: int) -> Span:
    return Span(source.file, start, end, source.text[start:end])


def _table_mentions(source: Source, table: _Table, kind: MentionKind) -> Iterator[Mention]:
    for match in table.pattern.finditer(source.text):
        entry = table.lookup(match.group(0))
        if entry is not None and not (entry.form == "demonym" and _alone(source.text, match)):
            yield Mention(kind, _span(source, *match.span()), entry.ref, form=entry.form)


_LINE_REST = re.compile(r"[ \t\u00a0•*·–-]*$")


def _alone(text: str, match: re.Match[str]) -> bool:
    """A word that is its line, but for a bullet ("• French" in a list of languages): a demonym
    alone names a language or a nationality, not the state."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    before, after = text[start : match.start()], text[match.end() : end if end >= 0 else None]
    return bool(_LINE_REST.fullmatch(before) and _LINE_REST.fullmatch(after))


def _role_at(text: str, pos: int) -> tuple[int, _Entry] | None:
    """The title starting exactly at ``pos``, as (end, entry), if any."""
    words, acronyms = _roles()
    for table in (words, acronyms):
        match = table.pattern.match(text, pos)
        if match:
            entry = table.lookup(match.group(0))
            if entry:
                return match.end(), entry
    return None


def _role_matches(text: str) -> Iterator[tuple[int, int, _Entry]]:
    words, acronyms = _roles()
    for table in (words, acronyms):
        for match in table.pattern.finditer(text):
            entry = table.lookup(match.group(0))
            if entry:
                yield match.start(), match.end(), entry


_OF_AFTER = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?")
_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?[ \u00a0]+$")


def _owner_before(entities: Sequence[Mention], text: str, start: int) -> Ref | None:
    """The state/organisation written right before a title: "French President", "NATO Secretary
    General", "Lithuania's defense minister"."""
    before = bisect.bisect_left(entities, start, key=lambda m: m.span.start)
    for index in range(before - 1, -1, -1):  # a mention starting later also ends later
        mention = entities[index]
        if mention.span.end > start:
            continue
        gap = text[mention.span.end : start]
        if (
            _POSSESSIVE_GAP.fullmatch(gap)
            and isinstance(mention.value, Ref)
            and mention.kind in (MentionKind.STATE, MentionKind.ORGANIZATION)
        ):
            return mention.value
        return None
    return None


def _owner_after(entities: Sequence[Mention], text: str, end: int) -> tuple[Ref, int] | None:
    """The state/organisation of an "of the United Kingdom" after a title, with where it ends."""
    match = _OF_AFTER.match(text, end)
    if not match:
        return None
    first = bisect.bisect_left(entities, match.end(), key=lambda m: m.span.start)
    last = bisect.bisect_right(entities, match.end(), key=lambda m: m.span.start)
    for mention in entities[first:last]:
        if (
            mention.span.start == match.end()
            and isinstance(mention.value, Ref)
            and mention.kind in (MentionKind.STATE, MentionKind.ORGANIZATION)
        ):
            return mention.value, mention.span.end
    return None


def _roles_and_titled_people(source: Source, entities: Sequence[Mention]) -> Iterator[Mention]:
    """ROLE mentions with the post's state/organisation, and the people named beside them."""
    text = source.text
    ordered = sorted(entities, key=lambda m: m.span.start)
    principals: dict[int, Ref] = {}
    for start, end, entry in _role_matches(text):
        owner = _owner_before(ordered, text, start)
        after = _owner_after(ordered, text, end)
        name_from = end
        if after:
            owner = owner or after[0]
            name_from = after[1]
        owner = (
            owner or _principal(principals, text, start) or _national_titles().get(entry.ref.key)
        )
        yield Mention(
            MentionKind.ROLE, _span(source, start, end), entry.ref, of=owner, form="title"
        )
        name = _name_after(text, name_from) or _name_after_gloss(text, name_from)
        if name is None:
            name = _name_before_comma(text, start)
        if name is None and owner is not None:
            name = _name_after_comma(text, name_from)
        if name is not None:
            ref = person_ref(text[name[0] : name[1]])
            if owner is not None:
                principals[name[1]] = owner
            yield Mention(
                MentionKind.PERSON,
                _span(source, *name),
                ref,
                of=owner,
                role=entry.ref,
                form="titled",
            )


def _principal(principals: Mapping[int, Ref], text: str, start: int) -> Ref | None:
    """The state of a titled person whose title another one follows ("US President X's special
    envoy"): the envoy's post is that state's."""
    match = re.search(r"(['’]s)([ \u00a0]+)$", text[max(0, start - 4) : start])
    if match is None:
        return None
    return principals.get(start - len(match.group(0))) or principals.get(start - len(match[2]))


def _name_after_gloss(text: str, end: int) -> tuple[int, int] | None:
    """ "(Chilean President) Ana Ruiz": a name of two or more words right after a bracketed
    title."""
    if not text.startswith(")", end):
        return None
    name = _name_after(text, end + 1)
    return name if name is not None and " " in text[name[0] : name[1]].strip() else None


def _name_after_comma(text: str, end: int) -> tuple[int, int] | None:
    """ "the president of Chile, Gabriel Boric, said": a name of two or more words set off by
    commas right after a title of a named state or organisation."""
    if not text.startswith(",", end):
        return None
    name = _name_after(text, end + 1)
    if name is None or " " not in text[name[0] : name[1]].strip():
        return None
    after = text[name[1] : name[1] + 1]
    return name if after in {",", ".", ""} else None


def _name_before_comma(text: str, start: int) -> tuple[int, int] | None:
    """ "Sanae Takaichi, prime minister of Japan": the name before ", <title>"."""
    lead = text[max(0, start - 3) : start]
    match = re.search(r",[ \u00a0](?:the[ \u00a0])?$", text[max(0, start - 6) : start])
    if not match or not lead:
        return None
    comma = max(0, start - 6) + match.start()
    return _name_before(text, comma)


def _known_people(source: Source, people: PeopleIndex) -> Iterator[Mention]:
    names = sorted(set(people.names()), key=lambda n: (-len(n), n))
    if not names:
        return
    body = "|".join(re.escape(n) for n in names)
    pattern = re.compile(rf"{_BOUNDARY_BEFORE}(?:{body})(?:['’]s)?{_BOUNDARY_AFTER}")
    for match in pattern.finditer(source.text):
        written = re.sub(r"['’]s$", "", match.group(0))
        ref = people.resolve(written)
        form = "name" if " " in written else "surname"
        yield Mention(
            MentionKind.PERSON,
            _span(source, match.start(), match.start() + len(written)),
            ref,
            form=form,
        )


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_ABBR = {k[:3]: v for k, v in _MONTHS.items()} | {"sept": 9}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DASH = r"[ \u00a0]*[–\-—][ \u00a0]*"
_S = r"[ \u00a0]+"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("iso", rf"(?<![\d-]){_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
        (
            "between",
            rf"\b(?:between{_S}(?P<day0>[0-3]?\d){_S}and|from{_S}(?P<day1>[0-3]?\d){_S}"
            rf"(?:to|until|till)){_S}{_DAY}{_S}{_MONTH}(?:,?{_S}{_YEAR})?",
        ),
        ("dmy-range", rf"(?<!\d)(?P<day0>[0-3]?\d){_DASH}{_DAY}{_S}{_MONTH}(?:,?{_S}{_YEAR})?"),
        (
            "mdy-pair",
            rf"\b{_MONTH}{_S}(?P<day0>[0-3]?\d)/(?P<day>[0-3]?\d)(?!\d)(?:,[ \u00a0]*{_YEAR})?",
        ),
        (
            "mdy-range",
            rf"\b{_MONTH}{_S}(?P<day0>[0-3]?\d){_DASH}{_DAY}(?!\d)(?:,[ \u00a0]*{_YEAR})?",
        ),
        ("dmy", rf"(?<![\d.,])\b{_DAY}{_S}{_MONTH}(?![a-z])(?:,?{_S}{_YEAR})?"),
        ("mdy", rf"\b{_MONTH}{_S}{_DAY}(?![\d:])(?:,[ \u00a0]*{_YEAR})?"),
    )
)
_RESTATED = re.compile(r"[ \u00a0]*\((?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)\)")
"""An ISO restatement of the date before it, as encyclopedia templates write it: "March 2, 2025
(2025-03-02)" is one date written twice, one mention."""

_MONTH_YEAR = re.compile(rf"\b{_MONTH}{_S}{_YEAR}\b")
"""A month of a year ("February 2024"): no day, so no date mention, but the year of the days
written after it without one ("… in February 2024. … on 11 November" is 11 November 2024)."""
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_RELATIVE = re.compile(
    r"\b(?P<rel>yesterday|today|tomorrow|tonight|this week|last week|next week|this weekend"
    r"|(?:(?P<next>next|last|this)[ \u00a0]+)?(?P<wd>" + _WEEKDAY + ")"
    r"(?:[ \u00a0]+(?:through|to|until)[ \u00a0]+(?P<wd2>" + _WEEKDAY + "))?)\\b",
    re.IGNORECASE,
)


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBR[word[:4] if word.startswith("sept") else word[:3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class _Disjoint:
    """Non-overlapping spans, kept sorted: a new span is taken only if it overlaps none (in
    logarithmic time; sorted and disjoint, their ends are sorted too)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, start: int, end: int) -> bool:
        """Add ``[start, end)`` unless it overlaps a span already taken; whether it was added."""
        before = bisect.bisect_left(self.starts, end)  # the spans starting before its end
        if before > 0 and self.ends[before - 1] > start:
            return False
        self.starts.insert(before, start)
        self.ends.insert(before, end)
        return True


def _absolute_dates(source: Source) -> Iterator[Mention]:
    """Calendar dates; a date without a year takes the year of the last dated mention or month
    of a year ("February 2024") before it, else the source's year; with neither it is skipped
    (no guessed years)."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    taken = _Disjoint()
    for name, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(source.text):
            start, end = match.span()
            if taken.take(start, end):
                found.append((start, end, name, match))
    year = None
    restated = -1  # where the last ISO restatement taken into the date before it ends
    anchors = [(m.start(), -1, "month-year", m) for m in _MONTH_YEAR.finditer(source.text)]
    for start, end, name, match in sorted(found + anchors, key=lambda f: f[0]):
        groups = match.groupdict()
        if groups.get("year"):
            year = int(groups["year"])
        if name == "month-year":
            continue  # "in February 2024" sets the year of the days after it, names no day
        use_year = year or (source.date.year if source.date else None)
        if use_year is None or end <= restated:
            continue
        month = int(groups["mnum"]) if name == "iso" else _month_number(groups["month"])
        day = _safe_date(use_year, month, int(groups["day"]))
        if day is None:
            continue
        first_day = groups.get("day0") or groups.get("day1")  # "between 3 and 5", "from 3 to 5"
        first = _safe_date(use_year, month, int(first_day)) if first_day else None
        if name == "mdy-pair" and first is not None:  # "March 2/15, 2025": two days
            form = "date" if groups.get("year") else "day-month"
            yield Mention(
                MentionKind.DATE, _span(source, start, match.end("day0")), first, form=form
            )
            start, first = match.start("day"), None
        repeat = _RESTATED.match(source.text, end)
        if repeat is not None and repeat["iso"] == (first or day).isoformat():
            end = restated = repeat.end()
        span = _span(source, start, end)
        if first is not None:
            yield Mention(MentionKind.DATE, span, first, form="range", end=day)
        else:
            yield Mention(
                MentionKind.DATE, span, day, form="date" if groups.get("year") else "day-month"
            )


def _weekday_before(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The given weekday nearest ``anchor``: on or before it (after it for "next", on or after
    it for "ahead": a weekday of a report that looks ahead, "will meet on Tuesday")."""
    if direction == "next":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    if direction == "ahead":
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


_LOOKS_AHEAD = re.compile(r"\b(?:will|to\s+(?!the\b|a\b)[a-z]+)\b[^.!?]*$")
"""A clause that looks ahead up to a weekday: "will co-chair … on Tuesday", "to host …
Thursday" (headline grammar for the future)."""


def _cited_anchors(source: Source, absolute: Sequence[Mention]) -> list[tuple[int, int, dt.date]]:
    """Each reference entry of the source with the date of the work it cites: a relative date
    in its title or in the passage it quotes is the work's, not the citing source's."""
    from cowkg.read.citations import citations  # the reading layer imports this module

    by_start = {m.span.start: m.value for m in absolute if isinstance(m.value, dt.date)}
    out = []
    for cited in citations(source.text):
        day = by_start.get(cited.date.start) if cited.date is not None else None
        if day is not None:
            out.append((cited.entry.start, cited.entry.end, day))
    return out


_TODAY_LABEL = re.compile(
    r"(?m)^[ \u00a0]*(?P<today>Today)[ \u00a0]+part[ \u00a0]+of(?=[ \u00a0]*$|[A-Z])"
)
"""The infobox field "Today part of", alone on its line or glued to its value ("Today part
ofDesigning …"): a template's label for what a thing is now part of, written the same on every
page; it places nothing on a day (prose would go on in the line: "Today part of the army
left.")."""


def _relative_dates(source: Source, absolute: Sequence[Mention] = ()) -> Iterator[Mention]:
    anchors = _cited_anchors(source, absolute) if absolute else []
    labels = {m.start("today") for m in _TODAY_LABEL.finditer(source.text)}
    for match in _RELATIVE.finditer(source.text):
        if match.start() in labels:
            continue
        span = _span(source, *match.span())
        cited = next((a for a in anchors if a[0] <= match.start() < a[1]), None)
        anchor = source.date if cited is None else cited[2]
        ahead = cited is not None and (
            bool(_LOOKS_AHEAD.search(source.text, cited[0], match.start()))
            or source.text.startswith(("'s", "’s"), match.end())
        )
        if anchor is None:
            yield Mention(MentionKind.DATE, span, match.group(0), form="relative")
        else:
            yield _resolved(span, match, anchor, ahead)


def _resolved(span: Span, match: re.Match[str], anchor: dt.date, ahead: bool) -> Mention:
    """The relative date ``match`` (of :data:`_RELATIVE`) read as said on ``anchor``: a day
    ("yesterday", "on Tuesday", "Monday through Wednesday": a range), or a week ("this week")."""
    rel = match.group("rel").lower()
    week_start = anchor - dt.timedelta(days=anchor.weekday())
    simple = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if rel in simple:
        day = anchor + dt.timedelta(days=simple[rel])
        return Mention(MentionKind.DATE, span, day, form="relative")
    if rel.endswith("week") or rel.endswith("weekend"):
        shift = {"this": 0, "last": -7, "next": 7}[rel.split()[0]]
        first = week_start + dt.timedelta(days=shift + (5 if "weekend" in rel else 0))
        last = first + dt.timedelta(days=1 if "weekend" in rel else 6)
        return Mention(MentionKind.DATE, span, first, form="relative-week", end=last)
    direction = (match.group("next") or "").lower() or ("ahead" if ahead else "")
    day = _weekday_before(anchor, _WEEKDAYS.index(match.group("wd").lower()), direction)
    if not match.group("wd2"):
        return Mention(MentionKind.DATE, span, day, form="relative")
    to = _WEEKDAYS.index(match.group("wd2").lower())
    last = day + dt.timedelta(days=(to - day.weekday()) % 7)
    return Mention(MentionKind.DATE, span, day, form="relative", end=last)


def reanchored(mention: Mention, day: dt.date) -> Mention:
    """A relative date ``mention`` read as said on ``day`` instead of the source's date: the
    "today" of words quoted from a speech of the day before is that day (see
    :func:`cowkg.read.mappings.statements.days_named`). Any other mention is returned as is."""
    relative = mention.kind is MentionKind.DATE and mention.form.startswith("relative")
    match = _RELATIVE.fullmatch(mention.span.text) if relative else None
    return mention if match is None else _resolved(mention.span, match, day, ahead=False)


# --------------------------------------------------------------------------------------------
# Money, quantities and counts
# --------------------------------------------------------------------------------------------

_SCALE = {
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "thousand": Decimal(1000),
    "k": Decimal(1000),
    "trillion": Decimal(10) ** 12,
}
_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "NZ$": "NZD",
    "£": "GBP",
    "€": "EUR",
    "$": "USD",
    "¥": "JPY",
}
_CURRENCY_WORDS = (
    (r"pounds?(?: sterling)?|sterling", "GBP"),
    (r"euros?", "EUR"),
    (r"(?:US|U\.S\.|American) dollars?", "USD"),
    (r"dollars?", "USD"),
    (r"hryvnias?", "UAH"),
    (r"(?:Swiss )?francs?", "CHF"),
    (r"Norwegian kron(?:er|e)", "NOK"),
    (r"Danish kron(?:er|e)", "DKK"),
    (r"Swedish kron(?:or|a)", "SEK"),
    (r"yen", "JPY"),
)
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_WORD = r"(?:[ \u00a0]?(?P<scale>(?i:billion|million|thousand|trillion|bn|mn|m|k))\b)?"
"""The scale after a number, in any case: headlines write "$133M" and "€226 Million"."""
_MONEY_SYMBOL = re.compile(
    r"(?P<sym>US\$|U\.S\.\$|C\$|A\$|NZ\$|£|€|\$|¥|\b(?:EUR|USD|GBP|SEK|NOK|DKK|CHF|CAD|AUD|JPY|PLN"
    r"|UAH)\b)[ \u00a0]?" + _NUMBER + _SCALE_WORD
)
_MONEY_WORD = re.compile(
    r"(?<![\d.,£€$])"
    + _NUMBER
    + _SCALE_WORD
    + r"[ \u00a0]+(?P<cur>"
    + "|".join(p for p, _ in _CURRENCY_WORDS)
    + r")\b"
)
NUMBER_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
"""Small cardinal numbers as words (zero to twenty): counts, list sizes, star ranks."""
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_WORD_NUMBERS = (
    NUMBER_WORDS
    | _TENS
    | {f"{tens}-{unit}": value + NUMBER_WORDS[unit] for tens, value in _TENS.items()
       for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}
    | {"a dozen": 12, "two dozen": 24, "three dozen": 36}
)  # fmt: skip
"""Numbers as words up to ninety-nine ("Twenty-six countries" is 26, not six), and dozens."""
_QUALIFIERS = (
    r"more than|fewer than|less than|at least|up to|nearly|almost|about|around|"
    r"approximately|roughly|some|over|under|only|c\.|circa|just over|just under"
)
_COUNTED = (
    r"countries|nations|states|country leaders|national leaders|member states|allies|partners"
)
_NUM_ANY = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+|"
    + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
    + r")"
)
_NUM_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_QUANTITY = re.compile(
    rf"{_BOUNDARY_BEFORE}(?<!['’])(?:(?P<qual>{_QUALIFIERS})[ \u00a0]+)?"
    rf"(?:between[ \u00a0]+(?P<low>{_NUM_DIGITS})[ \u00a0]+and[ \u00a0]+(?P<high>{_NUM_DIGITS})|"
    rf"{_NUM_ANY}(?:[ \u00a0]*(?:to|–|-)[ \u00a0]*(?P<num2>{_NUM_DIGITS}))?)"
    rf"(?:[ \u00a0]+(?P<unit>(?:(?:[a-z][a-z\-]*)[ \u00a0]+){{0,3}}?"
    rf"(?:{_COUNTED}|[a-z][a-z\-]*s|personnel|staff|military personnel|men|women|people))\b"
    rf"|-(?P<adj>nation|country|member)\b"
    rf"|[ \u00a0]+of[ \u00a0]+[A-Z][\w-]*['’]s[ \u00a0]+"
    rf"(?P<partitive>(?:{_COUNTED}|[a-z][a-z\-]*s))\b)",
    re.IGNORECASE,
)
"""A number of things: "30 countries", "more than 5,000 air defence missiles", "50 to 250
soldiers", "between 5,000 and 10,000 troops", "a 30-nation coalition", "26 of Chile's allies"."""
_NOT_UNITS = frozenset(
    {
        "days",
        "years",
        "months",
        "weeks",
        "hours",
        "minutes",
        "percent",
        "is",
        "was",
        "has",
        "its",
        "times",
        "as",
        "kms",
        "miles",
    }
)


def _decimal(text: str) -> Decimal | None:
    lowered = text.lower()
    if lowered in _WORD_NUMBERS:
        return Decimal(_WORD_NUMBERS[lowered])
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _money_mentions(source: Source) -> Iterator[Mention]:
    for match in _MONEY_SYMBOL.finditer(source.text):
        value = _decimal(match.group("num"))
        if value is None:
            continue
        value *= _SCALE.get((match.group("scale") or "").lower(), Decimal(1))
        symbol = match.group("sym")
        money = Money(value, _SYMBOLS.get(symbol, symbol))
        yield Mention(MentionKind.AMOUNT, _span(source, *match.span()), money)
    for match in _MONEY_WORD.finditer(source.text):
        value = _decimal(match.group("num"))
        currency = next(c for p, c in _CURRENCY_WORDS if re.fullmatch(p, match.group("cur")))
        if value is None or not currency:
            continue
        value *= _SCALE.get((match.group("scale") or "").lower(), Decimal(1))
        yield Mention(MentionKind.AMOUNT, _span(source, *match.span()), Money(value, currency))


def _counted_thing(unit: str) -> str | None:
    """'countries' when a unit counts states (countries, nations, country leaders), else None."""
    last = unit.split()[-1].lower() if unit else ""
    if re.fullmatch(_COUNTED, unit.lower()) or last in {"countries", "nations", "states"}:
        return "countries"
    if unit.lower() in {"nation", "country", "member"}:
        return "countries"
    return None


_AT_LEAST = frozenset({"more than", "over", "at least", "just over"})
_AT_MOST = frozenset(
    {"up to", "fewer than", "less than", "under", "just under", "nearly", "almost"}
)


def _bounds(low: Decimal, high: Decimal, qualifier: str) -> tuple[Decimal | None, Decimal | None]:
    """The bounds a hedged number states: "more than 30" is a minimum of 30 and no maximum, "up
    to 30" or "nearly 30" a maximum and no minimum; "about 30" keeps 30 for both (its qualifier
    says it is approximate)."""
    if qualifier in _AT_LEAST and low == high:
        return low, None
    if qualifier in _AT_MOST and low == high:
        return None, high
    return low, high


_FRONTED = re.compile(
    rf"\bof[ \u00a0]+(?:the[ \u00a0]+)?(?:{_NUM_DIGITS})[ \u00a0]+(?P<unit>{_COUNTED}),[ \u00a0]+"
    rf"(?P<part>\d{{1,3}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})\b",
    re.IGNORECASE,
)
"""A bare number after the set it is part of: "of the 34 countries, 25 had agreed"."""


def _fronted_mentions(source: Source) -> Iterator[Mention]:
    """The count a partitive set before it gives a bare number ("of the 34 countries, 25 …"),
    unless the number counts a noun of its own ("of the 34 countries, 25 leaders …")."""
    for match in _FRONTED.finditer(source.text):
        own = _QUANTITY.match(source.text, match.start("part"))
        if own is not None and own.group("unit"):
            continue
        value = _decimal(match.group("part"))
        if value is not None:
            quantity = Quantity(value, value, "countries", "")
            span = _span(source, *match.span("part"))
            yield Mention(MentionKind.COUNT, span, quantity, form="partitive")


_DATE_BEFORE = re.compile(rf"(?<!\d[ \u00a0])\b{_MONTH}(?:{_S}[0-3]?\d(?:st|nd|rd|th)?,?)?{_S}$")
"""A month (and day) right before a number: the number is the date's day or year ("the March 2
summit", "the August 2025 meetings"), not a count (unless a day stands before the month: "on
3 April 30 countries met")."""
_PRONOUN_ONE = re.compile(
    r"\b(?:the|this|that|each|every|any|no|which|another|first|second|third|last|next|latter"
    r"|former|other|only)[ \u00a0]+$",
    re.IGNORECASE,
)
"""A word that makes "one" a pronoun ("the second one concerns", "this one"), not a number."""
_YEAR_SHAPED = re.compile(r"(?:19|20)\d\d")
_NOT_PLURAL = re.compile(r"(?:ss|us)$")
"""Words in -s that name no plural: "readiness", "business", "consensus"."""


def _not_a_quantity(text: str, match: re.Match[str], unit: str) -> bool:
    """Whether what :data:`_QUANTITY` matched is no number of things: a unit that is no plural
    noun ("days", "2030 readiness", "the US") or begins with "of" ("one of the main messages"),
    a number that is a date's day or year ("March 2 summit", "2024 Paris", "2026-27 budget"),
    or the pronoun "one" ("the second one concerns")."""
    number = match.group("num") or ""
    last = unit.split()[-1]
    if last.lower() in _NOT_UNITS or _NOT_PLURAL.search(last.lower()) or last.isupper():
        return True
    if match.group("unit") and unit.split()[0].lower() == "of":
        return True
    before = text[: match.start("num")] if number else ""
    if number and _DATE_BEFORE.search(before[-30:]):
        return True
    if _YEAR_SHAPED.fullmatch(number) and (
        unit[:1].isupper() or len(match.group("num2") or "") == 2
    ):
        return True
    return number.lower() == "one" and bool(_PRONOUN_ONE.search(before[-12:]))


def _quantity_mentions(source: Source) -> Iterator[Mention]:
    yield from _fronted_mentions(source)
    for match in _QUANTITY.finditer(source.text):
        unit = match.group("unit") or match.group("adj") or match.group("partitive") or ""
        if _not_a_quantity(source.text, match, unit):
            continue
        low = _decimal(match.group("low") or match.group("num"))
        second = match.group("high") or match.group("num2")
        high = _decimal(second) if second else low
        if low is None or high is None:
            continue
        qualifier = (match.group("qual") or "").lower()
        counted = _counted_thing(unit)
        quantity = Quantity(*_bounds(low, high, qualifier), counted or unit, qualifier)
        kind = MentionKind.COUNT if counted else MentionKind.QUANTITY
        form = "partitive" if match.group("partitive") else unit
        yield Mention(kind, _span(source, *match.span()), quantity, form=form)


# --------------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------------

_ENTITY_KINDS = (MentionKind.STATE, MentionKind.ORGANIZATION, MentionKind.PLACE, MentionKind.PERSON)


def _drop_nested(mentions: Iterable[Mention], kinds: Iterable[MentionKind]) -> list[Mention]:
    """Among mentions of ``kinds``, drop those inside a longer one (and exact duplicates).

    "Ukraine Defense Contact Group" is an organisation, not the state Ukraine; "NATO headquarters"
    a place, not NATO. Where two mentions cover the same text, a titled person beats a known name.
    """
    pool = [m for m in mentions if m.kind in kinds]
    pool.sort(key=lambda m: (m.span.start, -(m.span.end - m.span.start), m.form != "titled"))
    kept: list[Mention] = []
    reach = -1  # the furthest end of a kept mention: every kept one starts at or before this one,
    for mention in pool:  # so this one lies inside a kept one exactly when it ends by ``reach``
        if mention.span.end <= reach:
            continue
        kept.append(mention)
        reach = mention.span.end
    return kept


def _entity_mentions(source: Source, people: PeopleIndex) -> list[Mention]:
    base = [
        *_table_mentions(source, _states(), MentionKind.STATE),
        *_table_mentions(source, _organizations(), MentionKind.ORGANIZATION),
        *_table_mentions(source, _places(), MentionKind.PLACE),
    ]
    entities = _drop_nested(base, (MentionKind.STATE, MentionKind.ORGANIZATION, MentionKind.PLACE))
    titled = list(_roles_and_titled_people(source, entities))
    roles = [m for m in titled if m.kind is MentionKind.ROLE]
    local = people.copy()
    for mention in titled:
        if mention.kind is MentionKind.PERSON:
            local.add(mention.span.text)
    persons = [_resolve_person(m, local) for m in titled if m.kind is MentionKind.PERSON]
    persons += list(_known_people(source, local))
    persons = _with_honorific_names(source, persons)
    kept = _drop_nested([*entities, *persons], _ENTITY_KINDS)
    return _without_language_glosses(source.text, kept) + roles


_GLOSS_OPENING = re.compile(r"[^\s(][ \u00a0]*\((?:[^()\n,]{1,16},[ \u00a0]*)?$")
"""The opening of a bracket right after a name, an acronym and comma allowed in it: "Coalition
des Volontaires (CdV, " or "сили-Україна (" before a language's name."""
_GLOSS_CLOSING = re.compile(r"[ \u00a0]*\)")


def _without_language_glosses(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without the demonyms that close a name's language gloss ("Coalition des
    Volontaires (CdV, French)", "… (Ukrainian)"): the word names the language the name is in,
    not a state (the name reader records it as the name's language). After a person's name a
    bracketed demonym is a nationality ("Anna Berg (French)") and stays."""
    person_ends = {m.span.end for m in mentions if m.kind is MentionKind.PERSON}
    out = []
    for mention in mentions:
        start, end = mention.span.start, mention.span.end
        opening = _GLOSS_OPENING.search(text, max(0, start - 40), start)
        gloss = (
            mention.kind is MentionKind.STATE
            and mention.form == "demonym"
            and pycountry.languages.get(name=mention.span.text) is not None
            and opening is not None
            and _GLOSS_CLOSING.match(text, end) is not None
            and opening.start() + 1 not in person_ends
        )
        if not gloss:
            out.append(mention)
    return out


_BY_FIRST_NAME = frozenset({"Sir", "Dame"})
"""Honorifics written before a first name ("Sir Ben" is Sir Ben Smith); the others ("Mr", "Ms",
"Mrs", "Dr") stand before a surname."""
_HONORIFIC_NAME = re.compile(
    rf"{_BOUNDARY_BEFORE}(?P<honorific>Sir|Dame|Mrs?|Ms|Dr)\.?[ \u00a0]+"
    rf"(?P<name>[A-ZÀ-Þ]{_LETTER}*(?:-[A-ZÀ-Þ]{_LETTER}*)?)(?:['’]s)?(?![\w'’\-])"
    r"(?![ \u00a0]+[A-ZÀ-Þ])"
)
"""An honorific and one name, not followed by another capitalised word ("Sir Ben said", "Ms
Jansen's plan"; not "Sir Ben Smith")."""


def _named_by_honorific(honorific: str, name: str, people: Iterable[Ref]) -> Ref | None:
    """The one person of ``people`` whose first name (after Sir or Dame) or surname (after Mr,
    Ms…) is ``name``; None when none or several are."""
    by_first = honorific in _BY_FIRST_NAME
    wanted = _skeleton(name)
    found = {
        ref.key: ref
        for ref in people
        if _skeleton(ref.label.split()[0] if by_first else _surname(ref.label)) == wanted
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _with_honorific_names(source: Source, persons: list[Mention]) -> list[Mention]:
    """``persons`` with each "Sir Ben" / "Ms Jansen" the person this source names in full with
    that first name or surname — when exactly one is — in place of any reading of the bare word
    (an unresolved "Ben", or a surname the cross-source index resolves to someone else)."""
    full = [
        m.value
        for m in persons
        if isinstance(m.value, Ref)
        and sum(1 for word in m.value.label.split() if word not in _PARTICLES) >= 2
    ]
    found: list[Mention] = []
    for match in _HONORIFIC_NAME.finditer(source.text) if full else ():
        ref = _named_by_honorific(match["honorific"], match["name"], full)
        if ref is not None:
            form = "first-name" if match["honorific"] in _BY_FIRST_NAME else "surname"
            span = _span(source, match.start("name"), match.end("name"))
            found.append(Mention(MentionKind.PERSON, span, ref, form=form))
    taken = {(m.span.start, m.span.end) for m in found}
    return [m for m in persons if (m.span.start, m.span.end) not in taken] + found


def _resolve_person(mention: Mention, people: PeopleIndex) -> Mention:
    return replace(mention, value=people.resolve(mention.span.text))


def _numeric_mentions(source: Source) -> list[Mention]:
    money = list(_money_mentions(source))
    absolute = list(_absolute_dates(source))
    dates = [*absolute, *_relative_dates(source, absolute)]
    taken = _Covered(m.span for m in [*money, *dates])
    counts = [q for q in _quantity_mentions(source) if not taken.overlaps(q.span)]
    return _drop_nested(money, (MentionKind.AMOUNT,)) + dates + counts


class _Covered:
    """Spans, answering "does this span overlap one of them?" in logarithmic time (a linear scan
    per mention made extraction quadratic in a source's length)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted((span.start, span.end) for span in spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each index
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, span: Span) -> bool:
        before = bisect.bisect_left(self.starts, span.end)  # the spans starting before its end
        return before > 0 and self.reach[before - 1] > span.start


def titled_names(source: Source) -> list[str]:
    """The people's names ``source`` writes next to a title, as written, in text order."""
    entities = _drop_nested(
        [
            *_table_mentions(source, _states(), MentionKind.STATE),
            *_table_mentions(source, _organizations(), MentionKind.ORGANIZATION),
            *_table_mentions(source, _places(), MentionKind.PLACE),
        ],
        (MentionKind.STATE, MentionKind.ORGANIZATION, MentionKind.PLACE),
    )
    return [
        mention.span.text
        for mention in _roles_and_titled_people(source, entities)
        if mention.kind is MentionKind.PERSON
    ]


def people_index(names: Iterable[str]) -> PeopleIndex:
    """The index of ``names`` (added in sorted order: the index depends on the set alone),
    without a "name" that is only the surnames of two others run together ("Trump Putin" of a
    headline's keyword list, beside Donald Trump and Vladimir Putin)."""
    unique = sorted(set(names))
    surnames = Counter(_surname(n) for n in unique if len(n.split()) > 1)
    index = PeopleIndex()
    for name in unique:
        words = name.split()
        others = surnames - Counter([_surname(name)])  # the surnames of the other names
        if len(words) > 1 and all(others[w] for w in words):
            continue
        index.add(name)
    return index


def titled_people(sources: Iterable[Source]) -> PeopleIndex:
    """The full names written next to a title anywhere in ``sources``: the cross-document index."""
    return people_index(name for source in sources for name in titled_names(source))


def find_mentions(source: Source, people: PeopleIndex | None = None) -> list[Mention]:
    """All mentions in ``source``, sorted by offset (then longest first).

    ``people`` is the cross-document index of :func:`titled_people`; without it, only names this
    seed itself writes beside a title are known.
    """
    mentions = _entity_mentions(source, people or titled_people([source]))
    mentions += _numeric_mentions(source)
    mentions.sort(key=lambda m: (m.span.start, -m.span.end, m.kind.value))
    log.debug("%s: %d mention(s)", source.file, len(mentions))
    return mentions
