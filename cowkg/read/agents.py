"""Open name recognition: the names spaCy's entity recogniser finds that no table lists.

The tables of :mod:`cowkg.mentions` normalise names (every ISO 3166 state and the aliases news
uses, known organisations, places and titles); they do not decide which names exist. A person
written without a title ("Friedrich Merz and Donald Tusk met…"), a town no list carries, an
organisation first named in this source: spaCy's ``PERSON``, ``GPE``/``LOC``/``FAC`` and ``ORG``
entities admit them, filtered so that table debris and mis-tagged words do not become entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan

from cowkg.mentions import PeopleIndex, known_place_names, misspelt_state, slug, state_key
from cowkg.read.bylines import byline_names
from cowkg.read.nlp import Paragraph, english_nouns, parse
from cowkg.read.units import body_end
from cowkg.types import EntityKind, Mention, MentionKind, Ref, Source, Span

_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’\-]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?|[A-Z]\.)$")
_PARTICLE = frozenset({"von", "der", "van", "de", "da", "di", "del", "la", "le", "du", "bin", "al"})
_FUSED = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
_NOT_NAME_WORDS = frozenset(
    {
        "Flag", "President", "Prime", "Minister", "Chancellor", "King", "Queen", "Secretary",
        "General", "Coalition", "Willing", "Ukraine", "Summit", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December",
        "Europe", "European", "Western", "Force", "Headquarters", "Palace", "House", "Street",
        "Meet", "Meets", "Hybrid", "Official", "Website", "Press", "Gazette", "News", "Times",
        "Peace", "Post", "Journal", "Monde", "Welt", "Taoiseach", "Tánaiste", "Tanaiste",
        "Images", "Pictures", "Photos", "Agency", "Media", "Wire",
    }
)  # fmt: skip
"""Words that make a spaCy ``PERSON`` entity something else (a title, a month, a venue)."""
_FIELD_LABELS = (
    "Status", "Type", "Location", "Headquarters", "Founded", "Foundation", "Formation",
    "Established", "Establishment", "Founder", "Founders", "Leader", "Leaders", "Membership",
    "Motto", "Purpose", "Region", "Website",
)  # fmt: skip
"""Field labels of encyclopedia infoboxes (Template:Infobox organization): a flattened row
"Location Berlin" or "Status International …" opens with one, and a name does not."""
_FIELD_LABEL = re.compile(rf"^(?:{'|'.join(_FIELD_LABELS)})[\s\u00a0]+(?=\S)")

_PLACE_LABELS = frozenset({"GPE", "FAC"})
"""Towns, states and buildings; ``LOC`` (continents, seas, regions) names no meeting place."""
_ORG_NAME = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'’.&-]*))+$")
"""An organisation's name of two or more capitalised words ("Ukraine Defense Contact Group");
spaCy's one-word ``ORG`` guesses (acronyms of table debris, surnames) are not taken."""
_NOT_ORG = re.compile(r"\b(?:Force|Headquarters|HQ|Coalition|Willing|Summit|Flag)\b")
_DOCUMENT = re.compile(r"\b(?:Memorandum|Declaration|Agreement|Treaty|Charter|Accord)$")
"""A document's name ("the Lima Memorandum", "the Quito Declaration"), which spaCy may tag as
an organisation or a building: neither."""
PEOPLE_OF_A_POST = re.compile(
    r"^(?:[A-Z][\w'’.&-]*\s+)+(?:Ministers|Leaders|Chiefs|Officials|Envoys|Diplomats)$"
)
"""Capitalised people of a post ("Defence Ministers", "Military Chiefs"): a group of people, not
an organisation ("Council of Ministers", with its "of", stays one)."""


def is_person_name(text: str) -> bool:
    """A written name of 2–4 capitalised words (particles allowed), no title, month or debris."""
    words = re.sub(r"['’]s$", "", text.strip()).split()
    named = [w for w in words if w not in _PARTICLE]
    if not 2 <= len(named) <= 4 or _FUSED.search(text):
        return False
    if any(not _NAME_WORD.match(w) or w in _NOT_NAME_WORDS or w in _FIELD_LABELS for w in named):
        return False
    whole = " ".join(words)
    return state_key(whole) is None and slug(whole) not in known_place_names()


