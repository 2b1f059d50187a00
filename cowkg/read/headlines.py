"""Headline grammar: where a source's lines are headlines, and how the parser is shown them.

Headlines, subheadings and the titles of cited works are written in a grammar of their own that
spaCy's small model, trained on prose, misreads: Title Case ("Macron to Host Ukraine Allies" —
every capitalised word a proper noun), the "to"-infinitive for the future ("UK to host talks":
the subject left as a verbless root), the present tense for the past ("Estonia pledges troops":
the verb read as a noun). They are parsed the same single time as every line
(:mod:`cowkg.read.nlp`), but

- **before** the parse, a Title Case headline is shown to the parser in sentence case: a word the
  source writes in lower case more often ("Host", "Allies", "Security"), or an English verb or
  adjective it never writes ("Seeks"), is lowered, a name is kept (a word the source writes
  capitalised at least as often: "Macron", "Ukraine"; months and weekdays), and the copy has the
  same length, so every offset holds; a cited title is made a sentence of its own
  (and so is each side of a colon in it: "Peace talks: France and UK insist on …");
- **after** the parse, the tokens get back their text as written, and four misreadings of the
  headline's grammar are repaired in the dependency tree: a verbless root with a "to"-infinitive
  ("UK to host …") becomes the infinitive's subject, a present-tense verb read as a noun
  between a proper-noun subject and its object ("Estonia pledges troops", "Chile & Peru host
  talks") becomes the root, and
  a noun read as a verb that cannot agree with its singular "subject" ("PM call with …") is a
  noun again; the clause before a closing ", X says" is what X says.

Only headline-shaped stretches are touched: a short line without final punctuation in the body,
and the quoted title of a reference entry after it.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

BODY_END = re.compile(r"^\s*(?:References|See also|External links|Further reading|Notes)\s*$")
"""A heading after which a capture lists references and links, not claims of its own."""
FINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
"""A line ending like this is prose, not a heading."""
HEADING_WORDS = 25
"""A heading has at most this many words."""
TITLE_IN_REFERENCE = re.compile(r"[\"“](?P<title>[^\"”]{12,300})[\"”]")
"""The quoted title of a cited work in a reference entry."""

RETRIEVAL = re.compile(r"\b(?:Retrieved|Archived from the original on|Accessed)\b")
"""A reference's retrieval note: what follows it is a passage the reference quotes."""

