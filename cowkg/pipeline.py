"""Pipeline: run the stages in order, log a count and a time after each, and write graph/.

``build`` is skipped when its inputs (seeds, curation, ontology, shapes, alignment tables and the
code of the data path) hash to what the last build recorded, so ``make serve`` starts at once.
A graph that does not conform to the shapes is never written: :class:`ValidationFailed` carries
the report and the last good graph stays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from cowkg.assemble import Assembly, assemble, graph_iri, read_alignments
from cowkg.curation import load_curation
from cowkg.derive import derive
from cowkg.errors import SeedError, ValidationFailed
from cowkg.extract import extract_and_record
from cowkg.ingest import SeedRunner, digest
from cowkg.ledger import UnitRecord, membership_rules
from cowkg.namespaces import bind_prefixes
from cowkg.reason import load_ontology, reason
from cowkg.report import BuildReport, build_info, make_report
from cowkg.resolve import Resolution, resolve
from cowkg.settings import PROJECT_ROOT, Settings
from cowkg.sources import load_sources
from cowkg.store import (
    GraphFiles,
    push_remote,
    remove_leftovers,
    serialise,
    to_quads,
    to_triples,
    write_graph,
)
from cowkg.types import Fact, FactValue, Lang, Money, Quantity, Ref, Source
from cowkg.validate import ValidationResult, union_graph, validate

log = logging.getLogger(__name__)

ALIGNMENTS_DIR = PROJECT_ROOT / "alignments"
ONTOLOGY_FILE = "cowkg.ttl"
SHAPES_FILE = "shapes.ttl"
REPORT_JSON = "report.json"
CODE_EXCLUDED = (
    "serve",
    "bench",
    "cli.py",
    "ontology.py",
    "settings.py",
    "__main__.py",
    "evaluate",
)
"""Modules that do not shape the graph, so editing them does not make graph/ out of date."""


@dataclass
class _Timer:
    """Seconds per stage, logged as each ends."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.seconds[name] = round(time.perf_counter() - started, 3)
        log.info("%s: done in %.2f s", name, self.seconds[name])


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.name


def input_files(settings: Settings, alignments_dir: Path = ALIGNMENTS_DIR) -> list[Path]:
    """Every file a build reads: seeds, records, curation, ontology, shapes, tables and code."""
    if not settings.seeds_dir.is_dir():
        raise SeedError(f"seeds folder {settings.seeds_dir} not found. Hint: set COWKG_SEEDS_DIR.")
    files = sorted(p for p in settings.seeds_dir.iterdir() if p.is_file())
    files += [settings.curation_file] if settings.curation_file.is_file() else []
    files += [settings.ontology_dir / ONTOLOGY_FILE, settings.ontology_dir / SHAPES_FILE]
    files += sorted(alignments_dir.glob("*.csv")) if alignments_dir.is_dir() else []
    files += code_files()
    return [p for p in files if p.is_file()]


def code_files() -> list[Path]:
    """The package files that shape the graph: code and the tables it reads."""
    package = PROJECT_ROOT / "cowkg"
    return [
        p
        for p in sorted(package.rglob("*"))
        if p.is_file()
        and p.suffix in {".py", ".yaml", ".csv", ".txt"}
        and not any(
            part in CODE_EXCLUDED or part == "__pycache__" for part in p.relative_to(package).parts
        )
    ]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


LOADED_CODE = {_relative(p): _sha256(p) for p in code_files()}
"""The code files as this process loaded them (hashed when the package was imported). A build
records and caches under these, not under what is on disk later: a process that keeps running
while its code is edited (a long test run) builds with the code it loaded, and must not write
its results under the new code's cache key or record the new code as the graph's input."""


def _on_disk(loaded: Mapping[str, str]) -> dict[str, str]:
    """The hashes on disk of the code files in ``loaded`` that differ from it."""
    out = {}
    for name, sha in loaded.items():
        path = PROJECT_ROOT / name
        now = _sha256(path) if path.is_file() else ""
        if now != sha:
            out[name] = now
    return out


def input_hashes(
    settings: Settings,
    alignments_dir: Path = ALIGNMENTS_DIR,
    loaded: Mapping[str, str] = LOADED_CODE,
) -> tuple[dict[str, str], str]:
    """SHA-256 of every input (by project-relative path, plus the base IRI every IRI starts
    with), and one digest over them all. Code files take their ``loaded`` hashes (see
    :data:`LOADED_CODE`), with a warning when the file on disk has changed since."""
    hashes = {_relative(p): _sha256(p) for p in input_files(settings, alignments_dir)}
    changed = sorted(k for k in _on_disk(loaded) if k in hashes)
    if changed:
        log.warning(
            "build: %d code file(s) changed on disk since this process started (%s); the "
            "inputs recorded are the code it runs — restart it to build with the new code",
            len(changed),
            ", ".join(changed[:3]),
        )
        hashes.update({k: loaded[k] for k in changed})
    hashes["setting:base_iri"] = hashlib.sha256(settings.base_iri.encode("utf-8")).hexdigest()
    combined = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode("utf-8")).hexdigest()
    return dict(sorted(hashes.items())), combined


