"""Extraction: every seed goes through the same rules, then curation, evidence checks and merging.

Per seed (:func:`extract`): mentions are found (:mod:`cowkg.mentions`), then the sentence rules
(:mod:`cowkg.extract.text`), the readers of flattened tables and infobox debris
(:mod:`cowkg.extract.tables`), the name readers (:mod:`cowkg.extract.names`) and the force,
command-post, group, plan and principle rules (:mod:`cowkg.extract.force`) run over it. Nothing
here knows one seed from another: a new article dropped into ``seeds/`` takes the same path.

Across seeds (:func:`extract_all`): people's full names and the names of forces are shared, the
reviewed curation entries are applied (retractions first, then additions), every evidence span is
checked against its seed, and facts that say the same thing (same kind and arguments) are merged
into one fact carrying every passage that says it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cowkg.curation import Curation
from cowkg.errors import EvidenceError
from cowkg.extract.force import extract_force_facts
from cowkg.extract.inner_names import without_inner_states
from cowkg.extract.known import Known
from cowkg.extract.names import forces, read_names
from cowkg.extract.tables import read_tables
from cowkg.extract.text import affiliations_of, extract_text_facts
from cowkg.ingest import SeedRunner, digest
from cowkg.ledger import UnitRecord, unit_records
from cowkg.mentions import PeopleIndex, find_mentions, people_index, titled_names
from cowkg.read import nlp
from cowkg.read.agents import person_names, with_open_mentions
from cowkg.read.mappings import Reading, facts_of, read
from cowkg.sources import verify_span
from cowkg.types import Fact, FactValue, Mention, Ref, Source

__all__ = [
    "Shared",
    "extract",
    "extract_all",
    "extract_and_record",
    "merge_facts",
    "shared_context",
    "verify_evidence",
]

log = logging.getLogger(__name__)


def extract(
    source: Source,
    mentions: list[Mention] | None = None,
    affiliations: Mapping[str, Ref] | None = None,
    force_names: Mapping[str, Ref] | None = None,
    names: list[Fact] | None = None,
    reading: Reading | None = None,
) -> list[Fact]:
    """The rule facts of one seed (unmerged, unverified).

    ``mentions``, ``affiliations`` and ``force_names`` default to what this seed alone gives;
    :func:`extract_all` passes what all seeds give, so a surname or a force's name written in one
    seed is understood in another. ``names`` (the seed's own name facts) is read unless given.
    """
    names = read_names(source) if names is None else names
    force_names = forces(names) if force_names is None else force_names
    if mentions is None:
        people = people_index(titled_names(source) + person_names(source))
        found = _mentions_stage(source, None, people)
        mentions = without_inner_states(source, found, force_names)
    known = Known.of(mentions)
    facts = [
        *extract_text_facts(source, mentions),
        *read_tables(source, known),
        *names,
        *extract_force_facts(source, known, force_names),
        *facts_of(_read(source, mentions, affiliations) if reading is None else reading),
    ]
    log.info("%s: %d rule fact(s)", source.file, len(facts))
    return facts


def _read(
    source: Source, mentions: Sequence[Mention], affiliations: Mapping[str, Ref] | None
) -> Reading:
    """The seed's clause records, people's states known from this seed and every other."""
    return read(source, mentions, {**affiliations_of(mentions), **(affiliations or {})})


@dataclass(frozen=True)
class Shared:
    """What extraction shares across seeds, built by :func:`shared_context`."""

    mentions: list[list[Mention]]
    """Each seed's mentions (in the order of the sources), people titled in any seed known."""
    name_facts: list[list[Fact]]
    """Each seed's name facts (:func:`cowkg.extract.names.read_names`)."""
    affiliations: dict[str, Ref]
    """Person key → the state any seed gives their post (:func:`affiliations_of`)."""
    forces: dict[str, Ref]
    """A force's name, in any seed → the force (:func:`cowkg.extract.names.forces`)."""
    key: str
    """Digest of the shared part (people, affiliations, forces): the rules stage's cache key."""
    parses: list[bytes]
    """Each seed's language parse (:func:`cowkg.read.nlp.to_bytes`), made once for every stage."""

    def mentions_by_file(self, sources: Sequence[Source]) -> dict[str, list[Mention]]:
        return {
            source.file: mentions for source, mentions in zip(sources, self.mentions, strict=True)
        }


def shared_context(sources: Sequence[Source], runner: SeedRunner | None = None) -> Shared:
    """Every seed's mentions and names, with people's names, states and forces shared."""
    runner = runner or SeedRunner()
    parses = runner.map(_parse_stage, sources, [None] * len(sources), None, "")
    firsts = runner.map(_names_stage, sources, parses, None, "")
    names = sorted({name for people, _ in firsts for name in people})
    people, people_key = people_index(names), digest(names)
    name_facts = [facts for _, facts in firsts]
    force_names = forces([f for facts in name_facts for f in facts])
    mentions = [  # a state inside a force's or group's name is none (known only now)
        without_inner_states(source, found, force_names)
        for source, found in zip(
            sources, runner.map(_mentions_stage, sources, parses, people, people_key), strict=True
        )
    ]
    affiliations = affiliations_of(m for ms in mentions for m in ms)
    key = digest(
        people_key,
        sorted((k, repr(v)) for k, v in affiliations.items()),
        sorted((k, repr(v)) for k, v in force_names.items()),
    )
    return Shared(mentions, name_facts, affiliations, force_names, key, parses)


def extract_all(
    sources: Sequence[Source], curation: Curation, runner: SeedRunner | None = None
) -> list[Fact]:
    """Every fact of every seed: rules, then curation, evidence verified, identical facts merged.

    The per-seed work goes through ``runner`` (:class:`cowkg.ingest.SeedRunner`: parallel and
    cached; by default a plain loop); the shared context between its stages is built by
    :func:`shared_context`.
    """
    return extract_and_record(sources, curation, runner)[0]


def extract_and_record(
    sources: Sequence[Source], curation: Curation, runner: SeedRunner | None = None
) -> tuple[list[Fact], dict[str, list[UnitRecord]]]:
    """:func:`extract_all`, and each seed's unit records for the reading ledger
    (:mod:`cowkg.ledger`), made in the same per-seed stage as its facts."""
    runner = runner or SeedRunner()
    shared = shared_context(sources, runner)
    per_seed = runner.map(
        _rules_stage,
        sources,
        list(zip(shared.mentions, shared.name_facts, shared.parses, strict=True)),
        (shared.affiliations, shared.forces),
        shared.key,
    )
    facts = curation.apply([fact for seed_facts, _ in per_seed for fact in seed_facts])
    verify_evidence(facts, sources)
    merged = merge_facts(facts)
    rules = sum(1 for f in merged if f.method.startswith("rule:"))
    log.info(
        "extract: %d fact(s) from %d seed(s): %d by rules, %d by curation",
        len(merged),
        len(sources),
        rules,
        len(merged) - rules,
    )
    records = {source.file: units for source, (_, units) in zip(sources, per_seed, strict=True)}
    return merged, records


def _parse_stage(source: Source, _item: None, _context: None) -> bytes:
    """The seed's language parse, once: the later stages run in other worker processes, where
    :func:`cowkg.read.nlp.restore` puts it back instead of parsing again (the parse is most of
    extraction's time)."""
    return nlp.to_bytes(source)


def _names_stage(source: Source, parse: bytes, _context: None) -> tuple[list[str], list[Fact]]:
    """People the seed names (beside a title or recognised openly) and the names it gives
    (forces): the shared context's parts."""
    nlp.restore(source, parse)
    return titled_names(source) + person_names(source), read_names(source)


def _mentions_stage(source: Source, parse: bytes | None, people: PeopleIndex) -> list[Mention]:
    """The table and pattern mentions, then the places and organisations no table lists."""
    if parse is not None:
        nlp.restore(source, parse)
    return sorted(
        with_open_mentions(source, find_mentions(source, people), people),
        key=lambda m: (m.span.start, -m.span.end, m.kind.value),
    )


def _rules_stage(
    source: Source,
    item: tuple[list[Mention], list[Fact], bytes],
    context: tuple[Mapping[str, Ref], Mapping[str, Ref]],
) -> tuple[list[Fact], list[UnitRecord]]:
    """``item`` is the seed's mentions, its name facts and its parse, all from the earlier
    stages; the unit records reuse the parse the mappings made."""
    mentions, names, parse = item
    nlp.restore(source, parse)
    affiliations, force_names = context
    reading = _read(source, mentions, affiliations)
    facts = extract(source, mentions, affiliations, force_names, names, reading)
    return facts, unit_records(reading)


def verify_evidence(facts: Sequence[Fact], sources: Sequence[Source]) -> None:
    """Check every span of every fact against its seed; a fact without evidence is refused too."""
    by_file = {source.file: source for source in sources}
    for fact in facts:
        if not fact.evidence:
            raise EvidenceError(f"{fact.method}: {fact.kind.value} fact has no evidence span")
        for span in fact.evidence:
            source = by_file.get(span.seed)
            if source is None:
                raise EvidenceError(
                    f"{fact.method}: span {span.seed}[{span.start}:{span.end}] names a seed that "
                    "was not loaded"
                )
            verify_span(source, span)


def _key(fact: Fact) -> tuple[str, tuple[tuple[str, str], ...]]:
    """What a fact says, as a sortable, hashable key (a Ref by kind and key, not its label)."""
    return fact.kind.value, tuple(sorted((k, _text(v)) for k, v in fact.args.items()))


def _text(value: FactValue) -> str:
    if isinstance(value, Ref):
        return f"{value.kind.value}:{value.key}"
    if isinstance(value, tuple):
        return "(" + ",".join(_text(v) for v in value) + ")"
    return f"{type(value).__name__}:{value!r}" if not isinstance(value, str) else value


def merge_facts(facts: Sequence[Fact]) -> list[Fact]:
    """One fact per (kind, arguments), with the evidence of all, sorted; the method is the first
    rule that made it (a curation entry only when no rule did). Output order is deterministic."""
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[Fact]] = {}
    for fact in facts:
        groups.setdefault(_key(fact), []).append(fact)
    merged = []
    for key in sorted(groups):
        same = groups[key]
        evidence = tuple(sorted({span for fact in same for span in fact.evidence}))
        methods = sorted({fact.method for fact in same})
        rules = [m for m in methods if m.startswith("rule:")]
        merged.append(Fact(same[0].kind, same[0].args, evidence, (rules or methods)[0]))
    return merged
