"""Typed facts as refinements of clause records: one module per class of sentences.

A mapping is a function ``(reading) -> Iterable[Fact]`` that reads the clause records of one
source (:class:`Reading`) and yields the facts of its class, each citing the clause or unit it
rests on. To add a fact kind: declare it in :class:`cowkg.types.FactKind` (arguments documented),
give it its triples in :mod:`cowkg.assemble` and its shape in ``ontology/shapes.ttl``, write a
module here whose mapping reads the clauses, add it to :data:`MAPPINGS`, and test it on phrasings
written for the test (active and passive, lists, paraphrase, negation, future and past).
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from cowkg.read.clauses import Clause, read_source
from cowkg.read.units import Unit
from cowkg.types import Fact, Mention, Ref, Source


@dataclass(frozen=True)
class Reading:
    """A source read: its units in order, each with its clause records, and its mentions."""

    source: Source
    units: tuple[tuple[Unit, tuple[Clause, ...]], ...]
    mentions: tuple[Mention, ...]
    affiliations: dict[str, Ref] = field(default_factory=dict)
    """Person key → the state their post belongs to, as any source titles them."""
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Views derived from the reading and shared by its mappings, made once (the meeting frame:
    :func:`cowkg.read.mappings.meetings.frame_of`)."""
    reread: dict[tuple[int, int], Mention] = field(default_factory=dict, compare=False, repr=False)
    """Relative dates inside quotations re-read against the day their words were said (by
    :func:`cowkg.read.mappings.statements.days_named`), by span: mentions are read against the
    source's date before anyone knows who speaks; the ledger counts these readings instead."""

    def clauses(self) -> Iterable[Clause]:
        for _, clauses in self.units:
            yield from clauses

    @functools.cached_property
    def _starts(self) -> list[int]:
        return [m.span.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> Sequence[Mention]:
        """The mentions that begin in ``[start, end)``, in order (a slice, not a scan: mappings
        ask this for every clause)."""
        return self.mentions[
            bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)
        ]


Mapping = Callable[[Reading], Iterable[Fact]]


def read(
    source: Source, mentions: Sequence[Mention], affiliations: dict[str, Ref] | None = None
) -> Reading:
    """The clause records of ``source`` (``mentions``: the mentions stage's, open ones included;
    ``affiliations``: person key → the state of their post, from every source)."""
    units = tuple((unit, tuple(clauses)) for unit, clauses in read_source(source, mentions))
    ordered = tuple(sorted(mentions, key=lambda m: (m.span.start, -m.span.end, m.kind.value)))
    return Reading(source, units, ordered, dict(affiliations or {}))


def facts_of(reading: Reading) -> list[Fact]:
    """The facts every mapping yields for a source already read."""
    return [fact for _, mapping in MAPPINGS for fact in mapping(reading)]


# The mapping modules import this package's Reading (and the fact builder of cowkg.extract, which
# imports this package): they are imported once both are defined.
from cowkg.read.mappings import (  # noqa: E402
    agreements,
    appointments,
    chairs,
    citations,
    counts,
    credits,
    discussions,
    documents,
    groups,
    infobox,
    meetings,
    naming,
    organs,
    outlets,
    places,
    plans,
    pledges,
    posts,
    purposes,
    quoted,
    series,
    stances,
    statements,
    visits,
)

MAPPINGS: tuple[tuple[str, Mapping], ...] = (
    ("meetings", meetings.read_meetings),
    ("meeting-series", series.series_starts),
    ("pledge", pledges.pledges),
    ("count-claim", counts.counts),
    ("statement", statements.read_statements),
    ("quotation", quoted.read_quotations),
    ("agreement", agreements.agreements),
    ("discussion", discussions.discussions),
    ("meeting-aim", purposes.purposes),
    ("group-statement", groups.group_positions),
    ("plan", plans.plans),
    ("documents", documents.documents),
    ("founding", naming.founding),
    ("naming", naming.naming),
    ("appointment", appointments.appointments),
    ("cited-work", citations.cited_works),
    ("credit", credits.credits),
    ("image", credits.pictures),
    ("infobox", infobox.infobox),
    ("caption", infobox.captions),
    ("post", posts.posts),
    ("place-state", places.place_states),
    ("chairmanship", chairs.chairmanships),
    ("visit", visits.visits),
    ("outlet-country", outlets.outlet_countries),
    ("organ-state", organs.organ_states),
    ("stance", stances.stances),
)
"""Every mapping by name (the name is its facts' ``rule:`` method), run in this order."""
