"""Descriptions of the data: VoID statistics, the ontology and the shapes at their IRIs, health.

The ontology IRI ``https://w3id.org/cowkg/ontology`` is answered at its path ``/ontology``: HTML
documentation for a browser, Turtle, RDF/XML (what Protégé asks for), JSON-LD or N-Triples for
tools, by ``Accept`` or a suffix (``/ontology.owl``). The shapes are at ``/shapes`` the same way.
Files come from ``ontology/`` (the source) and ``ontology/release/`` (the generated renderings);
a rendering that is missing is converted from the Turtle source by Oxigraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from cowkg.errors import RequestError
from cowkg.namespaces import DATA_LICENSE, DATA_RIGHTS, ONTOLOGY_IRI
from cowkg.serve.backends import Solutions
from cowkg.serve.deps import ServeState, StateDep
from cowkg.serve.renderers import (
    GRAPH_FORMATS,
    HTML,
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    Format,
    by_name,
    content_type,
    serialize_rdf,
)
from cowkg.serve.routes.sparql import choose_format

router = APIRouter(tags=["Descriptions"])

DOCUMENT_FORMATS: tuple[Format, ...] = (HTML, TURTLE, RDFXML, JSONLD, NTRIPLES)

VOID_QUERIES = {
    "entities": "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c FILTER(isIRI(?s)) }",
    "distinctSubjects": "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s ?p ?o }",
    "distinctObjects": "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?s ?p ?o }",
    "properties": "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?s ?p ?o }",
    "classes": "SELECT (COUNT(DISTINCT ?c) AS ?n) { ?s a ?c }",
}
CLASS_PARTITIONS = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c"
GRAPH_SIZES = """SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o }
  FILTER(?g IN (<{base}graph/provenance>, <{base}graph/inferred>, <{base}graph/alignment>)) }
  GROUP BY ?g ORDER BY ?g"""


def _number(row: tuple[object, ...], i: int = 0) -> int:
    term = row[i]
    return int(term.value) if isinstance(term, ox.Literal) else 0


async def void_turtle(state: ServeState, request: Request) -> str:
    """The VoID description, with statistics counted by SPARQL over the served store."""
    root = str(request.base_url)
    stats = {}
    for name, text in VOID_QUERIES.items():
        result = await state.select(text)
        stats[name] = _number(result.rows[0]) if result.rows else 0
    classes: Solutions = await state.select(CLASS_PARTITIONS)
    sizes: Solutions = await state.select(GRAPH_SIZES.replace("{base}", state.base))
    partitions = " ".join(
        f"void:classPartition [ void:class {row[0]} ; void:entities {_number(row, 1)} ] ;"
        for row in classes.rows
    )
    subsets = " ".join(
        f"void:subset [ a void:Dataset ; sd:name {row[0]} ; void:triples {_number(row, 1)} ] ;"
        for row in sizes.rows
    )
    fact_graphs = sum(1 for g in state.graph_names if g.startswith(f"{state.base}graph/fact/"))
    dumps = " , ".join(f"<{root}data/cowkg.{ext}>" for ext in ("trig", "nq", "ttl"))
    counts = " ".join(f"void:{name} {value} ;" for name, value in stats.items())
    return f"""
@prefix void: <http://rdfs.org/ns/void#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{root}.well-known/void> a void:DatasetDescription ;
    dcterms:title "VoID description of the cowkg dataset"@en ;
    rdfs:seeAlso <{root}sparql> .
<{root}.well-known/void#cowkg> a void:Dataset ;
    dcterms:title "Coalition of the Willing knowledge graph"@en ;
    dcterms:description "Meetings, attendees, chairs, pledges and plans of the Coalition of the \
Willing for Ukraine (2025–), each fact with the source passage it rests on."@en ;
    dcterms:license <{DATA_LICENSE}> ;
    dcterms:rights "{DATA_RIGHTS}"@en ;
    void:sparqlEndpoint <{root}sparql> ;
    void:dataDump {dumps} ;
    void:uriSpace "{state.base}id/" ;
    void:exampleResource <{state.base}id/coalition/coalition-of-the-willing> ;
    void:vocabulary <{ONTOLOGY_IRI}#> , <https://schema.org/> , <http://www.w3.org/ns/org#> ,
        <http://www.w3.org/ns/prov#> , <http://www.w3.org/ns/oa#> ;
    void:triples {state.counts["triples"]} ;
    {counts}
    {partitions}
    {subsets}
    void:subset [ a void:Dataset ; rdfs:label "fact graphs" ; void:documents {fact_graphs} ] .
