"""Reference entries: the numbered citations an encyclopedia capture lists after its body.

An entry is written in a citation style of its own, not in prose::

    12. 1 2 Last, First; Last, First (17 August 2025). "Title" [translation]. Publisher (in
        Finnish). 18 August 2025. Retrieved 19 August 2025 via X. Archived from the original on
        20 August 2025. <a passage the reference quotes>

Every part but the title is optional and the order varies by style (the date after the
publisher, the authors without a date, "(Press release)" after the title or the publisher, an
unquoted title for a speech or a report). :func:`citations` cuts each entry into those parts by
their punctuation and cue words, never by what they say; the mapping
:mod:`cowkg.read.mappings.citations` turns them into a cited-work fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pycountry

from cowkg.read.headlines import RETRIEVAL
from cowkg.read.nlp import text_body_end

_ENTRY = re.compile(
    r"^(?P<indent>[ \t]*)(?P<number>\d{1,3})\.[ \t]+(?P<backlinks>(?:\d{1,2}[ \t]+)*)"
)
"""An entry's number and the backlinks to the places that cite it ("12. 1 2 3 …"); an entry
indented deeper than the one before is a sub-entry of that one ("12.2")."""
_QUOTED_TITLE = re.compile(r"[\"“](?P<title>[^\n]{3,300}?)[\"”](?=\s*(?:[.\[(]|$))\.?")
"""A title in quotation marks, which may quote in turn ("What … \"Coalition\" summit …"): it
closes at the mark followed by a full stop, a bracket or the end."""
_TRANSLATION = re.compile(r"\s*\[\s*(?!by\b)(?P<translation>[^\]]{3,300}?)\s*\]\s*\.?")
_AUTHORS_DATED = re.compile(r"^(?P<authors>[^\"“(]{2,400}?)\s*\((?P<date>[^()]*\d{4}[^()]*)\)\.\s+")
"""``Authors (date).`` before the title."""
_AUTHORS_UNDATED = re.compile(
    r"^(?P<authors>[^\"“(.]{2,200}(?:\.[^\"“(.\s][^\"“(.]*)*)\.\s+(?=[\"“])"
)
"""``Last, First.`` right before a quoted title."""
_GENRE = re.compile(r"\((?P<genre>Press release|Speech|Report|Tweet|Video|Interview|Blog)\)")
_FORMAT = re.compile(r"\((?:PDF|video|audio)\)")
_LANGUAGE = re.compile(r"\(in (?P<language>[A-Z][a-z]+)\)")
_SEGMENT_END = re.compile(r"(?<!\b[A-Z])\.\s+")
"""A full stop that ends a segment of the entry (not an initial: "George C. Marshall")."""
_NOT_PUBLISHER = re.compile(r"^(?:\d|[a-z\[]|pp?\.|In\s|Event occurs|Vol\.|ISBN|doi)|\d{4}$")
_PUBLISHER_WORDS = 10
QUOTE = re.compile(
    r"(?:Retrieved|Archived from the original(?: \(PDF\))? on)\s+[^.\n]{4,40}?\d{4}"
    r"(?:\s+via\s+\S+?(?:\s+\S+?)*?)?\.\s+(?!Retrieved|Archived)"
    r"(?P<quote>[A-Z\"“'‘\[][^\n]{20,})$"
)
"""The retrieval note of an entry followed by the passage it quotes (Wikipedia's ``quote=``);
the note may name where it was read ("via GOV.uk."), and a second note is no quote."""
_RETRIEVED = re.compile(r"\bRetrieved\s+(?P<date>[^.\n]*?\d{4})")
_ARCHIVED = re.compile(r"\bArchived from the original(?: \(PDF\))? on\s+(?P<date>[^.\n]*?\d{4})")


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of an entry: ``text`` is ``source_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Citation:
    """One reference entry cut into its parts (offsets in the source text)."""

    number: str
    """The entry's number in the list ("12", or "12.2" for the second sub-entry of 12)."""
    entry: Part
    title: Part
    quoted: bool
    """The title is written in quotation marks (else it runs to the first full stop)."""
    translation: Part | None = None
    authors: tuple[Part, ...] = ()
    publisher: Part | None = None
    genre: str = ""
    language: str = ""
    """The BCP 47 code of the work's language when the entry names it ("(in Finnish)")."""
    date: Part | None = None
    """Where the entry writes the work's own date (the authors' "(date)", or a segment)."""
    retrieved: Part | None = None
    archived: Part | None = None
    quote: Part | None = None
    """The passage of the work the entry quotes after its retrieval note."""


def citations(text: str) -> list[Citation]:
    """Every reference entry after the body of ``text`` that has a title, in order."""
    out: list[Citation] = []
    parents: list[tuple[int, str]] = []  # (indent, number) of the open entries
    offset = text_body_end(text)
    for line in text[offset:].splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        match = _ENTRY.match(line)
        if match is None:
            continue
        indent = len(match["indent"].expandtabs(4))
        while parents and parents[-1][0] >= indent:
            parents.pop()
        number = ".".join([*(n for _, n in parents[-1:]), match["number"]])
        parents.append((indent, number))
        cited = _citation(text, number, start + match.end(), start + len(line.rstrip()))
        if cited is not None:
            out.append(cited)
    return out


def _part(text: str, start: int, end: int) -> Part:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \t,;":
        end -= 1
    return Part(start, end, text[start:end])


def _citation(text: str, number: str, start: int, end: int) -> Citation | None:
    """The parts of the entry ``text[start:end]`` (after its number and backlinks)."""
    if start >= end:
        return None
    body = text[start:end]
    note = RETRIEVAL.search(body)
    head_end = note.start() if note else len(body)
    authors, date, title_from = _byline(text, start, body[:head_end])
    quoted = _QUOTED_TITLE.search(body, title_from, head_end)
    if quoted is not None and (quoted.start() == title_from or (not authors and date is None)):
        title = _part(text, start + quoted.start("title"), start + quoted.end("title"))
        after = quoted.end()
    else:
        stop = _SEGMENT_END.search(body, title_from, head_end)
        genre_at = _GENRE.search(body, title_from, head_end)
        title_end = min(
            stop.start() if stop else head_end, genre_at.start() if genre_at else head_end
        )
        title = _part(text, start + title_from, start + title_end)
        after = stop.end() if stop and stop.start() == title_end else title_end
        quoted = None
    if len(title.text) < 3:
        return None
    translation = _TRANSLATION.match(body, after, head_end)
    if translation is not None:
        after = translation.end()
    rest = body[after:head_end]
    publisher, segment_date = _publisher_and_date(text, start + after, rest)
    quote = QUOTE.search(body)
    genre = ", ".join(dict.fromkeys(m["genre"] for m in _GENRE.finditer(body, 0, head_end)))
    if not (note or genre or (quoted and (publisher or date or segment_date))):
        return None  # a note of the text, not a citation: nothing says it is a work
    return Citation(
        number=number,
        entry=_part(text, start, end),
        title=title,
        quoted=quoted is not None,
        translation=None
        if translation is None
        else _part(
            text, start + translation.start("translation"), start + translation.end("translation")
        ),
        authors=authors,
        publisher=publisher,
        genre=genre,
        language=_language_code(m["language"])
        if (m := _LANGUAGE.search(body, 0, head_end))
        else "",
        date=date or segment_date,
        retrieved=_noted(text, start, body, _RETRIEVED),
        archived=_noted(text, start, body, _ARCHIVED),
        quote=None if quote is None else _part(text, start + quote.start("quote"), end),
    )


def _byline(text: str, start: int, head: str) -> tuple[tuple[Part, ...], Part | None, int]:
    """The authors and the date before the title (``Last, First; … (date).``), and where the
    title starts in ``head``."""
    dated = _AUTHORS_DATED.match(head)
    if dated is not None and not _QUOTED_TITLE.search(dated["authors"]):
        date = _part(text, start + dated.start("date"), start + dated.end("date"))
        return _names(text, start + dated.start("authors"), dated["authors"]), date, dated.end()
    undated = _AUTHORS_UNDATED.match(head)
    if undated is not None and len(undated["authors"].split()) <= 12:
        return (
            _names(text, start + undated.start("authors"), undated["authors"]),
            None,
            undated.end(),
        )
    return (), None, 0


def _names(text: str, start: int, written: str) -> tuple[Part, ...]:
    """The authors of a byline: ";"-separated, else ","-separated unless it is one "Last, First"."""
    separator = ";" if ";" in written else ","
    if separator == "," and written.count(",") == 1 and len(written.split()) <= 4:
        separator = ";"  # "Allison, George": one author, inverted
    out, at = [], 0
    for piece in written.split(separator):
        out.append(_part(text, start + at, start + at + len(piece)))
        at += len(piece) + 1
    return tuple(p for p in out if p.text)


def _publisher_and_date(text: str, start: int, rest: str) -> tuple[Part | None, Part | None]:
    """The first segment after the title that names who published the work (short, not a date,
    not a page or issue note), and a segment that is only a date (the work's date)."""
    publisher: Part | None = None
    date: Part | None = None
    at = 0
    for index, match in enumerate([*_SEGMENT_END.finditer(rest), None]):
        end = match.start() if match else len(rest)
        segment = _part(text, start + at, start + end)
        at = match.end() if match else len(rest)
        bare = _LANGUAGE.sub("", _FORMAT.sub("", _GENRE.sub("", segment.text))).strip(" .")
        if not bare:
            continue
        if date is None and _is_date(bare):
            date = _part(text, segment.start, segment.start + len(bare))
        elif index <= 1 and publisher is None and date is None and _is_publisher(bare):
            publisher = _part(text, segment.start, segment.start + len(bare.rstrip(" ,")))
    return publisher, date


_DATE_ONLY = re.compile(
    r"^(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?\d{4}$|^\d{4}-\d{2}-\d{2}$"
)


def _is_date(segment: str) -> bool:
    return bool(_DATE_ONLY.match(segment))


def _is_publisher(segment: str) -> bool:
    return (
        not _NOT_PUBLISHER.search(segment)
        and len(segment.split()) <= _PUBLISHER_WORDS
        and not re.search(r"\(\d+\)$", segment)
    )


def _noted(text: str, start: int, body: str, pattern: re.Pattern[str]) -> Part | None:
    match = pattern.search(body)
    if match is None:
        return None
    return _part(text, start + match.start("date"), start + match.end("date"))


@cache
def _language_code(name: str) -> str:
    """The ISO 639-1 code of an English language name ("Finnish" → "fi"), "" when unknown."""
    found = pycountry.languages.get(name=name)
    return str(getattr(found, "alpha_2", "")) if found is not None else ""
