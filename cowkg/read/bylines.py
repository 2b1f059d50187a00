"""Bylines, datelines and credit lines of news captures: who wrote a source, when it was
published, whom it reports from, and who is credited with its images.

They are lines of their own grammar, read by their shape and cue words, never by what they say:

- a byline, "By A and B" (every name a person's name);
- a dateline, "A, B Thursday, 27 March 2025, 13:15" (the names may run into the weekday, as a
  capture of a page that set them apart writes them: "A, BThursday, …");
- a date stamp of the capture, "date 2025-03-02", "10:29 am today", or a date alone on a line of
  the page's head ("May 8,2026 1204", a view count after it);
- a signature closing a post: a person's name alone on its line, a date alone on the next;
- a news dateline opening the first paragraph, "LIMA, PE, May 8, 2026 /Andes Wire/ - The …",
  "Lima, May 8 (Andes Wire)--The …", "LIMA, May 8. /AW/. The …": the place the report was
  filed from, its day and the agency that wires it (the place in capitals, or an agency or a
  dash closing it: "Lima, May 8 was the day …" is a sentence, no dateline);
- a credit, "Photo: X", "Cover: X", "Credit: X", "Image: X" (of an image: its caption's end, or
  a line of its own, or in brackets; or a caption's closing "(Name / Agency via Agency)") and
  "Source: X with reference to Y" (of the report: X the outlet it comes from, Y whose
  information it rests on: "with reference to", "citing", "according to", "reported by" — the
  last names who reported it, an outlet as well).

:func:`byline_names` gives the names of bylines and datelines to the name recogniser (they are
people, whatever spaCy's tagger makes of a name it has not seen); :func:`credit_lines` cuts
every credit, byline and dateline of a text into parts with offsets.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass

from cowkg.read.citations import Part
from cowkg.read.nlp import text_body_end

_WEEKDAYS = "|".join(calendar.day_name)
_BY = re.compile(r"^By\s+(?P<names>[^.!?:;\n]+?)\s*$")
_DATELINE = re.compile(
    rf"^(?P<names>[^\n]+?)\s*(?P<when>(?:{_WEEKDAYS}),?\s+(?P<date>\d{{1,2}}\s+[A-Z][a-z]+\s+\d{{4}}"
    r"|[A-Z][a-z]+\s+\d{1,2},\s+\d{4})(?:,?\s+\d{1,2}:\d{2})?)\s*$"
)
_CREDIT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\())(?P<cue>Photo|Photograph|Image|Cover|Credit|Source|Video)s?:\s*"
    r"(?P<credit>[^()\n:]+?)\s*(?=\)|$)"
)
_DATE_STAMP = re.compile(
    r"^(?:date\s+(?P<iso>\d{4}-\d{2}-\d{2})(?:\s+[A-Z][a-z]+){0,3}"
    r"|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s+(?P<day>today|yesterday))\s*$",
    re.IGNORECASE,
)
"""A capture's date stamp: "date 2025-03-02" (and the section words a page sets beside it),
"10:29 am today"."""
_HEAD_LINES = 8
"""How many lines that are not blank make a page's head, where a date alone is its stamp."""
_BRACKETED_CREDIT = re.compile(
    r"\((?P<credit>[A-Z][^()/\n]{1,60}?\s*/\s*[A-Z][^()\n]{1,80}?)\)\s*$"
)
"""A caption's closing credit in brackets, names split by a slash: "(Name / Agency via Agency)"."""
_MONTHS = "|".join(
    sorted({m for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]) if m}, key=len)[::-1]
)
_DATE_LINE = re.compile(
    rf"^(?P<date>(?:{_MONTHS})\.?\s+\d{{1,2}},\s*\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?(?:\s+\d[\d,]*)?$"
)
"""A date alone on its line ("May 8, 2026", "8 May 2026", "May 8,2026"), perhaps with a time and
a count (a page's view counter)."""
_NEWS_DATELINE = re.compile(
    r"^(?!(?:In|On|At|By|The|From|As)\b)(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})"
    r"(?:,\s+[A-Z]{2,3})?,\s+"
    rf"(?P<date>(?:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s+\d{{4}})?)(?!\d)\.?"
    r"(?:\s*/\s*(?P<wire>[A-Z][\w .&'-]{0,40}?)\s*/\.?|\s*\((?P<agency>[A-Z][\w .&'-]{0,40}?)\))?"
    r"(?P<dash>\s*(?:--|[-–—])(?=\s*[A-Z\s]|$))?"
)
"""A news dateline at a line's start: place (a region code may follow), day, wire agency in
slashes or brackets, a dash before the text."""
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_CREDIT_SEPARATOR = re.compile(r"\s*/\s*|\s*;\s*|\s+via\s+")
_BASED_ON = re.compile(r"\s*,?\s+(?:with reference to|citing|according to|quoting|reported by)\s+")
_IMAGE_FILE = re.compile(r"\S\.(?:svg|png|jpe?g|gif|webp|tiff?)\b", re.IGNORECASE)
_MAX_NAMES = 6


