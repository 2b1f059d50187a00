"""Cited works: one CITED_WORK fact per entry of a source's reference list.

A reference entry is a bibliographic record (:mod:`cowkg.read.citations` cuts it into its
parts): the work's title as written (and the translation the entry gives, the title tagged with
the language the entry names), its authors (people: "Last, First" turned into "First Last",
honorifics and post-nominals dropped; a press office or "not named" is no author), its publisher
(an organisation the tables know, else a publisher of its own), the date it was published, the
dates the citing source retrieved and archived it, its genre ("Press release", "Speech") and
which source cites it. The states, people and organisations its title and the passage quoted
from it name are what it mentions (``schema:mentions``), the dates they name its temporal
coverage: subject indexing of a record whose title states them — never a reading of prose,
which the other mappings do (the quoted passage is read by them as well, dated by the work's
date: :func:`cowkg.read.mappings.about.reference_date`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from cowkg.extract.known import make_fact
from cowkg.mentions import person_ref, slug
from cowkg.read.agents import is_person_name
from cowkg.read.bylines import as_written
from cowkg.read.citations import Citation, Part, citations
from cowkg.sources import span_at
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Lang, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_AGENTS = frozenset({MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION})
_HONORIFIC = frozenset(
    {"The", "Rt", "Hon", "Right", "Honourable", "Sir", "Dame", "Dr", "Dr.", "Prof", "Prof."}
    | {"Professor", "Mr", "Mrs", "Ms", "Lord", "Lady"}
)
_POST_NOMINAL = re.compile(r"^[A-Z]{2,4}$")
_DAY = re.compile(r"\b\d{1,2}\b")


def cited_works(reading: Reading) -> Iterator[Fact]:
    """A CITED_WORK fact for every titled entry of the source's reference list."""
    for citation in citations(reading.source.text):
        yield _fact(reading, citation)


def _fact(reading: Reading, citation: Citation) -> Fact:
    source = reading.source
    date = written_date(reading, citation.date)
    language = citation.language or source.language
    title = citation.title.text
    digest = hashlib.sha1(" ".join(title.lower().split()).encode("utf-8")).hexdigest()[:12]
    work = Ref(EntityKind.WORK, f"{date or 'undated'}-{digest}", title)
    named = [p for p in (citation.title, citation.quote) if p is not None]
    mentions = tuple(
        dict.fromkeys(
            m.value
            for part in named
            for m in reading.mentions_in(part.start, part.end)
            if m.kind in _AGENTS and isinstance(m.value, Ref) and m.span.end <= part.end
        )
    )
    covers = tuple(
        sorted(
            {
                m.value
                for part in named
                for m in reading.mentions_in(part.start, part.end)
                if m.kind is MentionKind.DATE
                and isinstance(m.value, dt.date)
                and m.span.end <= part.end
            }
        )
    )
    authors = tuple(dict.fromkeys(a for a in map(_author, citation.authors) if a is not None))
    args: dict[str, FactValue | None] = {
        "work": work,
        "title": Lang(title, language),
        "cited_by": source.file,
        "translation": Lang(citation.translation.text, source.language)
        if citation.translation
        else None,
        "authors": authors or None,
        "publisher": _publisher(reading, citation.publisher),
        "date": date,
        "retrieved": written_date(reading, citation.retrieved),
        "archived": written_date(reading, citation.archived),
        "language": citation.language or None,
        "genre": citation.genre or None,
        "mentions": mentions or None,
        "covers": covers or None,
    }
    evidence = span_at(source, citation.entry.start, citation.entry.end)
    return make_fact(FactKind.CITED_WORK, args, [evidence], "cited-work")


def written_date(reading: Reading, part: Part | None, day: bool = True) -> dt.date | None:
    """The day a part of an entry or a dateline writes ("17 August 2025"; a month alone gives
    none, unless ``day`` is False: "today" in a date stamp)."""
    if part is None or (day and not _DAY.search(part.text)):
        return None
    return next(
        (
            m.value
            for m in reading.mentions_in(part.start, part.end)
            if m.kind is MentionKind.DATE and isinstance(m.value, dt.date)
        ),
        None,
    )


def author_name(written: str) -> str | None:
    """A person's name as an entry writes an author ("Allison, George", "The Rt Hon Sir Keir
    Starmer KCB KC MP", "ANNE-SYLVAINE CHASSANY") in "First Last" order, or None when the author
    is no person ("Prime Minister's Office", "not named", "Le Monde with AFP")."""
    text = re.sub(r"\s*[\[(][^\])]*[\])]", "", written).strip()
    if text.count(",") == 1:
        last, first = (p.strip() for p in text.split(","))
        text = f"{first} {last}"
    words = as_written(text).split()
    while words and words[0] in _HONORIFIC:
        words = words[1:]
    while len(words) > 2 and _POST_NOMINAL.match(words[-1]):
        words = words[:-1]
    name = " ".join(words)
    return name if is_person_name(name) else None


def _author(part: Part) -> Ref | None:
    name = author_name(part.text)
    return None if name is None else person_ref(name)


def _publisher(reading: Reading, part: Part | None) -> Ref | None:
    """An organisation the tables know when a mention is the whole publisher ("European
    Council"), else a publisher of its own ("Reuters", "UK Defence Journal")."""
    if part is None or not slug(part.text):
        return None
    for mention in reading.mentions_in(part.start, part.end):
        whole = (mention.span.start, mention.span.end) == (part.start, part.end)
        if whole and mention.kind is MentionKind.ORGANIZATION and isinstance(mention.value, Ref):
            return mention.value
    return Ref(EntityKind.PUBLISHER, slug(re.sub(r"^[Tt]he\s+", "", part.text)), part.text)
