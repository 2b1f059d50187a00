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


def _sentences(text: str) -> list[str]:
    source = Source("g.txt", text, "g", "en", "news", None)
    return [s.text for p in nlp.parse(source) for s in p.doc.sents]


@pytest.mark.parametrize(
    "text",
    [
        "“Last night I joined a call hosted by (Irish Taoiseach) Mr Ben Smith and (Polish "
        "President) Adam Nowak, alongside other leaders,” the minister wrote.",
        "The ministers (from Chile, Peru and Norway) met on 4 May (a Tuesday) in Lima.",
        "Talks resumed [on 12 June 2031] with 26 states (out of 31) present.",
        "The plan was signed by (Dutch Defence Minister) Dame Eva Jansen on Friday.",
    ],
)
def test_a_bracketed_gloss_stays_in_its_sentence(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He left early (as planned). The rest stayed.", 2),
        ("He left early. (The rest stayed.) Then they left.", 3),
        ('"We will not stop. We will go on," she said. Then she left.', 3),
    ],
)
def test_a_final_mark_still_ends_a_sentence(text: str, sentences: int) -> None:
    assert len(_sentences(text)) == sentences


@pytest.mark.parametrize(
    "text",
    [
        "Peru leads a group of 12 states, [4] [5] [6] which have promised support to Chile.",
        "The envoys met in Lima [12] and agreed [13] [n] that talks would resume in June.",
    ],
)
def test_reference_markers_inside_a_sentence_do_not_end_it(text: str) -> None:
    doc = nlp.pipeline().make_doc(text)
    nlp.enclosed_sentences(doc)
    markers = [t for t in doc[1:] if t.text in "[]" or doc[t.i - 1].text == "["]
    assert markers and all(t.is_sent_start is False for t in markers)
    assert all(doc[t.i + 1].is_sent_start is False for t in markers if t.text == "]")


def test_reference_markers_after_a_final_mark_are_left_to_the_parser() -> None:
    doc = nlp.pipeline().make_doc("The talks ended. [7] The envoys left Lima on 3 May.")
    nlp.enclosed_sentences(doc)
    assert all(t.is_sent_start is None for t in doc[1:])
    assert len(_sentences("The talks ended. [7] The envoys left Lima on 3 May.")) == 2


def test_no_sentence_starts_inside_an_open_quotation() -> None:
    doc = nlp.pipeline().make_doc("“We are ready and Britain will lead” they said, adding more.")
    nlp.enclosed_sentences(doc)
    inside = [t.is_sent_start for t in doc[1:10]]  # up to "they", right after the quotation
    assert inside == [False] * 9 and doc[10].is_sent_start is None  # "said": left to the parser


def test_a_title_gloss_is_parsed_as_the_title_of_the_name_after_it() -> None:
    text = (
        "The talks were chaired by (Irish Taoiseach) Ben Smith and (Polish President) Adam Nowak."
    )
    (paragraph,) = nlp.parse(Source("h.txt", text, "h", "en", "news", None))
    doc = paragraph.doc
    assert doc.text == text  # the brackets are kept: offsets hold
    by = next(t for t in doc if t.text == "by")
    assert [t.text for t in by.children] == ["Smith"]
    assert [t.text for t in doc[by.i + 6].conjuncts] == ["Nowak"]  # "Smith"
    brackets = [t for t in doc if t.text in "()"]
    assert all(
        t.dep_ == "punct" and t.head.text in {"Irish", "Taoiseach", "Polish", "President"}
        for t in brackets
    )


def test_an_unanswered_bracket_or_a_long_aside_leaves_the_parser_free() -> None:
    unanswered = nlp.pipeline().make_doc("Flag of Chile (state.svg Chile Ana Ruiz")
    aside = nlp.pipeline().make_doc(
        "They met in Lima (the talks, which Peru and Chile had asked for in May, lasted two "
        "days and ended late) and left."
    )
    for doc in (unanswered, aside):
        nlp.enclosed_sentences(doc)
        assert all(t.is_sent_start is None for t in doc[1:])
