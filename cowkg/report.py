"""The build report: what the graph holds, where it came from, and what extraction missed.

It answers the questions a maintainer asks after a build: how big is the graph, which entities
does it have, how many facts each seed gave, how many came from rules rather than curation (most
must), where seeds disagree (count claims about the same thing with different values), and which
seed sentences mention a known entity yet yielded no fact (coverage gaps to write rules for).

``graph/report.md`` and ``graph/report.json`` hold everything but timings, so that they stay
byte-identical for identical inputs; :meth:`BuildReport.format` adds the timings for the terminal.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from cowkg import __version__
from cowkg import ledger as reading_ledger
from cowkg.assemble import CLAIMED
from cowkg.ledger import SourceLedger, UnitRecord
from cowkg.namespaces import DATA_LICENSE, DATASET_TITLE, SCHEMA, VOID
from cowkg.resolve import Resolution
from cowkg.types import EntityKind, Fact, FactKind, Quantity, Ref, Source

GAP_KINDS = (EntityKind.STATE, EntityKind.PERSON, EntityKind.ORGANIZATION)
"""Entities whose mention in a sentence makes that sentence worth a fact."""
SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)
"""A sentence: up to a full stop followed by white space, or to the end of the line."""
MIN_GAP_WORDS = 6
"""Shorter stretches are table and infobox debris, not sentences worth a rule."""
MAX_GAPS_SHOWN = 40


@dataclass(frozen=True)
class Conflict:
    """Claims about the same thing and counted unit (or property) with different values, with
    their seeds."""

    about: str
    counted: str
    values: list[dict[str, Any]]


@dataclass(frozen=True)
class Gap:
    """A seed sentence that names a known entity but is the evidence of no fact."""

    seed: str
    start: int
    end: int
    entities: list[str]
    text: str


@dataclass
class BuildReport:
    """Figures of one build (see the module docstring); ``timings`` are seconds per stage."""

    version: str
    inputs: dict[str, str]
    inputs_sha256: str
    triples: dict[str, int]
    fact_graphs: int
    facts: int
    entities_by_class: dict[str, int]
    facts_by_source: dict[str, int]
    facts_by_method: dict[str, int]
    conflicts: list[Conflict]
    gaps: list[Gap]
    conforms: bool
    validation_results: int
    ledger: dict[str, SourceLedger] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    skipped: bool = False

    @property
    def rule_share(self) -> float:
        """The share of facts made by rules (the rest come from the curation file)."""
        rules = sum(n for m, n in self.facts_by_method.items() if m.startswith("rule:"))
        return rules / self.facts if self.facts else 0.0

    def to_json(self) -> str:
        """The report as JSON (no timings, so identical inputs give identical bytes)."""
        data = asdict(self)
        del data["timings"], data["skipped"]
        data["ledger_figures"] = reading_ledger.overall(self.ledger)
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> BuildReport:
        """Read a report written by :meth:`to_json` (used when a build is skipped)."""
        data = json.loads(text)
        data["conflicts"] = [Conflict(**c) for c in data["conflicts"]]
        data["gaps"] = [Gap(**g) for g in data["gaps"]]
        data["ledger"] = reading_ledger.from_json(data.get("ledger", {}))
        data.pop("ledger_figures", None)
        return cls(**data)

    def to_markdown(self) -> str:
        """The report as Markdown, for ``graph/report.md``."""
        return "\n".join(_markdown(self)) + "\n"

    def format(self) -> str:
        """The report for the terminal: the Markdown plus timings (or a note it was skipped)."""
        if self.skipped:
            head = (
                "Graph is up to date (inputs unchanged); not rebuilt. Use --force to rebuild.\n\n"
            )
            return head + self.to_markdown()
        timing = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in self.timings.items())
        total = sum(self.timings.values())
        return self.to_markdown() + f"\nBuild time: {total:.2f} s ({timing})\n"


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _markdown(r: BuildReport) -> list[str]:
    out = [f"# cowkg build report (version {r.version})", ""]
    out += [
        f"Validation: {'conforms' if r.conforms else 'DOES NOT CONFORM'} "
        f"({r.validation_results} results). Inputs SHA-256: `{r.inputs_sha256}`.",
        "",
    ]
    out += ["## Triples by named graph", "", *_table(("graph", "triples"), r.triples.items()), ""]
    out += [f"## Facts: {r.facts} extracted, {r.fact_graphs} distinct fact graphs", ""]
    out += [f"Made by rules: {r.rule_share:.0%} (the rest from the curation file).", ""]
    out += _table(("method", "facts"), sorted(r.facts_by_method.items()))
    out += [
        "",
        "### Facts by source",
        "",
        *_table(("seed", "facts"), r.facts_by_source.items()),
        "",
    ]
    out += [
        "## Entities by class",
        "",
        *_table(("class", "entities"), r.entities_by_class.items()),
        "",
    ]
    out += _ledger_markdown(r.ledger)
    out += [f"## Conflicting claims ({len(r.conflicts)})", ""]
    for c in r.conflicts:
        stated = "; ".join(f"{v['value']} ({', '.join(v['seeds'])})" for v in c.values)
        out.append(f"- {c.counted} of {c.about}: {stated}")
    out += [
        "",
        f"## Coverage gaps: {len(r.gaps)} sentences name a known entity but gave no fact",
        "",
    ]
    for g in r.gaps[:MAX_GAPS_SHOWN]:
        out.append(f"- {g.seed} [{g.start}:{g.end}] ({', '.join(g.entities)}): {g.text[:160]}")
    if len(r.gaps) > MAX_GAPS_SHOWN:
        out.append(f"- … and {len(r.gaps) - MAX_GAPS_SHOWN} more in report.json")
    return out


def _ledger_markdown(ledgers: Mapping[str, SourceLedger]) -> list[str]:
    """The reading ledger's figures per source and overall, and the informative units that
    yielded no fact, with the reason (every unit is in report.json)."""
    if not ledgers:
        return []
    figures = reading_ledger.overall(ledgers)
    out = [
        "## Reading ledger",
        "",
        f"Informative units (an agent plus a date, number, place or second agent) that yield a "
        f"typed fact: **{figures['informative_units_read']:.1%}**; dates, numbers and named "
        f"agents that are an argument of a typed fact: **{figures['arguments_used']:.1%}**.",
        "",
    ]
    rows = [
        (
            file,
            f"{e.informative_read}/{e.informative} "
            f"({reading_ledger.share(e.informative_read, e.informative):.1%})",
            f"{e.arguments_used}/{e.arguments} "
            f"({reading_ledger.share(e.arguments_used, e.arguments):.1%})",
        )
        for file, e in ledgers.items()
    ]
    out += _table(("source", "informative units read", "arguments used"), rows)
    missed = [
        (file, u) for file, e in ledgers.items() for u in e.units if u.informative and not u.facts
    ]
    reasons = count_by(u.reason.split(":")[0] for _, u in missed)
    out += ["", f"Informative units with no fact: {len(missed)} ({_reasons(reasons)}).", ""]
    for file, u in missed[:MAX_GAPS_SHOWN]:
        out.append(f"- {file} [{u.start}:{u.end}] {u.kind}: {u.reason}")
    if len(missed) > MAX_GAPS_SHOWN:
        out.append(f"- … and {len(missed) - MAX_GAPS_SHOWN} more in report.json")
    return [*out, ""]


def _reasons(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{reason} {n}" for reason, n in counts.items()) or "none"


def quantity_text(quantity: Quantity) -> str:
    """A count as a seed states it: 'nearly 30', '31', '50–250', 'more than 24'."""
    bounds = [str(b) for b in dict.fromkeys((quantity.minimum, quantity.maximum)) if b is not None]
    return f"{quantity.qualifier} {'–'.join(bounds)}".strip()


def _stated(fact: Fact, res: Resolution) -> Iterator[tuple[Ref, str, str]]:
    """(about, what is claimed, the value as stated) of a count claim, or of each value a fact
    states for a property of :data:`cowkg.assemble.CLAIMED` (a status, a destination, a host)."""
    about, quantity = fact.args.get("about"), fact.args.get("quantity")
    if fact.kind is FactKind.COUNT_CLAIM and isinstance(about, Ref):
        if isinstance(quantity, Quantity):
            yield res.ref(about), str(fact.args.get("counted", "")), quantity_text(quantity)
        return
    for subject_arg, value_arg, prop in CLAIMED.get(fact.kind, ()):
        subject, value = fact.args.get(subject_arg), fact.args.get(value_arg)
        if isinstance(subject, Ref) and value is not None:
            shown = res.label(value) if isinstance(value, Ref) else str(value)
            yield res.ref(subject), prop.split("#")[-1], shown


def conflicts(facts: Iterable[Fact], res: Resolution) -> list[Conflict]:
    """Claims about the same thing (and counted unit or property) whose values differ."""
    grouped: dict[tuple[Ref, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for fact in facts:
        for about, claimed, value in _stated(fact, res):
            grouped[(about, claimed)][value].update(span.seed for span in fact.evidence)
    out = []
    for (about, counted), values in sorted(grouped.items(), key=lambda i: (i[0][0].key, i[0][1])):
        if len(values) > 1:
            stated = [{"value": v, "seeds": sorted(s)} for v, s in sorted(values.items())]
            out.append(Conflict(f"{res.label(about)} <{res.iri(about)}>", counted, stated))
    return out


def _name_patterns(res: Resolution) -> dict[str, re.Pattern[str]]:
    """A word-boundary pattern per known state, person and organisation, from its labels."""
    patterns = {}
    for ref in res.entities():
        if ref.kind in GAP_KINDS:
            names = {res.label(ref)} | (
                {ref.key.rsplit("-", 1)[-1].title()} if ref.kind is EntityKind.PERSON else set()
            )
            alternation = "|".join(
                re.escape(n) for n in sorted(names, key=len, reverse=True) if len(n) > 1
            )
            patterns[res.label(ref)] = re.compile(rf"\b(?:{alternation})\b")
    return patterns


def coverage_gaps(sources: Iterable[Source], facts: Iterable[Fact], res: Resolution) -> list[Gap]:
    """Sentences naming a known state, person or organisation that no fact's evidence touches."""
    covered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for fact in facts:
        for span in fact.evidence:
            covered[span.seed].append((span.start, span.end))
    patterns = _name_patterns(res)
    gaps = []
    for source in sorted(sources, key=lambda s: s.file):
        spans = covered.get(source.file, [])
        for match in SENTENCE.finditer(source.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in spans):
                continue
            if len(match.group().split()) < MIN_GAP_WORDS:
                continue
            named = sorted(name for name, p in patterns.items() if p.search(match.group()))
            if named:
                gaps.append(Gap(source.file, start, end, named, " ".join(match.group().split())))
    return gaps


