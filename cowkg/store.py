"""Store: the only writer of ``graph/``, the loader of the served store, and the remote loader.

Writing is deterministic and atomic. Deterministic: every RDF file is serialised by Oxigraph from
quads sorted by (graph, subject, predicate, object), so the same inputs give byte-identical files
and ``git diff graph/`` shows exactly what changed. Atomic: everything is written into a temporary
folder beside ``graph/`` and then swapped in with two renames, so a failed or interrupted build
leaves the last good graph (a leftover ``.graph.old`` from a crash between the renames is restored,
and the temporary folders of builds that were killed are removed, by the next build — even one that
finds the graph up to date: :func:`remove_leftovers`).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from cowkg.errors import StoreError
from cowkg.namespaces import PREFIXES
from cowkg.settings import Settings

log = logging.getLogger(__name__)

DATASET_FILE = "cowkg.nq"
FORMATS_BY_SUFFIX = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


def prefixes() -> dict[str, str]:
    """The prefixes written into Turtle and TriG files.

    ``cowr:`` is left out: entity IRIs have a '/' in their local part, which Turtle would have
    to escape (``cowr:state\\/GBR``); full IRIs read better.
    """
    out = {p: str(ns if isinstance(ns, Namespace) else ns._NS) for p, ns in PREFIXES.items()}
    return dict(sorted(out.items()))


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def _ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as an Oxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise StoreError(f"cannot store the term {term!r}")


def to_quads(dataset: Dataset) -> list[ox.Quad]:
    """The named-graph quads of ``dataset`` as Oxigraph quads, sorted (the canonical order)."""
    quads = {
        ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ox.NamedNode(str(g)))  # type: ignore[arg-type]
        for s, p, o, g in dataset.quads((None, None, None, None))
        if isinstance(g, URIRef) and g != DATASET_DEFAULT_GRAPH_ID
    }
    return sorted(quads, key=_sort_key)


def to_triples(graph: Graph) -> list[ox.Triple]:
    """The triples of ``graph`` as Oxigraph triples, sorted."""
    triples = {ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in graph}  # type: ignore[arg-type]
    return sorted(triples, key=str)


def serialise(terms: Sequence[ox.Quad] | Sequence[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """Serialise already-sorted quads or triples in ``fmt``, with our prefixes where it has them."""
    if fmt not in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG):
        return ox.serialize(terms, format=fmt) or b""
    lines = (ox.serialize(terms, format=fmt, prefixes=prefixes()) or b"").splitlines(keepends=True)
    header = sorted(line for line in lines if line.startswith(b"@prefix "))
    return b"".join(header + [line for line in lines if not line.startswith(b"@prefix ")])


@dataclass(frozen=True)
class GraphFiles:
    """The contents of ``graph/``: file name -> bytes, written together or not at all."""

    files: Mapping[str, bytes]


def _tmp_prefix(graph_dir: Path) -> str:
    """The prefix of a build's temporary folder; it holds the building process's id."""
    return f".{graph_dir.name}.tmp-"


def remove_leftovers(graph_dir: Path) -> None:
    """Restore or drop ``.graph.old`` and remove temporary folders of builds no longer running."""
    if not graph_dir.parent.is_dir():
        return
    _restore_after_crash(graph_dir)
    for folder in graph_dir.parent.glob(f"{_tmp_prefix(graph_dir)}*"):
        pid = folder.name.removeprefix(_tmp_prefix(graph_dir)).split("-")[0]
        if not (pid.isdigit() and Path(f"/proc/{pid}").exists()):
            log.info("store: removing %s left by an interrupted build", folder)
            shutil.rmtree(folder, ignore_errors=True)


def _restore_after_crash(graph_dir: Path) -> None:
    """If a crash fell between the two renames, put the last good graph back."""
    old = graph_dir.with_name(f".{graph_dir.name}.old")
    if old.exists() and not graph_dir.exists():
        log.warning("store: restoring %s from %s left by an interrupted build", graph_dir, old)
        old.rename(graph_dir)
    elif old.exists():
        shutil.rmtree(old)


def write_graph(
    graph_dir: Path, files: GraphFiles, write: Callable[[Path, bytes], None] | None = None
) -> None:
    """Write ``files`` into ``graph_dir`` atomically: all of them, or (on any error) none.

    ``write`` writes one file (default: :meth:`Path.write_bytes`); tests pass one that fails
    midway to show the last good graph survives.
    """
    put: Callable[[Path, bytes], object] = write or Path.write_bytes
    graph_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(graph_dir)
    prefix = f"{_tmp_prefix(graph_dir)}{os.getpid()}-"
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=graph_dir.parent))
    try:
        for name in sorted(files.files):
            put(tmp / name, files.files[name])
        tmp.chmod(0o755)
        old = graph_dir.with_name(f".{graph_dir.name}.old")
        if graph_dir.exists():
            graph_dir.rename(old)
        tmp.rename(graph_dir)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    log.info("store: wrote %d files to %s", len(files.files), graph_dir)


def _format_of(path: Path) -> ox.RdfFormat:
    fmt = FORMATS_BY_SUFFIX.get(path.suffix)
    if fmt is None:
        raise StoreError(
            f"cannot tell the RDF format of {path}. Hint: use one of "
            f"{', '.join(FORMATS_BY_SUFFIX)}."
        )
    return fmt


MERGE_INTO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
"""The same merge as an update, for servers loaded by their own tools (the benchmark's peer)."""


def with_merge(quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
    """Each quad, then its triple in the default graph: loaded into a store, the default graph is
    the RDF merge of every graph — each triple once, however many fact graphs state it.

    That is the graph the endpoint queries when a query names none. Oxigraph 0.5's
    ``use_default_graph_as_union`` instead yields a triple once *per graph* holding it
    (oxigraph#1919, fixed after 0.5.13): it inflates ``COUNT``/``SUM`` and multiplies joins over
    the type and label triples each fact graph repeats (AQ02 went from 150 ms to 0.2 ms).
    Done while loading, in one pass: at 1 M quads 15 s, against 10 s + 21 s for a bulk load
    followed by :data:`MERGE_INTO_DEFAULT`.
    """
    default = ox.DefaultGraph()
    for quad in quads:
        yield quad
        yield ox.Quad(quad.subject, quad.predicate, quad.object, default)


def load_store(settings: Settings, location: Path | None = None) -> ox.Store:
    """An Oxigraph store — in memory, or on disk at ``location`` — holding ``settings.dataset`` or
    ``graph/cowkg.nq``, its default graph the merge of all graphs (:func:`with_merge`).

    Raises :class:`StoreError` naming the file if it is missing or cannot be parsed.
    """
    path = settings.dataset or settings.graph_dir / DATASET_FILE
    if not path.is_file():
        raise StoreError(
            f"dataset {path} not found. Hint: run `cowkg build` (or `make build`) first, "
            "or set COWKG_DATASET to an RDF file."
        )
    try:
        store = ox.Store(str(location)) if location is not None else ox.Store()
        store.bulk_extend(with_merge(ox.parse(path=str(path), format=_format_of(path))))
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(
            f"cannot load {path}: {exc}. Hint: rebuild it with `cowkg build --force`."
        ) from exc
    return store


def prepare_store(settings: Settings, directory: Path) -> Path:
    """Load the dataset into an on-disk store in ``directory`` (its ``store`` subfolder).

    The served store: query workers open it read-only (:meth:`pyoxigraph.Store.read_only`), so
    they share its pages through the page cache. Returns the store's folder; raises
    :class:`StoreError` naming the file if it is missing or cannot be parsed.
    """
    location = directory / "store"
    store = load_store(settings, location)
    store.flush()
    count = len(store)
    del store  # closes the database before read-only readers open it
    log.info("store: %d quads (default graph: the merge of all graphs) in %s", count, location)
    return location


def push_remote(nquads: bytes, endpoint: str, client: object | None = None) -> int:
    """Load the dataset into an external SPARQL server by the Graph Store Protocol: one PUT per
    named graph, then one PUT of the default graph holding their merge (each triple once), so
    the external server answers queries without ``GRAPH`` as the embedded store does, with no
    union-default-graph option (which repeats shared triples in Oxigraph 0.5 and Virtuoso).

    ``client`` is an ``httpx.Client`` (tests pass one with a mock transport). Returns the number
    of named graphs sent; raises :class:`StoreError` with the server's answer if a PUT fails.
    """
    import httpx

    by_graph: dict[str, list[ox.Triple]] = {}
    merge: dict[ox.Triple, None] = {}
    for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.NamedNode):
            by_graph.setdefault(quad.graph_name.value, []).append(quad.triple)
        merge[quad.triple] = None
    default_url = endpoint + ("&" if "?" in endpoint else "?") + "default"
    puts = [
        (f"graph {name}", endpoint, {"graph": name}, by_graph[name]) for name in sorted(by_graph)
    ]
    puts.append(("the default graph", default_url, {}, list(merge)))
    http = client if isinstance(client, httpx.Client) else httpx.Client(timeout=60)
    try:
        for what, url, params, triples in puts:
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            try:
                response = http.put(
                    url,
                    params=params or None,  # an empty dict would drop "?default"
                    content=body,
                    headers={"Content-Type": "application/n-triples"},
                )
            except httpx.HTTPError as exc:
                raise StoreError(f"cannot reach the graph store {endpoint}: {exc}") from exc
            if response.status_code >= 400:
                raise StoreError(
                    f"graph store {endpoint} refused {what}: "
                    f"HTTP {response.status_code} {response.text[:200]}"
                )
    finally:
        if http is not client:
            http.close()
    log.info("store: loaded %d named graphs and their merge into %s", len(by_graph), endpoint)
    return len(by_graph)
