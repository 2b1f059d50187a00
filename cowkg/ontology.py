"""Ontology: load ``ontology/cowkg.ttl`` with its imports, run the QC checks, build the release.

``ontology/cowkg.ttl`` is the only hand-edited OWL file. Its ``owl:imports`` name local term
extracts of the borrowed vocabularies, resolved through ``ontology/catalog-v001.xml`` exactly as
Protégé and the OWL API resolve them, so nothing is fetched. The quality checks are SPARQL queries
``ontology/checks/*-violation.rq`` (ROBOT-report and OOPS! style): each returns offending rows and
any row stops the release, so a broken ontology never replaces a good one. The release files
(RDF/XML, JSON-LD and pyLODE HTML in ``ontology/release/``) are each written to a ``.tmp`` file and
then renamed into place, and skipped when newer than every input unless ``force``.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from cowkg.errors import OntologyError
from cowkg.namespaces import ONTOLOGY_IRI, bind_prefixes
from cowkg.settings import Settings

log = logging.getLogger(__name__)

ONTOLOGY_FILE = "cowkg.ttl"
CATALOG_FILE = "catalog-v001.xml"
CHECKS_DIR = "checks"
RELEASE_DIR = "release"
LOCAL_NS = ONTOLOGY_IRI + "#"
DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)
"""The ``rdf:type`` values that declare a term (the OWL 2 entity kinds a local term may have)."""


def parse_turtle(path: Path, what: str = "ontology file") -> Graph:
    """Parse one Turtle file (the ontology, the shapes); a missing or malformed file is an
    :class:`OntologyError` naming it."""
    if not path.is_file():
        raise OntologyError(
            f"{what} {path} not found. Hint: the sources are ontology/cowkg.ttl and "
            "ontology/shapes.ttl (setting COWKG_ONTOLOGY_DIR)."
        )
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise OntologyError(f"cannot parse {path}: {exc}") from exc


def read_catalog(path: Path) -> dict[str, Path]:
    """The import IRI → local file map of a Protégé XML catalog (``<uri name=… uri=…/>``)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise OntologyError(f"cannot read the catalog {path}: {exc}") from exc
    return {
        entry.attrib["name"]: (path.parent / entry.attrib["uri"]).resolve()
        for entry in root.iter()
        if entry.tag.endswith("}uri") and "name" in entry.attrib and "uri" in entry.attrib
    }


def load_with_imports(ontology_path: Path, catalog_path: Path | None = None) -> Graph:
    """The ontology merged with its imports closure, each import resolved through the catalog.

    An import the catalog does not map is an error, never a download: the ontology must open
    offline (in Protégé too, which reads the same catalog).
    """
    catalog = read_catalog(catalog_path or ontology_path.parent / CATALOG_FILE)
    merged = parse_turtle(ontology_path)
    pending = [o for o in merged.objects(None, OWL.imports) if isinstance(o, URIRef)]
    loaded: set[str] = set()
    while pending:
        iri = str(pending.pop())
        if iri in loaded:
            continue
        if iri not in catalog:
            raise OntologyError(
                f"owl:imports <{iri}> is not mapped in {catalog_path or CATALOG_FILE}. Hint: add a "
                f"local extract under ontology/imports/ and a <uri name=… uri=…/> entry for it."
            )
        extract = parse_turtle(catalog[iri])
        if (URIRef(iri), RDF.type, OWL.Ontology) not in extract:
            raise OntologyError(
                f"{catalog[iri]} does not declare the ontology <{iri}> it is mapped to"
            )
        loaded.add(iri)
        merged += extract
        pending.extend(o for o in extract.objects(None, OWL.imports) if isinstance(o, URIRef))
    log.info("Ontology with %d triples loaded (%d imports)", len(merged), len(loaded))
    return merged


def local_terms(graph: Graph) -> set[str]:
    """Local names of the terms the graph declares in the ``cow:`` namespace."""
    return {
        str(s)[len(LOCAL_NS) :]
        for kind in DECLARATION_TYPES
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(LOCAL_NS)
    }


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The rows one ``*-violation.rq`` check returned (empty when the ontology passes it)."""

    name: str
    rows: tuple[tuple[str, ...], ...]


def _term_text(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _store(graph: Graph) -> ox.Store:
    store = ox.Store()
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def check_files(checks_dir: Path) -> list[Path]:
    """The QC queries, sorted by name."""
    return sorted(checks_dir.glob("*-violation.rq"))


def run_checks(graph: Graph, checks: Iterable[Path]) -> list[CheckResult]:
    """Run each violation query on ``graph`` (with Oxigraph: fast, and never fetches anything)."""
    store = _store(graph)
    results = []
    for path in checks:
        try:
            solutions = store.query(path.read_text(encoding="utf-8"))
        except (SyntaxError, OSError) as exc:
            raise OntologyError(f"check {path} cannot run: {exc}") from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise OntologyError(f"check {path} must be a SELECT query")
        rows = tuple(tuple(_term_text(value) for value in solution) for solution in solutions)
        results.append(CheckResult(path.name.removesuffix("-violation.rq"), rows))
    return results


def failures_text(results: Iterable[CheckResult]) -> str:
    """One line per offending row, prefixed by its check's name ('' when all pass)."""
    return "\n".join(
        f"{result.name}: {' | '.join(row)}" for result in results for row in result.rows
    )


