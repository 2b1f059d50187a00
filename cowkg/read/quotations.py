"""Quotations: the stretches of a source between quotation marks, across sentences and paragraphs.

A reporting clause reads its own sentence; a quotation often runs on over several sentences
("X said, “A. B. C.”", "“A. B,” X said.") and paragraphs. Typography says how far it runs, and
this module reads only typography, never wording:

- curly marks pair up (“ opens, ” closes; « and » too); a straight mark ``"`` opens after a space
  or an opening bracket and closes elsewhere;
- a quotation still open at the end of its paragraph goes on in the next one when that paragraph
  opens with a quotation mark (the printer's convention: each paragraph of a long quotation opens
  with “, only the last closes) or closes a quotation before opening one (a line broken inside
  the quotation); else it ends with its paragraph;
- a closing mark with no opening mark before it in its paragraph closes a quotation that began at
  the paragraph's start (a continued quotation, or an opening mark the capture lost).

Single marks (‘ ’) are not read: the same character is an apostrophe.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cowkg.read.nlp import Paragraph
from cowkg.read.units import Unit, UnitKind

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

PROSE = frozenset({UnitKind.SENTENCE, UnitKind.LIST_ITEM})
"""Units a quotation is read in (not headings: a quoted heading is an editor's pick, whoever
spoke it; not references)."""

_OPENING = frozenset("“«„")
_CLOSING = frozenset("”»")
_BEFORE_OPENING = frozenset("([{—–-/")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: the source offsets of its words, one piece per paragraph, without marks."""

    pieces: tuple[tuple[int, int], ...]
    opens_paragraph: bool
    """Its first mark opens its paragraph (a bare quotation: nothing says who speaks in it)."""

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the quoted words."""
        return any(start <= offset < end for start, end in self.pieces)

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quoted words inside ``[start, end)`` (a unit), one stretch per piece."""
        return [(max(s, start), min(e, end)) for s, e in self.pieces if s < end and start < e]


@dataclass(slots=True)
class _Region:
    start: int  # offset in the paragraph's text, after the opening mark (0: opened before)
    end: int  # offset of the closing mark (the text's length: still open)
    opened: bool  # by a mark in this paragraph
    closed: bool  # by a mark in this paragraph


def _marks(text: str) -> Iterator[tuple[int, bool]]:
    """Each quotation mark of ``text``: its offset and whether it opens."""
    for i, char in enumerate(text):
        if char in _OPENING:
            yield i, True
        elif char in _CLOSING:
            yield i, False
        elif char == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            yield i, (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()


def _regions(text: str) -> list[_Region]:
    """The quoted stretches of one paragraph's text, in order."""
    regions: list[_Region] = []
    opened_at: int | None = None
    for i, opening in _marks(text):
        if opening and opened_at is None:
            opened_at = i + 1
        elif not opening and opened_at is not None:
            regions.append(_Region(opened_at, i, True, True))
            opened_at = None
        elif not opening and not regions:  # closes a quotation begun before the paragraph
            regions.append(_Region(0, i, False, True))
    if opened_at is not None:
        regions.append(_Region(opened_at, len(text), True, False))
    return regions


def _opens_with_mark(text: str, region: _Region) -> bool:
    return region.opened and not text[: region.start - 1].strip()


def quotations(paragraphs: Sequence[Paragraph]) -> list[Quotation]:
    """The quotations of ``paragraphs`` (a source's lines, in order), in order."""
    found: list[Quotation] = []
    running: list[tuple[int, int]] | None = None  # the pieces of a quotation still open
    opens = False
    for paragraph in paragraphs:
        text = paragraph.doc.text
        regions = _regions(text)
        if running is not None:
            first = regions[0] if regions else None
            goes_on = first is not None and (not first.opened or _opens_with_mark(text, first))
            if not goes_on:
                found.append(Quotation(tuple(running), opens))
                running = None
        for region in regions:
            piece = (paragraph.start + region.start, paragraph.start + region.end)
            if running is None:
                running = []
                opens = _opens_with_mark(text, region) or not region.opened
            running.append(piece)
            if region.closed:
                found.append(Quotation(tuple(running), opens))
                running = None
    if running is not None:
        found.append(Quotation(tuple(running), opens))
    return found


def prose(reading: Reading) -> list[Unit]:
    """The units of ``reading`` quotations are read in (:data:`PROSE`), in order."""
    return [unit for unit, _ in reading.units if unit.kind in PROSE]


def quotations_of(reading: Reading) -> list[Quotation]:
    """The quotations of a reading's prose, read once (:attr:`Reading.memo`)."""
    found = reading.memo.get("quotations")
    if not isinstance(found, list):
        paragraphs = {u.paragraph.index: u.paragraph for u in prose(reading)}
        found = reading.memo["quotations"] = quotations(list(paragraphs.values()))
    return found


def quotation_at(reading: Reading, offset: int) -> Quotation | None:
    """The quotation whose words hold ``offset``, if any."""
    return next((q for q in quotations_of(reading) if q.covers(offset)), None)
