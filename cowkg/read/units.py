"""Units of a source: what one reads at a time — a sentence, a list item, a headline or
subheading, a table row or caption, a cited reference's title.

Each unit is a spaCy sentence of one parsed line (:mod:`cowkg.read.nlp`) with its kind, read from
the line's shape, never from its wording: a short line without final punctuation is a heading (the
first one of a news source its headline), a line that opens with a bullet or a number, or follows a
line ending in a colon, is a list item; lines after the body (References, See also…) are reference
entries, of which the quoted title is the unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Span as SpacySpan

from cowkg.read.citations import QUOTE
from cowkg.read.headlines import FINAL, HEADING_WORDS, TITLE_IN_REFERENCE
from cowkg.read.nlp import Paragraph, parse, text_body_end
from cowkg.types import Source, Span

_BULLET = re.compile(r"^\s*(?:[-–—•*▪●◦·]|\d{1,2}[.)])\s+")


class UnitKind(StrEnum):
    """Where a unit stands in its source (facts from a headline may be about the whole article)."""

    HEADLINE = "headline"
    HEADING = "heading"
    SENTENCE = "sentence"
    LIST_ITEM = "list-item"
    REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: ``source.text[start:end]`` is its verbatim text."""

    kind: UnitKind
    paragraph: Paragraph
    sentence: SpacySpan
    start: int
    end: int
    text: str

    def evidence(self, source: Source, start: int | None = None, end: int | None = None) -> Span:
        """A span of this unit (the whole unit by default), in source offsets."""
        s, e = self.start if start is None else start, self.end if end is None else end
        return Span(source.file, s, e, source.text[s:e])


def body_end(source: Source) -> int:
    """Where the prose ends: the references and link lists after it are not the source's claims."""
    return text_body_end(source.text)


def _line_kind(source: Source, paragraph: Paragraph, previous: Paragraph | None) -> UnitKind:
    text = source.text[paragraph.start : paragraph.end]  # as written, with its bullet
    if _BULLET.match(text) or (previous is not None and previous.doc.text.rstrip().endswith(":")):
        return UnitKind.LIST_ITEM
    if not FINAL.search(text) and len(text.split()) <= HEADING_WORDS:
        first = previous is None and source.kind in {"news", "blog", "official", "report"}
        return UnitKind.HEADLINE if first else UnitKind.HEADING
    return UnitKind.SENTENCE


def _trimmed(paragraph: Paragraph, sentence: SpacySpan) -> tuple[int, int, str]:
    start = paragraph.offset(sentence)[0]
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return start + lead, start + lead + len(text), text


def units(source: Source) -> list[Unit]:
    """Every unit of the source in text order (references: the quoted title of each entry)."""
    end_of_body = body_end(source)
    out: list[Unit] = []
    previous: Paragraph | None = None
    for paragraph in parse(source):
        if paragraph.start >= end_of_body:
            out += _reference_units(paragraph)
            continue
        kind = _line_kind(source, paragraph, previous)
        previous = paragraph
        for sentence in paragraph.doc.sents:
            start, end, text = _trimmed(paragraph, sentence)
            if text:
                out.append(Unit(kind, paragraph, sentence, start, end, text))
    return out


def _reference_units(paragraph: Paragraph) -> list[Unit]:
    """The quoted title of a reference entry, as a unit (its words may report a meeting), and
    the sentences of the passage it quotes after its retrieval note (a citation's ``quote=``)."""
    match = TITLE_IN_REFERENCE.search(paragraph.doc.text)
    out: list[Unit] = []
    if match is not None:
        sentence = paragraph.doc.char_span(
            match.start("title"), match.end("title"), alignment_mode="expand"
        )
        if sentence is not None:
            start, end, text = _trimmed(paragraph, sentence)
            out.append(Unit(UnitKind.REFERENCE, paragraph, sentence, start, end, text))
    quote = QUOTE.search(paragraph.doc.text)
    if quote is not None:
        for sentence in paragraph.doc.sents:
            if sentence.start_char >= quote.start("quote"):
                start, end, text = _trimmed(paragraph, sentence)
                if text:
                    out.append(Unit(UnitKind.REFERENCE, paragraph, sentence, start, end, text))
    return out
