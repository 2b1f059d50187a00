"""Output formats keyed by name, file extension and media type, and content negotiation.

Each format has one short name used as the ``format=`` parameter and as the file extension of
download URLs (``/data/cowkg.ttl``). Serialisation is Oxigraph's: RDF through
:func:`pyoxigraph.serialize` (JSON-LD included: it writes expanded JSON-LD and never loads a remote
context), query results through :meth:`pyoxigraph.QuerySolutions.serialize`.

Rows the server reads itself (pages, statistics, the remote backend) reach this module capped at
``max_rows`` as a materialised :class:`Solutions` (:mod:`cowkg.serve.backends`); they are handed
back to Oxigraph's serialisers by writing them as SPARQL TSV (whose cells are the N-Triples forms
Oxigraph's terms print as) and parsing that with :func:`pyoxigraph.parse_query_results`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from cowkg.errors import RequestError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class Format:
    """One output format: its name (= file extension), media types (first = preferred), writer."""

    name: str
    media_types: tuple[str, ...]
    label: str
    rdf: ox.RdfFormat | None = None
    results: ox.QueryResultsFormat | None = None

    @property
    def media_type(self) -> str:
        return self.media_types[0]

    @property
    def is_quads(self) -> bool:
        """Keeps named graphs (JSON-LD too: a named graph is a node with ``@graph``)."""
        return self.rdf in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS, ox.RdfFormat.JSON_LD)


TURTLE = Format("ttl", ("text/turtle", "application/x-turtle"), "Turtle", rdf=ox.RdfFormat.TURTLE)
NTRIPLES = Format("nt", ("application/n-triples",), "N-Triples", rdf=ox.RdfFormat.N_TRIPLES)
JSONLD = Format("jsonld", ("application/ld+json",), "JSON-LD", rdf=ox.RdfFormat.JSON_LD)
RDFXML = Format("rdf", ("application/rdf+xml",), "RDF/XML", rdf=ox.RdfFormat.RDF_XML)
TRIG = Format("trig", ("application/trig",), "TriG", rdf=ox.RdfFormat.TRIG)
NQUADS = Format("nq", ("application/n-quads",), "N-Quads", rdf=ox.RdfFormat.N_QUADS)
# text/plain last: old clients (and the N-Triples 2004 spec) use it for N-Triples
NTRIPLES_PLAIN = Format("nt", ("text/plain",), "N-Triples", rdf=ox.RdfFormat.N_TRIPLES)

RESULTS_JSON = Format(
    "srj",
    ("application/sparql-results+json", "application/json"),
    "SPARQL JSON",
    results=ox.QueryResultsFormat.JSON,
)
RESULTS_XML = Format(
    "srx",
    ("application/sparql-results+xml", "application/xml", "text/xml"),
    "SPARQL XML",
    results=ox.QueryResultsFormat.XML,
)
RESULTS_CSV = Format("csv", ("text/csv",), "CSV", results=ox.QueryResultsFormat.CSV)
RESULTS_TSV = Format(
    "tsv", ("text/tab-separated-values",), "TSV", results=ox.QueryResultsFormat.TSV
)

HTML = Format("html", ("text/html", "application/xhtml+xml"), "HTML")

GRAPH_FORMATS: tuple[Format, ...] = (TURTLE, NTRIPLES, JSONLD, RDFXML, TRIG, NQUADS, NTRIPLES_PLAIN)
"""For a graph (CONSTRUCT, DESCRIBE, one named graph): quad formats put it in the default graph."""
DATASET_FORMATS: tuple[Format, ...] = (TRIG, NQUADS, JSONLD, TURTLE, NTRIPLES, RDFXML)
"""For the whole dataset: TriG, N-Quads and JSON-LD keep the named graphs, the others give their
union."""
SELECT_FORMATS: tuple[Format, ...] = (RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV)
ASK_FORMATS: tuple[Format, ...] = (RESULTS_JSON, RESULTS_XML)


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    """(media range, q) pairs of an Accept header; malformed q-values count as 0."""
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """The q of the most specific range matching ``media_type``, with that specificity (0–2)."""
    best = (-1.0, -1)
    major = media_type.split("/")[0]
    for media_range, q in ranges:
        if media_range == media_type:
            specificity = 2
        elif media_range == f"{major}/*":
            specificity = 1
        elif media_range == "*/*":
            specificity = 0
        else:
            continue
        if specificity > best[1]:
            best = (q, specificity)
    return best


def negotiate(accept: str | None, offers: Sequence[Format]) -> Format | None:
    """The offer the client prefers by ``Accept`` (q-values, most specific range wins).

    No Accept header (or an empty one) means anything: the first offer. Ties go to the earlier
    offer, so the order of ``offers`` is the server's preference. ``None``: nothing acceptable.
    """
    if not accept or not accept.strip():
        return offers[0] if offers else None
    ranges = _parse_accept(accept)
    best: tuple[float, int, int] = (0.0, -1, 0)
    chosen = None
    for rank, fmt in enumerate(offers):
        for media_type in fmt.media_types:
            q, specificity = _quality(media_type, ranges)
            # prefer higher q, then an exact match over a wildcard, then the server's order
            key = (q, specificity, -rank)
            if q > 0 and key > best:
                best, chosen = key, fmt
    return chosen


FORMAT_ALIASES: dict[str, tuple[str, ...]] = {
    "json": ("srj", "jsonld"),
    "xml": ("srx", "rdf"),
    "turtle": ("ttl",),
    "n3": ("ttl",),
    "json-ld": ("jsonld",),
    "rdf+xml": ("rdf",),
    "rdfxml": ("rdf",),
    "ntriples": ("nt",),
    "n-triples": ("nt",),
    "nquads": ("nq",),
    "n-quads": ("nq",),
}
"""``format=`` names clients send, by what they mean for each kind of answer: SPARQLWrapper
sends ``format=xml`` for RDF/XML beside a CONSTRUCT and ``format=json`` for JSON-LD; ``n3``
asks for Notation 3, of which Turtle is a subset, so Turtle satisfies it."""


def by_name(name: str, offers: Sequence[Format]) -> Format | None:
    """The offer named ``name`` (a short name such as ``ttl``, an alias, or a media type with or
    without parameters), if any; an alias means the format it names among ``offers``."""
    wanted = name.split(";")[0].strip().lower()
    for candidate in (wanted, *FORMAT_ALIASES.get(wanted, ())):
        for fmt in offers:
            if candidate == fmt.name or candidate in fmt.media_types:
                return fmt
    return None


def content_type(fmt: Format) -> str:
    """The Content-Type header value: text formats say they are UTF-8."""
    return f"{fmt.media_type}; charset=utf-8"


def serialize_rdf(
    triples: Sequence[ox.Triple] | Sequence[ox.Quad],
    fmt: Format,
    prefix_map: dict[str, str] | None = None,
) -> bytes:
    """``triples`` (or quads, for TriG/N-Quads) in ``fmt``, with our prefixes where they apply.

    ``prefix_map``: the prefixes (default :func:`cowkg.store.prefixes`, imported lazily: query
    workers pass theirs and never import rdflib).
    """
    if fmt.rdf is None:
        raise ValueError(f"{fmt.label} is not an RDF format")
    items: Sequence[ox.Triple] | Sequence[ox.Quad] = triples
    if fmt.is_quads:
        items = [
            t
            if isinstance(t, ox.Quad)
            else ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
            for t in triples
        ]
    elif triples and isinstance(triples[0], ox.Quad):
        items = list(dict.fromkeys(q.triple for q in triples))  # type: ignore[union-attr]
    with_prefixes = fmt.rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.JSON_LD)
    if with_prefixes and prefix_map is None:
        from cowkg.store import prefixes

        prefix_map = prefixes()
    out = ox.serialize(items, format=fmt.rdf, prefixes=prefix_map if with_prefixes else None)
    if fmt.rdf == ox.RdfFormat.JSON_LD and prefix_map:
        return compact_jsonld(out or b"[]", prefix_map)
    return out or b""


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def compact_jsonld(expanded: bytes, prefix_map: dict[str, str]) -> bytes:
    """Oxigraph's expanded JSON-LD with an inline ``@context`` of our prefixes, its IRIs written as
    compact IRIs (``schema:startDate``) and ``rdf:type`` as ``@type``.

    WHY by hand: Oxigraph writes expanded JSON-LD only (it ignores prefixes for JSON-LD), and the
    query workers do not load rdflib. Only namespaces ending in ``/`` or ``#`` are used, so every
    prefix is a JSON-LD 1.1 prefix and each compact IRI expands back to the same IRI; the context
    is inline, never a remote URL (nothing is ever fetched to read the data).
    """
    namespaces = sorted(
        ((p, ns) for p, ns in prefix_map.items() if ns.endswith(("/", "#"))),
        key=lambda kv: -len(kv[1]),
    )
    used: dict[str, str] = {}

    def curie(iri: str) -> str:
        for prefix, namespace in namespaces:
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and local and not local.startswith("//"):
                used[prefix] = namespace
                return f"{prefix}:{local}"
        return iri

    def node(value: object) -> object:
        if isinstance(value, list):
            return [node(v) for v in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, object] = {}
        for key, item in value.items():
            if key in ("@id", "@type") and isinstance(item, str) and not item.startswith("_:"):
                out[key] = curie(item)
            elif key == RDF_TYPE and all("@id" in v and len(v) == 1 for v in item):
                out["@type"] = [curie(v["@id"]) for v in item]
            else:
                out[key if key.startswith("@") else curie(key)] = node(item)
        return out

    body = node(json.loads(expanded))
    context = {prefix: used[prefix] for prefix in sorted(used)}
    return json.dumps({"@context": context, "@graph": body}, ensure_ascii=False).encode()


def _tsv_cell(term: Term | None) -> str:
    return "" if term is None else str(term)


def serialize_solutions(
    variables: Sequence[str], rows: Sequence[Sequence[Term | None]], fmt: Format
) -> bytes:
    """SELECT results in ``fmt`` by Oxigraph's serialiser, via a TSV hand-over (module doc)."""
    if fmt.results is None:
        raise ValueError(f"{fmt.label} is not a query results format")
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines.extend("\t".join(_tsv_cell(t) for t in row) for row in rows)
    tsv = ("\n".join(lines) + "\n").encode()
    parsed = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return parsed.serialize(format=fmt.results) or b""