def _recorded_report(graph_dir: Path) -> BuildReport | None:
    path = graph_dir / REPORT_JSON
    if not path.is_file():
        return None
    try:
        return BuildReport.from_json(path.read_text(encoding="utf-8"))
    except (ValueError, TypeError, KeyError):
        log.warning("build: %s is unreadable; rebuilding", path)
        return None


def seed_runner(settings: Settings, hashes: Mapping[str, str] | None = None) -> SeedRunner:
    """Parallel, cached per-seed extraction as configured; the cache key includes the code
    (its hashes from ``hashes``, the :func:`input_hashes` of a build, or computed here)."""
    hashes = input_hashes(settings)[0] if hashes is None else hashes
    if _on_disk(LOADED_CODE):
        # Workers would import the code on disk, not the code loaded here: run it in this
        # process, and cache nothing under a key that would not name the code that ran.
        return SeedRunner()
    return SeedRunner(
        cache_dir=settings.cache_dir / "extract" if settings.cache_dir else None,
        workers=settings.build_workers or os.cpu_count() or 1,
        code=digest(sorted((k, v) for k, v in hashes.items() if k.startswith("cowkg/"))),
    )


def load_inputs(
    settings: Settings, seeds: Sequence[str] = (), hashes: Mapping[str, str] | None = None
) -> tuple[list[Source], list[Fact], dict[str, list[UnitRecord]]]:
    """Read the seeds (all, or those named) and the curation file, and extract every fact
    (:func:`extract_and_record` checks every evidence span against its seed), with each seed's
    unit records for the reading ledger."""
    sources = load_sources(settings.seeds_dir)
    existing = [s.file for s in sources]
    if seeds:
        unknown = sorted(set(seeds) - set(existing))
        if unknown:
            raise SeedError(f"no seed named {', '.join(unknown)} in {settings.seeds_dir}")
        sources = [s for s in sources if s.file in set(seeds)]
    curation = load_curation(settings.curation_file, sources, existing)
    facts, records = extract_and_record(sources, curation, seed_runner(settings, hashes))
    return sources, facts, records


def asserted_graph(dataset: Dataset, base: str) -> Graph:
    """The union of the fact graphs: what reasoning starts from."""
    prefix = str(graph_iri(base, "fact/"))
    return union_graph(
        Dataset(), (g for g in dataset.graphs() if str(g.identifier).startswith(prefix))
    )


def _triples_by_graph(dataset: Dataset, base: str) -> dict[str, int]:
    counts: Counter[str] = Counter()
    prefix = str(graph_iri(base, ""))
    for g in dataset.graphs():
        name = str(g.identifier).removeprefix(prefix)
        kind = name.split("/")[0] if name.startswith(("fact/", "source/")) else name
        counts[{"fact": "facts", "source": "sources"}.get(kind, kind)] += len(g)
    counts.pop("urn:x-rdflib:default", None)
    total = sum(counts.values())
    return {**dict(sorted(counts.items())), "total": total}


def _entities_by_class(assembly: Assembly, base: str) -> dict[str, int]:
    names = bind_prefixes(Graph(), base).namespace_manager
    typed: dict[str, set[str]] = {}
    for g in assembly.fact_graphs:
        for s, p, o in g.triples:
            if p == RDF.type:
                typed.setdefault(o.n3(names), set()).add(str(s))
    return {cls: len(members) for cls, members in sorted(typed.items())}


def _flat(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph, base: str) -> bool:
    """Whether a named graph goes into the flat export ``cowkg.ttl`` (all but provenance)."""
    name = str(graph.value) if isinstance(graph, ox.NamedNode) else ""
    flat = (str(graph_iri(base, n)) for n in ("inferred", "alignment"))
    return name.startswith(str(graph_iri(base, "fact/"))) or name in flat


def graph_files(
    dataset: Dataset, validation: ValidationResult, report: BuildReport, base: str
) -> GraphFiles:
    """Everything ``graph/`` holds, serialised deterministically."""
    quads = to_quads(dataset)
    flat = sorted({q.triple for q in quads if _flat(q.graph_name, base)}, key=str)
    return GraphFiles(
        {
            "cowkg.nq": serialise(quads, ox.RdfFormat.N_QUADS),
            "cowkg.trig": serialise(quads, ox.RdfFormat.TRIG),
            "cowkg.ttl": serialise(flat, ox.RdfFormat.TURTLE),
            "validation.ttl": serialise(to_triples(validation.report_graph), ox.RdfFormat.TURTLE),
            "validation.txt": validation.report_text.encode("utf-8"),
            "build-info.ttl": serialise(to_triples(build_info(report, base)), ox.RdfFormat.TURTLE),
            "report.md": report.to_markdown().encode("utf-8"),
            REPORT_JSON: report.to_json().encode("utf-8"),
        }
    )