def check_ontology(ontology_dir: Path) -> Graph:
    """Load the ontology with its imports and run every QC check; raise if any returns a row."""
    graph = load_with_imports(ontology_dir / ONTOLOGY_FILE)
    results = run_checks(graph, check_files(ontology_dir / CHECKS_DIR))
    failures = failures_text(results)
    if failures:
        raise OntologyError(
            f"the ontology {ontology_dir / ONTOLOGY_FILE} fails its quality checks "
            f"(ontology/checks/*-violation.rq):\n{failures}"
        )
    log.info("Ontology passes %d checks", len(results))
    return graph


def _rdfxml(graph: Graph) -> bytes:
    return bind_prefixes(_copy(graph)).serialize(format="xml", encoding="utf-8")


def _jsonld(graph: Graph) -> bytes:
    data = bind_prefixes(_copy(graph))
    context = {prefix: str(ns) for prefix, ns in data.namespaces() if prefix}
    return data.serialize(format="json-ld", context=context, indent=2, encoding="utf-8")


def _import_pylode() -> type[Any]:
    """pyLODE's ``OntPub`` class, working around pyLODE 3.4.1's packaging bug.

    Its ``pylode/version.py`` reads a ``pyproject.toml`` that the wheel does not ship, so a plain
    ``import pylode`` fails; the installed distribution's metadata carries the same version.
    """
    if "pylode.version" not in sys.modules:
        stub = types.ModuleType("pylode.version")
        stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = stub
    from pylode import OntPub

    return cast(type[Any], OntPub)


def _one_title_each(graph: Graph) -> Graph:
    """The graph pyLODE documents: each term keeps its English ``rdfs:label``; its labels in
    other languages become one ``skos:note`` ("Labels in other languages: coalition (fr)").

    WHY: pyLODE writes every label of a term into its heading, run together ("Coalitioncoalition");
    a note keeps the translations on the page, in the term's table.
    """
    out = Graph()
    others: dict[URIRef, list[str]] = {}
    for s, p, o in graph:
        language = o.language if isinstance(o, Literal) else None
        if p == RDFS.label and language not in (None, "en") and isinstance(s, URIRef):
            others.setdefault(s, []).append(f"{o} ({language})")
            continue
        out.add((s, p, o))
    for term, labels in others.items():
        text = "Labels in other languages: " + ", ".join(sorted(labels))
        out.add((term, SKOS.note, Literal(text, lang="en")))
    return out


def _html(graph: Graph) -> bytes:
    OntPub = _import_pylode()  # imported late: pyLODE is slow to import and only needed here
    documented = _copy(_one_title_each(graph))
    return str(OntPub(ontology=documented, sort_subjects=True).make_html()).encode("utf-8")


def _copy(graph: Graph) -> Graph:
    """A copy with canonical blank-node labels, triples inserted in sorted order: rdflib's and
    pyLODE's writers follow insertion order, so the renderings are byte-identical whatever the
    hash seed (and ``git diff`` after a rebuild shows only real changes)."""
    out = Graph()
    for triple in sorted(to_canonical_graph(graph), key=lambda t: tuple(n.n3() for n in t)):
        out.add(triple)
    return out


RENDERINGS: dict[str, Callable[[Graph], bytes]] = {
    "cowkg.owl": _rdfxml,
    "cowkg.jsonld": _jsonld,
    "cowkg.html": _html,
}
"""Release file name → renderer of the ontology graph (``cowkg.ttl``; imports stay links)."""

IMPORTS_DIR = "imports"


def import_sources(ontology_dir: Path) -> list[Path]:
    """The import extracts (``ontology/imports/*.ttl``), sorted."""
    return sorted((ontology_dir / IMPORTS_DIR).glob("*.ttl"))


def import_release_name(source: Path) -> str:
    """Where the RDF/XML copy of an import extract goes in the release: ``imports/{stem}.owl``.

    WHY RDF/XML and that name: owlready2 reads RDF/XML (not Turtle) and finds an import on its
    ``onto_path`` by the last segment of the import IRI plus ``.owl``, so
    ``onto_path.append("ontology/release/imports")`` resolves every import with no catalog.
    """
    return f"{IMPORTS_DIR}/{source.stem}.owl"


