"""Dereferencing entity IRIs: ``{base}id/{kind}/{key}`` is answered at ``/id/{kind}/{key}``.

Whatever host the server runs on, the path is what counts, so the same graph serves on a laptop
and behind https://w3id.org/cowkg/. Source documents (``{base}source/…``) are answered the same way.

An entity IRI names a thing, not a page, so its path answers **303 See Other** to the document
describing it in the format ``Accept`` asks for (``Vary: Accept``): ``/id/state/GBR`` →
``/id/state/GBR.html`` for a browser, ``/id/state/GBR.ttl`` for ``text/turtle``, and so on
(``.jsonld``, ``.nt``, ``.rdf``). The document URLs answer 200 with ``Content-Location``. Browsers,
curl ``-L``, rdflib and SPARQL clients follow the redirect; the thing and its description keep
distinct IRIs, as the linked-data practice after httpRange-14 has it.

The HTML page shows the entity's labels in every language, its facts and the facts pointing at it
(links to related entities stay on this server), and for every fact the seed and the verbatim
passage with its code-point offsets, found through the provenance graph: the fact graphs holding a
triple about the entity → ``cow:evidence`` → ``oa:exact`` / ``oa:start`` / ``oa:end`` /
``oa:hasSource``.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from cowkg.errors import RequestError
from cowkg.namespaces import DATA_LICENSE
from cowkg.serve.backends import Solutions, Triples
from cowkg.serve.briefing import (
    VALUE_NAMES,
    Evidence,
    Section,
    SectionView,
    briefing_query,
    collect,
    merged,
    section_view,
    sections_for,
    unique_evidence,
)
from cowkg.serve.deps import ServeState, StateDep
from cowkg.serve.quotes import readable, spoken_date
from cowkg.serve.renderers import (
    HTML,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    Format,
    Term,
    by_name,
    content_type,
    serialize_rdf,
)
from cowkg.serve.routes.data import LICENSE_LINK
from cowkg.serve.routes.sparql import choose_format
from cowkg.serve.views import PROLOGUE, TermView, english_labels, iris_in, short_name, view

router = APIRouter(tags=["Linked data"])

ENTITY_FORMATS: tuple[Format, ...] = (HTML, TURTLE, JSONLD, NTRIPLES, RDFXML)
MAX_FACTS = 2000
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
FOAF_PRIMARY_TOPIC = "http://xmlns.com/foaf/0.1/primaryTopic"
DCTERMS_LICENSE = "http://purl.org/dc/terms/license"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"

FACTS = """SELECT ?dir ?p ?o ?g WHERE {{
  {{ GRAPH ?g {{ {e} ?p ?o }} BIND("out" AS ?dir) }}
  UNION {{ GRAPH ?g {{ ?o ?p {e} }} BIND("in" AS ?dir) }}
}} ORDER BY ?dir ?p ?o ?g LIMIT {limit}"""

# Against the default graph (the merge; these properties live only in the provenance graph):
# inside GRAPH <provenance> the OPTIONALs made Oxigraph 0.5 take 35 ms instead of 4 (on disk).
EVIDENCE = """SELECT ?g ?exact ?start ?end ?source ?title ?url ?method WHERE {{
  VALUES ?g {{ {graphs} }}
  ?g cow:evidence ?ev . ?ev oa:hasTarget ?t . ?t oa:hasSource ?source ; oa:hasSelector ?q , ?pos .
  ?q oa:exact ?exact . ?pos oa:start ?start ; oa:end ?end .
  OPTIONAL {{ ?g cow:extractionMethod ?method }}
  OPTIONAL {{ ?source dcterms:title ?title }} OPTIONAL {{ ?source schema:url ?url }}
}} ORDER BY ?g ?source ?start"""


DATES = "SELECT DISTINCT ?d WHERE { ?m schema:startDate ?d }"

# Properties whose rows in the full table carry no quotes: every fact graph restates the type and
# English label of the entities it mentions, so their evidence is every passage about the entity.
UNQUOTED = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
    "http://www.w3.org/2000/01/rdf-schema#label",
)


@dataclass
class FactView:
    """One statement about the entity, with the graphs it is in and its evidence; ``also``: the
    properties the reasoner added with the same value (``schema:attendee`` by ``cow:attendee``)."""

    predicate: TermView
    value: TermView
    graphs: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    also: list[TermView] = field(default_factory=list)


def graph_kind(state: ServeState, graph: str) -> str:
    """'fact', 'source', 'inferred', 'alignment', 'provenance' (or the IRI) for a graph name."""
    rest = graph[len(state.base) + len("graph/") :] if graph.startswith(state.base) else graph
    return rest.split("/")[0] if rest.startswith(("fact/", "source/")) else rest


async def _known_dates(state: ServeState) -> frozenset[str]:
    """Every date a meeting starts on, written "4 September 2025" (to read captured tables)."""
    result = await state.select(PROLOGUE + DATES)
    return frozenset(spoken_date(str(getattr(row[0], "value", ""))) for row in result.rows)


async def _evidence(state: ServeState, graphs: set[str]) -> dict[str, list[Evidence]]:
    facts = sorted(g for g in graphs if graph_kind(state, g) == "fact")
    if not facts:
        return {}
    dates = await state.memo("meeting dates", lambda: _known_dates(state))
    result = await state.select(
        PROLOGUE + EVIDENCE.format(graphs=" ".join(str(ox.NamedNode(g)) for g in facts))
    )
    out: dict[str, list[Evidence]] = defaultdict(list)
    for g, exact, start, end, source, title, url, method in result.rows:
        label = title.value if isinstance(title, ox.Literal) else None
        text = str(getattr(exact, "value", ""))
        out[str(getattr(g, "value", g))].append(
            Evidence(
                exact=text,
                shown=readable(text, dates),
                start=int(getattr(start, "value", 0)),
                end=int(getattr(end, "value", 0)),
                source=view(
                    state,
                    source,
                    {source.value: label} if label and isinstance(source, ox.NamedNode) else {},
                ),
                file=str(getattr(url, "value", "")),
                method=str(getattr(method, "value", "")),
            )
        )
    return out


async def _facts(state: ServeState, iri: str) -> Solutions:
    """Every triple about ``iri``; 404 when there is none or the path is not a valid IRI."""
    try:
        node = ox.NamedNode(iri)
    except ValueError as err:
        raise RequestError(f"<{iri}> is not a valid IRI: {err}", status=404) from err
    result = await state.select(FACTS.format(e=node, limit=MAX_FACTS))
    if not result.rows:
        raise RequestError(f"nothing is known about <{iri}> in this graph", status=404)
    return result


def entity_kind(state: ServeState, iri: str) -> str:
    """ "meeting" for ``{base}id/meeting/…``; '' for IRIs outside ``{base}id/``."""
    path = state.local_path(iri) or ""
    parts = path.split("/")
    return parts[2] if len(parts) > 3 and parts[1] == "id" else ""


def _graph_names(rows: Iterable[tuple[Term | None, ...]], column: int) -> set[str]:
    return {t.value for row in rows if isinstance(t := row[column], ox.NamedNode)}


async def _briefing(state: ServeState, iri: str) -> tuple[tuple[Section, ...], Solutions | None]:
    sections = sections_for(entity_kind(state, iri))
    if not sections:
        return sections, None
    return sections, await state.select(PROLOGUE + briefing_query(sections, iri))


def _fact_rows(
    state: ServeState,
    facts: Solutions,
    labels: dict[str, str],
    evidence: dict[str, list[Evidence]],
) -> dict[tuple[str, str, str], FactView]:
    """The full table: one row per (direction, property, value); rows the reasoner added with the
    value of an asserted row are folded into it (``also``); types and labels carry no quotes."""
    grouped: dict[tuple[str, str, str], FactView] = {}
    for direction, p, o, g in facts.rows:
        key = (str(getattr(direction, "value", "")), str(p), str(o))
        fact = grouped.setdefault(key, FactView(view(state, p, {}), view(state, o, labels)))
        graph = str(getattr(g, "value", ""))
        fact.graphs.append(graph_kind(state, graph))
        if getattr(p, "value", "") not in UNQUOTED:
            fact.evidence.extend(evidence.get(graph, []))
    for fact in grouped.values():
        fact.graphs = sorted(set(fact.graphs))
        fact.evidence = unique_evidence(fact.evidence)
    return _fold_inferred(grouped)


def _fold_inferred(
    grouped: dict[tuple[str, str, str], FactView],
) -> dict[tuple[str, str, str], FactView]:
    """A row only in the inferred graph whose value another row of the same direction already
    shows (``schema:attendee`` X beside ``cow:attendee`` X) becomes a note on that row."""
    kept: dict[tuple[str, str, str], FactView] = {}
    by_value: dict[tuple[str, str], FactView] = {}
    order = sorted(grouped.items(), key=lambda kv: (kv[1].graphs == ["inferred"], kv[0]))
    for key, fact in order:
        direction, predicate, value = key
        first = by_value.get((direction, value))
        if first is not None and fact.graphs == ["inferred"] and predicate not in UNQUOTED:
            first.also.append(fact.predicate)
            continue
        by_value.setdefault((direction, value), fact)
        kept[key] = fact
    return {k: kept[k] for k in grouped if k in kept}


async def entity_page(state: ServeState, request: Request, iri: str) -> str:
    """The HTML page of ``iri``: briefing, names, full table (kept once rendered). The facts and
    briefing queries run at once, then the labels and evidence queries."""
    open_quotes = request.query_params.get("quotes") == "open"
    key = f"{iri} {open_quotes}"
    kept = state.page(key)
    if kept is not None:
        return kept
    facts, (sections, brief) = await asyncio.gather(_facts(state, iri), _briefing(state, iri))
    graphs = _graph_names(facts.rows, 3)
    if brief is not None:
        for var in ("g", *(v for s in sections for _, v in s.sourced)):
            if var in brief.variables:
                graphs |= _graph_names(brief.rows, brief.variables.index(var))
    iris = iris_in(facts.rows) | iris_in(brief.rows if brief else []) | {iri}
    found, evidence = await asyncio.gather(english_labels(state, iris), _evidence(state, graphs))
    labels = {**VALUE_NAMES, **found}
    grouped = _fact_rows(state, facts, labels, evidence)
    names: list[tuple[str, str]] = []
    types: list[TermView] = []
    for direction, p, o, _ in facts.rows:
        predicate = getattr(p, "value", "")
        if direction is None or getattr(direction, "value", "") != "out":
            continue
        if isinstance(o, ox.Literal) and predicate.endswith(("#label", "#altLabel")):
            names.append((o.language or "", f"{o.value} ({short_name(predicate)})"))
        if predicate == UNQUOTED[0]:
            types.append(view(state, o, labels))
    local = state.local_path(iri) or request.url.path
    html = state.templates.get_template("entity.html").render(
        request=request,
        title=labels.get(iri) or short_name(iri),
        iri=iri,
        types=list({t.text: t for t in types}.values()),
        names=sorted(set(names)),
        briefing=_briefing_view(state, sections, brief, labels, evidence),
        open_quotes=open_quotes,
        outgoing=[f for k, f in grouped.items() if k[0] == "out"],
        incoming=[f for k, f in grouped.items() if k[0] == "in"],
        truncated=len(facts.rows) >= MAX_FACTS,
        downloads=[(f.label, f"{local}.{f.name}") for f in ENTITY_FORMATS if f is not HTML],
    )
    state.keep_page(key, html)
    return html


def _briefing_view(
    state: ServeState,
    sections: tuple[Section, ...],
    brief: Solutions | None,
    labels: dict[str, str],
    evidence: dict[str, list[Evidence]],
) -> list[SectionView]:
    """The briefing's sections with rows, each row with its passages; empty sections dropped."""
    if brief is None:
        return []
    out = []
    for section, rows in collect(sections, brief, lambda t: view(state, t, labels)):
        for row in rows:
            row.evidence = unique_evidence(p for g in row.graphs for p in evidence.get(g, []))
            row.unquoted = sorted({graph_kind(state, g) for g in row.graphs} - {"fact"})
            row.cell_evidence = {
                column: unique_evidence(p for g in graphs for p in evidence.get(g, []))
                for column, graphs in row.cell_graphs.items()
            }
        rows = merged(rows)
        if rows:
            out.append(section_view(section, rows))
    return out