@dataclass(frozen=True, slots=True)
class CreditLine:
    """One byline, dateline or credit: ``role`` is "author" (byline, dateline), "source" (the
    report's source line) or "image" (a photo or cover credit)."""

    role: str
    """"author" (a byline or dateline), "published" (a date stamp), "source" or "image"."""
    line: Part
    """The whole line or caption tail the credit is (the evidence of its fact)."""
    credited: tuple[Part, ...]
    """The authors, the outlet a report comes from, or who is credited with an image."""
    based_on: tuple[Part, ...] = ()
    """Whose information a report rests on ("with reference to the Office of …")."""
    date: Part | None = None
    """The day a dateline gives."""
    place: Part | None = None
    """The place a news dateline files the report from."""
    caption: Part | None = None
    """The caption an image credit closes, written before it on its line ("Leaders at the
    summit. Photo: Agency")."""


def _pieces(text: str, start: int, written: str, separator: re.Pattern[str]) -> list[Part]:
    out, at = [], 0
    for match in [*separator.finditer(written), None]:
        end = match.start() if match else len(written)
        piece = written[at:end].strip()
        if piece:
            first = start + at + written[at:end].index(piece)
            out.append(Part(first, first + len(piece), text[first : first + len(piece)]))
        at = match.end() if match else len(written)
    return out


def _people(text: str, start: int, written: str) -> list[Part] | None:
    """The names of a byline, when every one is a person's name."""
    from cowkg.read.agents import is_person_name  # agents reads bylines' names: import here

    names = _pieces(text, start, written, _SEPARATOR)
    if not 1 <= len(names) <= _MAX_NAMES:
        return None
    return names if all(is_person_name(as_written(n.text)) for n in names) else None


def as_written(name: str) -> str:
    """A name in capitals ("MARKUS SCHREIBER") as a name is written; acronyms ("UN OCHA", a
    word of two letters or none of five) stay as they are."""
    words = name.split()
    spelt = all(len(w) >= 3 for w in words) and any(len(w) >= 5 for w in words)
    return name.title() if name.isupper() and spelt else name


def credit_lines(text: str) -> list[CreditLine]:
    """Every byline, dateline and credit of the body of ``text``, in order (read once per text:
    the name recogniser, the inner-name filter and the credits mapping all ask)."""
    return list(_credit_lines(text))


@functools.lru_cache(maxsize=8)
def _credit_lines(text: str) -> tuple[CreditLine, ...]:
    out: list[CreditLine] = []
    offset, seen = 0, 0
    previous = Part(0, 0, "")  # the last line that is not blank
    end_of_body = text_body_end(text)
    for line in text[:end_of_body].splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        stripped = line.strip()
        start += len(line) - len(line.lstrip())
        if not stripped:
            continue
        seen, before = seen + 1, previous
        previous = Part(start, start + len(stripped), stripped)
        if _IMAGE_FILE.search(stripped):
            continue
        found = (
            _byline(text, start, stripped)
            or _date_stamp(text, start, stripped)
            or _date_line(text, previous, before, seen <= _HEAD_LINES)
        )
        if found is not None:
            out.append(found)
            continue
        dateline = _news_dateline(text, start, stripped)  # its paragraph may credit more
        out += [dateline] if dateline is not None else []
        out += line_credits(text, start, stripped)
    return tuple(out)


def _byline(text: str, start: int, line: str) -> CreditLine | None:
    for pattern in (_BY, _DATELINE):
        match = pattern.match(line)
        if match is None:
            continue
        names = _people(text, start + match.start("names"), match["names"])
        if names is None:
            continue
        date = (
            Part(start + match.start("date"), start + match.end("date"), match["date"])
            if "date" in match.groupdict() and match["date"]
            else None
        )
        whole = Part(start, start + len(line), line)
        return CreditLine("author", whole, tuple(names), date=date)
    return None