def release_catalog(ontology_dir: Path) -> bytes:
    """``release/catalog-v001.xml``: the source catalog's import IRIs mapped to the RDF/XML copies
    in ``release/imports/``, so Protégé and the OWL API open ``release/cowkg.owl`` offline."""
    catalog = read_catalog(ontology_dir / CATALOG_FILE)
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        "<!-- Generated by `cowkg ontology`: maps each owl:imports IRI of cowkg.owl to its RDF/XML "
        "copy in imports/, so Protégé and the OWL API open this release offline. -->",
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">',
    ]
    for iri, path in sorted(catalog.items()):
        name = import_release_name(path)
        lines.append(f'    <uri id="{path.stem}" name="{iri}" uri="{name}"/>')
    lines.append("</catalog>")
    return ("\n".join(lines) + "\n").encode("utf-8")


_RENDER_IN_CHILD = """
import json, sys
from pathlib import Path
from cowkg.ontology import render
print(json.dumps({k: v.decode("utf-8") for k, v in render(Path(sys.argv[1])).items()}))
"""


def render(ontology_dir: Path) -> dict[str, bytes]:
    """Every release file by its path under ``release/``, byte-identical from run to run: the
    renderings of ``cowkg.ttl``, an RDF/XML copy of each import extract, and the release catalog.

    rdflib's RDF/XML writer and pyLODE iterate Python sets, whose order follows the string hash
    seed; so, as reproducible-build tooling does, the renderers run under ``PYTHONHASHSEED=0``
    (in a child interpreter when this one has another seed).
    """
    if os.environ.get("PYTHONHASHSEED") == "0":
        ontology = parse_turtle(ontology_dir / ONTOLOGY_FILE)
        out = {name: make(ontology) for name, make in RENDERINGS.items()}
        for source in import_sources(ontology_dir):
            out[import_release_name(source)] = _rdfxml(parse_turtle(source, "import extract"))
        out[CATALOG_FILE] = release_catalog(ontology_dir)
        return out
    child = subprocess.run(
        [sys.executable, "-c", _RENDER_IN_CHILD, str(ontology_dir)],
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    if child.returncode:
        raise OntologyError(f"rendering the ontology failed:\n{child.stderr.strip()}")
    texts: dict[str, str] = json.loads(child.stdout)
    return {name: text.encode("utf-8") for name, text in texts.items()}


def release_names(ontology_dir: Path) -> list[str]:
    """The release artefacts' paths under ``release/``, in the order they are written."""
    imports = [import_release_name(p) for p in import_sources(ontology_dir)]
    return [*RENDERINGS, *imports, CATALOG_FILE]


def release_paths(ontology_dir: Path) -> list[Path]:
    """The release artefacts, in the order :func:`build_release` writes them."""
    return [ontology_dir / RELEASE_DIR / name for name in release_names(ontology_dir)]


def source_paths(ontology_dir: Path) -> list[Path]:
    """Every input of the release: the ontology, its catalog, imports and checks."""
    return [
        ontology_dir / ONTOLOGY_FILE,
        ontology_dir / CATALOG_FILE,
        *import_sources(ontology_dir),
        *check_files(ontology_dir / CHECKS_DIR),
    ]


def is_up_to_date(ontology_dir: Path) -> bool:
    """True when every release file exists and is newer than every input."""
    outputs = release_paths(ontology_dir)
    if not all(p.is_file() for p in outputs):
        return False
    newest_input = max(p.stat().st_mtime for p in source_paths(ontology_dir) if p.is_file())
    return min(p.stat().st_mtime for p in outputs) >= newest_input


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``path`` via ``path.tmp`` and a rename, so a failure never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def build_release(settings: Settings, force: bool = False) -> list[Path]:
    """Check the ontology, then (re)write its RDF/XML, JSON-LD and HTML renderings.

    Returns the release paths. Skips the work when the release is newer than every input, unless
    ``force``. Raises :class:`OntologyError` (and writes nothing) if the ontology does not parse,
    an import does not resolve offline, or a QC check returns a row.
    """
    ontology_dir = settings.ontology_dir
    paths = release_paths(ontology_dir)
    if not force and is_up_to_date(ontology_dir):
        log.info("Ontology release is up to date (%s)", ontology_dir / RELEASE_DIR)
        return paths
    checked = check_ontology(ontology_dir)
    renderings = render(ontology_dir)
    release = ontology_dir / RELEASE_DIR
    same_rdf = all(
        (release / name).is_file() and (release / name).read_bytes() == data
        for name, data in renderings.items()
        if not name.endswith(".html")
    )
    for name in release_names(ontology_dir):
        path = release / name
        if same_rdf and path.is_file():
            path.touch()  # same ontology: keep the file (pyLODE orders some links at random)
            continue
        write_atomic(path, renderings[name])
        log.info("wrote %s", path)
    log.info("Ontology release: %d local terms, %d files", len(local_terms(checked)), len(paths))
    return paths
