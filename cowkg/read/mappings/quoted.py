"""Quotations that run on: every sentence of a quotation is a statement of its speaker.

The statement mapping (:mod:`~cowkg.read.mappings.statements`) reads the sentence that holds a
reporting clause; a quotation runs on past it ("Chile's minister said, “A. B. C.”", "“A. B,” she
said. “C.”") and over paragraphs (:mod:`cowkg.read.quotations` reads how far, from typography).
Who speaks in a quotation:

- the speaker of the statement whose reporting words stand outside the quotation and whose
  content lies in it — the clause that introduces it ("X said, “…") or closes it ("…,” X said.");
  two such clauses of different speakers make it nobody's;
- for a quotation that opens its sentence or paragraph and has no such clause (the words after
  "“A,” he said." or a bare quoted paragraph), the one speaker of the statement the unit just
  before it reports (or that quotation's speaker) — "Boluarte said the plan works." / "“It is a
  good plan.”";
- for a quotation after a reporting clause with no content of its own but a colon ("Boric said on
  Monday:" / "“…”"), that clause's speakers.

Each sentence or part of the quotation no statement carries already becomes one: the speaker's
words verbatim (a clause: two words or more with a verb), speech act "said", with the date,
meeting, capacity and addressees of the statement that says who speaks, citing it too. What is
asked, denied or only hoped inside a quotation is still said (a pledge inside it keeps its own
modality in its own mapping).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from cowkg.read.mappings.statements import Told, content_span, introduced, restated, told
from cowkg.read.quotations import Quotation, prose, quotations_of
from cowkg.read.units import Unit
from cowkg.types import Fact, FactValue

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

METHOD = "rule:quotation"
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})
_EDGE = " \t\"'“”‘’«»,;:-–—…"
"""What a quoted stretch is trimmed of (its closing stop too: "… works." says "… works")."""


def read_quotations(reading: Reading) -> Iterator[Fact]:
    """The statements of every sentence of a quotation that no statement reads yet."""
    said = told(reading)
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
        attribution = _attributed(said, quotation) or _interrupted(units[0], quotation, last)
        if attribution is None:
            bases, introducing = _before(reading, body, units, quotation, said, later, quoted)
            yield from introducing  # the first words after "X said:", if so introduced
        else:
            bases = attribution[1]
            last = attribution
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
    quoted: Callable[[int], bool],
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
    spoken = later.get(previous.start) or _last_reported(previous, said, quoted)
    if spoken:
        return (_each(spoken) if len({_speaker(f) for f in spoken}) == 1 else []), []
    extent = _trimmed(reading, first, *quotation.within(first.start, first.end)[0])
    if not previous.text.rstrip().endswith(":") or extent is None:
        return [], []
    clauses = next(c for u, c in reading.units if u is previous)
    facts = [f for c in clauses for f in introduced(reading, previous, c, first, extent, METHOD)]
    if len({_speaker(f) for f in facts}) != 1:
        return [], []
    later.setdefault(first.start, []).extend(facts)
    return facts, facts


def _last_reported(unit: Unit, said: Sequence[Told], quoted: Callable[[int], bool]) -> list[Fact]:
    """The statements of the last reporting clause of ``unit`` that stands outside quotations."""
    inside = [
        one for one in said if unit.start <= one.at < unit.end and not quoted(one.at)
        and unit.start <= one.content[0] < unit.end
    ]  # fmt: skip
    if not inside:
        return []
    last = max(one.at for one in inside)
    return [one.fact for one in inside if one.at == last]


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
    """The quoted stretches of ``unit`` no statement carries: each stretch, or what follows the
    words a statement carries in it ("“A. B.”" read as one sentence whose statement is "A")."""
    found = []
    for start, end in quotation.within(unit.start, unit.end):
        ends = [e for s, e in covered if s < end and start < e]
        extent = _trimmed(reading, unit, max([start, *ends]), end)
        if extent is not None:
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