FACT_PROVENANCE = """CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  VALUES ?g {{ {graphs} }}
  {{ ?g ?p ?o FILTER(?p IN (rdf:type, prov:wasDerivedFrom, cow:evidence, cow:extractionMethod))
     BIND(?g AS ?s) }}
  UNION {{ ?g cow:evidence ?s . ?s ?p ?o }}
  UNION {{ ?g cow:evidence/oa:hasTarget ?s . ?s ?p ?o }}
  UNION {{ ?g cow:evidence/oa:hasTarget/oa:hasSelector ?s . ?s ?p ?o }}
}}"""
"""The provenance of some fact graphs: their seeds, and each piece of evidence down to its quote
and offsets (the four levels of the Web Annotation written by ``cowkg.assemble``)."""


async def _document_triples(
    state: ServeState, iri: str, document: str, facts: Solutions
) -> list[ox.Triple]:
    """What an entity's RDF document says about itself, so a reader needs no second query: it is
    about the entity (``foaf:primaryTopic``), under the data's licence, and derived from the named
    graphs its statements are in (``prov:wasDerivedFrom``, each dereferenceable at its path),
    whose provenance — seed, quoted passage, offsets, extraction rule — it includes."""
    doc = ox.NamedNode(document)
    out = [
        ox.Triple(doc, ox.NamedNode(FOAF_PRIMARY_TOPIC), ox.NamedNode(iri)),
        ox.Triple(doc, ox.NamedNode(DCTERMS_LICENSE), ox.NamedNode(DATA_LICENSE)),
    ]
    graphs = sorted({g.value for *_, g in facts.rows if isinstance(g, ox.NamedNode)})
    out += [ox.Triple(doc, ox.NamedNode(PROV_DERIVED), ox.NamedNode(g)) for g in graphs]
    fact_graphs = [g for g in graphs if graph_kind(state, g) == "fact"]
    if fact_graphs:
        query = FACT_PROVENANCE.format(graphs=" ".join(str(ox.NamedNode(g)) for g in fact_graphs))
        result = await state.query(PROLOGUE + "PREFIX rdf: <" + RDF_NS + ">\n" + query)
        if isinstance(result, Triples):  # sorted: Turtle groups a subject's consecutive triples
            out += sorted(result.triples, key=lambda t: (str(t.subject), str(t.predicate)))
    return out