def serialize_boolean(value: bool, fmt: Format) -> bytes:
    """An ASK answer in ``fmt`` by Oxigraph's serialiser."""
    if fmt.results is None:
        raise ValueError(f"{fmt.label} is not a query results format")
    document = json.dumps({"head": {}, "boolean": value}).encode()
    parsed = ox.parse_query_results(document, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=fmt.results) or b""


def refuse_unfit(kind: str, fmt: Format) -> None:
    """406 unless a result of ``kind`` (``boolean``, ``solutions``, ``triples``) fits ``fmt``."""
    if kind == "boolean" and fmt not in ASK_FORMATS:
        raise RequestError(f"an ASK answer cannot be given as {fmt.label}", status=406)
    if kind == "solutions" and fmt.results is None:
        raise RequestError(f"SELECT results cannot be given as {fmt.label}", status=406)
    if kind == "triples" and fmt.rdf is None:
        raise RequestError(f"an RDF graph cannot be given as {fmt.label}", status=406)


def offers_for(form: str | None) -> tuple[Format, ...]:
    """The formats a query of ``form`` (``"SELECT"``, ``"ASK"``, …, or unknown) can be given in."""
    if form == "ASK":
        return ASK_FORMATS
    if form in ("CONSTRUCT", "DESCRIBE"):
        return GRAPH_FORMATS
    return SELECT_FORMATS


def pick_format(accept: str | None, asked: Sequence[str], offers: tuple[Format, ...]) -> Format:
    """The output format: the last ``format=`` value that names an offer, else ``Accept``.

    ``format=`` wins over ``Accept`` when it can be met. When none of its values can (clients such
    as SPARQLWrapper repeat ``format=`` with names meant for other servers), the ``Accept`` header
    decides if there is one. Raises :class:`RequestError` 406 naming the formats on offer when
    neither can be met.
    """
    named = (by_name(name, offers) for name in reversed(asked))
    fmt = next((f for f in named if f is not None), None)
    if fmt is None and (not asked or (accept and accept.strip())):
        fmt = negotiate(accept, offers)
    if fmt is None:
        wanted = " / ".join([*asked, accept or ""]).strip(" /")
        raise RequestError(
            f"cannot produce {wanted!r} for this request. Hint: ask for one of "
            + ", ".join(f"{f.name} ({f.media_type})" for f in offers),
            status=406,
        )
    return fmt