def person_names(source: Source) -> list[str]:
    """Full names of people the source's body writes, titled or not, as written, in text order
    (a reference list's authors are not people the source speaks of), and the people its
    bylines and datelines name (whom spaCy may tag as an organisation: "A, B Thursday, …")."""
    end = body_end(source)
    return byline_names(source.text) + [
        entity.text.strip()
        for paragraph in parse(source)
        if paragraph.start < end
        for entity in paragraph.doc.ents
        if entity.label_ == "PERSON"
        and all(token.pos_ == "PROPN" for token in entity if token.text not in _PARTICLE)
        and is_person_name(entity.text)
    ]


def _covered(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def _open_ref(label: str, text: str) -> tuple[EntityKind, MentionKind] | None:
    """What an unlisted entity of spaCy's ``label`` is, or None when it is not taken."""
    if not text[:1].isupper() or _FUSED.search(text) or state_key(text) or _DOCUMENT.search(text):
        return None
    if label in _PLACE_LABELS and len(text.split()) <= 4:
        return EntityKind.PLACE, MentionKind.PLACE
    if (
        label == "ORG"
        and _ORG_NAME.match(text)
        and not _NOT_ORG.search(text)
        and not PEOPLE_OF_A_POST.match(text)
        and not _shouted_state(text)
        and not _named_like_a_person(text)
    ):
        return EntityKind.ORGANIZATION, MentionKind.ORGANIZATION
    return None


def _known_person(label: str, text: str, people: PeopleIndex | None) -> Ref | None:
    """The known person an ``ORG`` entity names: spaCy types a person's name of unusual spelling
    ("Volodymyr Zelenskiy" where the sources write Zelenskyy) as an organisation."""
    if label != "ORG" or people is None or not is_person_name(text):
        return None
    return people.known(text)


def _shouted_state(text: str) -> bool:
    """A name opening with a state's name in capitals ("UKRAINE Territorial control", a map's
    caption): no organisation (an acronym, "NATO", is no state's name)."""
    first = text.split()[0]
    return len(first) > 3 and first.isupper() and state_key(first.title()) is not None


def _named_like_a_person(text: str) -> bool:
    """An "organisation" written as a person's name whose last word is no English word
    ("Ulyana Krychkovska", a byline; "Volodymyr Zelenskiy"): spaCy's guess, not a body (an
    organisation's name ends in a common word: "Liberal Party", "Getty Images")."""
    last = text.split()[-1].lower()
    common = english_nouns()
    return is_person_name(text) and last not in common and last.removesuffix("s") not in common


def _open_in(
    paragraph: Paragraph,
    source: Source,
    found: Sequence[Mention],
    taken: Sequence[tuple[int, int]],
    people: PeopleIndex | None,
) -> Iterator[Mention]:
    for entity in paragraph.doc.ents:
        start, end = paragraph.offset(entity)
        text = re.sub(r"^(?:the|The)\s+", "", entity.text)
        if entity.start_char == len(paragraph.doc.text) - len(paragraph.doc.text.lstrip()):
            text = _FIELD_LABEL.sub("", text)  # "Status International …": a label, its value
        start = end - len(text)
        named = _named_organ(entity.label_, source, start, end, found)
        if named is not None:
            yield named
            continue
        if _covered(start, end, taken):
            continue
        misspelt = misspelt_state(text) if _listed(entity) else None
        if misspelt is not None:
            span = Span(source.file, start, end, source.text[start:end])
            yield Mention(MentionKind.STATE, span, misspelt, form="misspelt")
            continue
        person = _known_person(entity.label_, text, people)
        if person is not None:
            span = Span(source.file, start, end, source.text[start:end])
            yield Mention(MentionKind.PERSON, span, person, form="open")
            continue
        kinds = _open_ref(entity.label_, text)
        if kinds is None or not slug(text):
            continue
        entity_kind, mention_kind = kinds
        ref = Ref(entity_kind, slug(text), text)
        yield Mention(
            mention_kind, Span(source.file, start, end, source.text[start:end]), ref, form="open"
        )


def _listed(entity: SpacySpan) -> bool:
    """A name in a list of names ("Austria, New Zeeland, and Japan"): a conjunct, or the head
    of conjuncts, whose neighbours are proper names too."""
    root = entity.root
    neighbours = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        neighbours.append(root.head)
    return any(n.pos_ == "PROPN" for n in neighbours)


def open_mentions(
    source: Source, mentions: Iterable[Mention], people: PeopleIndex | None = None
) -> list[Mention]:
    """Places and organisations spaCy finds where no mention of the tables already stands (and
    the known people, of ``people``, it mistypes as organisations), and the organisations named
    after a state or a known body (:func:`_named_organ`)."""
    found = list(mentions)
    taken = [(m.span.start, m.span.end) for m in found]
    end = body_end(source)
    return [
        m
        for paragraph in parse(source)
        if paragraph.start < end
        for m in _open_in(paragraph, source, found, taken, people)
    ]


def with_open_mentions(
    source: Source, mentions: Sequence[Mention], people: PeopleIndex | None = None
) -> list[Mention]:
    """``mentions`` and :func:`open_mentions`, but the states and organisations written inside
    an organisation's name (:func:`_named_organ`): the name is the organisation's, not a mention
    of the state ("the Polish Foreign Ministry" names no agent Poland beside the ministry)."""
    opened = open_mentions(source, mentions, people)
    opened += _agencies(source, mentions, opened)
    named = [m for m in opened if m.form == NAMED_AFTER]
    names = [(m.span.start, m.span.end) for m in named]
    kept = [m for m in mentions if m.kind not in _NAME_PARTS or not _within(m, names)]
    return [*_titles_owned(source.text, kept, named), *opened]


_TITLE_GAP = re.compile(r"(?:['’]s)?[ \u00a0]+")


def _titles_owned(
    text: str, mentions: Sequence[Mention], named: Sequence[Mention]
) -> list[Mention]:
    """``mentions``, a title written right after an organisation's name read here (and the
    person that title names) owned by the organisation ("the Swedish Refugee Council President
    Jana Meier"), as the mentions stage gives a title the known name before it; a title or
    person the mentions stage already gave a post's owner keeps it."""
    names = {m.span.end: m.value for m in named if isinstance(m.value, Ref)}
    titles: dict[int, Ref] = {}
    out = []
    for mention in sorted(mentions, key=lambda m: m.span.start):
        owners = names if mention.kind is MentionKind.ROLE else titles
        owner = next(
            (o for end, o in owners.items() if _TITLE_GAP.fullmatch(text, end, mention.span.start)),
            None,
        )
        free = mention.kind in (MentionKind.ROLE, MentionKind.PERSON) and mention.of is None
        if owner is None or not free or (mention.kind is MentionKind.PERSON and not mention.role):
            out.append(mention)
            continue
        if mention.kind is MentionKind.ROLE:
            titles[mention.span.end] = owner
        out.append(replace(mention, of=owner))
    return out


def _within(mention: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= mention.span.start and mention.span.end <= e for s, e in spans)


# -- organisations named after a state ----------------------------------------------------------

NAMED_AFTER = "named-after"
"""The ``form`` of an organisation's mention whose name holds a state or a known body."""
_NAME_PARTS = (MentionKind.STATE, MentionKind.ORGANIZATION)
ORGAN_HEADS = frozenset({"Ministry", "Army", "Navy", "Forces", "Parliament", "Government",
                         "Guard", "Police", "Gendarmerie", "Department", "Directorate",
                         "Office", "Agency", "Service", "Services", "Command",
                         "Corps"})  # fmt: skip
"""Head nouns of a state's own organs: "the Polish Foreign Ministry", "the Danish Armed Forces",
"the French Army" are the state's ministry, forces, army; the name gives their state."""
BODY_HEADS = ORGAN_HEADS | frozenset({"Congress", "Council", "Committee", "Institute",
                                      "Commission", "Assembly", "Foundation", "Union"})  # fmt: skip
"""Head nouns of an organisation's name (a state's organ or any other body: "the Swedish
Diaspora Congress" is a body of Swedes, not Sweden's, and gets no state)."""
_NAME_WORD_SHAPE = r"(?:(?:[A-Z]\.)+|[A-Z][\w'’&-]*)"
_NAMED_SHAPE = re.compile(
    rf"^{_NAME_WORD_SHAPE}(?:[ \u00a0]+(?:of|for|and|the|{_NAME_WORD_SHAPE}))+$"
)
"""Capitalised words (initials "U.S." too), no file name."""
_FILE_NAMES = re.compile(r"(?:\S+\.(?:svg|png|jpe?g|gif)[ \u00a0]+)+", re.IGNORECASE)
"""Image files before a name in a table cell ("Emblem.svg Norwegian Army": an icon, the army)."""


def _named_organ(
    label: str, source: Source, start: int, end: int, found: Sequence[Mention]
) -> Mention | None:
    """An organisation's name that holds a state or a known body: an ``ORG`` entity of
    capitalised words ending in an organisation's head noun (:data:`BODY_HEADS`) in which the
    tables found a state (its name or demonym, "the Danish Armed Forces") or, as its first words,
    a known organisation ("European Parliament Research Service"), or such a name whose demonym
    spaCy left outside the entity ("Polish" + "Foreign Ministry"). Its ``of`` is the state when
    the head is a state's organ (:data:`ORGAN_HEADS`). None when any other mention (a person, a
    title) lies in it, or one crosses its edge: "the French and British armies", "a Polish
    ministry", "Ukrainian officials" are no names."""
    words = source.text[start:end].split()
    if label != "ORG" or not words or words[-1] not in BODY_HEADS:
        return None  # no organisation's head noun: no need to look at the mentions
    before = _demonym_before(start, found)
    start = before.span.start if before is not None else start
    icon = _FILE_NAMES.match(source.text, start, end)  # "Emblem.svg Norwegian Army": the army's
    start = icon.end() if icon is not None else start
    text = source.text[start:end]
    inner = [m for m in found if m.span.start < end and start < m.span.end]
    if not inner or not _NAMED_SHAPE.match(text):
        return None
    if not all(_name_part(m, start, end) for m in inner):
        return None
    states = {m.value for m in inner if m.kind is MentionKind.STATE and isinstance(m.value, Ref)}
    bodies = [m for m in inner if m.kind is MentionKind.ORGANIZATION]
    if len(states) + len(bodies) != 1 or (bodies and bodies[0].span.start != start):
        return None
    state = next(iter(states)) if states else None
    organ = text.split()[-1] in ORGAN_HEADS
    ref = Ref(EntityKind.ORGANIZATION, slug(text), text)
    span = Span(source.file, start, end, text)
    return Mention(
        MentionKind.ORGANIZATION, span, ref, of=state if organ else None, form=NAMED_AFTER
    )


_AGENCY_ACRONYM = re.compile(r"[ \u00a0]+(?P<acronym>[A-Z]{3,6})\b(?![-’'.]\w)")


def _agencies(
    source: Source, mentions: Sequence[Mention], opened: Sequence[Mention]
) -> list[Mention]:
    """A known organisation's acronym followed by an acronym of its own ("UN OCHA", "EU EEAS",
    "NATO JFC"): the parent's agency, one organisation named after the parent (which is then no
    mention of its own). An acronym some mention already reads ("EU NATO" would be two bodies,
    "UN USA" a state) or none but two letters joins nothing."""
    taken = [(m.span.start, m.span.end) for m in (*mentions, *opened)]
    out = []
    for parent in mentions:
        words = parent.span.text
        if parent.kind is not MentionKind.ORGANIZATION or not words.isupper():
            continue
        match = _AGENCY_ACRONYM.match(source.text, parent.span.end)
        if match is None or _covered(match.start("acronym"), match.end(), taken):
            continue
        start, end = parent.span.start, match.end()
        text = source.text[start:end].replace("\u00a0", " ")
        ref = Ref(EntityKind.ORGANIZATION, slug(text), text)
        span = Span(source.file, start, end, source.text[start:end])
        out.append(Mention(MentionKind.ORGANIZATION, span, ref, form=NAMED_AFTER))
    return out


def _name_part(mention: Mention, start: int, end: int) -> bool:
    """Whether ``mention`` can be part of an organisation's name spanning ``[start, end)``."""
    inside = start <= mention.span.start and mention.span.end <= end
    return inside and mention.kind in _NAME_PARTS and isinstance(mention.value, Ref)


def _demonym_before(start: int, found: Sequence[Mention]) -> Mention | None:
    """The demonym written right before ``start`` ("Polish" before "Foreign Ministry")."""
    return next(
        (
            m
            for m in found
            if m.kind is MentionKind.STATE and m.form == "demonym" and m.span.end == start - 1
        ),
        None,
    )