def _triples(iri: str, facts: Solutions) -> list[ox.Triple]:
    node = ox.NamedNode(iri)
    out: dict[ox.Triple, None] = {}
    for direction, p, o, _ in facts.rows:
        if not isinstance(p, ox.NamedNode) or o is None:
            continue
        if getattr(direction, "value", "") == "out":
            out[ox.Triple(node, p, o)] = None
        elif isinstance(o, ox.NamedNode | ox.BlankNode):
            out[ox.Triple(o, p, node)] = None
    return list(out)


def not_found_page(state: ServeState, request: Request, path: str, message: str) -> HTMLResponse:
    """The 404 a browser (``Accept`` naming text/html, or a ``.html`` URL) gets for an unknown
    entity: a page with a way on, not raw JSON; other clients keep the JSON error of every route."""
    guess = path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    page = state.templates.get_template("not_found.html").render(
        request=request, title="Not found", message=message, guess=guess
    )
    return HTMLResponse(page, status_code=404, headers={"Vary": "Accept"})


async def describe(state: ServeState, request: Request, path: str) -> Response:
    """The entity at ``path`` (``id/…`` or ``source/…``): 303 to a document, or the document.

    An entity IRI names a thing (a state, a person), not a web page, so, as the httpRange-14
    practice of linked data has it, the thing's path answers ``303 See Other`` to the document
    that describes it in the negotiated format (``/id/state/GBR`` → ``/id/state/GBR.ttl`` for
    ``Accept: text/turtle``, ``.html`` for a browser); the document's path answers 200.
    """
    stem, dot, ext = path.rpartition(".")
    suffix = by_name(ext, ENTITY_FORMATS) if dot and "/" not in ext else None
    if suffix is not None:
        path = stem
    fmt = suffix or choose_format(request, list(request.query_params.multi_items()), ENTITY_FORMATS)
    iri = state.base + path
    headers = {"Content-Location": f"/{path}.{fmt.name}"}
    try:
        if suffix is HTML:
            return HTMLResponse(await entity_page(state, request, iri), headers=headers)
        facts = await _facts(state, iri)
    except RequestError as exc:
        browser = suffix is HTML or "text/html" in request.headers.get("accept", "")
        if fmt is HTML and browser and exc.status == 404:
            return not_found_page(state, request, path, str(exc))
        raise
    if suffix is None:
        return RedirectResponse(f"/{path}.{fmt.name}", status_code=303, headers={"Vary": "Accept"})
    document = f"{state.base}{path}.{fmt.name}"
    triples = _triples(iri, facts) + await _document_triples(state, iri, document, facts)
    body = serialize_rdf(list(dict.fromkeys(triples)), fmt)
    headers.update(LICENSE_LINK)
    return Response(body, media_type=content_type(fmt), headers=headers)


@router.get("/id/{path:path}", summary="An entity: HTML for browsers, RDF by Accept or suffix")
async def entity(path: str, request: Request, state: StateDep) -> Response:
    return await describe(state, request, f"id/{path}")


@router.get("/source/{path:path}", summary="A source document (seed) and its description")
async def source(path: str, request: Request, state: StateDep) -> Response:
    return await describe(state, request, f"source/{path}")
