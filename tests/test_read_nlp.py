"""The language parse travels between the build's worker processes as bytes: what comes back
must be the very parse the model made (every attribute the readers use)."""

from __future__ import annotations

from collections import OrderedDict

import pytest
from spacy.tokens import Doc

from cowkg.read import nlp
from cowkg.types import Source

TEXT = (
    "Ministers from Norway and Chile met in Valparaíso on 3 June 2031 to discuss 4,000 troops.\n"
    "\n"
    "- Portugal offered two frigates, the defence minister said.\n"
    "The summit, chaired by Ana Ribeiro, did not agree on a date."
)


def _view(doc: Doc) -> tuple[object, ...]:
    tokens = [
        (t.text, t.idx, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.like_num)
        for t in doc
    ]
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    sents = [(s.start, s.end) for s in doc.sents]
    chunks = [(c.start, c.end) for c in doc.noun_chunks]
    return tokens, ents, sents, chunks


def _no_model() -> None:
    raise AssertionError("the model ran although the parse was restored")


def test_a_restored_parse_is_the_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    source = Source("p.txt", TEXT, "p", "en", "news", None)
    made = [(p.start, _view(p.doc)) for p in nlp.parse(source)]
    data = nlp.to_bytes(source)
    monkeypatch.setattr(nlp, "_cache", OrderedDict())  # as in a fresh worker process
    monkeypatch.setattr(nlp, "pipeline", _no_model)
    nlp.restore(source, data)
    restored = [(p.start, _view(p.doc)) for p in nlp.parse(source)]
    assert restored == made
    assert len(made) == 3  # one per non-empty line, offsets into the source


def test_restore_keeps_a_parse_already_made() -> None:
    source = Source("q.txt", "Estonia will send a company in 2032.", "q", "en", "news", None)
    first = nlp.parse(source)
    nlp.restore(source, b"not read: the parse is cached")
    assert nlp.parse(source) is first