_WORD = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:-[A-Za-z]+)*(?![\w])")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z][a-z]*(?:-[a-z]+)*(?![\w])")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?:-[A-Za-z]+)*(?![\w])")
_CALENDAR = frozenset(w.lower() for w in (*calendar.month_name[1:], *calendar.day_name) if w) | {
    "sept"
}
_TITLE_CASE_SHARE = 0.7
_TO_HEADS = frozenset({"relcl", "acl", "xcomp", "advcl", "ccomp"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_LOOSE = frozenset({"dep", "npadvmod", "nmod"})
_VERBAL = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Vocabulary:
    """What a source tells of its words' case, to sentence-case its headlines: ``common`` words
    it writes in lower case more often than capitalised inside a sentence ("security"),
    ``names`` it writes capitalised there at least as often ("Ukraine", though a file name writes
    "ukraine"; "States"), and an English ``dictionary`` for the words its prose never writes."""

    common: frozenset[str]
    names: frozenset[str]
    dictionary: frozenset[str] = frozenset()

    def lowers(self, word: str) -> bool:
        """Whether the lower-case ``word`` is no name: common, a stop word, or (when the prose
        never writes it) an English word or an inflection of one ("seeks", "frustrated")."""
        if word in self.common or word in STOP_WORDS:
            return True
        if word in self.names:
            return False
        return bool(_stems(word) & self.dictionary)


def _stems(word: str) -> set[str]:
    """``word`` and the base forms its English inflection may have ("seeks" → "seek",
    "frustrated" → "frustrate", "carries" → "carry", "hosting" → "host")."""
    out = {word}
    for suffix, bases in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out |= {word[: -len(suffix)] + base for base in bases}
    return out


_INFLECTIONS = (
    ("ies", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
)


def vocabulary(prose: str, dictionary: frozenset[str] = frozenset()) -> Vocabulary:
    """The :class:`Vocabulary` of a source's text with its Title Case headlines left out (their
    capitals are what is to be judged)."""
    lower = Counter(_LOWER_WORD.findall(prose))
    capital = Counter(w.lower() for w in _MID_SENTENCE_CAPITAL.findall(prose))
    return Vocabulary(
        frozenset(w for w, n in lower.items() if n > capital[w]),
        frozenset(w for w, n in capital.items() if n >= lower[w]),
        dictionary,
    )


def prose_of(line: str, spans: Iterable[tuple[int, int]]) -> str:
    """The line without its Title Case headline stretches."""
    out = line
    for start, end in spans:
        if is_title_case(line[start:end]):
            out = out[:start] + " " * (end - start) + out[end:]
    return out


def headline_spans(line: str, in_references: bool) -> list[tuple[int, int]]:
    """The headline-shaped stretches of one line (offsets in the line): the whole line when it
    is a heading of the body, the quoted title of a reference entry after the body."""
    if in_references:
        match = TITLE_IN_REFERENCE.search(line)
        note = RETRIEVAL.search(line)
        cited = match is not None and (note is None or match.start() < note.start())
        return [match.span("title")] if cited and match is not None else []
    if FINAL.search(line) or len(line.split()) > HEADING_WORDS:
        return []
    return [(0, len(line))]


def is_title_case(text: str) -> bool:
    """Most words of four letters or more are capitalised ("Leaders Back New Peace Plan")."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def sentence_cased(text: str, spans: Iterable[tuple[int, int]], words: Vocabulary) -> str:
    """``text`` with each Title Case span in sentence case (same length): a capitalised word is
    lowered when ``words`` says it is no name, unless it opens the span or a clause after a
    colon or stop, or names a month or weekday."""
    chars = list(text)
    for start, end in spans:
        if not is_title_case(text[start:end]):
            continue
        for match in _WORD.finditer(text, start, end):
            word = match.group().lower()
            before = text[start : match.start()].rstrip()
            opens = not before or before[-1] in ":.!?\"“'‘(—–-|"
            if opens or not words.lowers(word) or word in _CALENDAR:
                continue
            chars[match.start() : match.end()] = word
    return "".join(chars)


def prepared(nlp: Language, line: str, spans: Sequence[tuple[int, int]], words: Vocabulary) -> Doc:
    """The line as the parser is to see it: headlines sentence-cased, a cited title (a span that
    is not the whole line) a sentence of its own."""
    doc = nlp.make_doc(sentence_cased(line, spans, words) if spans else line)
    for start, end in spans:
        if (start, end) == (0, len(line)):
            continue
        starts = {start, *_after_colon(line, start, end)}
        for token in doc:
            if token.idx in starts or (token.idx >= end and doc[token.i - 1].idx < end):
                token.is_sent_start = True
    return doc


_COLON = re.compile(r":\s+(?=\S)")
_SUBTITLE_WORDS = 4


def _after_colon(line: str, start: int, end: int) -> list[int]:
    """Where a cited title's clause after a colon starts ("Peace talks: France and UK insist
    on …", "Portugal to provide aid: what others gave"): each side is a sentence of its own. A
    short tail ("…: 17 August 2025", "…: report") stays with the title it completes."""
    return [
        match.end()
        for match in _COLON.finditer(line, start, end)
        if len(line[match.end() : end].split()) >= _SUBTITLE_WORDS
    ]


def restored(doc: Doc, line: str, spans: Sequence[tuple[int, int]]) -> Doc:
    """The parsed ``doc`` with the line's own text (a sentence-cased copy has the same length)
    and the headline repairs of the module docstring."""
    if not spans:
        return doc
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    pos = [t.pos_ for t in doc]
    tags = [t.tag_ for t in doc]
    lemmas = [t.lemma_ for t in doc]
    changed = False
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            changed |= _repair_infinitive(span, heads, deps)
            changed |= _repair_present(span, heads, deps, pos, tags)
            changed |= _repair_agreement(span, heads, deps, pos, tags)
            changed |= _repair_says_tail(span, heads, deps)
    if not changed and doc.text == line:
        return doc
    if changed and not _is_forest(heads):  # a repair that would tie a knot is not made
        heads, deps = [t.head.i for t in doc], [t.dep_ for t in doc]
        pos, tags = [t.pos_ for t in doc], [t.tag_ for t in doc]
    words = [line[t.idx : t.idx + len(t.text)] for t in doc]
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in {"B", "I"} else "O" for t in doc]
    return Doc(
        doc.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in doc],
        tags=tags,
        pos=pos,
        morphs=[str(t.morph) for t in doc],
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        ents=ents,
    )


def _is_forest(heads: Sequence[int]) -> bool:
    """Every token reaches a root (its own head) without a cycle."""
    for start in range(len(heads)):
        node, steps = start, 0
        while heads[node] != node:
            node, steps = heads[node], steps + 1
            if steps > len(heads):
                return False
    return True


def _repair_infinitive(span: Span, heads: list[int], deps: list[str]) -> bool:
    """'UK to host talks': the verbless nominal head of a "to"-infinitive is its subject, and the
    infinitive takes the head's place in the tree (a complement of a reporting verb, "…, X
    says", when the head hung from one)."""
    changed = False
    for verb in span:
        if _infinitive(verb):
            loose = [c for c in verb.lefts if c.pos_ in _NOMINAL and c.dep_ in _LOOSE]
            if loose:  # "UK/dep to defend …": the parser left the subject unlabelled
                deps[loose[-1].i] = "nsubj"
                changed = True
        noun = verb.head
        if not _headline_infinitive(verb, noun, span):
            continue
        if noun.dep_ == "ROOT":
            heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        else:
            heads[verb.i] = noun.head.i
            deps[verb.i] = "ccomp" if noun.head.pos_ == "VERB" else noun.dep_
        heads[noun.i], deps[noun.i] = verb.i, "nsubj"
        changed = True
    return changed


def _infinitive(verb: Token) -> bool:
    """A "to"-infinitive with no subject of its own."""
    return (
        verb.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _headline_infinitive(verb: Token, noun: Token, span: Span) -> bool:
    return (
        _infinitive(verb)
        and verb.dep_ in _TO_HEADS
        and noun.i < verb.i
        and noun.pos_ in _NOMINAL
        and span.start <= noun.i
        and noun.dep_ in {"ROOT", "advcl", "dep", "npadvmod"}
    )


def _repair_present(
    span: Span, heads: list[int], deps: list[str], pos: list[str], tags: list[str]
) -> bool:
    """'Estonia pledges troops for …', 'Chile & Peru host talks': in a headline with no verb
    before the word (one after may be a relative clause's: "…, who …"), a word
    after a name and before a noun, that is the present of a verb of the action lexicon (in -s
    after one name, the plain form after names joined by "and" or "&"), is the predicate: the
    name (and what modifies it; the first of joined names) its subject, the old root its
    object (or the word itself, when the parser made it the root: "A & B convene a meeting")."""
    root = span.root
    verb = next((t for t in span[1:-1] if _misread_present(t, root)), None)
    if (
        verb is None
        or root.pos_ in _VERBAL
        or any(t.pos_ in _VERBAL for t in span[: verb.i - span.start])
    ):
        return False  # a verb of its own before it (one after may be a relative clause's)
    subject = verb.doc[verb.i - 1]
    while subject.dep_ == "conj" and subject.head.i < subject.i:
        subject = subject.head
    for token in span:
        if token.i < subject.i and heads[token.i] >= verb.i:
            heads[token.i] = subject.i
    heads[root.i], deps[root.i] = verb.i, "dobj"
    heads[subject.i], deps[subject.i] = verb.i, "nsubj"
    heads[verb.i], deps[verb.i] = verb.i, "ROOT"
    pos[verb.i], tags[verb.i] = "VERB", "VBZ" if verb.lower_.endswith("s") else "VBP"
    return True


def _repair_agreement(
    span: Span, heads: list[int], deps: list[str], pos: list[str], tags: list[str]
) -> bool:
    """'PM call with the coalition': a root read as a verb in the plural present (VBP) whose
    subject, the words before it, is one singular noun cannot agree with it; in a headline it is
    a noun, and its "subject" a compound of it."""
    root = span.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if root.tag_ != "VBP" or len(subjects) != 1 or any(c.dep_ == "aux" for c in root.children):
        return False
    subject = subjects[0]
    alone = subject.left_edge.i == span.start and subject.right_edge.i == root.i - 1
    if subject.tag_ not in {"NN", "NNP"} or not alone or _listed(subject):
        return False
    deps[subject.i] = "compound"
    pos[root.i], tags[root.i] = "NOUN", "NN"
    return True


def _repair_says_tail(span: Span, heads: list[int], deps: list[str]) -> bool:
    """'Europe developing a coalition to back a ceasefire, Starmer says': the clause before a
    closing ", X says" is what X says. The parser hangs it as an adverbial clause, or makes its
    subject the verb's object and the participle a modifier of it; either way the clause becomes
    the reporting verb's complement, with its subject."""
    from cowkg.read.clauses import LEXICON, REPORTING  # see _present_verb

    changed = False
    for verb in span:
        said = verb.dep_ == "ROOT" and LEXICON.get(verb.lemma_.lower()) in REPORTING
        if not (said and any(t.text == "," for t in verb.doc[max(verb.i - 3, 0) : verb.i])):
            continue
        for child in verb.lefts:
            if child.pos_ in {"VERB", "AUX"} and child.dep_ in _TAIL_CLAUSES:
                deps[child.i] = "ccomp"
                changed = True
            elif child.pos_ in _NOMINAL and child.dep_ in _TAIL_CLAUSES | {"dobj", "npadvmod"}:
                inner = [g for g in child.rights if g.pos_ == "VERB" and g.dep_ in _PARTICIPLES]
                if inner:
                    heads[inner[0].i], deps[inner[0].i] = verb.i, "ccomp"
                    heads[child.i], deps[child.i] = inner[0].i, "nsubj"
                    changed = True
    return changed


_TAIL_CLAUSES = frozenset({"advcl", "parataxis", "dep"})
_PARTICIPLES = frozenset({"acl", "xcomp", "relcl"})


def _listed(subject: Token) -> bool:
    """The subject is one of a list ("European leaders, Zelensky hold talks"): no singular."""
    return any(c.dep_ in {"conj", "appos", "npadvmod", "dep"} for c in subject.children) or any(
        t.pos_ == "PUNCT" for t in subject.subtree
    )


def _misread_present(token: Token, root: Token) -> bool:
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    return (
        before.pos_ in {"PROPN", "ADJ", "NOUN"}
        and before.text[:1].isupper()
        and token.i <= root.i
        and after.pos_ in _NOMINAL | {"NUM", "DET", "ADJ"}
        and (
            _present_verb(token.lower_)
            if token.lower_.endswith("s")
            else before.dep_ == "conj" and token.pos_ == "NOUN" and _plain_verb(token.lower_)
        )
    )


def _plain_verb(word: str) -> bool:
    """``word`` is the plain form of a verb of the action lexicon ("host", "convene")."""
    from cowkg.read.clauses import LEXICON  # clauses reads units, which parse with this module

    return word in LEXICON


def _present_verb(word: str) -> bool:
    """``word`` is the third person present of a verb of the action lexicon ("pledges",
    "hosts", "vows"), not only a plural noun ("allies", "troops")."""
    from cowkg.read.clauses import LEXICON  # clauses reads units, which parse with this module

    stems = {word[:-1], word[:-2] if word.endswith("es") else "", word[:-3] + "y"}
    return bool(stems & LEXICON.keys())