def count_by(values: Iterable[str]) -> dict[str, int]:
    """Counts of ``values``, sorted by key (stable output)."""
    return dict(sorted(Counter(values).items()))


def facts_by_source(facts: Iterable[Fact]) -> dict[str, int]:
    """How many facts rest (at least partly) on each seed."""
    return count_by(seed for f in facts for seed in sorted({s.seed for s in f.evidence}))


def facts_by_method(facts: Iterable[Fact]) -> dict[str, int]:
    """How many facts each rule or curation entry made."""
    return count_by(f.method for f in facts)


def make_report(
    *,
    inputs: Mapping[str, str],
    inputs_sha256: str,
    triples: Mapping[str, int],
    fact_graphs: int,
    entities_by_class: Mapping[str, int],
    res: Resolution,
    sources: Sequence[Source],
    conforms: bool,
    validation_results: int,
    records: Mapping[str, Sequence[UnitRecord]] | None = None,
) -> BuildReport:
    """Gather the report of one build from its stages' outputs (``records``: each seed's unit
    records, for the reading ledger; no ledger without them)."""
    facts = list(res.facts)
    return BuildReport(
        version=__version__,
        inputs=dict(sorted(inputs.items())),
        inputs_sha256=inputs_sha256,
        triples=dict(triples),
        fact_graphs=fact_graphs,
        facts=len(facts),
        entities_by_class=dict(sorted(entities_by_class.items())),
        facts_by_source=facts_by_source(facts),
        facts_by_method=facts_by_method(facts),
        conflicts=conflicts(facts, res),
        gaps=coverage_gaps(sources, facts, res),
        conforms=conforms,
        validation_results=validation_results,
        ledger=reading_ledger.ledger(records, res) if records is not None else {},
    )