"""


@router.get("/.well-known/void", summary="VoID description with statistics")
async def void(request: Request, state: StateDep) -> Response:
    """Turtle by default; any RDF format by ``Accept`` or ``format=``."""
    fmt = choose_format(request, list(request.query_params.multi_items()), GRAPH_FORMATS)

    async def make() -> tuple[str, list[ox.Triple]]:
        turtle = await void_turtle(state, request)
        return str(request.base_url), [
            q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)
        ]

    # computed once, whatever the Host header (one memo per host grew without bound), and its
    # links re-rooted on this request's address
    first_root, triples = await state.memo("void", make)
    body = serialize_rdf(_rerooted(triples, first_root, str(request.base_url)), fmt)
    return Response(body, media_type=content_type(fmt), headers={"Vary": "Accept"})


def _rerooted(triples: list[ox.Triple], old: str, new: str) -> list[ox.Triple]:
    """``triples`` with every IRI under ``old`` moved under ``new``."""
    if old == new:
        return triples

    def move(term: Any) -> Any:
        if isinstance(term, ox.NamedNode) and term.value.startswith(old):
            return ox.NamedNode(new + term.value[len(old) :])
        return term

    return [ox.Triple(move(t.subject), t.predicate, move(t.object)) for t in triples]


IMPORTS_IRI = ONTOLOGY_IRI + "/imports/"
RDF_DOCUMENT_FORMATS: tuple[Format, ...] = (RDFXML, TURTLE, JSONLD, NTRIPLES)
"""RDF renderings, RDF/XML first: what a client asking for anything gets (owlready2, curl)."""


def _served_imports(body: bytes, request: Request) -> bytes:
    """``body`` with the import IRIs (``https://w3id.org/cowkg/ontology/imports/{name}``) moved to
    this server (``{root}ontology/imports/{name}``), where they are answered.

    WHY: Protégé, the OWL API and owlready2 fetch each ``owl:imports`` IRI; on a laptop or offline
    ``w3id.org`` is out of reach, so the served copy names imports this server answers. The import
    IRI prefix occurs in the ontology documents only as import IRIs and an extract's own IRI (the
    release tests check it), so a textual replacement keeps the files' layout and comments.
    """
    return body.replace(IMPORTS_IRI.encode(), f"{request.base_url}ontology/imports/".encode())


def _document(
    state: ServeState,
    request: Request,
    stem: str,
    files: dict[str, Path],
    ext: str | None,
    offers: tuple[Format, ...] = DOCUMENT_FORMATS,
) -> Response:
    """A document with several renderings: a file when it exists, else converted from Turtle."""
    if ext is not None:
        fmt = by_name(ext, offers) or by_name("rdf" if ext == "owl" else "", (RDFXML,))
        if fmt is None:
            raise RequestError(f"no rendering {stem}.{ext}", status=404)
    else:
        fmt = choose_format(request, list(request.query_params.multi_items()), offers)
    path = files.get(fmt.name)
    if path is not None and path.is_file():
        body = path.read_bytes()
    else:
        source = files["ttl"]
        if fmt is HTML or not source.is_file():
            raise RequestError(
                f"the {fmt.label} rendering of /{stem} is missing. Hint: run `cowkg ontology`.",
                status=404,
            )
        body = state.cached(
            f"{stem} {fmt.name}",
            lambda: serialize_rdf(
                [q.triple for q in ox.parse(path=str(source), format=ox.RdfFormat.TURTLE)], fmt
            ),
        )
    media = "text/html; charset=utf-8" if fmt is HTML else content_type(fmt)
    if fmt is not HTML and stem.startswith("ontology"):
        body = _served_imports(body, request)
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def _ontology_files(state: ServeState) -> dict[str, Path]:
    folder = state.settings.ontology_dir
    return {
        "html": folder / "release" / "cowkg.html",
        "ttl": folder / "cowkg.ttl",
        "rdf": folder / "release" / "cowkg.owl",
        "jsonld": folder / "release" / "cowkg.jsonld",
    }


@router.get("/ontology", summary="The ontology (HTML, Turtle, RDF/XML, JSON-LD, N-Triples)")
def ontology(request: Request, state: StateDep) -> Response:
    """HTML for a browser (it asks for text/html by name); RDF/XML for a client that asks for
    anything or sends no Accept (owlready2, urllib, curl), so ``get_ontology("http://…/ontology")``
    loads as Protégé's Open from URL does."""
    offers = (*RDF_DOCUMENT_FORMATS, HTML)
    return _document(state, request, "ontology", _ontology_files(state), None, offers)