@dataclass(frozen=True)
class Built:
    """The in-memory outcome of the stages up to validation (before anything is written)."""

    dataset: Dataset
    validation: ValidationResult
    report: BuildReport


def run_stages(
    settings: Settings,
    alignments_dir: Path = ALIGNMENTS_DIR,
    hashes: tuple[dict[str, str], str] | None = None,
) -> Built:
    """Extract, resolve, assemble, reason and validate; nothing is written. ``hashes`` is the
    :func:`input_hashes` of the inputs when the caller has them already."""
    timer = _Timer()
    base = settings.base_iri
    inputs, digest = hashes or input_hashes(settings, alignments_dir)
    with timer.stage("extract"):
        sources, facts, records = load_inputs(settings, hashes=inputs)
        log.info("extract: %d facts from %d seeds", len(facts), len(sources))
    with timer.stage("resolve"):
        rules = membership_rules(sources, records)
        res: Resolution = derive(resolve(facts, base), rules)
    with timer.stage("assemble"):
        assembly = assemble(res, sources, read_alignments(alignments_dir))
        dataset = assembly.dataset
    with timer.stage("reason"):
        ontology = load_ontology(settings.ontology_dir / ONTOLOGY_FILE)
        inferred = reason(asserted_graph(dataset, base), ontology)
        target = dataset.graph(graph_iri(base, "inferred"))
        for triple in inferred:
            target.add(triple)
    with timer.stage("validate"):
        validation = validate(dataset, settings.ontology_dir / SHAPES_FILE, ontology, base)
    report = make_report(
        inputs=inputs,
        inputs_sha256=digest,
        triples=_triples_by_graph(dataset, base),
        fact_graphs=len(assembly.fact_graphs),
        entities_by_class=_entities_by_class(assembly, base),
        res=res,
        sources=sources,
        conforms=validation.conforms,
        validation_results=len(validation.report_text.splitlines()) - 1,
        records=records,
    )
    report.timings = timer.seconds
    return Built(dataset, validation, report)


def build(
    settings: Settings, force: bool = False, alignments_dir: Path = ALIGNMENTS_DIR
) -> BuildReport:
    """Build graph/ from the seeds, unless it is up to date (``force`` rebuilds anyway).

    With ``store=remote`` the graph is then loaded into the external server (also when the build
    itself was skipped, so a server started empty gets the graph).
    """
    remove_leftovers(settings.graph_dir)
    report = None if force else _recorded_report(settings.graph_dir)
    hashes = input_hashes(settings, alignments_dir)
    if report and report.inputs_sha256 == hashes[1]:
        log.info("build: inputs unchanged since the last build; skipping (use --force to rebuild)")
        report.skipped = True
    else:
        report = _build(settings, alignments_dir, hashes)
    if settings.store == "remote":
        _load_remote(settings)
    return report


def _load_remote(settings: Settings) -> None:
    if not settings.graph_store_endpoint:
        log.warning(
            "build: store=remote but COWKG_GRAPH_STORE_ENDPOINT is not set; "
            "the external server was not loaded"
        )
        return
    push_remote((settings.graph_dir / "cowkg.nq").read_bytes(), settings.graph_store_endpoint)


def _build(
    settings: Settings, alignments_dir: Path, hashes: tuple[dict[str, str], str]
) -> BuildReport:
    built = run_stages(settings, alignments_dir, hashes)
    if not built.validation.conforms:
        raise ValidationFailed(
            "the built graph does not conform to the shapes; graph/ was left as it was.\n"
            + built.validation.report_text
        )
    started = time.perf_counter()
    files = graph_files(built.dataset, built.validation, built.report, settings.base_iri)
    write_graph(settings.graph_dir, files)
    built.report.timings["store"] = round(time.perf_counter() - started, 3)
    return built.report


def _jsonable(value: FactValue | None) -> object:
    """A fact argument as JSON: refs as {kind, key, label}, dates ISO, decimals as strings."""
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Ref):
        return {"kind": value.kind.value, "key": value.key, "label": value.label}
    if isinstance(value, Lang):
        return {"text": value.text, "lang": value.lang}
    if isinstance(value, Money):
        return {"value": str(value.value), "currency": value.currency}
    if isinstance(value, Quantity):
        return {
            "minimum": _jsonable(value.minimum),
            "maximum": _jsonable(value.maximum),
            "unit": value.unit,
            "qualifier": value.qualifier,
        }
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def extract_facts(settings: Settings, seeds: Sequence[str] = ()) -> Iterator[str]:
    """The facts extracted from the seeds (all, or those named), one JSON object per line."""
    _sources, facts, _records = load_inputs(settings, seeds)
    for fact in facts:
        yield json.dumps(
            {
                "kind": fact.kind.value,
                "args": {k: _jsonable(v) for k, v in sorted(fact.args.items())},
                "evidence": [
                    {"seed": s.seed, "start": s.start, "end": s.end, "text": s.text}
                    for s in fact.evidence
                ],
                "method": fact.method,
            },
            ensure_ascii=False,
            sort_keys=True,
        )