def build_info(report: BuildReport, base: str) -> Graph:
    """``graph/build-info.ttl``: the dataset's size and version, and the build's hashed inputs."""
    g = Graph()
    dataset, build = URIRef(f"{base}dataset"), URIRef(f"{base}build")
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, DCTERMS.title, Literal(DATASET_TITLE, lang="en")))
    g.add((dataset, DCTERMS.license, URIRef(DATA_LICENSE)))
    g.add((dataset, DCTERMS.hasVersion, Literal(report.version)))
    g.add((dataset, VOID.triples, Literal(report.triples.get("total", 0))))
    g.add((dataset, VOID.entities, Literal(sum(report.entities_by_class.values()))))
    g.add((dataset, PROV.wasGeneratedBy, build))
    g.add((build, RDF.type, PROV.Activity))
    g.add((build, SCHEMA.sha256, Literal(report.inputs_sha256)))
    for path, digest in report.inputs.items():
        used = URIRef(f"{base}input/{path}")
        g.add((build, PROV.used, used))
        g.add((used, SCHEMA.url, Literal(path, datatype=XSD.anyURI)))
        g.add((used, SCHEMA.sha256, Literal(digest)))
    for name, count in report.triples.items():
        if name != "total":
            part = (
                URIRef(f"{base}graph/{name}") if name != "facts" else URIRef(f"{base}graph/fact/")
            )
            g.add((dataset, VOID.subset, part))
            g.add((part, VOID.triples, Literal(count)))
    return g
