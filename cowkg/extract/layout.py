"""Layout helpers for the structure readers: lines, sentences, fused cells, numbers, cell dates.

A Wikipedia capture loses its table and infobox markup: cells run into each other ("Emmanuel
MacronÉlysée Palace"), a row number runs into the day ("215 March 2025"), a year into a count
("20252"). These helpers give the readers offsets-preserving lines and sentences and the few
normalisations such debris needs. They never change the seed text: readers cut evidence with
:func:`cowkg.sources.span_at` from the offsets these helpers return.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from cowkg.mentions import NUMBER_WORDS
from cowkg.types import Source

MONTHS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(calendar.month_name) if name},
    **{name.lower(): i for i, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
"""Month names and abbreviations (English), lower-cased, to month numbers."""


DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212-"
"""Hyphen and dash code points a seed may use inside one name ("MNF‑U", "MNF–U", "MNF-U")."""

_FUSED = re.compile(r"(?<=[a-zà-ÿ]{2})(?=[A-ZÀ-Þ])")
_REFS = re.compile(r"\s*\[(?:\d+|[a-z]|[A-Za-z.]+ \d+)\]")
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’)]?(?:\s*\[[^\]\n]{1,12}\])*(?:\s*:\s*\d+)?\s+(?=[\"“‘(]?[A-Z0-9])"
)
_ABBREVIATIONS = re.compile(
    r"(?:(?:^|[\s(])(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|No|Nov|Dec|Sept?|Oct|Jan|Feb|c)\.)$"
)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a seed: ``text == source.text[start:end]`` (no line break)."""

    start: int
    end: int
    text: str


def lines(source: Source) -> list[Line]:
    """The seed's lines with their offsets (``\\r\\n`` and ``\\n`` endings both handled)."""
    out: list[Line] = []
    pos = 0
    for raw in source.text.split("\n"):
        text = raw[:-1] if raw.endswith("\r") else raw
        out.append(Line(pos, pos + len(text), text))
        pos += len(raw) + 1
    return out


def sentences(source: Source) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, per line; abbreviations such as 'U.S.' do not end one.

    Lines are paragraphs in these captures, so a sentence never spans a line break; the
    rules that read anaphora ("this working group") stay within one paragraph for that reason.
    """
    for line in lines(source):
        if not line.text.strip():
            continue
        start = 0
        for match in _SENTENCE_END.finditer(line.text):
            if _ABBREVIATIONS.search(line.text[: match.start()]):
                continue
            yield _trimmed(line, start, match.start())
            start = match.end()
        if line.text[start:].strip():
            yield _trimmed(line, start, len(line.text))


def _trimmed(line: Line, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``line.text[start:end]`` without surrounding whitespace, in seed coordinates."""
    piece = line.text[start:end]
    lead = len(piece) - len(piece.lstrip())
    trail = len(piece) - len(piece.rstrip())
    return line.start + start + lead, line.start + end - trail


def clean(text: str) -> str:
    """A label from seed text: footnote marks dropped, no-break spaces and runs of space collapsed,
    the non-breaking hyphen (U+2011) written as '-'. Evidence keeps the verbatim text."""
    text = _REFS.sub("", text).replace("\u2011", "-")
    return " ".join(text.split())


def defuse(text: str) -> str:
    """Split cells fused by the capture: 'MacronÉlysée' -> 'Macron Élysée', 'AbrazhdaMinisterial'
    -> 'Abrazhda Ministerial' (only after two lower-case letters, so 'McDonald' stays whole)."""
    return _FUSED.sub(" ", text)


def strip_refs(text: str) -> str:
    """Text without footnote marks such as '[89]', '[f]' or '[name 1]'."""
    return _REFS.sub("", text)


def number(word: str) -> int | None:
    """'4', 'four', 'Four' -> 4; anything else -> None."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def make_date(year: int, month: str, day: int) -> dt.date | None:
    """A date from cell parts, or None when they do not form one (day 41 of March...)."""
    number_of_month = MONTHS.get(month.lower().rstrip("."))
    if number_of_month is None:
        return None
    try:
        return dt.date(year, number_of_month, day)
    except ValueError:
        return None


def normalise_name(name: str) -> str:
    """A comparison key for names: case-folded words, dashes and spacing ignored."""
    return " ".join(re.findall(r"\w+", name.casefold()))


def name_tokens(name: str) -> set[str]:
    """Content words of a name (4+ letters, first 5 letters) for cross-language overlap tests:
    'multinationale' and 'Multinational' share 'multi'."""
    return {w[:5] for w in re.findall(r"\w+", name.casefold()) if len(w) >= 4}
