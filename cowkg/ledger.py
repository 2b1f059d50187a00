"""The reading ledger: for every unit of every source, the typed facts it yielded, or why none.

A unit (sentence, list item, heading, headline, reference title: :mod:`cowkg.read.units`) yields a
fact when the fact's evidence overlaps it. A unit that yields none gets the reason read from its
clause records: ``no agent`` (it names no state, person or organisation), ``image file name``
(it holds one, "Flag of France.svg": table or caption debris, not prose), ``negated`` (every
predicate of a known action is negated), ``no action`` (no predicate of the action lexicon), or
``bare clause: <actions>`` (clause records that no mapping turned into a fact).

Two figures, per source and overall (issue 9):

- **informative units read**: of the units that name an agent plus a date, a number, a place or a
  second agent, the share that yield at least one typed fact;
- **arguments used**: of the dates, numbers (money, quantities, counts) and named agents the
  units mention, the share that are an argument of a typed fact whose evidence covers them.

Everything is sorted and holds no timings, so the report stays byte-identical across rebuilds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass

from cowkg.derive import states_membership_rule
from cowkg.read.clauses import Clause
from cowkg.read.mappings import Reading
from cowkg.resolve import Resolution
from cowkg.sources import span_at
from cowkg.types import (
    Fact,
    FactValue,
    Mention,
    MentionKind,
    Money,
    Quantity,
    Ref,
    Source,
    Span,
)

AGENTS = frozenset({MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION})
NUMBERS = frozenset({MentionKind.AMOUNT, MentionKind.QUANTITY, MentionKind.COUNT})
DETAILS = NUMBERS | {MentionKind.DATE, MentionKind.PLACE}
COUNTED = AGENTS | NUMBERS | {MentionKind.DATE}
"""The mentions the second figure counts: named agents, dates and numbers."""


@dataclass(frozen=True, slots=True)
class UnitRecord:
    """What the reading layer makes of one unit, before facts are merged (made per seed, in the
    extraction's rules stage, so the ledger needs no second parse)."""

    start: int
    end: int
    kind: str
    informative: bool
    reason: str
    """Why the unit would yield no fact, read from its clause records (see the module doc)."""
    counted: tuple[Mention, ...]
    """The dates, numbers and named agents it mentions."""
    membership_rule: bool
    """It states the coalition's membership rule (:func:`cowkg.derive.states_membership_rule`)."""


@dataclass(frozen=True)
class UnitEntry:
    """One unit of the ledger: where, what kind, whether informative, and its facts or reason."""

    start: int
    end: int
    kind: str
    informative: bool
    facts: list[str]
    reason: str


@dataclass(frozen=True)
class SourceLedger:
    """One source's units and its two figures (as counts, so they add up overall)."""

    informative: int
    informative_read: int
    arguments: int
    arguments_used: int
    units: list[UnitEntry]


def share(part: int, whole: int) -> float:
    """``part / whole`` rounded to four places (1.0 when there is nothing to count)."""
    return round(part / whole, 4) if whole else 1.0


def unit_records(reading: Reading) -> list[UnitRecord]:
    """The ledger's view of every unit of a source read by :func:`cowkg.read.mappings.read`, once
    its facts are made: a relative date inside a quotation counts as the day the statements
    mapping re-read it to (:attr:`~cowkg.read.mappings.Reading.reread`)."""
    reread = reading.reread
    mentions = sorted(
        (reread.get((m.span.start, m.span.end), m) for m in reading.mentions),
        key=lambda m: (m.span.start, m.span.end),
    )
    starts = [m.span.start for m in mentions]
    out = []
    for unit, clauses in reading.units:
        first = bisect.bisect_left(starts, unit.start)
        last = bisect.bisect_left(starts, unit.end)
        inside = [m for m in mentions[first:last] if m.span.end <= unit.end]
        agents = {(m.kind, _key(m.value)) for m in inside if m.kind in AGENTS}
        informative = bool(agents) and (len(agents) > 1 or any(m.kind in DETAILS for m in inside))
        out.append(
            UnitRecord(
                unit.start,
                unit.end,
                unit.kind.value,
                informative,
                _reason(unit.text, clauses, bool(agents)),
                tuple(m for m in inside if m.kind in COUNTED),
                states_membership_rule(unit),
            )
        )
    return out


def membership_rules(
    sources: Sequence[Source], records: Mapping[str, Sequence[UnitRecord]]
) -> list[Span]:
    """The units of ``sources`` that state the membership rule, as evidence spans."""
    return [
        span_at(source, r.start, r.end)
        for source in sources
        for r in records.get(source.file, ())
        if r.membership_rule
    ]


def ledger(records: Mapping[str, Sequence[UnitRecord]], res: Resolution) -> dict[str, SourceLedger]:
    """The ledger of every source (``records``: each seed file's unit records)."""
    by_seed: dict[str, list[Fact]] = {}
    for fact in res.facts:
        for seed in sorted({span.seed for span in fact.evidence}):
            by_seed.setdefault(seed, []).append(fact)
    return {
        file: _source_ledger(file, records[file], by_seed.get(file, []), res)
        for file in sorted(records)
    }


def _source_ledger(
    file: str, records: Sequence[UnitRecord], facts: Sequence[Fact], res: Resolution
) -> SourceLedger:
    entries, counted, used = [], 0, 0
    for record in records:
        yielded = [f for f in facts if _overlaps(f, file, record.start, record.end)]
        kinds = sorted({f.kind.value for f in yielded})
        entries.append(
            UnitEntry(
                record.start,
                record.end,
                record.kind,
                record.informative,
                kinds,
                "" if kinds else record.reason,
            )
        )
        counted += len(record.counted)
        used += sum(
            any(_is_argument(m, f, res) for f in _covering(yielded, m)) for m in record.counted
        )
    informative = [e for e in entries if e.informative]
    return SourceLedger(
        informative=len(informative),
        informative_read=sum(1 for e in informative if e.facts),
        arguments=counted,
        arguments_used=used,
        units=entries,
    )


IMAGE_FILE = re.compile(r"\S\.(?:svg|png|jpe?g|gif|webp|tiff?)\b", re.IGNORECASE)
"""An image's file name ("Flag of France.svg"): a unit holding one is table or caption debris
of a capture, not prose."""


def _reason(text: str, clauses: Sequence[Clause], has_agent: bool) -> str:
    if not has_agent:
        return "no agent"
    if IMAGE_FILE.search(text):
        return "image file name"
    acting = [c for c in clauses if c.action is not None]
    if not acting:
        return "no action"
    if all(not c.polarity for c in acting):
        return "negated"
    return "bare clause: " + ", ".join(sorted({str(c.action) for c in acting}))


def _overlaps(fact: Fact, seed: str, start: int, end: int) -> bool:
    return any(s.seed == seed and s.start < end and start < s.end for s in fact.evidence)


def _covering(facts: Iterable[Fact], mention: Mention) -> Iterator[Fact]:
    span = mention.span
    for fact in facts:
        if any(
            s.seed == span.seed and s.start <= span.start and span.end <= s.end
            for s in fact.evidence
        ):
            yield fact


def _key(value: object) -> str:
    return value.key if isinstance(value, Ref) else repr(value)


def _values(value: FactValue) -> Iterator[FactValue]:
    if isinstance(value, tuple):
        yield from value
    else:
        yield value


def _is_argument(mention: Mention, fact: Fact, res: Resolution) -> bool:
    """Whether ``mention``'s reading is one of ``fact``'s arguments (entities compared after
    resolution, numbers by value)."""
    return any(_same(mention, v, res) for a in fact.args.values() for v in _values(a))


def _same(mention: Mention, arg: FactValue, res: Resolution) -> bool:
    value = mention.value
    if isinstance(value, Ref) and isinstance(arg, Ref):
        canonical = res.canonical.get((value.kind, value.key), value.key)
        return arg.kind is value.kind and arg.key == canonical
    if isinstance(value, dt.date) and isinstance(arg, dt.date):
        return arg in (value, mention.end)
    if isinstance(value, Money) and isinstance(arg, Money):
        return value.value == arg.value
    if isinstance(value, Quantity) and isinstance(arg, Quantity | int):
        return _same_number(value, arg)
    return False


def _same_number(value: Quantity, arg: Quantity | int) -> bool:
    if isinstance(arg, int):
        return value.minimum == arg or value.maximum == arg
    return (value.minimum, value.maximum) == (arg.minimum, arg.maximum)


def overall(ledgers: Mapping[str, SourceLedger]) -> dict[str, float]:
    """The two figures over every source."""
    parts = list(ledgers.values())
    return {
        "informative_units_read": share(
            sum(p.informative_read for p in parts), sum(p.informative for p in parts)
        ),
        "arguments_used": share(
            sum(p.arguments_used for p in parts), sum(p.arguments for p in parts)
        ),
    }


def to_json(ledgers: Mapping[str, SourceLedger]) -> dict[str, object]:
    """The ledger as plain data for ``report.json``."""
    return {file: asdict(entry) for file, entry in ledgers.items()}


def from_json(data: Mapping[str, Mapping[str, object]]) -> dict[str, SourceLedger]:
    """Read back what :func:`to_json` wrote."""
    out = {}
    for file, entry in data.items():
        units = [UnitEntry(**u) for u in entry["units"]]  # type: ignore[attr-defined]
        fields = {k: v for k, v in entry.items() if k != "units"}
        out[file] = SourceLedger(units=units, **fields)  # type: ignore[arg-type]
    return out
