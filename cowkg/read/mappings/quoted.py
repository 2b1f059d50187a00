"""Quotations that run on: every sentence of a quotation is a statement of its speaker.

The statement mapping (:mod:`~cowkg.read.mappings.statements`) reads the sentence that holds a
reporting clause; a quotation runs on past it ("Chile's minister said, “A. B. C.”", "“A. B,” she
said. “C.”") and over paragraphs (:mod:`cowkg.read.quotations` reads how far, from typography).
Who speaks in a quotation:

- the speaker of the statement whose reporting words stand outside the quotation and whose
  content lies in it — the clause that introduces it ("X said, “…") or closes it ("…,” X said.");
  two such clauses of different speakers make it nobody's;
- the speaker of the attribution that interrupts its sentence ("“A,” she added, “B.”");
- for a bare quotation (its sentences hold no other words, and it ends with a stop: not a quoted
  title) with no such clause, the one speaker of the statement the unit just before it reports
  (or of that unit's quotation) — "Boluarte said the plan works." / "“It is a good plan.”";
- for a quotation after a reporting clause with no content of its own but a colon ("Boric said on
  Monday:" / "“…”"), that clause's speakers.

Each sentence or part of the quotation no statement carries already becomes one: the speaker's
words verbatim (a whole sentence of two words or more, or the rest of a sentence with a finite
verb of its own), speech act "said", with the date, meeting, capacity and addressees of the
statement that says who speaks, citing it too. What is asked, denied or only hoped inside a
quotation is still said (a pledge inside it keeps its own modality in its own mapping).

A **transcript** is read the same way without marks: a line ending with a colon headed by
"remarks", "speech", "statement" or "address" of one named person ("Gabriel Boric's remarks at
the Lima summit:", "Speech by President Gabriel Boric on 3 May:") makes each sentence and list
item after it, up to the next heading, that person's words, dated by the line's date.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from cowkg.read.clauses import Clause
from cowkg.read.mappings.meetings import frame_of
from cowkg.read.mappings.statements import (
    Told,
    _choose,
    content_span,
    introduced,
    last_reported,
    restated,
    told_in,
)
from cowkg.read.quotations import Quotation, prose, quotations_of
from cowkg.read.units import Unit, UnitKind
from cowkg.types import EntityKind, Fact, FactKind, FactValue, MentionKind, Ref

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:quotation"
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
_EDGE = " \t\"'“”‘’«»,;:-–—…"
"""What a quoted stretch is trimmed of (its closing stop too: "… works." says "… works")."""


def read_quotations(reading: Reading) -> Iterator[Fact]:
    """The statements of every sentence of a quotation or transcript no statement reads yet."""
    yield from _quoted(reading)
    yield from _transcripts(reading)
    yield from _unmarked(reading)


_FIRST_PERSON = frozenset({"i", "we", "us", "our", "my", "me"})
_MARKS = frozenset('“”"«»')


def _unmarked(reading: Reading) -> Iterator[Fact]:
    """A paragraph with no quotation marks closed by an attribution after the words it reports
    ("… . But we have the means, says Boric."): the sentences before it in the paragraph that
    speak in the first person ("I", "we", "our"…) are the speaker's words too, up to the first
    that does not (the narrator's)."""
    position = {unit.start: i for i, (unit, _) in enumerate(reading.units)}
    done: set[int] = set()
    for one in told_in(reading):
        index = position.get(one.fact.evidence[-1].start)
        if index is None or index in done or one.content[1] > one.at:
            continue
        unit = reading.units[index][0]
        if unit.kind is not UnitKind.SENTENCE or _MARKS & set(unit.paragraph.doc.text):
            continue
        done.add(index)
        for previous, _ in reversed(reading.units[:index]):
            if previous.paragraph.index != unit.paragraph.index or not _first_person(previous):
                break
            extent = _trimmed(reading, previous, previous.start, previous.end)
            if extent is not None:
                yield restated(reading, one.fact, previous, extent, METHOD)


def _first_person(unit: Unit) -> bool:
    return any(t.lower_ in _FIRST_PERSON and t.pos_ == "PRON" for t in unit.sentence)


_SPEECH_NOUNS = frozenset({"remark", "remarks", "speech", "statement", "address"})
_OWNING = frozenset({"poss", "prep", "pobj", "compound", "appos", "amod"})


def _transcripts(reading: Reading) -> Iterator[Fact]:
    """The sentences after a transcript's colon line (see the module)."""
    units = reading.units
    for index, (lead, clauses) in enumerate(units):
        base = _transcript_of(reading, lead, clauses)
        if base is None:
            continue
        for unit, _ in units[index + 1 :]:
            if unit.kind not in {UnitKind.SENTENCE, UnitKind.LIST_ITEM}:
                break
            extent = _trimmed(reading, unit, unit.start, unit.end)
            if extent is not None:
                yield restated(reading, base, unit, extent, METHOD)


def _transcript_of(reading: Reading, lead: Unit, clauses: Sequence[Clause]) -> Fact | None:
    """The statement a transcript's line stands for (who, when, where; no words yet), if
    ``lead`` is one: a verbless line ending with a colon headed by a speech noun that one named
    person owns ("Boric's remarks …", "Speech by Boric …")."""
    root = lead.sentence.root
    if not lead.text.rstrip().endswith(":") or lead.kind is UnitKind.REFERENCE:
        return None
    if root.lemma_.lower() not in _SPEECH_NOUNS or root.pos_ not in {"NOUN", "PROPN"}:
        return None
    base = lead.paragraph.start
    owned = {base + t.idx for t in root.subtree if t.i == root.i or t.dep_ in _OWNING}
    named = [m for m in reading.mentions_in(lead.start, lead.end) if m.span.start in owned]
    speakers = _choose([m for m in named if m.kind in {MentionKind.PERSON, MentionKind.ROLE}])
    if len(speakers) != 1 or speakers[0].ref.kind is not EntityKind.PERSON:
        return None
    (speaker,) = speakers
    dates = [c.date for c in clauses if c.date is not None]
    frame = frame_of(reading)
    meetings = [m for c in clauses if (m := frame.meeting_of(c)) is not None and m.day]
    args: dict[str, FactValue | None] = {
        "statement": Ref(EntityKind.STATEMENT, "transcript"),
        "speaker": speaker.ref,
        "speech_act": "said",
        "text": "",
        "date": dates[0] if dates else None,
        "meeting": meetings[0].ref if meetings else None,
        "capacity": speaker.capacity,
        "on_behalf_of": speaker.on_behalf_of,
    }
    present = {k: v for k, v in args.items() if v is not None}
    return Fact(FactKind.STATEMENT, present, (lead.evidence(reading.source),), METHOD)


def _quoted(reading: Reading) -> Iterator[Fact]:
    """The statements of every sentence of a quotation that no statement reads yet."""
    said = told_in(reading)
    body = prose(reading)
    found = quotations_of(reading)
    later: dict[int, list[Fact]] = {}  # unit start → the statements this mapping made there

    def quoted(offset: int) -> bool:
        return any(q.covers(offset) for q in found)

    last: tuple[int, list[Fact]] | None = None  # the attribution of the quotation before
    for quotation in found:
        units = [u for u in body if quotation.within(u.start, u.end)]
        if not units:
            continue
        made: list[Fact] = []  # the statements of its first words, when made to tell who speaks
        attribution = _attributed(said, quotation) or _interrupted(units[0], quotation, last)
        if attribution is None and (adjacent := _adjacent(reading, units, quotation, quoted)):
            attribution, made = adjacent, adjacent[1]
        if attribution is None:
            bases, made = _before(reading, body, units, quotation, said, later)
        else:
            bases, last = attribution[1], attribution
        later.setdefault(units[0].start, []).extend(made)
        yield from made
        for unit in units:
            covered = _covered(reading, unit, bases, said, later)
            for extent in _unsaid(reading, quotation, unit, covered):
                facts = [restated(reading, base, unit, extent, METHOD) for base in bases]
                later.setdefault(unit.start, []).extend(facts)
                yield from facts


def _speaker(fact: Fact) -> FactValue:
    return fact.args["speaker"]


def _attributed(said: Sequence[Told], quotation: Quotation) -> tuple[int, list[Fact]] | None:
    """Where the one clause outside the quotation that reports words in it stands, and its
    statements (None: no such clause; no statements: two clauses of different speakers)."""
    clauses: dict[int, list[Fact]] = {}
    for one in said:
        start, end = one.content
        if not quotation.covers(one.at) and quotation.within(start, end):
            clauses.setdefault(one.at, []).append(one.fact)
    if not clauses:
        return None
    speakers = {frozenset(map(_speaker, facts)) for facts in clauses.values()}
    at, facts = next(iter(clauses.items()))
    return (at, _each(facts)) if len(speakers) == 1 else (at, [])


def _interrupted(
    unit: Unit, quotation: Quotation, last: tuple[int, list[Fact]] | None
) -> tuple[int, list[Fact]] | None:
    """The attribution of the quotation before, when it interrupts the sentence the quotation
    goes on in ("“A,” she added, “B.”"): the same words go on. Not in another sentence ("…,” he
    said. Peru is ready, he added, calling it “a step”")."""
    if last is None or not unit.start <= last[0] < quotation.start < unit.end:
        return None
    return last


def _adjacent(
    reading: Reading, units: Sequence[Unit], quotation: Quotation, quoted: Callable[[int], bool]
) -> tuple[int, list[Fact]] | None:
    """A reporting clause right after the quotation's close or right before its opening, in its
    sentence, whose content the statements mapping did not take ("“One plan that we all agree
    on,” Boric said." — the parse finds no complement): the statements of the quotation's first
    words by the clause's speakers."""
    extent = _trimmed(reading, units[0], *quotation.within(units[0].start, units[0].end)[0])
    if extent is None:
        return None
    text = reading.source.text
    for unit, after in ((units[-1], True), (units[0], False)):
        for clause in next(c for u, c in reading.units if u is unit):
            at = clause.trigger.start
            between = text[quotation.end : at] if after else text[at : quotation.start]
            near = (quotation.end <= at if after else at < quotation.start) and unit.start <= at
            marks = sum(between.count(m) for m in '“”"«»')
            if not near or quoted(at) or marks > 1 or any(c in between for c in ".!?\n"):
                continue
            facts = introduced(reading, unit, clause, units[0], extent, METHOD)
            if facts:
                return at, _each(facts)
    return None


def _each(facts: Sequence[Fact]) -> list[Fact]:
    """One statement per speaker (the first: a list's lead, not its items)."""
    return list({_speaker(f): f for f in reversed(facts)}.values())


def _before(
    reading: Reading,
    body: Sequence[Unit],
    units: Sequence[Unit],
    quotation: Quotation,
    said: Sequence[Told],
    later: dict[int, list[Fact]],
) -> tuple[list[Fact], list[Fact]]:
    """Who speaks in a bare quotation (its sentences hold no other words: no reporting clause the
    statements mapping missed, "…,” the minister posted."; and it ends with a stop: not a quoted
    title or subheading): the one speaker the unit before
    reports (see the module); and the statements of its first words, when a reporting clause
    introduces it with a colon."""
    first = units[0]
    index = body.index(first)
    if index == 0 or any(_outside(reading, quotation, unit) for unit in units):
        return [], []
    if not _stops(reading.source.text[quotation.start : quotation.end + 2]):  # a quoted title
        return [], []
    previous = body[index - 1]
    if previous.paragraph.index < first.paragraph.index - 1:
        return [], []
    spoken = later.get(previous.start) or [f.fact for f in last_reported(reading, previous, said)]
    if spoken:
        return (_each(spoken) if len({_speaker(f) for f in spoken}) == 1 else []), []
    extent = _trimmed(reading, first, *quotation.within(first.start, first.end)[0])
    if not previous.text.rstrip().endswith(":") or extent is None:
        return [], []
    clauses = next(c for u, c in reading.units if u is previous)
    facts = [f for c in clauses for f in introduced(reading, previous, c, first, extent, METHOD)]
    if len({_speaker(f) for f in facts}) != 1:
        return [], []
    return facts, facts


def _covered(
    reading: Reading,
    unit: Unit,
    bases: Sequence[Fact],
    said: Sequence[Told],
    later: dict[int, list[Fact]],
) -> list[tuple[int, int]]:
    """The words of ``unit`` a statement of the quotation's speakers already carries."""
    speakers = {_speaker(f) for f in bases}
    return [
        one.content for one in said
        if _speaker(one.fact) in speakers and unit.start <= one.content[0] < unit.end
    ] + [content_span(reading, f) for f in later.get(unit.start, [])]  # fmt: skip


def _unsaid(
    reading: Reading, quotation: Quotation, unit: Unit, covered: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The quoted stretches of ``unit`` no statement carries: each stretch, or the sentence that
    follows the words a statement carries in it ("“A. B.”" read as one unit whose statement is
    "A"; not the rest of A: "…, including …")."""
    found = []
    for start, end in quotation.within(unit.start, unit.end):
        ends = [e for s, e in covered if s < end and start < e]
        extent = _trimmed(reading, unit, max([start, *ends]), end)
        if extent is not None and (not ends or reading.source.text[extent[0]].isupper()):
            found.append(extent)
    return found


def _trimmed(reading: Reading, unit: Unit, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` without marks and edge punctuation, when it says something: a whole
    sentence of two words or more with a verb or its stop ("Bolivia too."), or the rest of a
    sentence whose first words another statement carries, with a finite verb of its own ("…,”
    she added, “and Peru will follow.”", not "… its “support and for a lasting peace”")."""
    text = reading.source.text[start:end]
    lead, trail = len(text) - len(text.lstrip(_EDGE)), len(text) - len(text.rstrip(_EDGE + "."))
    start, end = start + lead, end - trail
    if end <= start or len(reading.source.text[start:end].split()) < 2:
        return None
    paragraph = unit.paragraph
    span = paragraph.doc.char_span(
        start - paragraph.start, end - paragraph.start, alignment_mode="expand"
    )
    words = list(span) if span is not None else []
    if _words(reading, unit.start, start) or _words(reading, end, unit.end):
        finite = any(t.pos_ in {"VERB", "AUX"} and t.tag_ in _FINITE for t in words)
        return (start, end) if finite else None
    verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    return (start, end) if verb or _stops(unit.text) else None


def _stops(text: str) -> bool:
    """Whether ``text`` ends with a sentence's stop (inside or before its closing marks)."""
    return text.strip().rstrip(_EDGE + ")]").endswith((".", "!", "?"))


def _outside(reading: Reading, quotation: Quotation, unit: Unit) -> bool:
    """Whether ``unit`` holds words outside the quotation."""
    edges = [unit.start, *(x for piece in quotation.within(unit.start, unit.end) for x in piece)]
    edges.append(unit.end)
    return any(_words(reading, a, b) for a, b in zip(edges[::2], edges[1::2], strict=True))


def _words(reading: Reading, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds a letter (words before a quotation in its sentence)."""
    return any(c.isalpha() for c in reading.source.text[start:end])
