"""Typed facts as refinements of clause records: one module per class of sentences.

A mapping is a function ``(reading) -> Iterable[Fact]`` that reads the clause records of one
source (:class:`Reading`) and yields the facts of its class, each citing the clause or unit it
rests on. To add a fact kind: declare it in :class:`cowkg.types.FactKind` (arguments documented),
give it its triples in :mod:`cowkg.assemble` and its shape in ``ontology/shapes.ttl``, write a
module here whose mapping reads the clauses, add it to :data:`MAPPINGS`, and test it on phrasings
written for the test (active and passive, lists, paraphrase, negation, future and past).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from cowkg.read.clauses import Clause, read_source
from cowkg.read.units import Unit
from cowkg.types import Fact, Mention, Source


@dataclass(frozen=True)
class Reading:
    """A source read: its units in order, each with its clause records, and its mentions."""

    source: Source
    units: tuple[tuple[Unit, tuple[Clause, ...]], ...]
    mentions: tuple[Mention, ...]

    def clauses(self) -> Iterable[Clause]:
        for _, clauses in self.units:
            yield from clauses


Mapping = Callable[[Reading], Iterable[Fact]]

MAPPINGS: tuple[tuple[str, Mapping], ...] = ()
"""Every mapping by name (the name is its facts' ``rule:`` method), run in this order."""


def read(source: Source, mentions: Sequence[Mention]) -> Reading:
    """The clause records of ``source`` (``mentions``: the mentions stage's, open ones included)."""
    units = tuple((unit, tuple(clauses)) for unit, clauses in read_source(source, mentions))
    return Reading(source, units, tuple(mentions))


def read_facts(source: Source, mentions: Sequence[Mention]) -> list[Fact]:
    """The facts every mapping yields for ``source``."""
    reading = read(source, mentions)
    return [fact for _, mapping in MAPPINGS for fact in mapping(reading)]