def _date_stamp(text: str, start: int, line: str) -> CreditLine | None:
    match = _DATE_STAMP.match(line)
    if match is None:
        return None
    group = "iso" if match["iso"] else "day"
    date = Part(start + match.start(group), start + match.end(group), match[group])
    return CreditLine("published", Part(start, start + len(line), line), (), date=date)


def _date_line(text: str, line: Part, before: Part, in_head: bool) -> CreditLine | None:
    """A line that is a date alone: the day a signature gives when the line before is a
    person's name alone ("Ana Ruiz" / "May 8, 2026", closing a post: its author and day), else
    the publication day when it stands in the page's head (a date stamp, perhaps with a view
    count: "May 8,2026 1204"). Elsewhere a date alone is a table's or timeline's, no stamp."""
    match = _DATE_LINE.match(line.text)
    if match is None:
        return None
    date = Part(line.start + match.start("date"), line.start + match.end("date"), match["date"])
    names = _people(text, before.start, before.text) if before.text else None
    if names is not None and len(names) == 1:
        whole = Part(before.start, line.end, text[before.start : line.end])
        return CreditLine("author", whole, tuple(names), date=date)
    return CreditLine("published", line, (), date=date) if in_head else None


def _news_dateline(text: str, start: int, line: str) -> CreditLine | None:
    """A news dateline opening the line ("ROME, May 8 /Wire/ - …"); closed by an agency or a
    dash, or with its place in capitals (else "Rome, May 8 …" may be a sentence's words)."""
    match = _NEWS_DATELINE.match(line)
    if match is None:
        return None
    agency = "wire" if match["wire"] else "agency" if match["agency"] else None
    if agency is None and not match["dash"] and not match["place"].isupper():
        return None

    def part(group: str) -> Part:
        return Part(start + match.start(group), start + match.end(group), match[group])

    written = match.group().rstrip(" -–—")
    whole = Part(start, start + len(written), written)
    credited = (part(agency),) if agency else ()
    return CreditLine("published", whole, credited, date=part("date"), place=part("place"))


def line_credits(text: str, start: int, line: str) -> list[CreditLine]:
    """The image and source credits of one ``line`` of ``text`` that starts at ``start`` ("Photo:
    X / Y", "Credit: X", "(X via Y)", "Source: X with reference to Y"), placed in the text."""
    out = []
    bracketed = _BRACKETED_CREDIT.search(line)
    if bracketed is not None and _CREDIT.search(line) is None:
        at = start + bracketed.start("credit")
        whole = Part(start + bracketed.start(), start + bracketed.end(), bracketed.group())
        pieces = _pieces(text, at, bracketed["credit"], _CREDIT_SEPARATOR)
        caption = _caption(text, start, line[: bracketed.start()])
        out.append(CreditLine("image", whole, tuple(pieces), caption=caption))
    for match in _CREDIT.finditer(line):
        credit, at = match["credit"], start + match.start("credit")
        whole = Part(start + match.start(), start + match.end(), match.group())
        if match["cue"] == "Source":
            parts = _BASED_ON.split(credit, maxsplit=1)
            first = _pieces(text, at, parts[0], _CREDIT_SEPARATOR)
            rest = credit[len(parts[0]) :]
            based = _pieces(text, at + len(parts[0]), rest, _BASED_ON) if len(parts) > 1 else []
            out.append(CreditLine("source", whole, tuple(first), tuple(based)))
        else:
            pieces = _pieces(text, at, credit, _CREDIT_SEPARATOR)
            before = line[: match.start()]
            caption = None if before.endswith("(") else _caption(text, start, before)
            out.append(CreditLine("image", whole, tuple(pieces), caption=caption))
    return out


def _caption(text: str, start: int, before: str) -> Part | None:
    """The caption written before an image credit on its line (``before``, starting at
    ``start``), trimmed; None when nothing is written there."""
    caption = before.strip()
    if not caption:
        return None
    first = start + before.index(caption)
    return Part(first, first + len(caption), text[first : first + len(caption)])


def byline_names(text: str) -> list[str]:
    """The people bylines and datelines name, as written ("Markus Schreiber" for capitals)."""
    return [
        as_written(piece.text)
        for line in credit_lines(text)
        if line.role == "author"
        for piece in line.credited
    ]