@router.get("/ontology.{ext}", summary="The ontology in one rendering (ttl, owl, rdf, jsonld, nt)")
def ontology_rendering(ext: str, request: Request, state: StateDep) -> Response:
    return _document(state, request, "ontology", _ontology_files(state), ext)


@router.get("/ontology/imports/{name}", summary="An import of the ontology (term extract)")
def ontology_import(name: str, request: Request, state: StateDep) -> Response:
    """``/ontology/imports/org`` (RDF/XML unless Accept says otherwise) or a suffix (``org.ttl``):
    the local extract each ``owl:imports`` of the ontology names, so every import resolves here."""
    stem, dot, ext = name.partition(".")
    folder = state.settings.ontology_dir
    files = {
        "ttl": folder / "imports" / f"{stem}.ttl",
        "rdf": folder / "release" / "imports" / f"{stem}.owl",
    }
    if not stem.isidentifier() or not files["ttl"].is_file():
        raise RequestError(
            f"no import named {stem!r}. Hint: the imports are listed by owl:imports in /ontology.",
            status=404,
        )
    return _document(
        state,
        request,
        f"ontology/imports/{stem}",
        files,
        ext if dot else None,
        RDF_DOCUMENT_FORMATS,
    )


def _shapes_files(state: ServeState) -> dict[str, Path]:
    return {"ttl": state.settings.ontology_dir / "shapes.ttl"}


@router.get("/shapes", summary="The SHACL shapes (HTML, Turtle, RDF/XML, JSON-LD, N-Triples)")
def shapes(request: Request, state: StateDep) -> Response:
    fmt = choose_format(request, list(request.query_params.multi_items()), DOCUMENT_FORMATS)
    if fmt is HTML:
        source = _shapes_files(state)["ttl"]
        if not source.is_file():
            raise RequestError(
                "the shapes file is missing. Hint: restore ontology/shapes.ttl.", 404
            )
        page = state.templates.get_template("source.html").render(
            title="SHACL shapes", iri="https://w3id.org/cowkg/shapes", text=source.read_text()
        )
        return HTMLResponse(page, headers={"Vary": "Accept"})
    return _document(state, request, "shapes", _shapes_files(state), fmt.name)


@router.get("/shapes.{ext}", summary="The SHACL shapes in one rendering")
def shapes_rendering(ext: str, request: Request, state: StateDep) -> Response:
    return _document(state, request, "shapes", _shapes_files(state), ext)


@router.get("/docs", include_in_schema=False)
def openapi_docs() -> HTMLResponse:
    """Swagger UI from ``/static/swagger-ui/`` (FastAPI's default loads it from a CDN)."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="cowkg API",
        swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger-ui/swagger-ui.css",
        swagger_favicon_url="/static/swagger-ui/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    )


@router.get("/health", summary="For operators: status, size, store kind, version")
def health(state: StateDep) -> JSONResponse:
    """Counts are taken once at start-up; this route never queries the store."""
    return JSONResponse(
        {
            "ok": True,
            "status": "ok",
            "triples": state.counts["triples"],
            "quads": state.counts["quads"],
            "graphs": state.counts["graphs"],
            "store": state.backend.kind,
            "version": state.version,
            "started": state.started.isoformat(timespec="seconds"),
        }
    )
